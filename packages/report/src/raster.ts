/**
 * SVG to PNG for docx, with resvg. Text is drawn with a font that exists on the machine
 * (system fonts; DejaVu Sans by default, which the SVG names first).
 */
import * as fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'];

/** Rasterises an SVG to a PNG `widthPx` wide (height follows the aspect ratio), on white. */
export function rasterise(svg: string, widthPx: number): Uint8Array {
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'width', value: widthPx },
        background: '#ffffff',
        font: {
            loadSystemFonts: true,
            fontDirs: FONT_DIRS.filter(dir => fs.existsSync(dir)),
            defaultFontFamily: 'DejaVu Sans',
            sansSerifFamily: 'DejaVu Sans'
        }
    });
    return new Uint8Array(resvg.render().asPng());
}
