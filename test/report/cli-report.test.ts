import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_NN } from './corpus.js';
import { CANARY, CLI, PRI, docxParts } from './report-helpers.js';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-report-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

function sporbar(args: string[], cwd = temp) {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the canary workspace with one more finding that cites a source dated after the interim note's cutoff. */
function lateWorkspace(): string {
    const dir = path.join(temp, 'late');
    fs.cpSync(CANARY, dir, { recursive: true });
    fs.appendFileSync(path.join(dir, 'findings.prog'), `
source Late1 document "Et sent dokument" { date 2021-09-15 }
finding F3 "Et funn med for nytt belegg" {
    answers a
    evidence Late1
    confidence low
    date 2021-08-20
}
`);
    return dir;
}

describe('sporbar report', () => {
    it('warns the author on stderr of a cited title in Title Case, and prints it as written (issue 16: no silent rewrite)', () => {
        const out = path.join(temp, 'title-case.md');
        const r = sporbar(['report', REPORT_NN, '--report', 'Notat', '--format', 'md', '--out', out]);
        expect(r.code).toBe(0);
        const notes = r.stderr.split('\n').filter(line => line.startsWith('sporbar: note: '));
        expect(notes).toHaveLength(1);
        expect(notes[0]).toMatch(/^sporbar: note: references\.bib: wenger1998: the title "Communities of Practice: Learning, Meaning, and Identity" looks like Title Case; APA 7 /);
        expect(fs.readFileSync(out, 'utf8')).toContain('Communities of Practice: Learning, Meaning, and Identity');
        // The example's bibliography is in sentence case: no note.
        const pri = sporbar(['report', PRI, '--report', 'Sluttrapport', '--format', 'md', '--out', path.join(temp, 'pri.md')]);
        expect(pri.code).toBe(0);
        expect(pri.stderr).not.toContain('sporbar: note:');
    });

    it('asks which report when there are several, listing their IDs (exit 2)', () => {
        const r = sporbar(['report', CANARY]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('Grunnlag, Notat, Slutt');
    });

    it('writes out/<id>.<ext> in the current folder, atomically, and prints the path', () => {
        const r = sporbar(['report', CANARY, '--kind', 'interim']);
        expect(r.stderr).toContain('building Notat (interim) as docx');
        expect(r.code).toBe(0);
        expect(r.stdout.trim()).toBe(path.join('out', 'Notat.docx'));
        expect(fs.readdirSync(path.join(temp, 'out'))).toEqual(['Notat.docx']);
        expect(Object.keys(docxParts(new Uint8Array(fs.readFileSync(path.join(temp, 'out', 'Notat.docx')))))).toContain('word/document.xml');
    });

    it('creates the output folder and honours --format and --lang', () => {
        const out = path.join(temp, 'new', 'folder', 'r.md');
        const r = sporbar(['report', CANARY, '--report', 'Grunnlag', '--format', 'md', '--lang', 'en', '--out', out]);
        expect(r.code).toBe(0);
        const md = fs.readFileSync(out, 'utf8');
        expect(md).toContain('## Summary');
        expect(md).toMatch(/^## \d+ Recommendations$/m);
        expect(fs.readdirSync(path.dirname(out))).toEqual(['r.md']);
    });

    it('refuses a .prog file, an existing folder and the data folder (exit 2)', () => {
        for (const out of [path.join(temp, 'x.prog'), temp, path.join(CANARY, 'data', 'r.docx')]) {
            const r = sporbar(['report', CANARY, '--report', 'Notat', '--out', out]);
            expect(r.code, out).toBe(2);
            expect(r.stderr).toMatch(/refusing|existing folder/);
        }
        expect(fs.existsSync(path.join(CANARY, 'data', 'r.docx'))).toBe(false);
    });

    it('refuses a report whose finding cites a source dated after the cutoff; --force writes a draft', () => {
        const dir = lateWorkspace();
        const refused = sporbar(['report', dir, '--report', 'Notat', '--out', path.join(temp, 'late.docx')]);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/findings\.prog:\d+:\d+ {2}report\/after-cutoff {2}/);
        expect(fs.existsSync(path.join(temp, 'late.docx'))).toBe(false);

        const forced = sporbar(['report', dir, '--report', 'Notat', '--force', '--out', path.join(temp, 'late.docx')]);
        expect(forced.code).toBe(0);
        const parts = docxParts(new Uint8Array(fs.readFileSync(path.join(temp, 'late.docx'))));
        const headers = Object.keys(parts).filter(p => /^word\/header\d*\.xml$/.test(p));
        expect(headers.length).toBeGreaterThan(0);
        for (const h of headers) expect(parts[h]).toContain('UTKAST / DRAFT');
        expect(parts['word/document.xml']).toMatch(/<w:headerReference [^>]*w:type="default"/);

        const md = sporbar(['report', dir, '--report', 'Notat', '--force', '--format', 'md', '--out', path.join(temp, 'late.md')]);
        expect(md.code).toBe(0);
        expect(fs.readFileSync(path.join(temp, 'late.md'), 'utf8').startsWith('> **UTKAST / DRAFT**')).toBe(true);
        const html = sporbar(['report', dir, '--report', 'Notat', '--force', '--format', 'html', '--out', path.join(temp, 'late.html')]);
        expect(html.code).toBe(0);
        expect(fs.readFileSync(path.join(temp, 'late.html'), 'utf8')).toMatch(/<body>\n<div class="draft"[^>]*>UTKAST \/ DRAFT<\/div>/);
    });

    it('loads the report stack only for sporbar report', () => {
        const hook = path.join(__dirname, 'load-hook.mjs');
        const run = (args: string[]) => spawnSync(process.execPath, ['--import', hook, CLI, ...args], { cwd: temp, encoding: 'utf8' });
        for (const args of [['--version'], ['validate', CANARY]]) {
            const r = run(args);
            expect(r.status, r.stderr).toBe(0);
            expect(r.stderr, args.join(' ')).not.toContain('REPORT-STACK');
        }
        const r = run(['report', CANARY, '--report', 'Notat', '--format', 'md', '--out', path.join(temp, 'hooked.md')]);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stderr).toContain('REPORT-STACK');
    });

    it('does not mark a clean report as a draft', () => {
        const r = sporbar(['report', CANARY, '--report', 'Notat', '--format', 'md', '--out', path.join(temp, 'clean.md')]);
        expect(r.code).toBe(0);
        expect(fs.readFileSync(path.join(temp, 'clean.md'), 'utf8')).not.toContain('UTKAST');
    });
});
