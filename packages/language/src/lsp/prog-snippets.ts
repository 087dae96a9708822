/**
 * Element snippets, offered by completion where the grammar lets the element start (a
 * `finding` snippet never after `answers `). They replace the keyword of the same name,
 * so Tab after `finding` expands the snippet. Bodies use VS Code snippet syntax (`\t` is
 * one indentation level; the editor adjusts it). The first choice of a `${n|…|}` is the
 * default: `confidence moderate`, GRADE-CERQual's middle ground, never `high`.
 */
export interface ElementSnippet {
    /** The keyword the snippet stands for (and replaces in completion). */
    readonly keyword: string;
    /** Shown and matched in completion; the keyword unless the snippet is a variant (`interview`). */
    readonly label: string;
    readonly description: string;
    readonly body: readonly string[];
}

const ACTOR_TYPES = 'municipality,county,state,research,private,voluntary,association,council,team,group,supplier,other';
const SOURCE_KINDS = 'interview,focus-group,document,observation,survey,workshop,literature,dataset';

function levelSnippet(level: string, description: string): ElementSnippet {
    return {
        keyword: level, label: level, description,
        body: level === 'outcome' || level === 'impact'
            ? [
                `${level} \${1:ID} "\${2:Title}" {`,
                '\thorizon ${3|medium,short,long|}',
                '\tindicator ${4:Indicator} "${5:Indicator}" { baseline ${6:0}  target ${7:10}  unit "${8:unit}" }',
                '}'
            ]
            : [`${level} \${1:ID} "\${2:Title}"`]
    };
}

export const ELEMENT_SNIPPETS: readonly ElementSnippet[] = [
    {
        keyword: 'programme', label: 'programme', description: 'Programme (exactly one per workspace)',
        body: [
            'programme ${1:ID} "${2:Title}" {',
            '\tclient ${3:Client}',
            '\tperiod ${4:2024-01} .. ${5:2026-12}',
            '\tgoal "${6:Goal}"',
            '\tdescription """',
            '\t\t${7:Description}',
            '\t"""',
            '}'
        ]
    },
    { keyword: 'actor', label: 'actor', description: 'Actor', body: [`actor \${1:ID} "\${2:Name}" { type \${3|${ACTOR_TYPES}|} }`] },
    { keyword: 'need', label: 'need', description: 'Need of the client', body: ['need ${1:ID} "${2:Need}" { weight ${3|high,medium,low|} }'] },
    { keyword: 'question', label: 'question', description: 'Research question', body: ['question ${1:ID} "${2:Research question?}" { need ${3:Need} }'] },
    {
        keyword: 'logic', label: 'logic', description: 'Programme logic (theory of change) with one node per level and a chain',
        body: [
            'logic ${1:ID} "${2:Title}" {',
            '\tinput ${3:Input} "${4:Resources}"',
            '\tactivity ${5:Activity} "${6:Activity}"',
            '\toutput ${7:Output} "${8:Output}"',
            '\toutcome ${9:Outcome} "${10:Outcome}" {',
            '\t\thorizon ${11|medium,short,long|}',
            '\t\tindicator ${12:Indicator} "${13:Indicator}" { baseline ${14:0}  target ${15:10}  unit "${16:unit}" }',
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
    { keyword: 'assumption', label: 'assumption', description: 'Assumption on an edge (or one node)', body: ['assumption ${1:ID} "${2:Assumption}" { on ${3:From} -> ${4:To} }'] },
    { keyword: 'indicator', label: 'indicator', description: 'Indicator', body: ['indicator ${1:ID} "${2:Indicator}" { baseline ${3:0}  target ${4:10}  unit "${5:unit}" }'] },
    {
        keyword: 'portfolio', label: 'portfolio', description: 'Portfolio of projects',
        body: ['portfolio ${1:ID} "${2:Title}" {', '\tchallenge "${3:Challenge}"', '\tvision "${4:Vision}"', '\towner ${5:Actor}', '\t$0', '}']
    },
    {
        keyword: 'project', label: 'project', description: 'Project',
        body: [
            'project ${1:ID} "${2:Title}" {',
            '\tstatus ${3|active,idea,planned,paused,completed,stopped|}',
            '\towner ${4:Actor}',
            '\tperiod ${5:2024-01} .. ${6:2025-12}',
            '\tcontributes ${7:Node}',
            '}'
        ]
    },
    {
        keyword: 'source', label: 'source', description: 'Source of evidence',
        body: [`source \${1:ID} \${2|${SOURCE_KINDS}|} "\${3:Title}" {`, '\tdate ${4:2024-01-31}', '\t$0', '}']
    },
    {
        keyword: 'source', label: 'interview', description: 'Interview source (confidential by default)',
        body: ['source ${1:ID} interview "${2:Title}" {', '\tdate ${3:2024-01-31}', '\trole "${4:Role}"', '\tactor ${5:Actor}', '}']
    },
    {
        keyword: 'finding', label: 'finding', description: 'Finding backed by evidence',
        body: [
            'finding ${1:ID} "${2:Claim}" {',
            '\tanswers ${3:Question}',
            '\tevidence ${4:Source} at "${5:Locator}"',
            '\tconfidence ${6|moderate,low,high,very-low|}',
            '\tsupports ${7:Node}',
            '\tdate ${8:2024-02-01}',
            '\ttext """',
            '\t\t${9:Text with references such as @${4}.}',
            '\t"""',
            '}'
        ]
    },
    { keyword: 'criterion', label: 'criterion', description: 'Custom assessment criterion', body: ['criterion ${1:ID} "${2:Criterion}"'] },
    {
        keyword: 'assessment', label: 'assessment', description: 'Assessment against a criterion',
        body: [
            'assessment ${1:ID} "${2:Title}" {',
            '\tcriterion ${3|relevance,coherence,effectiveness,efficiency,impact,sustainability|}',
            '\trating ${4|moderate,high,low,unclear|}',
            '\tbased-on ${5:Finding}',
            '\ttext """ ${6:Assessment} """',
            '}'
        ]
    },
    {
        keyword: 'recommendation', label: 'recommendation', description: 'Recommendation',
        body: [
            'recommendation ${1:ID} "${2:Recommendation}" {',
            '\tto ${3:Actor}',
            '\tpriority ${4|high,medium,low|}',
            '\thorizon ${5|short,medium,long|}',
            '\tbased-on ${6:Finding}',
            '}'
        ]
    },
    { keyword: 'lesson', label: 'lesson', description: 'Lesson for future initiatives', body: ['lesson ${1:ID} "${2:Lesson}" { based-on ${3:Finding} }'] },
    { keyword: 'initiative', label: 'initiative', description: 'Comparable initiative (national or international)', body: ['initiative ${1:ID} "${2:Title}" { country "${3:NO}"  url "${4:https://}" }'] },
    {
        keyword: 'report', label: 'report', description: 'Report to generate',
        body: [
            'report ${1:ID} "${2:Title}" {',
            '\tkind ${3|interim,assessment,final|}',
            '\tdate ${4:2024-06-01}',
            '\tcutoff ${5:2024-05-15}',
            '\tlanguage ${6|nb,nn,en|}',
            '\tauthors "${7:Authors}"',
            '\tsummary """ ${8:Summary} """',
            '\tmethod """ ${9:Method} """',
            '}'
        ]
    },
    { keyword: 'section', label: 'section', description: 'Extra report section', body: ['section "${1:Title}" """', '\t${2:Text}', '"""'] }
];

const BY_KEYWORD = new Map<string, ElementSnippet[]>();
for (const snippet of ELEMENT_SNIPPETS) BY_KEYWORD.set(snippet.keyword, [...(BY_KEYWORD.get(snippet.keyword) ?? []), snippet]);

/** The snippets that start with a keyword (the element's own first, then variants). */
export function snippetsFor(keyword: string): readonly ElementSnippet[] {
    return BY_KEYWORD.get(keyword) ?? [];
}
