/** Læring for framtidige satsinger (final report): the lessons with their basis. */
import { para, text, type Block } from '../document.js';
import { elementAnchor } from '../report-model.js';
import type { BuildContext } from './context.js';
import { joinInlines } from './inlines.js';

export function lessonBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l;
    if (!ctx.inclusion.lessons.length) return [para([text(l.none)])];
    return [ctx.table(l.lessons, [l.id, l.lesson, l.basis], ctx.inclusion.lessons.map(x => [
        [{ type: 'target', anchor: elementAnchor(x), children: [text(x.name)] }],
        [text(x.title)],
        joinInlines(x.basedOn.map(f => f.ref ? ctx.findingRef(f.ref) : [text(f.$refText)]))
    ]), [8, 66, 26])];
}
