import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRI, ROOT, docxParts, generate } from './report-helpers.js';

/**
 * Opens each kind's docx in LibreOffice (headless, PDF export) and writes PNGs of the first
 * pages to out/report-preview/ for a person to look at. Without soffice the test is skipped
 * locally but fails in CI (CI is set), where .ci/run installs libreoffice-writer-nogui and
 * poppler-utils.
 */
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const available = has('soffice') && has('pdfinfo') && has('pdftoppm');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-lo-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('LibreOffice opens every kind', () => {
    it('has soffice, pdfinfo and pdftoppm (required in CI)', () => {
        if (process.env.CI) expect(available, 'soffice/pdfinfo/pdftoppm missing: install libreoffice-writer-nogui and poppler-utils').toBe(true);
    });

    const minimumPages: Record<string, number> = { Underveisnotat: 4, Vurderingsgrunnlag: 20, Sluttrapport: 25 };
    it.runIf(available)('converts to PDF with a sensible page count and writes previews', async () => {
        const files: string[] = [];
        const contents: Record<string, Array<{ title: string; page: number }>> = {};
        for (const id of Object.keys(minimumPages)) {
            const file = path.join(temp, `${id}.docx`);
            const bytes = await generate(PRI, id, { format: 'docx' });
            fs.writeFileSync(file, bytes);
            files.push(file);
            const document = docxParts(bytes)['word/document.xml'];
            contents[id] = [...document.matchAll(/w:anchor="_Toc\d+"><w:r><w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r><w:r><w:tab\/><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve">PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t>(\d+)<\/w:t>/g)]
                .map(m => ({ title: m[1].replace(/&amp;/g, '&'), page: Number(m[2]) }));
        }
        const profile = `file://${path.join(temp, 'profile')}`;
        const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', temp, ...files], { encoding: 'utf8', timeout: 240_000 });
        expect(run.status, run.stderr).toBe(0);
        const previews = path.join(ROOT, 'out', 'report-preview');
        fs.mkdirSync(previews, { recursive: true });
        for (const [id, minimum] of Object.entries(minimumPages)) {
            const pdf = path.join(temp, `${id}.pdf`);
            expect(fs.existsSync(pdf), pdf).toBe(true);
            const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
            const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
            expect(pages, id).toBeGreaterThanOrEqual(minimum);
            expect(pages, id).toBeLessThan(120);
            // The contents' page numbers are an estimate (Word updates them on opening): each is
            // at most two pages from where LibreOffice prints that heading (numbered from the
            // contents page, as the footer does).
            const text = (page: number) => spawnSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).stdout;
            const pageTexts = Array.from({ length: pages }, (_, i) => text(i + 1));
            // A heading's line starts with its title; a contents line ends in a page number.
            const isHeading = (line: string, title: string) => line.trim().startsWith(title.slice(0, 25)) && !/[\s.]\d+$/.test(line.trim());
            let from = 1;
            expect(contents[id].length, `${id}: contents entries`).toBeGreaterThan(3);
            for (const entry of contents[id]) {
                const at = pageTexts.findIndex((t, i) => i >= from && t.split('\n').some(line => isHeading(line, entry.title)));
                expect(at, `${id}: "${entry.title}" not found from page ${from}`).toBeGreaterThan(0);
                expect(Math.abs(entry.page - at), `${id}: "${entry.title}" estimated on page ${entry.page}, printed on ${at}`).toBeLessThanOrEqual(2);
                from = at;
            }
            const ppm = spawnSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '12', pdf, path.join(previews, id)], { encoding: 'utf8' });
            expect(ppm.status, ppm.stderr).toBe(0);
        }
    }, 300_000);
});
