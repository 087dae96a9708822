/**
 * What every chapter module reads: the workspace, the report, its language and labels, what
 * it includes and in which order (the numbering plan), how sources are presented, the
 * citations, and the running state (cited sources, late-bound texts, numbers).
 *
 * The plan is made before any chapter is written: the findings in the order the report
 * shows them, the recommendations, lessons and assessments with their anchors. Anchors are
 * built from positions, never from element IDs (V2.md §7). Numbers that depend on which
 * chapters exist ("funn 4.1", "tabell 2.3", "vedlegg A") are late-bound (`late.ts`).
 */
import type { AstNode } from 'langium';
import { DAC_CRITERIA, evidenceSources, traceabilityMatrix, type LoadedWorkspace, type MatrixRow, type TraceabilityMatrix } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { createCitations, type Citations } from '../citations.js';
import { text, type Block, type Cell, type Inline, type Table } from '../document.js';
import { capitalise, labelsFor, type Labels, type ReportLanguage } from '../labels.js';
import { narrativeBlocks, type RefContext } from '../narrative.js';
import {
    anchorName, assumptionStatus, byName, inclusionOf, indexOf, newSince,
    kindOf, presentSources, previousReport, type Inclusion, type SourcePresentation
} from '../report-model.js';
import { seriesLabels } from '../report-data.js';
import { LateTexts } from './late.js';
import { nameInText } from './naming.js';

export interface BuildOptions {
    /** Overrides the report's `language` (`--lang`). */
    readonly language?: ReportLanguage;
    /** Adds element IDs to the text (`--internal`, for the team only). */
    readonly internal?: boolean;
    /** Marks the document "UTKAST / DRAFT" (`--force`). */
    readonly draft?: boolean;
    /** Receives notes for the author (never printed in the report): Title Case titles, bibliography problems. */
    readonly notices?: (message: string) => void;
}

/** Numbers known once the chapters are numbered. */
export interface Numbers {
    /** Chapter number or appendix letter by draft key ("findings" → "4", "matrix" → "A"). */
    readonly byKey: Map<string, string>;
    /** Section, table and figure numbers by anchor ("2.3", "A.1"). */
    readonly byAnchor: Map<string, string>;
}

export class BuildContext {
    readonly language: ReportLanguage;
    readonly l: Labels;
    readonly kind: ast.ReportKind;
    readonly internal: boolean;
    readonly programme: ast.Programme | undefined;
    readonly inclusion: Inclusion;
    readonly sources: Map<ast.Source, SourcePresentation>;
    readonly citations: Citations;
    /** Findings shown in full, in the order the report shows them. */
    readonly shownFindings: readonly ast.Finding[];
    /** The question each shown finding is placed under (its first answered question). */
    readonly placement: ReadonlyMap<ast.Finding, ast.Question>;
    readonly questionList: readonly ast.Question[];
    readonly assessments: readonly ast.Assessment[];
    readonly recommendations: readonly ast.Recommendation[];
    readonly lessons: readonly ast.Lesson[];
    readonly usedSources = new Set<ast.Source>();
    readonly late = new LateTexts();
    readonly numbers: Numbers = { byKey: new Map(), byAnchor: new Map() };
    /** The key of the chapter that holds the findings ("findings", or "new-findings" in the interim note). */
    readonly findingsKey: string;
    private readonly findingSeq = new Map<ast.Finding, number>();
    private readonly questionLabels = new Map<ast.Question, string>();
    private readonly deferred: (() => void)[] = [];
    private tables = 0;
    private figures = 0;

    constructor(readonly workspace: LoadedWorkspace, readonly report: ast.Report, readonly options: BuildOptions) {
        this.language = options.language ?? report.language ?? 'nb';
        this.l = labelsFor(this.language);
        this.kind = kindOf(report);
        this.internal = options.internal ?? false;
        this.programme = indexOf(workspace).data.programmes[0];
        this.inclusion = inclusionOf(workspace, report);
        this.sources = presentSources(workspace, this.l, this.internal, seriesLabels(workspace, this.language));
        this.citations = createCitations(workspace, this.programme, this.language);
        this.findingsKey = this.kind === 'interim' ? 'new-findings' : 'findings';

        this.questionList = [...this.index.elementsOf<ast.Question>('Question')].filter(q => q.name).sort(byName);
        const letters = this.questionList.every(q => /^\p{L}$/u.test(q.name));
        this.questionList.forEach((q, i) => this.questionLabels.set(q, letters ? q.name : String(i + 1)));

        const shown = this.kind === 'interim'
            ? newSince(this.inclusion.findings, previousReport(workspace, report))
            : [...this.inclusion.findings];
        const placement = new Map<ast.Finding, ast.Question>();
        for (const f of shown) {
            const first = f.answers.map(a => a.ref).find((q): q is ast.Question => q !== undefined && this.questionLabels.has(q));
            if (first) placement.set(f, first);
        }
        this.placement = placement;
        const rank = (f: ast.Finding) => {
            const q = placement.get(f);
            return q ? this.questionList.indexOf(q) : this.questionList.length;
        };
        this.shownFindings = shown.sort((a, b) => rank(a) - rank(b) || byName(a, b));
        this.shownFindings.forEach((f, i) => this.findingSeq.set(f, i + 1));

        this.recommendations = this.inclusion.recommendations;
        this.lessons = this.kind === 'final' ? this.inclusion.lessons : [];
        const dacRank = (a: ast.Assessment) => {
            const dac = a.criterion?.dac;
            return dac ? DAC_CRITERIA.indexOf(dac) : DAC_CRITERIA.length;
        };
        this.assessments = this.kind === 'interim' ? [] : [...this.inclusion.assessments].sort((a, b) => dacRank(a) - dacRank(b) || byName(a, b));
    }

    get index() {
        return indexOf(this.workspace);
    }

    notice(message: string): void {
        this.options.notices?.(message);
    }

    // -----------------------------------------------------------------------------------
    // The plan

    /** Position of a shown finding (1-based), or undefined when the report does not show it. */
    findingPosition(f: ast.Finding): number | undefined {
        return this.findingSeq.get(f);
    }

    findingAnchor(f: ast.Finding): string | undefined {
        const n = this.findingSeq.get(f);
        return n === undefined ? undefined : `funn_${n}`;
    }

    /** "4.1": the finding's number (late: the findings chapter's number is known after numbering). */
    findingNumber(f: ast.Finding): Inline {
        return this.late.text(() => this.findingNumberNow(f));
    }

    findingNumberNow(f: ast.Finding): string {
        const chapterNo = this.numbers.byKey.get(this.findingsKey);
        const n = this.findingSeq.get(f);
        return chapterNo ? `${chapterNo}.${n}` : String(n);
    }

    /** The finding a reader finds in this report for `f`: itself, or the shown finding that replaces it. */
    shownFor(f: ast.Finding): ast.Finding | undefined {
        if (this.findingSeq.has(f)) return f;
        const by = this.inclusion.replacedBy.get(f);
        return by && this.findingSeq.has(by) ? by : undefined;
    }

    recommendationNumber(r: ast.Recommendation): number | undefined {
        const i = this.recommendations.indexOf(r);
        return i < 0 ? undefined : i + 1;
    }

    recommendationAnchor(r: ast.Recommendation): string | undefined {
        const n = this.recommendationNumber(r);
        return n === undefined ? undefined : `anb_${n}`;
    }

    lessonNumber(x: ast.Lesson): number | undefined {
        const i = this.lessons.indexOf(x);
        return i < 0 ? undefined : i + 1;
    }

    lessonAnchor(x: ast.Lesson): string | undefined {
        const n = this.lessonNumber(x);
        return n === undefined ? undefined : `laer_${n}`;
    }

    assessmentAnchor(a: ast.Assessment): string | undefined {
        const i = this.assessments.indexOf(a);
        return i < 0 ? undefined : `vurd_${i + 1}`;
    }

    questionLabel(q: ast.Question): string {
        return this.questionLabels.get(q) ?? '?';
    }

    /** The anchor of a question's section in the findings chapter (assessment and final reports). */
    questionAnchor(q: ast.Question): string | undefined {
        if (this.kind === 'interim') return undefined;
        const i = this.questionList.indexOf(q);
        return i < 0 ? undefined : `kap_problemstilling_${i + 1}`;
    }

    // -----------------------------------------------------------------------------------
    // Late numbers

    /** A section's number ("5.1") as late text. */
    sectionNumber(anchor: string): Inline {
        return this.late.text(() => this.numbers.byAnchor.get(anchor) ?? '');
    }

    /** "avsnitt 5.1" linking to the section. */
    sectionRef(anchor: string, capital = false): Inline {
        const word = capital ? capitalise(this.l.sectionWord) : this.l.sectionWord;
        return { type: 'xref', anchor, children: [this.late.text(() => `${word}\u00a0${this.numbers.byAnchor.get(anchor) ?? ''}`)] };
    }

    /** "vedlegg A" (or "kapittel 2" for a chapter) linking to the part with that key. */
    partRef(key: string, capital = false): Inline {
        const word = capital ? capitalise(this.l.appendixWord) : this.l.appendixWord;
        return { type: 'xref', anchor: anchorName('kap', key), children: [this.late.text(() => `${word}\u00a0${this.numbers.byKey.get(key) ?? ''}`)] };
    }

    /** Plain late text of a part reference, for sentences built as strings. */
    partRefText(key: string): () => string {
        return () => `${this.l.appendixWord}\u00a0${this.numbers.byKey.get(key) ?? ''}`;
    }

    // -----------------------------------------------------------------------------------
    // Blocks

    /**
     * This context with the labels of another language, for a text written in that language
     * inside the report (the English summary of a Norwegian report), so that its references
     * read "finding 4.1", not "funn 4.1". Everything else (numbers, anchors, what is cited)
     * is this context's; use it for narrative slots only (its table and figure counters
     * would not be shared).
     */
    inLanguage(language: ReportLanguage): BuildContext {
        if (language === this.language) return this;
        return Object.create(this, { language: { value: language }, l: { value: labelsFor(language) } }) as BuildContext;
    }

    /** The blocks of a narrative slot, with `@ID` references resolved. */
    slot(block: ast.TextBlock | undefined, level: number): Block[] {
        return narrativeBlocks(block, level, (target, written, context) => this.refInline(target, written, context));
    }

    /** A table; its number ("2.1") is set when the chapters are numbered. */
    table(caption: string | readonly Inline[], header: readonly string[], rows: Cell[][], extra: { numeric?: boolean[]; source?: Inline[]; note?: Inline[] } = {}): Table {
        return {
            type: 'table', anchor: anchorName('tabell', String(++this.tables)), number: '',
            caption: typeof caption === 'string' ? [text(caption)] : caption,
            header: header.map(h => [text(h)]), rows,
            ...(extra.numeric ? { numeric: extra.numeric } : {}),
            ...(extra.source ? { source: extra.source } : {}),
            ...(extra.note ? { note: extra.note } : {})
        };
    }

    figureAnchor(): string {
        return anchorName('figur', String(++this.figures));
    }

    /** "Tabell 2.1" / "tabell 2.1" linking to a table or figure. */
    captionRef(block: { anchor: string; type: 'table' | 'figure' }, capital: boolean): Inline {
        const word = block.type === 'table' ? this.l.tableWord : this.l.figureWord;
        const shown = capital ? capitalise(word) : word;
        return { type: 'xref', anchor: block.anchor, children: [this.late.text(() => `${shown}\u00a0${this.numbers.byAnchor.get(block.anchor) ?? ''}`)] };
    }

    captionRefText(block: { anchor: string; type: 'table' | 'figure' }, capital: boolean): () => string {
        const word = block.type === 'table' ? this.l.tableWord : this.l.figureWord;
        return () => `${capital ? capitalise(word) : word}\u00a0${this.numbers.byAnchor.get(block.anchor) ?? ''}`;
    }

    /** Work to do once every chapter is written (counts of what the report cites). */
    afterChapters(fn: () => void): void {
        this.deferred.push(fn);
    }

    runDeferred(): void {
        for (const fn of this.deferred) fn();
        this.deferred.length = 0;
    }

    private readonly numbered: (() => void)[] = [];

    /** Work to do once every number is known and the late texts are filled in (titles, alt texts). */
    afterNumbering(fn: () => void): void {
        this.numbered.push(fn);
    }

    /** Fills in the late texts, then runs the work that needs them. */
    resolve(): void {
        this.late.resolve();
        for (const fn of this.numbered) fn();
        this.numbered.length = 0;
    }

    // -----------------------------------------------------------------------------------
    // Model questions

    private matrixCache?: { matrix: TraceabilityMatrix; rows: Map<string, MatrixRow> };

    /** The traceability matrix of the findings this report shows (prog-matrix.ts: triangulation, usage). */
    matrix(): TraceabilityMatrix {
        return this.matrixData().matrix;
    }

    matrixRow(f: ast.Finding): MatrixRow | undefined {
        return this.matrixData().rows.get(f.name);
    }

    private matrixData() {
        if (!this.matrixCache) {
            const shown = new Set(this.shownFindings);
            const matrix = traceabilityMatrix(this.index, { includeFinding: f => shown.has(f) });
            this.matrixCache = { matrix, rows: new Map(matrix.rows.map(r => [r.id, r])) };
        }
        return this.matrixCache;
    }

    /** Sources behind the report: cited by the included findings' evidence. */
    evidenceSources(): ast.Source[] {
        const set = new Set<ast.Source>();
        for (const f of this.inclusion.findings) for (const s of evidenceSources(f)) set.add(s);
        return [...set];
    }

    assumptionState(a: ast.Assumption) {
        return assumptionStatus(a, this.inclusion.findings);
    }

    /** `@ID` in a narrative: decided by `naming.ts`. */
    refInline(target: AstNode | undefined, written: string, context: RefContext): Inline[] {
        return nameInText(this, target, written, context);
    }
}
