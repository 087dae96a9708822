/**
 * Where a new Sporbar workspace may go. Every `.prog` file below a workspace folder is one
 * model, so a new model must not land where `.prog` files already are: in the folder or
 * below it (it would merge with them), in a folder above it (it would be read as part of
 * that model), or anywhere in the open workspace folder it lies in (the language server
 * reads that folder as one model). No editor API: tested on its own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type FolderConflict =
    /** The folder, or a folder below it, holds a `.prog` file. */
    | { readonly kind: 'below'; readonly file: string }
    /** A folder above holds `.prog` files directly. */
    | { readonly kind: 'above'; readonly folder: string; readonly file: string }
    /** The open workspace folder the new one lies in holds `.prog` files elsewhere. */
    | { readonly kind: 'workspace'; readonly folder: string; readonly file: string };

/** Folders the model never reads (as the language server and the CLI skip them). */
function skipped(name: string): boolean {
    return name.startsWith('.') || name === 'node_modules' || name === 'out';
}

/** At most this many directory entries are looked at below a folder (a home folder is large). */
const MAX_ENTRIES = 50_000;

/** The first `.prog` file below `folder` (breadth first, skipping what the model skips), if any. */
export function firstProgFile(folder: string, except?: string): string | undefined {
    const queue = [folder];
    let seen = 0;
    while (queue.length > 0) {
        const dir = queue.shift()!;
        if (except !== undefined && path.resolve(dir) === path.resolve(except)) continue;
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        } catch {
            continue;
        }
        for (const entry of entries) {
            if (++seen > MAX_ENTRIES) return undefined;
            if (skipped(entry.name)) continue;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) queue.push(full);
            else if (entry.name.endsWith('.prog')) return full;
        }
    }
    return undefined;
}

function progFileIn(dir: string): string | undefined {
    try {
        const entry = fs.readdirSync(dir, { withFileTypes: true }).find(e => !e.isDirectory() && e.name.endsWith('.prog'));
        return entry ? path.join(dir, entry.name) : undefined;
    } catch {
        return undefined;
    }
}

function isStrictlyInside(parent: string, child: string): boolean {
    const relative = path.relative(parent, child);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Why `target` cannot take a new workspace, or undefined when it can. */
export function findModelConflict(target: string, openFolders: readonly string[] = []): FolderConflict | undefined {
    const folder = path.resolve(target);
    const below = firstProgFile(folder);
    if (below) return { kind: 'below', file: below };
    for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
        const file = progFileIn(dir);
        if (file) return { kind: 'above', folder: dir, file };
        if (path.dirname(dir) === dir) break;
    }
    for (const open of openFolders.map(f => path.resolve(f))) {
        if (!isStrictlyInside(open, folder)) continue;
        const file = firstProgFile(open, folder);
        if (file) return { kind: 'workspace', folder: open, file };
    }
    return undefined;
}

/** The files of the new workspace that already exist in the folder. */
export function existingFiles(folder: string, files: readonly string[]): string[] {
    return files.filter(file => fs.existsSync(path.join(folder, file)));
}
