/**
 * Tables and charts from the team's CSV files in a report (V2 §8, REPORTS.md "Tables and
 * charts"): each printed once — under the first finding (in print order) that cites it,
 * else in the appendix "Tabeller og figurer fra datagrunnlaget" — numbered with the
 * report's other tables and figures (numbering.ts), caption, "Kilde: …" with the report's
 * own source labels (privacy applies) and the note; numbers in the report's language and
 * right-aligned, small counts from non-public sources as "<5". Charts are figures drawn by
 * chart-svg.ts (rasterised for docx like the logic figure); each chart's data is a table in
 * the appendix. `@T1` in a text becomes "tabell 4.2" linking to it (`dataRef`).
 *
 * Work is linear in the number of findings and data elements: the placement is computed
 * once per report, each element's CSV is read (cached by the language package) and drawn
 * once.
 */
import { AstUtils } from 'langium';
import { tableSources } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { dataLabelsFor, type DataLabels } from '../data-labels.js';
import { para, text, type Block, type Figure, type Inline, type Table } from '../document.js';
import { anchorName } from '../report-model.js';
import { dataCaption, dataOf, drawChart, gradesConfidence, placeDataElements, tableCells, type DataElement, type DataPlacement } from '../report-data.js';
import type { ChartDrawing } from '../chart-svg.js';
import type { FormattedTable } from '../table-format.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { joinList, sourceRef } from './naming.js';

/** The key of the appendix of tables and figures (its anchor is `kap_data_tables`). */
const DATA_KEY = 'data-tables';

interface Target {
    readonly anchor: string;
    readonly type: 'table' | 'figure';
}

interface DataPlan {
    readonly placement: DataPlacement;
    /** Where each element this report prints is (its anchor is fixed before any chapter is written). */
    readonly targets: Map<DataElement, Target>;
    /** Charts in the order the report prints them, for their data tables in the appendix. */
    readonly printed: ast.Chart[];
    readonly drawings: Map<ast.Chart, ChartDrawing>;
    readonly figures: Map<ast.Chart, Figure>;
    /** A fresh anchor for a chart's data table: `tabell_data_N`, after the elements' own. */
    readonly next: () => string;
}

/** One plan per report build; keyed by the context's numbers, which `inLanguage` copies share. */
const plans = new WeakMap<object, DataPlan>();

export function dataPlan(ctx: BuildContext): DataPlan {
    let plan = plans.get(ctx.numbers);
    if (plan) return plan;
    const placement = placeDataElements(ctx.workspace, ctx.report, ctx.shownFindings);
    const targets = new Map<DataElement, Target>();
    let i = 0;
    const add = (element: DataElement) => {
        const type = element.$type === 'Table' ? 'table' : 'figure';
        targets.set(element, { anchor: anchorName(type === 'table' ? 'tabell' : 'figur', `data_${++i}`), type });
    };
    for (const f of ctx.shownFindings) for (const element of placement.underFinding.get(f) ?? []) add(element);
    for (const element of placement.appendix) add(element);
    plan = { placement, targets, printed: [], drawings: new Map(), figures: new Map(), next: () => anchorName('tabell', `data_${++i}`) };
    plans.set(ctx.numbers, plan);
    return plan;
}

/** Whether the report prints a confidence apparatus (V2 §8): some finding it shows has `confidence`. */
export function graded(ctx: BuildContext): boolean {
    return gradesConfidence(ctx.shownFindings);
}

export function dataLabels(ctx: BuildContext): DataLabels {
    return dataLabelsFor(ctx.language);
}

/** `@T1` in a text: "tabell 4.2" linking to the table; the title when this report does not print it. */
export function dataRef(ctx: BuildContext, element: DataElement, capital: boolean): Inline[] {
    const target = dataPlan(ctx).targets.get(element);
    const id: Inline[] = ctx.internal && element.name ? [text(` [${element.name}]`)] : [];
    if (!target) return [text(`${ctx.l.quoteMarks[0]}${element.title ?? ''}${ctx.l.quoteMarks[1]}`), ...id];
    return [ctx.captionRef(target, capital), ...id];
}

/** The tables and figures printed under a finding, each introduced when the finding's text does not name it. */
export function dataUnderFinding(ctx: BuildContext, finding: ast.Finding): Block[] {
    const plan = dataPlan(ctx);
    const elements = plan.placement.underFinding.get(finding) ?? [];
    if (!elements.length) return [];
    const blocks: Block[] = [];
    const unnamed = elements.filter(e => !namedIn(finding, e));
    if (unnamed.length) {
        const refs = joinList(ctx, unnamed.map((e, i) => [ctx.captionRef(plan.targets.get(e)!, i === 0)]));
        blocks.push(para(sentence(ctx, refs)));
    }
    for (const element of elements) blocks.push(...elementBlocks(ctx, element));
    return blocks;
}

/** "Tabell 4.2 viser datagrunnlaget for funnet." with the reference as a link. */
function sentence(ctx: BuildContext, refs: Inline[]): Inline[] {
    const marker = '\uE020';
    const [before, after] = dataLabels(ctx).shownUnder(marker).split(marker);
    return [...(before ? [text(before)] : []), ...refs, ...(after ? [text(after)] : [])];
}

/** Whether the finding's text cites the element with `@ID`. */
function namedIn(finding: ast.Finding, element: DataElement): boolean {
    if (!finding.text) return false;
    return AstUtils.streamAst(finding.text).some(node => node.$type === 'TextRef' && (node as ast.TextRef).ref?.ref === element);
}

/** A table or chart as the report prints it (under --force a file that cannot be read is named instead). */
function elementBlocks(ctx: BuildContext, element: DataElement): Block[] {
    const plan = dataPlan(ctx);
    const target = plan.targets.get(element)!;
    const data = dataOf(ctx.workspace, element);
    if (!data.ok) return [para([text(`${element.title ?? ''}: ${data.message}`)])];
    if (element.$type === 'Table') {
        const cells = tableCells(data.csv, element, ctx.language);
        return [tableBlock(ctx, target.anchor, [text(element.title ?? '')], cells, element, true)];
    }
    const drawing = drawChart(data.csv, element, ctx.language, target.anchor);
    plan.drawings.set(element, drawing);
    plan.printed.push(element);
    const caption = dataCaption(element, s => ctx.sources.get(s)?.label ?? '', ctx.language);
    const figure: Figure = {
        type: 'figure', anchor: target.anchor, number: '', caption: [text(element.title ?? '')],
        svg: drawing.svg, width: drawing.width, height: drawing.height, alt: drawing.alt,
        ...sourceOf(ctx, element),
        ...(caption.note ? { note: [text(caption.note)] } : {})
    };
    plan.figures.set(element, figure);
    // The alt text says where the numbers are (the appendix letter is known after numbering).
    ctx.afterNumbering(() => { (figure as { alt: string }).alt = dataLabels(ctx).altWithData(drawing.alt, ctx.partRefText(DATA_KEY)()); });
    return [figure];
}

function tableBlock(ctx: BuildContext, anchor: string, caption: Inline[], cells: FormattedTable, element: DataElement, withNote: boolean): Table {
    const numeric = cells.header.map((_, c) => cells.numericColumns.includes(c));
    const captionText = dataCaption(element, s => ctx.sources.get(s)?.label ?? '', ctx.language, cells);
    const note = [withNote ? captionText.note : undefined, captionText.suppressedNote].filter((n): n is string => Boolean(n)).join(' ');
    return {
        type: 'table', anchor, number: '', caption,
        header: cells.header.map(c => [text(c.text)]),
        rows: cells.rows.map(row => row.map(c => [text(c.text)])),
        ...(numeric.some(Boolean) ? { numeric } : {}),
        ...sourceOf(ctx, element),
        ...(note ? { note: [text(note)] } : {})
    };
}

/** "Kilde:"/"Kilder:" and the `from` sources as the report names each (labels of non-public sources, APA citations, titles). */
function sourceOf(ctx: BuildContext, element: DataElement): { source?: Inline[]; sourceLabel?: string } {
    const sources = [...new Set(tableSources(element))];
    if (!sources.length) return {};
    const labels = dataLabels(ctx);
    const list = joinList(ctx, sources.map((s, i) => sourceLineRef(ctx, s, i === 0)));
    return { source: [...list, text('.')], sourceLabel: `${sources.length > 1 ? labels.sources : labels.source}:` };
}

/**
 * A source in a "Kilde:" line: an APA citation for literature and public documents and
 * datasets; else the label as in the source overview ("Intervju 3", a title without quotes),
 * after the first in lower case for a generated label ("Intervju 3 og intervju 4").
 */
function sourceLineRef(ctx: BuildContext, s: ast.Source, first: boolean): Inline[] {
    const cited = ctx.citations.citeSource(s, 'narrative');
    if (cited) return sourceRef(ctx, s, { narrative: true });
    ctx.usedSources.add(s);
    const p = ctx.sources.get(s);
    if (!p) return [text(s.title ?? '')];
    const label = first || p.access === 'public' ? p.label : p.labelInText;
    return [{ type: 'xref', anchor: p.anchor, children: [text(label)] }];
}

/**
 * Vedlegg "Tabeller og figurer fra datagrunnlaget": the tables and charts no shown finding
 * cites (natural ID order; a chart followed by its data), then the data of each chart
 * printed under a finding. None when the report prints no table or chart there.
 */
export function dataAppendix(ctx: BuildContext, key = DATA_KEY): Draft | undefined {
    const plan = dataPlan(ctx);
    const blocks: Block[] = [];
    const withData = new Set<ast.Chart>();
    for (const element of plan.placement.appendix) {
        blocks.push(...elementBlocks(ctx, element));
        if (element.$type === 'Chart' && plan.drawings.has(element)) {
            blocks.push(chartDataTable(ctx, element));
            withData.add(element);
        }
    }
    for (const chart of plan.printed) if (!withData.has(chart)) blocks.push(chartDataTable(ctx, chart));
    if (!blocks.length) return undefined;
    const labels = dataLabels(ctx);
    return { key, title: labels.appendixTitle, blocks: [para([text(labels.appendixLead)]), ...blocks], children: [], numbering: 'appendix', pageBreak: 'if-long' };
}

/** "Data for figur 4.1": a chart's numbers as a table. */
function chartDataTable(ctx: BuildContext, chart: ast.Chart): Table {
    const plan = dataPlan(ctx);
    const figure = plan.figures.get(chart)!;
    const caption = [ctx.late.text(() => dataLabels(ctx).chartData(ctx.captionRefText(figure, true)()))];
    return tableBlock(ctx, plan.next(), caption, plan.drawings.get(chart)!.dataTable, chart, false);
}
