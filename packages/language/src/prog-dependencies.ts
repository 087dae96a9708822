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

/** True when a document that read `read` must be validated again after documents contributing `changed` changed. */
export function dependsOn(read: ReadonlySet<string>, changed: ReadonlySet<string>): boolean {
    if (read.has('*')) return true;
    for (const key of read) if (changed.has(key)) return true;
    return false;
}
