import type { AstNode, Reference, ReferenceInfo } from 'langium';

/**
 * Plain loops over the syntax tree, without Langium's generic streams: the whole-workspace
 * passes (exports, linking, the index, validation) visit every node of every file on every
 * build, and the stream machinery (iterator objects, closures) was a large part of their cost.
 */

function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
}

function isRef(value: unknown): value is Reference {
    return typeof value === 'object' && value !== null && typeof (value as Reference).$refText === 'string';
}

/** The top-level element a node belongs to: the node below the root on its container path (itself when it is one). */
export function topElementOf(node: AstNode): AstNode {
    while (node.$container?.$container) node = node.$container;
    return node;
}

/** Where a node's top-level element starts in the text (-1 without a CST). */
export function elementStart(node: AstNode): number {
    return topElementOf(node).$cstNode?.offset ?? -1;
}

/**
 * In a list grouped by top-level element in document order (the node list, the reference
 * list, a document's part of the workspace facts), the run `[start, end)` of the entries
 * whose element starts at offset `at` — empty, at its place, when there are none. Found by
 * binary search from `low`; `nodeOf` gives the node an entry belongs to.
 */
export function elementRun<T>(list: readonly T[], at: number, nodeOf: (entry: T) => AstNode, low = 0): [number, number] {
    const start = firstFrom(list, low, entry => elementStart(nodeOf(entry)) >= at);
    return [start, firstFrom(list, start, entry => elementStart(nodeOf(entry)) > at)];
}

/** The first index from `low` whose entry passes `test` (which, once true, stays true along the list). */
function firstFrom<T>(list: readonly T[], low: number, test: (entry: T) => boolean): number {
    let high = list.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (test(list[middle])) high = middle; else low = middle + 1;
    }
    return low;
}

/** Calls `visit` for `root` and every node below it, parents before children, in document order. */
export function forEachNode(root: AstNode, visit: (node: AstNode) => void): void {
    for (const node of walk(root)) visit(node);
}

/**
 * The nodes of the tree under `root`, parents before children in document order; with
 * `references`, also every cross-reference into it, in the order `collectReferences` gives
 * for those nodes (node by node, and in a node property by property): one pass over each
 * node's properties for both lists.
 */
function walk(root: AstNode, references?: ReferenceInfo[]): AstNode[] {
    const nodes: AstNode[] = [];
    const stack: AstNode[] = [root];
    const children: AstNode[] = [];
    while (stack.length > 0) {
        const node = stack.pop()!;
        nodes.push(node);
        children.length = 0;
        for (const key in node) {
            if (key.charCodeAt(0) === 36 /* $ */) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (let i = 0; i < value.length; i++) {
                    const item: unknown = value[i];
                    if (isNode(item)) children.push(item);
                    else if (references && isRef(item)) references.push({ reference: item, container: node, property: key, index: i });
                }
            } else if (isNode(value)) {
                children.push(value);
            } else if (references && isRef(value)) {
                references.push({ reference: value, container: node, property: key, index: undefined });
            }
        }
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    return nodes;
}

/** Calls `visit` for every cross-reference held directly by `node`. */
export function forEachReference(node: AstNode, visit: (reference: Reference, property: string, index: number | undefined) => void): void {
    for (const key in node) {
        if (key.charCodeAt(0) === 36) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) if (isRef(value[i])) visit(value[i] as Reference, key, i);
        } else if (isRef(value)) {
            visit(value, key, undefined);
        }
    }
}

const nodeLists = new WeakMap<AstNode, readonly AstNode[]>();
const referenceLists = new WeakMap<AstNode, readonly ReferenceInfo[]>();

/**
 * Every node of the tree under `root`, parents before children in document order — walked
 * once per tree and then remembered. A build walks each document's tree four times
 * (exports, linking, the index, validation); a tree is never changed after parsing (an
 * edit parses the document into a new tree), so the walks can share one list.
 */
export function nodesOf(root: AstNode): readonly AstNode[] {
    let nodes = nodeLists.get(root);
    if (!nodes) {
        // The first walk of a tree also finds its references, which linking asks for next.
        const references: ReferenceInfo[] = [];
        nodeLists.set(root, nodes = walk(root, references));
        if (!referenceLists.has(root)) referenceLists.set(root, references);
    }
    return nodes;
}

/** Every cross-reference in the tree under `root`, in document order, as Langium's `ReferenceInfo`; remembered like `nodesOf`. */
export function referencesOf(root: AstNode): readonly ReferenceInfo[] {
    let references = referenceLists.get(root);
    if (!references) {
        const nodes = nodesOf(root);
        references = referenceLists.get(root);
        if (!references) referenceLists.set(root, references = collectReferences(nodes));
    }
    return references;
}

/** Every node of the tree under `root`, parents before children in document order (not remembered). */
export function collectNodes(root: AstNode): AstNode[] {
    return walk(root);
}

/** The cross-references held by these nodes, in their order, as `ReferenceInfo` (not remembered). */
export function collectReferences(nodes: readonly AstNode[]): ReferenceInfo[] {
    const references: ReferenceInfo[] = [];
    for (const container of nodes) {
        forEachReference(container, (reference, property, index) => { references.push({ reference, container, property, index }); });
    }
    return references;
}

/**
 * After an edit re-parsed one top-level element (prog-incremental-parse.ts), the lists of
 * the new tree are the former ones with that element's part replaced: `element` of
 * `before` became `replacement` in `after`. Lists not yet made for `before` are left to
 * be made when asked for.
 */
export function carryOverLists(before: AstNode, after: AstNode, element: AstNode, replacement: AstNode, nextElement: AstNode | undefined): void {
    const nodes = nodeLists.get(before);
    if (!nodes) return;
    const from = nodes.indexOf(element);
    const to = nextElement ? nodes.indexOf(nextElement, from + 1) : nodes.length;
    if (from < 1 || to < from) return;
    const fresh = collectNodes(replacement);
    nodeLists.set(after, [after, ...nodes.slice(1, from), ...fresh, ...nodes.slice(to)]);

    const references = referenceLists.get(before);
    const at = element.$cstNode?.offset;
    if (!references || at === undefined) return;
    // The former element still starts where the new one does; the elements after it were
    // moved already, so the list is still ordered by where elements start.
    const [first, last] = elementRun(references, at, info => info.container);
    referenceLists.set(after, [...references.slice(0, first), ...collectReferences(fresh), ...references.slice(last)]);
}
