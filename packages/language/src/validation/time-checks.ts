import type { ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import { Codes } from '../prog-codes.js';
import { parseDate } from '../model/prog-dates.js';
import { isStrictlyBefore } from '../model/prog-time.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { diagnose } from './prog-diagnose.js';
import { relatedTo } from './prog-locations.js';

/**
 * Time and measurement (LANGUAGE.md v2): follow-ups in date order, statuses that say when
 * they changed, assessments that either rate with an argument or say why they do not, and
 * measured indicator values with their source.
 */
export class TimeChecks {
    constructor(private readonly index: ProgWorkspaceIndex) {}

    /**
     * `recommendation/follow-up-order`: the first follow-up dated before the one written
     * before it, or before the recommendation's `date` (X is before Y when X's last day is
     * before Y's first day; equal dates are in order).
     */
    followUpsShouldBeInOrder(recommendation: ast.Recommendation, accept: ValidationAcceptor): void {
        const made = parseDate(recommendation.date);
        let previous: { followUp: ast.FollowUp; date: NonNullable<ReturnType<typeof parseDate>> } | undefined;
        for (const followUp of recommendation.followUps) {
            const date = parseDate(followUp.date);
            if (!date) continue;
            if (made && isStrictlyBefore(date, made)) {
                diagnose(accept, Codes.RecommendationFollowUpOrder,
                    `This follow-up (${followUp.date}) is dated before the recommendation ${recommendation.name} was made (${recommendation.date}); correct one of the two dates`,
                    { node: followUp, relatedInformation: [relatedTo(recommendation, `${recommendation.name} is dated ${recommendation.date}`, 'date')] });
                return;
            }
            if (previous && isStrictlyBefore(date, previous.date)) {
                diagnose(accept, Codes.RecommendationFollowUpOrder,
                    `This follow-up (${followUp.date}) is dated before the follow-up written above it (${previous.followUp.date}); write the follow-ups of ${recommendation.name} in date order, oldest first, or correct the date`,
                    { node: followUp, relatedInformation: [relatedTo(previous.followUp, 'the follow-up before it', 'date')] });
                return;
            }
            previous = { followUp, date };
        }
    }

    /** `recommendation/undated-status`: a status other than `proposed` says when it changed, through a dated `follow-up`. */
    statusShouldBeDated(recommendation: ast.Recommendation, accept: ValidationAcceptor): void {
        const status = recommendation.status;
        if (!recommendation.name || status === undefined || status === 'proposed' || recommendation.followUps.length > 0) return;
        diagnose(accept, Codes.RecommendationUndatedStatus,
            `The status of ${recommendation.name} is ${status}, but no follow-up says when it became so; a report dated before that would still print it as ${status}. Write it as \`follow-up DATE ${status} "response"\` (and leave \`status\` out, or \`proposed\`)`,
            { node: recommendation, property: 'status' });
    }

    /** `assessment/not-assessed-with-rating`: `not-assessed` takes the place of `rating` and `based-on`. */
    notAssessedShouldStandAlone(assessment: ast.Assessment, accept: ValidationAcceptor): void {
        if (assessment.notAssessed === undefined) return;
        const extras = [assessment.rating !== undefined ? '`rating`' : undefined, assessment.basedOn.length > 0 ? '`based-on`' : undefined]
            .filter((w): w is string => w !== undefined);
        if (extras.length === 0) return;
        diagnose(accept, Codes.AssessmentNotAssessedWithRating,
            `The assessment ${assessment.name} is \`not-assessed\` and still has ${extras.join(' and ')}; a criterion is either assessed (rating, based-on, text) or declared not assessed with its reason — remove ${extras.join(' and ')}, or remove \`not-assessed\``,
            { node: assessment, property: 'notAssessed' });
    }

    /** `assessment/no-text`: a rating comes with its argument. */
    ratingShouldHaveText(assessment: ast.Assessment, accept: ValidationAcceptor): void {
        // A `not-assessed` assessment with a rating is `assessment/not-assessed-with-rating`.
        if (!assessment.name || assessment.rating === undefined || assessment.text !== undefined || assessment.notAssessed !== undefined) return;
        diagnose(accept, Codes.AssessmentNoText,
            `The assessment ${assessment.name} rates ${assessment.rating} without a text; add \`text """…"""\` giving the argument for the rating from its findings — a rating alone tells the reader nothing they can check`,
            { node: assessment, property: 'name' });
    }

    /** `indicator/measurement-without-source`: a measured value names where it comes from. */
    measurementShouldHaveSource(measurement: ast.Measurement, accept: ValidationAcceptor): void {
        if (measurement.source !== undefined) return;
        const indicator = measurement.$container;
        diagnose(accept, Codes.IndicatorMeasurementWithoutSource,
            `The value ${measurement.value} measured ${measurement.date} for ${indicator.name} has no source; add \`from SOURCE\` (and \`at "…"\` for the page or table) so that a reader can check the figure`,
            { node: measurement });
    }

    /**
     * `indicator/no-measurement`: once an assessment or final report exists, an indicator
     * with a target has at least one measured value.
     */
    indicatorShouldBeMeasured(indicator: ast.Indicator, accept: ValidationAcceptor): void {
        if (!indicator.name || indicator.target === undefined || indicator.measurements.length > 0) return;
        const reports = this.index.judgingReports();
        if (reports.length === 0) return;
        const report = reports[0];
        diagnose(accept, Codes.IndicatorNoMeasurement,
            `The indicator ${indicator.name} has a target (${indicator.target}) but no measured value, and the ${report.kind} report ${report.name} will say how far the programme got; add \`measured DATE VALUE from SOURCE\``,
            { node: indicator, property: 'name', relatedInformation: [relatedTo(report, `the ${report.kind} report ${report.name}`)] });
    }
}
