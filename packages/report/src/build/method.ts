/** Metode og datagrunnlag: sources by kind, triangulation and confidence, cutoff, informant protection, method choices. */
import { accessOf, dateOf, originOf, sourceKinds } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { para, text, type Block, type Cell } from '../document.js';
import { formatDate, formatNumber, formatPercent } from '../labels.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { capitalise } from './inlines.js';

export const SOURCE_KIND_ORDER: readonly ast.SourceKind[] = ['interview', 'focus-group', 'observation', 'survey', 'workshop', 'document', 'dataset', 'literature'];

export function methodChapter(ctx: BuildContext): Draft {
    const l = ctx.l;
    const method: Draft[] = [
        { key: 'sources-by-kind', title: l.sourcesByKind, blocks: sourcesByKindBlocks(ctx), children: [] },
        { key: 'triangulation', title: l.triangulation, blocks: triangulationBlocks(ctx), children: [] },
        { key: 'cutoff', title: l.dataCutoff, blocks: cutoffBlocks(ctx), children: [] },
        { key: 'protection', title: l.protection, blocks: protectionBlocks(ctx), children: [] }
    ];
    if (ctx.kind === 'final') method.push({ key: 'method-choices', title: l.methodChoices, blocks: methodChoiceBlocks(ctx), children: [] });
    return { key: 'method', title: l.method, blocks: ctx.slot(ctx.report.method, 1), children: method };
}

export function sourcesByKindBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l;
    const sources = ctx.evidenceSources();
    const rows: Cell[][] = [];
    let total = 0, totalRespondents = 0;
    for (const kind of SOURCE_KIND_ORDER) {
        const of = sources.filter(s => s.kind === kind);
        if (!of.length) continue;
        total += of.length;
        const days = of.map(s => dateOf(s)).filter(d => d !== undefined);
        const first = days.map(d => d.first).sort()[0];
        const last = days.map(d => d.last).sort().reverse()[0];
        const [from, to] = first ? [formatDate(first.slice(0, 7), ctx.language), formatDate(last!.slice(0, 7), ctx.language)] : [];
        const range = !from ? '–' : from === to ? from : `${from} – ${to}`;
        const respondents = of.reduce((n, s) => n + (s.respondents ?? 0), 0);
        totalRespondents += respondents;
        rows.push([[text(l.sourceKindPlural[kind])], [text(String(of.length))], [text(range)], [text(respondents ? formatNumber(respondents, ctx.language) : '–')]]);
    }
    rows.push([[{ type: 'strong', children: [text(l.total)] }], [{ type: 'strong', children: [text(String(total))] }], [text('')],
        [{ type: 'strong', children: [text(totalRespondents ? formatNumber(totalRespondents, ctx.language) : '–')] }]]);
    return [ctx.table(l.sourcesByKind, [l.kind, l.count, l.dateRange, l.respondents], rows, [30, 11, 39, 20])];
}

export function triangulationBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l;
    const findings = ctx.inclusion.findings;
    const triangulated = findings.filter(f => sourceKinds(f).size >= 2).length;
    const rows: Cell[][] = [];
    for (const c of ['high', 'moderate', 'low', 'very-low'] as ast.Confidence[]) {
        const of = findings.filter(f => f.confidence === c);
        rows.push([[text(capitalise(l.confidenceWords[c]))], [text(String(of.length))],
            [text(String(of.filter(f => sourceKinds(f).size >= 2).length))]]);
    }
    const none = findings.filter(f => !f.confidence).length;
    if (none) rows.push([[text('–')], [text(String(none))], [text('')]]);
    return [
        para([text(l.triangulationText(triangulated, findings.length))]),
        ctx.table(l.confidenceDistribution, [l.confidence, l.findingsCount, l.findingsTriangulated], rows, [40, 25, 35])
    ];
}

export function cutoffBlocks(ctx: BuildContext): Block[] {
    const cutoff = ctx.report.cutoff ?? ctx.report.date;
    return cutoff === undefined ? [] : [para([text(ctx.l.cutoffText(formatDate(cutoff, ctx.language)))])];
}

export function protectionBlocks(ctx: BuildContext): Block[] {
    const sources = ctx.evidenceSources();
    const confidential = sources.filter(s => accessOf(s) === 'confidential').length;
    const internal = sources.filter(s => accessOf(s) === 'internal').length;
    const count = {
        nb: `Rapporten bygger på ${confidential} konfidensielle og ${internal} interne kilder.`,
        nn: `Rapporten byggjer på ${confidential} konfidensielle og ${internal} interne kjelder.`,
        en: `The report rests on ${confidential} confidential and ${internal} internal sources.`
    }[ctx.language];
    return [...ctx.l.protectionText.map(t => para([text(t)])), para([text(count)])];
}

export function methodChoiceBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l;
    let own = 0, all = 0;
    for (const f of ctx.inclusion.findings) for (const e of f.evidence) {
        const s = e.source?.ref;
        if (!s) continue;
        all++;
        if (originOf(s) !== 'independent') own++;
    }
    const blocks: Block[] = [para([text(l.originShare(formatPercent(own, all, ctx.language)))])];
    const concerned = ctx.inclusion.findings.filter(f => f.concerns.some(c => c.level === 'moderate' || c.level === 'serious'));
    if (concerned.length) {
        blocks.push(para([text(`${l.seriousConcerns}:`)]));
        blocks.push({
            type: 'list', ordered: false,
            items: concerned.map(f => [para([...ctx.findingRef(f), text(': '),
                text(f.concerns.filter(c => c.level === 'moderate' || c.level === 'serious')
                    .map(c => `${l.concernComponents[c.component]} (${l.concernLevels[c.level]})`).join(', '))])])
        });
    }
    return blocks;
}
