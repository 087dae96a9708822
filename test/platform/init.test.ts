/**
 * `sporbar init [folder] [--lang nb|nn|en]`: a new workspace that validates with no problem
 * and generates a report, in each language; never over an existing workspace. The scaffold is
 * the one the editor's "New workspace" writes (packages/language/src/model/prog-scaffold.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffoldWorkspace, SCAFFOLD_LANGUAGES } from '../../packages/language/src/model/prog-scaffold.js';
import { cli, tempWorkspace } from '../reliability/helpers.js';
import { docxParts } from '../report/report-helpers.js';

const temp = tempWorkspace({}, 'sporbar-init-');
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

/** Every file below a folder with its content, to see that nothing changed. */
function snapshot(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const full = path.join(d, e.name);
            if (e.isDirectory()) walk(full);
            else out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
        }
    };
    walk(dir);
    return out;
}

/** The scaffold's report is an interim note: its first chapter is the key points (docs/reports.md). */
const WORDS = {
    nb: { comment: '// Programmet, oppdragsgiveren og aktørene.', report: 'Underveisnotat', tag: 'nb-NO', heading: 'Hovedpunkter' },
    nn: { comment: '// Programmet, oppdragsgjevaren og aktørane.', report: 'Undervegsnotat', tag: 'nn-NO', heading: 'Hovudpunkt' },
    en: { comment: '// The programme, its client and the actors.', report: 'InterimNote', tag: 'en-GB', heading: 'Key points' }
} as const;

describe('sporbar init', () => {
    for (const lang of SCAFFOLD_LANGUAGES) {
        it(`writes a commented ${lang} workspace that validates with no problem and generates its report`, () => {
            const folder = path.join(temp, `new-${lang}`, 'deeper');
            const made = cli(['init', folder, '--lang', lang, '--title', `Et "nytt" program (${lang})`], { cwd: temp });
            expect(made.status, made.stderr).toBe(0);
            const files = snapshot(folder);
            expect(Object.keys(files).sort()).toEqual(['.vscode/tasks.json', 'findings.prog', 'logic.prog', 'programme.prog', 'questions.prog', 'reports.prog', 'sources.prog'].map(f => f.split('/').join(path.sep)).sort());
            expect(made.stdout.trim().split('\n')).toHaveLength(7);
            expect(files['programme.prog']).toContain(WORDS[lang].comment);
            expect(files['programme.prog']).toContain(`"Et \\"nytt\\" program (${lang})"`);
            expect(files['reports.prog']).toContain(`language ${lang}`);
            for (const [name, text] of Object.entries(files)) if (name.endsWith('.prog')) expect(text, name).toMatch(/^\/\/ /);

            const validated = cli(['validate', folder, '--format', 'json'], { cwd: temp });
            const result = JSON.parse(validated.stdout) as { summary: { files: number }; diagnostics: unknown[] };
            expect(result.diagnostics).toEqual([]);
            expect(result.summary.files).toBe(6);
            expect(validated.status).toBe(0);

            const out = path.join(temp, `report-${lang}.docx`);
            const reported = cli(['report', folder, '--out', out], { cwd: temp });
            expect(reported.status, reported.stderr).toBe(0);
            expect(reported.stderr).toContain(`building ${WORDS[lang].report} (interim)`);
            const parts = docxParts(fs.readFileSync(out));
            expect(parts['word/styles.xml']).toContain(`<w:lang w:val="${WORDS[lang].tag}"`);
            expect(parts['word/document.xml']).toContain(WORDS[lang].heading);

            const matrix = cli(['matrix', folder, '--format', 'json'], { cwd: temp });
            expect(matrix.status, matrix.stderr).toBe(0);
        }, 180_000);
    }

    it('refuses a folder that already holds .prog files, writing nothing (exit 2)', () => {
        const folder = path.join(temp, 'existing');
        fs.mkdirSync(path.join(folder, 'deep', 'er'), { recursive: true });
        fs.writeFileSync(path.join(folder, 'deep', 'er', 'mine.prog'), 'need N "Mitt behov"\n');
        fs.writeFileSync(path.join(folder, 'notes.txt'), 'mine\n');
        const before = snapshot(folder);
        const r = cli(['init', folder], { cwd: temp });
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('already holds .prog files');
        expect(r.stderr).toContain(path.join('deep', 'er', 'mine.prog'));
        expect(r.stdout).toBe('');
        expect(snapshot(folder)).toEqual(before);
    });

    it('refuses to overwrite a file it would write, and a path that is a file (exit 2)', () => {
        const folder = path.join(temp, 'half');
        fs.mkdirSync(folder);
        fs.writeFileSync(path.join(folder, 'logic.prog.bak'), 'x');
        fs.writeFileSync(path.join(folder, 'findings.prog'), '');
        fs.renameSync(path.join(folder, 'findings.prog'), path.join(folder, 'sources.prog.old'));
        fs.mkdirSync(path.join(folder, 'reports.prog')); // a folder where a file would go
        const before = snapshot(folder);
        const r = cli(['init', folder], { cwd: temp });
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/reports\.prog already exists/);
        expect(snapshot(folder)).toEqual(before);

        const file = path.join(temp, 'a-file');
        fs.writeFileSync(file, '');
        const f = cli(['init', file], { cwd: temp });
        expect(f.status).toBe(2);
        expect(f.stderr).toContain('not a folder');
    });

    it("keeps a folder's own .vscode/tasks.json", () => {
        const folder = path.join(temp, 'with-tasks');
        fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
        fs.writeFileSync(path.join(folder, '.vscode', 'tasks.json'), '{ "mine": true }\n');
        const r = cli(['init', folder, '--lang', 'en'], { cwd: temp });
        expect(r.status, r.stderr).toBe(0);
        expect(fs.readFileSync(path.join(folder, '.vscode', 'tasks.json'), 'utf8')).toBe('{ "mine": true }\n');
        expect(r.stderr).toContain('kept the existing');
    });

    it('rejects an unknown language (exit 2)', () => {
        const r = cli(['init', path.join(temp, 'xx'), '--lang', 'sv'], { cwd: temp });
        expect(r.status).toBe(2);
        expect(fs.existsSync(path.join(temp, 'xx'))).toBe(false);
    });
});

describe('the scaffold', () => {
    it('dates its evidence before today and its report today, in every language', () => {
        for (const language of SCAFFOLD_LANGUAGES) {
            const files = scaffoldWorkspace({ language, today: '2026-03-01' });
            expect(files['reports.prog']).toContain('date 2026-03-01');
            expect(files['reports.prog']).toContain('cutoff 2026-02-24');
            expect(files['sources.prog']).toContain('date 2026-01-30');
            expect(files['programme.prog']).toContain('period 2025-01 .. 2027-12');
        }
    });

    it('is the same set of files in every language, with a default title in each', () => {
        const names = SCAFFOLD_LANGUAGES.map(language => Object.keys(scaffoldWorkspace({ language, today: '2026-03-01' })).sort().join());
        expect(new Set(names).size).toBe(1);
        expect(scaffoldWorkspace({ language: 'en', today: '2026-03-01' })['programme.prog']).toContain('programme Program "My programme"');
        expect(scaffoldWorkspace({ today: '2026-03-01' })['programme.prog']).toContain('programme Program "Mitt program"');
    });

    it('points to no file it does not write, and to the language reference by the command that opens it', () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../packages/extension/package.json'), 'utf8')) as { contributes: { commands: Array<{ command: string; title: string }> } };
        const nls = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../packages/extension/package.nls.json'), 'utf8')) as Record<string, string>;
        const reference = manifest.contributes.commands.find(c => c.command === 'sporbar.showReference')!;
        const title = `Sporbar: ${nls[reference.title.replace(/%/g, '')]}`;
        for (const language of SCAFFOLD_LANGUAGES) {
            const files = scaffoldWorkspace({ language, today: '2026-03-01' });
            const text = Object.values(files).join('\n');
            // Every file name the comments mention (`x.md`, `x.prog`, `x.csv`) is one the workspace has.
            for (const [name] of text.matchAll(/\b[\w-]+\.(?:md|prog|csv|bib|txt)\b/g)) expect(Object.keys(files), `${language}: ${name}`).toContain(name);
            expect(files['programme.prog'], language).toContain(title);
        }
    });
});
