/**
 * Sammendrag (assessment and final): the authored `summary`, then what a reader at KS
 * must find there (report-exemplar §5, items 5 and 6): every high-priority recommendation
 * with its addressee, and the questions the report does not answer. In the interim note
 * the summary is chapter 1, Hovedpunkter; without an authored summary it lists the new
 * findings with their confidence.
 */
import { para, text, type Block } from '../document.js';
import { capitalise, count } from '../labels.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { findingRef, fill, joinList, questionRef, slot } from './naming.js';
import { recommendationSentence } from './recommendations.js';

export function summaryChapter(ctx: BuildContext): Draft | undefined {
    const blocks = ctx.slot(ctx.report.summary, 1);
    const high = ctx.recommendations.filter(r => r.priority === 'high');
    if (high.length) {
        blocks.push(para([text(ctx.l.recommendations.highPriorityLead(count(high.length, 'recommendation', ctx.language)))]));
        blocks.push({ type: 'list', ordered: false, items: high.map(r => [para(recommendationSentence(ctx, r))]) });
    }
    blocks.push(...unansweredBlocks(ctx));
    return blocks.length ? { key: 'summary', title: ctx.l.summary, blocks, children: [], numbering: 'plain', pageBreak: 'always' } : undefined;
}

/** "Problemstilling f er ikke besvart i denne rapporten; se avsnitt 4.6." */
export function unansweredBlocks(ctx: BuildContext): Block[] {
    const answered = new Set(ctx.inclusion.findings.flatMap(f => f.answers.map(a => a.ref)));
    const open = ctx.questionList.filter(q => !answered.has(q));
    if (!open.length) return [];
    const questions = joinList(ctx, open.map(q => [text(ctx.questionLabel(q))]));
    const sections = joinList(ctx, open.map(q => {
        const anchor = ctx.questionAnchor(q);
        return anchor ? [ctx.sectionRef(anchor)] : questionRef(ctx, q);
    }));
    const template = open.length === 1 ? ctx.l.method.questionNotAnswered(slot(0), slot(1)) : ctx.l.method.questionsNotAnswered(slot(0), slot(1));
    return [para(fill(template, questions, sections))];
}

export function keyPointsChapter(ctx: BuildContext): Draft {
    const blocks = ctx.slot(ctx.report.summary, 1);
    if (!blocks.length && ctx.shownFindings.length) {
        blocks.push(para([text(ctx.l.interim.keyPointsGenerated)]));
        blocks.push({
            type: 'list', ordered: false,
            items: ctx.shownFindings.map(f => [para([
                ...findingRef(ctx, f, { capital: true }), text(`: ${f.title ?? ''}${f.confidence ? ` (${ctx.l.confidenceWords[f.confidence]} ${confidenceNoun(ctx)})` : ''}.`)
            ])])
        });
    }
    return { key: 'key-points', title: ctx.l.chapters.keyPoints, blocks, children: [] };
}

function confidenceNoun(ctx: BuildContext): string {
    return { nb: 'tillit', nn: 'tillit', en: 'confidence' }[ctx.language];
}

export { capitalise };
