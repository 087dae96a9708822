import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const root = fileURLToPath(new URL('..', import.meta.url));
const grammarPath = path.join(root, 'syntaxes', 'prog.tmLanguage.json');
const languageConfigurationPath = path.join(root, 'language-configuration.json');

/** The project's copy of the normative spec and its conformance workspace. */
const specDir = path.join(root, 'docs', 'spec');
const referenceWorkspace = path.join(root, 'test', 'fixtures', 'reference');

// ---------------------------------------------------------------------------------------------
// The vocabulary, as LANGUAGE.md states it (kept here so the test runs without the spec folder;
// when LANGUAGE.md is found, the copy is checked against it).

const RESERVED_WORDS = `MNOK NOK about accepted access active activity actor adequacy after answers assessment
association assumption at audience authors bar based-on baseline bibliography challenge
challenges chart cite client coherence completed concerns conclusion confidence
confidential confirmed conflicts-with consent contract contributes council count country
counts county criterion cutoff data-deletion dataset date depends-on description
discussion document draft effectiveness efficiency en ethics evidence file final finding
findings focus-group follow-up for from funding goal governance group high horizon idea
impact implemented independent indicator initiative input institution interim internal
interview introduction isbn issn kNOK keywords kind language lesson limitations line
literature logic long low measured medium members method minor moderate municipality name
named nb need nn none not-assessed note number observation on origin other outcome output
owner part-of partners paused period planned population portfolio preface priority private
programme project project-leader proposed public quality-assurance question quote rating
recommendation recommendations rejected relevance replaces report research respondents
response revised role sdgs section serious shares-resource short source state status
stopped summary summary-en supplier supports survey sustainability synergy table target
team text to type unclear unit url very-low vision voluntary weight withdrawn workshop`.split(/\s+/);

const ELEMENT_KINDS = `programme actor need question logic input activity output outcome impact assumption
indicator portfolio project source finding criterion assessment recommendation lesson initiative report section
table chart`.split(/\s+/);

/** Enumerations: name -> values, and a snippet that puts a value in a plausible position. */
const ENUMERATIONS: Record<string, { values: string[]; place: (v: string) => string }> = {
    'actor type': { values: 'municipality county state research private voluntary association council team group supplier other'.split(' '), place: (v) => `actor A "t" { type ${v} }` },
    'source kind': { values: 'interview focus-group document observation survey workshop literature dataset'.split(' '), place: (v) => `source S1 ${v} "t" { date 2021-03-12 }` },
    'origin': { values: 'programme project independent'.split(' '), place: (v) => `source D1 document "t" { origin ${v} }` },
    'access': { values: 'public internal confidential'.split(' '), place: (v) => `source I1 interview "t" { access ${v} }` },
    'project status': { values: 'idea planned active paused completed stopped'.split(' '), place: (v) => `project P "t" { status ${v} }` },
    'finding status': { values: 'draft confirmed revised withdrawn'.split(' '), place: (v) => `finding F "t" { status ${v} }` },
    'confidence': { values: 'high moderate low very-low'.split(' '), place: (v) => `finding F "t" { confidence ${v} }` },
    'concern level': { values: 'none minor moderate serious'.split(' '), place: (v) => `finding F "t" { concerns limitations ${v} }` },
    'concern component': { values: 'limitations coherence adequacy relevance'.split(' '), place: (v) => `finding F "t" { concerns ${v} minor }` },
    'DAC criterion': { values: 'relevance coherence effectiveness efficiency impact sustainability'.split(' '), place: (v) => `assessment V "t" { criterion ${v}  rating high }` },
    'rating': { values: 'high moderate low unclear'.split(' '), place: (v) => `assessment V "t" { rating ${v} }` },
    'priority': { values: 'high medium low'.split(' '), place: (v) => `recommendation R "t" { priority ${v} }` },
    'horizon': { values: 'short medium long'.split(' '), place: (v) => `outcome O "t" { horizon ${v} }` },
    'recommendation status': { values: 'proposed accepted rejected implemented'.split(' '), place: (v) => `recommendation R "t" { status ${v} }` },
    'report kind': { values: 'interim assessment final'.split(' '), place: (v) => `report Rp "t" { kind ${v} }` },
    'language': { values: 'nb nn en'.split(' '), place: (v) => `report Rp "t" { language ${v} }` },
    'money unit': { values: 'NOK kNOK MNOK'.split(' '), place: (v) => `project P "t" { funding KS 1.5 ${v} }` },
    'chart kind': { values: 'bar line'.split(' '), place: (v) => `chart C1 "t" { kind ${v} }` },
    'section slot': { values: 'summary introduction method programme findings assessment recommendations'.split(' '), place: (v) => `report Rp "t" { section "S" after ${v} """ x """ }` },
};
const OTHER_VALUES: Record<string, (v: string) => string> = {
    named: (v) => `source I1 interview "t" { consent ${v}  name "Kari" }`,
};
const ENUM_VALUES = new Set([...Object.values(ENUMERATIONS).flatMap((e) => e.values), ...Object.keys(OTHER_VALUES)]);
const MONEY_UNITS = new Set(ENUMERATIONS['money unit'].values);

// ---------------------------------------------------------------------------------------------
// Tokenizer harness

interface Tok { line: number; text: string; scopes: string[] }
let grammar: vsctm.IGrammar;

async function loadGrammar(): Promise<vsctm.IGrammar> {
    const wasm = fs.readFileSync(path.join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
            createOnigString: (s: string) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async (scopeName: string) => {
            if (scopeName !== 'source.prog') return null;
            return vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
        },
    });
    const g = await registry.loadGrammar('source.prog');
    if (!g) throw new Error('grammar source.prog did not load');
    return g;
}

function tokenize(src: string): Tok[] {
    const out: Tok[] = [];
    let stack = vsctm.INITIAL;
    src.split(/\r?\n/).forEach((lineText, line) => {
        const r = grammar.tokenizeLine(lineText, stack);
        for (const t of r.tokens) {
            out.push({ line, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
        }
        stack = r.ruleStack;
    });
    return out;
}

/** The n-th token (0-based) whose text is exactly `text`. Fails the test if there is none. */
function tok(tokens: Tok[], text: string, n = 0): Tok {
    const found = tokens.filter((t) => t.text === text);
    if (found.length <= n) {
        throw new Error(`no token #${n} with text ${JSON.stringify(text)}; tokens: ${JSON.stringify(tokens.map((t) => t.text))}`);
    }
    return found[n];
}

/** Innermost scope of a token. */
const inner = (t: Tok) => t.scopes[t.scopes.length - 1];
const has = (t: Tok, scope: string) => t.scopes.includes(scope);
const scopeOf = (src: string, text: string, n = 0) => tok(tokenize(src), text, n).scopes;

const KEYWORDISH = /^(storage\.type|keyword\.(other|declaration)|constant\.language)\b/;

beforeAll(async () => {
    grammar = await loadGrammar();
});

// ---------------------------------------------------------------------------------------------

describe('grammar file', () => {
    it('is valid JSON with scopeName source.prog', () => {
        const raw = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
        expect(raw.scopeName).toBe('source.prog');
        expect(raw.fileTypes).toContain('prog');
    });
});

describe('comments', () => {
    it('line comments', () => {
        const ts = tokenize('actor KS "x" // a comment with actor and "quotes"');
        expect(inner(tok(ts, ' a comment with actor and "quotes"'))).toBe('comment.line.double-slash.prog');
        expect(has(tok(ts, '//'), 'comment.line.double-slash.prog')).toBe(true);
        expect(inner(tok(ts, 'actor'))).toBe('storage.type.prog');
    });
    it('block comments span lines and stop at */', () => {
        const ts = tokenize('/* one\n finding F1 "x" \n*/ finding F2 "y"');
        expect(has(tok(ts, ' finding F1 "x" '), 'comment.block.prog')).toBe(true);
        expect(inner(tok(ts, 'F2'))).toBe('entity.name.type.prog');
        expect(inner(tok(ts, 'finding'))).toBe('storage.type.prog');
    });
    it('are not recognised inside strings', () => {
        const ts = tokenize('source D url "https://www.ks.no/"');
        expect(ts.some((t) => t.scopes.some((s) => s.startsWith('comment')))).toBe(false);
        expect(inner(tok(ts, 'https://www.ks.no/'))).toBe('string.quoted.double.prog');
    });
});

describe('element kinds and declared IDs', () => {
    it('kind keyword and declared ID', () => {
        const ts = tokenize('finding F1 "Programmet har skapt en felles retning" {');
        expect(inner(tok(ts, 'finding'))).toBe('storage.type.prog');
        expect(inner(tok(ts, 'F1'))).toBe('entity.name.type.prog');
        expect(inner(tok(ts, 'Programmet har skapt en felles retning'))).toBe('string.quoted.double.prog');
        expect(inner(tok(ts, '{'))).toBe('punctuation.section.block.begin.prog');
    });
    it('Unicode IDs are declared IDs', () => {
        const ts = tokenize('actor Rådet "Strategisk råd" { type council  members 10  part-of KS }');
        expect(inner(tok(ts, 'Rådet'))).toBe('entity.name.type.prog');
        // decomposed å (a + combining ring) is still one ID
        const ts2 = tokenize('actor Ra\u030Adet "x"');
        expect(inner(tok(ts2, 'Ra\u030Adet'))).toBe('entity.name.type.prog');
    });
    it('source: ID then source kind', () => {
        const ts = tokenize('source I01 focus-group "Intervju, medlem av strategisk råd" {');
        expect(inner(tok(ts, 'source'))).toBe('storage.type.prog');
        expect(inner(tok(ts, 'I01'))).toBe('entity.name.type.prog');
        expect(tok(ts, 'focus-group').scopes.some((s) => s.startsWith('constant.language'))).toBe(true);
    });
    it('logic nodes and nested indicators', () => {
        const ts = tokenize('    outcome Samarbeid "Nye" { indicator Ind "Antall" { baseline 0  target 6  unit "prosjekter" } }');
        expect(inner(tok(ts, 'outcome'))).toBe('storage.type.prog');
        expect(inner(tok(ts, 'Samarbeid'))).toBe('entity.name.type.prog');
        expect(inner(tok(ts, 'indicator'))).toBe('storage.type.prog');
        expect(inner(tok(ts, 'Ind'))).toBe('entity.name.type.prog');
        expect(inner(tok(ts, 'baseline'))).toBe('keyword.other.property.prog');
        expect(inner(tok(ts, '0'))).toBe('constant.numeric.prog');
    });
    it('the ID may come on the next line for pure element kinds', () => {
        const ts = tokenize('finding F9\n  "Title"');
        expect(inner(tok(ts, 'F9'))).toBe('entity.name.type.prog');
    });
    it('actor/need/criterion/portfolio as properties take references, not declarations', () => {
        const ts = tokenize('source I01 interview "x" { actor Rådet }');
        expect(inner(tok(ts, 'actor'))).toBe('keyword.other.property.prog');
        expect(inner(tok(ts, 'Rådet'))).toBe('variable.other.reference.prog');
        const q = tokenize('question a "Hvordan?" { need Læring }');
        expect(inner(tok(q, 'question'))).toBe('storage.type.prog');
        expect(inner(tok(q, 'a'))).toBe('entity.name.type.prog');
        expect(inner(tok(q, 'need'))).toBe('keyword.other.property.prog');
        expect(inner(tok(q, 'Læring'))).toBe('variable.other.reference.prog');
        const c = tokenize('criterion Forankring "Forankring i kommunesektoren"\nassessment V "F" { criterion Forankring  rating moderate }');
        expect(inner(tok(c, 'criterion', 0))).toBe('storage.type.prog');
        expect(inner(tok(c, 'Forankring', 0))).toBe('entity.name.type.prog');
        expect(inner(tok(c, 'criterion', 1))).toBe('keyword.other.property.prog');
        expect(inner(tok(c, 'Forankring', 1))).toBe('variable.other.reference.prog');
        const p = tokenize('project UU3 "x" { portfolio UU }');
        expect(inner(tok(p, 'portfolio'))).toBe('keyword.other.property.prog');
        expect(inner(tok(p, 'UU'))).toBe('variable.other.reference.prog');
    });
    it('kind words used as values are constants', () => {
        expect(scopeOf('assessment V "R" { criterion impact }', 'impact')).toContain('constant.language.prog');
        expect(scopeOf('source D01 document "T" { origin programme }', 'programme')).toContain('constant.language.prog');
        expect(scopeOf('source D01 document "T" { origin project }', 'project')).toContain('constant.language.prog');
        expect(scopeOf('report R "T" { kind assessment  date 2022 }', 'assessment', 0)).toContain('constant.language.prog');
        expect(scopeOf('report R "T" { kind assessment  date 2022 }', 'assessment', 0)).not.toContain('storage.type.prog');
    });
    it('section', () => {
        const ts = tokenize('    section "Diskusjon" """ Tekst med @F1. """');
        expect(inner(tok(ts, 'section'))).toBe('storage.type.prog');
        expect(inner(tok(ts, 'Diskusjon'))).toBe('string.quoted.double.prog');
        expect(inner(tok(ts, 'F1'))).toBe('variable.other.reference.prog');
    });
});

describe('keywords are whole words and case-sensitive', () => {
    it('Impact and impactful are not keywords', () => {
        const ts = tokenize('supports Impact, impactful, Finding');
        for (const w of ['Impact', 'impactful', 'Finding']) {
            const t = tok(ts, w);
            expect(inner(t)).toBe('variable.other.reference.prog');
            expect(t.scopes.some((s) => KEYWORDISH.test(s))).toBe(false);
        }
        expect(inner(tok(ts, 'supports'))).toBe('keyword.other.property.prog');
    });
    it('an ID that starts like a keyword is a declared ID', () => {
        const ts = tokenize('actor actorX "x"\nimpact impactful "y"');
        expect(inner(tok(ts, 'actorX'))).toBe('entity.name.type.prog');
        expect(inner(tok(ts, 'impactful'))).toBe('entity.name.type.prog');
        expect(inner(tok(ts, 'impact'))).toBe('storage.type.prog');
    });
    it('a keyword is never a declared ID', () => {
        const ts = tokenize('finding impact "x"');
        expect(inner(tok(ts, 'impact'))).not.toBe('entity.name.type.prog');
    });
    it('dashed keywords', () => {
        const ts = tokenize('assessment V "x" { based-on F1, F2 }');
        expect(inner(tok(ts, 'based-on'))).toBe('keyword.other.property.prog');
        expect(inner(tok(ts, 'F1'))).toBe('variable.other.reference.prog');
        expect(inner(tok(ts, ','))).toBe('punctuation.separator.comma.prog');
        for (const w of ['part-of', 'depends-on', 'shares-resource', 'conflicts-with']) {
            expect(inner(tok(tokenize(`project P "x" { ${w} UU1 }`), w))).toBe('keyword.other.property.prog');
        }
        expect(inner(tok(tokenize('finding F "x" { confidence very-low }'), 'very-low'))).toBe('constant.language.prog');
    });
    it('dashed keywords do not match inside longer words', () => {
        const ts = tokenize('about xbased-on, based-only');
        expect(ts.some((t) => t.text === 'based-on')).toBe(false);
        expect(tok(ts, 'xbased').scopes).not.toContain('keyword.other.property.prog');
        expect(tok(ts, 'based').scopes).not.toContain('keyword.other.property.prog');
        expect(ts.some((t) => t.text === 'on' && has(t, 'keyword.other.property.prog'))).toBe(false);
        const v = tokenize('about very-lowest');
        expect(v.some((t) => has(t, 'constant.language.prog'))).toBe(false);
    });
});

describe('references', () => {
    it('property values that are IDs', () => {
        const ts = tokenize('project UU1 "x" { owner KS  partners BFD, NTNU  contributes Samarbeid }');
        for (const w of ['KS', 'BFD', 'NTNU', 'Samarbeid']) expect(inner(tok(ts, w))).toBe('variable.other.reference.prog');
        expect(inner(tok(ts, 'owner'))).toBe('keyword.other.property.prog');
    });
    it('chains and the -> operator', () => {
        const ts = tokenize('    Midler -> Identifisere -> Porteføljer\n    assumption U "x" { on Identifisere->Porteføljer }');
        expect(inner(tok(ts, 'Midler'))).toBe('variable.other.reference.prog');
        expect(inner(tok(ts, 'Porteføljer'))).toBe('variable.other.reference.prog');
        expect(inner(tok(ts, '->', 0))).toBe('keyword.operator.arrow.prog');
        expect(inner(tok(ts, '->', 2))).toBe('keyword.operator.arrow.prog');
        expect(inner(tok(ts, 'on'))).toBe('keyword.other.property.prog');
        expect(inner(tok(ts, 'Identifisere', 1))).toBe('variable.other.reference.prog');
    });
    it('evidence with locator and quote', () => {
        const ts = tokenize('evidence I01 at "00:12:40" quote "Vi har \\"for\\" første", O02');
        expect(inner(tok(ts, 'evidence'))).toBe('keyword.other.property.prog');
        expect(inner(tok(ts, 'I01'))).toBe('variable.other.reference.prog');
        expect(inner(tok(ts, 'at'))).toBe('keyword.other.property.prog');
        expect(inner(tok(ts, 'quote'))).toBe('keyword.other.property.prog');
        expect(inner(tok(ts, '\\"', 0))).toBe('constant.character.escape.prog');
        expect(inner(tok(ts, 'O02'))).toBe('variable.other.reference.prog');
    });
});

describe('strings', () => {
    it('double-quoted with escapes', () => {
        const ts = tokenize('name "a \\"b\\" c \\\\" role "d"');
        expect(inner(tok(ts, '\\"', 1))).toBe('constant.character.escape.prog');
        expect(inner(tok(ts, '\\\\'))).toBe('constant.character.escape.prog');
        // the string ended after the escaped backslash: `role` is a keyword again
        expect(inner(tok(ts, 'role'))).toBe('keyword.other.property.prog');
        expect(inner(tok(ts, 'd'))).toBe('string.quoted.double.prog');
    });
    it('an empty string does not start a text', () => {
        const ts = tokenize('name "" role "x"');
        expect(inner(tok(ts, 'role'))).toBe('keyword.other.property.prog');
        expect(ts.some((t) => has(t, 'string.quoted.triple.prog'))).toBe(false);
    });
    it('keywords and @ are plain text inside strings', () => {
        const ts = tokenize('goal "impact @F1 based-on 2021-03-12"');
        expect(inner(tok(ts, 'impact @F1 based-on 2021-03-12'))).toBe('string.quoted.double.prog');
        expect(ts.some((t) => has(t, 'variable.other.reference.prog') || has(t, 'storage.type.prog') || has(t, 'constant.numeric.date.prog'))).toBe(false);
    });
    it('an unterminated string stops at the end of the line', () => {
        const ts = tokenize('role "unterminated\nactor KS "x"');
        expect(inner(tok(ts, 'actor'))).toBe('storage.type.prog');
        expect(inner(tok(ts, 'KS'))).toBe('entity.name.type.prog');
    });
});

describe('triple-quoted texts', () => {
    const src = [
        'finding F2 "x" {',
        '    text """',
        '        Flere informanter (@I01,@F1) beskriver en ny retning. Skriv til post@kommune.no',
        '        eller a.@b, x-@y, _@z, 9@q; \\@F3 er ikke en referanse. "sitat" og "" og // ikke kommentar',
        '        med @Mazzucato2018 og @Rådet.',
        '    """',
        '    status confirmed',
        '}',
    ].join('\n');
    let ts: Tok[];
    beforeAll(() => { ts = tokenize(src); });

    it('spans lines', () => {
        for (const line of [2, 3, 4]) {
            const onLine = ts.filter((t) => t.line === line);
            expect(onLine.length).toBeGreaterThan(0);
            expect(onLine.every((t) => has(t, 'string.quoted.triple.prog'))).toBe(true);
        }
        expect(inner(tok(ts, '"""', 0))).toBe('punctuation.definition.string.begin.prog');
        expect(inner(tok(ts, '"""', 1))).toBe('punctuation.definition.string.end.prog');
        expect(inner(tok(ts, 'status'))).toBe('keyword.other.property.prog');
        expect(inner(tok(ts, 'confirmed'))).toBe('constant.language.prog');
        expect(tok(ts, 'status').scopes).not.toContain('string.quoted.triple.prog');
    });
    it('@ID inside is a reference', () => {
        for (const id of ['I01', 'F1', 'Mazzucato2018', 'Rådet']) {
            const t = tok(ts, id);
            expect(inner(t)).toBe('variable.other.reference.prog');
            expect(has(t, 'string.quoted.triple.prog')).toBe(true);
        }
        const at = ts.filter((t) => t.text === '@' && has(t, 'variable.other.reference.prog'));
        expect(at.length).toBe(4);
    });
    it('an @ after a letter, digit, _, ., - or \\ is not a reference', () => {
        const refs = ts.filter((t) => has(t, 'variable.other.reference.prog')).map((t) => t.text).filter((x) => x !== '@');
        expect(refs).toEqual(['I01', 'F1', 'Mazzucato2018', 'Rådet']);
        const line2 = ts.filter((t) => t.line === 2).map((t) => t.text).join('');
        expect(line2).toContain('post@kommune.no');
        expect(inner(tok(ts, '\\@'))).toBe('constant.character.escape.prog');
    });
    it('post@kommune.no alone is plain text', () => {
        const t = tokenize('text """ Skriv til post@kommune.no """');
        expect(inner(tok(t, ' Skriv til post@kommune.no '))).toBe('string.quoted.triple.prog');
    });
    it('ends at the first """ not followed by "', () => {
        const t = tokenize('text """He said "hi""""  status draft');
        expect(inner(tok(t, 'He said "hi"'))).toBe('string.quoted.triple.prog');
        expect(inner(tok(t, 'status'))).toBe('keyword.other.property.prog');
        expect(inner(tok(t, 'draft'))).toBe('constant.language.prog');
    });
    it('one-line text', () => {
        const t = tokenize('assessment V "R" { text """ Treffer (@F1). """ rating high }');
        expect(inner(tok(t, 'F1'))).toBe('variable.other.reference.prog');
        expect(inner(tok(t, 'rating'))).toBe('keyword.other.property.prog');
        expect(inner(tok(t, 'high'))).toBe('constant.language.prog');
    });
});

describe('dates, numbers, operators', () => {
    it('dates and periods', () => {
        const ts = tokenize('period 2020-08 .. 2023-01\ndate 2021-03-12\ncutoff 2022\nperiod 2020 .. 2021');
        for (const d of ['2020-08', '2023-01', '2021-03-12', '2022', '2020', '2021']) {
            expect(inner(tok(ts, d))).toBe('constant.numeric.date.prog');
        }
        expect(inner(tok(ts, '..'))).toBe('keyword.operator.range.prog');
        expect(inner(tok(ts, '..', 1))).toBe('keyword.operator.range.prog');
        expect(inner(tok(ts, 'period'))).toBe('keyword.other.property.prog');
    });
    it('numbers and money', () => {
        const ts = tokenize('funding KS 1.5 MNOK, BFD 500 kNOK, X 3 NOK\nsdgs 3, 4, 17\nrespondents 82');
        expect(inner(tok(ts, '1.5'))).toBe('constant.numeric.prog');
        expect(inner(tok(ts, '500'))).toBe('constant.numeric.prog');
        expect(inner(tok(ts, '17'))).toBe('constant.numeric.prog');
        expect(inner(tok(ts, '82'))).toBe('constant.numeric.prog');
        for (const u of ['MNOK', 'kNOK', 'NOK']) expect(inner(tok(ts, u))).toBe('keyword.other.unit.prog');
        expect(inner(tok(ts, 'KS'))).toBe('variable.other.reference.prog');
        expect(inner(tok(ts, 'funding'))).toBe('keyword.other.property.prog');
    });
    it('digits inside IDs are not numbers', () => {
        const ts = tokenize('about UU1, Mazzucato2018');
        expect(inner(tok(ts, 'UU1'))).toBe('variable.other.reference.prog');
        expect(ts.some((t) => has(t, 'constant.numeric.prog'))).toBe(false);
    });
});

describe('reserved words', () => {
    it('the list here matches LANGUAGE.md', () => {
        const md = fs.readFileSync(path.join(specDir, 'LANGUAGE.md'), 'utf8');
        const section = md.split(/^## Reserved words\s*$/m)[1];
        expect(section, 'LANGUAGE.md has a "Reserved words" section').toBeDefined();
        const words = section.match(/`([^`]+)`/)![1].split(/\s+/).filter(Boolean);
        expect([...words].sort()).toEqual([...RESERVED_WORDS].sort());
        // and the enumeration values here match its Enumerations table
        const enumSection = md.split(/^## Enumerations\s*$/m)[1].split(/^## /m)[0];
        for (const row of enumSection.split('\n')) {
            const m = row.match(/^\|\s*([^|]+?)\s*\|\s*`([^`]+)`/);
            if (!m || m[1] === 'name') continue;
            expect(ENUMERATIONS[m[1]], `enumeration ${m[1]}`).toBeDefined();
            expect(ENUMERATIONS[m[1]].values).toEqual(m[2].split(/\s+/));
        }
    });

    it('every reserved word is covered by one of the categories', () => {
        for (const w of ELEMENT_KINDS) expect(RESERVED_WORDS).toContain(w);
        for (const w of ENUM_VALUES) expect(RESERVED_WORDS).toContain(w);
    });

    /** A plausible snippet for each reserved word, and the scope it must get there. */
    function cases(): { word: string; src: string; n: number; expected: string }[] {
        const out: { word: string; src: string; n: number; expected: string }[] = [];
        for (const word of RESERVED_WORDS) {
            if (ELEMENT_KINDS.includes(word)) {
                out.push(word === 'section'
                    ? { word, src: 'report R "t" { section "Diskusjon" """ … """ }', n: 0, expected: 'storage.type.prog' }
                    : word === 'source'
                        ? { word, src: 'source S1 survey "t"', n: 0, expected: 'storage.type.prog' }
                        : { word, src: `${word} Xyz "Title" { }`, n: 0, expected: 'storage.type.prog' });
            }
            for (const e of Object.values(ENUMERATIONS)) {
                if (e.values.includes(word)) {
                    const src = e.place(word);
                    // the value is the last occurrence of the word in the snippet
                    const n = src.split(/[\s{}",]+/).filter((x) => x === word).length - 1;
                    out.push({ word, src, n, expected: MONEY_UNITS.has(word) ? 'keyword.other.unit.prog' : 'constant.language.prog' });
                }
            }
            if (OTHER_VALUES[word]) out.push({ word, src: OTHER_VALUES[word](word), n: 0, expected: 'constant.language.prog' });
            const isValue = ENUM_VALUES.has(word);
            const isKind = ELEMENT_KINDS.includes(word);
            // property keywords (and kind words that are also properties: actor, need, criterion, portfolio)
            if ((!isValue && !isKind) || ['actor', 'need', 'criterion', 'portfolio'].includes(word)) {
                out.push({ word, src: `finding F "t" {\n    ${word} Xyz\n}`, n: 0, expected: 'keyword.other.property.prog' });
            }
        }
        return out;
    }

    it('each is highlighted with its keyword/constant scope in a plausible position', () => {
        const all = cases();
        const covered = new Set(all.map((c) => c.word));
        expect(RESERVED_WORDS.filter((w) => !covered.has(w))).toEqual([]);
        const failures: string[] = [];
        for (const c of all) {
            const t = tok(tokenize(c.src), c.word, c.n);
            if (inner(t) !== c.expected || !KEYWORDISH.test(inner(t))) {
                failures.push(`${c.word} in ${JSON.stringify(c.src)}: got ${t.scopes.join(' ')}, expected ${c.expected}`);
            }
        }
        expect(failures).toEqual([]);
        expect(all.length).toBeGreaterThanOrEqual(RESERVED_WORDS.length);
    });

    it('capitalised reserved words are references', () => {
        const failures: string[] = [];
        for (const word of RESERVED_WORDS) {
            const cap = word[0] === word[0].toUpperCase() ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1);
            if (RESERVED_WORDS.includes(cap) || cap.includes('-')) continue;
            const t = tok(tokenize(`about ${cap}`), cap);
            if (inner(t) !== 'variable.other.reference.prog') failures.push(`${cap}: ${t.scopes.join(' ')}`);
        }
        expect(failures).toEqual([]);
    });
});

describe('reference workspace', () => {
    const files = referenceWorkspace
        ? fs.readdirSync(referenceWorkspace).filter((f) => f.endsWith('.prog')).sort()
        : [];
    const ID = /\p{L}[\p{L}\p{M}\p{Nd}_]*/u;
    const DECL = new RegExp(
        String.raw`^\s*(${ELEMENT_KINDS.filter((k) => k !== 'section').join('|')})\s+(${ID.source})\s+(?:[a-z-]+\s+)?"`, 'u');

    it('has files', () => {
        expect(files.length).toBeGreaterThan(5);
    });

    it.each(files)('%s: every non-blank token has a scope, every declaration is highlighted', (file) => {
        const src = fs.readFileSync(path.join(referenceWorkspace!, file), 'utf8');
        const ts = tokenize(src);
        const bare = ts.filter((t) => t.text.trim() !== '' && t.scopes.length === 1);
        expect(bare.map((t) => `${t.line + 1}: ${t.text}`)).toEqual([]);
        const lines = src.split(/\r?\n/);
        let checked = 0;
        lines.forEach((line, i) => {
            const m = line.match(DECL);
            if (!m) return;
            const onLine = ts.filter((t) => t.line === i);
            const kind = onLine.find((t) => t.text === m[1])!;
            const id = onLine.find((t) => t.text === m[2])!;
            expect(inner(kind), `${file}:${i + 1} ${m[1]}`).toBe('storage.type.prog');
            expect(inner(id), `${file}:${i + 1} ${m[2]}`).toBe('entity.name.type.prog');
            checked++;
        });
        expect(checked).toBeGreaterThan(0);
        // every @ID in a text is a reference
        const textRefs = [...src.matchAll(/(?<![\p{L}\p{M}\p{Nd}_.\-\\])@(\p{L}[\p{L}\p{M}\p{Nd}_]*)/gu)].map((m) => m[1]);
        const refTokens = ts.filter((t) => has(t, 'string.quoted.triple.prog') && inner(t) === 'variable.other.reference.prog').map((t) => t.text);
        expect(refTokens).toEqual(textRefs);
    });

    it('specific tokens in the reference files', () => {
        const read = (f: string) => tokenize(fs.readFileSync(path.join(referenceWorkspace!, f), 'utf8'));
        const src = read('sources.prog');
        expect(inner(tok(src, 'interview'))).toBe('constant.language.prog');
        expect(inner(tok(src, 'Rådet'))).toBe('variable.other.reference.prog');
        expect(inner(tok(src, 'actor'))).toBe('keyword.other.property.prog');
        expect(inner(tok(src, '2021-03-12'))).toBe('constant.numeric.date.prog');
        expect(inner(tok(src, 'named'))).toBe('constant.language.prog');
        const fin = read('findings.prog');
        expect(inner(tok(fin, 'F1'))).toBe('entity.name.type.prog');
        expect(inner(tok(fin, 'Mazzucato2018'))).toBe('variable.other.reference.prog');
        expect(has(tok(fin, 'Mazzucato2018'), 'string.quoted.triple.prog')).toBe(true);
        const logic = read('logic.prog');
        expect(inner(tok(logic, '->'))).toBe('keyword.operator.arrow.prog');
        expect(inner(tok(logic, 'Midler', 1))).toBe('variable.other.reference.prog');
    });
});

describe('language configuration', () => {
    const conf = JSON.parse(fs.readFileSync(languageConfigurationPath, 'utf8'));
    it('comments, brackets and pairs', () => {
        expect(conf.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(conf.brackets).toEqual([['{', '}']]);
        const opens = conf.autoClosingPairs.map((p: { open: string }) => p.open);
        expect(opens).toEqual(expect.arrayContaining(['{', '"', '"""']));
        const quote = conf.autoClosingPairs.find((p: { open: string }) => p.open === '"');
        expect(quote.notIn).toContain('string');
    });
    it('wordPattern matches Unicode IDs and dashed keywords whole', () => {
        const re = new RegExp(conf.wordPattern.pattern, (conf.wordPattern.flags ?? '') + 'g');
        const words = (s: string) => s.match(re) ?? [];
        expect(words('actor Rådet "x" { part-of KS }')).toEqual(['actor', 'Rådet', 'x', 'part-of', 'KS']);
        expect(words('Midler->Identifisere, UU_1')).toEqual(['Midler', 'Identifisere', 'UU_1']);
        expect(words('period 2020-08 .. 2023-01')).toEqual(['period', '2020-08', '2023-01']);
    });
    it('indentation rules', () => {
        const inc = new RegExp(conf.indentationRules.increaseIndentPattern);
        const dec = new RegExp(conf.indentationRules.decreaseIndentPattern);
        expect(inc.test('finding F1 "x" {')).toBe(true);
        expect(inc.test('actor KS "x" { type association }')).toBe(false);
        expect(dec.test('    }')).toBe(true);
    });
});
