import type { AstNode } from 'langium';
import { nodesOf, referencesOf } from '../model/prog-ast-walk.js';
import type { Source } from '../generated/ast.js';
import { isInformantSource } from '../model/prog-model.js';
import { isNamedElement } from '../references/prog-names.js';
import { unreadNamesOf } from '../parser/prog-syntax-damage.js';

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
 *   `programmes`, `reports`, `criteria` (assessed DAC criteria), `names` (protected person names),
 *   `informants` (non-public interview and focus-group sources)
 *   `documents` — which documents exist (path order)
 *   `file:NAME` — a data file of that name (lower case, no folder) that a table or chart read
 *                (`dataFileKey`, prog-table-data.ts: any file of that name, a cheap superset)
 *   `file:PATH` — the contents of the file at absolute path PATH (a transcript a quote is
 *                checked against, `fileKey`); the language server adds it when the file
 *                watcher reports PATH changed. A name never holds a separator, so the two
 *                forms cannot meet.
 *   `*`        — everything (a check that read the index without naming a key)
 */
export type DependencyKey = 'edges' | 'programmes' | 'reports' | 'criteria' | 'names' | 'informants' | 'documents' | '*' | `ref:${string}` | `decl:${string}` | `file:${string}`;

/** The key of a file's contents (an absolute path, as the file watcher reports it or as resolved). */
export function fileKey(file: string): DependencyKey {
    return `file:${file}`;
}

export function refKey(name: string): DependencyKey {
    return `ref:${name}`;
}

export function declKey(name: string): DependencyKey {
    return `decl:${name}`;
}

const contributed = new WeakMap<AstNode, DependencyKeys>();

/**
 * The keys a document's content contributes. Uses only names and reference texts, so it
 * also works on an unlinked tree — and is the same for a tree every time: remembered per tree
 * (an edit asks for the former tree's keys, which the edit before made as the new tree's).
 */
export function contributedKeys(root: AstNode): DependencyKeys {
    let keys = contributed.get(root);
    if (!keys) contributed.set(root, keys = collectKeys(root));
    return keys;
}

function collectKeys(root: AstNode): DependencyKeys {
    const keys = new DependencyKeys();
    for (const node of nodesOf(root)) {
        if (isNamedElement(node) && node.name) keys.declared.add(node.name);
        switch (node.$type) {
            case 'Programme': keys.other.add('programmes'); break;
            case 'Report': keys.other.add('reports'); break;
            case 'Assessment': keys.other.add('criteria'); break;
            case 'Chain': keys.other.add('edges'); break;
            case 'Source':
                if ((node as { personName?: string }).personName) keys.other.add('names');
                if (isInformantSource(node as Source)) keys.other.add('informants');
                break;
            case 'Indicator':
            case 'Project': {
                // A nested indicator tells about its node; a nested project belongs to its portfolio.
                const container = node.$container as { name?: string } | undefined;
                if (container?.name) keys.referenced.add(container.name);
                break;
            }
        }
    }
    for (const { reference } of referencesOf(root)) keys.referenced.add(reference.$refText);
    // Input the parser could not read may declare and cite what it names (prog-syntax-damage.ts).
    const unread = unreadNamesOf(root);
    if (unread.mentioned.size > 0) {
        for (const name of unread.declared) keys.declared.add(name);
        for (const name of unread.mentioned) keys.referenced.add(name);
        keys.other.add('edges');
        keys.other.add('criteria');
    }
    return keys;
}

/**
 * A set of dependency keys, by kind: the names of `decl:` and `ref:` keys are kept without
 * their prefix. Checks ask for the declarations of every ID they see, and building a key
 * string per question (or per comparison) cost several milliseconds per build of a large
 * file. Used for what a document's validation read and for what changed documents contribute.
 */
export class DependencyKeys {
    /** Keys other than `decl:` and `ref:` ones (`edges`, `documents`, `*`, …). */
    readonly other = new Set<string>();
    /** X of each `decl:X`. */
    readonly declared = new Set<string>();
    /** X of each `ref:X`. */
    readonly referenced = new Set<string>();

    add(key: DependencyKey): void {
        if (key.startsWith('ref:')) this.referenced.add(key.slice(4));
        else if (key.startsWith('decl:')) this.declared.add(key.slice(5));
        else this.other.add(key);
    }

    addAll(keys: DependencyKeys): void {
        for (const key of keys.other) this.other.add(key);
        for (const name of keys.declared) this.declared.add(name);
        for (const name of keys.referenced) this.referenced.add(name);
    }

    clear(): void {
        this.other.clear();
        this.declared.clear();
        this.referenced.clear();
    }
}

/**
 * What the checks of one top-level element read, kept with its diagnostics so that they can
 * be used again after an edit elsewhere in the document (prog-document-validator.ts). Lists,
 * not sets: an element reads a handful of keys, some twice, and 10,000 elements must stay
 * cheap to keep.
 */
export class ElementKeys {
    readonly other: string[] = [];
    readonly declared: string[] = [];
    readonly referenced: string[] = [];
}

/** True when an element whose checks read `read` must be checked again after elements contributing `changed` changed. */
export function elementDependsOn(read: ElementKeys, changed: DependencyKeys): boolean {
    for (const key of read.other) if (key === '*' || changed.other.has(key)) return true;
    for (const name of read.declared) if (changed.declared.has(name)) return true;
    for (const name of read.referenced) if (changed.referenced.has(name)) return true;
    return false;
}

/**
 * Records what a validation reads (prog-workspace-index.ts): the document's keys, and, while
 * the validator has a top-level element open (`element`), that element's keys too.
 */
export class KeyRecorder {
    readonly document = new DependencyKeys();
    element: ElementKeys | undefined;

    add(key: DependencyKey): void {
        if (key.startsWith('ref:')) this.referenced(key.slice(4));
        else if (key.startsWith('decl:')) this.declared(key.slice(5));
        else this.other(key);
    }

    other(key: string): void {
        this.document.other.add(key);
        this.element?.other.push(key);
    }

    declared(name: string): void {
        this.document.declared.add(name);
        this.element?.declared.push(name);
    }

    referenced(name: string): void {
        this.document.referenced.add(name);
        this.element?.referenced.push(name);
    }

    /** What an element read when it was last checked, for the document (its diagnostics are used again). */
    addElement(keys: ElementKeys): void {
        for (const key of keys.other) this.document.other.add(key);
        for (const name of keys.declared) this.document.declared.add(name);
        for (const name of keys.referenced) this.document.referenced.add(name);
    }
}

/** True when a document that read `read` must be validated again after documents contributing `changed` changed. */
export function dependsOn(read: DependencyKeys, changed: DependencyKeys): boolean {
    return read.other.has('*') || meet(read.other, changed.other) || meet(read.declared, changed.declared) || meet(read.referenced, changed.referenced);
}

/** Whether two sets share an element (walking the smaller one). */
function meet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    for (const key of small) if (large.has(key)) return true;
    return false;
}
