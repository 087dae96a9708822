import * as ast from '../generated/ast.js';
import { parseDate, today, type DateSpan } from './prog-dates.js';
import { cutoffOf, isAfter, isJudgingReport, reportIncludes } from './prog-model.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';

/**
 * Time and measurement in the model (LANGUAGE.md "recommendation", "assessment",
 * "indicator"; REPORTS.md "Inclusion"): what a report, the matrix or a hover shows *as of
 * a cutoff*. Pure functions of the model; a cutoff of `undefined` admits every date.
 *
 * Dates compare as everywhere (prog-model.ts): X is on or before a cutoff unless X's first
 * day is after the cutoff's last day. "Latest" orders by first day, then last day, then
 * the order written: on equal dates the one written last wins.
 */

/** The cutoff of a report, as `cutoffOf`; today's date for the editor's "as of now". */
export function todaySpan(): DateSpan {
    return parseDate(today())!;
}

/** True when a node is undated (or its date is invalid), or dated on or before the cutoff. */
export function isDatedOnOrBefore(node: { date?: string | number }, cutoff: DateSpan | undefined): boolean {
    const date = parseDate(node.date);
    return !date || !cutoff || !isAfter(date, cutoff);
}

/** For `recommendation/follow-up-order`: X is before Y when X's last day is before Y's first day. */
export function isStrictlyBefore(x: DateSpan, y: DateSpan): boolean {
    return x.last < y.first;
}

/** Chronological order of dated items; items whose date does not parse sort first. Stable. */
function chronological<T extends { date?: string | number }>(items: readonly T[]): T[] {
    return items
        .map((item, index) => ({ item, index, date: parseDate(item.date) }))
        .sort((a, b) => compareSpans(a.date, b.date) || a.index - b.index)
        .map(entry => entry.item);
}

function compareSpans(a: DateSpan | undefined, b: DateSpan | undefined): number {
    if (!a || !b) return a ? 1 : b ? -1 : 0;
    return a.first < b.first ? -1 : a.first > b.first ? 1 : a.last < b.last ? -1 : a.last > b.last ? 1 : 0;
}

/** Dated items on or before the cutoff, oldest first (items with an invalid date are left out). */
function datedAsOf<T extends { date?: string | number }>(items: readonly T[], cutoff: DateSpan | undefined): T[] {
    return chronological(items.filter(item => {
        const date = parseDate(item.date);
        return date !== undefined && (!cutoff || !isAfter(date, cutoff));
    }));
}

// ---------------------------------------------------------------------------------------
// Recommendations

/** The status of a recommendation as of a cutoff, and where it comes from. */
export interface RecommendationState {
    readonly status: ast.RecommendationStatus;
    readonly response?: string;
    /** The date of the follow-up it comes from, as written; else the recommendation's `date`, if any. */
    readonly date?: string;
    /** The follow-up it comes from; undefined when it is the recommendation's own `status` (default `proposed`). */
    readonly followUp?: ast.FollowUp;
}

/** The follow-ups dated on or before the cutoff, oldest first (equal dates: as written). */
export function followUpsAsOf(recommendation: ast.Recommendation, cutoff: DateSpan | undefined): ast.FollowUp[] {
    return datedAsOf(recommendation.followUps, cutoff);
}

/**
 * The status shown as of a cutoff (V2 "Status shown"): that of the latest follow-up dated
 * on or before it (on equal dates the one written last), with that follow-up's response;
 * else the recommendation's `status` (default `proposed`) and `response`.
 */
export function statusAsOf(recommendation: ast.Recommendation, cutoff: DateSpan | undefined): RecommendationState {
    const followUps = followUpsAsOf(recommendation, cutoff);
    const latest = followUps[followUps.length - 1];
    if (latest) return { status: latest.status, response: latest.response, date: String(latest.date), followUp: latest };
    return {
        status: recommendation.status ?? 'proposed',
        response: recommendation.response,
        date: recommendation.date === undefined ? undefined : String(recommendation.date)
    };
}

/**
 * The history a final report prints: the recommendation as made (its `date`, `status`
 * — default `proposed` — and `response`), then every follow-up on or before the cutoff,
 * oldest first. The last entry is the status as of the cutoff (`statusAsOf`).
 */
export function recommendationHistory(recommendation: ast.Recommendation, cutoff: DateSpan | undefined): RecommendationState[] {
    const made: RecommendationState = {
        status: recommendation.status ?? 'proposed',
        response: recommendation.response,
        date: recommendation.date === undefined ? undefined : String(recommendation.date)
    };
    return [made, ...followUpsAsOf(recommendation, cutoff).map(f => ({ status: f.status, response: f.response, date: String(f.date), followUp: f }))];
}

// ---------------------------------------------------------------------------------------
// Inclusion in a report

/** Findings that name `finding` in `replaces` (from the workspace index: `replacersIn`). */
export type ReplacersOf = (finding: ast.Finding) => readonly ast.Finding[];

/** The findings that name each finding in `replaces`, from the workspace's reverse references. */
export function replacersIn(index: ProgWorkspaceIndex): ReplacersOf {
    return finding => index.citationsOf(finding)
        .filter(c => c.property === 'replaces' && ast.isFinding(c.container))
        .map(c => c.container as ast.Finding);
}

/**
 * A basis finding counts as included in a report when the report includes it or a finding
 * that replaces it, directly or through a chain of replacements (V2 "Replacement").
 */
export function basisFindingIncluded(report: ast.Report, finding: ast.Finding, replacersOf: ReplacersOf): boolean {
    const seen = new Set<ast.Finding>();
    const pending = [finding];
    while (pending.length > 0) {
        const next = pending.pop()!;
        if (seen.has(next)) continue;
        seen.add(next);
        if (reportIncludes(report, next)) return true;
        pending.push(...replacersOf(next));
    }
    return false;
}

/** Every finding of a non-empty `based-on` resolves and counts as included. */
export function basisIncluded(report: ast.Report, basedOn: readonly { ref?: ast.Finding }[], replacersOf: ReplacersOf): boolean {
    return basedOn.length > 0 && basedOn.every(r => r.ref !== undefined && basisFindingIncluded(report, r.ref, replacersOf));
}

/**
 * A report includes a recommendation that is undated or dated on or before its cutoff and
 * whose basis is included (V2 §1).
 */
export function reportIncludesRecommendation(report: ast.Report, recommendation: ast.Recommendation, replacersOf: ReplacersOf): boolean {
    return isDatedOnOrBefore(recommendation, cutoffOf(report)) && basisIncluded(report, recommendation.basedOn, replacersOf);
}

/** `not-assessed "reason"`: the criterion is declared out of scope, with its reason. */
export function isNotAssessed(assessment: ast.Assessment): boolean {
    return assessment.notAssessed !== undefined;
}

/**
 * An assessment is eligible for a report when it is undated or dated on or before the
 * cutoff and its basis is included (a `not-assessed` one has no basis to include).
 */
export function assessmentEligible(report: ast.Report, assessment: ast.Assessment, replacersOf: ReplacersOf): boolean {
    if (!isDatedOnOrBefore(assessment, cutoffOf(report))) return false;
    return isNotAssessed(assessment) || basisIncluded(report, assessment.basedOn, replacersOf);
}

/**
 * The assessments in force among `assessments`: the eligible ones, less those that an
 * eligible assessment replaces, directly or through a chain (`A3 replaces A2 replaces A1`:
 * A3 eligible leaves out A2 and A1). Written order is kept.
 */
export function assessmentsInForce(assessments: readonly ast.Assessment[], eligible: (assessment: ast.Assessment) => boolean): ast.Assessment[] {
    const candidates = assessments.filter(eligible);
    const replaced = new Set<ast.Assessment>();
    for (const newer of candidates) {
        const seen = new Set<ast.Assessment>([newer]);
        for (let older = newer.replaces?.ref; older && !seen.has(older); older = older.replaces?.ref) {
            replaced.add(older);
            seen.add(older);
        }
    }
    return candidates.filter(a => !replaced.has(a));
}

/** The assessments a report shows: in force at its cutoff (V2 §1, "Replacement"). */
export function reportAssessments(report: ast.Report, assessments: readonly ast.Assessment[], replacersOf: ReplacersOf): ast.Assessment[] {
    return assessmentsInForce(assessments, a => assessmentEligible(report, a, replacersOf));
}

/**
 * For each assessment that an assessment in force replaces, directly or through a chain:
 * that assessment in force (a report says "replaces the assessment of …").
 */
export function assessmentReplacements(inForce: readonly ast.Assessment[]): Map<ast.Assessment, ast.Assessment> {
    const result = new Map<ast.Assessment, ast.Assessment>();
    for (const newer of inForce) {
        const seen = new Set<ast.Assessment>([newer]);
        for (let older = newer.replaces?.ref; older && !seen.has(older); older = older.replaces?.ref) {
            if (!result.has(older)) result.set(older, newer);
            seen.add(older);
        }
    }
    return result;
}

/** The assessments in force as of a date (the editor, the matrix): eligible when undated or dated on or before it. */
export function assessmentsInForceAsOf(assessments: readonly ast.Assessment[], cutoff: DateSpan | undefined): ast.Assessment[] {
    return assessmentsInForce(assessments, a => isDatedOnOrBefore(a, cutoff));
}

// ---------------------------------------------------------------------------------------
// Indicators and measurements

/** Assessment and final reports show measurements; the interim note none (V2 "Indicators"). */
export function reportShowsMeasurements(report: ast.Report): boolean {
    return isJudgingReport(report);
}

/** The measurements dated on or before the cutoff, oldest first: the series a final report prints. */
export function measurementsAsOf(indicator: ast.Indicator, cutoff: DateSpan | undefined): ast.Measurement[] {
    return datedAsOf(indicator.measurements, cutoff);
}

/** The latest measurement dated on or before the cutoff (on equal dates the one written last). */
export function latestMeasurement(indicator: ast.Indicator, cutoff: DateSpan | undefined): ast.Measurement | undefined {
    const series = measurementsAsOf(indicator, cutoff);
    return series[series.length - 1];
}

/** The logic node an indicator measures: the node it is nested in, or the one it names with `for`. */
export function indicatorNode(indicator: ast.Indicator): ast.LogicNode | undefined {
    return ast.isLogicNode(indicator.$container) ? indicator.$container : indicator.node?.ref;
}

/**
 * The logic node a `supports` / `challenges` target stands for: a node itself, or the node
 * of an indicator (V2: a finding on an indicator counts as on the indicator's node for
 * `outcome/no-evidence` and `finding/self-reported-only`); undefined for an assumption.
 */
export function supportedNode(target: ast.SupportTarget | undefined): ast.LogicNode | undefined {
    if (!target) return undefined;
    if (ast.isLogicNode(target)) return target;
    if (ast.isIndicator(target)) return indicatorNode(target);
    return undefined;
}

// ---------------------------------------------------------------------------------------
// Surveys

export interface ResponseRate {
    readonly respondents: number;
    readonly population: number;
    /** `respondents / population` as a whole percentage, rounded half up. */
    readonly percent: number;
}

/**
 * A survey's response rate from `respondents` and `population` ("146 av 310 (47 %)",
 * en "146 of 310 (47%)"); undefined unless both are given and the population is above 0.
 */
export function responseRate(source: ast.Source): ResponseRate | undefined {
    const { respondents, population } = source;
    if (respondents === undefined || population === undefined || !(population > 0)) return undefined;
    return { respondents, population, percent: Math.round((respondents / population) * 100) };
}
