/**
 * The language server as a user gets it: the extension's `npm run package` builds the .vsix, the test unpacks
 * it into a temp folder outside the repository (no node_modules on any parent path) and
 * starts `extension/dist/server.cjs` with plain `node`, as VS Code does on any platform. Over
 * LSP it opens a file, gets diagnostics, and generates a report whose figure is drawn by the
 * WebAssembly renderer with the bundled font — read only then, never at start.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progFiles, REPO, TestClient } from '../lsp/lsp-client.js';

const VSIX = path.join(REPO, 'packages/extension/sporbar.vsix');
const MAX_VSIX_BYTES = 5 * 1024 * 1024;
const HOOK = path.join(REPO, 'test/platform/asset-read-hook.cjs');

let temp: string;
let extension: string;
let workspace: string;
let entries: Record<string, Uint8Array>;
let vsixBytes: number;
let client: TestClient | undefined;

/** Every folder from `dir` up to the root that holds a node_modules folder. */
function nodeModulesAbove(dir: string): string[] {
    const found: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
        if (fs.existsSync(path.join(d, 'node_modules'))) found.push(d);
        if (path.dirname(d) === d) return found;
    }
}

beforeAll(() => {
    // The extension's own package script (the root `npm run package` also regenerates the
    // grammar's sources, which other tests read while this one runs; npm test built them).
    const built = spawnSync('npm', ['run', 'package', '-w', 'sporbar'], { cwd: REPO, encoding: 'utf8', timeout: 300_000 });
    if (built.status !== 0) throw new Error(`npm run package -w sporbar failed (${built.status}):\n${built.stdout}\n${built.stderr}`);
    const vsix = fs.readFileSync(VSIX);
    vsixBytes = vsix.length;
    entries = unzipSync(vsix);
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-vsix-')));
    for (const [name, data] of Object.entries(entries)) {
        if (name.endsWith('/')) continue;
        const file = path.join(temp, 'unpacked', name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, data);
    }
    extension = path.join(temp, 'unpacked', 'extension');
    workspace = path.join(temp, 'pri');
    fs.cpSync(path.join(REPO, 'examples/pri'), workspace, { recursive: true });
    fs.rmSync(path.join(workspace, 'out'), { recursive: true, force: true });
}, 360_000);

afterAll(async () => {
    await client?.stop();
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

describe('the packaged extension (.vsix)', () => {
    it('is universal: no native module, no node_modules, under 5 MB', () => {
        const names = Object.keys(entries);
        expect(names.filter(n => n.endsWith('.node'))).toEqual([]);
        expect(names.filter(n => n.includes('node_modules/'))).toEqual([]);
        expect(vsixBytes).toBeLessThan(MAX_VSIX_BYTES);
        // What the figure needs travels with it.
        expect(names).toContain('extension/dist/assets/resvg.wasm');
        expect(names).toContain('extension/dist/assets/fonts/DejaVuSans.ttf');
        expect(names).toContain('extension/dist/assets/fonts/LICENSE');
        expect(names).toContain('extension/dist/NOTICES.md');
    });

    it('runs its server with plain node from outside the repository: diagnostics, then a report with its figure', async () => {
        expect(nodeModulesAbove(extension)).toEqual([]);
        const env: NodeJS.ProcessEnv = { ...process.env };
        delete env.NODE_PATH;
        delete env.NODE_OPTIONS;
        client = await TestClient.start(workspace, {
            server: { args: ['-r', HOOK, path.join(extension, 'dist/server.cjs'), '--stdio'], cwd: temp, env }
        });
        await client.waitForWorkspace(progFiles(workspace), 60_000);

        // An open document gets diagnostics as it changes.
        const uri = await client.open('questions.prog');
        const original = client.text(uri);
        await client.change(uri, `${original}\nquestion zz "Hva mangler?" { need FinnesIkke }\n`);
        const broken = await client.waitForDiagnostics(uri, ds => ds.some(d => d.severity === 1), 30_000);
        expect(broken.find(d => d.severity === 1)!.range.start.line).toBe(original.split('\n').length);
        await client.change(uri, original);
        await client.waitForDiagnostics(uri, ds => !ds.some(d => d.severity === 1), 30_000);

        // Nothing of the renderer was read to start, validate and edit.
        expect(client.stderr.join('')).not.toContain('ASSET-READ');

        const reports = await client.request<Array<{ id: string; kind?: string }>>('workspace/executeCommand', { command: 'sporbar.server.listReports', arguments: [] });
        const assessment = reports.find(r => r.kind === 'assessment')!;
        const output = path.join(temp, 'out', `${assessment.id}.docx`);
        const result = await client.request<{ ok: boolean }>('workspace/executeCommand', {
            command: 'sporbar.server.generateReport', arguments: [{ report: assessment.id, format: 'docx', output }]
        });
        expect(result.ok).toBe(true);
        const parts = unzipSync(fs.readFileSync(output));
        const pictures = Object.keys(parts).filter(n => /^word\/media\/.*\.png$/.test(n));
        expect(pictures.length).toBeGreaterThan(0);
        const png = parts[pictures[0]];
        expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        expect(png.length).toBeGreaterThan(20_000); // a drawn figure, not an empty image
        expect(strFromU8(parts['word/fontTable.xml'])).toContain('<w:embedRegular');

        // The renderer and the font were read from the unpacked extension, for the figure.
        const reads = client.stderr.join('').split('\n').filter(l => l.startsWith('ASSET-READ ')).map(l => l.slice('ASSET-READ '.length));
        expect(reads.some(f => f.endsWith(path.join('dist', 'assets', 'resvg.wasm')))).toBe(true);
        expect(reads.some(f => f.endsWith('DejaVuSans.ttf'))).toBe(true);
        for (const f of reads) expect(f.startsWith(extension), f).toBe(true);
    }, 300_000);
});
