/** The chapters of an assessment basis and a final report, in order. */
import type * as ast from '@sporbar/language';
import type { Block } from '../document.js';
import { matrixAppendix } from './appendices.js';
import { assessmentChapter } from './assessment.js';
import type { BuildContext } from './context.js';
import { developmentBlocks } from './development.js';
import type { Draft } from './draft.js';
import { findingsChapter } from './findings.js';
import { contextBlocks } from './international-context.js';
import { introductionChapter } from './introduction.js';
import { lessonBlocks } from './lessons.js';
import { methodChapter } from './method.js';
import { programmeSections } from './programme.js';
import { recommendationBlocks } from './recommendations.js';
import { extraSections } from './sections.js';

export async function fullChapters(ctx: BuildContext): Promise<Draft[]> {
    const r = ctx.report, l = ctx.l, final = ctx.kind === 'final';
    const chapters: Draft[] = [];
    const sectionTitles = new Map(r.sections.map(s => [s.title.trim().toLowerCase(), s]));
    const used = new Set<ast.Section>();
    /** A `section` titled like a generated final-report chapter fills that chapter's narrative. */
    const takeSection = (title: string, level: number): Block[] => {
        const s = sectionTitles.get(title.trim().toLowerCase());
        if (!s || !final) return [];
        used.add(s);
        return ctx.slot(s.text, level);
    };

    chapters.push(introductionChapter(ctx));
    chapters.push(methodChapter(ctx));
    const programme = await programmeSections(ctx);
    if (final) programme.push({ key: 'development', title: l.development, blocks: [...takeSection(l.development, 2), ...developmentBlocks(ctx)], children: [] });
    chapters.push({ key: 'programme', title: l.theProgramme, blocks: [], children: programme });
    chapters.push(findingsChapter(ctx));
    chapters.push(assessmentChapter(ctx));

    const discussion = ctx.slot(r.discussion, 1);
    if (discussion.length) chapters.push({ key: 'discussion', title: l.discussion, blocks: discussion, children: [] });
    if (final) {
        chapters.push({ key: 'context', title: l.context, blocks: [...takeSection(l.context, 1), ...contextBlocks(ctx)], children: [] });
        chapters.push({ key: 'lessons', title: l.lessons, blocks: lessonBlocks(ctx), children: [] });
    }
    chapters.push(...extraSections(ctx, used));
    const conclusion = ctx.slot(r.conclusion, 1);
    if (conclusion.length) chapters.push({ key: 'conclusion', title: l.conclusion, blocks: conclusion, children: [] });
    chapters.push({ key: 'recommendations', title: l.recommendations, blocks: recommendationBlocks(ctx, false), children: [] });
    chapters.push(matrixAppendix(ctx));
    return chapters;
}
