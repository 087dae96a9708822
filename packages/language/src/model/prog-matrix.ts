import { AstUtils, type AstNode } from 'langium';
import type * as ast from '../generated/ast.js';
import type { DateSpan } from './prog-dates.js';
import { cutoffOf, isInForce, SOURCE_KINDS, sourcesOfEvidence, triangulationOf } from './prog-model.js';
import {
    assessmentsInForceAsOf, indicatorNode, isDatedOnOrBefore, latestMeasurement, measurementsAsOf, replacersIn, reportAssessments
} from './prog-time.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';

/**
 * The traceability matrix (REPORTS.md "Vedlegg A Sporbarhetsmatrise"): one row per finding
 * and the coverage figures above it. A pure function of the workspace index, shared by
 * `sporbar matrix`, the report appendix and the editor view.
 */

/** Source kinds in the order LANGUAGE.md lists them; rows and CSV columns follow it. */
export const MATRIX_SOURCE_KINDS: readonly ast.SourceKind[] = SOURCE_KINDS;

export interface MatrixRow {
    /** The finding's ID. */
    readonly id: string;
    readonly title: string;
    /** The written status, `confirmed` when none is written. */
    readonly status: ast.FindingStatus;
    /** `confirmed` or `revised` (RULES.md "In force"). */
    readonly inForce: boolean;
    readonly date?: string;
    /** IDs of the questions the finding answers (resolved references, in written order). */
    readonly questions: readonly string[];
    readonly confidence?: ast.Confidence;
    /** Evidence items per source kind (only kinds that occur; resolved sources only). */
    readonly evidence: Readonly<Partial<Record<ast.SourceKind, number>>>;
    /** Evidence items with a resolved source. */
    readonly evidenceCount: number;
    /** Distinct source kinds behind the evidence (literature included). */
    readonly sourceKinds: number;
    /**
     * What triangulation counts (`triangulationOf`, RULES.md "Triangulation"): the distinct
     * kinds and origins of the evidence sources with literature left out, and how many
     * literature sources were left out.
     */
    readonly triangulation: {
        readonly kinds: readonly ast.SourceKind[];
        readonly origins: readonly ast.Origin[];
        readonly literature: number;
    };
    /** At least two source kinds and at least two origins, literature not counted. */
    readonly triangulated: boolean;
    /** Who names this finding in `based-on`, by element kind, IDs in natural order. */
    readonly usedBy: {
        /** Every assessment, whatever its date or replacement. */
        readonly assessments: readonly string[];
        /** The assessments among them in force (see `TraceabilityMatrix.assessments`). */
        readonly assessmentsInForce: readonly string[];
        readonly recommendations: readonly string[];
        readonly lessons: readonly string[];
    };
}

/** An assessment in force: its rating, or that it is not assessed and why. */
export interface MatrixAssessment {
    readonly id: string;
    readonly title: string;
    /** A DAC criterion keyword, or the ID of a declared criterion. */
    readonly criterion?: string;
    readonly rating?: ast.Rating;
    /** The reason, for a `not-assessed` assessment. */
    readonly notAssessed?: string;
    readonly date?: string;
    /** The ID of the assessment it replaces. */
    readonly replaces?: string;
    /** IDs of its `based-on` findings (resolved, in written order). */
    readonly basedOn: readonly string[];
}

/** An indicator with its latest measured value as of the matrix's cutoff. */
export interface MatrixIndicator {
    readonly id: string;
    readonly title: string;
    /** The ID and level of the logic node it measures. */
    readonly node?: string;
    readonly level?: ast.Level;
    readonly baseline?: number;
    readonly target?: number;
    readonly unit?: string;
    /** The latest value measured on or before the cutoff. */
    readonly latest?: { readonly date: string; readonly value: number; readonly source?: string; readonly at?: string };
    /** How many values are measured on or before the cutoff. */
    readonly measurements: number;
}

/** One coverage figure; `share` is `numerator / denominator`, or `null` when there is nothing to count. */
export interface CoverageFigure {
    readonly numerator: number;
    readonly denominator: number;
    readonly share: number | null;
}

export interface MatrixCoverage {
    /** Questions answered by at least one admitted finding in force / all questions. */
    readonly questionsAnswered: CoverageFigure;
    /** Admitted findings in force that are triangulated (≥ 2 source kinds and ≥ 2 origins, literature not counted) / admitted findings in force. */
    readonly findingsTriangulated: CoverageFigure;
    /** Outcomes and impacts supported or challenged by an admitted finding in force / all outcomes and impacts. */
    readonly outcomesWithEvidence: CoverageFigure;
    /**
     * Recommendations whose `based-on` is non-empty and names only admitted findings in force
     * / recommendations (with a filter: those whose resolved `based-on` findings all pass it).
     */
    readonly recommendationsWithBasis: CoverageFigure;
    /**
     * Sources cited anywhere (citations inside a finding count only when it is admitted; the
     * `from` of a table or chart counts where the table is so cited) / all sources.
     */
    readonly sourcesCited: CoverageFigure;
}

export interface TraceabilityMatrix {
    readonly rows: readonly MatrixRow[];
    readonly coverage: MatrixCoverage;
    /** The assessments in force, in path then document order. */
    readonly assessments: readonly MatrixAssessment[];
    /** Every indicator (of outputs, outcomes and impacts alike), in path then document order. */
    readonly indicators: readonly MatrixIndicator[];
}

export interface MatrixOptions {
    /**
     * Which findings the matrix is about, e.g. `f => reportIncludes(report, f)` for a
     * report's appendix. Without it every finding is a row (drafts and withdrawn ones
     * too, with their status) and coverage counts every finding in force.
     */
    readonly includeFinding?: (finding: ast.Finding) => boolean;
    /**
     * The report the matrix is for: its assessments in force (REPORTS.md "Inclusion") and,
     * unless `cutoff` is given, its cutoff.
     */
    readonly report?: ast.Report;
    /**
     * The date the matrix is as of: recommendations dated after it are not counted,
     * assessments in force and latest measured values are as of it. Undefined admits every date.
     */
    readonly cutoff?: DateSpan;
}

export const COVERAGE_LABELS: Readonly<Record<keyof MatrixCoverage, string>> = {
    questionsAnswered: 'questions answered',
    findingsTriangulated: 'findings triangulated',
    outcomesWithEvidence: 'outcomes and impacts with evidence',
    recommendationsWithBasis: 'recommendations with a basis',
    sourcesCited: 'sources cited'
};

/** Builds the matrix from the workspace index (no `findAllReferences`, no file access). */
export function traceabilityMatrix(index: ProgWorkspaceIndex, options: MatrixOptions = {}): TraceabilityMatrix {
    const admitted = options.includeFinding ?? (() => true);
    const cutoff = options.cutoff ?? (options.report ? cutoffOf(options.report) : undefined);
    const counts = (finding: ast.Finding) => admitted(finding) && isInForce(finding);
    const named = <T extends AstNode & { name?: string }>(type: T['$type']) => index.elementsOf<T>(type).filter(node => Boolean(node.name));

    const allAssessments = named<ast.Assessment>('Assessment');
    const inForce = options.report
        ? reportAssessments(options.report, allAssessments, replacersIn(index))
        : assessmentsInForceAsOf(allAssessments, cutoff);
    const inForceSet = new Set(inForce);

    const findings = named<ast.Finding>('Finding').filter(admitted);
    const rows = findings.map(finding => matrixRow(index, finding, inForceSet)).sort((a, b) => compareIdsNaturally(a.id, b.id));

    const questions = named<ast.Question>('Question');
    const answered = questions.filter(question => index.citationsOf(question)
        .some(c => c.property === 'answers' && c.container.$type === 'Finding' && counts(c.container as ast.Finding)));

    const findingsInForce = findings.filter(isInForce);
    const triangulated = findingsInForce.filter(finding => triangulationOf(finding, index).triangulated);

    const outcomes = named<ast.LogicNode>('LogicNode').filter(node => node.level === 'outcome' || node.level === 'impact');
    // A finding on an indicator counts as on the indicator's node (V2).
    const indicatorsOf = index.data.indicatorsOf;
    const tested = (target: AstNode) => index.citationsOf(target)
        .some(c => (c.property === 'supports' || c.property === 'challenges') && c.container.$type === 'Finding' && counts(c.container as ast.Finding));
    const evidenced = outcomes.filter(node => tested(node) || (indicatorsOf.get(node) ?? []).some(tested));

    const recommendations = named<ast.Recommendation>('Recommendation')
        .filter(rec => isDatedOnOrBefore(rec, cutoff) && rec.basedOn.every(ref => !ref.ref || admitted(ref.ref)));
    const withBasis = recommendations.filter(rec => rec.basedOn.length > 0 && rec.basedOn.every(ref => ref.ref !== undefined && counts(ref.ref)));

    const sources = named<ast.Source>('Source');
    const citedFrom = (container: AstNode): boolean => {
        const finding = AstUtils.getContainerOfType(container, (n): n is ast.Finding => n.$type === 'Finding');
        return !finding || admitted(finding);
    };
    // A table's or chart's `from` cites its sources where the table itself is cited (V2 §8).
    const cited = sources.filter(source => index.citationsOf(source).some(c =>
        c.container.$type === 'Table' || c.container.$type === 'Chart'
            ? index.citationsOf(c.container).some(t => citedFrom(t.container))
            : citedFrom(c.container)));

    return {
        rows,
        coverage: {
            questionsAnswered: figure(answered.length, questions.length),
            findingsTriangulated: figure(triangulated.length, findingsInForce.length),
            outcomesWithEvidence: figure(evidenced.length, outcomes.length),
            recommendationsWithBasis: figure(withBasis.length, recommendations.length),
            sourcesCited: figure(cited.length, sources.length)
        },
        assessments: inForce.map(matrixAssessment),
        indicators: named<ast.Indicator>('Indicator').map(indicator => matrixIndicator(indicator, cutoff))
    };
}

function matrixAssessment(assessment: ast.Assessment): MatrixAssessment {
    const criterion = assessment.criterion?.dac ?? assessment.criterion?.custom?.ref?.name;
    return {
        id: assessment.name,
        title: assessment.title ?? '',
        ...(criterion !== undefined ? { criterion } : {}),
        ...(assessment.rating !== undefined ? { rating: assessment.rating } : {}),
        ...(assessment.notAssessed !== undefined ? { notAssessed: assessment.notAssessed } : {}),
        ...(assessment.date !== undefined ? { date: String(assessment.date) } : {}),
        ...(assessment.replaces?.ref ? { replaces: assessment.replaces.ref.name } : {}),
        basedOn: assessment.basedOn.map(ref => ref.ref?.name).filter((name): name is string => Boolean(name))
    };
}

function matrixIndicator(indicator: ast.Indicator, cutoff: DateSpan | undefined): MatrixIndicator {
    const node = indicatorNode(indicator);
    const latest = latestMeasurement(indicator, cutoff);
    return {
        id: indicator.name,
        title: indicator.title ?? '',
        ...(node?.name ? { node: node.name, level: node.level } : {}),
        ...(indicator.baseline !== undefined ? { baseline: indicator.baseline } : {}),
        ...(indicator.target !== undefined ? { target: indicator.target } : {}),
        ...(indicator.unit !== undefined ? { unit: indicator.unit } : {}),
        ...(latest ? {
            latest: {
                date: String(latest.date), value: latest.value,
                ...(latest.source?.ref ? { source: latest.source.ref.name } : {}),
                ...(latest.at !== undefined ? { at: latest.at } : {})
            }
        } : {}),
        measurements: measurementsAsOf(indicator, cutoff).length
    };
}

function matrixRow(index: ProgWorkspaceIndex, finding: ast.Finding, assessmentsInForce: ReadonlySet<ast.Assessment>): MatrixRow {
    const evidence: Partial<Record<ast.SourceKind, number>> = {};
    let evidenceCount = 0;
    for (const item of finding.evidence) {
        if (!item.source?.ref) continue;
        evidenceCount++;
        for (const source of sourcesOfEvidence(item)) evidence[source.kind] = (evidence[source.kind] ?? 0) + 1;
    }
    const ordered: Partial<Record<ast.SourceKind, number>> = {};
    for (const kind of MATRIX_SOURCE_KINDS) if (evidence[kind] !== undefined) ordered[kind] = evidence[kind];
    const kinds = Object.keys(ordered).length;
    const triangulation = triangulationOf(finding, index);

    const usedBy = { assessments: new Set<string>(), assessmentsInForce: new Set<string>(), recommendations: new Set<string>(), lessons: new Set<string>() };
    for (const citation of index.citationsOf(finding)) {
        if (citation.property !== 'basedOn') continue;
        const user = citation.container as ast.Assessment | ast.Recommendation | ast.Lesson;
        if (!user.name) continue;
        if (user.$type === 'Assessment') {
            usedBy.assessments.add(user.name);
            if (assessmentsInForce.has(user)) usedBy.assessmentsInForce.add(user.name);
        }
        else if (user.$type === 'Recommendation') usedBy.recommendations.add(user.name);
        else if (user.$type === 'Lesson') usedBy.lessons.add(user.name);
    }
    const sorted = (set: Set<string>) => [...set].sort(compareIdsNaturally);

    return {
        id: finding.name,
        title: finding.title ?? '',
        status: finding.status ?? 'confirmed',
        inForce: isInForce(finding),
        ...(finding.date !== undefined ? { date: String(finding.date) } : {}),
        questions: finding.answers.map(ref => ref.ref?.name).filter((name): name is string => Boolean(name)),
        ...(finding.confidence !== undefined ? { confidence: finding.confidence } : {}),
        evidence: ordered,
        evidenceCount,
        sourceKinds: kinds,
        triangulation: { kinds: triangulation.kinds, origins: triangulation.origins, literature: triangulation.literature },
        triangulated: triangulation.triangulated,
        usedBy: {
            assessments: sorted(usedBy.assessments),
            assessmentsInForce: sorted(usedBy.assessmentsInForce),
            recommendations: sorted(usedBy.recommendations),
            lessons: sorted(usedBy.lessons)
        }
    };
}

function figure(numerator: number, denominator: number): CoverageFigure {
    return { numerator, denominator, share: denominator === 0 ? null : numerator / denominator };
}

/**
 * Natural ID order: the IDs are cut into runs of digits and runs of other characters; runs of
 * digits compare by value (`F2` before `F10`; at equal value the shorter run first, `F2`
 * before `F02`), any other pair of runs by code point; an ID that is a run-wise prefix of the
 * other comes first. Sorting thousands of IDs calls this some 100,000 times: it makes no
 * strings or arrays (a report of 5,000 findings spent 20 MB on the runs).
 */
export function compareIdsNaturally(a: string, b: string): number {
    let i = 0, j = 0;
    while (i < a.length && j < b.length) {
        const digitsA = isDigitCode(a.charCodeAt(i)), digitsB = isDigitCode(b.charCodeAt(j));
        const endA = runEnd(a, i, digitsA), endB = runEnd(b, j, digitsB);
        if (digitsA && digitsB) {
            // By value: without leading zeros, the longer run is the larger number.
            let p = i, q = j;
            while (p < endA - 1 && a.charCodeAt(p) === 48) p++;
            while (q < endB - 1 && b.charCodeAt(q) === 48) q++;
            if (endA - p !== endB - q) return endA - p < endB - q ? -1 : 1;
            for (; p < endA; p++, q++) {
                const d = a.charCodeAt(p) - b.charCodeAt(q);
                if (d !== 0) return d < 0 ? -1 : 1;
            }
            if (endA - i !== endB - j) return endA - i < endB - j ? -1 : 1;
        } else {
            const n = Math.min(endA - i, endB - j);
            for (let k = 0; k < n; k++) {
                const d = a.charCodeAt(i + k) - b.charCodeAt(j + k);
                if (d !== 0) return d < 0 ? -1 : 1;
            }
            if (endA - i !== endB - j) return endA - i < endB - j ? -1 : 1;
        }
        i = endA;
        j = endB;
    }
    if (i < a.length) return 1;
    if (j < b.length) return -1;
    return a < b ? -1 : a > b ? 1 : 0;
}

function isDigitCode(code: number): boolean {
    return code >= 48 && code <= 57;
}

/** Where the run of digits (or of other characters) that starts at `from` ends. */
function runEnd(s: string, from: number, digits: boolean): number {
    let end = from + 1;
    while (end < s.length && isDigitCode(s.charCodeAt(end)) === digits) end++;
    return end;
}
