/**
 * Programmets utvikling over tid (final report): the authored section of that title, the
 * deliverables of the evaluation, each indicator's series, the revised findings and
 * assessments with what they replaced, and each recommendation's dated history with the
 * client's responses.
 */
import { LEVELS, dateOf, measurementsAsOf, recommendationHistory } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { para, text, type Block, type Inline } from '../document.js';
import { count, countDefinite, formatDate, formatDateShort, formatMonth, listText, type HistoryStep } from '../labels.js';
import { hasId, kindOf } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { kindAndTitle } from './front-matter.js';
import { earlierReportWith } from './findings.js';
import { criterionName, fill, findingRef, recommendationRef, slot } from './naming.js';
import { indicatorValue, measurementSource } from './programme.js';
import { earlierReportWithAssessment, ratingWord } from './assessment.js';
import { statusWord } from './recommendations.js';

export function developmentChapter(ctx: BuildContext, authored: Block[]): Draft {
    const l = ctx.l.development;
    const blocks: Block[] = [...authored];
    const reports = [...ctx.index.elementsOf<ast.Report>('Report')]
        .filter(x => hasId(x) && (dateOf(x)?.first ?? '') <= (dateOf(ctx.report)?.first ?? ''))
        .sort((a, b) => ((dateOf(a)?.first ?? '') < (dateOf(b)?.first ?? '') ? -1 : 1));
    if (reports.length) {
        const table = ctx.table(l.deliverablesCaption, [l.headers.kind, l.headers.title, l.headers.number, l.headers.date, l.headers.cutoff],
            reports.map(x => {
                const kind = ctx.l.kindTitle[kindOf(x)];
                return [[text(kind)], [text(kindAndTitle(kind, x.title ?? '').title)], [text(x.number ?? '–')],
                    [text(formatDateShort(x.date, ctx.language) || '–')], [text(formatDateShort(x.cutoff ?? x.date, ctx.language) || '–')]];
            }));
        blocks.push(para(fill(l.deliverablesLead(slot(0), countDefinite(reports.length, 'report', ctx.language)), [ctx.captionRef(table, true)])), table);
    }
    blocks.push(...indicatorSeriesBlocks(ctx));
    const pairs = [...ctx.inclusion.replacedBy.entries()].filter(([, neu]) => ctx.findingPosition(neu) !== undefined)
        .sort((a, b) => (ctx.findingPosition(a[1]) ?? 0) - (ctx.findingPosition(b[1]) ?? 0));
    if (pairs.length) {
        blocks.push(para([text(l.revisedLead(count(pairs.length, 'finding', ctx.language), pairs.length !== 1))]));
        blocks.push({
            type: 'list', ordered: false,
            items: pairs.map(([old, neu]) => {
                const earlier = earlierReportWith(ctx, old);
                const where = earlier ? ctx.l.reportOf(ctx.l.kindDefinite[kindOf(earlier)], formatMonth(earlier.date, ctx.language)) : undefined;
                return [para(fill(l.revised(slot(0), old.title ?? '', where), findingRef(ctx, neu, { capital: true })))];
            })
        });
    }
    blocks.push(...replacedAssessmentBlocks(ctx));
    blocks.push(...recommendationHistoryBlocks(ctx));
    return { key: 'development', title: ctx.l.chapters.development, blocks, children: [], pageBreak: 'if-long' };
}

/**
 * Each indicator's series as of the cutoff (V2.md "Indicators"): baseline, every measurement
 * with its date and source (by its report label, so privacy applies), and target; the
 * indicators never measured in one sentence.
 */
export function indicatorSeriesBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l.development, p = ctx.l.programme;
    const indicators = ctx.index.elementsOf<ast.Logic>('Logic').filter(hasId)
        .flatMap(logic => LEVELS.flatMap(level => logic.nodes.filter(n => n.level === level)
            .flatMap(node => [...node.indicators, ...logic.indicators.filter(i => i.node?.ref === node)])));
    for (const logic of ctx.index.elementsOf<ast.Logic>('Logic').filter(hasId)) {
        for (const ind of logic.indicators) if (!indicators.includes(ind)) indicators.push(ind);
    }
    if (!indicators.length) return [];
    const items: Block[][] = [];
    const unmeasured: string[] = [];
    for (const ind of indicators) {
        const series = measurementsAsOf(ind, ctx.inclusion.cutoff);
        if (!series.length) {
            unmeasured.push(quoted(ctx, ind.title ?? ''));
            continue;
        }
        const out: Inline[] = [{ type: 'strong', children: [text(ind.title ?? '')] }, text(': ')];
        const parts: Inline[][] = [];
        if (ind.baseline !== undefined) parts.push([text(`${p.baseline} ${indicatorValue(ctx, ind, ind.baseline)}`)]);
        series.forEach((m, i) => {
            // The unit once: after the target, else after the last value.
            const unit = ind.target === undefined && i === series.length - 1;
            parts.push([text(`${l.measurement(indicatorValue(ctx, ind, m.value, unit), formatDate(m.date, ctx.language))}`),
                ...(m.source?.ref ? [text(' ('), ...measurementSource(ctx, m), text(')')] : [])]);
        });
        if (ind.target !== undefined) parts.push([text(`${p.target} ${indicatorValue(ctx, ind, ind.target, true)}`)]);
        parts.forEach((part, i) => out.push(...(i ? [text(' → ')] : []), ...part));
        out.push(text('.'));
        items.push([para(out)]);
    }
    const blocks: Block[] = [];
    if (items.length) blocks.push(para([text(l.indicatorsLead)]), { type: 'list', ordered: false, items });
    if (unmeasured.length) blocks.push(para([text(l.notMeasured(listText(unmeasured, ctx.language), unmeasured.length !== 1))]));
    return blocks;
}

/** The assessments made anew (V2.md §1 "Replacement"): the older one, its date and rating, and the one in force now. */
export function replacedAssessmentBlocks(ctx: BuildContext): Block[] {
    const pairs = [...ctx.inclusion.assessmentReplacedBy.entries()].filter(([, neu]) => ctx.assessmentAnchor(neu) !== undefined);
    if (!pairs.length) return [];
    const l = ctx.l.development;
    return [
        para([text(l.assessmentsLead(count(pairs.length, 'assessment', ctx.language), pairs.length !== 1))]),
        {
            type: 'list', ordered: false,
            items: pairs.map(([old, neu]) => {
                const earlier = earlierReportWithAssessment(ctx, old);
                const where = earlier ? ctx.l.reportOf(ctx.l.kindDefinite[kindOf(earlier)], formatMonth(earlier.date, ctx.language)) : undefined;
                return [para(fill(
                l.assessmentReplaced(old.title ?? criterionName(ctx, old), old.date !== undefined ? formatDate(old.date, ctx.language) : undefined, ratingWord(ctx, old) ?? '–', slot(0), where),
                [text(quoted(ctx, neu.title ?? criterionName(ctx, neu)) + ' ('), ctx.sectionRef(ctx.assessmentAnchor(neu)!), text(')')]))];
            })
        }
    ];
}

/**
 * Each recommendation's history as of the cutoff (V2.md "Status shown"; checklist item 23):
 * as made, then every follow-up with its date, status and the client's response verbatim.
 */
export function recommendationHistoryBlocks(ctx: BuildContext): Block[] {
    if (!ctx.recommendations.length) return [];
    const l = ctx.l.development;
    return [
        para([text(l.recommendationsLead)]),
        {
            type: 'list', ordered: false,
            items: ctx.recommendations.map(r => {
                const history = recommendationHistory(r, ctx.inclusion.cutoff);
                const steps: HistoryStep[] = history.map((h, i) => ({
                    status: statusWord(ctx, h.status),
                    ...(h.date !== undefined ? { date: formatDate(h.date, ctx.language) } : {}),
                    ...(h.response ? { response: h.response } : {}),
                    unchanged: i > 0 && history[i - 1].status === h.status
                }));
                return [para(fill(l.history(slot(0), steps), recommendationRef(ctx, r, true)))];
            })
        }
    ];
}

const quoted = (ctx: BuildContext, title: string) => (ctx.language === 'en' ? `“${title}”` : `«${title}»`);
