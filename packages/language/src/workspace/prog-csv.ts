import { Buffer, isUtf8 } from 'node:buffer';

/**
 * The CSV files behind `table` and `chart` (LANGUAGE.md "Tables and charts"): UTF-8 (a
 * byte-order mark is ignored), RFC 4180 quoting (delimiters, doubled quotes and line
 * breaks inside quotes), the delimiter found from the header row (`;`, `,` or tab), the
 * first row the header, every row as long as the header. A cell is a number when, trimmed,
 * it matches `-?\d+([.,]\d+)?( ?%)?` (decimal comma allowed). Pure: bytes in, rows out.
 */

export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvTable {
    readonly delimiter: CsvDelimiter;
    /** The header row's cells, trimmed. */
    readonly header: readonly string[];
    /** How many data rows there are (the header excluded). */
    readonly rowCount: number;
    /** One cell of a data row (`row` from 0, the header excluded): as written, quotes removed. */
    cell(row: number, column: number): string;
    /**
     * The data rows, each exactly as long as the header; cells as written, quotes removed.
     * Made when first asked for (the reports and the hover ask; the checks read `cell`).
     */
    readonly rows: readonly (readonly string[])[];
    /** The line (1-based) on which each data row starts: a quoted line break makes rows and lines differ. */
    readonly lines: readonly number[];
}

/**
 * A parsed file kept as its text and the offsets of its cells: a table of 1,000 rows and
 * five columns is 5,000 strings when every cell is a string, and the checks of a workspace
 * with 50 such files would keep 250,000 of them alive for the garbage collector to copy
 * (docs/performance.md). A cell becomes a string when it is read.
 */
class CompactCsvTable implements CsvTable {
    private materialised: string[][] | undefined;

    constructor(
        readonly delimiter: CsvDelimiter,
        readonly header: readonly string[],
        readonly lines: readonly number[],
        private readonly text: string,
        /** Per cell, row by row: where its text starts and ends; negative `starts` mark a quoted cell with doubled quotes. */
        private readonly starts: Int32Array,
        private readonly ends: Int32Array
    ) {}

    get rowCount(): number {
        return this.lines.length;
    }

    cell(row: number, column: number): string {
        if (row < 0 || row >= this.lines.length || column < 0 || column >= this.header.length) {
            throw new RangeError(`no cell at row ${row}, column ${column} (${this.lines.length} rows, ${this.header.length} columns)`);
        }
        const at = row * this.header.length + column;
        return cellText(this.text, this.starts[at], this.ends[at]);
    }

    get rows(): readonly (readonly string[])[] {
        if (!this.materialised) {
            const rows: string[][] = [];
            for (let r = 0; r < this.lines.length; r++) {
                const cells: string[] = [];
                for (let c = 0; c < this.header.length; c++) cells.push(this.cell(r, c));
                rows.push(cells);
            }
            this.materialised = rows;
        }
        return this.materialised;
    }
}

/** Why a file is not a table; `row` counts the header as row 1, `line` is where that row starts. */
export interface CsvProblem {
    readonly message: string;
    readonly row?: number;
    readonly line?: number;
}

export type CsvResult = { readonly ok: true; readonly table: CsvTable } | { readonly ok: false; readonly problem: CsvProblem };

/** A number as written in a cell: `47,5 %` is 47.5, a percentage, with one decimal. */
export interface CsvNumber {
    readonly value: number;
    readonly percent: boolean;
    /** Digits after the decimal mark as written (the precision the team chose). */
    readonly decimals: number;
}

/**
 * `-?\d+([.,]\d+)?( ?%)?` on the trimmed cell. The space before `%` may also be a
 * no-break space (U+00A0) or a narrow no-break space (U+202F), as spreadsheets in
 * Norwegian write them.
 */
const NUMBER = /^(-?)(\d+)(?:[.,](\d+))?([ \u00a0\u202f]?%)?$/;

export function parseCsvNumber(cell: string): CsvNumber | undefined {
    const m = NUMBER.exec(cell.trim());
    if (!m) return undefined;
    const [, sign, whole, fraction, percent] = m;
    const value = Number(`${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    return { value, percent: percent !== undefined, decimals: fraction?.length ?? 0 };
}

/** Decodes and parses a CSV file's bytes. */
export function parseCsvBytes(bytes: Uint8Array): CsvResult {
    const probe = bytes.subarray(0, 8192);
    if (probe.includes(0)) return fail('it looks like a binary file (it contains NUL bytes), not CSV text; export the table as CSV (UTF-8)');
    if (!isUtf8(bytes)) {
        const lenient = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
        const at = lenient.indexOf('\uFFFD');
        const line = lineAt(lenient, at);
        // The row the bad byte is in: the rows that end before its line, plus one.
        const before = parseCsvText(lenient.slice(0, lenient.lastIndexOf('\n', at) + 1).replace(/^\uFEFF/, ''));
        const row = before.ok ? before.table.rowCount + 2 : line;
        return fail(`row ${row} (line ${line}) is not UTF-8 text; save the file as UTF-8 (in Excel: "CSV UTF-8")`, row, line);
    }
    let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return parseCsvText(text);
}

function fail(message: string, row?: number, line?: number): CsvResult {
    return { ok: false, problem: { message, row, line } };
}

function lineAt(text: string, offset: number): number {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
}

const QUOTE = 34, CR = 13, LF = 10;

/**
 * Parses CSV text (already decoded, without a BOM). Lines that are entirely empty are not
 * rows (a file ending in a blank line, or a spreadsheet's empty line between blocks).
 */
export function parseCsvText(text: string): CsvResult {
    if (text.trim() === '') return fail('the file is empty: it has no header row; the first row must name the columns');
    const delimiter = detectDelimiter(text);
    const sep = delimiter.charCodeAt(0);
    // Scanning runs in the regular expression engine and `indexOf` (a file is read once, when
    // the code is still cold: a loop over every character in JavaScript took 50 ms for the
    // benchmark's 50 files of 1,000 rows).
    const unquoted = new RegExp(`[^${delimiter === '\t' ? '\\t' : delimiter}\\r\\n]*`, 'y');
    // The cells of the data rows (see CompactCsvTable), and those of the record being read.
    const starts: number[] = [];
    const ends: number[] = [];
    const recordStarts: number[] = [];
    const recordEnds: number[] = [];
    const lines: number[] = [];
    let header: string[] | undefined;
    const rowNumber = () => lines.length + (header ? 2 : 1);
    let line = 1;
    let i = 0;
    const n = text.length;
    while (i < n) {
        // One record.
        const startLine = line;
        recordStarts.length = 0;
        recordEnds.length = 0;
        let blank = true;
        for (;;) {
            // One field.
            if (i < n && text.charCodeAt(i) === QUOTE) {
                blank = false;
                const openLine = line;
                i++;
                const from = i;
                let doubled = false;
                let end: number;
                for (;;) {
                    const quote = text.indexOf('"', i);
                    if (quote < 0) {
                        return fail(`row ${rowNumber()} (line ${startLine}) has a quote opened on line ${openLine} that is never closed; close it with "`, rowNumber(), startLine);
                    }
                    line += lineBreaks(text, i, quote);
                    if (text.charCodeAt(quote + 1) === QUOTE) {
                        doubled = true;
                        i = quote + 2;
                        continue;
                    }
                    end = quote;
                    i = quote + 1;
                    break;
                }
                // After the closing quote: the delimiter, the end of the line or of the file (spaces tolerated).
                let j = i;
                while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) && text.charCodeAt(j) !== sep) j++;
                if (j < n && text.charCodeAt(j) !== sep && text.charCodeAt(j) !== LF && text.charCodeAt(j) !== CR) {
                    return fail(`row ${rowNumber()} (line ${line}), column ${recordStarts.length + 1}: text follows the closing quote of a quoted cell; quote the whole cell and double any quote inside it ("")`, rowNumber(), line);
                }
                i = j;
                recordStarts.push(doubled ? -from - 1 : from);
                recordEnds.push(end);
            } else {
                const from = i;
                unquoted.lastIndex = i;
                unquoted.test(text);
                i = unquoted.lastIndex;
                if (i > from) blank = false;
                recordStarts.push(from);
                recordEnds.push(i);
            }
            if (i < n && text.charCodeAt(i) === sep) {
                blank = false;
                i++;
                continue;
            }
            break;
        }
        // End of the record: a line break or the end of the text.
        if (i < n) {
            if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2; else i++;
            line++;
        }
        if (blank) continue;
        if (!header) {
            header = recordStarts.map((start, k) => cellText(text, start, recordEnds[k]).trim());
            continue;
        }
        if (recordStarts.length !== header.length) {
            const cells = recordStarts.length;
            return fail(`row ${rowNumber()} (line ${startLine}) has ${cells} cell${cells === 1 ? '' : 's'}, the header has ${header.length}; every row must have as many cells as the header (quote cells that contain "${delimiter === '\t' ? 'tab' : delimiter}")`, rowNumber(), startLine);
        }
        for (let k = 0; k < recordStarts.length; k++) {
            starts.push(recordStarts[k]);
            ends.push(recordEnds[k]);
        }
        lines.push(startLine);
    }
    return { ok: true, table: new CompactCsvTable(delimiter, header!, lines, text, Int32Array.from(starts), Int32Array.from(ends)) };
}

/** The line breaks (LF, CRLF or a lone CR) in `text` from `from` to before `to`. */
function lineBreaks(text: string, from: number, to: number): number {
    let count = 0;
    for (let k = from; k < to; k++) {
        const c = text.charCodeAt(k);
        if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) count++;
    }
    return count;
}

/** A cell's text from its offsets (a negative start: quoted, with doubled quotes to undo). */
function cellText(text: string, start: number, end: number): string {
    return start < 0 ? text.slice(-start - 1, end).replace(/""/g, '"') : text.slice(start, end);
}

/**
 * The delimiter is the one of `;`, tab and `,` that occurs most often outside quotes in
 * the header row; on a tie `;` before tab before `,` (a Norwegian export writes decimal
 * commas, so `;` is the likelier separator). A header of one column gives `,`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
    let semicolons = 0, tabs = 0, commas = 0;
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') quoted = !quoted;
        else if (quoted) continue;
        else if (c === '\n' || c === '\r') {
            if (semicolons + tabs + commas > 0 || text.slice(0, i).trim() !== '') break;
        } else if (c === ';') semicolons++;
        else if (c === '\t') tabs++;
        else if (c === ',') commas++;
    }
    const best = Math.max(semicolons, tabs, commas);
    if (best === 0) return ',';
    return semicolons === best ? ';' : tabs === best ? '\t' : ',';
}

/** The column that holds counts: `counts "col"` as written, else one headed `n`, `N` or `antall` (any case). */
export function countColumn(table: CsvTable, counts: string | undefined): number | undefined {
    if (counts !== undefined) {
        const exact = table.header.indexOf(counts.trim());
        if (exact >= 0) return exact;
        const folded = table.header.findIndex(h => h.toLocaleLowerCase('nb') === counts.trim().toLocaleLowerCase('nb'));
        return folded >= 0 ? folded : undefined;
    }
    const found = table.header.findIndex(h => h === 'n' || h === 'N' || h.toLocaleLowerCase('nb') === 'antall');
    return found >= 0 ? found : undefined;
}
