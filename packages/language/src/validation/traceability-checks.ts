import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { Codes } from '../prog-codes.js';
import { declKey } from '../workspace/prog-dependencies.js';
import {
    confidenceRank, DAC_CRITERIA, evidenceResolved, evidenceSources, INFORMANT_SOURCE_KINDS, isJudgingReport, isResultLevel,
    isSeries, originOf, restsOnSelfReportedSources, triangulationOf, type Triangulation
} from '../model/prog-model.js';
import { supportedNode } from '../model/prog-time.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { diagnose } from './prog-diagnose.js';
import { listWords, MAX_RELATED, ownKeyword, relatedTo } from './prog-locations.js';

/** Questions → findings → assessments → recommendations, with no gaps and no orphans. */
export class TraceabilityChecks {
    constructor(private readonly index: ProgWorkspaceIndex) {}

    /** `finding/no-evidence`. */
    findingShouldHaveEvidence(finding: ast.Finding, accept: ValidationAcceptor): void {
        if (!finding.name || finding.evidence.length > 0) return;
        diagnose(accept, Codes.FindingNoEvidence,
            `The finding ${finding.name} has no evidence; add \`evidence SOURCE at "locator"\` for each source it rests on — a finding without evidence is an opinion`,
            { node: finding, property: 'name' });
    }

    /** `finding/no-question`. */
    findingShouldAnswerQuestion(finding: ast.Finding, accept: ValidationAcceptor): void {
        if (!finding.name || finding.answers.length > 0) return;
        diagnose(accept, Codes.FindingNoQuestion,
            `The finding ${finding.name} answers no question; add \`answers Q\` naming the research question(s) it speaks to`,
            { node: finding, property: 'name' });
    }

    /** `finding/no-confidence`. */
    findingShouldHaveConfidence(finding: ast.Finding, accept: ValidationAcceptor): void {
        if (!finding.name || finding.confidence) return;
        diagnose(accept, Codes.FindingNoConfidence,
            `The finding ${finding.name} has no confidence; grade it (GRADE-CERQual): \`confidence high|moderate|low|very-low\``,
            { node: finding, property: 'name' });
    }

    /**
     * `finding/untriangulated`: high confidence needs triangulated evidence — at least two
     * source kinds and at least two origins, literature not counted (`triangulationOf`).
     */
    highConfidenceShouldBeTriangulated(finding: ast.Finding, accept: ValidationAcceptor): void {
        if (finding.confidence !== 'high' || finding.evidence.length === 0) return;
        followTables(this.index, finding);
        if (!evidenceResolved(finding)) return;
        const triangulation = triangulationOf(finding, this.index);
        if (triangulation.triangulated) return;
        diagnose(accept, Codes.FindingUntriangulated, untriangulatedMessage(finding, triangulation), { node: finding, property: 'confidence' });
    }

    /** `finding/single-informant`: above-low confidence does not rest on one interview or focus group. */
    confidenceShouldNotRestOnOneInformant(finding: ast.Finding, accept: ValidationAcceptor): void {
        if (!finding.confidence || confidenceRank(finding.confidence) <= confidenceRank('low')) return;
        if (finding.evidence.length === 0) return;
        followTables(this.index, finding);
        if (!evidenceResolved(finding)) return;
        const sources = evidenceSources(finding);
        const source = sources[0];
        if (!source || sources.some(other => other !== source)) return;
        // A series (`count` ≥ 2: 18 interviews with one role) is several informants (V2 §8).
        if (!INFORMANT_SOURCE_KINDS.has(source.kind) || isSeries(source)) return;
        const keyword = ownKeyword(finding, 'evidence');
        diagnose(accept, Codes.FindingSingleInformant,
            `Every evidence item of ${finding.name} is the same ${source.kind} (${source.name}), yet confidence is ${finding.confidence}; one informant is low confidence at most — add other sources or set \`confidence low\``,
            { node: finding, range: keyword?.range, property: keyword ? undefined : 'name', relatedInformation: [relatedTo(source, `the only source: ${source.kind} ${source.name}`)] });
    }

    /**
     * `finding/self-reported-only`: support for an outcome or impact needs a source the
     * programme did not produce. Supporting an indicator counts as supporting its node.
     */
    outcomeSupportShouldNotBeSelfReported(finding: ast.Finding, accept: ValidationAcceptor): void {
        if (finding.evidence.length === 0 || finding.supports.length === 0) return;
        followTables(this.index, finding);
        if (!evidenceResolved(finding)) return;
        if (!restsOnSelfReportedSources(finding, this.index)) return;
        const sources = [...new Set(evidenceSources(finding))];
        finding.supports.forEach((ref, index) => {
            const target = supportedNode(ref.ref);
            // Through an indicator, the node may be declared in a file this one does not reference.
            if (target && target !== ref.ref && target.name) this.index.depend(declKey(target.name));
            if (!target || !isResultLevel(target.level)) return;
            const what = target === ref.ref ? `the ${target.level} ${target.name}` : `the ${target.level} ${target.name} (through its indicator ${ref.ref!.name})`;
            diagnose(accept, Codes.FindingSelfReportedOnly,
                `${finding.name} supports ${what} with self-reported sources only (${sources.map(s => `${s.name}: origin ${originOf(s, this.index)}`).join(', ')}); a programme describing itself is not evidence of its results — add an independent source`,
                {
                    node: finding, property: 'supports', index,
                    relatedInformation: sources.slice(0, MAX_RELATED).map(s => {
                        const info = this.index.originInfo(s);
                        return relatedTo(s, `${s.name} has origin ${info.origin}${info.written ? '' : ` (${info.reason})`}`, s.origin ? 'origin' : s.actor ? 'actor' : 'name');
                    })
                });
        });
    }

    /** `finding/withdrawn-cited` on `based-on`: a withdrawn finding supports nothing. */
    basisShouldNotBeWithdrawn(node: ast.Assessment | ast.Recommendation | ast.Lesson, accept: ValidationAcceptor): void {
        node.basedOn.forEach((ref, index) => {
            const finding = ref.ref;
            if (finding?.status === 'withdrawn') {
                diagnose(accept, Codes.FindingWithdrawnCited, withdrawnMessage(finding, `\`based-on\` of ${node.name}`),
                    { node, property: 'basedOn', index, relatedInformation: [relatedTo(finding, `${finding.name} is withdrawn here`, 'status')] });
            }
        });
    }

    /** `finding/withdrawn-cited` on `@F` in a text. */
    textShouldNotCiteWithdrawn(textRef: ast.TextRef, accept: ValidationAcceptor): void {
        const target = textRef.ref?.ref;
        if (!ast.isFinding(target) || target.status !== 'withdrawn') return;
        diagnose(accept, Codes.FindingWithdrawnCited, withdrawnMessage(target, 'this text'),
            { node: textRef, property: 'ref', relatedInformation: [relatedTo(target, `${target.name} is withdrawn here`, 'status')] });
    }

    /** `question/unanswered`. */
    questionShouldBeAnswered(question: ast.Question, accept: ValidationAcceptor): void {
        if (!question.name || this.index.isAnswered(question)) return;
        diagnose(accept, Codes.QuestionUnanswered,
            `No confirmed or revised finding answers the question ${question.name}; add \`answers ${question.name}\` to the findings that do, or report it as open`,
            { node: question, property: 'name' });
    }

    /** `recommendation/no-basis`. */
    recommendationShouldHaveBasis(recommendation: ast.Recommendation, accept: ValidationAcceptor): void {
        if (!recommendation.name || recommendation.basedOn.length > 0) return;
        diagnose(accept, Codes.RecommendationNoBasis,
            `The recommendation ${recommendation.name} rests on no finding; add \`based-on F…\``,
            { node: recommendation, property: 'name' });
    }

    /** `recommendation/no-addressee`. */
    recommendationShouldHaveAddressee(recommendation: ast.Recommendation, accept: ValidationAcceptor): void {
        if (!recommendation.name || recommendation.to.length > 0) return;
        diagnose(accept, Codes.RecommendationNoAddressee,
            `The recommendation ${recommendation.name} has no addressee; add \`to ACTOR\` naming who should act on it`,
            { node: recommendation, property: 'name' });
    }

    /** `assessment/no-basis`; silent on a `not-assessed` assessment, which has no rating to rest on findings. */
    assessmentShouldHaveBasis(assessment: ast.Assessment, accept: ValidationAcceptor): void {
        if (!assessment.name || assessment.basedOn.length > 0 || assessment.notAssessed !== undefined) return;
        diagnose(accept, Codes.AssessmentNoBasis,
            `The assessment ${assessment.name} rests on no finding; add \`based-on F…\` naming the findings behind its rating, or, if the criterion lies outside the evaluation, replace the rating with \`not-assessed "reason"\``,
            { node: assessment, property: 'name' });
    }

    /** `assessment/criterion-missing`: an assessment or final report covers all six DAC criteria. */
    judgingReportShouldCoverEveryCriterion(report: ast.Report, accept: ValidationAcceptor): void {
        if (!report.name || !isJudgingReport(report)) return;
        const assessed = this.index.assessedCriteria();
        const missing = DAC_CRITERIA.filter(criterion => !assessed.has(criterion));
        if (missing.length === 0) return;
        diagnose(accept, Codes.AssessmentCriterionMissing,
            `The ${report.kind} report ${report.name} lacks an assessment of ${listWords(missing)} (OECD DAC criteria); add \`assessment … { criterion ${missing[0]} … }\` for each, or explain in the report why a criterion does not apply`,
            { node: report, property: 'name' });
    }

    /** `lesson/no-basis`. */
    lessonShouldHaveBasis(lesson: ast.Lesson, accept: ValidationAcceptor): void {
        if (!lesson.name || lesson.basedOn.length > 0) return;
        diagnose(accept, Codes.LessonNoBasis,
            `The lesson ${lesson.name} rests on no finding; add \`based-on F…\``,
            { node: lesson, property: 'name' });
    }

    /** `source/unused`: every source is cited by something. */
    sourceShouldBeCited(source: ast.Source, accept: ValidationAcceptor): void {
        if (!source.name || this.index.citationsOf(source).length > 0) return;
        diagnose(accept, Codes.SourceUnused,
            `Nothing cites the source ${source.name}; use it as \`evidence ${source.name}\` in a finding or \`@${source.name}\` in a text, or remove it`,
            { node: source, property: 'name' });
    }
}

/**
 * A table or chart is evidence from its `from` sources (V2 §8), which may be declared in a
 * third document that neither the finding's nor the table's document is: the finding's
 * diagnostics then depend on those declarations (prog-dependencies.ts), so an edit of such a
 * source (its kind, origin, date, count) revalidates the finding.
 */
export function followTables(index: ProgWorkspaceIndex, finding: ast.Finding): void {
    for (const item of finding.evidence) {
        const target = item.source?.ref;
        if (!target || target.$type === 'Source') continue;
        for (const ref of target.from) index.depend(declKey(ref.$refText.normalize('NFC')));
    }
}

/** The message of `finding/untriangulated`: what the evidence comes from, what is missing, the fix. */
export function untriangulatedMessage(finding: ast.Finding, triangulation: Triangulation): string {
    const { kinds, origins, literature } = triangulation;
    const counted = literature > 0 ? ' (literature not counted)' : '';
    const what = kinds.length === 0
        ? `rests on literature only, which supports a finding but triangulates nothing`
        : `comes from ${kinds.length === 1 ? `one kind of source (${kinds[0]})` : `${countWord(kinds.length)} kinds of source (${kinds.join(', ')})`}`
            + ` and ${origins.length === 1 ? `one origin (${origins[0]})` : `${countWord(origins.length)} origins (${origins.join(', ')})`}${counted}`;
    const need = kinds.length < 2 && origins.length < 2 ? 'another kind of source from another origin'
        : kinds.length < 2 ? 'another kind of source' : 'a source of another origin (programme, project or independent)';
    return `${finding.name} has confidence high, but its evidence ${what}; high confidence needs triangulated evidence: at least two source kinds and at least two origins. Add ${need}, or lower the confidence`;
}

function countWord(n: number): string {
    return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'][n] ?? String(n);
}

function withdrawnMessage(finding: ast.Finding, where: string): string {
    return `${finding.name} is withdrawn but ${where} still cites it; cite the finding that replaces it, or remove the reference`;
}
