/**
 * Advance widths of the report font (DejaVu Sans, font-metrics.ts, generated from
 * assets/fonts) in thousandths of an em, regular and bold, as typed arrays for speed. Used
 * to estimate line lengths: table column widths (table-layout.ts) and page positions
 * (docx-body.ts). A character the font lacks counts as an "n".
 */
import { FONT_METRICS } from './font-metrics.js';

/** Widths by UTF-16 code unit (the font's characters are all in the BMP); 0 = not in the font. */
const LIMIT = 0x10000;

function table(runs: readonly (readonly number[])[]): Uint16Array {
    const widths = new Uint16Array(LIMIT);
    for (const [first, ...advances] of runs) advances.forEach((w, i) => { if (first + i < LIMIT) widths[first + i] = w; });
    return widths;
}

const regular = table(FONT_METRICS.regular);
const bold = table(FONT_METRICS.bold);
const DEFAULT_REGULAR = regular['n'.charCodeAt(0)];
const DEFAULT_BOLD = bold['n'.charCodeAt(0)];

/** The width of one UTF-16 code unit in thousandths of an em. */
export function charEms(code: number, isBold: boolean): number {
    return (isBold ? bold : regular)[code] || (isBold ? DEFAULT_BOLD : DEFAULT_REGULAR);
}

/** The width of a text in thousandths of an em. */
export function textEms(text: string, isBold = false): number {
    const widths = isBold ? bold : regular;
    const fallback = isBold ? DEFAULT_BOLD : DEFAULT_REGULAR;
    let w = 0;
    for (let i = 0; i < text.length; i++) w += widths[text.charCodeAt(i)] || fallback;
    return w;
}

/** The width of a text in twips at a font size in points. */
export function textTwips(text: string, sizePt: number, isBold = false): number {
    return textEms(text, isBold) * sizePt * 20 / 1000;
}
