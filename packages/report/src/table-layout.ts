/**
 * Column widths that follow the content (V2.md §7 "Layout"): each column gets at least
 * the width of its longest word, so no word of up to 20 characters is broken inside a cell
 * at A4 width, and the rest of the page width is shared out by how much text each column
 * holds (the automatic table layout of CSS, with Carlito's real character widths).
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

function measure(cells: readonly Cell[], bold: boolean, sizePt: number): { min: number; max: number } {
    let min = 0, max = 0;
    const scale = sizePt * 20 / 1000;
    for (const cell of cells) {
        const content = inlineText(cell);
        for (const line of content.split('\n')) {
            max = Math.max(max, textEms(line, bold) * scale);
            forEachWord(line, bold, ems => { if (ems * scale > min) min = ems * scale; });
        }
    }
    return { min, max };
}

/** Widths in twips for each column, summing to `total`. */
export function columnWidths(header: readonly Cell[], rows: readonly (readonly Cell[])[], total: number, metrics: TableMetrics): number[] {
    const n = header.length;
    if (n === 0) return [];
    // A little slack for the renderer's own rounding and kerning.
    const slack = (w: number) => Math.ceil(w * 1.04) + metrics.padding + 40;
    const mins: number[] = [], maxs: number[] = [];
    for (let c = 0; c < n; c++) {
        const head = measure([header[c]], true, metrics.sizePt);
        const body = measure(rows.map(r => r[c] ?? []), false, metrics.sizePt);
        mins.push(slack(Math.max(head.min, body.min)));
        maxs.push(Math.max(slack(Math.max(head.max, body.max)), mins[c]));
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    let widths: number[];
    if (sum(maxs) <= total) {
        // Everything fits on one line: the spare width goes to the columns with the most text.
        const spare = total - sum(maxs);
        widths = maxs.map(w => w + spare * w / sum(maxs));
    } else if (sum(mins) <= total) {
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
    return rounded;
}
