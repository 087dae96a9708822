/** The report's own `section` blocks, each a chapter of its own. */
import type * as ast from '@sporbar/language';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';

export function extraSections(ctx: BuildContext, used: ReadonlySet<ast.Section>): Draft[] {
    return ctx.report.sections.filter(s => !used.has(s)).map((s, i) => ({
        key: `section-${i + 1}`, title: s.title ?? '', blocks: ctx.slot(s.text, 1), children: [], pageBreak: 'if-long' as const
    }));
}

/** The `section` whose title names a final-report chapter (its own title or an alias), if any. */
export function sectionTitled(ctx: BuildContext, titles: readonly string[]): ast.Section | undefined {
    const wanted = new Set(titles.map(t => t.trim().toLowerCase()));
    return ctx.report.sections.find(s => wanted.has((s.title ?? '').trim().toLowerCase()));
}
