/**
 * The report's own `section` blocks, each a chapter of its own: those with `after SLOT`
 * right after that chapter (V2.md §8 "Placing authored sections"), the others where v1 put
 * them (after the discussion).
 */
import type * as ast from '@sporbar/language';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';

function sectionDraft(ctx: BuildContext, s: ast.Section): Draft {
    const i = ctx.report.sections.indexOf(s);
    return { key: `section-${i + 1}`, title: s.title ?? '', blocks: ctx.slot(s.text, 1), children: [], pageBreak: 'if-long' };
}

/** Sections without a place of their own (no `after`, not taken by a final-report chapter). */
export function extraSections(ctx: BuildContext, used: ReadonlySet<ast.Section>, slots: ReadonlySet<string> = new Set()): Draft[] {
    return ctx.report.sections.filter(s => !used.has(s) && (!s.after || !slots.has(s.after))).map(s => sectionDraft(ctx, s));
}

/** Sections placed after a chapter (`after method`). */
export function sectionsAfter(ctx: BuildContext, slot: string, used: ReadonlySet<ast.Section> = new Set()): Draft[] {
    return ctx.report.sections.filter(s => s.after === slot && !used.has(s)).map(s => sectionDraft(ctx, s));
}

/** The `section` whose title names a final-report chapter (its own title or an alias), if any. */
export function sectionTitled(ctx: BuildContext, titles: readonly string[]): ast.Section | undefined {
    const wanted = new Set(titles.map(t => t.trim().toLowerCase()));
    return ctx.report.sections.find(s => !s.after && wanted.has((s.title ?? '').trim().toLowerCase()));
}
