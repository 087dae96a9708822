/**
 * `buildDocument`: the loaded, validated workspace and one `report` element in, the
 * neutral document out (REPORTS.md "What each kind contains", V2.md §7). Everything the
 * three renderers print is decided in `build/`: one module per chapter or part, and shared
 * helpers — the context with the numbering plan, naming, numbering, privacy.
 *
 * Order of work: the chapters are written (their references to numbers still late), then
 * the work that needs every citation (the data table, the source overview), then sections,
 * tables and figures are numbered and the late texts filled in.
 */
import type { LoadedWorkspace } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import type { ReportDocument } from './document.js';
import { LANGUAGE_TAGS } from './labels.js';
import { matrixAppendix, sourceOverview } from './build/appendices.js';
import { BuildContext, type BuildOptions } from './build/context.js';
import type { Draft } from './build/draft.js';
import { figureDescriptionAppendix } from './build/figure-description.js';
import { frontMatter, frontSections, reportDay } from './build/front-matter.js';
import { fullChapters } from './build/full-report.js';
import { interimChapters } from './build/interim.js';
import { numberCaptions, numberSections } from './build/numbering.js';
import { withoutProtectedNames } from './build/privacy.js';
import type { DrawnLogic } from './build/programme.js';
import { referencesChapter } from './build/references.js';
import { reportFront } from './build/v2-fields.js';

export type { BuildOptions } from './build/context.js';

export async function buildDocument(workspace: LoadedWorkspace, report: ast.Report, options: BuildOptions = {}): Promise<ReportDocument> {
    const ctx = new BuildContext(workspace, report, options);
    const front = frontSections(ctx);
    const drawn: DrawnLogic[] = [];
    const chapters: Draft[] = ctx.kind === 'interim' ? interimChapters(ctx) : await fullChapters(ctx, drawn);
    const appendices: Draft[] = [];
    if (ctx.kind !== 'interim') appendices.push(matrixAppendix(ctx));
    ctx.runDeferred();
    appendices.push(sourceOverview(ctx));
    drawn.forEach((d, i) => appendices.push(figureDescriptionAppendix(ctx, d, `figure-description-${i + 1}`)));
    // Referanser before the appendices (V2.md §7); built last, when every citation is known.
    const references = referencesChapter(ctx);
    const drafts = [...chapters, ...(references ? [references] : []), ...appendices];
    if (ctx.kind === 'interim') for (const d of appendices) d.pageBreak = 'if-long';

    const frontNumbered = numberSections(ctx, front);
    const sections = numberSections(ctx, drafts);
    numberCaptions(ctx, sections);
    ctx.resolve();
    for (const problem of ctx.citations.problems) ctx.notice(problem);

    return withoutProtectedNames(ctx, {
        language: ctx.language,
        languageTag: LANGUAGE_TAGS[ctx.language],
        title: report.title ?? report.name,
        kind: ctx.kind,
        authors: report.authors.join(', '),
        keywords: reportFront(report).keywords,
        date: reportDay(report),
        draftMark: options.draft ? ctx.l.draft : undefined,
        front: frontMatter(ctx, frontNumbered),
        contentsTitle: ctx.l.contents,
        contentsLevels: ctx.kind === 'interim' ? 1 : 2,
        captionWords: { table: ctx.l.table, figure: ctx.l.figure, source: ctx.l.sourceLine, note: ctx.l.noteLine },
        sections
    });
}
