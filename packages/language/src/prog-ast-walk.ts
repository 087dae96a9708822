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

/** Calls `visit` for `root` and every node below it, parents before children, in document order. */
export function forEachNode(root: AstNode, visit: (node: AstNode) => void): void {
    const stack: AstNode[] = [root];
    const children: AstNode[] = [];
    while (stack.length > 0) {
        const node = stack.pop()!;
        visit(node);
        children.length = 0;
        for (const key in node) {
            if (key.charCodeAt(0) === 36 /* $ */) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (const item of value) if (isNode(item)) children.push(item);
            } else if (isNode(value)) {
                children.push(value);
            }
        }
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
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
        const list: AstNode[] = [];
        forEachNode(root, node => { list.push(node); });
        nodeLists.set(root, nodes = list);
    }
    return nodes;
}

/** Every cross-reference in the tree under `root`, in document order, as Langium's `ReferenceInfo`; remembered like `nodesOf`. */
export function referencesOf(root: AstNode): readonly ReferenceInfo[] {
    let references = referenceLists.get(root);
    if (!references) {
        const list: ReferenceInfo[] = [];
        for (const container of nodesOf(root)) {
            forEachReference(container, (reference, property, index) => { list.push({ reference, container, property, index }); });
        }
        referenceLists.set(root, references = list);
    }
    return references;
}
