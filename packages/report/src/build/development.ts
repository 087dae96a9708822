/**
 * Programmets utvikling over tid (final report): the authored section of that title, the
 * deliverables of the evaluation, the revised findings with what they replaced, and how
 * each recommendation was followed up, with the client's response.
 */
import { dateOf } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { para, text, type Block } from '../document.js';
import { count, countDefinite, formatDateShort, formatMonth } from '../labels.js';
import { hasId } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { kindAndTitle } from './front-matter.js';
import { earlierReportWith } from './findings.js';
import { fill, findingRef, slot } from './naming.js';
import { responseBlocks } from './recommendations.js';

export function developmentChapter(ctx: BuildContext, authored: Block[]): Draft {
    const l = ctx.l.development;
    const blocks: Block[] = [...authored];
    const reports = [...ctx.index.elementsOf<ast.Report>('Report')]
        .filter(x => hasId(x) && (dateOf(x)?.first ?? '') <= (dateOf(ctx.report)?.first ?? ''))
        .sort((a, b) => ((dateOf(a)?.first ?? '') < (dateOf(b)?.first ?? '') ? -1 : 1));
    if (reports.length) {
        const table = ctx.table(l.deliverablesCaption, [l.headers.kind, l.headers.title, l.headers.number, l.headers.date, l.headers.cutoff],
            reports.map(x => {
                const kind = ctx.l.kindTitle[x.kind ?? 'assessment'];
                return [[text(kind)], [text(kindAndTitle(kind, x.title ?? '').title)], [text(x.number ?? '–')],
                    [text(formatDateShort(x.date, ctx.language) || '–')], [text(formatDateShort(x.cutoff ?? x.date, ctx.language) || '–')]];
            }));
        blocks.push(para(fill(l.deliverablesLead(slot(0), countDefinite(reports.length, 'report', ctx.language)), [ctx.captionRef(table, true)])), table);
    }
    const pairs = [...ctx.inclusion.replacedBy.entries()].filter(([, neu]) => ctx.findingPosition(neu) !== undefined)
        .sort((a, b) => (ctx.findingPosition(a[1]) ?? 0) - (ctx.findingPosition(b[1]) ?? 0));
    if (pairs.length) {
        blocks.push(para([text(l.revisedLead(count(pairs.length, 'finding', ctx.language), pairs.length !== 1))]));
        blocks.push({
            type: 'list', ordered: false,
            items: pairs.map(([old, neu]) => {
                const earlier = earlierReportWith(ctx, old);
                const where = earlier ? ctx.l.reportOf(ctx.l.kindDefinite[earlier.kind ?? 'assessment'], formatMonth(earlier.date, ctx.language)) : undefined;
                return [para(fill(l.revised(slot(0), old.title ?? '', where), findingRef(ctx, neu, { capital: true })))];
            })
        });
    }
    const responses = responseBlocks(ctx);
    if (responses.length) blocks.push(para([text(l.recommendationsLead)]), ...responses);
    return { key: 'development', title: ctx.l.chapters.development, blocks, children: [], pageBreak: 'if-long' };
}
