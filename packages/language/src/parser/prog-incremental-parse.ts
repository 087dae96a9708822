import type { AstNode, CstNode, LangiumParser, ParseResult } from 'langium';
import { isModel, type Model } from '../generated/ast.js';
import { carryOverLists } from '../model/prog-ast-walk.js';
import { carryOverLineStarts, type ProgLeafNode } from './prog-cst.js';
import { forgetRanges } from '../langium-internals/cst-patch.js';

/**
 * Parses an edited document again by re-parsing only the top-level element the edit lies
 * in, when that is safe, and splicing the new element into a new tree; otherwise (the
 * caller parses the whole text) it returns undefined. With the new tree it tells where the
 * tree came from (`origin`: the former tree and the element replaced), which the document
 * factory keeps for the linker (`ProgDocumentFactory.takeIncrementalOrigin`).
 *
 * Safe means: the former text parsed without any lexer or parser error; the changed span
 * lies strictly inside one top-level element (after its first and before its last
 * character — so no token can merge with the unchanged text around it, and the lexer is
 * in its default mode at both ends); and the element's new text parses, on its own as a
 * `TopElement`, into exactly one element without any error and covering all of it. Every
 * element of the language ends with `}` or a string, so the parser cannot take tokens of
 * the next element into this one; and tokens, hidden ones (comments) included, are laid
 * out inside an element as in a whole-document parse. The result is then the tree a
 * whole-document parse would build (test/language/incremental-parse.test.ts compares the
 * two after random edits).
 *
 * The new tree has a new root (Model and root CST node): caches keyed by the root (node
 * lists, index parts) see a new document version. The other elements and their CST nodes
 * are moved over; the CST leaves after the edit get their offsets shifted (their lines and
 * columns follow from the new text: prog-cst.ts).
 */
export function parseIncrementally<T extends AstNode = Model>(parser: LangiumParser, previous: ParseResult<AstNode>, oldText: string, newText: string): IncrementalParse<T> | undefined {
    if (previous.lexerErrors.length > 0 || previous.parserErrors.length > 0) return undefined;
    if ((previous.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    const root = previous.value;
    const rootCst = root.$cstNode as MutableComposite | undefined;
    if (!rootCst || !isModel(root)) return undefined;

    // The changed span: [start, oldEnd) in the old text is [start, newEnd) in the new one.
    const { start, suffix } = changedSpan(oldText, newText);
    const oldEnd = oldText.length - suffix;
    const delta = newText.length - oldText.length;

    // The top-level element whose text strictly contains the span.
    const index = findElement(root.elements, start);
    if (index < 0) return undefined;
    const element = root.elements[index];
    const elementCst = element.$cstNode as MutableComposite | undefined;
    if (!elementCst || elementCst.container !== rootCst) return undefined;
    const from = elementCst.offset;
    const to = elementCst.end;
    if (!(from < start && oldEnd < to)) return undefined;

    const fragmentText = flatCopy(newText.substring(from, to + delta));
    const fragment = parser.parse<AstNode>(fragmentText, { rule: 'TopElement' });
    if (fragment.lexerErrors.length > 0 || fragment.parserErrors.length > 0) return undefined;
    if ((fragment.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    const replacement = fragment.value;
    const fragmentRoot = replacement.$cstNode as MutableComposite | undefined;
    if (!fragmentRoot || fragmentRoot.offset !== 0 || fragmentRoot.end !== fragmentText.length) return undefined;

    // The new element's CST: a composite like the old one, holding the fragment's nodes.
    const composite = new (elementCst.constructor as new () => MutableComposite)();
    composite.grammarSource = elementCst.grammarSource;
    composite.content = fragmentRoot.content;
    for (const child of composite.content) (child as MutableNode).container = composite;
    // The fragment's leaves move from offset 0 to where the element starts. (Leaves compute
    // their lines and columns from the text of the root they are under: prog-cst.ts.)
    const replacementNodes = nodesUnder(composite);
    shiftLeaves(replacementNodes.leaves, from);
    forgetRanges(replacementNodes.composites);
    composite.astNode = replacement;
    (replacement as { $cstNode?: CstNode }).$cstNode = composite;

    // The new root, with every other element moved over.
    const newRootCst = new (rootCst.constructor as new (text: string) => MutableComposite)(newText);
    newRootCst.grammarSource = rootCst.grammarSource;
    newRootCst.content = rootCst.content.slice();
    const at = newRootCst.content.indexOf(elementCst);
    if (at < 0) return undefined;
    newRootCst.content[at] = composite;
    const newRoot: Model = { ...root, elements: root.elements.slice(), $cstNode: newRootCst } as Model;
    delete (newRoot as { $document?: unknown }).$document;
    newRootCst.astNode = newRoot;
    newRoot.elements[index] = replacement as Model['elements'][number];
    for (let i = 0; i < newRoot.elements.length; i++) {
        const node = newRoot.elements[i] as MutableAst;
        node.$container = newRoot;
        node.$containerProperty = 'elements';
        node.$containerIndex = i;
    }
    for (const child of newRootCst.content) (child as MutableNode).container = newRootCst;
    // Every node after the element moves: the leaves, from the lists kept per root child.
    const lists = childNodesOf(rootCst).slice();
    lists[at] = replacementNodes;
    for (let i = at + 1; i < lists.length; i++) {
        shiftLeaves(lists[i].leaves, delta);
        forgetRanges(lists[i].composites);
    }
    childNodes.delete(rootCst);
    childNodes.set(newRootCst, lists);
    carryOverLineStarts(rootCst, newRootCst, oldText, newText, start, oldEnd, oldEnd + delta);
    carryOverLists(root, newRoot, element, replacement, root.elements[index + 1]);
    // Langium's parser types its result by the caller's `T` the same way (`parse<T>`).
    return {
        result: { value: newRoot as AstNode as T, lexerErrors: [], parserErrors: [], lexerReport: fragment.lexerReport },
        origin: { previous: root, element, replacement }
    };
}

/** A tree made from a former one by re-parsing one element, and where it came from. */
export interface IncrementalParse<T extends AstNode> {
    readonly result: ParseResult<T>;
    readonly origin: IncrementalOrigin;
}

/** Where a tree made by `parseIncrementally` came from: the former tree and the element it replaced. */
export interface IncrementalOrigin {
    readonly previous: Model;
    readonly element: AstNode;
    readonly replacement: AstNode;
}

/** Characters compared at once while looking for the changed span. */
const BLOCK = 2048;

/**
 * The length of the common prefix of the two texts (`start`), and of their common suffix
 * after it (`suffix`). Whole blocks are compared as strings first (V8 compares those
 * natively), then the last block character by character: in a 2.5 MB document a loop over
 * every character took 15 ms per edit.
 */
export function changedSpan(oldText: string, newText: string): { start: number; suffix: number } {
    const limit = Math.min(oldText.length, newText.length);
    let start = 0;
    while (start + BLOCK <= limit && oldText.substring(start, start + BLOCK) === newText.substring(start, start + BLOCK)) start += BLOCK;
    while (start < limit && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
    const room = limit - start;
    let suffix = 0;
    while (suffix + BLOCK <= room
        && oldText.substring(oldText.length - suffix - BLOCK, oldText.length - suffix) === newText.substring(newText.length - suffix - BLOCK, newText.length - suffix)) suffix += BLOCK;
    while (suffix < room && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
    return { start, suffix };
}

/** The index of the element whose CST span contains `offset` (binary search; elements are in text order). */
function findElement(elements: readonly AstNode[], offset: number): number {
    let low = 0, high = elements.length - 1;
    while (low <= high) {
        const middle = (low + high) >>> 1;
        const cst = elements[middle].$cstNode;
        if (!cst) return -1;
        if (offset < cst.offset) high = middle - 1;
        else if (offset >= cst.end) low = middle + 1;
        else return middle;
    }
    return -1;
}

/**
 * A copy of `text` that does not point into a larger string. The element's IDs, titles and
 * texts are cut from the text it is parsed from; were that a slice of the whole document
 * (V8 keeps substrings as slices of their parent), every element edited once would keep
 * that version of the whole document alive: 2.5 MB per edited element in a 10,000-element
 * file. (Flattening `' ' + text` copies the characters; the slice then points into the copy.)
 */
function flatCopy(text: string): string {
    return (' ' + text).slice(1);
}

/** The leaves and the composite nodes under one child of the root CST node (itself included). */
interface ChildNodes {
    readonly leaves: ProgLeafNode[];
    readonly composites: MutableComposite[];
}

/**
 * For each root CST node that an edit has reached, the nodes under each of its children, in
 * `content` order: shifting the nodes after an edited element walks these flat lists instead
 * of the tree (in a 10,000-element file, the tree walk took 15 ms per edit, the lists 3 ms).
 * Made on the first edit of a document; each edit hands them on to the new root.
 */
const childNodes = new WeakMap<CstNode, ChildNodes[]>();

function childNodesOf(rootCst: MutableComposite): ChildNodes[] {
    let lists = childNodes.get(rootCst);
    if (!lists || lists.length !== rootCst.content.length) childNodes.set(rootCst, lists = rootCst.content.map(nodesUnder));
    return lists;
}

function nodesUnder(node: CstNode): ChildNodes {
    const nodes: ChildNodes = { leaves: [], composites: [] };
    collectCstNodes(node, nodes);
    return nodes;
}

function collectCstNodes(node: CstNode, nodes: ChildNodes): void {
    const content = (node as MutableComposite).content;
    if (content === undefined) {
        nodes.leaves.push(node as ProgLeafNode);
        return;
    }
    nodes.composites.push(node as MutableComposite);
    for (let i = 0; i < content.length; i++) collectCstNodes(content[i], nodes);
}

/** Moves leaves by `offset` characters. */
function shiftLeaves(leaves: readonly ProgLeafNode[], offset: number): void {
    for (let i = 0; i < leaves.length; i++) leaves[i]._offset += offset;
}

/** Langium 4.4's CST node fields (parser/cst-node-builder.js), written here. */
interface MutableNode extends CstNode {
    container?: MutableComposite;
}
interface MutableComposite extends MutableNode {
    content: CstNode[];
    grammarSource: CstNode['grammarSource'];
    astNode: AstNode;
}

interface MutableAst {
    $container?: AstNode;
    $containerProperty?: string;
    $containerIndex?: number;
}
