import type * as ast from '@sporbar/language';

/** The report languages; `nb` and `nn` are Norwegian bokmål and nynorsk. */
export type ReportLanguage = ast.Language;

/** Document language tags (docx `w:lang`, HTML `lang`, CSL locale). */
export const LANGUAGE_TAGS: Record<ReportLanguage, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** Every fixed word a report prints, in one language. */
export interface Labels {
    readonly draft: string;
    readonly contents: string;
    readonly programme: string;
    readonly client: string;
    readonly contract: string;
    readonly reportNumber: string;
    readonly date: string;
    readonly authors: string;
    readonly audience: string;
    readonly kindTitle: Record<ast.ReportKind, string>;
    readonly table: string;
    readonly figure: string;
    readonly appendix: string;
    // chapters
    readonly summary: string;
    readonly introduction: string;
    readonly goalAndDescription: string;
    readonly needs: string;
    readonly questions: string;
    readonly method: string;
    readonly sourcesByKind: string;
    readonly triangulation: string;
    readonly dataCutoff: string;
    readonly protection: string;
    readonly methodChoices: string;
    readonly theProgramme: string;
    readonly organisation: string;
    readonly logic: string;
    readonly logicNodes: string;
    readonly indicators: string;
    readonly assumptions: string;
    readonly portfolios: string;
    readonly relations: string;
    readonly development: string;
    readonly findings: string;
    readonly otherFindings: string;
    readonly assessment: string;
    readonly preconditions: string;
    readonly discussion: string;
    readonly context: string;
    readonly lessons: string;
    readonly conclusion: string;
    readonly recommendations: string;
    readonly matrix: string;
    readonly sourceOverview: string;
    readonly references: string;
    readonly newFindings: string;
    readonly recommendationStatus: string;
    readonly unanswered: string;
    readonly nextSteps: string;
    // table headers and inline words
    readonly id: string;
    readonly question: string;
    readonly need: string;
    readonly findingsCount: string;
    readonly kind: string;
    readonly count: string;
    readonly dateRange: string;
    readonly respondents: string;
    readonly title: string;
    readonly level: string;
    readonly baseline: string;
    readonly target: string;
    readonly unit: string;
    readonly node: string;
    readonly on: string;
    readonly status: string;
    readonly evidenceFrom: string;
    readonly owner: string;
    readonly partners: string;
    readonly funding: string;
    readonly contributes: string;
    readonly project: string;
    readonly relation: string;
    readonly note: string;
    readonly actor: string;
    readonly type: string;
    readonly partOf: string;
    readonly members: string;
    readonly confidence: string;
    readonly concerns: string;
    readonly evidence: string;
    readonly answers: string;
    readonly seeAlso: string;
    readonly replaces: string;
    readonly rating: string;
    readonly basis: string;
    readonly criterion: string;
    readonly recommendation: string;
    readonly addressee: string;
    readonly priority: string;
    readonly horizon: string;
    readonly response: string;
    readonly finding: string;
    readonly sources: string;
    readonly usedBy: string;
    readonly coverage: string;
    readonly share: string;
    readonly source: string;
    readonly role: string;
    readonly actorType: string;
    readonly access: string;
    readonly country: string;
    readonly lesson: string;
    readonly deliverable: string;
    readonly initiative: string;
    readonly none: string;
    readonly questionWord: string;
    readonly total: string;
    readonly sinceNone: string;
    readonly since: (report: string, date: string) => string;
    readonly cutoffText: (cutoff: string) => string;
    readonly protectionText: string[];
    readonly triangulationText: (triangulated: number, total: number) => string;
    readonly level_: Record<ast.Level, string>;
    readonly levelPlural: Record<ast.Level, string>;
    readonly sourceKind: Record<ast.SourceKind, string>;
    readonly sourceKindPlural: Record<ast.SourceKind, string>;
    readonly actorTypes: Record<ast.ActorType, string>;
    readonly confidenceWords: Record<ast.Confidence, string>;
    readonly concernComponents: Record<ast.ConcernComponent, string>;
    readonly concernLevels: Record<ast.ConcernLevel, string>;
    readonly dac: Record<ast.DacCriterion, string>;
    readonly ratings: Record<ast.Rating, string>;
    readonly priorities: Record<ast.Priority, string>;
    readonly horizons: Record<ast.Horizon, string>;
    readonly recommendationStatuses: Record<ast.RecommendationStatus, string>;
    readonly projectStatuses: Record<ast.ProjectStatus, string>;
    readonly relationKinds: Record<ast.RelationKind, string>;
    readonly assumptionStatuses: Record<AssumptionStatus, string>;
    readonly accessWords: Record<ast.Access, string>;
    readonly months: readonly string[];
    readonly leadsTo: string;
    readonly whichLeadsTo: string;
    readonly altLogic: (title: string) => string;
    readonly legend: string;
    readonly questionsAnswered: string;
    readonly findingsTriangulated: string;
    readonly outcomesWithEvidence: string;
    readonly recommendationsWithBasis: string;
    readonly supportedBy: string;
    readonly challengedBy: string;
    readonly unknownSource: string;
    readonly revisedPairs: string;
    readonly earlierReports: string;
    readonly findingsAbout: string;
    readonly confidenceDistribution: string;
    readonly originShare: (ownShare: string) => string;
    readonly seriousConcerns: string;
    readonly cutoffOf: string;
}

export type AssumptionStatus = 'supported' | 'challenged' | 'untested';

const nb: Labels = {
    draft: 'UTKAST / DRAFT',
    contents: 'Innhold',
    programme: 'Program',
    client: 'Oppdragsgiver',
    contract: 'Kontrakt',
    reportNumber: 'Rapportnummer',
    date: 'Dato',
    authors: 'Forfattere',
    audience: 'Mottakere',
    kindTitle: { interim: 'Underveisnotat', assessment: 'Vurderingsgrunnlag', final: 'Sluttrapport' },
    table: 'Tabell',
    figure: 'Figur',
    appendix: 'Vedlegg',
    summary: 'Sammendrag',
    introduction: 'Innledning',
    goalAndDescription: 'Programmets mål og innretning',
    needs: 'Oppdragsgivers behov',
    questions: 'Problemstillinger',
    method: 'Metode og datagrunnlag',
    sourcesByKind: 'Kilder etter type',
    triangulation: 'Triangulering og tillit',
    dataCutoff: 'Skjæringsdato for data',
    protection: 'Vern av informanter',
    methodChoices: 'Metodevalg og begrensninger',
    theProgramme: 'Programmet',
    organisation: 'Organisering',
    logic: 'Programteori',
    logicNodes: 'Elementer i programteorien',
    indicators: 'Indikatorer',
    assumptions: 'Forutsetninger',
    portfolios: 'Porteføljer og prosjekter',
    relations: 'Relasjoner mellom prosjekter',
    development: 'Programmets utvikling over tid',
    findings: 'Funn',
    otherFindings: 'Andre funn',
    assessment: 'Vurdering',
    preconditions: 'Forutsetninger for måloppnåelse',
    discussion: 'Drøfting',
    context: 'Norsk og internasjonal sammenheng',
    lessons: 'Læring for framtidige satsinger',
    conclusion: 'Konklusjon',
    recommendations: 'Anbefalinger',
    matrix: 'Sporbarhetsmatrise',
    sourceOverview: 'Kildeoversikt',
    references: 'Referanser',
    newFindings: 'Nye og reviderte funn',
    recommendationStatus: 'Anbefalinger og status',
    unanswered: 'Ubesvarte problemstillinger',
    nextSteps: 'Veien videre',
    id: 'ID',
    question: 'Problemstilling',
    need: 'Behov',
    findingsCount: 'Antall funn',
    kind: 'Type',
    count: 'Antall',
    dateRange: 'Tidsrom',
    respondents: 'Respondenter',
    title: 'Tittel',
    level: 'Nivå',
    baseline: 'Utgangsverdi',
    target: 'Mål',
    unit: 'Enhet',
    node: 'Element',
    on: 'Gjelder',
    status: 'Status',
    evidenceFrom: 'Belegg',
    owner: 'Eier',
    partners: 'Partnere',
    funding: 'Finansiering',
    contributes: 'Bidrar til',
    project: 'Prosjekt',
    relation: 'Relasjon',
    note: 'Merknad',
    actor: 'Aktør',
    type: 'Type',
    partOf: 'Del av',
    members: 'Medlemmer',
    confidence: 'Tillit',
    concerns: 'Forbehold',
    evidence: 'Belegg',
    answers: 'Svarer på',
    seeAlso: 'Se',
    replaces: 'Erstatter',
    rating: 'Vurdering',
    basis: 'Grunnlag',
    criterion: 'Kriterium',
    recommendation: 'Anbefaling',
    addressee: 'Adressat',
    priority: 'Prioritet',
    horizon: 'Tidshorisont',
    response: 'Oppfølging',
    finding: 'Funn',
    sources: 'Kilder',
    usedBy: 'Brukt i',
    coverage: 'Dekning',
    share: 'Andel',
    source: 'Kilde',
    role: 'Rolle',
    actorType: 'Aktørtype',
    access: 'Tilgang',
    country: 'Land',
    lesson: 'Læringspunkt',
    deliverable: 'Leveranse',
    initiative: 'Initiativ',
    none: 'ingen',
    questionWord: 'problemstilling',
    total: 'Totalt',
    sinceNone: 'Dette er den første leveransen; alle funn er nye.',
    since: (report, date) => `Funn som er nye eller reviderte etter forrige leveranse (${report}, data til og med ${date}).`,
    cutoffText: cutoff => `Rapporten bygger på funn og kilder datert til og med ${cutoff}. Funn med status utkast eller trukket er ikke tatt med.`,
    protectionText: [
        'Intervjuer og fokusgrupper er konfidensielle. De vises bare med en generert betegnelse (for eksempel «Intervju 3»), som er den samme i alle leveranser. Navn, roller og opptak er ikke gjengitt.',
        'Interne kilder vises med rolle og aktørtype, aldri med navn eller filer. Bare offentlige kilder vises med ID og tittel, og navn bare med samtykke.'
    ],
    triangulationText: (t, n) => `${t} av ${n} funn bygger på minst to typer kilder.`,
    level_: { input: 'Ressurs', activity: 'Aktivitet', output: 'Resultat', outcome: 'Virkning', impact: 'Samfunnseffekt' },
    levelPlural: { input: 'Ressurser', activity: 'Aktiviteter', output: 'Resultater', outcome: 'Virkninger', impact: 'Samfunnseffekter' },
    sourceKind: { interview: 'Intervju', 'focus-group': 'Fokusgruppe', document: 'Dokument', observation: 'Observasjon', survey: 'Spørreundersøkelse', workshop: 'Verksted', literature: 'Litteratur', dataset: 'Datasett' },
    sourceKindPlural: { interview: 'Intervjuer', 'focus-group': 'Fokusgrupper', document: 'Dokumenter', observation: 'Observasjoner', survey: 'Spørreundersøkelser', workshop: 'Verksteder', literature: 'Litteratur', dataset: 'Datasett' },
    actorTypes: { municipality: 'kommune', county: 'fylkeskommune', state: 'statlig aktør', research: 'forskningsmiljø', private: 'privat virksomhet', voluntary: 'frivillig organisasjon', association: 'interesseorganisasjon', council: 'råd', team: 'team', group: 'gruppe', supplier: 'leverandør', other: 'annen aktør' },
    confidenceWords: { high: 'høy', moderate: 'moderat', low: 'lav', 'very-low': 'svært lav' },
    concernComponents: { limitations: 'metodiske begrensninger', coherence: 'samstemthet', adequacy: 'tilstrekkelige data', relevance: 'relevans' },
    concernLevels: { none: 'ingen', minor: 'små', moderate: 'moderate', serious: 'alvorlige' },
    dac: { relevance: 'Relevans', coherence: 'Samstemthet', effectiveness: 'Måloppnåelse', efficiency: 'Effektivitet', impact: 'Virkninger', sustainability: 'Bærekraft' },
    ratings: { high: 'høy', moderate: 'moderat', low: 'lav', unclear: 'uklar' },
    priorities: { high: 'høy', medium: 'middels', low: 'lav' },
    horizons: { short: 'kort', medium: 'middels', long: 'lang' },
    recommendationStatuses: { proposed: 'foreslått', accepted: 'vedtatt', rejected: 'avvist', implemented: 'gjennomført' },
    projectStatuses: { idea: 'idé', planned: 'planlagt', active: 'aktiv', paused: 'satt på pause', completed: 'avsluttet', stopped: 'stanset' },
    relationKinds: { synergy: 'synergi med', 'depends-on': 'avhenger av', 'shares-resource': 'deler ressurs med', 'conflicts-with': 'i konflikt med' },
    assumptionStatuses: { supported: 'støttet', challenged: 'utfordret', untested: 'ikke prøvd' },
    accessWords: { public: 'offentlig', internal: 'intern', confidential: 'konfidensiell' },
    months: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
    leadsTo: 'fører til',
    whichLeadsTo: 'som fører til',
    altLogic: title => `Figuren viser programteorien «${title}» med nivåene fra venstre mot høyre.`,
    legend: 'Forutsetninger',
    questionsAnswered: 'Problemstillinger som er besvart',
    findingsTriangulated: 'Funn som er triangulert',
    outcomesWithEvidence: 'Virkninger og samfunnseffekter med belegg',
    recommendationsWithBasis: 'Anbefalinger med grunnlag',
    supportedBy: 'støttes av',
    challengedBy: 'utfordres av',
    unknownSource: 'ukjent kilde',
    revisedPairs: 'Reviderte funn',
    earlierReports: 'Leveranser',
    findingsAbout: 'Funn',
    confidenceDistribution: 'Funn etter tillit',
    originShare: s => `${s} av beleggene kommer fra programmets eller prosjektenes egne kilder. Slike kilder kan ikke alene belegge virkninger.`,
    seriousConcerns: 'Funn med moderate eller alvorlige forbehold',
    cutoffOf: 'Skjæringsdato'
};

const nn: Labels = {
    ...nb,
    draft: 'UTKAST / DRAFT',
    contents: 'Innhald',
    client: 'Oppdragsgivar',
    authors: 'Forfattarar',
    audience: 'Mottakarar',
    kindTitle: { interim: 'Undervegsnotat', assessment: 'Vurderingsgrunnlag', final: 'Sluttrapport' },
    summary: 'Samandrag',
    introduction: 'Innleiing',
    goalAndDescription: 'Måla og innrettinga til programmet',
    needs: 'Behova til oppdragsgivaren',
    questions: 'Problemstillingar',
    sourcesByKind: 'Kjelder etter type',
    triangulation: 'Triangulering og tillit',
    dataCutoff: 'Skjeringsdato for data',
    protection: 'Vern av informantar',
    methodChoices: 'Metodeval og avgrensingar',
    organisation: 'Organisering',
    logicNodes: 'Element i programteorien',
    indicators: 'Indikatorar',
    assumptions: 'Føresetnader',
    portfolios: 'Porteføljar og prosjekt',
    relations: 'Relasjonar mellom prosjekt',
    development: 'Utviklinga av programmet over tid',
    otherFindings: 'Andre funn',
    preconditions: 'Føresetnader for måloppnåing',
    context: 'Norsk og internasjonal samanheng',
    lessons: 'Læring for framtidige satsingar',
    conclusion: 'Konklusjon',
    recommendations: 'Tilrådingar',
    matrix: 'Sporbarheitsmatrise',
    sourceOverview: 'Kjeldeoversikt',
    references: 'Referansar',
    newFindings: 'Nye og reviderte funn',
    recommendationStatus: 'Tilrådingar og status',
    unanswered: 'Problemstillingar utan svar',
    nextSteps: 'Vegen vidare',
    question: 'Problemstilling',
    count: 'Tal',
    findingsCount: 'Tal på funn',
    dateRange: 'Tidsrom',
    respondents: 'Respondentar',
    level: 'Nivå',
    baseline: 'Utgangsverdi',
    node: 'Element',
    on: 'Gjeld',
    evidenceFrom: 'Belegg',
    owner: 'Eigar',
    partners: 'Partnarar',
    contributes: 'Bidreg til',
    note: 'Merknad',
    members: 'Medlemer',
    concerns: 'Atterhald',
    answers: 'Svarar på',
    replaces: 'Erstattar',
    basis: 'Grunnlag',
    recommendation: 'Tilråding',
    addressee: 'Adressat',
    response: 'Oppfølging',
    sources: 'Kjelder',
    usedBy: 'Brukt i',
    coverage: 'Dekning',
    share: 'Del',
    source: 'Kjelde',
    actorType: 'Aktørtype',
    lesson: 'Læringspunkt',
    none: 'ingen',
    total: 'Totalt',
    sinceNone: 'Dette er den første leveransen; alle funn er nye.',
    since: (report, date) => `Funn som er nye eller reviderte etter førre leveranse (${report}, data til og med ${date}).`,
    cutoffText: cutoff => `Rapporten byggjer på funn og kjelder datert til og med ${cutoff}. Funn med status utkast eller trekt er ikkje tekne med.`,
    protectionText: [
        'Intervju og fokusgrupper er konfidensielle. Dei blir berre viste med ei generert nemning (til dømes «Intervju 3»), som er den same i alle leveransar. Namn, roller og opptak er ikkje attgjevne.',
        'Interne kjelder blir viste med rolle og aktørtype, aldri med namn eller filer. Berre offentlege kjelder blir viste med ID og tittel, og namn berre med samtykke.'
    ],
    triangulationText: (t, n) => `${t} av ${n} funn byggjer på minst to typar kjelder.`,
    level_: { input: 'Ressurs', activity: 'Aktivitet', output: 'Resultat', outcome: 'Verknad', impact: 'Samfunnseffekt' },
    levelPlural: { input: 'Ressursar', activity: 'Aktivitetar', output: 'Resultat', outcome: 'Verknader', impact: 'Samfunnseffektar' },
    sourceKind: { interview: 'Intervju', 'focus-group': 'Fokusgruppe', document: 'Dokument', observation: 'Observasjon', survey: 'Spørjeundersøking', workshop: 'Verkstad', literature: 'Litteratur', dataset: 'Datasett' },
    sourceKindPlural: { interview: 'Intervju', 'focus-group': 'Fokusgrupper', document: 'Dokument', observation: 'Observasjonar', survey: 'Spørjeundersøkingar', workshop: 'Verkstader', literature: 'Litteratur', dataset: 'Datasett' },
    actorTypes: { municipality: 'kommune', county: 'fylkeskommune', state: 'statleg aktør', research: 'forskingsmiljø', private: 'privat verksemd', voluntary: 'frivillig organisasjon', association: 'interesseorganisasjon', council: 'råd', team: 'team', group: 'gruppe', supplier: 'leverandør', other: 'annan aktør' },
    confidenceWords: { high: 'høg', moderate: 'moderat', low: 'låg', 'very-low': 'svært låg' },
    concernComponents: { limitations: 'metodiske avgrensingar', coherence: 'samstemmigheit', adequacy: 'tilstrekkelege data', relevance: 'relevans' },
    concernLevels: { none: 'ingen', minor: 'små', moderate: 'moderate', serious: 'alvorlege' },
    dac: { relevance: 'Relevans', coherence: 'Samstemmigheit', effectiveness: 'Måloppnåing', efficiency: 'Effektivitet', impact: 'Verknader', sustainability: 'Berekraft' },
    ratings: { high: 'høg', moderate: 'moderat', low: 'låg', unclear: 'uklar' },
    priorities: { high: 'høg', medium: 'middels', low: 'låg' },
    horizons: { short: 'kort', medium: 'middels', long: 'lang' },
    recommendationStatuses: { proposed: 'føreslått', accepted: 'vedteken', rejected: 'avvist', implemented: 'gjennomført' },
    projectStatuses: { idea: 'idé', planned: 'planlagd', active: 'aktiv', paused: 'sett på pause', completed: 'avslutta', stopped: 'stansa' },
    relationKinds: { synergy: 'synergi med', 'depends-on': 'avheng av', 'shares-resource': 'deler ressurs med', 'conflicts-with': 'i konflikt med' },
    assumptionStatuses: { supported: 'støtta', challenged: 'utfordra', untested: 'ikkje prøvd' },
    accessWords: { public: 'offentleg', internal: 'intern', confidential: 'konfidensiell' },
    leadsTo: 'fører til',
    whichLeadsTo: 'som fører til',
    altLogic: title => `Figuren viser programteorien «${title}» med nivåa frå venstre mot høgre.`,
    legend: 'Føresetnader',
    questionsAnswered: 'Problemstillingar som er svarte på',
    findingsTriangulated: 'Funn som er triangulerte',
    outcomesWithEvidence: 'Verknader og samfunnseffektar med belegg',
    recommendationsWithBasis: 'Tilrådingar med grunnlag',
    supportedBy: 'blir støtta av',
    challengedBy: 'blir utfordra av',
    unknownSource: 'ukjend kjelde',
    revisedPairs: 'Reviderte funn',
    earlierReports: 'Leveransar',
    confidenceDistribution: 'Funn etter tillit',
    originShare: s => `${s} av belegga kjem frå kjeldene til programmet eller prosjekta sjølve. Slike kjelder kan ikkje åleine belegge verknader.`,
    seriousConcerns: 'Funn med moderate eller alvorlege atterhald',
    cutoffOf: 'Skjeringsdato'
};

const en: Labels = {
    draft: 'UTKAST / DRAFT',
    contents: 'Contents',
    programme: 'Programme',
    client: 'Client',
    contract: 'Contract',
    reportNumber: 'Report number',
    date: 'Date',
    authors: 'Authors',
    audience: 'Audience',
    kindTitle: { interim: 'Interim note', assessment: 'Assessment basis', final: 'Final report' },
    table: 'Table',
    figure: 'Figure',
    appendix: 'Appendix',
    summary: 'Summary',
    introduction: 'Introduction',
    goalAndDescription: 'Programme goal and description',
    needs: 'The client\'s needs',
    questions: 'Research questions',
    method: 'Method and data',
    sourcesByKind: 'Sources by kind',
    triangulation: 'Triangulation and confidence',
    dataCutoff: 'Data cut-off',
    protection: 'Protection of informants',
    methodChoices: 'Method choices and limitations',
    theProgramme: 'The programme',
    organisation: 'Organisation',
    logic: 'Programme theory',
    logicNodes: 'Elements of the programme theory',
    indicators: 'Indicators',
    assumptions: 'Assumptions',
    portfolios: 'Portfolios and projects',
    relations: 'Relations between projects',
    development: 'Development of the programme over time',
    findings: 'Findings',
    otherFindings: 'Other findings',
    assessment: 'Assessment',
    preconditions: 'Preconditions for achieving the goals',
    discussion: 'Discussion',
    context: 'National and international context',
    lessons: 'Lessons for future initiatives',
    conclusion: 'Conclusion',
    recommendations: 'Recommendations',
    matrix: 'Traceability matrix',
    sourceOverview: 'Source overview',
    references: 'References',
    newFindings: 'New and revised findings',
    recommendationStatus: 'Recommendations and their status',
    unanswered: 'Questions not yet answered',
    nextSteps: 'What comes next',
    id: 'ID',
    question: 'Research question',
    need: 'Need',
    findingsCount: 'Findings',
    kind: 'Kind',
    count: 'Count',
    dateRange: 'Date range',
    respondents: 'Respondents',
    title: 'Title',
    level: 'Level',
    baseline: 'Baseline',
    target: 'Target',
    unit: 'Unit',
    node: 'Element',
    on: 'On',
    status: 'Status',
    evidenceFrom: 'Evidence',
    owner: 'Owner',
    partners: 'Partners',
    funding: 'Funding',
    contributes: 'Contributes to',
    project: 'Project',
    relation: 'Relation',
    note: 'Note',
    actor: 'Actor',
    type: 'Type',
    partOf: 'Part of',
    members: 'Members',
    confidence: 'Confidence',
    concerns: 'Concerns',
    evidence: 'Evidence',
    answers: 'Answers',
    seeAlso: 'See',
    replaces: 'Replaces',
    rating: 'Rating',
    basis: 'Basis',
    criterion: 'Criterion',
    recommendation: 'Recommendation',
    addressee: 'Addressee',
    priority: 'Priority',
    horizon: 'Horizon',
    response: 'Response',
    finding: 'Finding',
    sources: 'Sources',
    usedBy: 'Used by',
    coverage: 'Coverage',
    share: 'Share',
    source: 'Source',
    role: 'Role',
    actorType: 'Actor type',
    access: 'Access',
    country: 'Country',
    lesson: 'Lesson',
    deliverable: 'Deliverable',
    initiative: 'Initiative',
    none: 'none',
    questionWord: 'research question',
    total: 'Total',
    sinceNone: 'This is the first deliverable; every finding is new.',
    since: (report, date) => `Findings that are new or revised since the previous deliverable (${report}, data up to ${date}).`,
    cutoffText: cutoff => `This report rests on findings and sources dated on or before ${cutoff}. Draft and withdrawn findings are left out.`,
    protectionText: [
        'Interviews and focus groups are confidential. They appear only under a generated label (such as "Interview 3"), the same in every deliverable. Names, roles and recordings are not shown.',
        'Internal sources appear with their role and actor type, never with names or files. Only public sources show their ID and title, and a name only with consent.'
    ],
    triangulationText: (t, n) => `${t} of ${n} findings rest on at least two kinds of source.`,
    level_: { input: 'Input', activity: 'Activity', output: 'Output', outcome: 'Outcome', impact: 'Impact' },
    levelPlural: { input: 'Inputs', activity: 'Activities', output: 'Outputs', outcome: 'Outcomes', impact: 'Impacts' },
    sourceKind: { interview: 'Interview', 'focus-group': 'Focus group', document: 'Document', observation: 'Observation', survey: 'Survey', workshop: 'Workshop', literature: 'Literature', dataset: 'Dataset' },
    sourceKindPlural: { interview: 'Interviews', 'focus-group': 'Focus groups', document: 'Documents', observation: 'Observations', survey: 'Surveys', workshop: 'Workshops', literature: 'Literature', dataset: 'Datasets' },
    actorTypes: { municipality: 'municipality', county: 'county authority', state: 'state body', research: 'research institution', private: 'private company', voluntary: 'voluntary organisation', association: 'association', council: 'council', team: 'team', group: 'group', supplier: 'supplier', other: 'other actor' },
    confidenceWords: { high: 'high', moderate: 'moderate', low: 'low', 'very-low': 'very low' },
    concernComponents: { limitations: 'methodological limitations', coherence: 'coherence', adequacy: 'adequacy of data', relevance: 'relevance' },
    concernLevels: { none: 'no', minor: 'minor', moderate: 'moderate', serious: 'serious' },
    dac: { relevance: 'Relevance', coherence: 'Coherence', effectiveness: 'Effectiveness', efficiency: 'Efficiency', impact: 'Impact', sustainability: 'Sustainability' },
    ratings: { high: 'high', moderate: 'moderate', low: 'low', unclear: 'unclear' },
    priorities: { high: 'high', medium: 'medium', low: 'low' },
    horizons: { short: 'short', medium: 'medium', long: 'long' },
    recommendationStatuses: { proposed: 'proposed', accepted: 'accepted', rejected: 'rejected', implemented: 'implemented' },
    projectStatuses: { idea: 'idea', planned: 'planned', active: 'active', paused: 'paused', completed: 'completed', stopped: 'stopped' },
    relationKinds: { synergy: 'synergy with', 'depends-on': 'depends on', 'shares-resource': 'shares a resource with', 'conflicts-with': 'conflicts with' },
    assumptionStatuses: { supported: 'supported', challenged: 'challenged', untested: 'untested' },
    accessWords: { public: 'public', internal: 'internal', confidential: 'confidential' },
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    leadsTo: 'leads to',
    whichLeadsTo: 'which leads to',
    altLogic: title => `The figure shows the programme theory "${title}" with its levels from left to right.`,
    legend: 'Assumptions',
    questionsAnswered: 'Research questions answered',
    findingsTriangulated: 'Findings triangulated',
    outcomesWithEvidence: 'Outcomes and impacts with evidence',
    recommendationsWithBasis: 'Recommendations with a basis',
    supportedBy: 'supported by',
    challengedBy: 'challenged by',
    unknownSource: 'unknown source',
    revisedPairs: 'Revised findings',
    earlierReports: 'Deliverables',
    findingsAbout: 'Findings',
    confidenceDistribution: 'Findings by confidence',
    originShare: s => `${s} of the evidence comes from the programme's or the projects' own sources. Such sources cannot on their own show outcomes.`,
    seriousConcerns: 'Findings with moderate or serious concerns',
    cutoffOf: 'Cut-off'
};

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

/** A number in the report language: decimal comma in Norwegian. */
export function formatNumber(n: number, language: ReportLanguage, fractionDigits?: number): string {
    const text = fractionDigits === undefined ? String(n) : n.toFixed(fractionDigits);
    const [int, frac] = text.split('.');
    const sep = language === 'en' ? ',' : '\u00a0';
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    return frac === undefined ? grouped : grouped + (language === 'en' ? '.' : ',') + frac;
}

/** A share as a percentage: "67 %" (Norwegian) or "67%" (English). */
export function formatPercent(numerator: number, denominator: number, language: ReportLanguage): string {
    const pct = denominator === 0 ? 0 : Math.round((numerator / denominator) * 100);
    return language === 'en' ? `${pct}%` : `${pct}\u00a0%`;
}
