/**
 * Innledning: the authored introduction; the programme's goal, description, period and
 * SDGs; the assignment (client and contract), the client's needs and the table of
 * questions with the number of findings on each.
 */
import type * as ast from '@sporbar/language';
import { para, text, type Block } from '../document.js';
import { count, countDefinite, formatMonth, formatPeriod, listText } from '../labels.js';
import { hasId } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { fill, slot } from './naming.js';

export function introductionChapter(ctx: BuildContext): Draft {
    const l = ctx.l;
    return {
        key: 'introduction', title: l.chapters.introduction, blocks: ctx.slot(ctx.report.introduction, 1), pageBreak: 'if-long',
        children: [
            { key: 'programme-goal', title: l.intro.goalAndDescription, blocks: programmeBlocks(ctx), children: [] },
            { key: 'questions', title: l.intro.questions, blocks: questionBlocks(ctx), children: [] }
        ]
    };
}

export function programmeBlocks(ctx: BuildContext): Block[] {
    const p = ctx.programme;
    if (!p) return [];
    const l = ctx.l;
    const blocks: Block[] = [];
    if (p.goal) blocks.push(para([text(l.intro.goal(p.goal))]));
    blocks.push(...ctx.slot(p.description, 2));
    const facts: string[] = [];
    if (p.period) facts.push(l.intro.period(formatPeriod(formatMonth(p.period.start, ctx.language), formatMonth(p.period.end, ctx.language))));
    if (p.sdgs.length) facts.push(l.intro.sdgs(listText(p.sdgs.map(String), ctx.language)));
    if (facts.length) blocks.push(para([text(facts.join(' '))]));
    return blocks;
}

export function questionBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l;
    const blocks: Block[] = [];
    const client = ctx.programme?.client?.ref;
    if (client) blocks.push(para([text(l.intro.assignment(client.title ?? '', ctx.programme?.contract))]));
    const needs = ctx.index.elementsOf<ast.Need>('Need').filter(hasId);
    if (needs.length) {
        blocks.push(para([text(l.intro.needsLead(count(needs.length, 'need', ctx.language)))]));
        blocks.push({
            type: 'list', ordered: false,
            items: needs.map(n => [para([text(`${n.title ?? ''}${n.weight ? ` (${l.intro.needPriority(l.priorities[n.weight])})` : ''}`)])])
        });
    }
    const questions = ctx.questionList;
    if (!questions.length) return blocks;
    const rows = questions.map(q => {
        const n = ctx.inclusion.findings.filter(f => f.answers.some(a => a.ref === q)).length;
        return [[text(ctx.questionLabel(q))], [text(q.title ?? '')], [text(q.needs.map(x => x.ref?.title ?? '').filter(Boolean).join('; ') || '–')], [text(String(n))]];
    });
    const table = ctx.table(l.intro.questionsCaption, [l.intro.headers.number, l.intro.headers.question, l.intro.headers.need, l.intro.headers.findings], rows, { numeric: [false, false, false, true] });
    blocks.push(para(fill(l.intro.questionsLead(slot(0), countDefinite(questions.length, 'question', ctx.language)), [ctx.captionRef(table, true)])));
    blocks.push(table);
    return blocks;
}
