/**
 * The programme-logic figure: levels as columns from left to right (input → impact), nodes
 * as boxes, edges as arrows, assumptions as numbered badges with a legend. Laid out by
 * elkjs (layered, direction RIGHT, one partition per level) and drawn to SVG here. The
 * same drawing serves docx (rasterised), HTML and the editor preview. Deterministic: the
 * same model gives the same SVG.
 */
import { escapeXml } from './xml-text.js';
import ElkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK, ELKConstructorArguments, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { levelRank, LEVELS, type LoadedWorkspace } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { count, labelsFor, type AssumptionStatus, type ReportLanguage } from './labels.js';
import { FONT_METRICS } from './font-metrics.js';

export interface LogicSvgOptions {
    readonly language?: ReportLanguage;
    /** One logic block; by default every logic node of the workspace. */
    readonly logic?: ast.Logic;
    /** Status of each assumption (supported / challenged / untested); untested by default. */
    readonly assumptionStatus?: (assumption: ast.Assumption) => AssumptionStatus;
    /**
     * Group each node, badge and legend entry in a `<g data-id="ID">` (for the editor's
     * view, which navigates by ID). Off for reports: their figure stays as it was.
     */
    readonly nodeIds?: boolean;
}

export interface LogicDrawing {
    readonly svg: string;
    readonly width: number;
    readonly height: number;
    /** The figure in words, for alt text. */
    readonly alt: string;
    readonly nodes: readonly ast.LogicNode[];
    readonly assumptions: readonly { readonly number: number; readonly assumption: ast.Assumption; readonly status: AssumptionStatus }[];
}

/** The report font first (report-assets.ts): the figure is drawn and measured with it. */
export const SVG_FONT_FAMILY = 'DejaVu Sans, Verdana, Arial, sans-serif';
const FONT = 12;
const LINE = 15;
const BOX_WIDTH = 126;
const PAD_X = 8;
const PAD_Y = 7;
const HEADER = 30;
const MARGIN = 12;

export const LEVEL_FILL: Record<ast.Level, string> = {
    input: '#e8eef7', activity: '#e6f2ee', output: '#fdf3e1', outcome: '#f3e9f5', impact: '#fbe9e7'
};
/**
 * Column headings and box outlines. Each meets WCAG 2.1 contrast 4.5:1 as text on its
 * column's band (the fill at 45 % over white) and on white (test/report/contrast.test.ts).
 */
export const LEVEL_STROKE: Record<ast.Level, string> = {
    input: '#2f5286', activity: '#1f6650', output: '#7a5200', outcome: '#663f7d', impact: '#8f3521'
};
export const STATUS_FILL: Record<AssumptionStatus, string> = { supported: '#2e7d32', challenged: '#c62828', untested: '#616161' };

/**
 * Advance widths (in em) of the report font the figure is drawn with (font-metrics.ts,
 * generated from assets/fonts), for wrapping labels without a font engine. A character the
 * font lacks counts as the widest letter.
 */
const advances = {
    regular: advanceMap(FONT_METRICS.regular),
    bold: advanceMap(FONT_METRICS.bold)
};

function advanceMap(runs: readonly (readonly number[])[]): Map<number, number> {
    const map = new Map<number, number>();
    for (const [first, ...widths] of runs) widths.forEach((w, i) => map.set(first + i, w / 1000));
    return map;
}

export function textWidth(text: string, size: number, bold = false): number {
    const widths = bold ? advances.bold : advances.regular;
    let w = 0;
    for (const ch of text) w += widths.get(ch.codePointAt(0)!) ?? 1;
    return w * size;
}

/** Greedy word wrap to a width in pixels. */
export function wrap(text: string, width: number, size: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (line && textWidth(candidate, size) > width) {
            lines.push(line);
            line = word;
        } else line = candidate;
    }
    if (line) lines.push(line);
    return lines.length ? lines : [''];
}

const r = (n: number) => Math.round(n * 10) / 10;

/** elkjs is CommonJS: its default import is the constructor. */
const ElkConstructor = ElkBundled as unknown as new (args?: ELKConstructorArguments) => ELK;

/** Lays out and draws the programme logic. */
export async function logicSvg(workspace: LoadedWorkspace, options: LogicSvgOptions = {}): Promise<LogicDrawing> {
    const labels = labelsFor(options.language ?? 'nb');
    const index = workspace.services.workspace.WorkspaceIndex;
    const logics = options.logic ? [options.logic] : index.elementsOf<ast.Logic>('Logic');
    const nodes = logics.flatMap(l => l.nodes).filter(n => n.name && n.level);
    const nodeSet = new Set(nodes);
    const edges: [ast.LogicNode, ast.LogicNode][] = [];
    for (const from of nodes) {
        for (const to of index.data.edges.get(from) ?? []) if (nodeSet.has(to)) edges.push([from, to]);
    }
    const assumptions = logics.flatMap(l => l.assumptions).filter(a => a.name).map((assumption, i) => ({
        number: i + 1, assumption, status: options.assumptionStatus?.(assumption) ?? 'untested' as AssumptionStatus
    }));

    const ids = new Map(nodes.map((n, i) => [n, `n${i}`]));
    const open = (id: string | undefined) => { if (options.nodeIds && id) out.push(`<g data-id="${escapeXml(id)}">`); };
    const close = (id: string | undefined) => { if (options.nodeIds && id) out.push('</g>'); };
    const wrapped = new Map(nodes.map(n => [n, wrap(n.title ?? n.name, BOX_WIDTH - 2 * PAD_X, FONT)]));
    // A word longer than the box widens it.
    const boxWidth = new Map(nodes.map(n => [n, Math.max(BOX_WIDTH, Math.ceil(Math.max(...wrapped.get(n)!.map(l => textWidth(l, FONT))) + 2 * PAD_X))]));
    const graph: ElkNode = {
        id: 'root',
        layoutOptions: {
            'elk.algorithm': 'layered',
            'elk.direction': 'RIGHT',
            'elk.partitioning.activate': 'true',
            'elk.edgeRouting': 'ORTHOGONAL',
            'elk.layered.spacing.nodeNodeBetweenLayers': '38',
            'elk.layered.spacing.edgeNodeBetweenLayers': '14',
            'elk.spacing.nodeNode': '14',
            'elk.spacing.edgeEdge': '6',
            'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
            'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
            'elk.randomSeed': '1',
            'elk.padding': '[top=0,left=0,bottom=0,right=0]'
        },
        children: nodes.map(n => ({
            id: ids.get(n)!,
            width: boxWidth.get(n)!,
            height: wrapped.get(n)!.length * LINE + 2 * PAD_Y,
            layoutOptions: { 'elk.partitioning.partition': String(levelRank(n.level)) }
        })),
        edges: edges.map(([from, to], i): ElkExtendedEdge => ({ id: `e${i}`, sources: [ids.get(from)!], targets: [ids.get(to)!] }))
    };
    const laid: ElkNode = nodes.length ? await new ElkConstructor().layout(graph) : { ...graph, width: 0, height: 0, children: [], edges: [] };
    const placed = new Map((laid.children ?? []).map(c => [c.id, c]));

    const offsetY = MARGIN + HEADER;
    const offsetX = MARGIN;
    const graphW = laid.width ?? 0, graphH = laid.height ?? 0;
    const out: string[] = [];

    // Columns: one band per level, from its leftmost to its rightmost node.
    const columns: { level: ast.Level; x0: number; x1: number }[] = [];
    for (const level of LEVELS) {
        const xs = nodes.filter(n => n.level === level).map(n => placed.get(ids.get(n)!)!);
        if (xs.length === 0) continue;
        columns.push({ level, x0: Math.min(...xs.map(p => p.x ?? 0)), x1: Math.max(...xs.map(p => (p.x ?? 0) + (p.width ?? 0))) });
    }
    for (const col of columns) {
        const x = offsetX + col.x0 - 6, w = col.x1 - col.x0 + 12;
        out.push(`<rect x="${r(x)}" y="${MARGIN}" width="${r(w)}" height="${r(HEADER + graphH + 8)}" rx="6" fill="${LEVEL_FILL[col.level]}" fill-opacity="0.45"/>`);
        const heading = labels.levelPlural[col.level];
        out.push(`<text x="${r(x + w / 2)}" y="${MARGIN + 19}" text-anchor="middle" font-size="13" font-weight="bold" fill="${LEVEL_STROKE[col.level]}">${escapeXml(heading)}</text>`);
    }

    // Edges, under the nodes.
    const edgeMid = new Map<string, { x: number; y: number }>();
    for (const edge of laid.edges ?? []) {
        const section = edge.sections?.[0];
        if (!section) continue;
        const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
        const d = points.map((p, i) => `${i ? 'L' : 'M'}${r(offsetX + p.x)} ${r(offsetY + p.y)}`).join(' ');
        out.push(`<path d="${d}" fill="none" stroke="#555" stroke-width="1.2" marker-end="url(#arrow)"/>`);
        edgeMid.set(edge.id, midpoint(points));
    }

    // Nodes.
    for (const n of nodes) {
        const p = placed.get(ids.get(n)!)!;
        const x = offsetX + (p.x ?? 0), y = offsetY + (p.y ?? 0);
        const w = boxWidth.get(n)!;
        open(n.name);
        out.push(`<rect x="${r(x)}" y="${r(y)}" width="${w}" height="${r(p.height ?? 0)}" rx="4" fill="#ffffff" stroke="${LEVEL_STROKE[n.level]}" stroke-width="1.4"/>`);
        const lines = wrapped.get(n)!;
        lines.forEach((line, i) => {
            out.push(`<text x="${r(x + w / 2)}" y="${r(y + PAD_Y + FONT + i * LINE - 1)}" text-anchor="middle" font-size="${FONT}" fill="#1a1a1a">${escapeXml(line)}</text>`);
        });
        close(n.name);
    }

    // Assumption badges.
    const edgeIdOf = new Map(edges.map(([from, to], i) => [`${from.name}->${to.name}`, `e${i}`]));
    const nodeBadges = new Map<ast.LogicNode, number>();
    for (const a of assumptions) {
        const on = a.assumption.on;
        const from = on?.from?.ref, to = on?.to?.ref;
        let at: { x: number; y: number } | undefined;
        if (from && to) {
            const id = edgeIdOf.get(`${from.name}->${to.name}`);
            const mid = id ? edgeMid.get(id) : undefined;
            if (mid) at = { x: offsetX + mid.x, y: offsetY + mid.y };
        } else if (from && ids.has(from)) {
            const p = placed.get(ids.get(from)!)!;
            const k = nodeBadges.get(from) ?? 0;
            nodeBadges.set(from, k + 1);
            at = { x: offsetX + (p.x ?? 0) + (p.width ?? BOX_WIDTH) - 4 - k * 18, y: offsetY + (p.y ?? 0) };
        }
        if (!at) continue;
        open(a.assumption.name);
        out.push(`<circle cx="${r(at.x)}" cy="${r(at.y)}" r="8" fill="${STATUS_FILL[a.status]}" stroke="#ffffff" stroke-width="1.5"/>`);
        out.push(`<text x="${r(at.x)}" y="${r(at.y + 3.5)}" text-anchor="middle" font-size="9.5" font-weight="bold" fill="#ffffff">${a.number}</text>`);
        close(a.assumption.name);
    }

    // Legend.
    let width = Math.max(graphW + 2 * MARGIN, 400);
    let y = offsetY + graphH + 24;
    if (assumptions.length) {
        out.push(`<text x="${MARGIN}" y="${r(y)}" font-size="12.5" font-weight="bold" fill="#1a1a1a">${escapeXml(labels.legend)}</text>`);
        y += 8;
        const textW = width - 2 * MARGIN - 24;
        for (const a of assumptions) {
            const lines = wrap(`${a.assumption.title} (${labels.assumptionStatuses[a.status]})`, textW, 12);
            y += 6;
            open(a.assumption.name);
            out.push(`<circle cx="${MARGIN + 8}" cy="${r(y + 6)}" r="7.5" fill="${STATUS_FILL[a.status]}"/>`);
            out.push(`<text x="${MARGIN + 8}" y="${r(y + 9.5)}" text-anchor="middle" font-size="9" font-weight="bold" fill="#ffffff">${a.number}</text>`);
            lines.forEach((line, i) => {
                out.push(`<text x="${MARGIN + 22}" y="${r(y + 10 + i * 15)}" font-size="12" fill="#1a1a1a">${escapeXml(line)}</text>`);
            });
            close(a.assumption.name);
            y += lines.length * 15 + 2;
        }
    }
    const height = Math.ceil(y + MARGIN);
    width = Math.ceil(width);
    const svg = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT_FAMILY}" role="img">`,
        `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#555"/></marker></defs>`,
        `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
        ...out,
        '</svg>'
    ].join('\n');
    return { svg, width, height, alt: logicAlt(logics, assumptions, labels, options.language ?? 'nb'), nodes, assumptions };
}

function midpoint(points: readonly { x: number; y: number }[]): { x: number; y: number } {
    const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
    let half = lengths.reduce((a, b) => a + b, 0) / 2;
    for (let i = 0; i < lengths.length; i++) {
        if (half <= lengths[i] && lengths[i] > 0) {
            const t = half / lengths[i];
            return { x: points[i].x + t * (points[i + 1].x - points[i].x), y: points[i].y + t * (points[i + 1].y - points[i].y) };
        }
        half -= lengths[i];
    }
    return points[0];
}

/**
 * The figure in one sentence, for alt text where no appendix describes it (the editor's
 * preview): "Programteorien «…» i fem nivåer fra innsatsfaktorer til samfunnseffekter."
 * Reports use the sentence that names the appendix with the long description.
 */
function logicAlt(logics: readonly ast.Logic[], assumptions: LogicDrawing['assumptions'], labels: ReturnType<typeof labelsFor>, language: ReportLanguage): string {
    return logics.map(logic => {
        const levels = LEVELS.filter(level => logic.nodes.some(n => n.level === level));
        const phrase = levels.length ? labels.figureAppendix.levels(count(levels.length, 'level', language), labels.levelPlural[levels[0]].toLowerCase(), labels.levelPlural[levels[levels.length - 1]].toLowerCase()) : '';
        const marked = assumptions.filter(a => logic.assumptions.includes(a.assumption)).length;
        return labels.figureAppendix.alt(logic.title ?? '', phrase, marked ? count(marked, 'assumption', language) : '', '').replace(/; [^;]*$/, '.');
    }).join(' ');
}
