import type * as ast from './generated/ast.js';
import { parseDate, type DateSpan } from './prog-dates.js';

/**
 * Questions the rules, the matrix and the reports ask of the model, answered in one place
 * so that all three read the model the same way (RULES.md "Precise points").
 */

/** A finding is in force when its status is `confirmed` (the default) or `revised`. */
export function isInForce(finding: ast.Finding): boolean {
    return finding.status === undefined || finding.status === 'confirmed' || finding.status === 'revised';
}

/** Access of a source: interviews and focus groups default to `confidential`, the rest to `public`. */
export function accessOf(source: ast.Source): ast.Access {
    return source.access ?? (source.kind === 'interview' || source.kind === 'focus-group' ? 'confidential' : 'public');
}

/** Origin of a source, `independent` unless it says otherwise. */
export function originOf(source: ast.Source): ast.Origin {
    return source.origin ?? 'independent';
}

export function dateOf(node: { date?: string | number }): DateSpan | undefined {
    return parseDate(node.date === undefined ? undefined : String(node.date));
}

/** `a` is after `b` when a's first day is after b's last day (a partial date stands for its whole month or year). */
export function isAfter(a: DateSpan, b: DateSpan): boolean {
    return a.first > b.last;
}

/** The last day of admissible evidence of a report: its `cutoff`, or its `date` when it has none. */
export function cutoffOf(report: ast.Report): DateSpan | undefined {
    return parseDate(report.cutoff === undefined ? (report.date === undefined ? undefined : String(report.date)) : String(report.cutoff));
}

/**
 * A report includes a finding when it is in force and has no date or is dated on or before
 * the report's cutoff (RULES.md `report/after-cutoff`, REPORTS.md "Inclusion").
 */
export function reportIncludes(report: ast.Report, finding: ast.Finding): boolean {
    if (!isInForce(finding)) return false;
    const date = dateOf(finding);
    const cutoff = cutoffOf(report);
    return !date || !cutoff || !isAfter(date, cutoff);
}

/** The sources of a finding's evidence, resolved, in order (duplicates kept). */
export function evidenceSources(finding: ast.Finding): ast.Source[] {
    return finding.evidence.map(item => item.source?.ref).filter((s): s is ast.Source => s !== undefined);
}

/** Distinct source kinds behind a finding. */
export function sourceKinds(finding: ast.Finding): Set<ast.SourceKind> {
    return new Set(evidenceSources(finding).map(s => s.kind));
}

/** The six OECD DAC criteria (2019), in their usual order. */
export const DAC_CRITERIA: readonly ast.DacCriterion[] = ['relevance', 'coherence', 'effectiveness', 'efficiency', 'impact', 'sustainability'];

/** Logic levels, low to high. */
export const LEVELS: readonly ast.Level[] = ['input', 'activity', 'output', 'outcome', 'impact'];
export function levelRank(level: ast.Level): number {
    return LEVELS.indexOf(level) + 1;
}

/** `outcome` and `impact`: the levels that need indicators and evidence. */
export function isResultLevel(level: ast.Level | undefined): boolean {
    return level === 'outcome' || level === 'impact';
}

/** Source kinds that happen at a time and so need a `date` (`source/no-date`). */
export const EVENT_SOURCE_KINDS: ReadonlySet<ast.SourceKind> = new Set<ast.SourceKind>(['interview', 'focus-group', 'observation', 'survey', 'workshop']);

/** Source kinds that are one informant (or one group speaking together) (`finding/single-informant`). */
export const INFORMANT_SOURCE_KINDS: ReadonlySet<ast.SourceKind> = new Set<ast.SourceKind>(['interview', 'focus-group']);

/** A source the programme or one of its projects produced about itself. */
export function isSelfReported(source: ast.Source): boolean {
    const origin = originOf(source);
    return origin === 'programme' || origin === 'project';
}

/** GRADE-CERQual confidence, low to high. */
export const CONFIDENCE_LEVELS: readonly ast.Confidence[] = ['very-low', 'low', 'moderate', 'high'];
export function confidenceRank(confidence: ast.Confidence): number {
    return CONFIDENCE_LEVELS.indexOf(confidence) + 1;
}

/** Reports that pass judgement (`assessment` and `final`): they need a summary and all DAC criteria. */
export function isJudgingReport(report: ast.Report): boolean {
    return report.kind === 'assessment' || report.kind === 'final';
}

/** True when every evidence item names a source that resolved (no cascade on unresolved references). */
export function evidenceResolved(finding: ast.Finding): boolean {
    return finding.evidence.every(item => item.source?.ref !== undefined);
}
