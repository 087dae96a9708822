/** Innledning: the authored introduction, the programme's goal and description, the client's needs and questions. */
import { hasId } from '../report-model.js';
import { para, text, type Block, type Inline } from '../document.js';
import { formatDate } from '../labels.js';
import type * as ast from '@sporbar/language';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';

export function introductionChapter(ctx: BuildContext): Draft {
    const l = ctx.l;
    return {
        key: 'introduction', title: l.introduction, blocks: ctx.slot(ctx.report.introduction, 1),
        children: [
            { key: 'programme-goal', title: l.goalAndDescription, blocks: programmeBlocks(ctx), children: [] },
            { key: 'questions', title: l.questions, blocks: questionBlocks(ctx), children: [] }
        ]
    };
}

const GOAL = { nb: 'Mål', nn: 'Mål', en: 'Goal' };
const PERIOD = { nb: 'Programperiode', nn: 'Programperiode', en: 'Programme period' };
const SDG = { nb: 'FNs bærekraftsmål', nn: 'FNs berekraftsmål', en: 'UN Sustainable Development Goals' };

export function programmeBlocks(ctx: BuildContext): Block[] {
    const p = ctx.programme;
    if (!p) return [];
    const blocks: Block[] = [];
    if (p.goal) blocks.push(para([{ type: 'strong', children: [text(`${GOAL[ctx.language]}: `)] }, text(p.goal)]));
    blocks.push(...ctx.slot(p.description, 2));
    const facts: Inline[] = [];
    if (p.period) facts.push(text(`${PERIOD[ctx.language]}: ${formatDate(p.period.start, ctx.language)} – ${formatDate(p.period.end, ctx.language)}. `));
    if (p.sdgs.length) facts.push(text(`${SDG[ctx.language]}: ${p.sdgs.join(', ')}.`));
    if (facts.length) blocks.push(para(facts));
    return blocks;
}

export function questionBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l;
    const blocks: Block[] = [];
    const needs = ctx.index.elementsOf<ast.Need>('Need').filter(hasId);
    if (needs.length) {
        blocks.push(para([text(`${l.needs}:`)]));
        blocks.push({
            type: 'list', ordered: false,
            items: needs.map(n => [para([{ type: 'strong', children: [text(n.title)] },
                ...(n.weight ? [text(` (${l.priority.toLowerCase()}: ${l.priorities[n.weight]})`)] : [])])])
        });
    }
    const rows = ctx.questions().map(q => {
        const count = ctx.inclusion.findings.filter(f => f.answers.some(a => a.ref === q)).length;
        return [[text(q.name)], [text(q.title)], [text(q.needs.map(n => n.ref?.title ?? n.$refText).join('; '))], [text(String(count))]];
    });
    blocks.push(ctx.table(`${l.questions}`, [l.id, l.question, l.need, l.findingsCount], rows, [6, 58, 24, 12]));
    return blocks;
}
