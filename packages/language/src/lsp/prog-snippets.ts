import { SNIPPET_TEXTS, type SnippetLabel, type SnippetPlaceholders } from '../l10n/snippet-texts.js';
import type { UiLanguage } from '../l10n/prog-l10n.js';

/**
 * Element snippets, offered by completion where the grammar lets the element start (a
 * `finding` snippet never after `answers `). They replace the keyword of the same name,
 * so Tab after `finding` expands the snippet. Bodies use VS Code snippet syntax (`\t` is
 * one indentation level; the editor adjusts it). The first choice of a `${n|…|}` is the
 * default: `confidence moderate`, GRADE-CERQual's middle ground, never `high`.
 *
 * Placeholders and descriptions are in the editor's language (`sporbar.language`: nb, nn
 * or en; the words are in l10n/snippet-texts.ts); keywords and enumeration values stay
 * English, as the language has them. A few property snippets (`ethics`, `measured`,
 * `follow-up`, the front matter of a report) take the place of their property keyword
 * where it may stand (`property: true`).
 */
export interface ElementSnippet {
    /** The keyword the snippet stands for (and replaces in completion). */
    readonly keyword: string;
    /** Shown and matched in completion; the keyword unless the snippet is a variant (`interview`). */
    readonly label: SnippetLabel;
    readonly description: string;
    readonly body: readonly string[];
    /** Stands for a property keyword (inside an element), not for an element. */
    readonly property?: true;
}

/** A snippet before its words are chosen: the body from the placeholders of a language. */
interface SnippetTemplate {
    readonly keyword: string;
    readonly label: SnippetLabel;
    readonly body: (p: SnippetPlaceholders) => readonly string[];
    readonly property?: true;
}

const ACTOR_TYPES = 'municipality,county,state,research,private,voluntary,association,council,team,group,supplier,other';
const SOURCE_KINDS = 'interview,focus-group,document,observation,survey,workshop,literature,dataset';

function levelSnippet(level: 'input' | 'activity' | 'output' | 'outcome' | 'impact'): SnippetTemplate {
    return {
        keyword: level, label: level,
        body: p => level === 'outcome' || level === 'impact'
            ? [
                `${level} \${1:ID} "\${2:${p.title}}" {`,
                '\thorizon ${3|medium,short,long|}',
                `\tindicator \${4:${p.indicatorId}} "\${5:${p.indicator}}" { baseline \${6:0}  target \${7:10}  unit "\${8:${p.unit}}" }`,
                '}'
            ]
            : [`${level} \${1:ID} "\${2:${p.title}}"`]
    };
}

const TEMPLATES: readonly SnippetTemplate[] = [
    {
        keyword: 'programme', label: 'programme',
        body: p => [
            `programme \${1:ID} "\${2:${p.title}}" {`,
            `\tclient \${3:${p.clientId}}`,
            '\tperiod ${4:2024-01} .. ${5:2026-12}',
            `\tgoal "\${6:${p.goal}}"`,
            '\tdescription """',
            `\t\t\${7:${p.description}}`,
            '\t"""',
            '}'
        ]
    },
    { keyword: 'actor', label: 'actor', body: p => [`actor \${1:ID} "\${2:${p.name}}" { type \${3|${ACTOR_TYPES}|} }`] },
    { keyword: 'need', label: 'need', body: p => [`need \${1:ID} "\${2:${p.need}}" { weight \${3|high,medium,low|} }`] },
    { keyword: 'question', label: 'question', body: p => [`question \${1:ID} "\${2:${p.questionText}}" { need \${3:${p.needId}} }`] },
    {
        keyword: 'logic', label: 'logic',
        body: p => [
            `logic \${1:ID} "\${2:${p.title}}" {`,
            `\tinput \${3:${p.inputId}} "\${4:${p.resources}}"`,
            `\tactivity \${5:${p.activityId}} "\${6:${p.activity}}"`,
            `\toutput \${7:${p.outputId}} "\${8:${p.output}}"`,
            `\toutcome \${9:${p.outcomeId}} "\${10:${p.outcome}}" {`,
            '\t\thorizon ${11|medium,short,long|}',
            `\t\tindicator \${12:${p.indicatorId}} "\${13:${p.indicator}}" { baseline \${14:0}  target \${15:10}  unit "\${16:${p.unit}}" }`,
            '\t}',
            '',
            '\t${3} -> ${5} -> ${7} -> ${9}',
            '}'
        ]
    },
    levelSnippet('input'),
    levelSnippet('activity'),
    levelSnippet('output'),
    levelSnippet('outcome'),
    levelSnippet('impact'),
    { keyword: 'assumption', label: 'assumption', body: p => [`assumption \${1:ID} "\${2:${p.assumption}}" { on \${3:${p.fromId}} -> \${4:${p.toId}} }`] },
    { keyword: 'indicator', label: 'indicator', body: p => [`indicator \${1:ID} "\${2:${p.indicator}}" { baseline \${3:0}  target \${4:10}  unit "\${5:${p.unit}}" }`] },
    {
        keyword: 'portfolio', label: 'portfolio',
        body: p => [`portfolio \${1:ID} "\${2:${p.title}}" {`, `\tchallenge "\${3:${p.challenge}}"`, `\tvision "\${4:${p.vision}}"`, `\towner \${5:${p.actorId}}`, '\t$0', '}']
    },
    {
        keyword: 'project', label: 'project',
        body: p => [
            `project \${1:ID} "\${2:${p.title}}" {`,
            '\tstatus ${3|active,idea,planned,paused,completed,stopped|}',
            `\towner \${4:${p.actorId}}`,
            '\tperiod ${5:2024-01} .. ${6:2025-12}',
            `\tcontributes \${7:${p.nodeId}}`,
            '}'
        ]
    },
    {
        keyword: 'source', label: 'source',
        body: p => [`source \${1:ID} \${2|${SOURCE_KINDS}|} "\${3:${p.title}}" {`, '\tdate ${4:2024-01-31}', '\t$0', '}']
    },
    {
        keyword: 'source', label: 'interview',
        body: p => [`source \${1:ID} interview "\${2:${p.title}}" {`, '\tdate ${3:2024-01-31}', `\trole "\${4:${p.role}}"`, `\tactor \${5:${p.actorId}}`, '}']
    },
    {
        keyword: 'finding', label: 'finding',
        body: p => [
            `finding \${1:ID} "\${2:${p.claim}}" {`,
            `\tanswers \${3:${p.questionId}}`,
            `\tevidence \${4:${p.sourceId}} at "\${5:${p.locator}}"`,
            '\tconfidence ${6|moderate,low,high,very-low|}',
            `\tsupports \${7:${p.nodeId}}`,
            '\tdate ${8:2024-02-01}',
            '\ttext """',
            `\t\t\${9:${p.textWithReferences} @\${4}.}`,
            '\t"""',
            '}'
        ]
    },
    { keyword: 'criterion', label: 'criterion', body: p => [`criterion \${1:ID} "\${2:${p.criterion}}"`] },
    {
        keyword: 'assessment', label: 'assessment',
        body: p => [
            `assessment \${1:ID} "\${2:${p.title}}" {`,
            '\tcriterion ${3|relevance,coherence,effectiveness,efficiency,impact,sustainability|}',
            '\trating ${4|moderate,high,low,unclear|}',
            `\tbased-on \${5:${p.findingId}}`,
            `\ttext """ \${6:${p.assessment}} """`,
            '}'
        ]
    },
    {
        keyword: 'recommendation', label: 'recommendation',
        body: p => [
            `recommendation \${1:ID} "\${2:${p.recommendation}}" {`,
            `\tto \${3:${p.actorId}}`,
            '\tpriority ${4|high,medium,low|}',
            '\thorizon ${5|short,medium,long|}',
            `\tbased-on \${6:${p.findingId}}`,
            '}'
        ]
    },
    { keyword: 'lesson', label: 'lesson', body: p => [`lesson \${1:ID} "\${2:${p.lesson}}" { based-on \${3:${p.findingId}} }`] },
    { keyword: 'initiative', label: 'initiative', body: p => [`initiative \${1:ID} "\${2:${p.title}}" { country "\${3:NO}"  url "\${4:https://}" }`] },
    {
        keyword: 'report', label: 'report',
        body: p => [
            `report \${1:ID} "\${2:${p.title}}" {`,
            '\tkind ${3|interim,assessment,final|}',
            '\tdate ${4:2024-06-01}',
            '\tcutoff ${5:2024-05-15}',
            '\tlanguage ${6|nb,nn,en|}',
            `\tauthors "\${7:${p.authors}}"`,
            `\tsummary """ \${8:${p.summary}} """`,
            `\tmethod """ \${9:${p.method}} """`,
            '}'
        ]
    },
    {
        keyword: 'assessment', label: 'not-assessed',
        body: p => [
            `assessment \${1:ID} "\${2:${p.title}}" {`,
            '\tcriterion ${3|relevance,coherence,effectiveness,efficiency,impact,sustainability|}',
            `\tnot-assessed "\${4:${p.reason}}"`,
            '}'
        ]
    },
    { keyword: 'section', label: 'section', body: p => [`section "\${1:${p.title}}" """`, `\t\${2:${p.text}}`, '"""'] },
    {
        keyword: 'ethics', label: 'ethics', property: true,
        body: p => ['ethics """', `\t\${1:${p.ethics}}`, '"""', 'data-deletion ${2:2026-06-30}']
    },
    {
        keyword: 'measured', label: 'measured', property: true,
        body: p => [`measured \${1:2024-12} \${2:0} from \${3:${p.sourceId}} at "\${4:${p.locator}}"`]
    },
    {
        keyword: 'follow-up', label: 'follow-up', property: true,
        body: p => [`follow-up \${1:2024-06-01} \${2|accepted,rejected,implemented,proposed|} "\${3:${p.response}}"`]
    },
    {
        keyword: 'institution', label: 'front matter', property: true,
        body: p => [
            `institution "\${1:${p.institution}}"`,
            `project-leader "\${2:${p.projectLeader}}"`,
            `quality-assurance "\${3:${p.qualityAssurance}}"`,
            `keywords "\${4:${p.keyword}}", "\${5:${p.keyword}}"`,
            `preface """ \${6:${p.preface}} """`,
            `summary-en """ \${7:${p.summaryEn}} """`
        ]
    }
];

function resolve(language: UiLanguage): readonly ElementSnippet[] {
    const texts = SNIPPET_TEXTS[language];
    return TEMPLATES.map(t => ({
        keyword: t.keyword, label: t.label, description: texts.descriptions[t.label], body: t.body(texts.placeholders),
        ...(t.property ? { property: true as const } : {})
    }));
}

const BY_LANGUAGE = new Map<UiLanguage, { all: readonly ElementSnippet[]; byKeyword: Map<string, ElementSnippet[]> }>();

function snippets(language: UiLanguage) {
    let entry = BY_LANGUAGE.get(language);
    if (!entry) {
        const all = resolve(language);
        const byKeyword = new Map<string, ElementSnippet[]>();
        for (const snippet of all) byKeyword.set(snippet.keyword, [...(byKeyword.get(snippet.keyword) ?? []), snippet]);
        BY_LANGUAGE.set(language, entry = { all, byKeyword });
    }
    return entry;
}

/** Every snippet, with its placeholders and description in `language`. */
export function elementSnippets(language: UiLanguage): readonly ElementSnippet[] {
    return snippets(language).all;
}

/** The snippets that start with a keyword (the element's own first, then variants), in `language`. */
export function snippetsFor(keyword: string, language: UiLanguage): readonly ElementSnippet[] {
    return snippets(language).byKeyword.get(keyword) ?? [];
}
