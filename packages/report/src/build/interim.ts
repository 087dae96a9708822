/**
 * The interim note (report-exemplar §1.3): a note for the council meeting, not a report —
 * Hovedpunkter, the authored introduction, new and revised findings, discussion and the
 * report's own sections, recommendations and follow-up, questions without confirmed
 * findings, the way ahead, and a short "Om datagrunnlaget".
 */
import { dateOf } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { para, text, type Block } from '../document.js';
import { formatDate } from '../labels.js';
import { hasId, kindOf } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { kindAndTitle } from './front-matter.js';
import { newFindingsChapter } from './findings.js';
import { aboutDataChapter } from './method.js';
import { fill, joinList, questionRef, slot } from './naming.js';
import { interimRecommendationsChapter } from './recommendations.js';
import { extraSections, sectionsAfter } from './sections.js';
import { keyPointsChapter } from './summary.js';

export function interimChapters(ctx: BuildContext): Draft[] {
    const r = ctx.report, l = ctx.l;
    const chapters: Draft[] = [];
    const noBreak = (d: Draft): Draft => ({ ...d, pageBreak: undefined });
    // The note has no programme or assessment chapter; sections placed after them run with the others.
    const slots = new Set(['summary', 'introduction', 'method', 'findings', 'recommendations']);
    const add = (draft: Draft | undefined, slot: string) => {
        if (draft) chapters.push(draft);
        chapters.push(...sectionsAfter(ctx, slot).map(noBreak));
    };
    add(keyPointsChapter(ctx), 'summary');
    const intro = ctx.slot(r.introduction, 1);
    add(intro.length ? { key: 'introduction', title: l.chapters.introduction, blocks: intro, children: [] } : undefined, 'introduction');
    add(newFindingsChapter(ctx), 'findings');
    const discussion = ctx.slot(r.discussion, 1);
    if (discussion.length) chapters.push({ key: 'discussion', title: l.chapters.discussion, blocks: discussion, children: [] });
    chapters.push(...extraSections(ctx, new Set(), slots).map(noBreak));
    add(interimRecommendationsChapter(ctx), 'recommendations');
    chapters.push({ key: 'open-questions', title: l.chapters.openQuestions, blocks: openQuestionBlocks(ctx), children: [] });
    chapters.push({ key: 'next', title: l.chapters.nextSteps, blocks: nextBlocks(ctx), children: [] });
    add(aboutDataChapter(ctx), 'method');
    return chapters;
}

function openQuestionBlocks(ctx: BuildContext): Block[] {
    const answered = new Set(ctx.inclusion.findings.flatMap(f => f.answers.map(a => a.ref)));
    const open = ctx.questionList.filter(q => !answered.has(q));
    if (!open.length) return [para([text(ctx.l.interim.allAnswered)])];
    return [
        para(fill(ctx.l.interim.openQuestionsLead(slot(0)), joinList(ctx, open.map(q => questionRef(ctx, q, { bare: true }))))),
        { type: 'list', ordered: false, items: open.map(q => [para([{ type: 'strong', children: [text(`${ctx.questionLabel(q)}: `)] }, text(q.title ?? '')])]) }
    ];
}

function nextBlocks(ctx: BuildContext): Block[] {
    const next: Block[] = [...ctx.slot(ctx.report.conclusion, 1)];
    const following = nextReport(ctx);
    if (following) {
        const kind = ctx.l.kindDefinite[kindOf(following)];
        const title = kindAndTitle(ctx.l.kindTitle[kindOf(following)], following.title ?? '').title;
        next.push(para([text(ctx.l.interim.nextReport(kind, title, following.number, following.date !== undefined ? formatDate(following.date, ctx.language) : undefined))]));
    }
    return next;
}

/** The next deliverable after this report, by date. */
export function nextReport(ctx: BuildContext): ast.Report | undefined {
    const day = dateOf(ctx.report)?.first;
    if (!day) return undefined;
    return ctx.index.elementsOf<ast.Report>('Report')
        .filter(x => hasId(x) && x !== ctx.report && (dateOf(x)?.first ?? '') > day)
        .sort((a, b) => (dateOf(a)!.first < dateOf(b)!.first ? -1 : 1))[0];
}
