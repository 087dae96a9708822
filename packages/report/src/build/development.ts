/** Programmets utvikling over tid (final report): the deliverables and the revised findings. */
import { dateOf } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { text, type Block } from '../document.js';
import { formatDate } from '../labels.js';
import { hasId, naturalCompare } from '../report-model.js';
import type { BuildContext } from './context.js';

export function developmentBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l;
    const blocks: Block[] = [];
    const reports = [...ctx.index.elementsOf<ast.Report>('Report')]
        .filter(x => hasId(x) && (dateOf(x)?.first ?? '') <= (dateOf(ctx.report)?.first ?? ''))
        .sort((a, b) => ((dateOf(a)?.first ?? '') < (dateOf(b)?.first ?? '') ? -1 : 1));
    blocks.push(ctx.table(l.earlierReports, [l.deliverable, l.reportNumber, l.date, l.cutoffOf],
        reports.map(x => [[text(`${l.kindTitle[x.kind ?? 'assessment']}: ${x.title}`)], [text(x.number ?? '–')],
            [text(formatDate(x.date, ctx.language))], [text(formatDate(x.cutoff, ctx.language) || '–')]]), [52, 16, 16, 16]));
    const pairs = [...ctx.inclusion.replacedBy.entries()].sort((a, b) => naturalCompare(a[1].name, b[1].name));
    if (pairs.length) {
        blocks.push(ctx.table(l.revisedPairs, [l.finding, l.replaces, l.date],
            pairs.map(([old, neu]) => [ctx.findingRef(neu, true), [text(`${old.name} ${old.title} (${formatDate(old.date, ctx.language)})`)], [text(formatDate(neu.date, ctx.language))]]),
            [40, 44, 16]));
    }
    return blocks;
}
