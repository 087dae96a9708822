import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS } from './corpus.js';
import { paragraphs, tables } from './docx-reader.js';
import { ROOT, docxParts, generate } from './report-helpers.js';

/**
 * Opens every kind of examples/pri and of the two fixture workspaces in LibreOffice
 * (headless, PDF export) and reads the pages as a reader would (issue 16 "Done when"):
 * - no word is broken inside a table cell;
 * - at most two pages after the contents hold fewer than 40 words;
 * - the interim note's contents fits on one page;
 * - each page number the contents gives (written from an estimate, not updated on
 *   opening) is at most one page from where LibreOffice prints the heading.
 * PNGs of the first pages of examples/pri go to out/report-preview/ for a person to look
 * at. Without soffice the test is skipped locally but fails in CI (CI is set).
 */
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const available = has('soffice') && has('pdfinfo') && has('pdftotext') && has('pdftoppm');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-lo-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

const fileOf = (name: string) => path.join(temp, `${name.replace('/', '-')}`);
const words = (s: string) => s.split(/\s+/).filter(w => /\p{L}/u.test(w)).length;
/** Tokens a line break could split: runs of letters, four or more. */
const tokens = (s: string) => s.normalize('NFC').toLowerCase().split(/[^\p{L}]+/u).filter(t => t.length >= 4);

describe('LibreOffice reads every kind as a reader would', () => {
    it('has soffice, pdfinfo, pdftotext and pdftoppm (required in CI)', () => {
        if (process.env.CI) expect(available, 'soffice/poppler missing: install libreoffice-writer-nogui and poppler-utils').toBe(true);
    });

    it.runIf(available)('converts to PDF: no broken words in tables, no sparse pages, contents that fit and point right', async () => {
        const docs: Record<string, string> = {};
        for (const r of CORPUS) {
            const bytes = await generate(r.dir, r.id, { format: 'docx' });
            fs.writeFileSync(`${fileOf(r.name)}.docx`, bytes);
            docs[r.name] = docxParts(bytes)['word/document.xml'];
        }
        const profile = `file://${path.join(temp, 'profile')}`;
        const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', temp, ...CORPUS.map(r => `${fileOf(r.name)}.docx`)], { encoding: 'utf8', timeout: 400_000 });
        expect(run.status, run.stderr).toBe(0);

        for (const r of CORPUS) {
            const pdf = `${fileOf(r.name)}.pdf`;
            expect(fs.existsSync(pdf), pdf).toBe(true);
            const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
            expect(pages, r.name).toBeGreaterThanOrEqual(r.kind === 'interim' ? 2 : 8);
            const pageTexts = Array.from({ length: pages }, (_, i) => spawnSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\u00a0/g, ' '));
            const document = docs[r.name];

            // No word broken inside a table cell: every word of the tables is printed whole as
            // often as the document holds it (a word split over two lines prints as two halves).
            const all = new Map<string, number>();
            for (const p of paragraphs(document)) for (const t of tokens(p.text)) all.set(t, (all.get(t) ?? 0) + 1);
            const printed = new Map<string, number>();
            for (const t of tokens(pageTexts.join('\n'))) printed.set(t, (printed.get(t) ?? 0) + 1);
            const inCells = new Set(tables(document).flatMap(t => [...t.header, ...t.rows.flat()]).flatMap(tokens));
            const broken = [...inCells].filter(t => (printed.get(t) ?? 0) < (all.get(t) ?? 0));
            expect(broken, `${r.name}: words broken in table cells`).toEqual([]);

            // The contents: its entries and where LibreOffice prints each heading.
            const entries = [...document.matchAll(/w:anchor="_Toc\d+"><w:r><w:t(?: xml:space="preserve")?>([^<]*)<\/w:t><\/w:r><w:r><w:tab\/><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve">PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t>(\d+)<\/w:t>/g)]
                .map(m => ({ title: m[1].replace(/&amp;/g, '&').replace(/\u00a0/g, ' '), page: Number(m[2]) }));
            expect(entries.length, `${r.name}: contents entries`).toBeGreaterThan(3);
            const contentsTitle = { nb: 'Innhold', nn: 'Innhald', en: 'Contents' }[r.language];
            const contentsFirst = pageTexts.findIndex(t => t.split('\n').some(line => line.trim() === contentsTitle));
            const lastEntry = entries[entries.length - 1].title;
            let contentsLast = contentsFirst;
            while (contentsLast + 1 < pages && pageTexts[contentsLast + 1].includes(lastEntry.slice(0, 25)) && /\.{5,}/.test(pageTexts[contentsLast + 1])) contentsLast++;
            if (r.kind === 'interim') expect(contentsLast, `${r.name}: the contents fits on one page`).toBe(contentsFirst);

            // A heading's line starts with its title; a contents line ends in a page number.
            const isHeading = (line: string, title: string) => line.trim().startsWith(title.slice(0, 25)) && !/(\.{3,}|\s{2,})\s*\d+$/.test(line.trim());
            let from = contentsLast;
            for (const entry of entries) {
                // Headings before the contents (English summary, Forord) are looked for there.
                const before = entry.page <= contentsFirst;
                let found = -1;
                for (let i = before ? 0 : from; i < (before ? contentsFirst : pages); i++) {
                    if (pageTexts[i].split('\n').some(line => isHeading(line, entry.title))) { found = i; break; }
                }
                expect(found, `${r.name}: "${entry.title}" not found`).toBeGreaterThanOrEqual(0);
                expect(Math.abs(entry.page - (found + 1)), `${r.name}: "${entry.title}" estimated on page ${entry.page}, printed on ${found + 1}`).toBeLessThanOrEqual(1);
                if (!before) from = found;
            }

            // At most two pages after the contents hold fewer than 40 words.
            const sparse = pageTexts.map((t, i) => ({ page: i + 1, words: words(t) })).filter(p => p.page > contentsLast + 1 && p.words < 40);
            expect(sparse.length, `${r.name}: pages under 40 words: ${JSON.stringify(sparse)}`).toBeLessThanOrEqual(2);

            if (r.dir.endsWith('examples/pri')) {
                const previews = path.join(ROOT, 'out', 'report-preview');
                fs.mkdirSync(previews, { recursive: true });
                const ppm = spawnSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '12', pdf, path.join(previews, r.id)], { encoding: 'utf8' });
                expect(ppm.status, ppm.stderr).toBe(0);
            }
        }
    }, 600_000);
});
