import type { AstNode, Mutable, Reference, ReferenceInfo } from 'langium';

/**
 * An AST node with its properties by name: the generic view Langium's own walks take
 * (`AstNode` declares no index signature; every generated node type is such a record).
 */
export type NodeFields = AstNode & Record<string, unknown>;

/** The properties of an AST node by name (a `$`-property, a value, a list, a reference or a child node). */
export function fieldsOf(node: AstNode): Readonly<Record<string, unknown>> {
    return node as NodeFields;
}

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

/** The nodes of a tree, and the cross-references they hold. */
export interface TreeLists {
    /** Every node, parents before children in document order. */
    readonly nodes: AstNode[];
    /** Every cross-reference as Langium's `ReferenceInfo`: node by node in that order, and in a node property by property. */
    readonly references: ReferenceInfo[];
}

/**
 * The nodes and references of the tree under `root`, in one pass over each node's
 * properties (not remembered). With `link`, the same pass does what `linkContainers` does
 * (for a parser that remembers the lists right away, saving a second walk).
 */
export function collectTree(root: AstNode, link = false): TreeLists {
    const nodes: AstNode[] = [];
    const references: ReferenceInfo[] = [];
    const stack: AstNode[] = [root];
    const children: AstNode[] = [];
    while (stack.length > 0) {
        const node = stack.pop()!;
        nodes.push(node);
        children.length = 0;
        for (const key in node) {
            if (key.charCodeAt(0) === 36 /* $ */) continue;
            const value = (node as NodeFields)[key];
            if (Array.isArray(value)) {
                const list: unknown[] = link && value.length > 0 ? value.slice() : value;
                if (list !== value) (node as NodeFields)[key] = list;
                for (let i = 0; i < list.length; i++) {
                    const item: unknown = list[i];
                    if (isNode(item)) {
                        if (link) setContainer(item, node, key, i);
                        children.push(item);
                    } else if (isRef(item)) {
                        references.push({ reference: item, container: node, property: key, index: i });
                    }
                }
            } else if (isNode(value)) {
                if (link) setContainer(value, node, key, undefined);
                children.push(value);
            } else if (isRef(value)) {
                references.push({ reference: value, container: node, property: key, index: undefined });
            }
        }
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    return { nodes, references };
}

function setContainer(child: AstNode, node: AstNode, property: string, index: number | undefined): void {
    const mutable = child as Mutable<AstNode>;
    mutable.$container = node;
    mutable.$containerProperty = property;
    if (index !== undefined) mutable.$containerIndex = index;
}

/**
 * Sets the `$container`, `$containerProperty` and (in a list) `$containerIndex` of every
 * node under `root`, as Langium's `linkContentToContainer` does after parsing, in a plain
 * loop (langium-internals/parser-patch.ts); and gives every list its exact size.
 */
export function linkContainers(root: AstNode): void {
    const stack: AstNode[] = [root];
    while (stack.length > 0) {
        const node = stack.pop()!;
        for (const key in node) {
            if (key.charCodeAt(0) === 36 /* $ */) continue;
            const value = (node as NodeFields)[key];
            if (Array.isArray(value)) {
                // The parser pushes onto an empty list, which makes V8 reserve 17 slots: a
                // copy has exactly its length (a list of one or two references then takes 40
                // bytes instead of 150; 9 MB of the trees of 1,000 files).
                const list: unknown[] = value.length > 0 ? value.slice() : value;
                if (list !== value) (node as NodeFields)[key] = list;
                for (let i = 0; i < list.length; i++) {
                    const item: unknown = list[i];
                    if (!isNode(item)) continue;
                    const child = item as Mutable<AstNode>;
                    child.$container = node;
                    child.$containerProperty = key;
                    child.$containerIndex = i;
                    stack.push(child);
                }
            } else if (isNode(value)) {
                const child = value as Mutable<AstNode>;
                child.$container = node;
                child.$containerProperty = key;
                stack.push(child);
            }
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
    return nodeLists.get(root) ?? remember(root).nodes;
}

/** Every cross-reference in the tree under `root`, in document order, as Langium's `ReferenceInfo`; remembered like `nodesOf`. */
export function referencesOf(root: AstNode): readonly ReferenceInfo[] {
    return referenceLists.get(root) ?? remember(root).references;
}

/** Walks a tree once for both lists, and keeps the ones not yet kept (carried-over lists stay). */
function remember(root: AstNode, tree = collectTree(root)): TreeLists {
    if (!nodeLists.has(root)) nodeLists.set(root, tree.nodes);
    if (!referenceLists.has(root)) referenceLists.set(root, tree.references);
    return tree;
}

/**
 * Sets the containers of a tree just parsed (as `linkContainers`) and remembers its node
 * and reference lists, in one walk: for a program that will ask for the lists anyway.
 */
export function linkAndRemember(root: AstNode): void {
    remember(root, collectTree(root, true));
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
    const fresh = collectTree(replacement);
    const nodesAfter = replaceRun(nodes, from, to, fresh.nodes);
    nodesAfter[0] = after;
    nodeLists.set(after, nodesAfter);

    const references = referenceLists.get(before);
    const at = element.$cstNode?.offset;
    if (!references || at === undefined) return;
    // The former element still starts where the new one does; the elements after it were
    // moved already, so the list is still ordered by where elements start.
    const [first, last] = elementRun(references, at, info => info.container);
    referenceLists.set(after, replaceRun(references, first, last, fresh.references));
}

/**
 * `list` with its entries from `from` to before `to` replaced by `middle`, made in one new
 * array: slicing and concatenating made three copies of a list of 150,000 nodes on every
 * keystroke in a large file (memory this VM hands out at about 4 µs per fresh page).
 */
function replaceRun<T>(list: readonly T[], from: number, to: number, middle: readonly T[]): T[] {
    const out = new Array<T>(list.length - (to - from) + middle.length);
    let k = 0;
    for (let i = 0; i < from; i++) out[k++] = list[i];
    for (let i = 0; i < middle.length; i++) out[k++] = middle[i];
    for (let i = to; i < list.length; i++) out[k++] = list[i];
    return out;
}
