/** Shared helpers of the reliability tests: temp workspaces, the real CLI as a child process, the server with GC. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestClient } from '../lsp/lsp-client.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(REPO, 'packages', 'cli', 'bin', 'sporbar.js');
export const PRI = path.join(REPO, 'examples', 'pri');
export const CANARY = path.join(REPO, 'test', 'fixtures', 'privacy-canary');

/** A fresh temp folder (real path) with the given files (text or bytes). */
export function tempWorkspace(files: Record<string, string | Uint8Array> = {}, prefix = 'sporbar-rel-'): string {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(root, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
    }
    return root;
}

/** A fresh copy of a folder. */
export function copyOf(from: string, prefix = 'sporbar-rel-'): string {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    fs.cpSync(from, root, { recursive: true });
    return root;
}

export interface Run {
    readonly status: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
    readonly ms: number;
}

/** Runs `sporbar ...args` and waits (with a timeout, so a hang fails the test instead of blocking it). */
export function cli(args: readonly string[], options: { cwd?: string; timeout?: number; env?: Record<string, string> } = {}): Run {
    const started = Date.now();
    const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...args], {
        cwd: options.cwd ?? REPO, encoding: 'utf8', timeout: options.timeout ?? 60_000, maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1', ...options.env }
    });
    return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - started };
}

export interface JsonDiagnostic {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: string;
    readonly code: string;
    readonly message: string;
}

/** `sporbar validate --format json` of a folder: the exit code and the diagnostics. */
export function validateJson(root: string, timeout?: number): { status: number | null; diagnostics: JsonDiagnostic[]; stderr: string; ms: number } {
    const run = cli(['validate', root, '--format', 'json'], { timeout });
    if (run.status !== 0 && run.status !== 1) throw new Error(`sporbar validate exited ${run.status} (signal ${run.signal}) after ${run.ms} ms: ${run.stderr.slice(0, 2000)}`);
    return { status: run.status, diagnostics: (JSON.parse(run.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics, stderr: run.stderr, ms: run.ms };
}

/** `file:line:column code` of each diagnostic — compact to assert on. */
export function where(diagnostics: readonly JsonDiagnostic[]): string[] {
    return diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.code}`);
}

/**
 * Starts the language server on `root` with `--expose-gc`, so that `heapUsed` measures the
 * heap after a full collection.
 */
export async function startServerWithGc(root: string): Promise<TestClient> {
    const previous = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${previous ?? ''} --expose-gc`.trim();
    try {
        return await TestClient.start(root);
    } finally {
        if (previous === undefined) delete process.env.NODE_OPTIONS; else process.env.NODE_OPTIONS = previous;
    }
}

/** The server's heap in bytes (`sporbar/heapUsed`), after a full GC when it was started by `startServerWithGc`. */
export function heapUsed(client: TestClient): Promise<{ heapUsed: number; gc: boolean }> {
    return client.request<{ heapUsed: number; gc: boolean }>('sporbar/heapUsed', {});
}
