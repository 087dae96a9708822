import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProgFiles, type PathApi } from '@sporbar/language/core';
import { UsageError } from './cli-io.js';

/** Resolves a workspace folder argument; a missing folder or one without `.prog` files is a usage error. */
export function resolveWorkspace(folder: string): { root: string; files: string[] } {
    const root = path.resolve(folder);
    let stat: fs.Stats;
    try {
        stat = fs.statSync(root);
    } catch {
        throw new UsageError(`folder not found: ${folder}`);
    }
    if (!stat.isDirectory()) throw new UsageError(`not a folder: ${folder}`);
    const files = findProgFiles(root);
    if (files.length === 0) throw new UsageError(`no .prog files in ${folder}`);
    return { root, files };
}

/**
 * How the CLI prints a file it wrote: relative to the current folder (`out/R.docx`,
 * `..\rapporter\R.docx` on Windows), or absolute when there is no relative path — a file on
 * another drive than the current folder (`D:\rapporter\R.docx`).
 */
export function shownPath(cwd: string, file: string, p: PathApi = path): string {
    return p.relative(cwd, file) || p.resolve(file);
}
