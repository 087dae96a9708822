/**
 * Every word and generated sentence a report prints, in bokmål (`labels-nb.ts`), nynorsk
 * (`labels-nn.ts`) and English (`labels-en.ts`), and the number and date formats of each
 * language. Each language object is complete on its own (no language falls back on
 * another), so `--lang nn` cannot print bokmål and `--lang en` cannot print Norwegian.
 */
import type * as ast from '@sporbar/language';
import { en } from './labels-en.js';
import { nb } from './labels-nb.js';
import { nn } from './labels-nn.js';

/** The report languages; `nb` and `nn` are Norwegian bokmål and nynorsk. */
export type ReportLanguage = ast.Language;

/** Document language tags (docx `w:lang`, HTML `lang`, CSL locale). */
export const LANGUAGE_TAGS: Record<ReportLanguage, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export type AssumptionStatus = 'supported' | 'challenged' | 'untested';

/** Grammatical gender, for numerals that agree ("ett intervju", "én fokusgruppe", "ei spørjeundersøking"). */
export type Gender = 'm' | 'f' | 'n';

export interface Noun {
    readonly one: string;
    readonly many: string;
    /** The definite plural ("problemstillingene"): "de åtte problemstillingene". */
    readonly the: string;
    readonly gender: Gender;
}

/** Things the generated text counts. */
export type NounKey = ast.SourceKind | 'finding' | 'question' | 'recommendation' | 'source' | 'actor' | 'assumption'
    | 'lesson' | 'project' | 'criterion' | 'initiative' | 'need' | 'assessment' | 'indicator' | 'node' | 'sourceKindWord' | 'report' | 'level';

/** The four GRADE-CERQual components with a strength (no or minor concerns) and a concern phrase. */
export interface ComponentWords {
    /** The component's Norwegian term ("samsvar i dataene"): never a DAC word. */
    readonly name: string;
    /** Its definition in the method chapter. */
    readonly definition: string;
    /** Said of a finding with no or minor concerns ("kildene peker i samme retning"). */
    readonly strength: string;
}

/** One step of a recommendation's history: its status word, date (long form) and the client's response. */
export interface HistoryStep {
    readonly status: string;
    readonly date?: string;
    readonly response?: string;
    /** True when the status is the same as the step before (a follow-up that only records a response). */
    readonly unchanged: boolean;
}

export interface Labels {
    readonly draft: string;
    readonly contents: string;
    readonly table: string;
    readonly figure: string;
    readonly appendix: string;
    readonly sourceLine: string;
    readonly noteLine: string;
    readonly kindTitle: Record<ast.ReportKind, string>;
    /** "underveisnotatet": the kind in its definite form, mid-sentence. */
    readonly kindDefinite: Record<ast.ReportKind, string>;
    readonly months: readonly string[];
    readonly and: string;
    /** Quotation marks: « » in Norwegian, “ ” in English. */
    readonly quoteMarks: readonly [string, string];
    /** An earlier report: "underveisnotatet fra juni 2021". */
    readonly reportOf: (kind: string, month: string) => string;
    readonly nouns: Record<NounKey, Noun>;
    /** Numerals one to twelve; index 1 per gender. */
    readonly numerals: readonly string[];
    readonly one: Record<Gender, string>;
    readonly percentSign: string;

    // Front matter
    readonly front: {
        readonly commissionedBy: (client: string) => string;
        readonly title: string;
        readonly authors: string;
        readonly institution: string;
        readonly reportNumber: string;
        readonly isbn: string;
        readonly issn: string;
        readonly date: string;
        readonly projectLeader: string;
        readonly client: string;
        readonly clientReference: string;
        readonly qualityAssurance: string;
        readonly keywords: string;
        readonly citeFreely: string;
        readonly to: string;
        readonly from: string;
        readonly cutoff: string;
        readonly programme: string;
    };
    readonly preface: string;
    readonly summary: string;
    readonly summaryEnglish: string;

    // Chapters
    readonly chapters: {
        readonly introduction: string;
        readonly method: string;
        readonly programme: string;
        readonly findings: string;
        readonly assessment: string;
        readonly discussion: string;
        readonly development: string;
        readonly context: string;
        readonly lessons: string;
        readonly conclusions: string;
        readonly recommendations: string;
        readonly references: string;
        readonly keyPoints: string;
        readonly newFindings: string;
        readonly recommendationFollowUp: string;
        readonly openQuestions: string;
        readonly nextSteps: string;
        readonly aboutData: string;
        readonly matrix: string;
        readonly sourceOverview: string;
        readonly figureDescription: (figure: string) => string;
    };
    /** Titles a report's own `section` may have to fill a final-report chapter (besides the chapter's own). */
    readonly chapterAliases: { readonly development: readonly string[]; readonly context: readonly string[] };

    // Introduction
    readonly intro: {
        readonly goalAndDescription: string;
        readonly questions: string;
        readonly goal: (goal: string) => string;
        readonly period: (period: string) => string;
        readonly sdgs: (list: string) => string;
        readonly assignment: (client: string, contract: string | undefined) => string;
        readonly needsLead: (count: string) => string;
        readonly questionsLead: (table: string, questions: string) => string;
        readonly needPriority: (priority: string) => string;
        readonly questionsCaption: string;
        readonly headers: { readonly number: string; readonly question: string; readonly need: string; readonly findings: string };
    };

    // Method
    readonly method: {
        readonly data: string;
        readonly dataLead: (table: string) => string;
        readonly dataCaption: string;
        readonly dataSource: (appendix: string) => string;
        readonly headers: { readonly kind: string; readonly count: string; readonly period: string; readonly respondents: string };
        readonly total: string;
        readonly triangulation: string;
        readonly triangulationDefinition: string;
        readonly triangulationCount: (count: string, plural: boolean, percent: string, appendix: string | undefined) => string;
        readonly confidence: string;
        readonly confidenceLead: string;
        readonly confidenceLevels: Record<ast.Confidence, string>;
        readonly componentsLead: string;
        readonly distribution: (counts: readonly (readonly [ast.Confidence, number])[], total: number) => string;
        readonly distributionCaption: string;
        readonly distributionHeaders: { readonly confidence: string; readonly findings: string; readonly triangulated: string };
        readonly noConfidence: string;
        readonly criteria: string;
        readonly criteriaLead: (dac: number, custom: number) => string;
        readonly customCriterion: string;
        readonly ratingLead: string;
        readonly ratingScale: Record<ast.Rating, string>;
        readonly notAssessedDefinition: string;
        readonly unclearNote: string;
        readonly cutoff: string;
        readonly cutoffText: (date: string) => string;
        readonly limitations: string;
        readonly lowConfidence: (count: string, findings: string, plural: boolean) => string;
        readonly selfReportedOutcomes: (count: string, findings: string) => string;
        /** Every finding that supports an outcome or impact also rests on a source from outside the programme and its projects. */
        readonly selfReportedOutcomesNone: string;
        readonly ownSourcesShare: (share: string) => string;
        readonly questionNotAnswered: (question: string, section: string) => string;
        readonly questionsNotAnswered: (questions: string, sections: string) => string;
        readonly noLimitations: string;
        readonly protection: string;
        readonly protectionLabels: string;
        readonly protectionInternal: string;
        readonly unnamedActors: (count: string, plural: boolean) => string;
        readonly dataDeletion: (date: string) => string;
        readonly interimSources: (list: string, appendix: string) => string;
        readonly interimConfidence: string;
    };

    // Programme
    readonly programme: {
        readonly organisation: string;
        readonly organisationLead: (table: string, client: string) => string;
        readonly organisationCaption: string;
        readonly organisationHeaders: { readonly actor: string; readonly type: string; readonly partOf: string; readonly members: string };
        readonly otherActors: string;
        readonly logic: string;
        readonly figureLead: (figure: string, appendix: string) => string;
        readonly nodesLead: (table: string) => string;
        readonly nodesCaption: (logic: string) => string;
        readonly nodesHeaders: { readonly level: string; readonly node: string; readonly indicators: string; readonly findings: string };
        readonly indicator: (title: string, values: string) => string;
        readonly baseline: string;
        readonly target: string;
        /** The indicator table of assessment and final reports (V2.md "Indicators"): baseline → latest measurement → target. */
        readonly indicatorsLead: (table: string, date: string) => string;
        readonly indicatorsCaption: (logic: string, date: string) => string;
        readonly indicatorsHeaders: { readonly indicator: string; readonly baseline: string; readonly latest: string; readonly measured: string; readonly source: string; readonly target: string };
        readonly assumptionsLead: (count: string, table: string) => string;
        readonly assumptionsCaption: (logic: string) => string;
        readonly assumptionsHeaders: { readonly number: string; readonly assumption: string; readonly on: string; readonly status: string };
        readonly portfolios: string;
        readonly portfolioLead: (title: string, owner: string | undefined, projects: string) => string;
        readonly vision: (vision: string) => string;
        readonly challenge: (challenge: string) => string;
        readonly projectsCaption: (portfolio: string | undefined) => string;
        readonly projectsHeaders: { readonly project: string; readonly status: string; readonly owner: string; readonly partners: string; readonly funding: string; readonly contributes: string };
        readonly millions: string;
        readonly relationsLead: string;
        readonly relation: Record<ast.RelationKind, (a: string, b: string) => string>;
        readonly withoutPortfolio: string;
    };

    // Findings
    readonly findings: {
        readonly lead: (count: string) => string;
        readonly interimLeadFirst: (count: string) => string;
        readonly interimLead: (previous: string, date: string, counts: string) => string;
        readonly questionHeading: (question: string) => string;
        readonly otherFindings: string;
        readonly noFindingsYet: string;
        readonly noFindings: string;
        readonly alsoHere: (findings: string, sections: string) => string;
        readonly alsoAnswers: (questions: string, sections: string | undefined) => string;
        readonly heading: (number: string, title: string, confidence: string | undefined) => string;
        readonly basis: (list: string) => string;
        readonly confidenceSentence: (level: string, strengths: string[], concerns: string[]) => string;
        readonly concern: (level: string, component: string) => string;
        /** "Funnet er triangulert: det bygger på både intervjuer og dokumenter, fra programmet og fra uavhengige kilder." */
        readonly triangulated: (kinds: string, origins: string) => string;
        /** "både intervjuer og dokumenter" / "interviews and documents": exactly two kinds. */
        readonly twoKinds: (a: string, b: string) => string;
        /** "Funnet er ikke triangulert: " + one of the reasons below + ".". */
        readonly notTriangulated: (reason: string) => string;
        /** "det bygger bare på tre intervjuer" + the origins ("alle fra programmet selv" / "fra programmet og fra …"). */
        readonly oneKind: (counted: string, origins: string) => string;
        /** "det bygger på både intervjuer og dokumenter, men alle kildene kommer fra programmet selv". */
        readonly oneOrigin: (kinds: string, allFrom: string) => string;
        /** Only literature (or nothing that counts). */
        readonly onlyLiterature: string;
        /** After "ikke triangulert" when the finding also cites literature. */
        readonly literatureNotCounted: string;
        /** "fra programmet", "fra prosjektene", "fra uavhengige kilder". */
        readonly originFrom: Record<ast.Origin, string>;
        /** "alle fra programmet selv" (after a count of sources of one kind). */
        readonly originAll: Record<ast.Origin, string>;
        /** The origin of a finding's only source, after a comma: "fra programmet selv", "en uavhengig kilde". */
        readonly originOne: Record<ast.Origin, string>;
        /** "alle kildene kommer fra programmet selv" (after "men"). */
        readonly originAllSources: Record<ast.Origin, string>;
        readonly replaces: (title: string, report: string | undefined, confidence: string | undefined) => string;
        readonly replacedBy: (finding: string) => string;
        readonly earlierFinding: (title: string) => string;
        readonly newAndRevised: (added: number, revised: number) => string;
        readonly locator: (label: string, at: string) => string;
        readonly noEvidence: string;
    };

    // Assessment
    readonly assessment: {
        readonly lead: (count: string, table: string) => string;
        readonly caption: string;
        readonly headers: { readonly criterion: string; readonly rating: string; readonly basis: string };
        readonly rating: (criterion: ast.DacCriterion | undefined, customTitle: string | undefined, rating: ast.Rating) => string;
        readonly basis: (findings: string) => string;
        readonly weakBasis: string;
        readonly customNote: (section: string) => string;
        /** A replacing assessment names the one it replaces, its date and its rating (or "ikke vurdert"). */
        readonly replaces: (title: string, date: string | undefined, rating: string | undefined, report?: string) => string;
        readonly noneIncluded: string;
        readonly preconditions: string;
        readonly preconditionsLead: (total: string, supported: number, challenged: number, untested: number) => string;
        readonly assumption: (title: string, status: AssumptionStatus, supporting: string, challenging: string) => string;
        readonly noAssumptions: string;
    };

    // Recommendations
    readonly recommendations: {
        readonly lead: (table: string, count: string, date: string) => string;
        readonly caption: (date: string) => string;
        readonly headers: { readonly number: string; readonly recommendation: string; readonly to: string; readonly priority: string; readonly horizon: string; readonly basis: string; readonly status: string };
        readonly statusSummary: (total: number, counts: readonly (readonly [ast.RecommendationStatus, number])[]) => string;
        readonly response: (recommendation: string, status: string, response: string | undefined) => string;
        readonly sentence: (recommendation: string, to: string, priority: string | undefined, horizon: string | undefined, title: string) => string;
        readonly highPriorityLead: (count: string) => string;
        readonly none: string;
        readonly basisSentence: (findings: string) => string;
    };

    // Interim
    readonly interim: {
        readonly keyPointsGenerated: string;
        readonly openQuestionsLead: (list: string) => string;
        readonly allAnswered: string;
        readonly nextReport: (kind: string, title: string, number: string | undefined, date: string | undefined) => string;
    };

    // Final report
    readonly development: {
        readonly deliverablesLead: (table: string, deliverables: string) => string;
        readonly deliverablesCaption: string;
        readonly headers: { readonly kind: string; readonly title: string; readonly number: string; readonly date: string; readonly cutoff: string };
        readonly revisedLead: (count: string, plural: boolean) => string;
        readonly revised: (finding: string, title: string, report: string | undefined) => string;
        readonly recommendationsLead: string;
        /** Each recommendation's dated history (V2.md "Status shown"): steps oldest first. */
        readonly history: (recommendation: string, steps: readonly HistoryStep[]) => string;
        readonly assessmentsLead: (count: string, plural: boolean) => string;
        /** "Vurderingen «Bærekraft» fra 14. januar 2022 (moderat) er erstattet av": the new assessment follows. */
        readonly assessmentReplaced: (title: string, date: string | undefined, rating: string, newer: string, report?: string) => string;
        readonly indicatorsLead: string;
        readonly measurement: (value: string, date: string) => string;
        readonly notMeasured: (titles: string, plural: boolean) => string;
    };
    readonly context: {
        readonly lead: (count: string, table: string) => string;
        readonly caption: string;
        readonly headers: { readonly initiative: string; readonly country: string; readonly findings: string };
    };
    readonly lessons: {
        readonly lead: (count: string) => string;
        readonly lesson: (number: string) => string;
        readonly basis: (findings: string) => string;
    };

    // Appendices
    readonly matrix: {
        readonly lead: string;
        readonly coverageCaption: string;
        readonly coverageHeaders: { readonly measure: string; readonly count: string; readonly share: string };
        readonly questionsAnswered: string;
        readonly findingsTriangulated: string;
        readonly outcomesWithEvidence: string;
        readonly caption: string;
        readonly headers: { readonly finding: string; readonly question: string; readonly confidence: string; readonly sources: string; readonly triangulated: string; readonly usedBy: string };
        /** Appendix A's columns of what triangulation counts: "Kildetyper", "Ståsted". */
        readonly kindsHeader: string;
        readonly originsHeader: string;
        /** Origins in appendix A: programmet / prosjekt / uavhengig (REPORTS.md "Triangulation"). */
        readonly origins: Record<ast.Origin, string>;
        readonly yes: string;
        readonly no: string;
        readonly of: (n: string, m: string) => string;
    };
    readonly sources: {
        readonly lead: string;
        readonly caption: string;
        readonly headers: { readonly source: string; readonly kind: string; readonly description: string; readonly date: string; readonly access: string };
        readonly respondents: (count: string) => string;
        readonly responseRate: (respondents: string, population: string, percent: string) => string;
        readonly role: (role: string) => string;
        readonly actorType: (type: string) => string;
    };
    readonly figureAppendix: {
        readonly lead: (figure: string, title: string, levels: string) => string;
        readonly levels: (count: string, from: string, to: string) => string;
        readonly leadsTo: (targets: string) => string;
        readonly assumptionsLead: string;
        readonly assumption: (number: number, title: string, on: string, status: string) => string;
        readonly alt: (title: string, levels: string, assumptions: string, appendix: string) => string;
    };

    // Words
    readonly sourceKind: Record<ast.SourceKind, string>;
    readonly sourceKindPlural: Record<ast.SourceKind, string>;
    readonly level: Record<ast.Level, string>;
    readonly levelPlural: Record<ast.Level, string>;
    readonly actorTypes: Record<ast.ActorType, string>;
    readonly actorTypesPlural: Record<ast.ActorType, string>;
    readonly confidenceWords: Record<ast.Confidence, string>;
    readonly components: Record<ast.ConcernComponent, ComponentWords>;
    readonly concernLevels: Record<ast.ConcernLevel, string>;
    readonly dac: Record<ast.DacCriterion, string>;
    readonly dacQuestions: Record<ast.DacCriterion, string>;
    readonly ratings: Record<ast.Rating, string>;
    readonly notAssessed: string;
    readonly priorities: Record<ast.Priority, string>;
    readonly horizons: Record<ast.Horizon, string>;
    readonly recommendationStatuses: Record<ast.RecommendationStatus, string>;
    readonly projectStatuses: Record<ast.ProjectStatus, string>;
    readonly assumptionStatuses: Record<AssumptionStatus, string>;
    readonly accessWords: Record<ast.Access, string>;
    readonly questionWord: string;
    readonly sectionWord: string;
    readonly findingWord: string;
    readonly recommendationWord: string;
    readonly lessonWord: string;
    readonly tableWord: string;
    readonly figureWord: string;
    readonly appendixWord: string;
    readonly assessmentOf: (criterion: string) => string;
    readonly legend: string;
}

export const LABELS: Record<ReportLanguage, Labels> = { nb, nn, en };

export function labelsFor(language: ReportLanguage): Labels {
    return LABELS[language];
}

/** A date value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) in words: "1. februar 2022", "1 February 2022", "mai 2021". */
export function formatDate(value: string | number | undefined, language: ReportLanguage): string {
    if (value === undefined) return '';
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(value));
    if (!m) return String(value);
    const months = LABELS[language].months;
    if (!m[2]) return m[1];
    const month = months[Number(m[2]) - 1] ?? m[2];
    if (!m[3]) return `${month} ${m[1]}`;
    const day = Number(m[3]);
    return language === 'en' ? `${day} ${month} ${m[1]}` : `${day}. ${month} ${m[1]}`;
}

/**
 * A date in a table cell (report-exemplar §4.3): "15.01.2022", a month as "juni 2021" with
 * a no-break space, so that a date never wraps inside a narrow column. English: "15 Jan 2022".
 */
export function formatDateShort(value: string | number | undefined, language: ReportLanguage): string {
    if (value === undefined) return '';
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(value));
    if (!m) return String(value);
    if (!m[2]) return m[1];
    if (!m[3]) return formatDate(`${m[1]}-${m[2]}`, language).replace(' ', '\u00a0');
    if (language === 'en') return `${Number(m[3])}\u00a0${LABELS.en.months[Number(m[2]) - 1].slice(0, 3)}\u00a0${m[1]}`;
    return `${m[3]}.${m[2]}.${m[1]}`;
}

/** The month and year of a date value: "februar 2022". */
export function formatMonth(value: string | number | undefined, language: ReportLanguage): string {
    if (value === undefined) return '';
    const m = /^(\d{4})(?:-(\d{2}))?/.exec(String(value));
    if (!m) return String(value);
    return m[2] ? formatDate(`${m[1]}-${m[2]}`, language) : m[1];
}

/** A period "august 2020–januar 2023" (en dash, no spaces); one value when both ends are equal. */
export function formatPeriod(from: string, to: string): string {
    return from === to ? from : `${from}–${to}`;
}

/** A number in the report language: thin space for thousands and decimal comma in Norwegian. */
export function formatNumber(n: number, language: ReportLanguage, fractionDigits?: number): string {
    const text = fractionDigits === undefined ? String(n) : n.toFixed(fractionDigits);
    const negative = text.startsWith('-');
    const [int, frac] = (negative ? text.slice(1) : text).split('.');
    const sep = language === 'en' ? ',' : '\u00a0';
    // Four-digit numbers stay together in Norwegian (1500), as Språkrådet allows.
    const grouped = language !== 'en' && int.length <= 4 ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    return (negative ? '−' : '') + (frac === undefined ? grouped : grouped + (language === 'en' ? '.' : ',') + frac);
}

/** A share as a percentage: "67 %" (Norwegian) or "67%" (English). */
export function formatPercent(numerator: number, denominator: number, language: ReportLanguage): string {
    const pct = denominator === 0 ? 0 : Math.round((numerator / denominator) * 100);
    return language === 'en' ? `${pct}%` : `${pct}\u00a0%`;
}

/**
 * A number in running text: one to twelve in words, agreeing with the noun's gender
 * ("ett intervju", "én fokusgruppe", "ei spørjeundersøking"), 13 and above in digits.
 */
export function numeral(n: number, gender: Gender, language: ReportLanguage): string {
    const l = LABELS[language];
    if (n === 1) return l.one[gender];
    if (n >= 2 && n <= 12 && Number.isInteger(n)) return l.numerals[n];
    return formatNumber(n, language);
}

/** A count with its noun: "fire intervjuer", "ett funn", "13 dokumenter", "one survey". */
export function count(n: number, noun: NounKey, language: ReportLanguage): string {
    const word = LABELS[language].nouns[noun];
    return `${numeral(n, word.gender, language)} ${n === 1 ? word.one : word.many}`;
}

/** A definite count: "de åtte problemstillingene", "dei åtte problemstillingane", "the eight research questions". */
export function countDefinite(n: number, noun: NounKey, language: ReportLanguage): string {
    const word = LABELS[language].nouns[noun];
    if (n === 1) return language === 'en' ? `the one ${word.one}` : `${numeral(1, word.gender, language)} ${word.one}`;
    const article = language === 'en' ? 'the' : language === 'nn' ? 'dei' : 'de';
    return `${article} ${numeral(n, word.gender, language)} ${word.the}`;
}

/** "a, b og c" / "a, b and c". */
export function listText(items: readonly string[], language: ReportLanguage): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${LABELS[language].and} ${items[items.length - 1]}`;
}

export function capitalise(s: string): string {
    return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Lower-cases the first letter, unless the word is an acronym ("KS", "OECD"). */
export function lowerFirst(s: string): string {
    const first = /^\S+/.exec(s)?.[0] ?? '';
    if (first.length > 1 && first === first.toUpperCase()) return s;
    return s ? s[0].toLowerCase() + s.slice(1) : s;
}
