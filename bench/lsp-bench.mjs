// Language-server latency over stdio, measured the way an editor sees it.
//
// One session: start `sporbar lsp --stdio` on a workspace folder, initialize, send
// `initialized` and open one file at once (as VS Code does); time from `initialized` to the
// first publishDiagnostics of the opened file and to "every .prog file published". Then
// `edits` incremental didChange edits that alternate between breaking and repairing one
// evidence reference (`S3_4` ↔ `S3_4x`): each edit changes the file's diagnostics in a
// known way, and the latency of an edit is the time from sending didChange to the first
// publishDiagnostics of that file whose content shows the edit (a `ref/unresolved` error on
// the edited line, or its absence again). The next edit is sent when that has arrived.
// publishDiagnostics carries no version here (Langium does not send one), so matching is by
// content; an edit whose publish never arrives fails the session instead of yielding a time.
//
// Usage (alone): node bench/lsp-bench.mjs FOLDER FILE [edits]
// (BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR' profiles the server.)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO, 'packages', 'cli', 'bin', 'sporbar.js');
const uriOf = (file) => pathToFileURL(file).toString();

/** Every .prog file below a folder (as the server's workspace manager finds them). */
export function progFiles(root) {
    const out = [];
    const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'out') continue;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.prog')) out.push(full);
        }
    };
    walk(root);
    return out.sort();
}

/** The edit sites of a file: the first evidence reference of every finding. */
function editSites(text) {
    const sites = [];
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
        const m = /^(\s*evidence )([\p{L}\p{N}_]+)/u.exec(lines[line]);
        if (m) sites.push({ line, character: m[1].length + m[2].length, id: m[2] });
    }
    return sites;
}

const isUnresolved = (d) => String(d.code) === 'ref/unresolved';

/**
 * Runs one session. Returns { startMs, firstMs, allMs, files, baselineDiagnostics, latencies[], truncated }.
 * Throws when the server misbehaves (no diagnostics, wrong diagnostics, timeouts, crash).
 */
export async function lspSession({ root, file, edits = 200, budgetMs = Infinity, minEdits = 42, timeoutMs = 60_000, allTimeoutMs = 300_000, log = () => {} }) {
    const files = progFiles(root);
    const target = path.join(root, file);
    const targetUri = uriOf(target);
    const wanted = new Set(files.map(uriOf));
    if (!wanted.has(targetUri)) throw new Error(`${file} is not a .prog file of ${root}`);

    const t0 = performance.now();
    // BENCH_SERVER_NODE_ARGS: extra node options for the server, e.g. `--cpu-prof --cpu-prof-dir=DIR`.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, CLI, 'lsp', '--stdio'], { cwd: REPO, stdio: 'pipe' });
    const stderr = [];
    child.stderr.on('data', (chunk) => stderr.push(String(chunk)));
    let exited = null;
    const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => { exited = { code, signal }; resolve(); }));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const protocolErrors = [];
    connection.onError(([error]) => protocolErrors.push(String(error)));

    // Every publishDiagnostics, by URI; waiters are checked on each one.
    const published = new Map();
    const waiters = new Set();
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
        const at = performance.now();
        published.set(params.uri, params.diagnostics);
        for (const w of [...waiters]) w(params, at);
    });
    connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    for (const method of ['window/workDoneProgress/create', 'workspace/inlayHint/refresh', 'workspace/codeLens/refresh',
        'workspace/semanticTokens/refresh', 'workspace/diagnostic/refresh']) connection.onRequest(method, () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('$/progress', () => undefined);
    connection.listen();

    /** Resolves with the arrival time of the first publish (from now on) for uri that satisfies predicate. */
    const nextPublish = (uri, predicate, timeout, what) => new Promise((resolve, reject) => {
        const waiter = (params, at) => {
            if (params.uri !== uri || !predicate(params.diagnostics)) return;
            waiters.delete(waiter); clearTimeout(timer); resolve(at);
        };
        const timer = setTimeout(() => {
            waiters.delete(waiter);
            reject(new Error(`timeout (${timeout} ms) waiting for ${what}; last diagnostics of ${path.basename(fileURLToPath(uri))}: `
                + JSON.stringify((published.get(uri) ?? []).slice(0, 3).map(d => [d.code, d.range.start.line]))
                + (exited ? `; server exited ${JSON.stringify(exited)}: ${stderr.join('').slice(-500)}` : '')));
        }, timeout);
        waiters.add(waiter);
    });

    try {
        const rootUri = uriOf(root);
        await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
                textDocument: { synchronization: { didSave: true, dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true } }
            }
        });
        const startMs = performance.now() - t0;

        // Time to first diagnostics: from `initialized` (the file is opened right after it).
        const text = fs.readFileSync(target, 'utf8');
        const allSeen = new Set();
        let allAt;
        const allPublished = new Promise((resolve, reject) => {
            const waiter = (params, at) => {
                if (!wanted.has(params.uri)) return;
                allSeen.add(params.uri);
                if (allSeen.size === wanted.size) { waiters.delete(waiter); clearTimeout(timer); allAt = at; resolve(); }
            };
            const timer = setTimeout(() => { waiters.delete(waiter); reject(new Error(`timeout: only ${allSeen.size} of ${wanted.size} files published after ${allTimeoutMs} ms`)); }, allTimeoutMs);
            waiters.add(waiter);
        });
        const firstPublished = nextPublish(targetUri, () => true, allTimeoutMs, 'the first diagnostics of the opened file');
        const tInit = performance.now();
        await connection.sendNotification('initialized', {});
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: targetUri, languageId: 'prog', version: 1, text } });
        const firstAt = await firstPublished;
        await allPublished;
        const firstMs = firstAt - tInit;
        const allMs = allAt - tInit;
        log(`  first diagnostics ${firstMs.toFixed(0)} ms, all ${wanted.size} files ${allMs.toFixed(0)} ms`);

        // The workspace must be clean (the edits look for exactly one new error).
        await new Promise(r => setTimeout(r, 200)); // let a trailing republish settle
        const baseline = published.get(targetUri) ?? [];
        if (baseline.some(isUnresolved)) throw new Error(`the opened file has ref/unresolved before any edit`);
        const baselineErrors = baseline.filter(d => d.severity === 1).length;
        if (baselineErrors > 0) throw new Error(`the opened file has ${baselineErrors} errors before any edit: ${JSON.stringify(baseline.slice(0, 3).map(d => d.code))}`);

        // Edits: break / repair the first evidence reference of finding k, k = 0, 1, 2, …
        const sites = editSites(text);
        if (sites.length === 0) throw new Error(`no evidence lines in ${file}`);
        let version = 1;
        const latencies = [];
        const rssBeforeEdits = serverRss(child.pid);
        let truncated = false;
        const editsBegan = performance.now();
        for (let e = 0; e < edits; e++) {
            // A time budget keeps a very slow server from taking the whole run: stop after an even
            // number of edits (the file is back in its original state) once enough are timed.
            if (e >= minEdits && e % 2 === 0 && performance.now() - editsBegan > budgetMs) { truncated = true; break; }
            const site = sites[Math.floor(e / 2) % sites.length];
            const breaking = e % 2 === 0;
            const pos = { line: site.line, character: site.character };
            const change = breaking
                ? { range: { start: pos, end: pos }, rangeLength: 0, text: 'x' }
                : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, rangeLength: 1, text: '' };
            const expect = breaking
                ? (ds) => ds.some(d => isUnresolved(d) && d.range.start.line === site.line && d.severity === 1)
                : (ds) => !ds.some(isUnresolved) && ds.length === baseline.length;
            const arrived = nextPublish(targetUri, expect, timeoutMs, `edit ${e + 1} (${breaking ? 'break' : 'repair'} ${site.id} on line ${site.line + 1})`);
            version++;
            const sent = performance.now();
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri: targetUri, version }, contentChanges: [change] });
            const at = await arrived;
            latencies.push(at - sent);
        }
        if (protocolErrors.length) throw new Error(`JSON-RPC errors: ${protocolErrors.slice(0, 3).join('; ')}`);
        // The server's resident memory before and after the edits (a leak per edit shows here).
        const rssMiB = { beforeEdits: rssBeforeEdits, afterEdits: serverRss(child.pid) };
        return { startMs, firstMs, allMs, files: wanted.size, baselineDiagnostics: baseline.length, baselineCodes: baseline.map(d => String(d.code)), latencies, truncated, rssMiB };
    } finally {
        try {
            await Promise.race([connection.sendRequest('shutdown'), new Promise(r => setTimeout(r, 3000))]);
            await connection.sendNotification('exit');
        } catch { /* already gone */ }
        connection.dispose();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exitPromise;
        clearTimeout(timer);
    }
}

/** Resident memory of a process in MiB, from /proc (undefined where there is none). */
function serverRss(pid) {
    try {
        const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
    } catch {
        return undefined;
    }
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const [root, file, edits] = process.argv.slice(2);
    const r = await lspSession({ root: path.resolve(root), file, edits: Number(edits ?? 20), log: console.log });
    const sorted = [...r.latencies].sort((a, b) => a - b);
    const q = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    console.log(`start ${r.startMs.toFixed(0)} ms, first ${r.firstMs.toFixed(0)} ms, all ${r.allMs.toFixed(0)} ms; edits p50 ${q(0.5).toFixed(1)} ms p95 ${q(0.95).toFixed(1)} ms max ${sorted.at(-1).toFixed(1)} ms; server RSS ${r.rssMiB.beforeEdits} -> ${r.rssMiB.afterEdits} MiB`);
}
