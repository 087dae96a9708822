/**
 * Tables, charts and source series in a report (V2 §8, REPORTS.md "Tables and charts"):
 * where each table and chart is printed, what its cells and caption say, how a chart is
 * drawn, and the labels and sums of source series. Pure functions over the loaded
 * workspace; the report chapters call them and number what they print.
 */
import { AstUtils } from 'langium';
import {
    compareIdsNaturally, cutoffOf, dateOf, eventCountsByKind, hasNonPublicSource, isAfter, seriesNumbers,
    tableSources, type CsvTable, type KindCount, type LoadedWorkspace
} from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { chartSvg, type ChartDrawing } from './chart-svg.js';
import { dataLabelsFor, type SeriesKind } from './data-labels.js';
import { formatDataNumber } from './data-numbers.js';
import type { ReportLanguage } from './labels.js';
import { formatTable, type FormattedTable } from './table-format.js';

export type DataElement = ast.Table | ast.Chart;

// ---------------------------------------------------------------------------------------
// Placement

export interface DataPlacement {
    /**
     * The tables and charts printed under each included finding: those it is the first
     * included finding to cite (its `evidence` in order, then `@ID`s in its `text`), in
     * that order. Each element appears under one finding at most.
     */
    readonly underFinding: ReadonlyMap<ast.Finding, readonly DataElement[]>;
    /**
     * Printed in the appendix "Tabeller og figurer fra datagrunnlaget", in natural ID order:
     * tables and charts no included finding cites that the report's own texts cite (`@T1`
     * in its summary, sections, …) or that nothing in the workspace cites — but none with a
     * `from` source dated after the report's cutoff, and none cited only by findings the
     * report leaves out (they come with those findings, in a later report).
     */
    readonly appendix: readonly DataElement[];
    /** Every chart the report prints (under a finding or in the appendix): its data table goes in the appendix too. */
    readonly charts: readonly ast.Chart[];
}

/**
 * Where each table and chart goes. `findings` are the findings the report includes, in the
 * order it prints them: the first to cite an element gets it.
 */
export function placeDataElements(workspace: LoadedWorkspace, report: ast.Report, findings: readonly ast.Finding[]): DataPlacement {
    const index = workspace.services.workspace.WorkspaceIndex;
    const placed = new Set<DataElement>();
    const underFinding = new Map<ast.Finding, DataElement[]>();
    for (const finding of findings) {
        const own: DataElement[] = [];
        for (const target of citedData(finding)) {
            if (placed.has(target)) continue;
            placed.add(target);
            own.push(target);
        }
        if (own.length) underFinding.set(finding, own);
    }
    const byReport = new Set(citedData(report));
    const cutoff = cutoffOf(report);
    const elements = [...index.elementsOf<ast.Table>('Table'), ...index.elementsOf<ast.Chart>('Chart')]
        .filter(e => Boolean(e.name))
        .sort((a, b) => compareIdsNaturally(a.name, b.name));
    const appendix = elements.filter(element => {
        if (placed.has(element)) return false;
        if (cutoff && tableSources(element).some(source => { const date = dateOf(source); return date !== undefined && isAfter(date, cutoff); })) return false;
        if (byReport.has(element)) return true;
        // Cited by no finding at all (any status, any date): data the team keeps beside the findings.
        return !index.citationsOf(element).some(c => AstUtils.getContainerOfType(c.container, (n): n is ast.Finding => n.$type === 'Finding'));
    });
    for (const element of appendix) placed.add(element);
    const charts = elements.filter((e): e is ast.Chart => e.$type === 'Chart' && placed.has(e));
    return { underFinding, appendix, charts };
}

/** The tables and charts a finding or report cites, in order: evidence first, then `@ID` in its texts. */
function citedData(node: ast.Finding | ast.Report): DataElement[] {
    const result: DataElement[] = [];
    const add = (target: ast.Element | undefined) => {
        if (target && (target.$type === 'Table' || target.$type === 'Chart') && !result.includes(target)) result.push(target);
    };
    if (node.$type === 'Finding') for (const item of node.evidence) add(item.source?.ref);
    for (const child of AstUtils.streamAst(node)) {
        if (child.$type === 'TextRef') add((child as ast.TextRef).ref?.ref);
    }
    return result;
}

// ---------------------------------------------------------------------------------------
// Content

/** The parsed CSV file of a table or chart, or why it cannot be printed (a report made with --force despite errors). */
export function dataOf(workspace: LoadedWorkspace, element: DataElement): { readonly ok: true; readonly csv: CsvTable } | { readonly ok: false; readonly message: string } {
    const result = workspace.services.workspace.TableData.of(workspace.root, element);
    switch (result.kind) {
        case 'table': return { ok: true, csv: result.table };
        case 'unreadable': return { ok: false, message: `"${element.file}" cannot be read as a table: ${result.problem.message}` };
        case 'outside': return { ok: false, message: `"${element.file}" lies outside the workspace and is not read` };
        default: return { ok: false, message: element.file === undefined ? `${element.name} has no file` : `"${element.file}" does not exist` };
    }
}

/**
 * The cells of a table as the report prints them: numbers in the language and
 * right-aligned; small counts suppressed when any `from` source is not public.
 */
export function tableCells(csv: CsvTable, table: ast.Table, language: ReportLanguage): FormattedTable {
    return formatTable(csv, { language, suppressSmallCounts: hasNonPublicSource(table), counts: table.counts });
}

/**
 * A chart drawn as SVG (`drawing.svg`; `chartPng(drawing, px)` for docx), with its alt text
 * (`drawing.alt`) and its data table (`drawing.dataTable`) for the appendix. Give each
 * chart on one HTML page its own `idPrefix`.
 */
export function drawChart(csv: CsvTable, chart: ast.Chart, language: ReportLanguage, idPrefix?: string): ChartDrawing {
    return chartSvg(csv, { language, kind: chart.kind ?? 'bar', unit: chart.unit, idPrefix });
}

export interface DataCaption {
    /** "Kilde: Spørreundersøkelse 2010 og Spørreundersøkelse 2014." */
    readonly sourceLine: string;
    /** The element's `note`, as written. */
    readonly note?: string;
    /** For a table with suppressed cells: says what "<5" and "–" mean. */
    readonly suppressedNote?: string;
}

/**
 * What goes below a table or chart: "Kilde: " and the labels of its `from` sources (as
 * the report shows each source: `labelOf`), then the note.
 */
export function dataCaption(element: DataElement, labelOf: (source: ast.Source) => string, language: ReportLanguage, cells?: FormattedTable): DataCaption {
    const labels = dataLabelsFor(language);
    const names = [...new Set(tableSources(element).map(labelOf))];
    const and = language === 'en' ? 'and' : 'og';
    const list = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
    const sourceLine = `${names.length > 1 ? labels.sources : labels.source}: ${list}${/[.!?]$/.test(list) ? '' : '.'}`;
    return {
        sourceLine,
        ...(element.note !== undefined ? { note: element.note } : {}),
        ...(cells && cells.suppressedRows.length > 0 ? { suppressedNote: labels.suppressedNote } : {})
    };
}

// ---------------------------------------------------------------------------------------
// Source series

/**
 * Series labels for every series source of the workspace, numbered per kind in natural ID
 * order (the same in every report): "Intervjuserie 1 (18 intervjuer)".
 */
export function seriesLabels(workspace: LoadedWorkspace, language: ReportLanguage): Map<ast.Source, string> {
    const sources = workspace.services.workspace.WorkspaceIndex.elementsOf<ast.Source>('Source')
        .filter(s => Boolean(s.name)).sort((a, b) => compareIdsNaturally(a.name, b.name));
    const labels = dataLabelsFor(language);
    const result = new Map<ast.Source, string>();
    for (const [source, n] of seriesNumbers(sources)) {
        result.set(source, labels.seriesLabel(source.kind as SeriesKind, n, source.count!));
    }
    return result;
}

export interface MethodRow extends KindCount {
    /** The events as the method table prints them: "18 + 4" (or "4"). */
    readonly eventsText: string;
}

/**
 * One row per source kind for the method table: sources, events (series count their
 * `count`) and the sum written out ("Intervjuer: 18 + 4").
 */
export function methodRows(sources: readonly ast.Source[], language: ReportLanguage): MethodRow[] {
    return [...eventCountsByKind(sources).values()].map(row => ({
        ...row,
        eventsText: row.parts.map(n => formatDataNumber(n, 0, language)).join(' + ')
    }));
}

// ---------------------------------------------------------------------------------------
// Placed sections and evaluations without confidence

/**
 * The report's extra sections by where they go: after a chapter (`section "…" after method`),
 * or `default` (no `after`: as before, in order before the recommendations). Each list
 * keeps the order in which the sections are written.
 */
export function sectionsBySlot(report: ast.Report): Map<ast.SectionSlot | 'default', ast.Section[]> {
    const result = new Map<ast.SectionSlot | 'default', ast.Section[]>();
    for (const section of report.sections) {
        const slot = section.after ?? 'default';
        const list = result.get(slot);
        if (list) list.push(section); else result.set(slot, [section]);
    }
    return result;
}

/**
 * Whether the report shows a confidence apparatus: some included finding has `confidence`.
 * When none has, the report prints no confidence line, column, figure or table, and the
 * method chapter does not describe the confidence scale (V2 §8).
 */
export function gradesConfidence(findings: readonly ast.Finding[]): boolean {
    return findings.some(finding => finding.confidence !== undefined);
}
