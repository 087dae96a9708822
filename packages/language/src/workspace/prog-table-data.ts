import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as ast from '../generated/ast.js';
import { parseCsvBytes, type CsvProblem, type CsvTable } from './prog-csv.js';
import { resolveWorkspaceFile } from '../model/prog-model.js';

/** What the `file` of a table or chart gives. */
export type TableFileResult =
    /** Read and parsed: `file` is its real path. */
    | { readonly kind: 'table'; readonly file: string; readonly table: CsvTable }
    /** No `file` written, no such file, or (`outside`) a path leaving the workspace, which is never opened. */
    | { readonly kind: 'missing' | 'outside'; readonly reason: string }
    /** The file exists but is not a table as LANGUAGE.md describes. */
    | { readonly kind: 'unreadable'; readonly file: string; readonly problem: CsvProblem };

/** Larger files are not read: a table is data the team exported, not a database dump (and the editor must stay responsive). */
export const MAX_TABLE_BYTES = 64 * 1024 * 1024;

interface CacheEntry {
    readonly mtimeMs: number;
    readonly size: number;
    readonly result: TableFileResult;
}

/**
 * Reads the CSV files of tables and charts for the checks, the editor (hover, preview) and
 * the reports. Each file is read once per change: results are cached by real path, size
 * and modification time, and the language server's file watching drops an entry when the
 * file changes on disk (`invalidate`, lsp/prog-workspace-watch.ts) and revalidates the
 * tables that read it. A path is resolved with `resolveWorkspaceFile`, so nothing outside
 * the workspace is ever opened.
 */
export class ProgTableData {
    private readonly cache = new Map<string, CacheEntry>();

    /** Loads `written` (as written in the model) relative to the workspace `root`. */
    load(root: string, written: string | undefined): TableFileResult {
        if (written === undefined) return { kind: 'missing', reason: 'it has no `file`' };
        const resolution = resolveWorkspaceFile(root, written);
        if (resolution.kind === 'outside') return { kind: 'outside', reason: resolution.reason };
        if (resolution.kind === 'missing') return { kind: 'missing', reason: resolution.reason };
        return this.loadFile(resolution.path);
    }

    /** The table of an element, read from the workspace `root`. */
    of(root: string, element: ast.Table | ast.Chart): TableFileResult {
        return this.load(root, element.file);
    }

    /** Loads a file by its real path, from the cache while its size and modification time are unchanged. */
    loadFile(file: string): TableFileResult {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(file);
        } catch {
            this.cache.delete(file);
            return { kind: 'missing', reason: `${path.basename(file)} does not exist` };
        }
        const cached = this.cache.get(file);
        if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.result;
        let result: TableFileResult;
        if (stat.size > MAX_TABLE_BYTES) {
            result = { kind: 'unreadable', file, problem: { message: `it holds ${(stat.size / 1024 / 1024).toFixed(0)} MB; files over ${MAX_TABLE_BYTES / 1024 / 1024} MB are not read — export only the rows and columns the report shows` } };
            this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, result });
            return result;
        }
        try {
            const parsed = parseCsvBytes(fs.readFileSync(file));
            result = parsed.ok ? { kind: 'table', file, table: parsed.table } : { kind: 'unreadable', file, problem: parsed.problem };
        } catch (err) {
            result = { kind: 'unreadable', file, problem: { message: `it cannot be read: ${(err as Error).message}` } };
        }
        this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, result });
        return result;
    }

    /** Forgets a file (it changed on disk); with no argument, every file. */
    invalidate(file?: string): void {
        if (file === undefined) {
            this.cache.clear();
            return;
        }
        this.cache.delete(file);
        try {
            this.cache.delete(fs.realpathSync(file));
        } catch {
            // Gone: nothing else to forget.
        }
    }

    /** The cached files at `folder` or below it (a folder deleted on disk: the tables read from it). */
    filesBelow(folder: string): string[] {
        const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
        return [...this.cache.keys()].filter(file => file === folder || file.startsWith(prefix));
    }

    /** How many files are cached (for tests). */
    get size(): number {
        return this.cache.size;
    }
}

/**
 * The dependency key of a data file, by its name: a change to any file of that name (in
 * any folder) revalidates the tables that name it — a cheap superset that needs no real
 * path of a file that may be gone.
 */
export function dataFileKey(written: string): `file:${string}` {
    const base = written.split(/[\\/]+/).filter(s => s !== '').pop() ?? written;
    return `file:${base.normalize('NFC').toLowerCase()}`;
}
