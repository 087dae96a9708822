/** Sammendrag: the authored `summary` slot, unnumbered. */
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';

export function summaryChapter(ctx: BuildContext): Draft | undefined {
    const blocks = ctx.slot(ctx.report.summary, 1);
    return blocks.length ? { key: 'summary', title: ctx.l.summary, blocks, children: [], numbering: 'plain' } : undefined;
}
