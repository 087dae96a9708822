/**
 * Element snippets, offered by completion where the grammar lets the element start (a
 * `finding` snippet never after `answers `). They replace the keyword of the same name,
 * so Tab after `finding` expands the snippet. Bodies use VS Code snippet syntax (`\t` is
 * one indentation level; the editor adjusts it). The first choice of a `${n|…|}` is the
 * default: `confidence moderate`, GRADE-CERQual's middle ground, never `high`.
 *
 * Placeholders are in Norwegian (bokmål), the language of the reports Sporbar writes; the
 * keywords stay English, as the language has them. A few property snippets (`ethics`,
 * `measured`, `follow-up`, the front matter of a report) take the place of their property
 * keyword where it may stand (`property: true`).
 */
export interface ElementSnippet {
    /** The keyword the snippet stands for (and replaces in completion). */
    readonly keyword: string;
    /** Shown and matched in completion; the keyword unless the snippet is a variant (`interview`). */
    readonly label: string;
    readonly description: string;
    readonly body: readonly string[];
    /** Stands for a property keyword (inside an element), not for an element. */
    readonly property?: true;
}

const ACTOR_TYPES = 'municipality,county,state,research,private,voluntary,association,council,team,group,supplier,other';
const SOURCE_KINDS = 'interview,focus-group,document,observation,survey,workshop,literature,dataset';

function levelSnippet(level: string, description: string): ElementSnippet {
    return {
        keyword: level, label: level, description,
        body: level === 'outcome' || level === 'impact'
            ? [
                `${level} \${1:ID} "\${2:Tittel}" {`,
                '\thorizon ${3|medium,short,long|}',
                '\tindicator ${4:Indikator} "${5:Indikator}" { baseline ${6:0}  target ${7:10}  unit "${8:enhet}" }',
                '}'
            ]
            : [`${level} \${1:ID} "\${2:Tittel}"`]
    };
}

export const ELEMENT_SNIPPETS: readonly ElementSnippet[] = [
    {
        keyword: 'programme', label: 'programme', description: 'Programme (exactly one per workspace)',
        body: [
            'programme ${1:ID} "${2:Tittel}" {',
            '\tclient ${3:Oppdragsgiver}',
            '\tperiod ${4:2024-01} .. ${5:2026-12}',
            '\tgoal "${6:Mål}"',
            '\tdescription """',
            '\t\t${7:Beskrivelse}',
            '\t"""',
            '}'
        ]
    },
    { keyword: 'actor', label: 'actor', description: 'Actor', body: [`actor \${1:ID} "\${2:Navn}" { type \${3|${ACTOR_TYPES}|} }`] },
    { keyword: 'need', label: 'need', description: 'Need of the client', body: ['need ${1:ID} "${2:Behov}" { weight ${3|high,medium,low|} }'] },
    { keyword: 'question', label: 'question', description: 'Research question', body: ['question ${1:ID} "${2:Forskningsspørsmål?}" { need ${3:Behov} }'] },
    {
        keyword: 'logic', label: 'logic', description: 'Programme logic (theory of change) with one node per level and a chain',
        body: [
            'logic ${1:ID} "${2:Tittel}" {',
            '\tinput ${3:Innsats} "${4:Ressurser}"',
            '\tactivity ${5:Aktivitet} "${6:Aktivitet}"',
            '\toutput ${7:Produkt} "${8:Produkt}"',
            '\toutcome ${9:Virkning} "${10:Virkning}" {',
            '\t\thorizon ${11|medium,short,long|}',
            '\t\tindicator ${12:Indikator} "${13:Indikator}" { baseline ${14:0}  target ${15:10}  unit "${16:enhet}" }',
            '\t}',
            '',
            '\t${3} -> ${5} -> ${7} -> ${9}',
            '}'
        ]
    },
    levelSnippet('input', 'Logic node: input'),
    levelSnippet('activity', 'Logic node: activity'),
    levelSnippet('output', 'Logic node: output'),
    levelSnippet('outcome', 'Logic node: outcome, with an indicator'),
    levelSnippet('impact', 'Logic node: impact, with an indicator'),
    { keyword: 'assumption', label: 'assumption', description: 'Assumption on an edge (or one node)', body: ['assumption ${1:ID} "${2:Antakelse}" { on ${3:Fra} -> ${4:Til} }'] },
    { keyword: 'indicator', label: 'indicator', description: 'Indicator', body: ['indicator ${1:ID} "${2:Indikator}" { baseline ${3:0}  target ${4:10}  unit "${5:enhet}" }'] },
    {
        keyword: 'portfolio', label: 'portfolio', description: 'Portfolio of projects',
        body: ['portfolio ${1:ID} "${2:Tittel}" {', '\tchallenge "${3:Utfordring}"', '\tvision "${4:Visjon}"', '\towner ${5:Aktør}', '\t$0', '}']
    },
    {
        keyword: 'project', label: 'project', description: 'Project',
        body: [
            'project ${1:ID} "${2:Tittel}" {',
            '\tstatus ${3|active,idea,planned,paused,completed,stopped|}',
            '\towner ${4:Aktør}',
            '\tperiod ${5:2024-01} .. ${6:2025-12}',
            '\tcontributes ${7:Node}',
            '}'
        ]
    },
    {
        keyword: 'source', label: 'source', description: 'Source of evidence',
        body: [`source \${1:ID} \${2|${SOURCE_KINDS}|} "\${3:Tittel}" {`, '\tdate ${4:2024-01-31}', '\t$0', '}']
    },
    {
        keyword: 'source', label: 'interview', description: 'Interview source (confidential by default)',
        body: ['source ${1:ID} interview "${2:Tittel}" {', '\tdate ${3:2024-01-31}', '\trole "${4:Rolle}"', '\tactor ${5:Aktør}', '}']
    },
    {
        keyword: 'finding', label: 'finding', description: 'Finding backed by evidence',
        body: [
            'finding ${1:ID} "${2:Påstand}" {',
            '\tanswers ${3:Spørsmål}',
            '\tevidence ${4:Kilde} at "${5:Sted i kilden}"',
            '\tconfidence ${6|moderate,low,high,very-low|}',
            '\tsupports ${7:Node}',
            '\tdate ${8:2024-02-01}',
            '\ttext """',
            '\t\t${9:Tekst med henvisninger som @${4}.}',
            '\t"""',
            '}'
        ]
    },
    { keyword: 'criterion', label: 'criterion', description: 'Custom assessment criterion', body: ['criterion ${1:ID} "${2:Kriterium}"'] },
    {
        keyword: 'assessment', label: 'assessment', description: 'Assessment against a criterion',
        body: [
            'assessment ${1:ID} "${2:Tittel}" {',
            '\tcriterion ${3|relevance,coherence,effectiveness,efficiency,impact,sustainability|}',
            '\trating ${4|moderate,high,low,unclear|}',
            '\tbased-on ${5:Funn}',
            '\ttext """ ${6:Vurdering} """',
            '}'
        ]
    },
    {
        keyword: 'recommendation', label: 'recommendation', description: 'Recommendation',
        body: [
            'recommendation ${1:ID} "${2:Anbefaling}" {',
            '\tto ${3:Aktør}',
            '\tpriority ${4|high,medium,low|}',
            '\thorizon ${5|short,medium,long|}',
            '\tbased-on ${6:Funn}',
            '}'
        ]
    },
    { keyword: 'lesson', label: 'lesson', description: 'Lesson for future initiatives', body: ['lesson ${1:ID} "${2:Lærdom}" { based-on ${3:Funn} }'] },
    { keyword: 'initiative', label: 'initiative', description: 'Comparable initiative (national or international)', body: ['initiative ${1:ID} "${2:Tittel}" { country "${3:NO}"  url "${4:https://}" }'] },
    {
        keyword: 'report', label: 'report', description: 'Report to generate',
        body: [
            'report ${1:ID} "${2:Tittel}" {',
            '\tkind ${3|interim,assessment,final|}',
            '\tdate ${4:2024-06-01}',
            '\tcutoff ${5:2024-05-15}',
            '\tlanguage ${6|nb,nn,en|}',
            '\tauthors "${7:Forfattere}"',
            '\tsummary """ ${8:Sammendrag} """',
            '\tmethod """ ${9:Metode} """',
            '}'
        ]
    },
    {
        keyword: 'assessment', label: 'not-assessed', description: 'A criterion deliberately not assessed, with the reason',
        body: [
            'assessment ${1:ID} "${2:Tittel}" {',
            '\tcriterion ${3|relevance,coherence,effectiveness,efficiency,impact,sustainability|}',
            '\tnot-assessed "${4:Begrunnelse}"',
            '}'
        ]
    },
    { keyword: 'section', label: 'section', description: 'Extra report section', body: ['section "${1:Tittel}" """', '\t${2:Tekst}', '"""'] },
    {
        keyword: 'ethics', label: 'ethics', property: true, description: 'Research-ethics statement and data-deletion date (inside the programme)',
        body: [
            'ethics """',
            '\t${1:Behandlingen av personopplysninger er meldt til Sikt. Informantene har gitt informert samtykke. Lydopptak lagres kryptert og slettes ved prosjektslutt.}',
            '"""',
            'data-deletion ${2:2026-06-30}'
        ]
    },
    {
        keyword: 'measured', label: 'measured', property: true, description: 'Measured value of an indicator: date, value, source (inside an indicator)',
        body: ['measured ${1:2024-12} ${2:0} from ${3:Kilde} at "${4:Sted i kilden}"']
    },
    {
        keyword: 'follow-up', label: 'follow-up', property: true, description: 'Follow-up of a recommendation: date, status, response (inside a recommendation)',
        body: ['follow-up ${1:2024-06-01} ${2|accepted,rejected,implemented,proposed|} "${3:Svar}"']
    },
    {
        keyword: 'institution', label: 'front matter', property: true, description: 'Front matter of a research report (inside a report)',
        body: [
            'institution "${1:Institusjon}"',
            'project-leader "${2:Prosjektleder}"',
            'quality-assurance "${3:Kvalitetssikrer}"',
            'keywords "${4:emneord}", "${5:emneord}"',
            'preface """ ${6:Forord} """',
            'summary-en """ ${7:Summary in English} """'
        ]
    }
];

const BY_KEYWORD = new Map<string, ElementSnippet[]>();
for (const snippet of ELEMENT_SNIPPETS) BY_KEYWORD.set(snippet.keyword, [...(BY_KEYWORD.get(snippet.keyword) ?? []), snippet]);

/** The snippets that start with a keyword (the element's own first, then variants). */
export function snippetsFor(keyword: string): readonly ElementSnippet[] {
    return BY_KEYWORD.get(keyword) ?? [];
}
