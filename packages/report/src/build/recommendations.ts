/**
 * Anbefalinger (report-exemplar §3.6–3.7): a table — number, recommendation, addressee,
 * priority, horizon, basis and status as of the cut-off — a sentence on how many have
 * which status, and the client's responses quoted verbatim. The assessment basis and
 * the final report put them in "Konklusjoner og anbefalinger" after the authored
 * conclusion; the interim note in "Anbefalinger og oppfølging".
 */
import { statusAsOf, type RecommendationState } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { para, text, type Block, type Cell, type Inline } from '../document.js';
import { capitalise, countDefinite, formatDate, listText } from '../labels.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { fill, findingList, recommendationRef, slot } from './naming.js';

const STATUSES: readonly ast.RecommendationStatus[] = ['accepted', 'implemented', 'rejected', 'proposed'];

/**
 * The status and response a report shows for a recommendation (V2.md "Status shown"): those
 * of the latest follow-up dated on or before the report's cutoff, else the recommendation's
 * `status` (default proposed) and `response` (prog-time.ts).
 */
export function statusOf(ctx: BuildContext, r: ast.Recommendation): RecommendationState {
    return statusAsOf(r, ctx.inclusion.cutoff);
}

/** A status in words; "–" for a word the recovery parse kept that is no status (under --force). */
export function statusWord(ctx: BuildContext, status: ast.RecommendationStatus | undefined): string {
    return (status !== undefined ? ctx.l.recommendationStatuses[status] : undefined) ?? '–';
}

function addressees(ctx: BuildContext, r: ast.Recommendation): string {
    return listText(r.to.map(a => a.ref?.title ?? '').filter(Boolean), ctx.language);
}

/** "Anbefaling 2, til Strategisk råd (høy prioritet, kort sikt): Knytte … ." */
export function recommendationSentence(ctx: BuildContext, r: ast.Recommendation): Inline[] {
    const l = ctx.l.recommendations;
    return fill(l.sentence(slot(0), addressees(ctx, r), r.priority ? ctx.l.priorities[r.priority] : undefined, r.horizon ? ctx.l.horizons[r.horizon] : undefined, r.title ?? ''),
        recommendationRef(ctx, r, true));
}

export function recommendationsChapter(ctx: BuildContext): Draft {
    const conclusion = ctx.slot(ctx.report.conclusion, 1);
    const title = conclusion.length ? ctx.l.chapters.conclusions : ctx.l.chapters.recommendations;
    return { key: 'recommendations', title, blocks: [...conclusion, ...recommendationBlocks(ctx, false)], children: [], pageBreak: 'if-long' };
}

export function interimRecommendationsChapter(ctx: BuildContext): Draft {
    return { key: 'recommendations', title: ctx.l.chapters.recommendationFollowUp, blocks: recommendationBlocks(ctx, true), children: [] };
}

export function recommendationBlocks(ctx: BuildContext, short: boolean): Block[] {
    const l = ctx.l.recommendations, h = l.headers;
    const recs = ctx.recommendations;
    if (!recs.length) return [para([text(l.none)])];
    const cutoff = formatDate(ctx.report.cutoff ?? ctx.report.date, ctx.language);
    const header = short ? [h.number, h.recommendation, h.to, h.priority, h.status]
        : [h.number, h.recommendation, h.to, h.priority, h.horizon, h.basis, h.status];
    const rows: Cell[][] = recs.map((r, i) => {
        const basis = r.basedOn.map(b => b.ref).filter((f): f is ast.Finding => f !== undefined);
        const row: Cell[] = [
            [{ type: 'target', anchor: ctx.recommendationAnchor(r)!, children: [text(String(i + 1))] }, ...(ctx.internal ? [text(` [${r.name}]`)] : [])],
            [text(r.title ?? '')],
            [text(addressees(ctx, r) || '–')],
            [text(r.priority ? capitalise(ctx.l.priorities[r.priority]) : '–')]
        ];
        if (!short) {
            row.push([text(r.horizon ? capitalise(`${ctx.l.horizons[r.horizon]} ${ctx.language === 'en' ? 'term' : 'sikt'}`) : '–')]);
            row.push(basis.length ? findingList(ctx, basis, true) : [text('–')]);
        }
        row.push([text(capitalise(statusWord(ctx, statusOf(ctx, r).status)))]);
        return row;
    });
    const table = ctx.table(l.caption(cutoff), header, rows, { numeric: header.map((_, i) => i === 0) });
    const blocks: Block[] = [para(fill(l.lead(slot(0), countDefinite(recs.length, 'recommendation', ctx.language), cutoff), [ctx.captionRef(table, true)]))];
    blocks.push(table);
    const counts = STATUSES.map(s => [s, recs.filter(r => statusOf(ctx, r).status === s).length] as const);
    blocks.push(para([text(l.statusSummary(recs.length, counts))]));
    // The final report tells each recommendation's history in chapter 6; the other kinds quote the responses here.
    if (ctx.kind !== 'final') blocks.push(...responseBlocks(ctx));
    return blocks;
}

/** "Anbefaling 2 er gjennomført; oppdragsgiveren svarte: «…»." for each recommendation with a response. */
export function responseBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l.recommendations;
    const withResponse = ctx.recommendations.map(r => ({ r, state: statusOf(ctx, r) })).filter(x => x.state.response);
    if (!withResponse.length) return [];
    return [{
        type: 'list', ordered: false,
        items: withResponse.map(({ r, state }) => [para(fill(l.response(slot(0), statusWord(ctx, state.status), state.response), recommendationRef(ctx, r, true)))])
    }];
}

