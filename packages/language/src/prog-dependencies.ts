import type { AstNode } from 'langium';
import { nodesOf, referencesOf } from './prog-ast-walk.js';
import { isNamedElement } from './prog-names.js';

/**
 * What a document's workspace-wide diagnostics depend on, and what a document contributes
 * to them, as keys. A check reads the workspace index through a key (`ProgWorkspaceIndex
 * .read`); a document contributes the keys of its content. When documents change, only the
 * other documents whose last validation read a key that the changed documents contribute
 * (before or after the change) are validated again.
 *
 *   `ref:X`    — who references X: citations, answers, supports/challenges, `for`, `portfolio`
 *   `decl:X`   — who declares X
 *   `edges`    — the chain lines of every logic
 *   `programmes`, `reports`, `criteria` (assessed DAC criteria), `names` (protected person names)
 *   `documents` — which documents exist (path order)
 *   `*`        — everything (a check that read the index without naming a key)
 */
export type DependencyKey = 'edges' | 'programmes' | 'reports' | 'criteria' | 'names' | 'documents' | '*' | `ref:${string}` | `decl:${string}`;

export function refKey(name: string): DependencyKey {
    return `ref:${name}`;
}

export function declKey(name: string): DependencyKey {
    return `decl:${name}`;
}

const contributed = new WeakMap<AstNode, ReadonlySet<string>>();

/**
 * The keys a document's content contributes. Uses only names and reference texts, so it
 * also works on an unlinked tree — and is the same for a tree every time: remembered per tree
 * (an edit asks for the former tree's keys, which the edit before made as the new tree's).
 */
export function contributedKeys(root: AstNode): ReadonlySet<string> {
    let keys = contributed.get(root);
    if (!keys) contributed.set(root, keys = collectKeys(root));
    return keys;
}

function collectKeys(root: AstNode): Set<string> {
    const keys = new Set<string>();
    for (const node of nodesOf(root)) {
        if (isNamedElement(node) && node.name) keys.add(declKey(node.name));
        switch (node.$type) {
            case 'Programme': keys.add('programmes'); break;
            case 'Report': keys.add('reports'); break;
            case 'Assessment': keys.add('criteria'); break;
            case 'Chain': keys.add('edges'); break;
            case 'Source':
                if ((node as { personName?: string }).personName) keys.add('names');
                break;
            case 'Indicator':
            case 'Project': {
                // A nested indicator tells about its node; a nested project belongs to its portfolio.
                const container = node.$container as { name?: string } | undefined;
                if (container?.name) keys.add(refKey(container.name));
                break;
            }
        }
    }
    for (const { reference } of referencesOf(root)) keys.add(refKey(reference.$refText));
    return keys;
}

/**
 * The keys a document's validation read. Names read through `decl:` and `ref:` keys are
 * kept by kind, without the prefix: a check asks for the declarations of every ID it sees,
 * and building a key string per question cost several milliseconds per build of a large file.
 */
export class ReadKeys {
    readonly other = new Set<string>();
    readonly declared = new Set<string>();
    readonly referenced = new Set<string>();

    add(key: DependencyKey): void {
        if (key.startsWith('ref:')) this.referenced.add(key.slice(4));
        else if (key.startsWith('decl:')) this.declared.add(key.slice(5));
        else this.other.add(key);
    }

    has(key: string): boolean {
        if (key.startsWith('ref:')) return this.referenced.has(key.slice(4));
        if (key.startsWith('decl:')) return this.declared.has(key.slice(5));
        return this.other.has(key);
    }

    get size(): number {
        return this.other.size + this.declared.size + this.referenced.size;
    }
}

/** True when a document that read `read` must be validated again after documents contributing `changed` changed. */
export function dependsOn(read: ReadKeys, changed: ReadonlySet<string>): boolean {
    if (read.other.has('*')) return true;
    // Walk the smaller side.
    if (changed.size <= read.size) {
        for (const key of changed) if (read.has(key)) return true;
        return false;
    }
    for (const key of read.other) if (changed.has(key)) return true;
    for (const name of read.declared) if (changed.has(declKey(name))) return true;
    for (const name of read.referenced) if (changed.has(refKey(name))) return true;
    return false;
}
