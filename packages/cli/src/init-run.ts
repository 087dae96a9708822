import * as fs from 'node:fs';
import * as path from 'node:path';
import { scaffoldWorkspace } from '@sporbar/language/scaffold';
import { findProgFiles } from '@sporbar/language/core';
import { UsageError, type Io } from './cli-io.js';
import { shownPath } from './cli-workspace.js';
import type { InitOptions } from './cmd-init.js';

/** Editor files of the scaffold that a folder may already have: kept as they are, not overwritten. */
const OPTIONAL = new Set(['.vscode/tasks.json']);

/**
 * Runs `sporbar init`; resolves to the exit code. Refuses (exit 2) a folder that already
 * holds `.prog` files — the ones `sporbar validate` would load — or any file the scaffold
 * would write; writes nothing then. A failure half-way removes what it wrote.
 */
export async function init(folder: string, options: InitOptions, io: Io): Promise<number> {
    const root = path.resolve(folder);
    let exists = false;
    try {
        if (!fs.statSync(root).isDirectory()) throw new UsageError(`not a folder: ${folder}`);
        exists = true;
    } catch (err) {
        if (err instanceof UsageError) throw err;
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot use ${folder}: ${(err as Error).message}`);
    }
    if (exists) {
        const progs = findProgFiles(root);
        if (progs.length > 0) {
            const shown = progs.slice(0, 3).map(f => path.relative(root, f)).join(', ') + (progs.length > 3 ? `, … (${progs.length} in all)` : '');
            throw new UsageError(`${folder} already holds .prog files (${shown}); sporbar init starts a new workspace: choose an empty or a new folder`);
        }
    }
    const files = scaffoldWorkspace({ title: options.title, language: options.lang });
    const write: [string, string][] = [];
    const kept: string[] = [];
    for (const [relative, content] of Object.entries(files)) {
        const target = path.join(root, ...relative.split('/'));
        if (fs.existsSync(target)) {
            if (OPTIONAL.has(relative)) { kept.push(relative); continue; }
            throw new UsageError(`${path.join(folder, relative)} already exists; sporbar init does not overwrite files`);
        }
        write.push([target, content]);
    }
    const made: string[] = [];
    const madeDirs: string[] = [];
    try {
        for (const [target, content] of write) {
            const dir = path.dirname(target);
            const first = fs.mkdirSync(dir, { recursive: true });
            if (first) madeDirs.push(first);
            fs.writeFileSync(target, content, { encoding: 'utf8', flag: 'wx' });
            made.push(target);
        }
    } catch (err) {
        for (const file of made.reverse()) fs.rmSync(file, { force: true });
        for (const dir of madeDirs.reverse()) fs.rmSync(dir, { recursive: true, force: true });
        throw new UsageError(`could not write the workspace in ${folder}: ${(err as Error).message}`);
    }
    for (const target of made) io.stdout(`${shownPath(process.cwd(), target)}\n`);
    for (const relative of kept) io.stderr(`sporbar: kept the existing ${path.join(folder, relative)}\n`);
    const shown = /^[\w./\\:-]+$/.test(folder) ? folder : JSON.stringify(folder);
    io.stderr(`sporbar: new workspace in ${folder} (${made.length} files). Next: sporbar validate ${shown} && sporbar report ${shown}\n`);
    return 0;
}
