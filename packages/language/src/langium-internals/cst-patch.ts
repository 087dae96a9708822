/**
 * Access to private fields of Langium 4.4.0's CST node classes (`parser/cst-node-builder.js`:
 * `CompositeCstNodeImpl._rangeCache`, `_astNode`). Written against langium 4.4.0
 * (langium-version.ts checks the version at start-up).
 *
 * Upstream change it stands for: "CST nodes that can be moved" — a composite node caches its
 * range on first use and has no public way to forget it, and its `astNode` getter falls back
 * to its container's, so whether a node has its *own* AST node cannot be asked. The
 * incremental re-parse (parser/prog-incremental-parse.ts) moves nodes and must drop their
 * cached ranges; materialising a lean tree (parser/prog-lean-cst.ts) re-points the composite
 * nodes that belong to an AST node.
 */
import type { AstNode, CompositeCstNode } from 'langium';

/** The private fields of Langium's `CompositeCstNodeImpl` read or written here. */
interface CompositeFields {
    _rangeCache?: unknown;
    _astNode?: AstNode;
}

function fields(node: CompositeCstNode): CompositeFields {
    return node as CompositeCstNode & CompositeFields;
}

/** Drops the ranges composite nodes cached (Langium computes them from their leaves once). */
export function forgetRanges(composites: readonly CompositeCstNode[]): void {
    for (let i = 0; i < composites.length; i++) fields(composites[i])._rangeCache = undefined;
}

/** The AST node a composite CST node belongs to itself (not its container's), if any. */
export function ownAstNode(composite: CompositeCstNode): AstNode | undefined {
    return fields(composite)._astNode;
}

/** Makes `node` the AST node of a composite CST node (the setter of `CompositeCstNodeImpl.astNode`; the interface has it read-only). */
export function setOwnAstNode(composite: CompositeCstNode, node: AstNode): void {
    (composite as { astNode: AstNode }).astNode = node;
}
