import type { UiLanguage } from '../l10n/prog-l10n.js';
import { KEYWORD_DOCS_NB } from '../l10n/keyword-docs-nb.js';
import { KEYWORD_DOCS_NN } from '../l10n/keyword-docs-nn.js';

/**
 * What a keyword or value means, for hovers (LANGUAGE.md, in short). Three kinds of word:
 * element kinds (`finding`, `outcome`, …), properties (`confidence`, `based-on`, …, which
 * may mean different things in different elements) and enumeration values (`moderate`,
 * `focus-group`, …, looked up by their enumeration, i.e. the grammar's datatype rule).
 * Pure data and lookups: the hover provider decides where a word stands.
 *
 * The English texts are here; bokmål and nynorsk in l10n/keyword-docs-nb.ts and
 * keyword-docs-nn.ts, with the same keys (their type is derived from these tables, and
 * test/language/l10n.test.ts checks that each keeps the English text's code spans).
 */

/** Element kinds and logic levels. */
const ELEMENTS = {
    programme: 'The programme under evaluation — exactly one per workspace: `programme ID "title" { client … period … goal … }`.',
    actor: 'An organisation, group or body that takes part: `actor ID "name" { type … members … part-of … }`.',
    need: "One of the client's needs that the evaluation serves: `need ID \"title\" { weight … }`.",
    question: 'A research question of the evaluation; findings `answers` it: `question ID "text?" { need … }`.',
    logic: 'The programme theory (theory of change): nodes on five levels (`input` → `activity` → `output` → `outcome` → `impact`), chain lines `A -> B`, assumptions and indicators.',
    input: 'A logic node on the lowest level: resources put into the programme (money, people, mandate).',
    activity: 'A logic node: what the programme does with its inputs.',
    output: 'A logic node: the direct products of the activities.',
    outcome: 'A logic node: a change the programme seeks in those it reaches (needs an `indicator` and evidence).',
    impact: 'A logic node on the highest level: the lasting change in society the programme contributes to (needs an `indicator` and evidence).',
    assumption: 'A condition the programme theory relies on, for a node or an edge (`on A -> B`); findings `supports` or `challenges` it.',
    indicator: 'How a node is measured: `indicator ID "title" { baseline … target … unit "…" }` (inside a node, or with `for NODE` at the top of a logic).',
    portfolio: 'A group of projects with a common challenge: `portfolio ID "title" { challenge … vision … owner … project … }`.',
    project: 'A project of the programme: status, owner, partners, funding, period, the logic nodes it `contributes` to and its relations to other projects.',
    source: 'Where evidence comes from: `source ID kind "title" { date … }`; the kind (`interview`, `document`, …) follows the ID.',
    finding: 'A claim backed by evidence: `finding ID "claim" { answers … evidence … confidence … }`.',
    criterion: 'An assessment criterion of your own, besides the six OECD DAC criteria: `criterion ID "title"`.',
    assessment: 'A judgement against one criterion, based on findings: `assessment ID "title" { criterion … rating … based-on … }`.',
    recommendation: 'A recommendation to actors, based on findings: `recommendation ID "title" { to … priority … based-on … }`.',
    lesson: 'A lesson for future initiatives, based on findings: `lesson ID "title" { based-on … }`.',
    initiative: 'A comparable initiative, national or international: `initiative ID "title" { country … url … }`.',
    report: 'A deliverable to generate (docx, Markdown, HTML): `report ID "title" { kind … date … cutoff … language … }`.',
    section: 'An extra section of a report: `section "title" [after SLOT] """text"""` (`after` places it right after that chapter).',
    table: 'A table from one of the team\'s CSV files, for reports and as evidence: `table ID "title" { from SOURCE  file "data.csv" }`.',
    chart: 'A chart from one of the team\'s CSV files, for reports and as evidence: `chart ID "title" { from SOURCE  file "data.csv"  kind bar }`.',
    measured: 'A measurement of the indicator: `measured DATE VALUE [from SOURCE [at "locator"]]`, any number of times.',
    'follow-up': 'What became of the recommendation by a date: `follow-up DATE STATUS ["response"]`; a report shows the latest one dated on or before its cutoff.'
} as const;

/** Properties by element rule; `*` holds what a word means wherever it stands. */
const PROPERTIES = {
    Programme: {
        client: 'The actor that commissioned the evaluation.',
        contract: 'The contract or tender the evaluation is done under.',
        period: 'The programme\'s period: `start .. end` (dates `YYYY-MM-DD`, `YYYY-MM` or `YYYY`).',
        sdgs: 'UN Sustainable Development Goals, as numbers 1–17.',
        goal: 'The programme\'s goal, in one sentence.',
        bibliography: 'A BibTeX or CSL-JSON file (relative to the workspace) whose keys sources `cite`.',
        description: 'A description of the programme (Markdown text).'
    },
    Actor: {
        type: 'What kind of actor: `municipality`, `county`, `state`, `research`, `private`, `voluntary`, `association`, `council`, `team`, `group`, `supplier` or `other`.',
        members: 'How many members the actor has (a confidential source from a group of fewer than 5 may identify its informant).',
        'part-of': 'The actor this one belongs to.'
    },
    Need: { weight: 'How much the need weighs: `high`, `medium` or `low`.' },
    Question: { need: 'The needs this question serves.' },
    LogicNode: {
        horizon: 'When the change is expected: `short`, `medium` or `long`.',
        sdgs: 'UN Sustainable Development Goals the node serves, as numbers 1–17.'
    },
    Assumption: { on: 'The node, or the edge `A -> B`, the assumption concerns.' },
    Indicator: {
        for: 'The node the indicator measures (only at the top level of a logic).',
        baseline: 'The value at the start.',
        target: 'The value aimed at.',
        unit: 'The unit of the values.'
    },
    Portfolio: {
        challenge: 'The challenge the portfolio addresses.',
        vision: 'Where the portfolio wants to get.',
        owner: 'The actor that owns the portfolio.'
    },
    Project: {
        status: 'Where the project stands: `idea`, `planned`, `active`, `paused`, `completed` or `stopped`.',
        owner: 'The actor that owns the project.',
        partners: 'The actors the project works with.',
        funding: 'Who pays how much: `actor amount unit` (unit `NOK`, `kNOK` or `MNOK`), comma-separated.',
        governance: 'How the project is governed.',
        period: 'The project\'s period: `start .. end`.',
        contributes: 'The logic nodes the project contributes to (line of sight).',
        portfolio: 'The portfolio a top-level project belongs to.'
    },
    Source: {
        date: 'When the source came about (an interview, a document\'s date): `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.',
        role: 'The informant\'s role (say who speaks without naming them).',
        file: 'A file in the workspace holding the source (a transcript, a document), relative to the workspace folder.',
        url: 'Where the source is published.',
        name: 'A person\'s name — allowed only with `consent named`.',
        actor: 'The actor the source speaks for or comes from.',
        access: 'Who may see the source: `public`, `internal` or `confidential` (interviews and focus groups are confidential by default).',
        consent: '`consent named`: the person agreed to be named.',
        origin: 'Who produced the source: `programme`, `project` or `independent` (the default).',
        respondents: 'The number of survey answers.',
        cite: 'A key of the programme\'s bibliography.'
    },
    Finding: {
        answers: 'The research questions the finding answers.',
        evidence: 'The sources the claim rests on: `SOURCE at "locator" quote "verbatim"`, comma-separated.',
        confidence: 'How much confidence the finding deserves (GRADE-CERQual): `high`, `moderate`, `low` or `very-low`.',
        concerns: 'GRADE-CERQual concerns: `component level` (`limitations`, `coherence`, `adequacy`, `relevance` × `none`, `minor`, `moderate`, `serious`).',
        supports: 'The logic nodes or assumptions the finding supports.',
        challenges: 'The logic nodes or assumptions the finding challenges.',
        about: 'The projects, portfolios, actors or initiatives the finding is about.',
        date: 'When the finding was made; a report leaves out findings dated after its cutoff.',
        status: 'The finding\'s status: `draft`, `confirmed` (the default), `revised` or `withdrawn`.',
        replaces: 'The earlier finding this one revises.',
        text: 'The finding in prose (Markdown, `@ID` references).'
    },
    Evidence: {
        at: 'Where in the source: a page, a timestamp, a paragraph.',
        quote: 'A verbatim quote from the source.'
    },
    Assessment: {
        criterion: 'The criterion: one of the six OECD DAC criteria or a declared `criterion`.',
        rating: 'The judgement: `high`, `moderate`, `low` or `unclear`.',
        'based-on': 'The findings the assessment rests on.',
        text: 'The assessment in prose (Markdown, `@ID` references).'
    },
    Recommendation: {
        to: 'The actors the recommendation is addressed to.',
        priority: 'How urgent: `high`, `medium` or `low`.',
        horizon: 'When it should be acted on: `short`, `medium` or `long`.',
        'based-on': 'The findings the recommendation rests on.',
        answers: 'The research questions the recommendation answers.',
        status: 'What became of it: `proposed`, `accepted`, `rejected` or `implemented`.',
        response: 'The addressee\'s response.',
        date: 'When the recommendation was made; a report includes it when this is on or before its cutoff.'
    },
    Lesson: { 'based-on': 'The findings the lesson rests on.' },
    Initiative: { country: 'The initiative\'s country.', url: 'Where to read about it.' },
    Report: {
        kind: 'What the report is: `interim` (note), `assessment` (basis) or `final` (report).',
        date: 'The report\'s date.',
        cutoff: 'The last day of admissible evidence: findings dated later, and findings citing later sources, are left out.',
        language: 'The report\'s language: `nb`, `nn` or `en`.',
        number: 'The report\'s number in a series.',
        authors: 'The authors, as strings.',
        audience: 'The actors the report is for.',
        summary: 'The summary (Markdown text).',
        introduction: 'The introduction (Markdown text).',
        method: 'The method chapter (Markdown text).',
        discussion: 'The discussion (Markdown text).',
        conclusion: 'The conclusion (Markdown text).',
        institution: 'The institution that publishes the report (front matter).',
        'project-leader': 'The project leader named in the front matter.',
        'quality-assurance': 'Who assured the report\'s quality (front matter).',
        isbn: 'The report\'s ISBN.',
        issn: 'The ISSN of the series the report belongs to.',
        keywords: 'Keywords of the report, as strings.',
        preface: 'The preface (Markdown text).',
        'summary-en': 'The summary in English of a Norwegian report (Markdown text).'
    },
    Section: { after: 'The chapter the section follows: `summary`, `introduction`, `method`, `programme`, `findings`, `assessment` or `recommendations`.' },
    Table: {
        from: 'The sources the table\'s data come from (required).',
        file: 'The CSV file, inside the workspace (required).',
        note: 'A note printed under the table.',
        unit: 'The unit of the values.',
        counts: 'The name of the column that holds the counts.'
    },
    Chart: {
        from: 'The sources the chart\'s data come from (required).',
        file: 'The CSV file, inside the workspace (required).',
        note: 'A note printed under the chart.',
        unit: 'The unit of the values.',
        kind: 'The kind of chart: `bar` (the default) or `line`.'
    }
} as const;

/** Enumerations by the grammar's datatype rule. */
const ENUMERATIONS = {
    ActorType: {
        name: 'actor type',
        values: {
            municipality: 'a municipality', county: 'a county', state: 'a state body', research: 'a research institution',
            private: 'a private company', voluntary: 'a voluntary organisation', association: 'an association',
            council: 'a council', team: 'a team', group: 'a group', supplier: 'a supplier', other: 'another kind of actor'
        }
    },
    SourceKind: {
        name: 'source kind',
        values: {
            interview: 'an interview with one informant (confidential by default)',
            'focus-group': 'a focus group: several informants speaking together (confidential by default)',
            document: 'a document', observation: 'an observation (a meeting, a site visit)', survey: 'a survey',
            workshop: 'a workshop', literature: 'published literature', dataset: 'a dataset'
        }
    },
    Origin: {
        name: 'origin',
        note: 'self-reported sources (`programme`, `project`) alone cannot show that an outcome was reached',
        values: { programme: 'produced by the programme itself', project: 'produced by one of its projects', independent: 'produced independently (the default)' }
    },
    Access: {
        name: 'access',
        values: { public: 'anyone may see it', internal: 'the programme may see it', confidential: 'only the evaluators (default for interviews and focus groups)' }
    },
    ProjectStatus: {
        name: 'project status',
        values: { idea: 'an idea', planned: 'planned', active: 'running', paused: 'paused', completed: 'completed', stopped: 'stopped before completion' }
    },
    FindingStatus: {
        name: 'finding status',
        values: {
            draft: 'not yet in force (left out of reports)', confirmed: 'in force (the default)',
            revised: 'in force, revised', withdrawn: 'withdrawn; must not be cited'
        }
    },
    Confidence: {
        name: 'confidence', note: 'GRADE-CERQual',
        values: {
            high: 'it is highly likely that the finding is a reasonable representation (needs two or more source kinds)',
            moderate: 'it is likely that the finding is a reasonable representation',
            low: 'it is possible that the finding is a reasonable representation',
            'very-low': 'it is not clear whether the finding is a reasonable representation'
        }
    },
    ConcernLevel: {
        name: 'concern level', note: 'GRADE-CERQual',
        values: { none: 'no concerns', minor: 'minor concerns', moderate: 'moderate concerns', serious: 'serious concerns' }
    },
    ConcernComponent: {
        name: 'concern component', note: 'GRADE-CERQual',
        values: {
            limitations: 'methodological limitations of the sources', coherence: 'how well the data fit the finding',
            adequacy: 'how rich and plentiful the data are', relevance: 'how well the data apply to the question'
        }
    },
    DacCriterion: {
        name: 'DAC criterion', note: 'OECD DAC 2019',
        values: {
            relevance: 'is the intervention doing the right things?', coherence: 'how well does it fit?',
            effectiveness: 'is it achieving its objectives?', efficiency: 'how well are resources being used?',
            impact: 'what difference does it make?', sustainability: 'will the benefits last?'
        }
    },
    Rating: {
        name: 'rating',
        values: { high: 'high', moderate: 'moderate', low: 'low', unclear: 'the evidence does not allow a judgement' }
    },
    Priority: { name: 'priority', values: { high: 'high', medium: 'medium', low: 'low' } },
    Horizon: { name: 'horizon', values: { short: 'short term', medium: 'medium term', long: 'long term' } },
    RecommendationStatus: {
        name: 'recommendation status',
        values: { proposed: 'proposed (the default)', accepted: 'accepted by the addressee', rejected: 'rejected by the addressee', implemented: 'carried out' }
    },
    ReportKind: {
        name: 'report kind',
        values: { interim: 'an interim note', assessment: 'an assessment basis (needs a summary and every DAC criterion)', final: 'the final report (needs a summary and every DAC criterion)' }
    },
    Language: { name: 'language', values: { nb: 'Norwegian bokmål', nn: 'Norwegian nynorsk', en: 'English' } },
    MoneyUnit: { name: 'money unit', values: { NOK: 'Norwegian kroner', kNOK: 'thousands of kroner', MNOK: 'millions of kroner' } },
    ChartKind: { name: 'chart kind', values: { bar: 'bars (the default)', line: 'a line' } },
    SectionSlot: {
        name: 'section slot',
        values: {
            summary: 'after the summary', introduction: 'after the introduction', method: 'after the method chapter',
            programme: 'after the description of the programme', findings: 'after the findings', assessment: 'after the assessment',
            recommendations: 'after the recommendations'
        }
    },
    RelationKind: {
        name: 'relation between projects',
        values: {
            synergy: 'the projects reinforce each other: `synergy PROJECT "note"`',
            'depends-on': 'this project depends on the other: `depends-on PROJECT`',
            'shares-resource': 'the projects share a resource: `shares-resource PROJECT "note"`',
            'conflicts-with': 'the projects pull in different directions: `conflicts-with PROJECT "note"`'
        }
    }
} as const;

/** The English texts: element kinds, properties by element rule, enumerations by datatype rule. */
export const KEYWORD_DOCS_EN = { elements: ELEMENTS, properties: PROPERTIES, enumerations: ENUMERATIONS } as const;

/** The same shape with any text: what a translation must give (every key, a note where English has one). */
type Texts<T> = T extends string ? string : { readonly [K in keyof T]: Texts<T[K]> };
export type KeywordDocs = Texts<typeof KEYWORD_DOCS_EN>;

interface Enumeration {
    readonly name: string;
    readonly note?: string;
    readonly values: Readonly<Record<string, string>>;
}

/** The tables of one language, looked up by any word. */
interface Tables {
    readonly elements: Readonly<Record<string, string>>;
    readonly properties: Readonly<Record<string, Readonly<Record<string, string>>>>;
    readonly enumerations: Readonly<Record<string, Enumeration>>;
}

const DOCS: Readonly<Record<UiLanguage, Tables>> = { en: KEYWORD_DOCS_EN, nb: KEYWORD_DOCS_NB, nn: KEYWORD_DOCS_NN };

function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
    return table && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** What an element kind (or logic level) means. */
export function elementDoc(keyword: string, language: UiLanguage): string | undefined {
    return own(DOCS[language].elements, keyword);
}

/**
 * What a property keyword means in an element (by the element's grammar rule). Only what
 * is written for that element: the same word may mean something else elsewhere (`file`
 * of a source, of a table).
 */
export function propertyDoc(rule: string | undefined, keyword: string, language: UiLanguage): string | undefined {
    return rule ? own(own(DOCS[language].properties, rule), keyword) : undefined;
}

/**
 * What an enumeration value means: `{ name: 'confidence', label: 'tillit', text: '…', values }`.
 * `name` is the enumeration's English name (the language reference's topic), `label` the
 * same in `language`; `values` are the enumeration's values, as written in `.prog` files.
 */
export function valueDoc(rule: string, value: string, language: UiLanguage): { name: string; label: string; text: string; values: readonly string[] } | undefined {
    const english = own(DOCS.en.enumerations, rule);
    const enumeration = own(DOCS[language].enumerations, rule);
    if (!english || !enumeration) return undefined;
    const meaning = own(enumeration.values, value);
    const text = [meaning, enumeration.note ? `(${enumeration.note})` : undefined].filter(Boolean).join(' ');
    return { name: english.name, label: enumeration.name, text, values: Object.keys(english.values) };
}
