import type { AstNode, CompositeCstNode, CstNode, GrammarAST, LangiumDocument, ParseResult, RootCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-protocol';
import { collectTree, nodesOf, referencesOf } from './prog-ast-walk.js';
import { lineStarts, positionAt } from './prog-cst.js';

/**
 * Lean syntax trees for one-shot validation (`sporbar validate`).
 *
 * A parsed document keeps a concrete syntax tree (CST) of every token besides its AST, and
 * validating 1,000 files keeps 1,000 of them alive until the end: half of the live heap,
 * which the garbage collector copies while the files are parsed. Yet a clean validation
 * asks the CST only where a node starts and ends, and its text; the rest serves the
 * editor, and the exact range of a property or keyword in a diagnostic.
 *
 * `useLeanTree` replaces, right after parsing, every AST node's `$cstNode` and every
 * reference's `$refNode` with a `LeanCstNode` that knows its offset and end (and so its
 * text and range) and nothing else, and drops the CST. Anything else asked of a lean node
 * (its content, grammar source, container, root, …) *materialises* the document: its text
 * is parsed again into a full tree, that tree's CST is attached to the AST nodes the
 * program already holds (matched one to one in document order), and from then on the
 * document is exactly as if it had never been lean; the lean node forwards to its full
 * counterpart. A validation whose diagnostics need a property's range therefore gets the
 * same range as with a full tree, for the price of parsing that one document twice.
 *
 * `test/language/lean-cst.test.ts` checks that lean and full trees give the same
 * diagnostics on every rule fixture and example, and that a clean workspace is never
 * materialised.
 */

/** The state shared by the lean nodes of one document. */
class LeanTree {
    private starts: number[] | undefined;
    private materialised = false;

    constructor(
        readonly fullText: string,
        readonly ast: AstNode,
        private readonly reparse: (text: string) => ParseResult<AstNode>
    ) {}

    rangeOf(offset: number, end: number): Range {
        const starts = this.starts ??= lineStarts(this.fullText);
        return { start: positionAt(starts, offset), end: positionAt(starts, end) };
    }

    /** Parses the text again and gives the AST nodes their full CST (once). */
    materialise(): void {
        if (this.materialised) return;
        this.materialised = true;
        leanStats.materialised++;
        const result = this.reparse(this.fullText);
        const lean = { nodes: nodesOf(this.ast), references: referencesOf(this.ast) };
        const full = collectTree(result.value);
        if (lean.nodes.length !== full.nodes.length || lean.references.length !== full.references.length) {
            throw new Error(`Parsing ${this.ast.$document?.uri.toString() ?? 'a document'} again gave a different tree`);
        }
        const leanOf = new Map<AstNode, AstNode>();
        for (let i = 0; i < lean.nodes.length; i++) {
            const node = lean.nodes[i], twin = full.nodes[i];
            if (node.$type !== twin.$type) throw new Error(`Parsing ${this.ast.$document?.uri.toString() ?? 'a document'} again gave a ${twin.$type} where a ${node.$type} was`);
            leanOf.set(twin, node);
            const leanNode = node.$cstNode;
            (node as { $cstNode?: CstNode }).$cstNode = twin.$cstNode;
            if (leanNode instanceof LeanCstNode && twin.$cstNode) fullOf.set(leanNode, twin.$cstNode);
        }
        for (let i = 0; i < lean.references.length; i++) {
            const reference = lean.references[i].reference as { $refNode?: CstNode };
            const twin = full.references[i].reference.$refNode;
            const leanNode = reference.$refNode;
            reference.$refNode = twin;
            if (leanNode instanceof LeanCstNode && twin) fullOf.set(leanNode, twin);
        }
        // The full CST's composite nodes belong to the AST nodes the program holds.
        const root = result.value.$cstNode;
        if (root) repointComposites(root as CompositeCstNode, leanOf);
    }
}

/** Sets the AST node of every composite CST node under `node` to its lean twin. */
function repointComposites(node: CompositeCstNode, leanOf: ReadonlyMap<AstNode, AstNode>): void {
    const stack: CompositeCstNode[] = [node];
    while (stack.length > 0) {
        const composite = stack.pop()! as CompositeCstNode & { _astNode?: AstNode; astNode: AstNode };
        const own = composite._astNode;
        if (own) {
            const twin = leanOf.get(own);
            if (twin) composite.astNode = twin;
        }
        for (const child of composite.content) {
            if (Array.isArray((child as CompositeCstNode).content)) stack.push(child as CompositeCstNode);
        }
    }
}

/**
 * The full node of each lean node of a materialised document. Not a field of the lean node:
 * one field less is 8 bytes less in each of the 230,000 lean nodes of 1,000 files, and
 * few documents are ever materialised.
 */
const fullOf = new WeakMap<LeanCstNode, CstNode>();

/**
 * A CST node that knows where it is and nothing else. `offset`, `end`, `length`, `text`,
 * `range` and `hidden` are its own; every other member materialises the document and
 * forwards.
 */
export class LeanCstNode implements CstNode {
    constructor(private readonly tree: LeanTree, readonly offset: number, readonly end: number) {}

    get length(): number {
        return this.end - this.offset;
    }

    get text(): string {
        return this.tree.fullText.substring(this.offset, this.end);
    }

    get range(): Range {
        return this.tree.rangeOf(this.offset, this.end);
    }

    private get forward(): CstNode & Partial<CompositeCstNode> & { tokenType?: unknown } {
        let full = fullOf.get(this);
        if (!full) {
            this.tree.materialise();
            full = fullOf.get(this);
            if (!full) throw new Error('A lean CST node has no full counterpart');
        }
        return full;
    }

    get container(): CompositeCstNode | undefined { return this.forward.container; }
    get root(): RootCstNode { return this.forward.root; }
    get grammarSource(): GrammarAST.AbstractElement | undefined { return this.forward.grammarSource; }
    get astNode(): AstNode { return this.forward.astNode; }
    /** Never: lean nodes stand for AST nodes' CST nodes and reference tokens, which are not hidden. */
    get hidden(): boolean { return false; }
    get content(): readonly CstNode[] | undefined { return this.forward.content; }
    get tokenType(): unknown { return this.forward.tokenType; }
    get fullText(): string | undefined { return (this.forward as Partial<RootCstNode>).fullText; }
}

/** How often documents were materialised (tests and benchmarks read it). */
export const leanStats = { materialised: 0 };

/**
 * Gives a freshly parsed document a lean tree (see above). Documents with lexer or parser
 * errors keep their full tree: their diagnostics need it anyway.
 */
export function useLeanTree(document: LangiumDocument, reparse: (text: string) => ParseResult<AstNode>): void {
    const { parseResult } = document;
    const ast = parseResult.value;
    const root = ast.$cstNode as RootCstNode | undefined;
    if (!root || parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) return;
    const tree = new LeanTree(root.fullText, ast, reparse);
    const lean = (cst: CstNode | undefined) => cst && new LeanCstNode(tree, cst.offset, cst.end);
    for (const node of nodesOf(ast)) (node as { $cstNode?: CstNode }).$cstNode = lean(node.$cstNode);
    for (const { reference } of referencesOf(ast)) (reference as { $refNode?: CstNode }).$refNode = lean(reference.$refNode);
}
