/**
 * SVG to PNG for docx, with resvg compiled to WebAssembly (@resvg/resvg-wasm): one build for
 * every platform, no native module. Text is drawn with the report font Sporbar ships
 * (report-assets.ts) and nothing else: the WebAssembly module has no file system, so it sees
 * only the font bytes given to it and cannot reach the machine's fonts — the same SVG gives
 * the same PNG on every machine.
 *
 * Loaded on the first call of `loadRasteriser` (the report pipeline awaits it when a document
 * has a figure), never when the CLI validates or the language server starts.
 */
import { REPORT_FONT_FACES, REPORT_FONT_FAMILY, reportFontData, resvgWasm } from './report-assets.js';

/** SVG → PNG `widthPx` wide (height follows the aspect ratio), on white. */
export type Rasterise = (svg: string, widthPx: number) => Uint8Array;

let loading: Promise<Rasterise> | undefined;

/** Loads resvg (once per process) and resolves to the rasteriser. */
export function loadRasteriser(): Promise<Rasterise> {
    // A failed load (a missing asset) is tried again on the next call.
    loading ??= load().catch(err => { loading = undefined; throw err; });
    return loading;
}

async function load(): Promise<Rasterise> {
    const { initWasm, Resvg } = await import('@resvg/resvg-wasm');
    await initWasm(resvgWasm());
    const fontBuffers = REPORT_FONT_FACES.map(reportFontData);
    return (svg, widthPx) => {
        const resvg = new Resvg(svg, {
            fitTo: { mode: 'width', value: widthPx },
            background: '#ffffff',
            font: {
                fontBuffers,
                defaultFontFamily: REPORT_FONT_FAMILY,
                sansSerifFamily: REPORT_FONT_FAMILY,
                serifFamily: REPORT_FONT_FAMILY,
                monospaceFamily: REPORT_FONT_FAMILY
            }
        });
        try {
            const image = resvg.render();
            try {
                return image.asPng();
            } finally {
                image.free();
            }
        } finally {
            resvg.free();
        }
    };
}
