/**
 * The programme-logic figure in words (V2.md §7 "Accessibility"): a one-sentence alt text
 * and, in an appendix, the long description as a list — level by level, each element with
 * what it leads to, then the numbered assumptions with their status.
 */
import { LEVELS } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { para, text, type Block } from '../document.js';
import { capitalise, count, listText } from '../labels.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { fill, slot } from './naming.js';
import { assumptionTarget, type DrawnLogic } from './programme.js';

function levelsPhrase(ctx: BuildContext, logic: ast.Logic): string {
    const levels = LEVELS.filter(level => logic.nodes.some(n => n.level === level));
    if (!levels.length) return '';
    const words = ctx.l.levelPlural;
    return ctx.l.figureAppendix.levels(count(levels.length, 'level', ctx.language), words[levels[0]].toLowerCase(), words[levels[levels.length - 1]].toLowerCase());
}

/** "Programteorien «…» i fem nivåer fra innsatsfaktorer til samfunnseffekter, med seks forutsetninger markert; full beskrivelse i vedlegg C." */
export function figureAlt(ctx: BuildContext, logic: ast.Logic, appendix: string): string {
    const assumptions = logic.assumptions.filter(a => a.name).length;
    return ctx.l.figureAppendix.alt(logic.title ?? '', levelsPhrase(ctx, logic), assumptions ? count(assumptions, 'assumption', ctx.language) : '', appendix);
}

export function figureDescriptionAppendix(ctx: BuildContext, drawn: DrawnLogic, key: string): Draft {
    const l = ctx.l.figureAppendix;
    const { logic, figure } = drawn;
    const nodes = logic.nodes.filter(n => n.name && n.level);
    const blocks: Block[] = [para(fill(l.lead(slot(0), logic.title ?? '', levelsPhrase(ctx, logic)), [ctx.captionRef(figure, true)]))];
    const items: Block[][] = [];
    for (const level of LEVELS) {
        const here = nodes.filter(n => n.level === level);
        if (!here.length) continue;
        items.push([
            para([{ type: 'strong', children: [text(ctx.l.levelPlural[level])] }]),
            {
                type: 'list', ordered: false,
                items: here.map(n => {
                    const targets = [...(ctx.index.data.edges.get(n) ?? [])].filter(t => nodes.includes(t)).map(t => `«${t.title ?? ''}»`);
                    return [para([text(`«${n.title ?? ''}»${targets.length ? ` ${l.leadsTo(listText(targets, ctx.language))}` : ''}.`)])];
                })
            }
        ]);
    }
    blocks.push({ type: 'list', ordered: false, items });
    const assumptions = logic.assumptions.filter(a => a.name);
    if (assumptions.length) {
        blocks.push(para([text(l.assumptionsLead)]));
        blocks.push({
            type: 'list', ordered: false,
            items: assumptions.map((a, i) => [para([text(capitalise(l.assumption(i + 1, a.title ?? '', assumptionTarget(a), ctx.l.assumptionStatuses[ctx.assumptionState(a)])))])])
        });
    }
    return {
        key, title: '', titleLate: () => ctx.l.chapters.figureDescription(ctx.captionRefText(figure, false)()),
        blocks, children: [], numbering: 'appendix', pageBreak: 'if-long'
    };
}
