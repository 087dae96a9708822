/** The interim note's chapters: short, for the council meeting. */
import { dateOf } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { para, text, type Block } from '../document.js';
import { formatDate } from '../labels.js';
import { hasId, indexOf, previousReport } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { findingDraft } from './findings.js';
import { cutoffBlocks, protectionBlocks } from './method.js';
import { recommendationBlocks } from './recommendations.js';
import { extraSections } from './sections.js';

export function interimChapters(ctx: BuildContext): Draft[] {
    const r = ctx.report, l = ctx.l;
    const chapters: Draft[] = [];
    const intro = ctx.slot(r.introduction, 1);
    if (intro.length) chapters.push({ key: 'introduction', title: l.introduction, blocks: intro, children: [] });
    chapters.push({
        key: 'method', title: l.method,
        blocks: [...ctx.slot(r.method, 1), ...cutoffBlocks(ctx), ...protectionBlocks(ctx)],
        children: []
    });
    const previous = previousReport(ctx.workspace, r);
    const since = previous
        ? l.since(previous.number ?? previous.title, formatDate(previous.cutoff ?? previous.date, ctx.language))
        : l.sinceNone;
    chapters.push({
        key: 'new-findings', title: l.newFindings,
        blocks: [para([text(since)])],
        children: ctx.shownFindings.map(f => findingDraft(ctx, f))
    });
    const discussion = ctx.slot(r.discussion, 1);
    if (discussion.length) chapters.push({ key: 'discussion', title: l.discussion, blocks: discussion, children: [] });
    chapters.push(...extraSections(ctx, new Set()));
    chapters.push({ key: 'recommendations', title: l.recommendationStatus, blocks: recommendationBlocks(ctx, true), children: [] });
    chapters.push({ key: 'unanswered', title: l.unanswered, blocks: unansweredBlocks(ctx), children: [] });
    chapters.push({ key: 'next', title: l.nextSteps, blocks: nextBlocks(ctx), children: [] });
    return chapters;
}

function unansweredBlocks(ctx: BuildContext): Block[] {
    const answered = new Set(ctx.inclusion.findings.flatMap(f => f.answers.map(a => a.ref)));
    const open = ctx.questions().filter(q => !answered.has(q));
    return open.length
        ? [{ type: 'list', ordered: false, items: open.map(q => [para([{ type: 'strong', children: [text(q.name)] }, text(` ${q.title}`)])]) }]
        : [para([text(ctx.l.none)])];
}

function nextBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l;
    const next: Block[] = [...ctx.slot(ctx.report.conclusion, 1)];
    const following = nextReport(ctx);
    if (following) {
        next.push(para([text(`${l.deliverable}: `), { type: 'emphasis', children: [text(following.title)] },
            text(`${following.number ? ` (${following.number})` : ''}${following.date !== undefined ? `, ${formatDate(following.date, ctx.language)}` : ''}.`)]));
    }
    return next;
}

/** The next deliverable after this report, by date. */
export function nextReport(ctx: BuildContext): ast.Report | undefined {
    const day = dateOf(ctx.report)?.first;
    if (!day) return undefined;
    return indexOf(ctx.workspace).elementsOf<ast.Report>('Report')
        .filter(x => hasId(x) && x !== ctx.report && (dateOf(x)?.first ?? '') > day)
        .sort((a, b) => (dateOf(a)!.first < dateOf(b)!.first ? -1 : 1))[0];
}
