// Makes the report font: DejaVu Sans (regular, bold, oblique, bold oblique) cut down to the
// characters Norwegian, Sami and English research reports use, so that every machine draws
// the figure, the HTML and the Word document with the same glyphs and none needs fonts of
// its own (docs/platform.md, "The report font").
//
//   node packages/report/scripts/make-fonts.mjs [folder with the DejaVu .ttf files]
//
// The source fonts are Debian's fonts-dejavu-core (2.37; /usr/share/fonts/truetype/dejavu by
// default). The subsetter is HarfBuzz's hb-subset, from the harfbuzzjs devDependency
// (WebAssembly, called directly: the package's JavaScript has no subset API). Writes
// packages/report/assets/fonts/*.ttf (and .woff, for the HTML) and packages/report/src/font-metrics.ts (advance
// widths, so that the figure wraps its labels without a font engine). Both are committed;
// test/report/fonts.test.ts checks that the metrics match the fonts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '..');

/** The faces, by file name in the source folder and in assets/fonts. */
export const FACES = [
    { file: 'DejaVuSans.ttf', key: 'regular', bold: false, italic: false },
    { file: 'DejaVuSans-Bold.ttf', key: 'bold', bold: true, italic: false },
    { file: 'DejaVuSans-Oblique.ttf', key: 'italic', bold: false, italic: true },
    { file: 'DejaVuSans-BoldOblique.ttf', key: 'boldItalic', bold: true, italic: true }
];

/**
 * The characters kept, as inclusive ranges: Latin (Norwegian æøå, Sami áčđŋšŧž, the rest of
 * Western and Central Europe), combining accents, Greek (statistics), the punctuation and
 * spaces typography uses, arrows, a few mathematical signs, bullets and check marks.
 */
export const RANGES = [
    [0x0020, 0x007e], [0x00a0, 0x024f], [0x02b9, 0x02dd], [0x0300, 0x036f],
    [0x0391, 0x03a9], [0x03b1, 0x03c9],
    [0x2000, 0x2027], [0x202f, 0x203a], [0x2044, 0x2044], [0x20ac, 0x20ac], [0x2116, 0x2116], [0x2122, 0x2122],
    [0x2190, 0x2199], [0x21d2, 0x21d4],
    [0x2212, 0x2212], [0x2215, 0x2215], [0x221a, 0x221a], [0x221e, 0x221e], [0x2248, 0x2248], [0x2260, 0x2260], [0x2264, 0x2265],
    [0x23ce, 0x23ce], [0x25a0, 0x25a1], [0x25aa, 0x25ab], [0x25b2, 0x25b2], [0x25bc, 0x25bc], [0x25cb, 0x25cb], [0x25cf, 0x25cf],
    [0x2713, 0x2714], [0x2717, 0x2718], [0xfffd, 0xfffd]
];

// hb_subset_flags_t and hb_subset_sets_t (hb-subset.h).
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_SETS_NAME_ID = 4;
/** Name records kept: copyright, family, style, id, full name, version, PostScript name, licence and its URL. */
const NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14];

/** Cuts `font` down to the code points of RANGES with HarfBuzz's hb-subset. */
export async function subset(font, codePoints = RANGES) {
    const require = createRequire(import.meta.url);
    const wasm = fs.readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm, {});
    const hb = instance.exports;
    const heap = () => new Uint8Array(hb.memory.buffer);
    const input = hb.malloc(font.byteLength);
    heap().set(font, input);
    const blob = hb.hb_blob_create(input, font.byteLength, 2 /* HB_MEMORY_MODE_WRITABLE */, 0, 0);
    const face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    const options = hb.hb_subset_input_create_or_fail();
    if (!options) throw new Error('hb_subset_input_create_or_fail failed');
    const unicodes = hb.hb_subset_input_unicode_set(options);
    for (const [first, last] of codePoints) for (let c = first; c <= last; c++) hb.hb_set_add(unicodes, c);
    const names = hb.hb_subset_input_set(options, HB_SUBSET_SETS_NAME_ID);
    for (const id of NAME_IDS) hb.hb_set_add(names, id);
    // Hinting is for screens at small sizes on old rasterisers; it is half of each file.
    hb.hb_subset_input_set_flags(options, hb.hb_subset_input_get_flags(options) | HB_SUBSET_FLAGS_NO_HINTING);
    const result = hb.hb_subset_or_fail(face, options);
    hb.hb_subset_input_destroy(options);
    if (!result) throw new Error('hb_subset_or_fail failed');
    const out = hb.hb_face_reference_blob(result);
    const length = hb.hb_blob_get_length(out);
    const data = hb.hb_blob_get_data(out, 0);
    const bytes = heap().slice(data, data + length);
    hb.hb_blob_destroy(out);
    hb.hb_face_destroy(result);
    hb.hb_face_destroy(face);
    hb.free(input);
    return bytes;
}

/**
 * The font as WOFF 1.0 (each table zlib-compressed where that makes it smaller), for the
 * HTML report's @font-face: about half the bytes of the TrueType file. Made here once and
 * committed, so that every machine embeds the same bytes whatever its zlib.
 */
export function toWoff(font) {
    const { view, tables: t } = tables(font);
    const entries = Object.entries(t).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([tag, { offset, length }]) => {
        const data = font.subarray(offset, offset + length);
        const packed = zlib.deflateSync(data, { level: 9 });
        const checksum = view.getUint32(12 + Object.keys(t).indexOf(tag) * 16 + 4);
        return { tag, data: packed.length < length ? packed : data, length, checksum };
    });
    const align = n => (n + 3) & ~3;
    const sfntSize = 12 + 16 * entries.length + entries.reduce((sum, e) => sum + align(e.length), 0);
    let offset = 44 + 20 * entries.length;
    const placed = entries.map(e => { const at = offset; offset += align(e.data.length); return { ...e, at }; });
    const out = new Uint8Array(offset);
    const w = new DataView(out.buffer);
    w.setUint32(0, 0x774f4646); // 'wOFF'
    w.setUint32(4, view.getUint32(0)); // the sfnt version
    w.setUint32(8, out.length);
    w.setUint16(12, entries.length);
    w.setUint32(16, sfntSize);
    w.setUint16(20, 1); // version 1.0 of the WOFF file
    placed.forEach((e, i) => {
        const d = 44 + i * 20;
        for (let k = 0; k < 4; k++) out[d + k] = e.tag.charCodeAt(k);
        w.setUint32(d + 4, e.at);
        w.setUint32(d + 8, e.data.length);
        w.setUint32(d + 12, e.length);
        w.setUint32(d + 16, e.checksum);
        out.set(e.data, e.at);
    });
    return out;
}

/** The tables of a WOFF 1.0 file, decompressed (the test checks toWoff with it). */
export function woffTables(woff) {
    const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
    if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF file');
    const out = {};
    for (let i = 0; i < view.getUint16(12); i++) {
        const d = 44 + i * 20;
        const tag = String.fromCharCode(...woff.subarray(d, d + 4));
        const at = view.getUint32(d + 4), packed = view.getUint32(d + 8), length = view.getUint32(d + 12);
        const data = woff.subarray(at, at + packed);
        out[tag] = packed < length ? new Uint8Array(zlib.inflateSync(data)) : data;
    }
    return out;
}

/** The tables of a TrueType file, by tag. */
export function sfntTables(font) {
    const { tables: t } = tables(font);
    return Object.fromEntries(Object.entries(t).map(([tag, { offset, length }]) => [tag, font.subarray(offset, offset + length)]));
}

// -------------------------------------------------------------------------------------------
// Reading a TrueType file: the tables the metrics need (head, hhea, hmtx, cmap).

function tables(font) {
    const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
    const count = view.getUint16(4);
    const out = {};
    for (let i = 0; i < count; i++) {
        const at = 12 + i * 16;
        const tag = String.fromCharCode(font[at], font[at + 1], font[at + 2], font[at + 3]);
        out[tag] = { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) };
    }
    return { view, tables: out };
}

/** Code point → glyph id, from the cmap's format 4 (BMP) subtable. */
function characterMap(view, cmap) {
    const count = view.getUint16(cmap.offset + 2);
    for (let i = 0; i < count; i++) {
        const platform = view.getUint16(cmap.offset + 4 + i * 8);
        const encoding = view.getUint16(cmap.offset + 6 + i * 8);
        const at = cmap.offset + view.getUint32(cmap.offset + 8 + i * 8);
        if (!(platform === 3 && encoding === 1 || platform === 0) || view.getUint16(at) !== 4) continue;
        const segments = view.getUint16(at + 6) / 2;
        const ends = at + 14, starts = ends + segments * 2 + 2, deltas = starts + segments * 2, rangeOffsets = deltas + segments * 2;
        const map = new Map();
        for (let s = 0; s < segments; s++) {
            const end = view.getUint16(ends + s * 2), start = view.getUint16(starts + s * 2);
            const delta = view.getInt16(deltas + s * 2), rangeOffset = view.getUint16(rangeOffsets + s * 2);
            for (let c = start; c <= end && c !== 0xffff; c++) {
                let glyph;
                if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
                else {
                    const g = view.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
                    glyph = g === 0 ? 0 : (g + delta) & 0xffff;
                }
                if (glyph !== 0) map.set(c, glyph);
            }
        }
        return map;
    }
    throw new Error('the font has no Unicode BMP character map (cmap format 4)');
}

/** The font's units per em and the advance width (in font units) of each code point it maps. */
export function advanceWidths(font) {
    const { view, tables: t } = tables(font);
    for (const tag of ['head', 'hhea', 'hmtx', 'cmap']) if (!t[tag]) throw new Error(`the font has no ${tag} table`);
    const unitsPerEm = view.getUint16(t.head.offset + 18);
    const metrics = view.getUint16(t.hhea.offset + 34);
    const advance = glyph => view.getUint16(t.hmtx.offset + Math.min(glyph, metrics - 1) * 4);
    const widths = new Map();
    for (const [c, glyph] of characterMap(view, t.cmap)) widths.set(c, advance(glyph));
    return { unitsPerEm, widths };
}

/**
 * The metrics module: per face, runs of consecutive code points with their widths in
 * thousandths of an em (`[first, w, w, …]`), so that the figure's text is measured with the
 * font it is drawn with.
 */
export function metricsModule(faces) {
    const lines = [
        '// Generated by packages/report/scripts/make-fonts.mjs from assets/fonts: do not edit.',
        '// Advance widths of the report font in thousandths of an em, in runs of consecutive',
        '// code points: [first code point, width, width, …].',
        ''
    ];
    lines.push(`export const FONT_METRICS: Readonly<Record<${faces.map(([key]) => `'${key}'`).join(' | ')}, readonly (readonly number[])[]>> = {`);
    for (const [key, font] of faces) {
        const { unitsPerEm, widths } = advanceWidths(font);
        const runs = [];
        let run;
        for (const c of [...widths.keys()].sort((a, b) => a - b)) {
            const w = Math.round(widths.get(c) * 1000 / unitsPerEm);
            if (run && c === run[0] + run.length - 1) run.push(w);
            else runs.push(run = [c, w]);
        }
        lines.push(`    ${key}: [`);
        for (const r of runs) lines.push(`        [${r.join(', ')}],`);
        lines.push('    ],');
    }
    lines.push('};');
    return lines.join('\n') + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const from = process.argv[2] ?? '/usr/share/fonts/truetype/dejavu';
    const to = path.join(pkg, 'assets/fonts');
    fs.mkdirSync(to, { recursive: true });
    const made = [];
    for (const face of FACES) {
        const source = fs.readFileSync(path.join(from, face.file));
        const bytes = await subset(source);
        const woff = toWoff(bytes);
        fs.writeFileSync(path.join(to, face.file), bytes);
        fs.writeFileSync(path.join(to, face.file.replace(/\.ttf$/, '.woff')), woff);
        made.push([face.key, bytes]);
        console.log(`${face.file}: ${(source.length / 1024).toFixed(0)} kB -> ${(bytes.length / 1024).toFixed(0)} kB, WOFF ${(woff.length / 1024).toFixed(0)} kB`);
    }
    fs.writeFileSync(path.join(pkg, 'src/font-metrics.ts'), metricsModule(made.filter(([key]) => key === 'regular' || key === 'bold')));
    console.log('src/font-metrics.ts written');
}
