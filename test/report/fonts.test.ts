/**
 * The report font Sporbar ships (packages/report/assets/fonts, made by
 * packages/report/scripts/make-fonts.mjs): what it covers, that the figure measures text with
 * its real widths, and that the Word and HTML reports carry it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadRasteriser, REPORT_FONT_FACES, reportFontData } from '@sporbar/report';
// The generated metrics and the script's own TrueType/WOFF readers.
import { FONT_METRICS } from '../../packages/report/src/font-metrics.js';
import { textWidth } from '../../packages/report/src/logic-svg.js';
import { advanceWidths, metricsModule, sfntTables, woffTables } from '../../packages/report/scripts/make-fonts.mjs';
import { PRI, ROOT, docxParts, generate } from './report-helpers.js';

const FONTS = path.join(ROOT, 'packages/report/assets/fonts');
const read = (file: string) => new Uint8Array(fs.readFileSync(path.join(FONTS, file)));

/** Every character a Norwegian (bokmål, nynorsk), Sami or English report writes, and Sporbar's own marks. */
const NEEDED = 'abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789 .,:;!?\'"()[]{}/\\-+*=%&@#§$€£'
    + 'áàâäéèêëíìîïóòôöúùûüýÿçñÁÉÍÓÚÜÇÑčđŋšŧžČĐŊŠŦŽ«»‹›“”„‘’‚–—…•·×÷±≤≥≠≈→←↑↓▪ ­';

describe('the report font', () => {
    it('is DejaVu Sans in four faces, with its licence beside it', () => {
        for (const face of REPORT_FONT_FACES) {
            const tables = sfntTables(read(face.file));
            for (const tag of ['cmap', 'glyf', 'head', 'hmtx', 'name', 'OS/2', 'post']) expect(Object.keys(tables), `${face.file} ${tag}`).toContain(tag);
            expect(new TextDecoder('utf-16be').decode(tables.name)).toContain('DejaVu Sans');
            // Installable embedding (OS/2 fsType 0): Word keeps it in the document.
            const os2 = tables['OS/2'];
            expect(new DataView(os2.buffer, os2.byteOffset).getUint16(8), face.file).toBe(0);
        }
        const licence = fs.readFileSync(path.join(FONTS, 'LICENSE'), 'utf8');
        expect(licence).toContain('Bitstream Vera Fonts Copyright');
        expect(licence).toContain('DejaVu changes are in public domain');
    });

    it('covers Norwegian, Sami and English text and the marks Sporbar writes', () => {
        for (const face of REPORT_FONT_FACES) {
            const { widths } = advanceWidths(read(face.file));
            const missing = [...NEEDED].filter(ch => !widths.has(ch.codePointAt(0)!));
            expect(missing, face.file).toEqual([]);
        }
    });

    it('ships metrics that are those of the font files (regenerate with make-fonts.mjs)', () => {
        const source = fs.readFileSync(path.join(ROOT, 'packages/report/src/font-metrics.ts'), 'utf8');
        expect(source).toBe(metricsModule([['regular', read('DejaVuSans.ttf')], ['bold', read('DejaVuSans-Bold.ttf')]]));
        // DejaVu Sans: 'm' is 1995/2048 em, the space 651/2048, 'W' 2025/2048.
        const { unitsPerEm, widths } = advanceWidths(read('DejaVuSans.ttf'));
        expect(unitsPerEm).toBe(2048);
        expect([widths.get(0x6d), widths.get(0x20), widths.get(0x57)]).toEqual([1995, 651, 2025]);
        expect(FONT_METRICS.regular[0][0]).toBe(0x20);
    });

    it('measures the figure text with those widths, bold wider than regular', () => {
        expect(textWidth('m', 1000)).toBe(974);
        expect(textWidth('Blåbær', 12)).toBeCloseTo(12 * (686 + 278 + 613 + 635 + 982 + 411) / 1000, 6);
        expect(textWidth('Resultater', 13, true)).toBeGreaterThan(textWidth('Resultater', 13));
        // A character the font lacks counts as a full em, never as nothing.
        expect(textWidth('中', 10)).toBe(10);
    });

    it('has WOFF copies that hold the same tables', () => {
        for (const face of REPORT_FONT_FACES) {
            const ttf = sfntTables(read(face.file));
            const woff = woffTables(read(face.file.replace(/\.ttf$/, '.woff')));
            expect(Object.keys(woff).sort()).toEqual(Object.keys(ttf).sort());
            for (const tag of Object.keys(ttf)) expect(Buffer.from(woff[tag]).equals(Buffer.from(ttf[tag])), `${face.file} ${tag}`).toBe(true);
        }
    });

    it('draws Norwegian text in the figure renderer (ink where the letters are)', async () => {
        const rasterise = await loadRasteriser();
        const svg = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="20" font-family="DejaVu Sans" font-size="16">${text}</text></svg>`;
        const blank = rasterise(svg(''), 240);
        const drawn = rasterise(svg('ÆØÅ æøå'), 240);
        expect(Buffer.from(drawn).equals(Buffer.from(blank))).toBe(false);
        expect(drawn.length).toBeGreaterThan(blank.length + 200);
        // Same input, same pixels.
        expect(Buffer.from(rasterise(svg('ÆØÅ æøå'), 240)).equals(Buffer.from(drawn))).toBe(true);
    });
});

describe('the report font in the reports', async () => {
    const docx = await generate(PRI, 'Vurderingsgrunnlag', { format: 'docx' });
    const parts = docxParts(docx);

    it('is the font of the Word document, embedded with all four faces', () => {
        expect(parts['word/styles.xml']).toContain('w:ascii="DejaVu Sans"');
        expect(parts['word/styles.xml']).not.toContain('Calibri"');
        const table = parts['word/fontTable.xml'];
        for (const element of ['embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic']) expect(table).toMatch(new RegExp(`<w:${element} r:id="rId\\d+" w:fontKey="\\{[0-9A-F-]{36}\\}"/>`));
        expect(parts['word/settings.xml']).toMatch(/<w:embedTrueTypeFonts\/>|<w:embedTrueTypeFonts w:val="(true|1)"\/>/);
    });

    it('embeds font parts that unlock, with their keys, to the shipped faces', () => {
        const bytes = unzipSync(docx);
        const rels = parts['word/_rels/fontTable.xml.rels'];
        const faces = new Set(REPORT_FONT_FACES.map(face => Buffer.from(reportFontData(face)).toString('base64')));
        const found: string[] = [];
        for (const m of parts['word/fontTable.xml'].matchAll(/<w:embed\w+ r:id="([^"]+)" w:fontKey="\{([^}]+)\}"\/>/g)) {
            const target = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels)![1];
            const key = m[2].replace(/-/g, '').match(/../g)!.map(h => parseInt(h, 16)).reverse();
            const font = new Uint8Array(bytes[`word/${target}`]);
            for (let i = 0; i < 32; i++) font[i] ^= key[i % 16];
            found.push(Buffer.from(font).toString('base64'));
        }
        expect(found).toHaveLength(4);
        for (const f of found) expect(faces.has(f)).toBe(true);
    });

    it('is embedded in the HTML report as WOFF data, the file staying self-contained', async () => {
        const html = new TextDecoder().decode(await generate(PRI, 'Vurderingsgrunnlag', { format: 'html' }));
        const faces = [...html.matchAll(/@font-face \{ font-family: "DejaVu Sans"; font-style: (\w+); font-weight: (\d+); src: url\(data:font\/woff;base64,([A-Za-z0-9+/=]+)\) format\("woff"\); \}/g)];
        expect(faces.map(f => `${f[1]} ${f[2]}`).sort()).toEqual(['italic 400', 'italic 700', 'normal 400', 'normal 700']);
        expect(Buffer.from(faces.find(f => f[1] === 'normal' && f[2] === '400')![3], 'base64').equals(Buffer.from(read('DejaVuSans.woff')))).toBe(true);
        expect(html).toMatch(/body \{ font-family: "DejaVu Sans", sans-serif;/);
        expect(html).not.toMatch(/url\((?!data:|#)/);
    });
});
