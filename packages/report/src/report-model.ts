/**
 * What a report takes from the model: which findings it includes, which recommendations,
 * assessments and lessons follow them, the previous deliverable, source labels (privacy)
 * and stable anchors. Pure functions of the loaded workspace.
 */
import { AstUtils, type AstNode } from 'langium';
import {
    accessOf, assessmentReplacements, basisIncluded, compareIdsNaturally, cutoffOf, dateOf, isAfter, parseDate, relativePath, replacersIn,
    reportAssessments, reportIncludes, reportIncludesRecommendation, sourcesOfEvidence,
    type DateSpan, type LoadedWorkspace, type ProgWorkspaceIndex
} from '@sporbar/language';
import type * as ast from '@sporbar/language';
import type { AssumptionStatus, Labels } from './labels.js';

export function indexOf(workspace: LoadedWorkspace): ProgWorkspaceIndex {
    return workspace.services.workspace.WorkspaceIndex;
}

/** Natural ID order (I2 before I10): the matrix's comparison, shared. */
export const naturalCompare = compareIdsNaturally;

export const byName = <T extends { name: string }>(a: T, b: T) => naturalCompare(a.name, b.name);

/** Elements a parse error left without an ID (possible under --force) are left out. */
export const hasId = (node: { name?: string }): boolean => typeof node.name === 'string' && node.name.length > 0;

const REPORT_KINDS: readonly string[] = ['interim', 'assessment', 'final'];

/**
 * A report's kind, `assessment` when absent — or, under --force, when the recovery parse
 * kept a word that is no kind (`kind inter`): every label lookup by kind then still finds one.
 */
export function kindOf(report: ast.Report): ast.ReportKind {
    return report.kind !== undefined && REPORT_KINDS.includes(report.kind) ? report.kind : 'assessment';
}

/**
 * Findings, recommendations, assessments and lessons a report shows (REPORTS.md
 * "Inclusion"). What is shown *of* them as of the cutoff — a recommendation's status and
 * history, an indicator's measurements — comes from the functions of the language
 * package's prog-time.ts (`statusAsOf`, `recommendationHistory`, `latestMeasurement`,
 * `measurementsAsOf`), called with `inclusion.cutoff`.
 */
export interface Inclusion {
    readonly report: ast.Report;
    /** The report's cutoff (its `cutoff`, else its `date`); undefined admits every date. */
    readonly cutoff: DateSpan | undefined;
    /** Findings shown, in natural ID order: in force, dated on or before the cutoff, not replaced by a shown finding. */
    readonly findings: readonly ast.Finding[];
    /** Findings the report includes but shows under their replacement: old -> new. */
    readonly replacedBy: ReadonlyMap<ast.Finding, ast.Finding>;
    /** Undated or dated on or before the cutoff, with every basis finding (or its replacer) included; natural ID order. */
    readonly recommendations: readonly ast.Recommendation[];
    /**
     * The assessments in force at the cutoff, in path then document order: undated or dated
     * on or before it, basis included (none needed for `not-assessed`), and not replaced —
     * directly or through a chain — by another such assessment.
     */
    readonly assessments: readonly ast.Assessment[];
    /** Assessments left out because a shown one replaces them: old -> the shown one. */
    readonly assessmentReplacedBy: ReadonlyMap<ast.Assessment, ast.Assessment>;
    readonly lessons: readonly ast.Lesson[];
}

export function inclusionOf(workspace: LoadedWorkspace, report: ast.Report): Inclusion {
    const index = indexOf(workspace);
    const included = index.elementsOf<ast.Finding>('Finding').filter(f => hasId(f) && reportIncludes(report, f));
    const includedSet = new Set(included);
    const replacedBy = new Map<ast.Finding, ast.Finding>();
    for (const f of included) {
        const old = f.replaces?.ref;
        if (old && includedSet.has(old) && old !== f) replacedBy.set(old, f);
    }
    const findings = included.filter(f => !replacedBy.has(f)).sort(byName);
    const replacersOf = replacersIn(index);
    const assessments = reportAssessments(report, index.elementsOf<ast.Assessment>('Assessment').filter(hasId), replacersOf);
    return {
        report,
        cutoff: cutoffOf(report),
        findings,
        replacedBy,
        recommendations: index.elementsOf<ast.Recommendation>('Recommendation')
            .filter(r => hasId(r) && reportIncludesRecommendation(report, r, replacersOf)).sort(byName),
        assessments,
        assessmentReplacedBy: assessmentReplacements(assessments),
        lessons: index.elementsOf<ast.Lesson>('Lesson').filter(l => hasId(l) && basisIncluded(report, l.basedOn, replacersOf)).sort(byName)
    };
}

/** The date of a report as a span; reports without a date sort first. */
function reportDay(report: ast.Report): string {
    return dateOf(report)?.first ?? '';
}

/**
 * "Since the previous report" (REPORTS.md): the latest report of any kind dated before this
 * one; undefined when there is none.
 */
export function previousReport(workspace: LoadedWorkspace, report: ast.Report): ast.Report | undefined {
    const day = reportDay(report);
    if (!day) return undefined;
    let best: ast.Report | undefined;
    for (const r of indexOf(workspace).elementsOf<ast.Report>('Report')) {
        const d = reportDay(r);
        if (r === report || !d || d >= day) continue;
        if (!best || d > reportDay(best)) best = r;
    }
    return best;
}

/** Findings new or revised since a previous report: dated after its cutoff (or date). */
export function newSince(findings: readonly ast.Finding[], previous: ast.Report | undefined): ast.Finding[] {
    const since = previous ? cutoffOf(previous) : undefined;
    if (!since) return [...findings];
    return findings.filter(f => {
        const d = dateOf(f);
        return d !== undefined && isAfter(d, since);
    });
}

/** Supported / challenged / untested, from the findings a report shows. */
export function assumptionStatus(target: AstNode, findings: readonly ast.Finding[]): AssumptionStatus {
    let supported = false;
    for (const f of findings) {
        if (f.challenges.some(r => r.ref === target)) return 'challenged';
        if (f.supports.some(r => r.ref === target)) supported = true;
    }
    return supported ? 'supported' : 'untested';
}

// ---------------------------------------------------------------------------------------
// Sources and privacy

export interface SourcePresentation {
    readonly source: ast.Source;
    readonly access: ast.Access;
    /**
     * What a table cell or a sentence's start shows: the generated label of a non-public
     * source ("Intervju 3"), the title of a public one. Never an ID (except `--internal`).
     */
    readonly label: string;
    /** The label mid-sentence: "intervju 3", a public source's title in quotes. */
    readonly labelInText: string;
    /** The anchor of its entry in the source overview: built from kind and number, never from an ID. */
    readonly anchor: string;
    /** The number in a non-public source's label ("Intervju 3" → 3). */
    readonly number?: number;
    /** Facts the source overview may show (already filtered for privacy). */
    readonly title?: string;
    readonly role?: string;
    readonly actorType?: ast.ActorType;
    readonly personName?: string;
    readonly date?: string;
    readonly url?: string;
    readonly respondents?: number;
}

/**
 * Presents every source of the workspace under the privacy rules: non-public sources get
 * a label of kind and number, numbered per kind among the non-public sources of the whole
 * workspace in natural ID order, so a source has the same label in every report. Public
 * sources are named by their title (documents, datasets and literature by their APA
 * citation, see citations.ts). A non-public series (`count N`, V2 §8) is labelled by
 * `series` ("Intervjuserie 1 (18 intervjuer)"; `seriesLabels` in report-data.ts) and left
 * out when the single sources of its kind are numbered, so "intervju 1" stays the first
 * single interview.
 */
export function presentSources(workspace: LoadedWorkspace, labels: Labels, internal: boolean, series: ReadonlyMap<ast.Source, string> = new Map()): Map<ast.Source, SourcePresentation> {
    const sources = indexOf(workspace).elementsOf<ast.Source>('Source').filter(hasId).sort(byName);
    const counters = new Map<ast.SourceKind, number>();
    let publicCount = 0;
    const result = new Map<ast.Source, SourcePresentation>();
    const withId = (label: string, source: ast.Source) => internal ? `${label} [${source.name}]` : label;
    for (const source of sources) {
        const access = accessOf(source);
        if (access === 'public') {
            const title = source.title ?? '';
            result.set(source, {
                source, access, label: withId(title, source), labelInText: withId(`${labels.quoteMarks[0]}${title}${labels.quoteMarks[1]}`, source),
                anchor: anchorName('kilde', `offentlig_${++publicCount}`),
                title: source.title, role: source.role,
                personName: source.consent === 'named' ? source.personName : undefined,
                date: source.date === undefined ? undefined : String(source.date),
                url: source.url, respondents: source.respondents
            });
            continue;
        }
        const seriesLabel = series.get(source);
        const n = seriesLabel === undefined ? (counters.get(source.kind) ?? 0) + 1 : undefined;
        if (n !== undefined) counters.set(source.kind, n);
        // A series: "Intervjuserie 1 (18 intervjuer)" in tables, "intervjuserie 1" in running text.
        const generated = seriesLabel ?? `${labels.sourceKind[source.kind]}\u00a0${n}`;
        const inText = seriesLabel === undefined ? `${labels.sourceKind[source.kind].toLowerCase()}\u00a0${n}` : lowerFirstWord(seriesLabel.replace(/\s*\([^)]*\)$/, '')).replace(/ (\d+)$/, '\u00a0$1');
        const label = withId(generated.replace(/ (\d+) \(/, '\u00a0$1 ('), source);
        const labelInText = withId(inText, source);
        const anchor = anchorName('kilde', seriesLabel === undefined ? `${source.kind}_${n}` : `${source.kind}_serie_${seriesNumber(seriesLabel)}`);
        if (access === 'internal') {
            result.set(source, {
                source, access, label, labelInText, anchor, ...(n !== undefined ? { number: n } : {}),
                role: source.role, actorType: source.actor?.ref?.type,
                date: source.date === undefined ? undefined : String(source.date),
                respondents: source.respondents
            });
        } else {
            result.set(source, { source, access, label, labelInText, anchor, ...(n !== undefined ? { number: n } : {}) });
        }
    }
    return result;
}

/** "Intervjuserie" → "intervjuserie", "Interview series" → "interview series". */
function lowerFirstWord(s: string): string {
    return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The number in a series label: "Intervjuserie 2 (4 intervjuer)" → "2". */
function seriesNumber(label: string): string {
    return /(\d+)\s*\(/.exec(label)?.[1] ?? '0';
}

// ---------------------------------------------------------------------------------------
// Anchors

const FOLD: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa', ß: 'ss' };

/**
 * A bookmark-safe anchor (Word: a letter first, letters, digits and `_`, at most 40
 * characters): `prefix_ID` with the ID folded to ASCII.
 */
export function anchorName(prefix: string, id: string): string {
    const folded = id.normalize('NFC').replace(/-/g, '_').replace(/[æøåÆØÅß]/g, c => FOLD[c]).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    let ascii = folded.replace(/[^A-Za-z0-9_]/g, '_');
    if (ascii !== id.replace(/-/g, '_')) ascii += '_' + shortHash(id);
    const name = `${prefix}_${ascii}`;
    return name.length <= 40 ? name : name.slice(0, 33) + '_' + shortHash(name);
}

function shortHash(s: string): string {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 16777619);
    }
    return (h >>> 0).toString(36).slice(0, 6);
}

// ---------------------------------------------------------------------------------------
// The cutoff guard

export interface ReportProblem {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly code: string;
    readonly message: string;
}

/**
 * `report/after-cutoff` for one report: an included finding whose evidence cites a source
 * dated after the report's cutoff. The generator refuses such a report (unless forced)
 * even where the workspace validation leaves the rule off.
 */
export function cutoffProblems(workspace: LoadedWorkspace, report: ast.Report): ReportProblem[] {
    const cutoff = cutoffOf(report);
    if (!cutoff) return [];
    const problems: ReportProblem[] = [];
    for (const finding of indexOf(workspace).elementsOf<ast.Finding>('Finding')) {
        if (!reportIncludes(report, finding)) continue;
        for (const item of finding.evidence) for (const source of sourcesOfEvidence(item)) {
            const date = parseDate(source.date);
            if (!date || !isAfter(date, cutoff)) continue;
            const where = item.$cstNode?.range.start ?? { line: 0, character: 0 };
            problems.push({
                file: relativePath(workspace.root, AstUtils.getDocument(item).uri.fsPath),
                line: where.line + 1,
                column: where.character + 1,
                code: 'report/after-cutoff',
                message: `finding ${finding.name} is included in report ${report.name} (cutoff ${report.cutoff ?? report.date}) but cites ${source.name}, dated ${String(source.date)}`
            });
        }
    }
    return problems;
}
