/**
 * The CLI as a user installs it: `npm pack` of packages/cli gives a tarball that installs into
 * an empty folder outside the repository — offline, with an empty npm cache, so no registry is
 * asked: the language and report packages and every library are bundled into dist/ — and
 * there `sporbar init`, `validate`, `report` (with its figure) and `matrix` run.
 *
 * Uses the dist/ that `npm run build` wrote (npm test builds first); packs with
 * --ignore-scripts so as not to rebuild dist/ under the other tests' feet. About 10 s.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRI, REPO } from '../reliability/helpers.js';

let temp: string;
let tarball: string;
let project: string;
let bin: string;

function npm(args: string[], cwd: string) {
    const r = spawnSync('npm', args, {
        cwd, encoding: 'utf8', timeout: 180_000,
        env: { ...process.env, npm_config_cache: path.join(temp, 'npm-cache'), npm_config_update_notifier: 'false' }
    });
    if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
}

function sporbar(args: string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.NODE_PATH;
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: project, encoding: 'utf8', timeout: 120_000, env });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
    expect(fs.existsSync(path.join(REPO, 'packages/cli/dist/sporbar.js')), 'run npm run build first').toBe(true);
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-packed-')));
    const packed = npm(['pack', '-w', '@sporbar/cli', '--ignore-scripts', '--pack-destination', temp, '--json'], REPO);
    tarball = path.join(temp, (JSON.parse(packed) as { filename: string }[])[0].filename);
    project = path.join(temp, 'project');
    fs.mkdirSync(project);
    npm(['install', tarball, '--offline', '--no-audit', '--no-fund'], project);
    bin = path.join(project, 'node_modules', '.bin', 'sporbar');
}, 240_000);

afterAll(() => {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

describe('the packed CLI (npm pack of packages/cli)', () => {
    it('installs alone: no dependency to fetch, no native module, nothing of the repository', () => {
        const installed = fs.readdirSync(path.join(project, 'node_modules')).filter(n => !n.startsWith('.'));
        expect(installed).toEqual(['@sporbar']);
        expect(fs.readdirSync(path.join(project, 'node_modules', '@sporbar'))).toEqual(['cli']);
        const root = path.join(project, 'node_modules', '@sporbar', 'cli');
        const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
        expect(manifest.dependencies ?? {}).toEqual({});
        const files: string[] = [];
        const walk = (d: string) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(d, e.name)); else files.push(path.relative(root, path.join(d, e.name))); };
        walk(root);
        expect(files.filter(f => f.endsWith('.node') || f.endsWith('.map') || f.endsWith('.ts'))).toEqual([]);
        for (const f of ['LICENSE', 'dist/NOTICES.md', 'dist/assets/resvg.wasm', 'dist/assets/fonts/DejaVuSans.ttf', 'dist/assets/fonts/LICENSE']) expect(files).toContain(f.split('/').join(path.sep));
        // The folder above the project has no node_modules that could lend a missing module.
        for (let d = path.dirname(project); ; d = path.dirname(d)) {
            expect(fs.existsSync(path.join(d, 'node_modules')), d).toBe(false);
            if (path.dirname(d) === d) break;
        }
    });

    it('runs sporbar --version, init, validate, report and matrix there', () => {
        const version = sporbar(['--version']);
        expect(version.status).toBe(0);
        expect(version.stdout.trim()).toBe((JSON.parse(fs.readFileSync(path.join(REPO, 'packages/cli/package.json'), 'utf8')) as { version: string }).version);

        expect(sporbar(['init', 'ny', '--lang', 'en']).status).toBe(0);
        const validated = sporbar(['validate', 'ny']);
        expect(validated.status, validated.stderr).toBe(0);
        expect(validated.stdout).toContain('0 errors, 0 warnings');
        const interim = sporbar(['report', 'ny', '--format', 'html', '--out', 'ny.html']);
        expect(interim.status, interim.stderr).toBe(0);
        expect(fs.readFileSync(path.join(project, 'ny.html'), 'utf8')).toContain('@font-face');

        // A report with the programme-logic figure, drawn by the packed WebAssembly renderer.
        fs.cpSync(PRI, path.join(project, 'pri'), { recursive: true });
        fs.rmSync(path.join(project, 'pri', 'out'), { recursive: true, force: true });
        const report = sporbar(['report', 'pri', '--kind', 'assessment', '--out', 'pri.docx']);
        expect(report.status, report.stderr).toBe(0);
        expect(report.stdout.trim()).toBe('pri.docx');
        const parts = unzipSync(fs.readFileSync(path.join(project, 'pri.docx')));
        const figure = Object.keys(parts).find(n => /^word\/media\/.*\.png$/.test(n));
        expect(figure).toBeDefined();
        expect(parts[figure!].length).toBeGreaterThan(20_000);

        const matrix = sporbar(['matrix', 'pri', '--format', 'csv']);
        expect(matrix.status, matrix.stderr).toBe(0);
        expect(matrix.stdout.split('\n').length).toBeGreaterThan(10);

        const refused = sporbar(['init', 'pri']);
        expect(refused.status).toBe(2);
    }, 300_000);
});
