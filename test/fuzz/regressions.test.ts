/**
 * Replays every shrunk fuzz failure saved in `test/fuzz/regressions/` (one JSON file per
 * failure, written by fuzz.test.ts) with every property of harness.ts, docx included, and
 * checks that the property checks themselves can fail (negative controls).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCase, diagnosticProblems, fromRegression, outputProblems, rangeProblem, REGRESSIONS, toRegression, type RegressionFile } from './harness.js';
import { damage, mutate } from './arbitraries.js';
import { loadWorkspace } from '@sporbar/language';

const files = fs.existsSync(REGRESSIONS) ? fs.readdirSync(REGRESSIONS).filter(f => f.endsWith('.json')).sort() : [];

describe('fuzz regressions (test/fuzz/regressions/*.json)', () => {
    it('has the regressions found so far', () => {
        expect(files.length).toBeGreaterThan(0);
    });
    for (const file of files) {
        it(file, async () => {
            const regression = JSON.parse(fs.readFileSync(path.join(REGRESSIONS, file), 'utf8')) as RegressionFile;
            const c = fromRegression(regression);
            // docx too, for the small (shrunk) cases; whole example workspaces get Markdown and HTML.
            const size = c.files.reduce((n, f) => n + f.bytes.length, 0);
            await checkCase(c, { docx: size < 20_000 });
        });
    }
});

describe('the fuzz properties can fail (negative controls)', () => {
    it('flags a range beyond the last line, beyond a line end, or reversed', () => {
        const text = 'ab\r\ncd\rlast';
        expect(rangeProblem(text, { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } })).toBeUndefined();
        expect(rangeProblem(text, { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } })).toMatch(/beyond the 3 lines/);
        expect(rangeProblem(text, { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } })).toMatch(/beyond line 0/);
        expect(rangeProblem(text, { start: { line: 1, character: 1 }, end: { line: 0, character: 1 } })).toMatch(/after end/);
        expect(rangeProblem(text, { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } })).toMatch(/not a position/);
    });

    it('flags an unknown code and a range outside its document', async () => {
        const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-neg-')));
        try {
            fs.writeFileSync(path.join(root, 'a.prog'), 'programme P "P"\n');
            const ws = await loadWorkspace(root);
            const bogus = { file: 'a.prog', uri: '', diagnostic: { code: 'made/up', message: 'm', range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } } } };
            const problems = diagnosticProblems(ws, [bogus]);
            expect(problems.join('\n')).toMatch(/unknown code/);
            expect(problems.join('\n')).toMatch(/beyond the 2 lines/);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });

    it('flags script, event handlers and javascript: URLs in HTML output, and empty output', () => {
        const bytes = (s: string) => new TextEncoder().encode(s);
        expect(outputProblems('R', 'html', bytes('<p>&lt;script&gt; onerror=x</p>'))).toEqual([]);
        expect(outputProblems('R', 'html', bytes('<p><script>x</script></p>'))).toHaveLength(1);
        expect(outputProblems('R', 'html', bytes('<img src=x onerror=alert(1)>'))).toHaveLength(1);
        expect(outputProblems('R', 'html', bytes('<a href="javascript:alert(1)">x</a>'))).toHaveLength(1);
        expect(outputProblems('R', 'md', new Uint8Array())).toHaveLength(1);
    });

    it('round-trips a case with invalid UTF-8 through a regression file', () => {
        const c = { kind: 'mutated' as const, force: false, files: [{ path: 'a.prog', bytes: damage('programme P "P"', { op: 'bytes', at: 0.5, bytes: [0xff, 0xc3] }) }, { path: 'b.prog', bytes: new TextEncoder().encode('x') }] };
        const r = toRegression(c, { description: 't' });
        expect(r.files[0].base64).toBeDefined();
        expect(r.files[1].text).toBe('x');
        expect(Buffer.from(fromRegression(r).files[0].bytes).equals(Buffer.from(c.files[0].bytes))).toBe(true);
    });

    it('mutations do what they say', () => {
        expect(mutate('a b c', { op: 'truncate', at: 0.5 })).toBe('a b');
        expect(mutate('l1\nl2', { op: 'swapLines', a: 0, b: 0.9 })).toBe('l2\nl1');
        expect(mutate('x y', { op: 'swapTokens', a: 0, b: 0.9 })).toBe('y x');
        expect(mutate('abc', { op: 'delete', at: 0, length: 2 })).toBe('c');
    });
});
