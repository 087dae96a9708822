import type { AstNode, CompositeCstNode, CstNode, GrammarAST, ParseResult, RootCstNode } from 'langium';
import type { IToken } from 'chevrotain';
import type { Range } from 'vscode-languageserver-protocol';
import { nodesOf, referencesOf } from '../model/prog-ast-walk.js';
import { lineStarts, positionAt } from './prog-cst.js';
import { ownAstNode, setOwnAstNode } from '../langium-internals/cst-patch.js';

/**
 * Lean syntax trees for one-shot validation (`sporbar validate`).
 *
 * A parsed document keeps a concrete syntax tree (CST) of every token besides its AST, and
 * validating 1,000 files keeps 1,000 of them alive until the end: half of the live heap,
 * which the garbage collector copies while the files are parsed. Yet a clean validation
 * asks the CST only where a node starts and ends, and its text; the rest serves the
 * editor, and the exact range of a property or keyword in a diagnostic.
 *
 * A parser that builds lean trees (`ProgParser.leanTrees`, with `LeanCstBuilder` below)
 * gives every AST node's `$cstNode` and every reference's `$refNode` a `LeanCstNode` that
 * knows its offset and end (and so its text and range) and nothing else, and builds no
 * other CST node, so the garbage collector never copies a full tree while a file is
 * parsed (docs/performance.md). Anything else asked of a lean node
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
    /** The AST the lean nodes belong to; set when the parse is done. */
    ast: AstNode | undefined;

    constructor(
        readonly fullText: string,
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
        const ast = this.ast;
        if (!ast) throw new Error('A lean CST node was asked for more than its place before its document was parsed');
        const result = this.reparse(this.fullText);
        const lean = { nodes: nodesOf(ast), references: referencesOf(ast) };
        // A parser that remembers its trees' lists (one-shot loads) made these while parsing.
        const full = { nodes: nodesOf(result.value), references: referencesOf(result.value) };
        if (lean.nodes.length !== full.nodes.length || lean.references.length !== full.references.length) {
            throw new Error(`Parsing ${ast.$document?.uri.toString() ?? 'a document'} again gave a different tree`);
        }
        const leanOf = new Map<AstNode, AstNode>();
        for (let i = 0; i < lean.nodes.length; i++) {
            const node = lean.nodes[i], twin = full.nodes[i];
            if (node.$type !== twin.$type) throw new Error(`Parsing ${ast.$document?.uri.toString() ?? 'a document'} again gave a ${twin.$type} where a ${node.$type} was`);
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
        const composite = stack.pop()!;
        const own = ownAstNode(composite);
        if (own) {
            const twin = leanOf.get(own);
            if (twin) setOwnAstNode(composite, twin);
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
    /** `offset` and `end` grow while the parser builds the node (`LeanCstBuilder`); -1: no token yet. */
    constructor(private readonly tree: LeanTree, public offset: number, public end: number) {}

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
    /** Langium's parser links each node's CST node back to it; a lean node finds it through its full twin. */
    set astNode(_node: AstNode) { /* see the getter */ }
    /** Never: lean nodes stand for AST nodes' CST nodes and reference tokens, which are not hidden. */
    get hidden(): boolean { return false; }
    get content(): readonly CstNode[] | undefined { return this.forward.content; }
    get tokenType(): unknown { return this.forward.tokenType; }
    get fullText(): string | undefined { return (this.forward as Partial<RootCstNode>).fullText; }
}

/** How often documents were materialised (tests and benchmarks read it). */
export const leanStats = { materialised: 0 };

/** The token of a cross-reference: a lean node that also knows its grammar element, which the value converter reads. */
class LeanReferenceNode extends LeanCstNode {
    constructor(tree: LeanTree, offset: number, end: number, private readonly feature: GrammarAST.AbstractElement) {
        super(tree, offset, end);
    }

    override get grammarSource(): GrammarAST.AbstractElement {
        return this.feature;
    }
}

/** What the value converter is handed for a token or a data type rule that is not a reference: its grammar element. */
interface Scratch {
    grammarSource: unknown;
    offset: number;
    end: number;
    length: number;
}

/**
 * Builds lean trees while parsing, in place of Langium's `CstNodeBuilder` (the methods
 * Langium 4.4's parser calls): an AST node's CST node is a `LeanCstNode` whose offset is
 * that of the first token consumed for it and whose end is that of the last one (comments
 * do not count, as in Langium's composite nodes); a reference's token is a lean node of its
 * own. No leaf is made for any other token, and no composite keeps a list of children: a
 * tree takes a fraction of the memory of a full one, and the garbage collector, which
 * copies each object that survives while the file is parsed, a fraction of the time.
 *
 * A parse with syntax errors is not lean: the parser parses the text again with the full
 * builder (langium-internals/parser-patch.ts). `reparse` is that full parse, for materialising.
 */
export class LeanCstBuilder {
    private tree: LeanTree | undefined;
    /** The nodes being built, innermost last, and the grammar element of each. */
    private readonly nodes: LeanCstNode[] = [];
    private readonly features: unknown[] = [];
    private readonly scratch: Scratch = { grammarSource: undefined, offset: 0, end: 0, length: 0 };

    constructor(private readonly reparse: (text: string) => ParseResult<AstNode>) {}

    buildRootNode(input: string): LeanCstNode {
        const tree = this.tree = new LeanTree(input, this.reparse);
        const root = new LeanCstNode(tree, -1, -1);
        this.nodes.length = 0;
        this.features.length = 0;
        this.nodes.push(root);
        this.features.push(undefined);
        return root;
    }

    buildCompositeNode(feature: unknown): LeanCstNode {
        const node = new LeanCstNode(this.tree!, -1, -1);
        this.nodes.push(node);
        this.features.push(feature);
        return node;
    }

    buildLeafNode(token: IToken, feature: GrammarAST.AbstractElement | undefined): LeanCstNode | Scratch {
        const offset = token.startOffset;
        const end = offset + token.image.length;
        const current = this.nodes[this.nodes.length - 1];
        if (current) {
            if (current.offset < 0) current.offset = offset;
            current.end = end;
        }
        if (feature?.$type === 'CrossReference') return new LeanReferenceNode(this.tree!, offset, end, feature);
        const scratch = this.scratch;
        scratch.grammarSource = feature;
        scratch.offset = offset;
        scratch.end = end;
        scratch.length = end - offset;
        return scratch;
    }

    /** Comments do not count for where a node starts and ends. */
    addHiddenNodes(): void {
        // nothing to build
    }

    construct(item: { $type: unknown; $cstNode?: unknown }): void {
        const node = this.nodes.pop();
        const feature = this.features.pop();
        if (!node) return;
        if (node.offset < 0) {
            // Nothing consumed (possible only with syntax errors): an empty node at 0, as Langium's.
            node.offset = 0;
            node.end = 0;
        } else {
            const parent = this.nodes[this.nodes.length - 1];
            if (parent) {
                if (parent.offset < 0) parent.offset = node.offset;
                parent.end = node.end;
            }
        }
        if (typeof item.$type === 'string') {
            item.$cstNode = node;
        } else {
            // A data type rule's value: the value converter reads the rule call it came from.
            const scratch = this.scratch;
            scratch.grammarSource = feature;
            scratch.offset = node.offset;
            scratch.end = node.end;
            scratch.length = node.end - node.offset;
            item.$cstNode = scratch;
        }
    }

    /** Gives the lean nodes of the parse just done their AST. */
    finish(ast: AstNode): void {
        if (this.tree) this.tree.ast = ast;
        this.tree = undefined;
    }

    /** Only grammar actions call these, and the grammar has none. */
    removeNode(): void {
        throw new Error('prog-lean-cst.ts: grammar actions are not supported by lean trees');
    }

    appendChild(): void {
        throw new Error('prog-lean-cst.ts: grammar actions are not supported by lean trees');
    }
}
