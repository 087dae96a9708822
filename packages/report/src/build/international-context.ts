/** Norsk og internasjonal sammenheng (final report): the initiatives and what the findings say about them. */
import type * as ast from '@sporbar/language';
import { text, type Block, type Inline } from '../document.js';
import type { BuildContext } from './context.js';
import { joinInlines } from './inlines.js';

export function contextBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l;
    const initiatives = ctx.index.elementsOf<ast.Initiative>('Initiative').filter(i => i.name);
    if (!initiatives.length) return [];
    return [ctx.table(l.context, [l.initiative, l.country, l.findings], initiatives.map(i => {
        const about = ctx.inclusion.findings.filter(f => f.about.some(r => r.ref === i));
        const title: Inline = i.url && /^https?:/.test(i.url) ? { type: 'link', href: i.url, children: [text(i.title)] } : text(i.title);
        return [[title], [text(i.country ?? '')], about.length ? joinInlines(about.map(f => ctx.findingRef(f))) : [text('–')]];
    }), [56, 12, 32])];
}
