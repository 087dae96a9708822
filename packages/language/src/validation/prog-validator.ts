import type { ValidationChecks } from 'langium';
import type { ProgAstType } from '../generated/ast.js';
import type { ProgCoreServices } from '../prog-module.js';
import { DataChecks } from './data-checks.js';
import { DateChecks } from './date-checks.js';
import { EvidenceChecks } from './evidence-checks.js';
import { LogicChecks } from './logic-checks.js';
import { PortfolioChecks } from './portfolio-checks.js';
import { PrivacyChecks } from './privacy-checks.js';
import { ReportChecks } from './report-checks.js';
import { SourceChecks } from './source-checks.js';
import { StructureChecks } from './structure-checks.js';
import { TimeChecks } from './time-checks.js';
import { TraceabilityChecks } from './traceability-checks.js';
import { TextChecks } from './text-checks.js';

/** Registers the checks, one concern per file under `validation/`, by AST type. */
export function registerValidationChecks(services: ProgCoreServices): void {
    const registry = services.validation.ValidationRegistry;
    const index = services.workspace.WorkspaceIndex;
    const structure = new StructureChecks(index, services.workspace.Settings);
    const logic = new LogicChecks(index);
    const portfolio = new PortfolioChecks(index);
    const trace = new TraceabilityChecks(index);
    const sources = new SourceChecks(index, services.workspace.Settings, services.workspace.Bibliography);
    const privacy = new PrivacyChecks(index);
    const reports = new ReportChecks(index);
    const texts = new TextChecks();
    const dateChecks = new DateChecks(index);
    const longBefore = dateChecks.dateShouldNotBeLongBeforePeriod.bind(dateChecks);
    const time = new TimeChecks(index);
    const data = new DataChecks(index, services.workspace.Settings, services.workspace.TableData);
    const tableChecks = [data.tableShouldHaveSource.bind(data), data.fileShouldHoldTheTable.bind(data), data.tableShouldBeCited.bind(data)];
    const evidence = new EvidenceChecks(index, services.workspace.Settings, services.workspace.Transcripts);
    const noRepeat = structure.propertyShouldNotRepeat.bind(structure);
    const unique = structure.idShouldBeUnique.bind(structure);
    const dates = structure.datesShouldExist.bind(structure);
    const sdgs = structure.sdgsShouldBeInRange.bind(structure);
    const withdrawnBasis = trace.basisShouldNotBeWithdrawn.bind(trace);
    const checks: ValidationChecks<ProgAstType> = {
        Model: structure.workspaceShouldHaveOneProgramme.bind(structure),
        Element: [unique, noRepeat, privacy.titleShouldNotNamePerson.bind(privacy)],
        Programme: [dates, sdgs, sources.bibliographyShouldLoad.bind(sources), privacy.programmeShouldStateEthics.bind(privacy)],
        Chain: [logic.chainShouldNotCycle.bind(logic), logic.edgesShouldRunUpward.bind(logic)],
        LogicNode: [
            sdgs, logic.nodeShouldBeConnected.bind(logic), logic.resultShouldHaveIndicator.bind(logic),
            logic.resultShouldHaveEvidence.bind(logic)
        ],
        Assumption: logic.assumptionShouldBeTested.bind(logic),
        AssumptionTarget: structure.assumptionEdgeShouldExist.bind(structure),
        Indicator: time.indicatorShouldBeMeasured.bind(time),
        Measurement: [dates, time.measurementShouldHaveSource.bind(time)],
        Portfolio: [portfolio.portfolioShouldHoldSeveralProjects.bind(portfolio), portfolio.portfolioShouldShowInteraction.bind(portfolio)],
        Project: [portfolio.projectShouldHaveOwner.bind(portfolio), portfolio.projectShouldContribute.bind(portfolio)],
        Relation: portfolio.relationShouldNameAnotherProject.bind(portfolio),
        Source: [
            dates, structure.sourcePeriodShouldNotBeReversed.bind(structure), sources.fileShouldExistInWorkspace.bind(sources), sources.sourceShouldNotBeDatedInFuture.bind(sources),
            sources.eventSourceShouldHaveDate.bind(sources), sources.citeKeyShouldExist.bind(sources), sources.countShouldNameSeries.bind(sources),
            trace.sourceShouldBeCited.bind(trace), privacy.nameShouldHaveConsent.bind(privacy), privacy.smallGroupShouldNotIdentify.bind(privacy),
            longBefore
        ],
        Finding: [
            dates, trace.findingShouldHaveEvidence.bind(trace), trace.findingShouldAnswerQuestion.bind(trace),
            trace.findingShouldHaveConfidence.bind(trace), trace.highConfidenceShouldBeTriangulated.bind(trace),
            trace.confidenceShouldNotRestOnOneInformant.bind(trace), trace.outcomeSupportShouldNotBeSelfReported.bind(trace),
            dateChecks.findingShouldNotBeDatedInFuture.bind(dateChecks), longBefore
        ],
        Evidence: [
            noRepeat, privacy.quoteShouldNotNamePerson.bind(privacy), reports.evidenceShouldPrecedeCutoff.bind(reports),
            evidence.quoteShouldBeInTranscript.bind(evidence)
        ],
        Question: trace.questionShouldBeAnswered.bind(trace),
        Assessment: [
            dates, trace.assessmentShouldHaveBasis.bind(trace), withdrawnBasis, time.notAssessedShouldStandAlone.bind(time),
            time.ratingShouldHaveText.bind(time)
        ],
        Recommendation: [
            dates, trace.recommendationShouldHaveBasis.bind(trace), trace.recommendationShouldHaveAddressee.bind(trace), withdrawnBasis,
            time.followUpsShouldBeInOrder.bind(time), time.statusShouldBeDated.bind(time)
        ],
        FollowUp: dates,
        Lesson: [trace.lessonShouldHaveBasis.bind(trace), withdrawnBasis],
        Report: [
            dates, reports.reportShouldHaveSummary.bind(reports), reports.reportShouldHaveCutoff.bind(reports),
            trace.judgingReportShouldCoverEveryCriterion.bind(trace), reports.reportShouldHaveEnglishSummary.bind(reports), longBefore
        ],
        Section: privacy.titleShouldNotNamePerson.bind(privacy),
        TextBlock: [privacy.textShouldNotNamePerson.bind(privacy), texts.indentationShouldNotMix.bind(texts)],
        TextRef: trace.textShouldNotCiteWithdrawn.bind(trace),
        Period: [dates, structure.periodShouldNotBeReversed.bind(structure)],
        Table: tableChecks,
        Chart: tableChecks
    };
    registry.register(checks);
}
