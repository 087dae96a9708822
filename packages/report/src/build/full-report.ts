/**
 * The chapters of an assessment basis and a final report, in order (report-exemplar §1.1,
 * §1.2): Sammendrag, 1 Innledning, 2 Metode og datagrunnlag, 3 Programmet, 4 Funn,
 * 5 Vurdering; in the final report 6 Programmets utvikling over tid and 7 Programmet i
 * norsk og internasjonal sammenheng; then Diskusjon and the report's own sections; in the
 * final report Læring for framtidige satsinger; last Konklusjoner og anbefalinger.
 */
import type * as ast from '@sporbar/language';
import { LABELS } from '../labels.js';
import { assessmentChapter } from './assessment.js';
import type { BuildContext } from './context.js';
import { developmentChapter } from './development.js';
import type { Draft } from './draft.js';
import { findingsChapter } from './findings.js';
import { contextChapter } from './international-context.js';
import { introductionChapter } from './introduction.js';
import { lessonsChapter } from './lessons.js';
import { methodChapter } from './method.js';
import { programmeChapter, type DrawnLogic } from './programme.js';
import { recommendationsChapter } from './recommendations.js';
import { extraSections, sectionsAfter, sectionTitled } from './sections.js';
import { summaryChapter } from './summary.js';

export async function fullChapters(ctx: BuildContext, drawn: DrawnLogic[]): Promise<Draft[]> {
    const r = ctx.report, l = ctx.l, final = ctx.kind === 'final';
    const chapters: Draft[] = [];
    const used = new Set<ast.Section>();
    const slots = new Set(['summary', 'introduction', 'method', 'programme', 'findings', 'assessment', 'recommendations']);
    const add = (draft: Draft | undefined, slot: string) => {
        if (draft) chapters.push(draft);
        chapters.push(...sectionsAfter(ctx, slot));
    };
    add(summaryChapter(ctx), 'summary');
    add(introductionChapter(ctx), 'introduction');
    add(methodChapter(ctx), 'method');
    add(await programmeChapter(ctx, drawn), 'programme');
    add(findingsChapter(ctx), 'findings');
    add(assessmentChapter(ctx), 'assessment');

    /** A `section` titled like a final-report chapter fills that chapter's narrative. */
    const take = (titles: readonly string[]) => {
        const s = final ? sectionTitled(ctx, titles) : undefined;
        if (!s) return [];
        used.add(s);
        return ctx.slot(s.text, 1);
    };
    if (final) {
        // The authored section's title may be in another language than the report (`--lang`).
        const titles = (part: 'development' | 'context') => Object.values(LABELS).flatMap(x => [x.chapters[part], ...x.chapterAliases[part]]);
        chapters.push(developmentChapter(ctx, take(titles('development'))));
        chapters.push(contextChapter(ctx, take(titles('context'))));
    }
    const discussion = ctx.slot(r.discussion, 1);
    if (discussion.length) chapters.push({ key: 'discussion', title: l.chapters.discussion, blocks: discussion, children: [], pageBreak: 'if-long' });
    chapters.push(...extraSections(ctx, used, slots));
    if (final) chapters.push(lessonsChapter(ctx));
    add(recommendationsChapter(ctx), 'recommendations');
    return chapters;
}
