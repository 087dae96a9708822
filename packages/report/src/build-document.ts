/**
 * `buildDocument`: the loaded, validated workspace and one `report` element in, the
 * neutral document out (REPORTS.md "What each kind contains"). Everything the three
 * renderers print is decided in `build/`: one module per chapter or part, shared helpers
 * (context, numbering, privacy), each a function of the context it is given.
 */
import { dateOf, type LoadedWorkspace } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import type { ReportDocument } from './document.js';
import { LANGUAGE_TAGS } from './labels.js';
import { sourceOverview } from './build/appendices.js';
import { BuildContext, type BuildOptions } from './build/context.js';
import type { Draft } from './build/draft.js';
import { frontPage } from './build/front-matter.js';
import { fullChapters } from './build/full-report.js';
import { interimChapters } from './build/interim.js';
import { numberSections } from './build/numbering.js';
import { withoutProtectedNames } from './build/privacy.js';
import { referencesChapter } from './build/references.js';
import { summaryChapter } from './build/summary.js';

export type { BuildOptions } from './build/context.js';

export async function buildDocument(workspace: LoadedWorkspace, report: ast.Report, options: BuildOptions = {}): Promise<ReportDocument> {
    const ctx = new BuildContext(workspace, report, options);
    const drafts: Draft[] = [];
    const summary = summaryChapter(ctx);
    if (summary) drafts.push(summary);
    if (ctx.kind === 'interim') drafts.push(...interimChapters(ctx));
    else drafts.push(...await fullChapters(ctx));
    drafts.push(sourceOverview(ctx));
    const references = referencesChapter(ctx);
    if (references) drafts.push(references);
    const sections = numberSections(drafts, ctx.l.appendix);
    return withoutProtectedNames(ctx, {
        language: ctx.language,
        languageTag: LANGUAGE_TAGS[ctx.language],
        title: report.title ?? report.name,
        kind: ctx.kind,
        authors: report.authors.join(', '),
        date: dateOf(report)?.first ?? '1980-01-01',
        draftMark: options.draft ? ctx.l.draft : undefined,
        front: frontPage(ctx),
        contentsTitle: ctx.l.contents,
        captionWords: { table: ctx.l.table, figure: ctx.l.figure },
        sections
    });
}
