/**
 * Charts drawn from a `chart`'s CSV file (V2 §8): the first column holds the categories,
 * every other column is a series of numbers. Bars (grouped; laid out sideways when the
 * category names are long or many) or lines. Title-free: the caption ("Figur 4.1 …") is the
 * report's. The value axis carries its unit; several series get a legend, and each series
 * is told apart without colour too — bars by fill pattern, lines by dash and marker shape —
 * and bars carry their values as direct labels where they fit. Every colour used for text
 * or marks has a contrast of at least 4.5:1 against white. Numbers follow the report's
 * language (`47,5 %` in nb and nn, `47.5%` in en).
 *
 * The same font family as the programme-logic figure (`SVG_FONT_FAMILY`), so the docx
 * image is rasterised with the same bundled font (`chartPng` uses `loadRasteriser`).
 * Deterministic and pure: the same table gives the same SVG.
 */
import { parseCsvNumber, type ChartKind, type CsvNumber, type CsvTable } from '@sporbar/language';
import { dataLabelsFor } from './data-labels.js';
import { formatCsvNumber, formatDataNumber, withPercent } from './data-numbers.js';
import type { ReportLanguage } from './labels.js';
import { SVG_FONT_FAMILY, textWidth, wrap } from './logic-svg.js';
import { loadRasteriser } from './raster.js';
import { formatTable, type FormattedTable } from './table-format.js';
import { escapeXml } from './xml-text.js';

export interface ChartSvgOptions {
    readonly language: ReportLanguage;
    /** `kind bar` (default) or `kind line`. */
    readonly kind?: ChartKind;
    /** The chart's `unit`, written at the value axis. */
    readonly unit?: string;
    /** Width of the drawing in SVG units (pixels at 96 dpi); 640 by default. */
    readonly width?: number;
    /**
     * Prefix of the ids inside the SVG (patterns, markers): pages that show several charts
     * inline (HTML, the editor) give each its own. Letters, digits, `-` and `_`.
     */
    readonly idPrefix?: string;
}

export interface ChartSeries {
    readonly name: string;
    /** One value per category; undefined where a cell is not a number (a chart with `chart/not-numeric`). */
    readonly values: readonly (CsvNumber | undefined)[];
}

export interface ChartDrawing {
    readonly svg: string;
    readonly width: number;
    readonly height: number;
    /** One sentence: the kind, what it shows, the highest and the lowest value. */
    readonly alt: string;
    readonly categories: readonly string[];
    readonly series: readonly ChartSeries[];
    /** The chart's data as a table, for the appendix (readers who cannot see the chart). */
    readonly dataTable: FormattedTable;
    /** How the bars were laid out (`vertical` for lines). */
    readonly orientation: 'vertical' | 'horizontal';
}

/** Series colours, dark enough for 4.5:1 against white (tested), distinct in hue. */
export const SERIES_COLOURS: readonly string[] = ['#1f4e79', '#9a4700', '#2d6a2f', '#6d2f7a', '#8a1c2b', '#4d4d4d'];
/** Text, axis and tick colours (4.5:1 or more against white). */
export const TEXT_COLOUR = '#1a1a1a';
export const AXIS_COLOUR = '#595959';
const GRID_COLOUR = '#d9d9d9';
const DASHES = ['', '6 3', '2 2', '8 3 2 3', '1 3', '10 4'];

const FONT = 12;
const SMALL = 11;
const LINE = 15;
const MARGIN = 12;

const r = (n: number) => Math.round(n * 10) / 10;

/** The categories and series of a chart's table. */
export function chartData(csv: CsvTable): { categories: string[]; series: ChartSeries[] } {
    const categories = csv.rows.map(row => row[0]?.trim() ?? '');
    const series = csv.header.slice(1).map((name, i) => ({ name: name.trim(), values: csv.rows.map(row => parseCsvNumber(row[i + 1] ?? '')) }));
    return { categories, series };
}

/** Draws a chart. */
export function chartSvg(csv: CsvTable, options: ChartSvgOptions): ChartDrawing {
    const language = options.language;
    const kind = options.kind ?? 'bar';
    const width = Math.max(320, Math.round(options.width ?? 640));
    const prefix = (options.idPrefix ?? 'sporbar-chart').replace(/[^A-Za-z0-9_-]/g, '_');
    const { categories, series } = chartData(csv);
    const dataTable = formatTable(csv, { language, suppressSmallCounts: false });
    const values = series.flatMap(s => s.values.filter((v): v is CsvNumber => v !== undefined));
    const percent = values.length > 0 && values.every(v => v.percent);
    const scale = niceScale(values.map(v => v.value));
    const tick = (value: number) => {
        const text = formatDataNumber(value, scale.decimals, language);
        return percent ? withPercent(text, language) : text;
    };
    const labelOf = (v: CsvNumber) => formatCsvNumber(v, language);
    const several = series.length > 1;

    const legend = several ? legendBlock(series, kind, width, prefix) : { height: 0, parts: [] as string[] };
    const out: string[] = [];
    let height: number;
    let orientation: 'vertical' | 'horizontal' = 'vertical';

    const tickLabels = scale.ticks.map(tick);
    const tickWidth = Math.max(...tickLabels.map(t => textWidth(t, SMALL)), 0);
    const unitHeight = options.unit ? LINE + 4 : 4;

    // Vertical layout: can the category names be wrapped under their slot in three lines?
    const left = MARGIN + tickWidth + 8;
    const right = width - MARGIN;
    const slot = categories.length > 0 ? (right - left) / categories.length : right - left;
    const wrapped = categories.map(c => wrap(c, Math.max(slot - 6, 20), FONT));
    const fits = wrapped.every(lines => lines.length <= 3 && lines.every(l => textWidth(l, FONT) <= slot - 2));
    if (kind === 'bar' && (!fits || categories.length > 12)) orientation = 'horizontal';

    if (orientation === 'vertical') {
        const top = MARGIN + unitHeight + (kind === 'bar' ? LINE : 6);
        const plotHeight = 220;
        const bottom = top + plotHeight;
        const y = (v: number) => bottom - (v - scale.min) / (scale.max - scale.min) * plotHeight;
        if (options.unit) out.push(text(MARGIN, MARGIN + FONT, options.unit, { size: FONT, weight: 'bold' }));
        // Grid and ticks.
        scale.ticks.forEach((t, i) => {
            const ty = y(t);
            out.push(`<line x1="${r(left)}" y1="${r(ty)}" x2="${r(right)}" y2="${r(ty)}" stroke="${t === 0 ? AXIS_COLOUR : GRID_COLOUR}" stroke-width="${t === 0 ? 1.2 : 0.8}"/>`);
            out.push(text(left - 6, ty + 4, tickLabels[i], { size: SMALL, anchor: 'end', fill: AXIS_COLOUR }));
        });
        out.push(`<line x1="${r(left)}" y1="${r(top)}" x2="${r(left)}" y2="${r(bottom)}" stroke="${AXIS_COLOUR}" stroke-width="1.2"/>`);
        // Category labels.
        const maxLines = Math.max(1, ...wrapped.map(l => l.length));
        categories.forEach((_, i) => {
            const cx = left + slot * (i + 0.5);
            wrapped[i].forEach((line, k) => out.push(text(cx, bottom + 16 + k * LINE, line, { size: FONT, anchor: 'middle' })));
        });
        if (kind === 'bar') {
            const k = Math.max(1, series.length);
            const bar = Math.min(56, (slot * 0.78) / k);
            const zero = y(Math.max(scale.min, Math.min(0, scale.max)));
            categories.forEach((_, i) => {
                const start = left + slot * (i + 0.5) - (bar * k) / 2;
                series.forEach((s, j) => {
                    const v = s.values[i];
                    if (!v) return;
                    const x = start + j * bar;
                    const vy = y(v.value);
                    const [y0, y1] = vy < zero ? [vy, zero] : [zero, vy];
                    out.push(`<rect x="${r(x + 1)}" y="${r(y0)}" width="${r(bar - 2)}" height="${r(Math.max(y1 - y0, 0.5))}" fill="${fillOf(j, prefix)}" stroke="${TEXT_COLOUR}" stroke-width="0.6"><title>${escapeXml(`${categories[i]}${several ? ` (${s.name})` : ''}: ${labelOf(v)}`)}</title></rect>`);
                    const label = labelOf(v);
                    if (textWidth(label, SMALL) <= bar + 6) {
                        const ly = v.value < 0 ? y1 + SMALL + 2 : y0 - 4;
                        out.push(text(x + bar / 2, ly, label, { size: SMALL, anchor: 'middle' }));
                    }
                });
            });
        } else {
            series.forEach((s, j) => {
                const points = s.values.map((v, i) => v ? { x: left + slot * (i + 0.5), y: y(v.value), v } : undefined);
                const runs: { x: number; y: number }[][] = [];
                let run: { x: number; y: number }[] = [];
                for (const p of points) {
                    if (p) run.push(p);
                    else if (run.length) { runs.push(run); run = []; }
                }
                if (run.length) runs.push(run);
                const colour = SERIES_COLOURS[j % SERIES_COLOURS.length];
                const dash = DASHES[j % DASHES.length];
                for (const line of runs) {
                    if (line.length < 2) continue;
                    out.push(`<polyline points="${line.map(p => `${r(p.x)},${r(p.y)}`).join(' ')}" fill="none" stroke="${colour}" stroke-width="2.2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
                }
                points.forEach((p, i) => {
                    if (!p) return;
                    out.push(marker(j, p.x, p.y, `${categories[i]}${several ? ` (${s.name})` : ''}: ${labelOf(p.v)}`));
                });
                // A single series carries its values next to its points.
                if (!several) points.forEach(p => { if (p) out.push(text(p.x, p.y - 9, labelOf(p.v), { size: SMALL, anchor: 'middle' })); });
            });
        }
        height = bottom + 16 + (maxLines - 1) * LINE + 10;
    } else {
        // Horizontal bars: categories as rows, names on the left.
        const labelWidth = Math.min(width * 0.4, Math.max(...categories.map(c => textWidth(c, FONT)), 40) + 4);
        const rowLines = categories.map(c => wrap(c, labelWidth, FONT));
        const k = Math.max(1, series.length);
        const barHeight = 16;
        const valueSpace = Math.max(...values.map(v => textWidth(labelOf(v), SMALL)), 0) + 8;
        const x0 = MARGIN + labelWidth + 8;
        const x1 = width - MARGIN - valueSpace;
        const x = (v: number) => x0 + (v - scale.min) / (scale.max - scale.min) * (x1 - x0);
        const top = MARGIN + unitHeight;
        let cursor = top + 4;
        const rows = categories.map((_, i) => {
            const block = Math.max(k * barHeight, rowLines[i].length * LINE) + 10;
            const row = { y: cursor, height: block };
            cursor += block;
            return row;
        });
        const bottom = cursor;
        if (options.unit) out.push(text(x1, MARGIN + FONT, options.unit, { size: FONT, weight: 'bold', anchor: 'end' }));
        scale.ticks.forEach((t, i) => {
            const tx = x(t);
            out.push(`<line x1="${r(tx)}" y1="${r(top)}" x2="${r(tx)}" y2="${r(bottom)}" stroke="${t === 0 ? AXIS_COLOUR : GRID_COLOUR}" stroke-width="${t === 0 ? 1.2 : 0.8}"/>`);
            out.push(text(tx, bottom + 14, tickLabels[i], { size: SMALL, anchor: 'middle', fill: AXIS_COLOUR }));
        });
        out.push(`<line x1="${r(x0)}" y1="${r(bottom)}" x2="${r(x1)}" y2="${r(bottom)}" stroke="${AXIS_COLOUR}" stroke-width="1.2"/>`);
        const zero = x(Math.max(scale.min, Math.min(0, scale.max)));
        categories.forEach((_, i) => {
            const row = rows[i];
            const lines = rowLines[i];
            const textTop = row.y + row.height / 2 - (lines.length * LINE) / 2 + FONT - 1;
            lines.forEach((line, l) => out.push(text(x0 - 8, textTop + l * LINE, line, { size: FONT, anchor: 'end' })));
            const barsTop = row.y + row.height / 2 - (k * barHeight) / 2;
            series.forEach((s, j) => {
                const v = s.values[i];
                if (!v) return;
                const vx = x(v.value);
                const [a, b] = vx < zero ? [vx, zero] : [zero, vx];
                const by = barsTop + j * barHeight;
                out.push(`<rect x="${r(a)}" y="${r(by + 1)}" width="${r(Math.max(b - a, 0.5))}" height="${barHeight - 2}" fill="${fillOf(j, prefix)}" stroke="${TEXT_COLOUR}" stroke-width="0.6"><title>${escapeXml(`${categories[i]}${several ? ` (${s.name})` : ''}: ${labelOf(v)}`)}</title></rect>`);
                out.push(text(v.value < 0 ? a - 4 : b + 4, by + barHeight - 4, labelOf(v), { size: SMALL, anchor: v.value < 0 ? 'end' : 'start' }));
            });
        });
        height = bottom + 14 + 10;
    }

    if (legend.parts.length) {
        out.push(`<g transform="translate(0 ${r(height)})">`, ...legend.parts, '</g>');
        height += legend.height;
    }
    height = Math.ceil(height + MARGIN / 2);
    const defs = kind === 'bar' ? patternDefs(series.length, prefix) : '';
    const alt = chartAlt(categories, series, kind, options.unit, language);
    const svg = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT_FAMILY}" role="img" aria-label="${escapeXml(alt)}">`,
        ...(defs ? [`<defs>${defs}</defs>`] : []),
        `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
        ...out,
        '</svg>'
    ].join('\n');
    return { svg, width, height, alt, categories, series, dataTable, orientation };
}

/** The chart as a PNG `widthPx` wide, rasterised like the logic figure (same pipeline, same font). */
export async function chartPng(drawing: ChartDrawing, widthPx: number): Promise<Uint8Array> {
    return (await loadRasteriser())(drawing.svg, widthPx);
}

/** One sentence in the report's language: what the chart shows and its highest and lowest value. */
export function chartAlt(categories: readonly string[], series: readonly ChartSeries[], kind: ChartKind, unit: string | undefined, language: ReportLanguage): string {
    let high: { i: number; j: number; v: CsvNumber } | undefined;
    let low: { i: number; j: number; v: CsvNumber } | undefined;
    series.forEach((s, j) => s.values.forEach((v, i) => {
        if (!v) return;
        if (!high || v.value > high.v.value) high = { i, j, v };
        if (!low || v.value < low.v.value) low = { i, j, v };
    }));
    const where = (p: { i: number; j: number }) => series.length > 1 ? `${categories[p.i]} (${series[p.j].name})` : categories[p.i];
    const labels = dataLabelsFor(language);
    const value = (p?: { v: CsvNumber }) => p ? formatCsvNumber(p.v, language) : '–';
    return labels.chartAlt({
        kind, series: series.map(s => s.name), categories: categories.length, unit,
        highest: high ? where(high) : '–', highestValue: value(high),
        lowest: low ? where(low) : '–', lowestValue: value(low),
        flat: !high || !low || high.v.value === low.v.value
    });
}

/** A value axis from 0 (or below, for negative values) to a round number above the highest value. */
export function niceScale(values: readonly number[]): { min: number; max: number; step: number; ticks: number[]; decimals: number } {
    let min = Math.min(0, ...values);
    let max = Math.max(0, ...values);
    if (min === max) max = min + 1;
    const raw = (max - min) / 5;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const residual = raw / magnitude;
    const step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10) * magnitude;
    min = Math.floor(min / step + 1e-9) * step;
    max = Math.ceil(max / step - 1e-9) * step;
    const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (residual > 2 && residual <= 2.5 ? 1 : 0));
    const ticks: number[] = [];
    for (let t = min; t <= max + step / 2; t += step) ticks.push(Number(t.toFixed(10)));
    return { min, max, step, ticks, decimals };
}

function text(x: number, y: number, value: string, o: { size: number; anchor?: 'start' | 'middle' | 'end'; weight?: 'bold'; fill?: string }): string {
    return `<text x="${r(x)}" y="${r(y)}" font-size="${o.size}"${o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : ''}${o.weight ? ` font-weight="${o.weight}"` : ''} fill="${o.fill ?? TEXT_COLOUR}">${escapeXml(value)}</text>`;
}

/** Series 1 is solid; the others carry a white pattern over their colour (stripes, dots, cross-hatch, …). */
function fillOf(j: number, prefix: string): string {
    return j === 0 ? SERIES_COLOURS[0] : `url(#${prefix}-p${j})`;
}

function patternDefs(count: number, prefix: string): string {
    const defs: string[] = [];
    for (let j = 1; j < count; j++) {
        const colour = SERIES_COLOURS[j % SERIES_COLOURS.length];
        const kind = (j - 1) % 5;
        const base = `<rect width="8" height="8" fill="${colour}"/>`;
        const marks = [
            '<rect x="0" y="0" width="2.5" height="8" fill="#ffffff"/>', // diagonal stripes (rotated)
            '<circle cx="4" cy="4" r="1.6" fill="#ffffff"/>', // dots
            '<rect x="0" y="0" width="8" height="1.6" fill="#ffffff"/><rect x="0" y="0" width="1.6" height="8" fill="#ffffff"/>', // grid
            '<rect x="0" y="3" width="8" height="2" fill="#ffffff"/>', // horizontal stripes
            '<rect x="0" y="0" width="2.5" height="8" fill="#ffffff"/>' // the other diagonal
        ][kind];
        const transform = kind === 0 ? ' patternTransform="rotate(45)"' : kind === 4 ? ' patternTransform="rotate(-45)"' : '';
        defs.push(`<pattern id="${prefix}-p${j}" patternUnits="userSpaceOnUse" width="8" height="8"${transform}>${base}${marks}</pattern>`);
    }
    return defs.join('');
}

/** A marker of a shape of its own per series (circle, square, triangle, diamond, …). */
function marker(j: number, x: number, y: number, title: string): string {
    const colour = SERIES_COLOURS[j % SERIES_COLOURS.length];
    const t = `<title>${escapeXml(title)}</title>`;
    switch (j % 6) {
        case 0: return `<circle cx="${r(x)}" cy="${r(y)}" r="4" fill="${colour}" stroke="#ffffff" stroke-width="1">${t}</circle>`;
        case 1: return `<rect x="${r(x - 4)}" y="${r(y - 4)}" width="8" height="8" fill="${colour}" stroke="#ffffff" stroke-width="1">${t}</rect>`;
        case 2: return `<path d="M${r(x)} ${r(y - 5)}L${r(x + 5)} ${r(y + 4)}L${r(x - 5)} ${r(y + 4)}Z" fill="${colour}" stroke="#ffffff" stroke-width="1">${t}</path>`;
        case 3: return `<path d="M${r(x)} ${r(y - 5)}L${r(x + 5)} ${r(y)}L${r(x)} ${r(y + 5)}L${r(x - 5)} ${r(y)}Z" fill="${colour}" stroke="#ffffff" stroke-width="1">${t}</path>`;
        case 4: return `<circle cx="${r(x)}" cy="${r(y)}" r="4" fill="#ffffff" stroke="${colour}" stroke-width="2">${t}</circle>`;
        default: return `<rect x="${r(x - 4)}" y="${r(y - 4)}" width="8" height="8" fill="#ffffff" stroke="${colour}" stroke-width="2">${t}</rect>`;
    }
}

/** The legend: a swatch (pattern, or line with its marker) and the series name, laid out in rows. */
function legendBlock(series: readonly ChartSeries[], kind: ChartKind, width: number, prefix: string): { height: number; parts: string[] } {
    const parts: string[] = [];
    let x = MARGIN;
    let y = 8;
    const swatch = kind === 'bar' ? 14 : 26;
    series.forEach((s, j) => {
        const w = swatch + 6 + textWidth(s.name, FONT) + 18;
        if (x > MARGIN && x + w > width - MARGIN) { x = MARGIN; y += LINE + 6; }
        if (kind === 'bar') {
            parts.push(`<rect x="${r(x)}" y="${r(y)}" width="14" height="14" fill="${fillOf(j, prefix)}" stroke="${TEXT_COLOUR}" stroke-width="0.6"/>`);
        } else {
            const colour = SERIES_COLOURS[j % SERIES_COLOURS.length];
            const dash = DASHES[j % DASHES.length];
            parts.push(`<line x1="${r(x)}" y1="${r(y + 7)}" x2="${r(x + swatch)}" y2="${r(y + 7)}" stroke="${colour}" stroke-width="2.2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
            parts.push(marker(j, x + swatch / 2, y + 7, s.name));
        }
        parts.push(text(x + swatch + 6, y + 11.5, s.name, { size: FONT }));
        x += w;
    });
    return { height: y + LINE + 8, parts };
}
