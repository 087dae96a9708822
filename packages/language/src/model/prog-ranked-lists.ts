import type { AstNode } from 'langium';

/** The root of the document a node belongs to. */
export function rootOf(node: AstNode): AstNode {
    while (node.$container) node = node.$container;
    return node;
}

/**
 * Lists by key whose values stay in the path order of their documents (the document's
 * rank), then in document order — patched document by document: `remove` takes out what a
 * former version of a document contributed, `add` files a document's contributions at
 * their place. The lists are changed in place.
 */
export class RankedLists<K, V> {
    readonly map = new Map<K, V[]>();

    /** `rootOfValue`: the root of the document a value comes from. */
    constructor(private readonly rootOfValue: (value: V) => AstNode) {}

    /** Takes out these entries. True when a key lost its last value. */
    remove(entries: Iterable<readonly [K, V]>): boolean {
        const byKey = new Map<K, V[]>();
        for (const [key, value] of entries) {
            const values = byKey.get(key);
            if (values) values.push(value); else byKey.set(key, [value]);
        }
        let keyGone = false;
        for (const [key, values] of byKey) {
            const list = this.map.get(key);
            if (!list) continue;
            const kept = takeOut(list, values);
            if (kept.length === 0) {
                this.map.delete(key);
                keyGone = true;
            } else if (kept !== list) this.map.set(key, kept);
        }
        return keyGone;
    }

    /**
     * Files one document's entries, given in document order, after the values of documents
     * of lower rank and before those of higher rank. True when a key is new. When documents
     * are added in rank order (a full build) every value is simply appended; `inOrder`
     * says so, and saves the rank lookups.
     */
    add(rank: number, entries: Iterable<readonly [K, V]>, rankOf: (root: AstNode) => number, inOrder = false): boolean {
        let keyNew = false;
        let inside: Map<K, V[]> | undefined;
        for (const [key, value] of entries) {
            const list = this.map.get(key);
            if (!list) {
                this.map.set(key, [value]);
                keyNew = true;
            } else if (inOrder) {
                list.push(value);
            } else if (inside?.has(key)) {
                inside.get(key)!.push(value);
            } else if (rankOf(this.rootOfValue(list[list.length - 1])) <= rank) {
                list.push(value);
            } else {
                (inside ??= new Map()).set(key, [value]);
            }
        }
        for (const [key, values] of inside ?? []) {
            const list = this.map.get(key)!;
            let low = 0, high = list.length;
            while (low < high) {
                const middle = (low + high) >>> 1;
                if (rankOf(this.rootOfValue(list[middle])) <= rank) low = middle + 1; else high = middle;
            }
            list.splice(low, 0, ...values);
        }
        return keyNew;
    }

    /**
     * Files entries of a document one by one at their place: after the values of lower
     * rank, and of the same rank at a lower or the same `positionOf` (where the value's
     * top-level element starts), before the others. Entries of one element, given in
     * document order, thus stay in that order. True when a key is new.
     */
    insert(rank: number, entries: Iterable<readonly [K, V]>, rankOf: (root: AstNode) => number, positionOf: (value: V) => number): boolean {
        let keyNew = false;
        for (const [key, value] of entries) {
            const list = this.map.get(key);
            if (!list) {
                this.map.set(key, [value]);
                keyNew = true;
                continue;
            }
            const position = positionOf(value);
            let low = 0, high = list.length;
            while (low < high) {
                const middle = (low + high) >>> 1;
                const other = rankOf(this.rootOfValue(list[middle]));
                if (other < rank || (other === rank && positionOf(list[middle]) <= position)) low = middle + 1; else high = middle;
            }
            list.splice(low, 0, value);
        }
        return keyNew;
    }
}

/**
 * The list without these values, changed in place when it can be. The values of one
 * document (or one element) are one run of the list, in their order: found with one search
 * for the first, and cut out. Otherwise a few values are searched one by one, and many are
 * filtered out into a copy. Filtering the list of every finding of a 1,000-file workspace
 * for each document taken out cost 12 ms per edit; searching it once per value, as much.
 */
function takeOut<V>(list: V[], values: readonly V[]): V[] {
    const at = list.indexOf(values[0]);
    if (at >= 0 && at + values.length <= list.length && values.every((value, i) => list[at + i] === value)) {
        list.splice(at, values.length);
        return list;
    }
    if (values.length <= 16) {
        for (const value of values) {
            const index = list.lastIndexOf(value);
            if (index >= 0) list.splice(index, 1);
        }
        return list;
    }
    const gone = new Set(values);
    return list.filter(value => !gone.has(value));
}
