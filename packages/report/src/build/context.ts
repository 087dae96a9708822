/**
 * What every chapter module reads: the workspace, the report, its language and labels, what
 * it includes, how sources are presented, the citations, and the running counters (tables,
 * figures, cited sources). One context per built document.
 */
import type { AstNode } from 'langium';
import { DAC_CRITERIA, type LoadedWorkspace } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { createCitations, type Citations } from '../citations.js';
import { text, type Block, type Cell, type Inline } from '../document.js';
import { labelsFor, type Labels, type ReportLanguage } from '../labels.js';
import { narrativeBlocks, type RefContext } from '../narrative.js';
import {
    anchorName, assumptionStatus, byName, elementAnchor, inclusionOf, indexOf, newSince,
    presentSources, previousReport, type Inclusion, type SourcePresentation
} from '../report-model.js';

export interface BuildOptions {
    /** Overrides the report's `language` (`--lang`). */
    readonly language?: ReportLanguage;
    /** Adds source IDs to the labels of non-public sources (`--internal`, for the team only). */
    readonly internal?: boolean;
    /** Marks the document "UTKAST / DRAFT" (`--force`). */
    readonly draft?: boolean;
}

export class BuildContext {
    readonly language: ReportLanguage;
    readonly l: Labels;
    readonly kind: ast.ReportKind;
    readonly programme: ast.Programme | undefined;
    readonly inclusion: Inclusion;
    readonly sources: Map<ast.Source, SourcePresentation>;
    readonly citations: Citations;
    /** Findings shown in full (anchors exist for them). */
    readonly shownFindings: ast.Finding[];
    readonly anchors = new Set<string>();
    readonly usedSources = new Set<ast.Source>();
    private tables = 0;
    figures = 0;

    constructor(readonly workspace: LoadedWorkspace, readonly report: ast.Report, readonly options: BuildOptions) {
        this.language = options.language ?? report.language ?? 'nb';
        this.l = labelsFor(this.language);
        this.kind = report.kind ?? 'assessment';
        this.programme = indexOf(workspace).data.programmes[0];
        this.inclusion = inclusionOf(workspace, report);
        this.sources = presentSources(workspace, this.l, options.internal ?? false);
        this.citations = createCitations(workspace, this.programme, this.language);
        this.shownFindings = this.kind === 'interim'
            ? newSince(this.inclusion.findings, previousReport(workspace, report))
            : [...this.inclusion.findings];
        for (const f of this.shownFindings) this.anchors.add(elementAnchor(f));
        for (const r of this.inclusion.recommendations) this.anchors.add(elementAnchor(r));
        if (this.kind !== 'interim') {
            for (const a of this.inclusion.assessments) this.anchors.add(elementAnchor(a));
        }
        if (this.kind === 'final') for (const lesson of this.inclusion.lessons) this.anchors.add(elementAnchor(lesson));
    }

    get index() {
        return indexOf(this.workspace);
    }

    /** The blocks of a narrative slot, with `@ID` references resolved. */
    slot(block: ast.TextBlock | undefined, level: number): Block[] {
        return narrativeBlocks(block, level, (target, written, context) => this.refInline(target, written, context));
    }

    table(caption: string, header: string[], rows: Cell[][], widths?: number[]): Block {
        return { type: 'table', anchor: anchorName('tabell', String(++this.tables)), number: this.tables, caption: [text(caption)], header: header.map(h => [text(h)]), rows, ...(widths ? { widths } : {}) };
    }

    questions(): ast.Question[] {
        return [...this.index.elementsOf<ast.Question>('Question')].filter(q => q.name).sort(byName);
    }

    /** Sources behind the report: cited by the shown findings' evidence. */
    evidenceSources(): ast.Source[] {
        const set = new Set<ast.Source>();
        for (const f of this.inclusion.findings) for (const e of f.evidence) if (e.source?.ref) set.add(e.source.ref);
        return [...set];
    }

    assumptionState(a: ast.Assumption) {
        return assumptionStatus(a, this.inclusion.findings);
    }

    criterionTitle(a: ast.Assessment): string {
        const c = a.criterion;
        if (c?.dac) return `${this.l.dac[c.dac]} (OECD DAC)`;
        return c?.custom?.ref?.title ?? '–';
    }

    sortedAssessments(): ast.Assessment[] {
        const rank = (a: ast.Assessment) => {
            const dac = a.criterion?.dac;
            return dac ? DAC_CRITERIA.indexOf(dac) : DAC_CRITERIA.length;
        };
        return [...this.inclusion.assessments].sort((a, b) => rank(a) - rank(b));
    }

    // -----------------------------------------------------------------------------------
    // References inside text

    findingRef(f: ast.Finding, withTitle = false): Inline[] {
        const shown = this.inclusion.replacedBy.get(f) ?? f;
        const label = withTitle ? `${f.name} ${f.title}` : f.name;
        const anchor = elementAnchor(shown);
        return this.anchors.has(anchor) ? [{ type: 'xref', anchor, children: [text(label)] }] : [text(label)];
    }

    /** A source as the text shows it: APA citation for literature, else its label linking to the source overview. */
    sourceInline(s: ast.Source, narrative: boolean, insideParentheses = true): Inline[] {
        this.usedSources.add(s);
        if (s.kind === 'literature' && s.cite) {
            const cited = this.citations.cite(s, narrative ? (insideParentheses ? 'bare' : 'narrative') : 'bare');
            if (cited) return [{ type: 'citation', text: cited, anchor: anchorName('ref', s.cite) }];
        }
        const p = this.sources.get(s)!;
        return [{ type: 'xref', anchor: p.anchor, children: [text(p.label)] }];
    }

    refInline(target: AstNode | undefined, written: string, context: RefContext): Inline[] {
        if (!target) return [text(`@${written}`)];
        switch (target.$type) {
            case 'Finding':
                return this.findingRef(target as ast.Finding);
            case 'Recommendation':
            case 'Assessment':
            case 'Lesson': {
                const el = target as ast.Recommendation | ast.Assessment | ast.Lesson;
                const anchor = elementAnchor(el);
                return this.anchors.has(anchor) ? [{ type: 'xref', anchor, children: [text(el.name)] }] : [text(el.title)];
            }
            case 'Source':
                return this.sourceInline(target as ast.Source, true, context.insideParentheses);
            case 'Question': {
                const q = target as ast.Question;
                const listed = new RegExp(`(problemstilling\\p{L}*|research questions?|questions?)\\s+([\\p{L}\\p{N}_]+(,\\s*|\\s+(og|eller|and|or)\\s+))*$`, 'iu');
                return [text(listed.test(context.before) ? q.name : `${this.l.questionWord} ${q.name}`)];
            }
            default:
                return [text((target as { title?: string }).title ?? written)];
        }
    }
}
