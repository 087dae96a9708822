import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The real command, spawned with node as a user would run it (build first:
// `npx tsc -b packages/language packages/cli`).
const repo = path.resolve(__dirname, '..');
const BIN = path.join(repo, 'packages/cli/bin/sporbar.js');
const FIXTURES = 'test/fixtures/cli';

interface Run { status: number | null; stdout: string; stderr: string }

function sporbar(args: string[], cwd = repo): Run {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** 1-based line and column of the first occurrence of `needle` in a file. */
function positionIn(file: string, needle: string): { line: number; column: number } {
    const text = fs.readFileSync(path.join(repo, file), 'utf8');
    const before = text.slice(0, text.indexOf(needle));
    if (!text.includes(needle)) throw new Error(`${needle} not in ${file}`);
    const lines = before.split('\n');
    return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

interface JsonDiagnostic { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }
interface JsonOutput { diagnostics: JsonDiagnostic[]; summary: { files: number; errors: number; warnings: number; infos: number; hints: number } }

beforeAll(() => {
    if (!fs.existsSync(path.join(repo, 'packages/cli/dist/sporbar.js'))) {
        throw new Error('Build the CLI first: npm run build (the sporbar command runs packages/cli/dist)');
    }
});

describe('sporbar --version and --help', () => {
    it('prints the version of @sporbar/cli and exits 0', () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(repo, 'packages/cli/package.json'), 'utf8')) as { version: string };
        const run = sporbar(['--version']);
        expect(run.status).toBe(0);
        expect(run.stdout.trim()).toBe(version);
    });

    it('lists the commands and exits 0', () => {
        const run = sporbar(['--help']);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/Usage: sporbar/);
        expect(run.stdout).toMatch(/^\s+validate \[options\] \[folder\]/m);
        expect(run.stdout).toMatch(/^\s+matrix \[options\] \[folder\]/m);
    });

    it('lists every format of validate in its help', () => {
        const run = sporbar(['validate', '--help']);
        expect(run.status).toBe(0);
        for (const format of ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit']) expect(run.stdout).toContain(`"${format}"`);
    });
});

describe('sporbar validate: exit codes', () => {
    it('exits 0 on a clean workspace and says so in one line', () => {
        const run = sporbar(['validate', `${FIXTURES}/clean`]);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('1 file checked: 0 errors, 0 warnings, 0 infos, 0 hints\n');
        expect(run.stderr).toBe('');
    });

    it('exits 1 on a syntax error and shows it as path:line:col', () => {
        const at = positionIn(`${FIXTURES}/syntax-error/programme.prog`, 'martian');
        const run = sporbar(['validate', `${FIXTURES}/syntax-error`]);
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(new RegExp(`^programme\\.prog:${at.line}:${at.column}  error    syntax/parse  .*'martian'`, 'm'));
        expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 file checked: 1 error, 0 warnings, 0 infos, 0 hints');
    });

    it('exits 2 with a one-line message for a folder that does not exist', () => {
        const run = sporbar(['validate', `${FIXTURES}/no-such-folder`]);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(`sporbar: folder not found: ${FIXTURES}/no-such-folder\n`);
    });

    it('exits 2 with a one-line message for a folder without .prog files', () => {
        const run = sporbar(['validate', `${FIXTURES}/empty`]);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(`sporbar: no .prog files in ${FIXTURES}/empty\n`);
    });

    it('exits 2 for a file given as folder', () => {
        const run = sporbar(['validate', `${FIXTURES}/clean/programme.prog`]);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/^sporbar: not a folder: /);
    });

    it('exits 2 on an unknown option, an unknown command and an unknown format', () => {
        const option = sporbar(['validate', '--no-such-option', `${FIXTURES}/clean`]);
        expect(option.status).toBe(2);
        expect(option.stderr).toContain("unknown option '--no-such-option'");
        expect(option.stdout).toBe('');
        expect(sporbar(['frobnicate']).status).toBe(2);
        const format = sporbar(['validate', '--format', 'xml', `${FIXTURES}/clean`]);
        expect(format.status).toBe(2);
        expect(format.stderr).toContain("'xml' is invalid");
    });

    it('keeps the exit codes whatever the format', () => {
        for (const format of ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit']) {
            expect(sporbar(['validate', '-f', format, `${FIXTURES}/clean`]).status, format).toBe(0);
            expect(sporbar(['validate', '-f', format, `${FIXTURES}/severities`]).status, format).toBe(1);
            expect(sporbar(['validate', '-f', format, '--max-warnings', '1', `${FIXTURES}/warnings`]).status, format).toBe(1);
            expect(sporbar(['validate', '-f', format, `${FIXTURES}/empty`]).status, format).toBe(2);
        }
    });
});

describe('sporbar validate --max-warnings', () => {
    it('exits 0 up to the limit and 1 above it, with a message on stderr', () => {
        const atLimit = sporbar(['validate', '--max-warnings', '2', `${FIXTURES}/warnings`]);
        expect(atLimit.status).toBe(0);
        expect(atLimit.stdout).toContain('0 errors, 2 warnings');
        const above = sporbar(['validate', '--max-warnings', '1', `${FIXTURES}/warnings`]);
        expect(above.status).toBe(1);
        expect(above.stderr).toBe('sporbar: 2 warnings exceed --max-warnings 1\n');
        expect(sporbar(['validate', `${FIXTURES}/warnings`]).status).toBe(0);
    });

    it('rejects a count that is not a whole number with exit 2', () => {
        expect(sporbar(['validate', '--max-warnings', 'many', `${FIXTURES}/warnings`]).status).toBe(2);
        expect(sporbar(['validate', '--max-warnings', '-1', `${FIXTURES}/warnings`]).status).toBe(2);
        expect(sporbar(['validate', '--max-warnings', '1.5', `${FIXTURES}/warnings`]).status).toBe(2);
    });
});

describe('sporbar validate --format json', () => {
    const run = () => sporbar(['validate', '--format', 'json', `${FIXTURES}/severities`]);

    it('prints one object of exactly diagnostics and summary', () => {
        const result = run();
        expect(result.status).toBe(1);
        const json = JSON.parse(result.stdout) as JsonOutput;
        expect(Object.keys(json)).toEqual(['diagnostics', 'summary']);
        expect(json.summary).toEqual({ files: 2, errors: 3, warnings: 2, infos: 1, hints: 1 });
        for (const d of json.diagnostics) {
            expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
            expect(typeof d.line).toBe('number');
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
            expect(['error', 'warning', 'info', 'hint']).toContain(d.severity);
        }
    });

    it('has one diagnostic of every severity, with severities from sporbar.json, config problems included', () => {
        const json = JSON.parse(run().stdout) as JsonOutput;
        expect(json.diagnostics.map(d => `${d.file} ${d.severity} ${d.code}`)).toEqual([
            'main.prog error ref/unresolved',
            'main.prog warning period/reversed',
            'main.prog info sdg/out-of-range',
            'main.prog hint date/invalid',
            'main.prog error id/duplicate',
            'sporbar.json warning config/unknown-rule',
            'sub/more.prog error id/duplicate'
        ]);
    });

    it('is sorted by file, line and column, with / separators and 1-based positions', () => {
        const json = JSON.parse(run().stdout) as JsonOutput;
        const keys = json.diagnostics.map(d => [d.file, d.line, d.column] as const);
        const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || a[1] - b[1] || a[2] - b[2]);
        expect(keys).toEqual(sorted);
        expect(json.diagnostics.some(d => d.file === 'sub/more.prog')).toBe(true);
        expect(json.diagnostics.every(d => !d.file.includes('\\'))).toBe(true);
        const nobody = json.diagnostics.find(d => d.code === 'ref/unresolved')!;
        const at = positionIn(`${FIXTURES}/severities/main.prog`, 'Nobody');
        expect(nobody).toMatchObject({ line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 'Nobody'.length });
        const dup = json.diagnostics.find(d => d.file === 'sub/more.prog')!;
        expect(dup).toMatchObject({ line: 1, column: 7, endLine: 1, endColumn: 10 });
    });
});

describe('sporbar validate (stylish)', () => {
    it('prints path:line:col severity code message per diagnostic, without colour when not a terminal', () => {
        const run = sporbar(['validate', `${FIXTURES}/severities`]);
        const json = JSON.parse(sporbar(['validate', '-f', 'json', `${FIXTURES}/severities`]).stdout) as JsonOutput;
        expect(run.stdout).not.toMatch(/\u001b\[/);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(json.diagnostics.length + 1);
        json.diagnostics.forEach((d, i) => {
            expect(lines[i].startsWith(`${d.file}:${d.line}:${d.column}  ${d.severity.padEnd(7)}  ${d.code}  `)).toBe(true);
        });
        expect(lines.at(-1)).toBe('2 files checked: 3 errors, 2 warnings, 1 info, 1 hint');
    });

    it('keeps a multi-line message on one line', () => {
        const run = sporbar(['validate', `${FIXTURES}/severities`]);
        const config = run.stdout.split('\n').find(line => line.startsWith('sporbar.json:'));
        expect(config).toContain('unknown rule "x%y: a,b c <&> "q""; it is ignored');
    });
});
