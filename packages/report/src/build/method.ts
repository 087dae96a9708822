/**
 * Metode og datagrunnlag (V2.md §7 "Method chapter"): the authored method text, the data
 * by kind of source, how triangulation is counted and how many findings are triangulated,
 * the confidence scale (GRADE-CERQual) and the rating scale defined in words, the data
 * cut-off, the limitations the model can name, and Vern av informanter. The interim note
 * has a short "Om datagrunnlaget" instead.
 */
import { accessOf, dateOf, evidenceSources, isResultLevel, isSelfReported, restsOnSelfReportedSources } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { para, text, type Block, type Cell, type Inline } from '../document.js';
import { capitalise, count, formatDate, formatMonth, formatNumber, formatPercent, formatPeriod, listText, numeral, type Gender } from '../labels.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { fill, findingList, slot } from './naming.js';
import { unansweredBlocks } from './summary.js';
import { programmeEthics } from './v2-fields.js';

export const SOURCE_KIND_ORDER: readonly ast.SourceKind[] = ['interview', 'focus-group', 'observation', 'survey', 'workshop', 'document', 'dataset', 'literature'];

const CONFIDENCES: readonly ast.Confidence[] = ['high', 'moderate', 'low', 'very-low'];

/** The sources the source overview lists: every source the report cites, literature aside (it is in Referanser). */
export function listedSources(ctx: BuildContext): ast.Source[] {
    for (const s of ctx.evidenceSources()) ctx.usedSources.add(s);
    return [...ctx.usedSources].filter(s => s.kind !== 'literature');
}

export function methodChapter(ctx: BuildContext): Draft {
    const l = ctx.l.method;
    const graded = ctx.shownFindings.some(f => f.confidence);
    const sections: Draft[] = [
        { key: 'data', title: l.data, blocks: dataBlocks(ctx), children: [] },
        { key: 'triangulation', title: l.triangulation, blocks: triangulationBlocks(ctx, true), children: [] }
    ];
    if (graded) sections.push({ key: 'confidence', title: l.confidence, blocks: confidenceBlocks(ctx), children: [] });
    if (ctx.assessments.length) sections.push({ key: 'criteria', title: l.criteria, blocks: criteriaBlocks(ctx), children: [] });
    sections.push({ key: 'cutoff', title: l.cutoff, blocks: cutoffBlocks(ctx), children: [] });
    sections.push({ key: 'limitations', title: l.limitations, blocks: limitationBlocks(ctx), children: [] });
    sections.push({ key: 'protection', title: l.protection, blocks: protectionBlocks(ctx), children: [] });
    return { key: 'method', title: ctx.l.chapters.method, blocks: ctx.slot(ctx.report.method, 1), children: sections, pageBreak: 'if-long' };
}

/** Om datagrunnlaget (interim note): the method text, the data in one sentence, cut-off, confidence, informant protection. */
export function aboutDataChapter(ctx: BuildContext): Draft {
    const l = ctx.l.method;
    const blocks: Block[] = [...ctx.slot(ctx.report.method, 1)];
    const sentence: Inline[] = [];
    blocks.push(para(sentence));
    ctx.afterChapters(() => {
        const byKind = SOURCE_KIND_ORDER.filter(k => k !== 'literature').map(k => [k, listedSources(ctx).filter(s => s.kind === k).length] as const).filter(([, n]) => n > 0);
        if (!byKind.length) return;
        sentence.push(...fill(l.interimSources(listText(byKind.map(([k, n]) => count(n, k, ctx.language)), ctx.language), slot(0)), [ctx.partRef('source-overview')]));
    });
    blocks.push(...cutoffBlocks(ctx));
    if (ctx.shownFindings.some(f => f.confidence)) blocks.push(para([text(l.interimConfidence)]));
    blocks.push(...protectionBlocks(ctx));
    return { key: 'about-data', title: ctx.l.chapters.aboutData, blocks, children: [] };
}

/** Table 2.1: the sources the report cites (those of the source overview), by kind. */
function dataBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l.method;
    const rows: Cell[][] = [];
    const table = ctx.table(l.dataCaption, [l.headers.kind, l.headers.count, l.headers.period, l.headers.respondents], rows,
        { numeric: [false, true, false, true], source: fill(l.dataSource(slot(0)), [ctx.partRef('source-overview')]) });
    ctx.afterChapters(() => {
        const sources = listedSources(ctx);
        let total = 0, totalRespondents = 0;
        for (const kind of SOURCE_KIND_ORDER) {
            const of = sources.filter(s => s.kind === kind);
            if (!of.length) continue;
            total += of.length;
            const days = of.map(s => dateOf(s)).filter(d => d !== undefined);
            const first = days.map(d => d.first).sort()[0];
            const last = days.map(d => d.last).sort().reverse()[0];
            const range = first ? formatPeriod(formatMonth(first, ctx.language), formatMonth(last!, ctx.language)) : '–';
            const respondents = of.reduce((n, s) => n + (s.respondents ?? 0), 0);
            totalRespondents += respondents;
            rows.push([[text(ctx.l.sourceKindPlural[kind])], [text(String(of.length))], [text(range)], [text(respondentsText(ctx, of))]]);
        }
        rows.push([[{ type: 'strong', children: [text(l.total)] }], [{ type: 'strong', children: [text(String(total))] }], [text('–')],
            [{ type: 'strong', children: [text(totalRespondents ? formatNumber(totalRespondents, ctx.language) : '–')] }]]);
    });
    return [para(fill(l.dataLead(slot(0)), [ctx.captionRef(table, true)])), table];
}

/**
 * Respondents of surveys: "146", or with the population "146 av 310 (47 %)" (V2.md
 * "Response rate") when every survey of the row gives one.
 */
export function respondentsText(ctx: BuildContext, sources: readonly ast.Source[]): string {
    const respondents = sources.reduce((n, s) => n + (s.respondents ?? 0), 0);
    if (!respondents) return '–';
    const withPopulation = sources.filter(s => s.respondents !== undefined);
    if (withPopulation.length && withPopulation.every(s => s.population)) {
        const population = withPopulation.reduce((n, s) => n + (s.population ?? 0), 0);
        return ctx.l.sources.responseRate(formatNumber(respondents, ctx.language), formatNumber(population, ctx.language), formatPercent(respondents, population, ctx.language));
    }
    return formatNumber(respondents, ctx.language);
}

/** How triangulation is counted and the figure "ni av tolv funn (75 %)"; the matrix in Vedlegg A shows which. */
export function triangulationBlocks(ctx: BuildContext, withAppendix: boolean): Block[] {
    const l = ctx.l.method;
    const rows = ctx.shownFindings.map(f => ctx.matrixRow(f));
    const n = rows.filter(r => r?.triangulated).length;
    const m = rows.length;
    if (!m) return [para([text(l.triangulationDefinition)])];
    const figure = ctx.l.matrix.of(inSentence(ctx, n, m, 'n'), count(m, 'finding', ctx.language));
    const appendix = withAppendix ? slot(0) : undefined;
    return [
        para([text(l.triangulationDefinition)]),
        para(fill(l.triangulationCount(figure, n !== 1, formatPercent(n, m, ctx.language), appendix), withAppendix ? [ctx.partRef('matrix')] : []))
    ];
}

/** A sentence does not start with digits (Språkrådet): "3 av 16 funn" becomes "I alt 3 av 16 funn". */
export function sentenceStart(ctx: BuildContext, phrase: string): string {
    if (/^\d/.test(phrase)) return `${{ nb: 'I alt', nn: 'I alt', en: 'In all,' }[ctx.language]} ${phrase}`;
    return capitalise(phrase);
}

/** The n of "ni av tolv", "9 av 24": one form in the sentence, words up to twelve unless the other number needs digits. */
export function inSentence(ctx: BuildContext, n: number, other: number, gender: Gender): string {
    if (n > 12 || other > 12) return formatNumber(n, ctx.language);
    return numeral(n, gender, ctx.language);
}

function confidenceBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l.method;
    const findings = ctx.shownFindings;
    const blocks: Block[] = [
        para([text(l.confidenceLead)]),
        { type: 'list', ordered: false, items: CONFIDENCES.map(c => [para([{ type: 'strong', children: [text(capitalise(ctx.l.confidenceWords[c]))] }, text(`: ${l.confidenceLevels[c]}.`)])]) },
        para([text(l.componentsLead)]),
        {
            type: 'list', ordered: false,
            items: (['limitations', 'coherence', 'adequacy', 'relevance'] as const).map(k => [para([{ type: 'strong', children: [text(capitalise(ctx.l.components[k].name))] }, text(`: ${ctx.l.components[k].definition}.`)])])
        }
    ];
    const counts = CONFIDENCES.map(c => [c, findings.filter(f => f.confidence === c).length] as const);
    blocks.push(para([text(l.distribution(counts, findings.length))]));
    const rows: Cell[][] = counts.map(([c, k]) => [[text(capitalise(ctx.l.confidenceWords[c]))], [text(String(k))],
        [text(String(findings.filter(f => f.confidence === c && ctx.matrixRow(f)?.triangulated).length))]]);
    const ungraded = findings.filter(f => !f.confidence);
    if (ungraded.length) rows.push([[text(l.noConfidence)], [text(String(ungraded.length))], [text(String(ungraded.filter(f => ctx.matrixRow(f)?.triangulated).length))]]);
    blocks.push(ctx.table(l.distributionCaption, [l.distributionHeaders.confidence, l.distributionHeaders.findings, l.distributionHeaders.triangulated], rows, { numeric: [false, true, true] }));
    return blocks;
}

function criteriaBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l.method;
    const dac = [...new Set(ctx.assessments.map(a => a.criterion?.dac).filter((c): c is ast.DacCriterion => c !== undefined))];
    const custom = [...new Set(ctx.assessments.map(a => a.criterion?.custom?.ref).filter((c): c is ast.Criterion => c !== undefined))];
    const dacOrder: ast.DacCriterion[] = ['relevance', 'coherence', 'effectiveness', 'efficiency', 'impact', 'sustainability'];
    dac.sort((a, b) => dacOrder.indexOf(a) - dacOrder.indexOf(b));
    const items: Block[][] = dac.map(c => [para([{ type: 'strong', children: [text(ctx.l.dac[c])] }, text(ctx.language === 'en' ? `: ${ctx.l.dacQuestions[c]}` : ` (${c}): ${ctx.l.dacQuestions[c]}`)])]);
    for (const c of custom) items.push([para([{ type: 'strong', children: [text(c.title ?? '')] }, text(` (${l.customCriterion})`)])]);
    const scale: Block[][] = (['high', 'moderate', 'low', 'unclear'] as const).map(r => [para([{ type: 'strong', children: [text(capitalise(ctx.l.ratings[r]))] }, text(`: ${l.ratingScale[r]}.`)])]);
    scale.push([para([{ type: 'strong', children: [text(ctx.l.notAssessed)] }, text(`: ${l.notAssessedDefinition}.`)])]);
    return [
        para([text(l.criteriaLead(dac.length, custom.length))]),
        { type: 'list', ordered: false, items },
        para([text(l.ratingLead)]),
        { type: 'list', ordered: false, items: scale },
        para([text(l.unclearNote)])
    ];
}

export function cutoffBlocks(ctx: BuildContext): Block[] {
    const cutoff = ctx.report.cutoff ?? ctx.report.date;
    return cutoff === undefined ? [] : [para([text(ctx.l.method.cutoffText(formatDate(cutoff, ctx.language)))])];
}

/** What the model can say about the limitations (report-exemplar §3.9). */
function limitationBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l.method;
    const blocks: Block[] = [];
    const findings = ctx.shownFindings;
    const low = findings.filter(f => f.confidence === 'low' || f.confidence === 'very-low');
    if (low.length) {
        const n = ctx.l.matrix.of(inSentence(ctx, low.length, findings.length, 'n'), count(findings.length, 'finding', ctx.language));
        blocks.push(para(fill(l.lowConfidence(sentenceStart(ctx, n), slot(0), low.length !== 1), findingList(ctx, low))));
    }
    const selfReported = findings.filter(f => [...f.supports, ...f.challenges].some(r => r.ref?.$type === 'LogicNode' && isResultLevel((r.ref as ast.LogicNode).level))
        && restsOnSelfReportedSources(f, ctx.index));
    if (selfReported.length) blocks.push(para(fill(l.selfReportedOutcomes(sentenceStart(ctx, count(selfReported.length, 'finding', ctx.language)), slot(0)), findingList(ctx, selfReported))));
    let own = 0, all = 0;
    for (const f of findings) for (const s of evidenceSources(f)) {
        if (s.kind === 'literature') continue;
        all++;
        // The origin by V2's default (the client, portfolios and projects; prog-model.ts).
        if (isSelfReported(s, ctx.index)) own++;
    }
    if (all && own) blocks.push(para([text(l.ownSourcesShare(formatPercent(own, all, ctx.language)))]));
    blocks.push(...unansweredBlocks(ctx));
    if (!blocks.length) blocks.push(para([text(l.noLimitations)]));
    return blocks;
}

/** Vern av informanter: the programme's `ethics`, how sources are named, the unnamed actors, the deletion date. */
export function protectionBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l.method;
    const ethics = programmeEthics(ctx.programme);
    const blocks: Block[] = [...ctx.slot(ethics.ethics, 2)];
    const used = ctx.evidenceSources();
    if (used.some(s => accessOf(s) === 'confidential')) blocks.push(para([text(l.protectionLabels)]));
    if (used.some(s => accessOf(s) === 'internal')) blocks.push(para([text(l.protectionInternal)]));
    const unnamed = unnamedActors(ctx);
    if (unnamed) blocks.push(para([text(l.unnamedActors(count(unnamed, 'actor', ctx.language), unnamed !== 1))]));
    if (ethics.dataDeletion) blocks.push(para([text(l.dataDeletion(formatDate(ethics.dataDeletion, ctx.language)))]));
    return blocks;
}

/**
 * Actors the report leaves unnamed for the informants' sake: named only by non-public
 * sources (programme.ts lists an actor only when something other than a source names it).
 */
export function unnamedActors(ctx: BuildContext): number {
    let n = 0;
    for (const actor of ctx.index.elementsOf<ast.Actor>('Actor')) {
        if (!actor.name) continue;
        const citations = ctx.index.citationsOf(actor);
        const bySources = citations.filter(c => c.container.$type === 'Source');
        if (!bySources.length || !bySources.some(c => accessOf(c.container as ast.Source) !== 'public')) continue;
        if (citations.some(c => c.container.$type !== 'Source' && c.container.$type !== 'Actor')) continue;
        if (ctx.programme?.client?.ref === actor || isPartOfClient(ctx, actor)) continue;
        n++;
    }
    return n;
}

export function isPartOfClient(ctx: BuildContext, a: ast.Actor): boolean {
    const client = ctx.programme?.client?.ref;
    const seen = new Set<ast.Actor>();
    for (let x: ast.Actor | undefined = a; x && !seen.has(x); x = x.partOf?.ref) {
        if (x === client) return true;
        seen.add(x);
    }
    return false;
}

