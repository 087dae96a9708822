import { AstUtils, type AstNode } from 'langium';

/**
 * Which AST nodes may repeat a single-valued property: the facts the `property/duplicate`
 * check needs from parsing, as data. In the grammar each single-valued property's keyword is
 * followed by its `=` assignment, so an element parsed without errors can repeat such a
 * property only when the parser assigned one of its `=` properties twice; the parser records
 * those nodes here (langium-internals/parser-patch.ts).
 */
const reassigned = new WeakSet<object>();

/** Records that the parser assigned a `=` property of `node` when it already had a value. */
export function noteRepeatedAssignment(node: object): void {
    reassigned.add(node);
}

/**
 * Whether the parser set one of the node's single-valued properties more than once; always
 * true when the node's document has syntax errors (a keyword may then lack its value).
 */
export function mayRepeatProperty(node: AstNode): boolean {
    if (reassigned.has(node)) return true;
    const { parseResult } = AstUtils.getDocument(node);
    return parseResult.parserErrors.length > 0 || parseResult.lexerErrors.length > 0;
}
