import type { ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import { Codes } from '../prog-codes.js';
import { parseDate, today, type DateSpan } from '../model/prog-dates.js';
import { dateOf, EVENT_SOURCE_KINDS, isAfter } from '../model/prog-model.js';
import { fieldsOf } from '../model/prog-ast-walk.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { diagnose } from './prog-diagnose.js';
import { propertyRange, relatedTo } from './prog-locations.js';

/** How far before the programme's period a date may lie before it looks like a typo. */
export const YEARS_BEFORE_PERIOD = 5;

/**
 * Dates that are possible but cannot be right: a finding from the future, and a date
 * long before the programme began (a typo for the intended year, which otherwise shows
 * only as its consequences: a finding dated 2012 is included in every report).
 */
export class DateChecks {
    constructor(private readonly index: ProgWorkspaceIndex) {}

    /** `finding/future-date`: like `source/future-date`, a finding cannot be made after today. */
    findingShouldNotBeDatedInFuture(finding: ast.Finding, accept: ValidationAcceptor): void {
        const date = dateOf(finding);
        const now = today();
        if (!date || !isAfter(date, parseDate(now)!)) return;
        diagnose(accept, Codes.FindingFutureDate,
            `The finding ${finding.name} is dated ${finding.date}, after today (${now}); correct the date — no report includes a finding dated after its cutoff, so it would silently be left out`,
            { node: finding, property: 'date' });
    }

    /**
     * `date/long-before-period`: the date of a finding, a report (`date`, `cutoff`) or a
     * source that happens at a time (interview, focus group, observation, survey, workshop)
     * lies more than five years before the programme's period. Documents, literature and
     * datasets may be older.
     */
    dateShouldNotBeLongBeforePeriod(node: ast.Finding | ast.Source | ast.Report, accept: ValidationAcceptor): void {
        if (node.$type === 'Source' && !EVENT_SOURCE_KINDS.has((node as ast.Source).kind)) return;
        // Asked of every finding and source on every validation: no lists or closures on the way.
        const date = writtenDate(fieldsOf(node).date);
        const cutoff = node.$type === 'Report' ? writtenDate((node as ast.Report).cutoff) : undefined;
        if (date === undefined && cutoff === undefined) return;
        const programme = this.index.programmes()[0];
        const limit = programme ? this.limitOf(programme) : undefined;
        if (!programme || limit === undefined) return;
        if (date !== undefined) this.reportLongBefore(node, 'date', date, limit, programme, accept);
        if (cutoff !== undefined) this.reportLongBefore(node, 'cutoff', cutoff, limit, programme, accept);
    }

    private reportLongBefore(node: ast.Finding | ast.Source | ast.Report, property: 'date' | 'cutoff', value: string | number, limit: string, programme: ast.Programme, accept: ValidationAcceptor): void {
        const parsed = parseDate(value);
        if (!parsed || parsed.last >= limit) return;
        const what = node.$type === 'Finding' ? `The finding ${node.name}`
            : node.$type === 'Report' ? `The report ${node.name}'s ${property}` : `The ${(node as ast.Source).kind} ${node.name}`;
        const consequence = node.$type === 'Finding' ? ' (a finding dated this early is included in every report)' : '';
        diagnose(accept, Codes.DateLongBeforePeriod,
            `${what} is dated ${value}, more than ${YEARS_BEFORE_PERIOD} years before the programme's period (${programme.period!.start} .. ${programme.period!.end}); is the year a typo?${consequence}`,
            { node, range: propertyRange(node, property), relatedInformation: [relatedTo(programme, "the programme's period", 'period')] });
    }

    /** The earliest plausible date for a programme (a tree never changes: remembered per node). */
    private readonly limits = new WeakMap<ast.Programme, string | null>();

    private limitOf(programme: ast.Programme): string | undefined {
        let limit = this.limits.get(programme);
        if (limit === undefined) {
            const start = programme.period ? parseDate(programme.period.start) : undefined;
            this.limits.set(programme, limit = start ? yearsBefore(start, YEARS_BEFORE_PERIOD) : null);
        }
        return limit ?? undefined;
    }
}

/** A date property's value as written, if it is one. */
function writtenDate(value: unknown): string | number | undefined {
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** The day `years` years before a date's first day, as `YYYY-MM-DD`. */
function yearsBefore(date: DateSpan, years: number): string {
    const year = Number(date.first.slice(0, 4)) - years;
    return `${String(year).padStart(4, '0')}${date.first.slice(4)}`;
}
