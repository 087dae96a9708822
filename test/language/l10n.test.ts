import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectDiagnostics, compileTemplate, loadWorkspace, parseConfig, resolveLanguage, translateDiagnostic, translateMessage, type FileDiagnostic, type UiLanguage } from '@sporbar/language';
import { listFixtures } from '../rules/fixtures.js';
import { ENGLISH } from '../../packages/language/src/l10n/messages-en.js';
import { NB } from '../../packages/language/src/l10n/messages-nb.js';
import { NN } from '../../packages/language/src/l10n/messages-nn.js';
import { KEYWORD_DOCS_EN } from '../../packages/language/src/lsp/prog-keyword-docs.js';
import { KEYWORD_DOCS_NB } from '../../packages/language/src/l10n/keyword-docs-nb.js';
import { KEYWORD_DOCS_NN } from '../../packages/language/src/l10n/keyword-docs-nn.js';
import { SNIPPET_LABELS, SNIPPET_TEXTS } from '../../packages/language/src/l10n/snippet-texts.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * English template words that must not survive a translation. A message of a new check
 * (or a changed one) that no template in packages/language/src/l10n/messages-en.ts matches
 * stays English and fails here: add its template and its nb and nn texts.
 */
const STOP_WORDS = [' the ', ' and ', ' more ', ' more)', ' must ', ' add ', ' has no ', ' cannot ', ' which ', ' is not ', ' does not ', ' should ', ' remove ', ' without ', ' found ', 'Expected ', ' names no '];

function leftovers(message: string): string[] {
    // Code in backticks and quoted values are written as in the files (keywords stay English).
    const prose = ` ${message.replace(/`[^`]*`/g, '``').replace(/"[^"]*"/g, '""').replace(/'[^']*'/g, "''")} `;
    return STOP_WORDS.filter(word => prose.includes(word));
}

/** Every folder under test/fixtures that holds `.prog` files (and is not inside another such folder). */
function fixtureWorkspaces(dir: string): string[] {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (entries.some(e => e.isFile() && e.name.endsWith('.prog'))) return [dir];
    return entries.filter(e => e.isDirectory()).flatMap(e => fixtureWorkspaces(path.join(dir, e.name)));
}

const workspaces = [
    ...listFixtures().map(f => ({ name: `${f.group}/${f.name}`, dir: f.dir })),
    { name: 'examples/pri', dir: path.join(repo, 'examples/pri') },
    ...fixtureWorkspaces(path.join(repo, 'test/fixtures')).map(dir => ({ name: path.relative(repo, dir), dir }))
];

describe('every message of every fixture is translated (nb and nn)', () => {
    const all: FileDiagnostic[] = [];
    it.each(workspaces)('$name', async ({ dir }) => {
        const diagnostics = collectDiagnostics(await loadWorkspace(dir));
        all.push(...diagnostics);
        for (const language of ['nb', 'nn'] as UiLanguage[]) {
            for (const { diagnostic } of diagnostics) {
                const english = diagnostic.message;
                const translated = translateDiagnostic(diagnostic, language);
                const label = `${language} ${diagnostic.code}: ${english}`;
                expect(translated.message, label).not.toBe(english);
                expect(leftovers(translated.message), `${label}\n→ ${translated.message}`).toEqual([]);
                for (const [i, related] of (diagnostic.relatedInformation ?? []).entries()) {
                    const out = translated.relatedInformation![i].message;
                    expect(out, `${language} related: ${related.message}`).not.toBe(related.message);
                    expect(leftovers(out), `${language} related: ${related.message} → ${out}`).toEqual([]);
                }
            }
        }
    });
    it('nb and nn differ (nynorsk is its own written standard)', () => {
        const differ = all.filter(d => translateMessage(d.diagnostic.code, d.diagnostic.message, 'nb') !== translateMessage(d.diagnostic.code, d.diagnostic.message, 'nn'));
        expect(all.length).toBeGreaterThan(150);
        expect(differ.length / all.length).toBeGreaterThan(0.9);
    });
});

describe('translation of messages', () => {
    it('fills the Norwegian template with the parts, translating words of the model', () => {
        const english = 'The outcome Læringskapasitet has no indicator; add one inside it (`indicator Id "…" { baseline … target … }`) or at the top of the logic with `for Læringskapasitet`';
        expect(translateMessage('outcome/no-indicator', english, 'nb')).toBe('Effekten Læringskapasitet har ingen indikator; legg til en inne i elementet (`indicator Id "…" { baseline … target … }`) eller øverst i programteorien med `for Læringskapasitet`');
        expect(translateMessage('outcome/no-indicator', english, 'nn')).toBe('Effekten Læringskapasitet har ingen indikator; legg til ein inne i elementet (`indicator Id "…" { baseline … target … }`) eller øvst i programteorien med `for Læringskapasitet`');
    });
    it('translates nested parts (a reason) and lists', () => {
        const english = '"../x.txt" leaves the workspace (its `..` climbs above the workspace folder); it is not opened. Copy the file into the workspace folder and give its path relative to the workspace';
        expect(translateMessage('source/file-outside-workspace', english, 'nn')).toBe('"../x.txt" ligg utanfor arbeidsområdet (han går med `..` opp over mappa til arbeidsområdet); fila blir ikkje opna. Kopier fila inn i arbeidsområdet og oppgje stien relativt til arbeidsområdet');
        const criteria = 'The final report R lacks an assessment of relevance, coherence and impact (OECD DAC criteria); add `assessment … { criterion relevance … }` for each, or explain in the report why a criterion does not apply';
        expect(translateMessage('assessment/criterion-missing', criteria, 'nb')).toMatch(/^Sluttrapporten R mangler en vurdering av relevans, samstemthet og virkninger \(OECD DAC-kriteriene\)/);
    });
    it('leaves a message no template matches, and English, unchanged', () => {
        expect(translateMessage('finding/no-evidence', 'Something new a check says', 'nb')).toBe('Something new a check says');
        expect(translateMessage('finding/no-evidence', 'The finding F1 has no evidence; add `evidence SOURCE at "locator"` for each source it rests on — a finding without evidence is an opinion', 'en'))
            .toBe('The finding F1 has no evidence; add `evidence SOURCE at "locator"` for each source it rests on — a finding without evidence is an opinion');
        // A template matches only the messages of its own code.
        expect(translateMessage('question/unanswered', 'The finding F1 has no evidence; add `evidence SOURCE at "locator"` for each source it rests on — a finding without evidence is an opinion', 'nb')).toMatch(/^The finding/);
    });
    it('compiles a template into an anchored expression; a part named twice matches the same text', () => {
        const re = compileTemplate('{a} -> {a} loops ({n#} times){more?}');
        expect(re.exec('X -> X loops (2 times)')?.groups).toEqual({ a: 'X', n: '2', more: '' });
        expect(re.test('X -> Y loops (2 times)')).toBe(false);
        expect(re.test('before X -> X loops (2 times)')).toBe(false);
        expect(() => compileTemplate('{a}{b}')).toThrow(/side by side/);
    });
    it('every English template compiles, and has its nb and nn text', () => {
        for (const [id, english] of Object.entries(ENGLISH)) {
            expect(() => compileTemplate(english), id).not.toThrow();
            expect(typeof NB.messages[id as keyof typeof ENGLISH], id).toBe('function');
            expect(typeof NN.messages[id as keyof typeof ENGLISH], id).toBe('function');
        }
    });
});

describe('the language setting', () => {
    it('a named language wins; auto takes sporbar.json, then the reports (a report without language is nb), then nb', () => {
        expect(resolveLanguage('nn', 'en', ['en'])).toBe('nn');
        expect(resolveLanguage('auto', 'en', ['nn'])).toBe('en');
        expect(resolveLanguage('auto', undefined, ['nn', 'nn', undefined])).toBe('nn');
        expect(resolveLanguage(undefined, undefined, ['en', undefined, undefined])).toBe('nb');
        expect(resolveLanguage('auto', undefined, [])).toBe('nb');
    });
    it('sporbar.json takes "language" and refuses another value', () => {
        expect(parseConfig('{ "language": "nn" }').language).toBe('nn');
        const bad = parseConfig('{ "language": "de" }');
        expect(bad.language).toBeUndefined();
        expect(bad.problems.map(p => p.message)).toEqual(['sporbar.json: "language" must be one of "nb", "nn" or "en"']);
        expect(translateMessage('config/invalid', bad.problems[0].message, 'nn')).toBe('sporbar.json: "language" må vere "nb", "nn" eller "en"');
    });
});

it('docs/editors.md tells how to add the translation of a new message', () => {
    const docs = fs.readFileSync(path.join(repo, 'docs/editors.md'), 'utf8');
    expect(docs).toContain('messages-en.ts');
});

/** Every text of a nested table by its path (`properties.Finding.confidence`). */
function texts(table: unknown, prefix = ''): Map<string, string> {
    const result = new Map<string, string>();
    for (const [key, value] of Object.entries(table as Record<string, unknown>)) {
        const at = prefix ? `${prefix}.${key}` : key;
        if (typeof value === 'string') result.set(at, value);
        else for (const [k, v] of texts(value, at)) result.set(k, v);
    }
    return result;
}

/** The code spans of a text (`` `…` ``), sorted: a translation keeps the same set. */
function codeSpans(text: string): string[] {
    return [...text.matchAll(/`[^`]*`/g)].map(m => m[0]).sort();
}

/** What is wrong with a translated table against the English one: missing or extra keys, changed code spans. */
function drift(english: unknown, translated: unknown): string[] {
    const en = texts(english);
    const other = texts(translated);
    const problems: string[] = [];
    for (const key of en.keys()) if (!other.has(key)) problems.push(`missing ${key}`);
    for (const [key, text] of other) {
        const source = en.get(key);
        if (source === undefined) { problems.push(`not in English: ${key}`); continue; }
        if (text.trim() === '') problems.push(`empty ${key}`);
        if (codeSpans(text).join('\n') !== codeSpans(source).join('\n')) problems.push(`code spans of ${key}: ${codeSpans(text).join(' ')} ≠ ${codeSpans(source).join(' ')}`);
    }
    return problems;
}

describe('hovers on keywords and values: nb and nn have every English text, with its code spans', () => {
    it.each([['nb', KEYWORD_DOCS_NB], ['nn', KEYWORD_DOCS_NN]] as const)('%s', (_language, docs) => {
        expect(texts(KEYWORD_DOCS_EN).size).toBeGreaterThan(200);
        expect(drift(KEYWORD_DOCS_EN, docs)).toEqual([]);
    });

    it('the check fails on a dropped or changed code span, a missing key and an extra one', () => {
        const english = { a: 'Use `confidence low` here', b: { c: 'x `y`' } };
        expect(drift(english, { a: 'Bruk `confidence low` her', b: { c: 'x `y`' } })).toEqual([]);
        expect(drift(english, { a: 'Bruk confidence low her', b: { c: 'x `y`' } })).toHaveLength(1);
        expect(drift(english, { a: 'Bruk `confidence lav` her', b: { c: 'x `y`' } })).toHaveLength(1);
        expect(drift(english, { a: 'Bruk `confidence low` her', b: {} })).toEqual(['missing b.c']);
        expect(drift(english, { a: 'Bruk `confidence low` her', b: { c: 'x `y`', d: 'z' } })).toEqual(['not in English: b.d']);
    });

    it('the Norwegian texts are not the English ones left in place', () => {
        for (const docs of [KEYWORD_DOCS_NB, KEYWORD_DOCS_NN]) {
            const en = texts(KEYWORD_DOCS_EN);
            // Short words may be the same (`status`, `team`, `ISSN`…), and names ("OECD DAC 2019"); sentences may not.
            const names = new Set(['enumerations.DacCriterion.note']);
            const same = [...texts(docs)].filter(([key, text]) => text === en.get(key) && text.split(' ').length > 2 && !names.has(key)).map(([key]) => key);
            expect(same).toEqual([]);
        }
    });

    it('nynorsk is nynorsk: no bokmål forms that nynorsk writes otherwise', () => {
        const bokmål = /\b(ikke|hvor|hva|hvordan|hvem|fra|kilden?|kildene|et|eller noen|bare|deres|anbefaling\w*|forutsetning\w*|forbehold|skjæringsdato\w*|også|mellom prosjekter)\b/i;
        for (const [key, text] of texts(KEYWORD_DOCS_NN)) expect(text.replace(/`[^`]*`/g, ''), key).not.toMatch(bokmål);
        for (const [key, text] of texts(SNIPPET_TEXTS.nn)) expect(text, key).not.toMatch(bokmål);
    });
});

describe('snippets: descriptions and placeholders in nb, nn and en', () => {
    it('every snippet has a description in each language, and the Norwegian ones are not English', () => {
        for (const label of SNIPPET_LABELS) {
            for (const language of ['nb', 'nn', 'en'] as const) expect(SNIPPET_TEXTS[language].descriptions[label], `${language} ${label}`).toMatch(/\S/);
        }
        expect(drift(SNIPPET_TEXTS.en, SNIPPET_TEXTS.nb)).toEqual([]);
        expect(drift(SNIPPET_TEXTS.en, SNIPPET_TEXTS.nn)).toEqual([]);
    });

    it('a placeholder never breaks the snippet or its string: no `"`, `$`, `}` or `|`', () => {
        for (const language of ['nb', 'nn', 'en'] as const) {
            for (const [key, text] of texts(SNIPPET_TEXTS[language].placeholders)) expect(text, `${language} ${key}`).not.toMatch(/["$}|\\]/);
        }
    });
});
