/** Læring for framtidige satsinger (final report): each lesson with its number, title and basis. */
import type * as ast from '@sporbar/language';
import { para, text, type Block } from '../document.js';
import { count } from '../labels.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { fill, findingList, slot } from './naming.js';

export function lessonsChapter(ctx: BuildContext): Draft {
    const l = ctx.l.lessons;
    const blocks: Block[] = [];
    if (ctx.lessons.length) {
        blocks.push(para([text(l.lead(count(ctx.lessons.length, 'lesson', ctx.language)))]));
        ctx.lessons.forEach((x, i) => {
            const basis = x.basedOn.map(b => b.ref).filter((f): f is ast.Finding => f !== undefined);
            blocks.push(para([
                { type: 'target', anchor: ctx.lessonAnchor(x)!, children: [{ type: 'strong', children: [text(`${l.lesson(String(i + 1))}${ctx.internal ? ` [${x.name}]` : ''}: `)] }] },
                text(`${x.title ?? ''}${/[.!?]$/.test(x.title ?? '') ? '' : '.'} `),
                ...(basis.length ? fill(l.basis(slot(0)), findingList(ctx, basis)) : [])
            ]));
        });
    }
    return { key: 'lessons', title: ctx.l.chapters.lessons, blocks, children: [], pageBreak: 'if-long' };
}
