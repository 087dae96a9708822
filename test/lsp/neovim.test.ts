import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, copyWorkspace, REPO } from './lsp-client.js';

/**
 * A real editor: headless Neovim (0.7.2 from Debian, or newer) starts `sporbar lsp --stdio`
 * with its built-in LSP client (test/lsp/neovim/lsp-check.lua), waits for diagnostics and
 * asks for a definition. Without `nvim` the test is skipped — except on CI (`CI` set),
 * where a missing `nvim` is a failure.
 */
function findNvim(): string | undefined {
    const result = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    return result.status === 0 ? 'nvim' : undefined;
}

const nvim = findNvim();
const onCi = Boolean(process.env.CI);
const SCRIPT = path.join(REPO, 'test', 'lsp', 'neovim', 'lsp-check.lua');

interface NvimResult {
    published: boolean;
    diagnostics: { code?: string; severity: number; lnum: number; col: number; message: string }[];
    definition?: { uri?: string; targetUri?: string; range?: { start: { line: number } }; targetSelectionRange?: { start: { line: number; character: number } } }[];
}

let root: string;

function runNvim(file: string, line: number, col: number): NvimResult {
    const result = spawnSync(nvim!, ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${SCRIPT}`], {
        encoding: 'utf8',
        timeout: 60_000,
        env: {
            ...process.env,
            SPORBAR_FILE: path.join(root, file), SPORBAR_ROOT: root, SPORBAR_CLI: CLI,
            SPORBAR_LINE: String(line), SPORBAR_COL: String(col), SPORBAR_EXPECT_DIAGNOSTICS: '1'
        }
    });
    const json = result.stdout.split('\n').find(l => l.startsWith('{'));
    if (!json) throw new Error(`nvim printed no result (status ${result.status}): ${result.stdout}\n${result.stderr}`);
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(json) as NvimResult;
}

describe('Neovim', () => {
    if (!nvim && onCi) {
        it('needs nvim on CI', () => {
            expect.fail('nvim is not installed; install the Debian package `neovim` (see the Neovim test in test/lsp/neovim.test.ts)');
        });
        return;
    }
    const test = nvim ? it : it.skip;

    beforeAll(() => {
        root = copyWorkspace(path.join(REPO, 'test', 'fixtures', 'lsp', 'neovim'), 'sporbar-nvim-');
    });

    afterAll(() => {
        if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    test('shows the diagnostic of a broken file and goes to a definition in another file', () => {
        // broken.prog line 3 (0-based 2): `    evidence D01, Mangler`
        const result = runNvim('broken.prog', 2, 14);
        expect(result.published).toBe(true);
        const unresolved = result.diagnostics.find(d => d.code === 'ref/unresolved');
        expect(unresolved, JSON.stringify(result.diagnostics)).toBeDefined();
        expect(unresolved).toMatchObject({ severity: 1, lnum: 2, col: 18 });
        expect(unresolved!.message).toContain('Mangler');
        expect(result.definition).toHaveLength(1);
        const target = result.definition![0];
        expect(target.targetUri ?? target.uri).toMatch(/\/programme\.prog$/);
        expect((target.targetSelectionRange ?? target.range)!.start.line).toBe(4);
    });

    test('negative control: a clean file gets warnings only, no error', () => {
        // programme.prog line 1: `programme N "Neovim-test" { client KS }` — KS at column 35
        const result = runNvim('programme.prog', 0, 35);
        expect(result.diagnostics.map(d => d.code)).toContain('finding/no-confidence');
        expect(result.diagnostics.filter(d => d.severity === 1)).toEqual([]);
        expect((result.definition![0].targetSelectionRange ?? result.definition![0].range)!.start.line).toBe(2);
    });
});
