/** Anbefalinger: the table of included recommendations (short form in the interim note). */
import { para, text, type Block, type Cell, type Inline } from '../document.js';
import { elementAnchor } from '../report-model.js';
import type { BuildContext } from './context.js';
import { joinInlines } from './inlines.js';

export function recommendationBlocks(ctx: BuildContext, short: boolean): Block[] {
    const l = ctx.l, final = ctx.kind === 'final';
    const recs = ctx.inclusion.recommendations;
    if (!recs.length) return [para([text(l.none)])];
    const header = short ? [l.id, l.recommendation, l.addressee, l.priority, l.status]
        : final ? [l.id, l.recommendation, l.addressee, l.priority, l.horizon, l.basis, l.status]
            : [l.id, l.recommendation, l.addressee, l.priority, l.horizon, l.basis];
    const rows = recs.map(rec => {
        const row: Cell[] = [
            [{ type: 'target', anchor: elementAnchor(rec), children: [text(rec.name)] }],
            [text(rec.title)],
            [text(rec.to.map(a => a.ref?.title ?? a.$refText).join('; ') || '–')],
            [text(rec.priority ? l.priorities[rec.priority] : '–')]
        ];
        if (!short) {
            row.push([text(rec.horizon ? l.horizons[rec.horizon] : '–')]);
            row.push(joinInlines(rec.basedOn.map(f => f.ref ? ctx.findingRef(f.ref) : [text(f.$refText)])));
        }
        if (short || final) row.push([text(rec.status ? l.recommendationStatuses[rec.status] : '–'), ...(rec.response ? [{ type: 'break' } as Inline, { type: 'emphasis', children: [text(rec.response)] } as Inline] : [])]);
        return row;
    });
    const widths = short ? [7, 45, 22, 10, 16] : final ? [6, 30, 18, 9, 9, 10, 18] : [7, 40, 22, 10, 10, 11];
    return [ctx.table(l.recommendations, header, rows, widths)];
}
