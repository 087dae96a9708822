/**
 * Every diagnostic code, its rule group and default severity (RULES.md). The language
 * server, the CLI and every CI output format take codes and severities from here.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOverride = Severity | 'off';

export interface RuleInfo {
    readonly code: string;
    readonly group: RuleGroup;
    readonly severity: Severity;
    readonly description: string;
}

export type RuleGroup = 'syntax' | 'structure' | 'logic' | 'portfolio' | 'traceability' | 'sources' | 'data' | 'privacy' | 'reports' | 'configuration';

const rules: RuleInfo[] = [];
function rule(group: RuleGroup, code: string, severity: Severity, description: string): string {
    rules.push({ code, group, severity, description });
    return code;
}

export const Codes = {
    // Syntax: what the lexer and parser say.
    LexerError: rule('syntax', 'syntax/lexer', 'error', 'a character or token the language does not know'),
    ParseError: rule('syntax', 'syntax/parse', 'error', 'the text does not follow the grammar'),
    Encoding: rule('syntax', 'syntax/encoding', 'error', 'the file is not UTF-8 text (invalid bytes, or a binary file)'),
    Unreadable: rule('syntax', 'syntax/unreadable', 'error', 'the file cannot be read'),
    InvalidId: rule('syntax', 'syntax/id', 'error', 'an ID with a character IDs cannot hold (`R-5`), or starting with a digit (`5R`)'),
    // Structure
    RefUnresolved: rule('structure', 'ref/unresolved', 'error', 'a reference names no element of the expected kind'),
    IdDuplicate: rule('structure', 'id/duplicate', 'error', 'the same ID is declared twice in the workspace'),
    ProgrammeMissing: rule('structure', 'programme/missing', 'error', 'the workspace has no programme'),
    ProgrammeMultiple: rule('structure', 'programme/multiple', 'error', 'more than one programme'),
    DateInvalid: rule('structure', 'date/invalid', 'error', 'an impossible date'),
    DateLongBeforePeriod: rule('structure', 'date/long-before-period', 'hint', "a date more than five years before the programme's period (a likely typo)"),
    PeriodReversed: rule('structure', 'period/reversed', 'error', 'a period whose end is before its start'),
    SdgOutOfRange: rule('structure', 'sdg/out-of-range', 'error', 'an SDG number outside 1–17'),
    TextUnresolvedRef: rule('structure', 'text/unresolved-ref', 'error', '@X in text names no element'),
    PropertyDuplicate: rule('structure', 'property/duplicate', 'error', 'a single-valued property written twice in one element'),
    TextMixedIndentation: rule('structure', 'text/mixed-indentation', 'warning', 'tabs and spaces mixed in the common indentation of a """ text'),
    // Programme logic
    LogicCycle: rule('logic', 'logic/cycle', 'error', 'the -> edges form a cycle'),
    LogicBackwardEdge: rule('logic', 'logic/backward-edge', 'warning', 'an edge goes from a higher level to a lower one'),
    LogicUnconnectedNode: rule('logic', 'logic/unconnected-node', 'warning', 'a node with no edge at all'),
    OutcomeNoIndicator: rule('logic', 'outcome/no-indicator', 'warning', 'an outcome or impact with no indicator'),
    OutcomeNoEvidence: rule('logic', 'outcome/no-evidence', 'warning', 'an outcome or impact that no confirmed finding supports or challenges'),
    AssumptionUntested: rule('logic', 'assumption/untested', 'warning', 'an assumption that no confirmed finding supports or challenges'),
    IndicatorMeasurementWithoutSource: rule('logic', 'indicator/measurement-without-source', 'warning', 'a measured value with no from'),
    IndicatorNoMeasurement: rule('logic', 'indicator/no-measurement', 'info', 'an indicator with a target and no measured value while an assessment or final report exists'),
    // Portfolios and projects
    PortfolioSingleProject: rule('portfolio', 'portfolio/single-project', 'info', 'a portfolio with fewer than two projects'),
    PortfolioNoSynergy: rule('portfolio', 'portfolio/no-synergy', 'warning', 'a portfolio of two or more projects with no relation between any two of them'),
    ProjectNoOwner: rule('portfolio', 'project/no-owner', 'warning', 'a project without owner'),
    ProjectNoContribution: rule('portfolio', 'project/no-contribution', 'warning', 'a project that contributes to no logic node'),
    ProjectSelfRelation: rule('portfolio', 'project/self-relation', 'error', 'a project related to itself'),
    // Traceability
    FindingNoEvidence: rule('traceability', 'finding/no-evidence', 'error', 'a finding without evidence'),
    FindingNoQuestion: rule('traceability', 'finding/no-question', 'warning', 'a finding that answers no question'),
    FindingNoConfidence: rule('traceability', 'finding/no-confidence', 'warning', 'a finding without confidence'),
    FindingUntriangulated: rule('traceability', 'finding/untriangulated', 'warning', 'confidence high with evidence (literature not counted) from fewer than two source kinds or fewer than two origins'),
    FindingSingleInformant: rule('traceability', 'finding/single-informant', 'warning', 'confidence above low while every evidence item is the same interview or focus-group source'),
    FindingSelfReportedOnly: rule('traceability', 'finding/self-reported-only', 'warning', 'a finding that supports an outcome or impact while every source has origin programme or project'),
    FindingFutureDate: rule('traceability', 'finding/future-date', 'error', 'a finding dated after today'),
    FindingWithdrawnCited: rule('traceability', 'finding/withdrawn-cited', 'error', 'a withdrawn finding is cited'),
    QuestionUnanswered: rule('traceability', 'question/unanswered', 'warning', 'a question that no confirmed finding answers'),
    RecommendationNoBasis: rule('traceability', 'recommendation/no-basis', 'error', 'a recommendation without based-on'),
    RecommendationNoAddressee: rule('traceability', 'recommendation/no-addressee', 'warning', 'a recommendation without to'),
    AssessmentNoBasis: rule('traceability', 'assessment/no-basis', 'error', 'an assessment without based-on'),
    AssessmentCriterionMissing: rule('traceability', 'assessment/criterion-missing', 'warning', 'an assessment or final report exists and a DAC criterion has no assessment'),
    AssessmentNotAssessedWithRating: rule('traceability', 'assessment/not-assessed-with-rating', 'error', 'not-assessed together with rating or based-on'),
    AssessmentNoText: rule('traceability', 'assessment/no-text', 'warning', 'an assessment with a rating and no text'),
    RecommendationFollowUpOrder: rule('traceability', 'recommendation/follow-up-order', 'warning', 'follow-ups not in date order, or one dated before the recommendation'),
    RecommendationUndatedStatus: rule('traceability', 'recommendation/undated-status', 'info', 'a status other than proposed with no dated follow-up'),
    LessonNoBasis: rule('traceability', 'lesson/no-basis', 'error', 'a lesson without based-on'),
    SourceUnused: rule('traceability', 'source/unused', 'hint', 'a source that nothing cites'),
    // Sources and files
    SourceFileMissing: rule('sources', 'source/file-missing', 'error', 'file names no existing file'),
    SourceFileOutsideWorkspace: rule('sources', 'source/file-outside-workspace', 'error', 'file resolves outside the workspace'),
    SourceFutureDate: rule('sources', 'source/future-date', 'error', 'a source dated after today'),
    SourceNoDate: rule('sources', 'source/no-date', 'warning', 'an interview, focus-group, observation, survey or workshop without date'),
    BibliographyMissing: rule('sources', 'bibliography/missing', 'error', 'the bibliography file does not exist or cannot be parsed'),
    CiteUnknownKey: rule('sources', 'cite/unknown-key', 'error', 'cite names a key the bibliography does not have'),
    SourceCountInvalid: rule('sources', 'source/count-invalid', 'error', 'count on a source that is not an interview, focus-group, observation or workshop, or a count below 1'),
    // Data: tables and charts over the team's CSV files
    TableFileMissing: rule('data', 'table/file-missing', 'error', 'a table or chart whose file is missing, names no file, or lies outside the workspace (never opened then)'),
    TableUnreadable: rule('data', 'table/unreadable', 'error', 'a table or chart whose CSV file cannot be read as a table (not UTF-8, no header, a ragged row)'),
    TableNoSource: rule('data', 'table/no-source', 'error', 'a table or chart without from'),
    ChartNotNumeric: rule('data', 'chart/not-numeric', 'error', 'a chart series cell that is not a number'),
    TableUnused: rule('data', 'table/unused', 'hint', 'a table or chart that nothing cites'),
    EvidenceQuoteNotInSource: rule('sources', 'evidence/quote-not-in-source', 'warning', 'a quote not found in its source\'s .txt or .md transcript'),
    EvidenceQuoteNotAtLocator: rule('sources', 'evidence/quote-not-at-locator', 'info', 'a quote found in the transcript, but not between the locator\'s time stamp and the next'),
    // Privacy
    PrivacyNameWithoutConsent: rule('privacy', 'privacy/name-without-consent', 'error', 'name on a source without consent named'),
    PrivacySmallGroup: rule('privacy', 'privacy/small-group', 'warning', 'a confidential or internal source whose actor has fewer than 5 members'),
    PrivacyQuoteNamesPerson: rule('privacy', 'privacy/quote-names-person', 'warning', 'a quote or text contains the name of a non-public source'),
    PrivacyNoEthicsStatement: rule('privacy', 'privacy/no-ethics-statement', 'warning', 'a non-public interview or focus-group source and no ethics statement on the programme'),
    PrivacySmallCell: rule('privacy', 'privacy/small-cell', 'warning', 'a table from a non-public source has a count from 1 to 4'),
    // Reports
    ReportAfterCutoff: rule('reports', 'report/after-cutoff', 'error', 'an included finding cites a source dated after the cutoff'),
    ReportNoSummary: rule('reports', 'report/no-summary', 'warning', 'an assessment or final report without summary'),
    ReportNoCutoff: rule('reports', 'report/no-cutoff', 'warning', 'a report without cutoff'),
    ReportNoEnglishSummary: rule('reports', 'report/no-english-summary', 'info', 'an assessment or final report in nb or nn without summary-en'),
    // Workspace configuration (sporbar.json)
    ConfigInvalid: rule('configuration', 'config/invalid', 'error', 'sporbar.json is not valid JSON or has the wrong shape'),
    ConfigUnknownRule: rule('configuration', 'config/unknown-rule', 'warning', 'sporbar.json names a rule code that does not exist'),
} as const;

export type Code = typeof Codes[keyof typeof Codes];

export const RULES: readonly RuleInfo[] = rules;
const byCode = new Map(rules.map(r => [r.code, r]));

export function ruleInfo(code: string): RuleInfo | undefined {
    return byCode.get(code);
}

export function isKnownCode(code: string): boolean {
    return byCode.has(code);
}

export const SEVERITIES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'hint', 'off'];
