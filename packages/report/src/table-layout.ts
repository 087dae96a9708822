/**
 * Column widths that follow the content (V2.md §7 "Layout"): each column gets at least
 * the width of its longest word, so no word of up to 20 characters is broken inside a cell
 * at A4 width, and the rest of the page width is shared out by how much text each column
 * holds (the automatic table layout of CSS, with the report font's real character widths).
 * A table whose longest words do not fit at the normal size is set a little smaller, with
 * narrower cell margins (`fitTable`), rather than breaking words inside a cell.
 */
import { inlineText, type Cell } from './document.js';
import { charEms, textEms } from './text-metrics.js';

export interface TableMetrics {
    /** Font size of the cell text in points. */
    readonly sizePt: number;
    /** Left plus right cell margin, in twips. */
    readonly padding: number;
}

/** Words a line may break between: at spaces and after hyphens and dashes (a no-break space holds). */
export function wordsOf(text: string): string[] {
    return text.split(/[ \t\n]+/).flatMap(w => w.split(/(?<=[-–—/])/)).filter(Boolean);
}

/**
 * Calls `word(width)` for each word of a line (in thousandths of an em; a word ends at a
 * space or after a hyphen or dash), without making strings: tables and the page estimate
 * measure every cell and paragraph of a report.
 */
export function forEachWord(line: string, isBold: boolean, word: (ems: number) => void): void {
    let w = 0, any = false;
    for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10) {
            if (any) word(w);
            w = 0; any = false;
            continue;
        }
        w += charEms(c, isBold);
        any = true;
        if (c === 45 || c === 0x2013 || c === 0x2014 || c === 47) {
            word(w);
            w = 0; any = false;
        }
    }
    if (any) word(w);
}

function measure(cells: readonly Cell[], bold: boolean): { min: number; max: number } {
    let min = 0, max = 0;
    // A column repeats its values (ratings, yes/no, kinds of source): each is measured once.
    const seen = new Set<string>();
    for (const cell of cells) {
        const content = inlineText(cell);
        if (seen.has(content)) continue;
        seen.add(content);
        for (const line of content.split('\n')) {
            max = Math.max(max, textEms(line, bold));
            forEachWord(line, bold, ems => { if (ems > min) min = ems; });
        }
    }
    return { min, max };
}

/** What `fitTable` chose for a table: the size and cell margins and the column widths. */
export interface TableFit extends TableMetrics {
    readonly widths: number[];
}

/**
 * The first of `candidates` (normal size first, then smaller) at which every column holds
 * its longest word, with the column widths at that size; the last candidate when none
 * does (words then break). The report font (DejaVu Sans) is wide: a seven-column table of
 * long Norwegian compounds ("Kommunedirektørutvalget") needs 7.5 pt on A4 with 2.5 cm margins.
 */
export function fitTable(header: readonly Cell[], rows: readonly (readonly Cell[])[], total: number, candidates: readonly TableMetrics[]): TableFit {
    const measured = columnMeasures(header, rows);
    let last: TableFit | undefined;
    for (const metrics of candidates) {
        const { widths, fits } = layout(measured, total, metrics);
        last = { ...metrics, widths };
        if (fits) return last;
    }
    if (!last) throw new Error('fitTable: no candidate size');
    return last;
}

/** Widths in twips for each column, summing to `total`. */
export function columnWidths(header: readonly Cell[], rows: readonly (readonly Cell[])[], total: number, metrics: TableMetrics): number[] {
    return layout(columnMeasures(header, rows), total, metrics).widths;
}

/** Longest word and longest line of each column, in thousandths of an em (header bold). */
function columnMeasures(header: readonly Cell[], rows: readonly (readonly Cell[])[]): { min: number; max: number }[] {
    return header.map((h, c) => {
        const head = measure([h], true);
        const body = measure(rows.map(r => r[c] ?? []), false);
        return { min: Math.max(head.min, body.min), max: Math.max(head.max, body.max) };
    });
}

function layout(measured: readonly { min: number; max: number }[], total: number, metrics: TableMetrics): { widths: number[]; fits: boolean } {
    const n = measured.length;
    if (n === 0) return { widths: [], fits: true };
    const scale = metrics.sizePt * 20 / 1000;
    // A little slack for the renderer's own rounding and kerning.
    const slack = (w: number) => Math.ceil(w * scale * 1.04) + metrics.padding + 40;
    const mins = measured.map(m => slack(m.min));
    const maxs = measured.map((m, c) => Math.max(slack(m.max), mins[c]));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    let widths: number[];
    const fits = sum(mins) <= total;
    if (sum(maxs) <= total) {
        // Everything fits on one line: the spare width goes to the columns with the most text.
        const spare = total - sum(maxs);
        widths = maxs.map(w => w + spare * w / sum(maxs));
    } else if (fits) {
        const spare = total - sum(mins);
        const want = maxs.map((w, i) => w - mins[i]);
        const wanted = sum(want);
        widths = mins.map((w, i) => w + (wanted ? spare * want[i] / wanted : spare / n));
    } else {
        // Even the longest words do not fit: share in proportion (words will break).
        widths = mins.map(w => w * total / sum(mins));
    }
    const rounded = widths.map(w => Math.floor(w));
    rounded[n - 1] += total - sum(rounded);
    return { widths: rounded, fits };
}
