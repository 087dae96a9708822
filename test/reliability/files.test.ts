/**
 * Files stay where they belong: `file` and `bibliography` paths never reach outside the
 * workspace, not even to check a quote against a transcript (proved on the real CLI
 * process with strace, which also sees the transcript inside being read), report output is written
 * atomically (a run killed with SIGKILL at random points leaves the previous file intact
 * or a complete new one), `--out` cannot name a .prog file, a folder or the data folder,
 * and no command ever writes to the workspace's files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../lsp/lsp-client.js';
import { CANARY, CLI, cli, copyOf, PRI, REPO, tempWorkspace } from './helpers.js';
import { prng } from '../seeded.mjs';

const cleanup: string[] = [];
afterAll(() => { for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true }); });


const HAS_STRACE = spawnSync('strace', ['-V']).status === 0;

describe('paths never reach outside the workspace (strace on the real process)', () => {
    let base: string;
    let root: string;

    beforeAll(() => {
        base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-escape-')));
        cleanup.push(base);
        root = path.join(base, 'ws');
        fs.mkdirSync(path.join(root, 'data'), { recursive: true });
        fs.writeFileSync(path.join(base, 'outsidesecret.txt'), 'secret\n');
        fs.writeFileSync(path.join(base, 'outsidesecret.bib'), '@book{k, title={T}}\n');
        fs.writeFileSync(path.join(base, 'outsidesecret.csv'), 'Gruppe;n\nA;1\n');
        fs.writeFileSync(path.join(root, 'data', 'insider.csv'), 'Gruppe;n\nA;10\n');
        fs.symlinkSync(path.join(base, 'outsidesecret.csv'), path.join(root, 'data', 'link-out.csv'));
        fs.writeFileSync(path.join(root, 'data', 'insider.txt'), 'inside\n');
        fs.symlinkSync(path.join(base, 'outsidesecret.txt'), path.join(root, 'data', 'link-out.txt'));
        fs.symlinkSync(base, path.join(root, 'data', 'dir-out'));
        fs.writeFileSync(path.join(root, 'model.prog'), `programme P "P" { client KS  bibliography "../outsidesecret.bib" }
actor KS "KS" { type association }
question Q "Q?"
finding F1 "F" { answers Q  confidence low  evidence S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11 }
source S1 document "dotdot" { file "../outsidesecret.txt" }
source S2 document "absolute" { file "${path.join(base, 'outsidesecret.txt')}" }
source S3 document "windows" { file "C:\\\\outsidesecret.txt" }
source S4 document "unc" { file "\\\\\\\\server\\\\share\\\\outsidesecret.txt" }
source S5 document "encoded" { file "%2e%2e%2foutsidesecret.txt" }
source S6 document "link out" { file "data/link-out.txt" }
source S7 document "folder link out" { file "data/dir-out/outsidesecret.txt" }
source S8 document "inside" { file "data/insider.txt" }
source S9 document "dot dot inside" { file "data/../../ws/../outsidesecret.txt" }
source S10 document "encoded backslash" { file "..%5coutsidesecret.txt" }
source S11 document "file url" { file "file://${path.join(base, 'outsidesecret.txt')}" }
report R "R" { kind interim  date 2021-01-01  cutoff 2021-01-01 }
finding F2 "Tables" { answers Q  confidence low  evidence T1, T2, T3, T4, T5, C1, C2, T9 }
table T1 "dotdot" { from S8  file "../outsidesecret.csv" }
table T2 "absolute" { from S8  file "${path.join(base, 'outsidesecret.csv')}" }
table T3 "encoded" { from S8  file "%2e%2e%2foutsidesecret.csv" }
table T4 "link out" { from S8  file "data/link-out.csv" }
table T5 "folder link out" { from S8  file "data/dir-out/outsidesecret.csv" }
chart C1 "file url" { from S8  file "file://${path.join(base, 'outsidesecret.csv')}" }
chart C2 "windows" { from S8  file "C:\\\\outsidesecret.csv" }
table T9 "inside" { from S8  file "data/insider.csv" }
finding F3 "Quotes checked against each file, were it read" {
    answers Q  confidence low
    evidence S1 quote "secret", S2 quote "secret", S3 quote "secret", S4 quote "secret", S5 quote "secret",
             S6 quote "secret", S7 quote "secret", S8 quote "inside", S9 quote "secret", S10 quote "secret", S11 quote "secret"
}
`);
    });

    it('validate: every escaping path is reported as outside, the inside one is fine', () => {
        const quotes = (JSON.parse(cli(['validate', root, '--format', 'json']).stdout) as { diagnostics: { code: string }[] }).diagnostics
            .filter(d => d.code.startsWith('evidence/'));
        // The quote of the inside transcript is in it; no file outside was read to check the others.
        expect(quotes).toEqual([]);
        const run = cli(['validate', root, '--format', 'json']);
        const found = (JSON.parse(run.stdout) as { diagnostics: { line: number; code: string }[] }).diagnostics
            .filter(d => d.code.startsWith('source/file') || d.code.startsWith('bibliography/'))
            .map(d => `${d.line} ${d.code}`);
        expect(found).toEqual([
            '1 bibliography/missing',
            ...[5, 6, 7, 8, 9, 10, 11].map(l => `${l} source/file-outside-workspace`),
            ...[13, 14, 15].map(l => `${l} source/file-outside-workspace`)
        ]);
        const tables = (JSON.parse(run.stdout) as { diagnostics: { line: number; code: string; message: string }[] }).diagnostics
            .filter(d => d.code.startsWith('table/') || d.code.startsWith('chart/'));
        expect(tables.map(d => `${d.line} ${d.code}`)).toEqual([18, 19, 20, 21, 22, 23, 24].map(l => `${l} table/file-missing`));
        expect(tables.every(d => /leaves the workspace .*it is not opened/.test(d.message)), tables.map(d => d.message).join('\n')).toBe(true);
    });

    it.skipIf(!HAS_STRACE)('validate, matrix and report (--force) never open, stat or read a path outside', () => {
        const out = path.join(os.tmpdir(), `sporbar-escape-report-${process.pid}.md`);
        cleanup.push(out);
        for (const args of [['validate', root], ['matrix', root], ['report', root, '--report', 'R', '--format', 'md', '--force', '--out', out]]) {
            const trace = path.join(base, `trace-${args[0]}.txt`);
            const r = spawnSync('strace', ['-f', '-qq', '-e', 'trace=%file', '-o', trace, process.execPath, CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
            expect(r.status, `${args[0]}: ${r.stderr}`).not.toBeNull();
            const lines = fs.readFileSync(trace, 'utf8').split('\n');
            // Negative control: the trace does see the workspace's own files.
            expect(lines.some(l => l.includes(path.join(root, 'model.prog'))), `${args[0]} traced model.prog`).toBe(true);
            expect(lines.some(l => l.includes(path.join(root, 'data', 'insider.txt'))), `${args[0]} traced data/insider.txt`).toBe(true);
            expect(lines.some(l => l.includes(path.join(root, 'data', 'insider.csv'))), `${args[0]} traced data/insider.csv`).toBe(true);
            // The transcript inside is read (its quote is checked); the ones outside, named the same way, never are.
            expect(lines.some(l => /\bopen(at)?\(/.test(l) && l.includes(path.join(root, 'data', 'insider.txt'))), `${args[0]} opened data/insider.txt`).toBe(true);
            const outside = lines.filter(l => /outsidesecret/.test(l) || l.includes(`"${base}/dir-out`) || /"\\\\\\\\server/.test(l));
            expect(outside, `${args[0]} touched paths outside the workspace`).toEqual([]);
            fs.rmSync(trace);
        }
    });
});

describe('report output is written atomically', () => {
    const RUNS = Number(process.env.ATOMIC_RUNS ?? 9);
    let root: string;
    let outDir: string;
    const expected: Record<string, Buffer> = {};
    const previous: Record<string, Buffer> = {};
    const durations: Record<string, number> = {};
    const FORMATS = ['md', 'html', 'docx'] as const;

    beforeAll(() => {
        root = copyOf(CANARY, 'sporbar-atomic-');
        outDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-atomic-out-')));
        cleanup.push(root, outDir);
        // The previous report: made from an older state of the workspace.
        for (const format of FORMATS) {
            const r = cli(['report', root, '--report', 'Grunnlag', '--format', format, '--out', path.join(outDir, `report.${format}`)]);
            expect(r.status, r.stderr).toBe(0);
            previous[format] = fs.readFileSync(path.join(outDir, `report.${format}`));
        }
        const file = path.join(root, 'findings.prog');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('summary """ Tiltaket virker (@F1).', 'summary """ Tiltaket virker godt (@F1).'));
        // What a complete run gives now.
        for (const format of FORMATS) {
            const target = path.join(outDir, `expected.${format}`);
            const started = Date.now();
            const r = cli(['report', root, '--report', 'Grunnlag', '--format', format, '--out', target]);
            durations[format] = Date.now() - started;
            expect(r.status, r.stderr).toBe(0);
            expected[format] = fs.readFileSync(target);
            expect(expected[format].equals(previous[format]), `${format}: the new report differs from the previous one`).toBe(false);
        }
    });

    /** What the output file is: the previous report, the complete new one, or something else (a failure). */
    function classify(format: string, bytes: Buffer): 'previous' | 'new' | 'broken' {
        if (bytes.equals(previous[format])) return 'previous';
        if (bytes.equals(expected[format])) return 'new';
        return 'broken';
    }

    it('classifies a truncated or foreign file as broken (negative control)', () => {
        for (const format of FORMATS) {
            expect(classify(format, expected[format].subarray(0, expected[format].length - 1))).toBe('broken');
            expect(classify(format, Buffer.alloc(0))).toBe('broken');
        }
        expect(() => unzipSync(new Uint8Array(expected.docx.subarray(0, expected.docx.length >> 1)))).toThrow();
    });

    it(`${RUNS} runs killed with SIGKILL at seeded random points: the previous file intact or the complete new one, never truncated`, async () => {
        const random = prng(1234);
        const outcomes: string[] = [];
        // RUNS runs, and a few more if they did not yet include both a killed and a complete
        // run (the kill points follow the measured duration, which the load can throw off).
        const bothSeen = () => outcomes.some(o => o.includes(':killed:')) && outcomes.some(o => o.endsWith(':new'));
        for (let i = 0; i < RUNS || (!bothSeen() && i < RUNS + 6); i++) {
            const format = FORMATS[i % FORMATS.length];
            const target = path.join(outDir, `report.${format}`);
            fs.writeFileSync(target, previous[format]);
            // Spread over the whole run, and denser near its end, where the file is written.
            let fraction = i % 2 === 0 ? random() * 1.05 : 0.8 + random() * 0.3;
            // The extra runs aim at the outcome still missing: one left alone to finish (a slow,
            // loaded machine can outlast every kill point), or one killed halfway.
            if (i >= RUNS && !outcomes.some(o => o.endsWith(':new'))) fraction = Infinity;
            else if (i >= RUNS && !outcomes.some(o => o.includes(':killed:'))) fraction = 0.5;
            const delay = Math.floor(fraction * durations[format]);
            const started = Date.now();
            const child = spawn(process.execPath, [CLI, 'report', root, '--report', 'Grunnlag', '--format', format, '--out', target], { stdio: 'ignore' });
            const pid = child.pid!;
            const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
            const timer = Number.isFinite(delay) ? setTimeout(() => child.kill('SIGKILL'), delay) : undefined;
            const code = await exited;
            clearTimeout(timer);
            // The machine's speed changes (other suites run alongside): aim by the latest complete
            // run, and after a kill past the expected end, by what that kill showed.
            if (code === 0) durations[format] = Date.now() - started;
            else if (delay >= durations[format]) durations[format] = Math.round(delay * 1.2);
            const state = classify(format, fs.readFileSync(target));
            outcomes.push(`${format}@${delay}ms:${code === null ? 'killed' : `exit ${code}`}:${state}`);
            expect(state, `run ${i} (${format}, killed after ${delay} ms)`).not.toBe('broken');
            if (code === 0) expect(state).toBe('new');
            // A killed run may leave only its own clearly named temp file (.report.<ext>.<pid>.tmp); nothing else.
            for (const name of fs.readdirSync(outDir)) {
                if (/^(report|expected)\.(md|html|docx)$/.test(name)) continue;
                expect(name).toBe(`.report.${format}.${pid}.tmp`);
                expect(code).toBeNull();
                const leftover = fs.readFileSync(path.join(outDir, name));
                expect(leftover.length).toBeLessThanOrEqual(expected[format].length);
                fs.rmSync(path.join(outDir, name));
            }
        }
        console.log(`atomic: ${outcomes.join(', ')}`);
        expect(outcomes.some(o => o.includes(':killed:'))).toBe(true);
        expect(outcomes.some(o => o.endsWith(':new'))).toBe(true);
    }, 600_000);

    it('a normal run leaves no temporary file', () => {
        const before = new Set(fs.readdirSync(outDir));
        const r = cli(['report', root, '--report', 'Notat', '--format', 'md', '--out', path.join(outDir, 'notat.md')]);
        expect(r.status, r.stderr).toBe(0);
        expect(fs.readdirSync(outDir).filter(n => !before.has(n))).toEqual(['notat.md']);
        expect(fs.readdirSync(outDir).filter(n => n.endsWith('.tmp'))).toEqual([]);
    });
});

describe('--out is refused where it would do harm (exit 2, clear message, nothing written)', () => {
    let root: string;
    beforeAll(() => {
        root = copyOf(CANARY, 'sporbar-out-');
        cleanup.push(root);
        fs.mkdirSync(path.join(root, 'data', 'deep'), { recursive: true });
        fs.symlinkSync(path.join(root, 'data'), path.join(root, 'data-link'));
    });

    it.each([
        ['a .prog file', 'sources.prog', /refusing to write a report to a \.prog file/],
        ['a new .PROG file', 'NEW.PROG', /\.prog file/],
        ['an existing folder', '.', /existing folder/],
        ['the workspace folder', '', /existing folder/],
        ['a file in data/', 'data/r.md', /data folder/],
        ['a file deep in data/', 'data/deep/r.md', /data folder/],
        ['data/ through ..', 'out/../data/r.md', /data folder/],
        ['data/ through a symbolic link', 'data-link/r.md', /data folder/]
    ])('%s', (_name, out, message) => {
        const before = snapshot(root);
        const r = cli(['report', root, '--report', 'Notat', '--format', 'md', '--out', path.join(root, out)]);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr.trim().split('\n').filter(l => l.startsWith('sporbar:') && /refus|folder/.test(l))).toHaveLength(1);
        expect(snapshot(root)).toEqual(before);
    });
});

/** Every file below a folder with its bytes (hashed) and modification time. */
function snapshot(root: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            const rel = path.relative(root, full);
            if (entry.isSymbolicLink()) { out[rel] = `link ${fs.readlinkSync(full)}`; continue; }
            if (entry.isDirectory()) { walk(full); continue; }
            const stat = fs.statSync(full);
            out[rel] = `${stat.size} ${stat.mtimeMs} ${createHash('sha256').update(fs.readFileSync(full)).digest('hex')}`;
        }
    };
    walk(root);
    return out;
}

describe('nothing ever writes to the workspace', () => {
    it('validate (every format), matrix, report to elsewhere and an LSP session without edits leave every byte and mtime as it was', async () => {
        const root = copyOf(PRI, 'sporbar-readonly-');
        const elsewhere = tempWorkspace({}, 'sporbar-readonly-out-');
        cleanup.push(root, elsewhere);
        fs.writeFileSync(path.join(root, 'sporbar.json'), '{ "rules": { "source/unused": "off" } }\n');
        // mtimes in the past, so that any rewrite shows even within the same second.
        const past = new Date('2020-01-01T00:00:00Z');
        const touch = (dir: string) => { for (const e of fs.readdirSync(dir, { withFileTypes: true })) { const f = path.join(dir, e.name); if (e.isDirectory()) touch(f); fs.utimesSync(f, past, past); } };
        touch(root);
        const before = snapshot(root);
        for (const format of ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit']) expect(cli(['validate', root, '--format', format]).status).not.toBe(2);
        expect(cli(['matrix', root]).status).not.toBe(2);
        expect(cli(['matrix', root, '--format', 'csv']).status).not.toBe(2);
        for (const format of ['docx', 'md', 'html']) {
            const r = cli(['report', root, '--kind', 'final', '--format', format, '--force', '--out', path.join(elsewhere, `final.${format}`)]);
            expect(r.status, r.stderr).toBe(0);
        }
        // Default output (out/<id>.<ext> in the current folder): run from elsewhere.
        expect(cli(['report', root, '--kind', 'interim', '--format', 'md', '--force'], { cwd: elsewhere }).status).toBe(0);
        const client = await TestClient.start(root);
        try {
            const files = fs.readdirSync(root).filter(f => f.endsWith('.prog')).map(f => path.join(root, f));
            await client.waitForWorkspace(files);
            const uri = await client.open('findings.prog');
            await client.request('textDocument/documentSymbol', { textDocument: { uri } });
            await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 12, character: 10 } });
            await client.request('textDocument/codeLens', { textDocument: { uri } });
            await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
            await client.request('workspace/executeCommand', { command: 'sporbar.server.matrix', arguments: [] });
            await client.request('workspace/executeCommand', { command: 'sporbar.server.validateWorkspace', arguments: [] });
            await client.request('workspace/executeCommand', { command: 'sporbar.server.listReports', arguments: [] });
        } finally {
            await client.stop();
        }
        expect(snapshot(root)).toEqual(before);
        expect(fs.existsSync(path.join(REPO, 'out', 'Underveisnotat.md'))).toBe(false);
    }, 180_000);
});
