import type { ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import { Codes } from '../prog-codes.js';
import { declKey } from '../workspace/prog-dependencies.js';
import { dateOf, isInForce, isJudgingReport, reportIncludes, sourcesOfEvidence } from '../model/prog-model.js';
import type { ProgWorkspaceIndex, ReportCutoff } from '../workspace/prog-workspace-index.js';
import { diagnose } from './prog-diagnose.js';
import { listWords, relatedTo } from './prog-locations.js';

/** Deliverables: a cutoff, a summary, and no evidence from after the cutoff. */
export class ReportChecks {
    constructor(private readonly index: ProgWorkspaceIndex) {}

    /** `report/no-summary`: assessment and final reports open with a summary. */
    reportShouldHaveSummary(report: ast.Report, accept: ValidationAcceptor): void {
        if (!report.name || !isJudgingReport(report) || report.summary) return;
        diagnose(accept, Codes.ReportNoSummary,
            `The ${report.kind} report ${report.name} has no summary; add \`summary """…"""\` — readers of ${report.kind === 'final' ? 'a final report' : 'an assessment'} start there`,
            { node: report, property: 'name' });
    }

    /** `report/no-english-summary`: an assessment or final report in nb or nn (the default) has an English summary. */
    reportShouldHaveEnglishSummary(report: ast.Report, accept: ValidationAcceptor): void {
        if (!report.name || !isJudgingReport(report) || report.summaryEn !== undefined) return;
        const language = report.language ?? 'nb';
        if (language === 'en') return;
        diagnose(accept, Codes.ReportNoEnglishSummary,
            `The ${report.kind} report ${report.name} is written in ${language}${report.language === undefined ? ' (the default)' : ''} and has no English summary; add \`summary-en """…"""\` — Norwegian research reports carry one for readers and indexes abroad`,
            { node: report, property: 'name' });
    }

    /** `report/no-cutoff`: a report states the last date of admissible evidence. */
    reportShouldHaveCutoff(report: ast.Report, accept: ValidationAcceptor): void {
        if (!report.name || report.cutoff !== undefined) return;
        diagnose(accept, Codes.ReportNoCutoff,
            `The report ${report.name} has no cutoff; add \`cutoff YYYY-MM-DD\`, the last date of evidence it admits${report.date !== undefined ? ` (until then its date ${report.date} is used)` : ''}`,
            { node: report, property: 'name' });
    }

    /**
     * `report/after-cutoff`, on the evidence item: a report includes this finding (in force,
     * undated or dated on or before the cutoff) while the source is dated after the cutoff.
     * The reports are sorted by cutoff, so this is a binary search, not a scan.
     */
    evidenceShouldPrecedeCutoff(evidence: ast.Evidence, accept: ValidationAcceptor): void {
        const finding = evidence.$container;
        if (!isInForce(finding)) return;
        const reports = this.index.reportsByCutoff();
        if (reports.length === 0) return;
        // A table or chart is evidence from each of its sources (V2 §8), wherever they are declared.
        const target = evidence.source?.ref;
        if (target && target.$type !== 'Source') for (const ref of target.from) this.index.depend(declKey(ref.$refText.normalize('NFC')));
        for (const source of sourcesOfEvidence(evidence)) this.sourceShouldPrecedeCutoff(evidence, source, reports, accept);
    }

    private sourceShouldPrecedeCutoff(evidence: ast.Evidence, source: ast.Source, reports: readonly ReportCutoff[], accept: ValidationAcceptor): void {
        const finding = evidence.$container;
        const sourceDate = dateOf(source);
        if (!sourceDate) return;
        const findingDate = dateOf(finding);
        // Offending reports: findingDate.first <= cutoff.last < sourceDate.first.
        const from = findingDate ? lowerBound(reports, findingDate.first) : 0;
        const to = lowerBound(reports, sourceDate.first);
        const offending = reports.slice(from, to).map(r => r.report).filter(report => reportIncludes(report, finding));
        if (offending.length === 0) return;
        const described = offending.map(r => `${r.name} (cutoff ${r.cutoff ?? r.date})`);
        diagnose(accept, Codes.ReportAfterCutoff,
            `${source.name} is dated ${source.date}, after the cutoff of ${listWords(described)}, which include${offending.length === 1 ? 's' : ''} ${finding.name}; cite evidence from before the cutoff, date the finding after the cutoff, or move the cutoff`,
            {
                node: evidence, property: 'source',
                relatedInformation: [
                    relatedTo(source, `${source.name} is dated ${source.date}`, 'date'),
                    ...offending.map(r => relatedTo(r, `the cutoff of ${r.name}`, r.cutoff !== undefined ? 'cutoff' : 'date'))
                ]
            });
    }
}

/** The first index whose cutoff's last day is on or after `day`. */
function lowerBound(reports: readonly ReportCutoff[], day: string): number {
    let lo = 0, hi = reports.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (reports[mid].cutoff.last < day) lo = mid + 1; else hi = mid;
    }
    return lo;
}
