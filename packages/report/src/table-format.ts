/**
 * The cells a report prints for a `table` (or a chart's data table) from its CSV file
 * (V2 §8): numbers in the report's language and right-aligned, text as written; in a table
 * whose `from` includes a non-public source, a count from 1 to 4 in the count column is
 * printed "<5" and the shares of that row "–" (Sikt's rule of thumb against
 * re-identification). Pure: the parsed file in, the cells out.
 */
import { countColumn, parseCsvNumber, type CsvNumber, type CsvTable } from '@sporbar/language';
import { dataLabelsFor } from './data-labels.js';
import { formatCsvNumber } from './data-numbers.js';
import type { ReportLanguage } from './labels.js';

export interface TableCell {
    /** What the report prints. */
    readonly text: string;
    /** Numbers (and the headers of numeric columns) are right-aligned. */
    readonly align: 'left' | 'right';
    /** The number the cell holds, as read (absent for text, and for a suppressed cell). */
    readonly number?: CsvNumber;
    /** The cell is hidden for privacy: "<5" for a small count, "–" for a share in its row. */
    readonly suppressed?: boolean;
}

export interface FormattedTable {
    readonly header: readonly TableCell[];
    readonly rows: readonly (readonly TableCell[])[];
    /** The count column (`counts`, or a column headed n, N or antall), when there is one. */
    readonly countColumn?: number;
    /** The data rows (0-based) whose count was suppressed. */
    readonly suppressedRows: readonly number[];
    /** Columns (0-based) that hold numbers only (empty cells aside): right-aligned, header too. */
    readonly numericColumns: readonly number[];
}

export interface TableFormatOptions {
    readonly language: ReportLanguage;
    /** True when any `from` source of the table is not public (`hasNonPublicSource`): small counts are suppressed. */
    readonly suppressSmallCounts: boolean;
    /** The table's `counts` property. */
    readonly counts?: string;
}

/**
 * A column of shares: its header speaks of a share or a percentage (`andel`, `del`,
 * `prosent`, `%`, `share`, `percent`, `proportion`), or the cell itself carries `%`.
 */
const SHARE_HEADER = /(^|[^\p{L}])(andel|andelar|andeler|delen|del|prosent|prosentdel|share|shares|percent|percentage|proportion)([^\p{L}]|$)|%/iu;

/** Formats a table's cells for the report. */
export function formatTable(csv: CsvTable, options: TableFormatOptions): FormattedTable {
    const labels = dataLabelsFor(options.language);
    const count = countColumn(csv, options.counts);
    const width = csv.header.length;
    const parsed = csv.rows.map(row => row.map(cell => parseCsvNumber(cell)));
    const numericColumns: number[] = [];
    for (let c = 0; c < width; c++) {
        let numbers = 0, text = 0;
        csv.rows.forEach((row, r) => {
            if (parsed[r][c]) numbers++;
            else if (row[c].trim() !== '') text++;
        });
        if (numbers > 0 && text === 0) numericColumns.push(c);
    }
    const numeric = new Set(numericColumns);
    const shareColumn = csv.header.map(h => SHARE_HEADER.test(h));
    const suppressedRows: number[] = [];
    const rows = csv.rows.map((row, r) => {
        const n = count === undefined ? undefined : parsed[r][count];
        const small = options.suppressSmallCounts && n !== undefined && !n.percent && Number.isInteger(n.value) && n.value >= 1 && n.value <= 4;
        if (small) suppressedRows.push(r);
        return row.map((cell, c): TableCell => {
            const number = parsed[r][c];
            if (small && c === count) return { text: labels.smallCount, align: 'right', suppressed: true };
            if (small && number && c !== 0 && (number.percent || shareColumn[c])) return { text: labels.suppressed, align: 'right', suppressed: true };
            if (number) return { text: formatCsvNumber(number, options.language), align: 'right', number };
            return { text: cell.trim(), align: numeric.has(c) ? 'right' : 'left' };
        });
    });
    const header = csv.header.map((text, c): TableCell => ({ text, align: numeric.has(c) ? 'right' : 'left' }));
    return { header, rows, countColumn: count, suppressedRows, numericColumns };
}
