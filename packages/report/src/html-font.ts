/**
 * The HTML report's font: the four faces of the report font (report-assets.ts) as WOFF data
 * URLs in @font-face rules, so the file stays self-contained and every browser shows it with
 * the same glyphs, whatever fonts the reader's machine has. Named like the font itself, so
 * the inline SVG figure (font-family "DejaVu Sans, …") uses it too.
 */
import { REPORT_FONT_FACES, REPORT_FONT_FAMILY, reportFontData } from './report-assets.js';

let css: string | undefined;

/** The @font-face rules (built once per process). */
export function fontFaceCss(): string {
    css ??= REPORT_FONT_FACES.map(face => {
        const woff = reportFontData({ ...face, file: face.file.replace(/\.ttf$/, '.woff') });
        return `@font-face { font-family: "${REPORT_FONT_FAMILY}"; font-style: ${face.italic ? 'italic' : 'normal'}; font-weight: ${face.bold ? 700 : 400}; `
            + `src: url(data:font/woff;base64,${Buffer.from(woff).toString('base64')}) format("woff"); }\n`;
    }).join('');
    return css;
}

/** The CSS font-family of the report's text. */
export const HTML_FONT_FAMILY = `"${REPORT_FONT_FAMILY}", sans-serif`;
