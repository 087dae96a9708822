/**
 * The files a report is drawn with, shipped with Sporbar and never taken from the machine:
 * the report font (DejaVu Sans, a subset; assets/fonts, made by scripts/make-fonts.mjs) and
 * resvg's WebAssembly (@resvg/resvg-wasm). Read only when a report needs them — never when
 * the CLI validates or the language server starts (test/bundle.test.ts).
 *
 * Where they are: next to a bundle (`dist/assets/`, copied there by the CLI's and the
 * extension's build), or in this package (`assets/` beside `src/` and `out/`, and the
 * WebAssembly in node_modules).
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The family name the figure, the HTML and the Word document use. */
export const REPORT_FONT_FAMILY = 'DejaVu Sans';

export interface ReportFontFace {
    readonly file: string;
    readonly bold: boolean;
    readonly italic: boolean;
}

/** The four faces, by file name in assets/fonts. */
export const REPORT_FONT_FACES: readonly ReportFontFace[] = [
    { file: 'DejaVuSans.ttf', bold: false, italic: false },
    { file: 'DejaVuSans-Bold.ttf', bold: true, italic: false },
    { file: 'DejaVuSans-Oblique.ttf', bold: false, italic: true },
    { file: 'DejaVuSans-BoldOblique.ttf', bold: true, italic: true }
];

/** The folders an asset may be in, nearest first: beside a bundle, then this package's own. */
function candidates(relative: string): string[] {
    return [`./assets/${relative}`, `../assets/${relative}`].map(p => fileURLToPath(new URL(p, import.meta.url)));
}

function readAsset(relative: string, fallback?: () => string | undefined): Uint8Array {
    const tried = candidates(relative);
    const extra = fallback?.();
    if (extra) tried.push(extra);
    for (const file of tried) {
        try {
            return new Uint8Array(fs.readFileSync(file));
        } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
    }
    throw new Error(`Sporbar is incomplete: ${relative} is missing (looked in ${tried.join(', ')})`);
}

const fonts = new Map<string, Uint8Array>();

/** The bytes of one face of the report font (read once per process). */
export function reportFontData(face: ReportFontFace): Uint8Array {
    let data = fonts.get(face.file);
    if (!data) fonts.set(face.file, data = readAsset(`fonts/${face.file}`));
    return data;
}

/** resvg's WebAssembly module: beside the bundle as `assets/resvg.wasm`, else from @resvg/resvg-wasm. */
export function resvgWasm(): Uint8Array {
    return readAsset('resvg.wasm', () => {
        try {
            return createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
        } catch {
            return undefined;
        }
    });
}
