import type { ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import { Codes } from '../prog-codes.js';
import { countColumn, parseCsvNumber, type CsvTable } from '../workspace/prog-csv.js';
import { accessOf, tableSources } from '../model/prog-model.js';
import type { ProgWorkspaceSettings } from '../workspace/prog-settings.js';
import { dataFileKey, type ProgTableData } from '../workspace/prog-table-data.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { diagnose } from './prog-diagnose.js';
import { MAX_RELATED, relatedTo } from './prog-locations.js';

/** Tables and charts (V2 §8): sources named, the CSV file inside the workspace and readable, charts numeric, small cells. */
export class DataChecks {
    constructor(
        private readonly index: ProgWorkspaceIndex,
        private readonly settings: ProgWorkspaceSettings,
        private readonly data: ProgTableData
    ) {}

    /** `table/no-source`: a table or chart says where its numbers come from. */
    tableShouldHaveSource(element: ast.Table | ast.Chart, accept: ValidationAcceptor): void {
        if (!element.name || element.from.length > 0) return;
        diagnose(accept, Codes.TableNoSource,
            `The ${kind(element)} ${element.name} has no \`from\`; name the sources its numbers come from (\`from S1, S2\`) — a ${kind(element)} without a source cannot be traced, and counts as evidence from no source`,
            { node: element, property: 'name' });
    }

    /** `table/unused`: something cites every table and chart (evidence or `@ID`). */
    tableShouldBeCited(element: ast.Table | ast.Chart, accept: ValidationAcceptor): void {
        if (!element.name || this.index.citationsOf(element).length > 0) return;
        diagnose(accept, Codes.TableUnused,
            `Nothing cites the ${kind(element)} ${element.name}; use it as \`evidence ${element.name}\` in a finding or \`@${element.name}\` in a text (a report prints it where it is first cited), or remove it`,
            { node: element, property: 'name' });
    }

    /**
     * `table/file-missing`, `table/unreadable`, `chart/not-numeric` and `privacy/small-cell`:
     * everything that needs the CSV file, read once per change of the file (prog-table-data.ts).
     */
    fileShouldHoldTheTable(element: ast.Table | ast.Chart, accept: ValidationAcceptor): void {
        const root = this.settings.root;
        if (!element.name || root === undefined) return;
        if (element.file === undefined) {
            diagnose(accept, Codes.TableFileMissing,
                `The ${kind(element)} ${element.name} has no \`file\`; add \`file "data/….csv"\`, the CSV file in the workspace that holds its numbers`,
                { node: element, property: 'name' });
            return;
        }
        // A change to a file of this name (created, edited, deleted) revalidates this document.
        this.index.depend(dataFileKey(element.file));
        const result = this.data.load(root, element.file);
        switch (result.kind) {
            case 'outside':
                diagnose(accept, Codes.TableFileMissing,
                    `"${element.file}" leaves the workspace (${result.reason}); it is not opened. Copy the CSV file into the workspace folder and give its path relative to the workspace`,
                    { node: element, property: 'file' });
                return;
            case 'missing':
                diagnose(accept, Codes.TableFileMissing,
                    `"${element.file}" names no file in the workspace (${result.reason}); correct the path (relative to the workspace folder) or add the CSV file`,
                    { node: element, property: 'file' });
                return;
            case 'unreadable':
                diagnose(accept, Codes.TableUnreadable,
                    `"${element.file}" cannot be read as a table: ${result.problem.message}`,
                    { node: element, property: 'file' });
                return;
        }
        const table = result.table;
        if (element.$type === 'Chart') this.chartShouldBeNumeric(element, table, accept);
        else this.smallCountsShouldNotIdentify(element, table, accept);
    }

    /** `chart/not-numeric`: every cell of every series (each column after the first) is a number. */
    private chartShouldBeNumeric(chart: ast.Chart, table: CsvTable, accept: ValidationAcceptor): void {
        if (table.header.length < 2) {
            diagnose(accept, Codes.ChartNotNumeric,
                `The chart ${chart.name} has no series: "${chart.file}" has ${table.header.length} column; a chart needs the categories in the first column and at least one column of numbers after it`,
                { node: chart, property: 'file' });
            return;
        }
        const found = nonNumeric(table);
        if (!found) return;
        const { row, column, others } = found;
        const cell = table.cell(row, column);
        const written = cell.trim() === '' ? 'is empty' : `holds "${cell.length > 40 ? `${cell.slice(0, 40)}…` : cell}"`;
        diagnose(accept, Codes.ChartNotNumeric,
            `The chart ${chart.name} draws every column after the first as a series of numbers, but in "${chart.file}" row ${row + 2} (line ${table.lines[row]}), column ${column + 1} ("${table.header[column]}") ${written}${others > 0 ? ` (and ${others} more cell${others === 1 ? '' : 's'})` : ''}; write a number (47,5 or 47.5, optionally with %) or make the chart from a file with only numeric series`,
            { node: chart, property: 'file' });
    }

    /**
     * `privacy/small-cell`: a table whose `from` includes a non-public source has no count
     * from 1 to 4 in its count column (`counts "col"`, else a column headed n, N or antall).
     * A `counts` that names no column is `table/unreadable`, on `counts`.
     */
    private smallCountsShouldNotIdentify(table: ast.Table, csv: CsvTable, accept: ValidationAcceptor): void {
        const column = countColumn(csv, table.counts);
        if (column === undefined) {
            if (table.counts !== undefined) {
                diagnose(accept, Codes.TableUnreadable,
                    `\`counts "${table.counts}"\` names no column of "${table.file}", whose header is ${csv.header.map(h => `"${h}"`).join(', ')}; name the column that holds the counts`,
                    { node: table, property: 'counts' });
            }
            return;
        }
        // The access of the sources is read through the `from` references (Langium relinks and
        // revalidates this document when a source's document changes).
        const closed = tableSources(table).filter(source => accessOf(source) !== 'public');
        if (closed.length === 0) return;
        const small = smallCounts(csv, column);
        if (small.length === 0) return;
        const first = small[0];
        const count = parseCsvNumber(csv.cell(first, column))!.value;
        diagnose(accept, Codes.PrivacySmallCell,
            `The table ${table.name} comes from ${closed.map(s => `${s.name} (${accessOf(s)})`).join(', ')}, and "${table.file}" row ${first + 2} (line ${csv.lines[first]}) counts ${count} in column "${csv.header[column]}"${small.length > 1 ? ` (${small.length} rows count 1–4)` : ''}: so few people may be recognised. Reports print such counts as "<5" and the row's shares as "–"; merge small groups in the file to keep their numbers`,
            { node: table, property: 'file', relatedInformation: closed.slice(0, MAX_RELATED).map(s => relatedTo(s, `${s.name} is ${accessOf(s)}`, s.access ? 'access' : 'name')) });
    }
}

/**
 * What the checks find in a file, remembered per parsed file (a file read again is a new
 * `CsvTable`): validating the document on every keystroke does not walk a large file again.
 */
const nonNumericCache = new WeakMap<CsvTable, { row: number; column: number; others: number } | null>();
const smallCountCache = new WeakMap<CsvTable, Map<number, number[]>>();

/** The first cell of a series (any column after the first) that is not a number, and how many more there are. */
function nonNumeric(table: CsvTable): { row: number; column: number; others: number } | undefined {
    let found = nonNumericCache.get(table);
    if (found === undefined) {
        let first: { row: number; column: number } | undefined;
        let others = 0;
        for (let r = 0; r < table.rowCount; r++) {
            for (let c = 1; c < table.header.length; c++) {
                if (parseCsvNumber(table.cell(r, c)) !== undefined) continue;
                if (first) others++; else first = { row: r, column: c };
            }
        }
        found = first ? { ...first, others } : null;
        nonNumericCache.set(table, found);
    }
    return found ?? undefined;
}

/** The rows whose count (in `column`) is a whole number from 1 to 4. */
function smallCounts(table: CsvTable, column: number): number[] {
    let byColumn = smallCountCache.get(table);
    if (!byColumn) smallCountCache.set(table, byColumn = new Map());
    let rows = byColumn.get(column);
    if (!rows) {
        rows = [];
        for (let r = 0; r < table.rowCount; r++) {
            const number = parseCsvNumber(table.cell(r, column));
            if (number && !number.percent && Number.isInteger(number.value) && number.value >= 1 && number.value <= 4) rows.push(r);
        }
        byColumn.set(column, rows);
    }
    return rows;
}

function kind(element: ast.Table | ast.Chart): string {
    return element.$type === 'Table' ? 'table' : 'chart';
}
