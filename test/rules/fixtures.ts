import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectDiagnostics, loadWorkspace, type FileDiagnostic } from '@sporbar/language';

/**
 * Rule fixtures: `fixtures/<group>/<name>/` is a small workspace. Expected diagnostics are
 * marked on the line where they start with a trailing `// expect: code[, code…]`; where a
 * comment is impossible (inside a `"""` text, in `sporbar.json`) a sidecar `expect.json`
 * lists `{ "file", "line", "code", "severity"? }` (line 1-based). A fixture named
 * `<code with / as ->--clean` shows the situation of that rule handled correctly.
 */
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export interface Expectation {
    readonly file: string;
    readonly line: number;
    readonly code: string;
    readonly severity?: 'error' | 'warning' | 'info' | 'hint';
}

export interface Fixture {
    readonly group: string;
    readonly name: string;
    readonly dir: string;
    readonly expected: readonly Expectation[];
}

const EXPECT = /\/\/\s*expect:\s*(.+?)\s*$/;

export function listFixtures(): Fixture[] {
    const result: Fixture[] = [];
    for (const group of fs.readdirSync(FIXTURES).sort()) {
        const groupDir = path.join(FIXTURES, group);
        if (!fs.statSync(groupDir).isDirectory()) continue;
        for (const name of fs.readdirSync(groupDir).sort()) {
            const dir = path.join(groupDir, name);
            if (fs.statSync(dir).isDirectory()) result.push({ group, name, dir, expected: readExpectations(dir) });
        }
    }
    return result;
}

function readExpectations(dir: string): Expectation[] {
    const expected: Expectation[] = [];
    const walk = (folder: string) => {
        for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.prog')) {
                const file = path.relative(dir, full).split(path.sep).join('/');
                fs.readFileSync(full, 'utf8').split(/\r?\n/).forEach((text, i) => {
                    const m = EXPECT.exec(text);
                    if (m) for (const code of m[1].split(',')) expected.push({ file, line: i + 1, code: code.trim() });
                });
            }
        }
    };
    walk(dir);
    const sidecar = path.join(dir, 'expect.json');
    if (fs.existsSync(sidecar)) expected.push(...(JSON.parse(fs.readFileSync(sidecar, 'utf8')) as Expectation[]));
    return expected;
}

export async function fixtureDiagnostics(dir: string): Promise<FileDiagnostic[]> {
    return collectDiagnostics(await loadWorkspace(dir));
}

export function key(d: { file: string; line: number; code: string }): string {
    return `${d.file}:${d.line} ${d.code}`;
}

export function actualKey(d: FileDiagnostic): string {
    return key({ file: d.file, line: d.diagnostic.range.start.line + 1, code: String(d.diagnostic.code) });
}

export const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'] as const;

/** The fixture name for a code: `finding/untriangulated` → `finding-untriangulated`. */
export function slug(code: string): string {
    return code.replace(/\//g, '-');
}
