/**
 * The Word document's font: the report font (DejaVu Sans, report-assets.ts) is the font of
 * every style, and its four faces are embedded in the package (`word/fonts/*.odttf`, as
 * Word's "Embed fonts in the file" does), so that Word and LibreOffice show the report with
 * the same glyphs on a machine that has never had the font. Without a template only: a
 * `--template` brings its own fonts.
 *
 * The library obfuscates each embedded face with a random key (ECMA-376 Part 2, §11.1: the
 * first 32 bytes XORed with the key); `stableFontKeys` gives each face a key derived from
 * its bytes instead, so the same input still gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { strFromU8, strToU8 } from 'fflate';
import { REPORT_FONT_FACES, REPORT_FONT_FAMILY, reportFontData } from './report-assets.js';

/** The font of the document's styles. */
export const DOCX_FONT = REPORT_FONT_FAMILY;

/** The `fonts` option of the docx library: the report font with all four faces. */
export function embeddedFonts(): { name: string; data: Buffer; bold: Buffer; italic: Buffer; boldItalic: Buffer }[] {
    const face = (bold: boolean, italic: boolean) => {
        const found = REPORT_FONT_FACES.find(f => f.bold === bold && f.italic === italic)!;
        const data = reportFontData(found);
        return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    };
    return [{ name: DOCX_FONT, data: face(false, false), bold: face(true, false), italic: face(false, true), boldItalic: face(true, true) }];
}

/** The 16 key bytes of a font key GUID, in the order they are XORed with the font's first bytes. */
function keyBytes(guid: string): number[] {
    const hex = guid.replace(/[{}-]/g, '');
    if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new Error(`not a font key: ${guid}`);
    return hex.match(/../g)!.map(h => parseInt(h, 16)).reverse();
}

function xorHead(data: Uint8Array, key: readonly number[]): Uint8Array {
    const out = new Uint8Array(data);
    for (let i = 0; i < Math.min(32, out.length); i++) out[i] ^= key[i % key.length];
    return out;
}

/** A GUID made from the font's bytes: the same face always gets the same key. */
function keyOf(font: Uint8Array): string {
    const h = createHash('sha256').update(font).digest('hex').slice(0, 32).toUpperCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Replaces the random key of every embedded font face (`w:fontKey` in word/fontTable.xml)
 * with one derived from the face's bytes, and obfuscates the face's part with it.
 */
export function stableFontKeys(files: Record<string, Uint8Array>): void {
    const tableName = 'word/fontTable.xml';
    const relsName = 'word/_rels/fontTable.xml.rels';
    if (!files[tableName] || !files[relsName]) return;
    const rels = strFromU8(files[relsName]);
    const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*?\sId="([^"]+)"[^>]*?\sTarget="([^"]+)"/g)].map(m => [m[1], m[2]]));
    const table = strFromU8(files[tableName]).replace(/(<w:embed(?:Regular|Bold|Italic|BoldItalic)\b[^>]*?\sr:id=")([^"]+)("[^>]*?\sw:fontKey=")\{([^}]+)\}"/g,
        (whole, open: string, id: string, middle: string, oldKey: string) => {
            const target = targets.get(id);
            const part = target && `word/${target.replace(/^\/?(word\/)?/, '')}`;
            if (!part || !files[part]) return whole;
            const font = xorHead(files[part], keyBytes(oldKey));
            const key = keyOf(font);
            files[part] = xorHead(font, keyBytes(key));
            return `${open}${id}${middle}{${key}}"`;
        });
    files[tableName] = strToU8(table);
}
