import type { UiLanguage } from './prog-l10n.js';

/**
 * The words of the element snippets (lsp/prog-snippets.ts) in nb, nn and en: the
 * placeholders the user types over, and the description shown beside each snippet in
 * completion. Keywords and enumeration values stay English (they are the language's
 * syntax); an ID placeholder is one word a `.prog` ID may be (letters only), a placeholder
 * inside a string has no `"`. Norwegian terms as in messages-nb.ts / messages-nn.ts:
 * problemstilling, innsatsfaktor/aktivitet/resultat/effekt, forutsetning/føresetnad,
 * kilde/kjelde, anbefaling/tilråding, læringspunkt.
 */
export interface SnippetPlaceholders {
    /** Titles and texts (inside strings). */
    readonly title: string;
    readonly goal: string;
    readonly description: string;
    readonly name: string;
    readonly need: string;
    readonly questionText: string;
    readonly resources: string;
    readonly unit: string;
    readonly assumption: string;
    readonly challenge: string;
    readonly vision: string;
    readonly role: string;
    readonly claim: string;
    readonly locator: string;
    /** Before `@ID`: "Text with references such as @S1." */
    readonly textWithReferences: string;
    readonly criterion: string;
    readonly assessment: string;
    readonly recommendation: string;
    readonly lesson: string;
    readonly authors: string;
    readonly summary: string;
    readonly method: string;
    readonly reason: string;
    readonly text: string;
    readonly ethics: string;
    readonly response: string;
    readonly institution: string;
    readonly projectLeader: string;
    readonly qualityAssurance: string;
    readonly keyword: string;
    readonly preface: string;
    readonly summaryEn: string;
    /** IDs of what an element refers to (one word each). */
    readonly clientId: string;
    readonly needId: string;
    readonly inputId: string;
    readonly activityId: string;
    readonly outputId: string;
    readonly outcomeId: string;
    readonly indicatorId: string;
    readonly fromId: string;
    readonly toId: string;
    readonly actorId: string;
    readonly nodeId: string;
    readonly questionId: string;
    readonly sourceId: string;
    readonly findingId: string;
    /** Titles of logic nodes in the `logic` snippet. */
    readonly activity: string;
    readonly output: string;
    readonly outcome: string;
    readonly indicator: string;
}

/** The snippets, by their label in completion. */
export const SNIPPET_LABELS = [
    'programme', 'actor', 'need', 'question', 'logic', 'input', 'activity', 'output', 'outcome', 'impact', 'assumption',
    'indicator', 'portfolio', 'project', 'source', 'interview', 'finding', 'criterion', 'assessment', 'recommendation',
    'lesson', 'initiative', 'report', 'not-assessed', 'section', 'ethics', 'measured', 'follow-up', 'front matter'
] as const;
export type SnippetLabel = (typeof SNIPPET_LABELS)[number];

export interface SnippetTexts {
    readonly placeholders: SnippetPlaceholders;
    readonly descriptions: Readonly<Record<SnippetLabel, string>>;
}

const EN: SnippetTexts = {
    placeholders: {
        title: 'Title', goal: 'Goal', description: 'Description', name: 'Name', need: 'Need', questionText: 'Research question?',
        resources: 'Resources', unit: 'unit', assumption: 'Assumption', challenge: 'Challenge', vision: 'Vision', role: 'Role',
        claim: 'Claim', locator: 'Place in the source', textWithReferences: 'Text with references such as', criterion: 'Criterion',
        assessment: 'Assessment', recommendation: 'Recommendation', lesson: 'Lesson', authors: 'Authors', summary: 'Summary',
        method: 'Method', reason: 'Reason', text: 'Text',
        ethics: 'The processing of personal data has been notified to Sikt. The informants gave informed consent. Audio recordings are stored encrypted and deleted when the project ends.',
        response: 'Response', institution: 'Institution', projectLeader: 'Project leader', qualityAssurance: 'Quality assurer',
        keyword: 'keyword', preface: 'Preface', summaryEn: 'Summary in English',
        clientId: 'Client', needId: 'Need', inputId: 'Input', activityId: 'Activity', outputId: 'Output', outcomeId: 'Outcome',
        indicatorId: 'Indicator', fromId: 'From', toId: 'To', actorId: 'Actor', nodeId: 'Node', questionId: 'Question',
        sourceId: 'Source', findingId: 'Finding',
        activity: 'Activity', output: 'Output', outcome: 'Outcome', indicator: 'Indicator'
    },
    descriptions: {
        'programme': 'Programme (exactly one per workspace)',
        'actor': 'Actor',
        'need': 'Need of the client',
        'question': 'Research question',
        'logic': 'Programme logic (theory of change) with one node per level and a chain',
        'input': 'Logic node: input',
        'activity': 'Logic node: activity',
        'output': 'Logic node: output',
        'outcome': 'Logic node: outcome, with an indicator',
        'impact': 'Logic node: impact, with an indicator',
        'assumption': 'Assumption on an edge (or one node)',
        'indicator': 'Indicator',
        'portfolio': 'Portfolio of projects',
        'project': 'Project',
        'source': 'Source of evidence',
        'interview': 'Interview source (confidential by default)',
        'finding': 'Finding backed by evidence',
        'criterion': 'Custom assessment criterion',
        'assessment': 'Assessment against a criterion',
        'recommendation': 'Recommendation',
        'lesson': 'Lesson for future initiatives',
        'initiative': 'Comparable initiative (national or international)',
        'report': 'Report to generate',
        'not-assessed': 'A criterion deliberately not assessed, with the reason',
        'section': 'Extra report section',
        'ethics': 'Research-ethics statement and data-deletion date (inside the programme)',
        'measured': 'Measured value of an indicator: date, value, source (inside an indicator)',
        'follow-up': 'Follow-up of a recommendation: date, status, response (inside a recommendation)',
        'front matter': 'Front matter of a research report (inside a report)'
    }
};

const NB: SnippetTexts = {
    placeholders: {
        title: 'Tittel', goal: 'Mål', description: 'Beskrivelse', name: 'Navn', need: 'Behov', questionText: 'Problemstilling?',
        resources: 'Ressurser', unit: 'enhet', assumption: 'Forutsetning', challenge: 'Utfordring', vision: 'Visjon', role: 'Rolle',
        claim: 'Påstand', locator: 'Sted i kilden', textWithReferences: 'Tekst med henvisninger som', criterion: 'Kriterium',
        assessment: 'Vurdering', recommendation: 'Anbefaling', lesson: 'Læringspunkt', authors: 'Forfattere', summary: 'Sammendrag',
        method: 'Metode', reason: 'Begrunnelse', text: 'Tekst',
        ethics: 'Behandlingen av personopplysninger er meldt til Sikt. Informantene har gitt informert samtykke. Lydopptak lagres kryptert og slettes ved prosjektslutt.',
        response: 'Svar', institution: 'Institusjon', projectLeader: 'Prosjektleder', qualityAssurance: 'Kvalitetssikrer',
        keyword: 'emneord', preface: 'Forord', summaryEn: 'Sammendrag på engelsk',
        clientId: 'Oppdragsgiver', needId: 'Behov', inputId: 'Innsatsfaktor', activityId: 'Aktivitet', outputId: 'Resultat', outcomeId: 'Effekt',
        indicatorId: 'Indikator', fromId: 'Fra', toId: 'Til', actorId: 'Aktør', nodeId: 'Element', questionId: 'Problemstilling',
        sourceId: 'Kilde', findingId: 'Funn',
        activity: 'Aktivitet', output: 'Resultat', outcome: 'Effekt', indicator: 'Indikator'
    },
    descriptions: {
        'programme': 'Program (nøyaktig ett per arbeidsområde)',
        'actor': 'Aktør',
        'need': 'Behov hos oppdragsgiveren',
        'question': 'Problemstilling',
        'logic': 'Programteori (endringsteori) med ett element per nivå og en kjede',
        'input': 'Element i programteorien: innsatsfaktor',
        'activity': 'Element i programteorien: aktivitet',
        'output': 'Element i programteorien: resultat',
        'outcome': 'Element i programteorien: effekt, med en indikator',
        'impact': 'Element i programteorien: samfunnseffekt, med en indikator',
        'assumption': 'Forutsetning for en kant (eller ett element)',
        'indicator': 'Indikator',
        'portfolio': 'Portefølje av prosjekter',
        'project': 'Prosjekt',
        'source': 'Kilde til belegg',
        'interview': 'Intervju som kilde (konfidensielt hvis ikke annet er oppgitt)',
        'finding': 'Funn med belegg',
        'criterion': 'Eget vurderingskriterium',
        'assessment': 'Vurdering etter et kriterium',
        'recommendation': 'Anbefaling',
        'lesson': 'Læringspunkt for framtidige satsinger',
        'initiative': 'Sammenlignbart initiativ (nasjonalt eller internasjonalt)',
        'report': 'Rapport som skal lages',
        'not-assessed': 'Et kriterium som bevisst ikke er vurdert, med begrunnelse',
        'section': 'Ekstra del i rapporten',
        'ethics': 'Forskningsetisk redegjørelse og dato for sletting av data (inne i programmet)',
        'measured': 'Målt verdi for en indikator: dato, verdi, kilde (inne i en indikator)',
        'follow-up': 'Oppfølging av en anbefaling: dato, status, svar (inne i en anbefaling)',
        'front matter': 'Tittelsider for en forskningsrapport (inne i en rapport)'
    }
};

const NN: SnippetTexts = {
    placeholders: {
        title: 'Tittel', goal: 'Mål', description: 'Skildring', name: 'Namn', need: 'Behov', questionText: 'Problemstilling?',
        resources: 'Ressursar', unit: 'eining', assumption: 'Føresetnad', challenge: 'Utfordring', vision: 'Visjon', role: 'Rolle',
        claim: 'Påstand', locator: 'Stad i kjelda', textWithReferences: 'Tekst med tilvisingar som', criterion: 'Kriterium',
        assessment: 'Vurdering', recommendation: 'Tilråding', lesson: 'Læringspunkt', authors: 'Forfattarar', summary: 'Samandrag',
        method: 'Metode', reason: 'Grunngjeving', text: 'Tekst',
        ethics: 'Handsaminga av personopplysningar er meldt til Sikt. Informantane har gitt informert samtykke. Lydopptak blir lagra kryptert og sletta ved prosjektslutt.',
        response: 'Svar', institution: 'Institusjon', projectLeader: 'Prosjektleiar', qualityAssurance: 'Kvalitetssikrar',
        keyword: 'emneord', preface: 'Føreord', summaryEn: 'Samandrag på engelsk',
        clientId: 'Oppdragsgivar', needId: 'Behov', inputId: 'Innsatsfaktor', activityId: 'Aktivitet', outputId: 'Resultat', outcomeId: 'Effekt',
        indicatorId: 'Indikator', fromId: 'Frå', toId: 'Til', actorId: 'Aktør', nodeId: 'Element', questionId: 'Problemstilling',
        sourceId: 'Kjelde', findingId: 'Funn',
        activity: 'Aktivitet', output: 'Resultat', outcome: 'Effekt', indicator: 'Indikator'
    },
    descriptions: {
        'programme': 'Program (nøyaktig eitt per arbeidsområde)',
        'actor': 'Aktør',
        'need': 'Behov hos oppdragsgivaren',
        'question': 'Problemstilling',
        'logic': 'Programteori (endringsteori) med eitt element per nivå og ei kjede',
        'input': 'Element i programteorien: innsatsfaktor',
        'activity': 'Element i programteorien: aktivitet',
        'output': 'Element i programteorien: resultat',
        'outcome': 'Element i programteorien: effekt, med ein indikator',
        'impact': 'Element i programteorien: samfunnseffekt, med ein indikator',
        'assumption': 'Føresetnad for ein kant (eller eitt element)',
        'indicator': 'Indikator',
        'portfolio': 'Portefølje av prosjekt',
        'project': 'Prosjekt',
        'source': 'Kjelde til belegg',
        'interview': 'Intervju som kjelde (konfidensielt viss ikkje anna er oppgjeve)',
        'finding': 'Funn med belegg',
        'criterion': 'Eige vurderingskriterium',
        'assessment': 'Vurdering etter eit kriterium',
        'recommendation': 'Tilråding',
        'lesson': 'Læringspunkt for framtidige satsingar',
        'initiative': 'Samanliknbart initiativ (nasjonalt eller internasjonalt)',
        'report': 'Rapport som skal lagast',
        'not-assessed': 'Eit kriterium som medvite ikkje er vurdert, med grunngjeving',
        'section': 'Ekstra del i rapporten',
        'ethics': 'Forskingsetisk utgreiing og dato for sletting av data (inne i programmet)',
        'measured': 'Målt verdi for ein indikator: dato, verdi, kjelde (inne i ein indikator)',
        'follow-up': 'Oppfølging av ei tilråding: dato, status, svar (inne i ei tilråding)',
        'front matter': 'Tittelsider for ein forskingsrapport (inne i ein rapport)'
    }
};

export const SNIPPET_TEXTS: Readonly<Record<UiLanguage, SnippetTexts>> = { en: EN, nb: NB, nn: NN };

/** The title a quick fix gives an element it creates (`finding F9 "Tittel"`): the snippets' title placeholder. */
export function stubTitle(language: UiLanguage): string {
    return SNIPPET_TEXTS[language].placeholders.title;
}
