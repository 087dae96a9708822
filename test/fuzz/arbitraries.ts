/**
 * Grammar-aware generators for the fuzz tests: random `.prog` workspaces built from every
 * element kind of LANGUAGE.md (random properties, references to existing and missing IDs,
 * texts with `@ID`, dates including impossible ones, several files, sometimes a
 * `sporbar.json` and a bibliography), and random mutations of the example workspaces
 * (token and line edits, truncation, unbalanced braces and `"""`, hostile Unicode, bytes
 * that are not UTF-8).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

/** One fuzz case: files (relative path → bytes) and whether reports are forced. */
export interface FuzzCase {
    readonly kind: 'generated' | 'mutated';
    readonly files: ReadonlyArray<{ readonly path: string; readonly bytes: Uint8Array }>;
    readonly force: boolean;
}

const enc = new TextEncoder();

// ---------------------------------------------------------------- lexical pieces

/** IDs drawn from a small pool, so that declarations collide and references often resolve. */
const POOL = ['A', 'B1', 'C2', 'F1', 'F2', 'I01', 'I02', 'Q', 'R1', 'N', 'P1', 'P2', 'Rådet', 'Ærfugl', 'Ω_1', 'X9'];
const MISSING = ['Missing', 'Nope', 'ZZ'];
/** Words that are reserved or look like them: a keyword used as an ID must be a parse error, not a crash. */
const KEYWORDS = ['finding', 'source', 'impact', 'Impact', 'text', 'report', 'on', 'for', 'to'];

const id = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...POOL) }, { weight: 1, arbitrary: fc.constantFrom(...KEYWORDS) });
const ref = fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...POOL) }, { weight: 2, arbitrary: fc.constantFrom(...MISSING) }, { weight: 1, arbitrary: fc.constantFrom(...KEYWORDS) });
const refList = fc.array(ref, { minLength: 1, maxLength: 4 }).map(l => l.join(', '));

/** Characters that are hard on lexers, renderers and XML. */
export const HOSTILE_CHARS = [
    '<', '>', '&', '"', "'", ']]>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '\u0000', '\u0001', '\u0007', '\u0008',
    '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u0085', '\u2028', '\u2029', '\uFEFF', '\uFFFE', '\uFFFF', '\u200E', '\u200F',
    '\u202E', '\u2066', '\u2069', '😀', '👩‍👩‍👧', '🇳🇴', '\uD800', '\uDFFF', 'é', 'e\u0301', 'Å', 'ß', 'ﬁ', '\t', '$', '{', '}', '\\',
    '*', '_', '`', '#', '|', '[', ']', '(', ')', '!', '%', '\r'
];

const plainChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ÆØÅæøå0123456789.,-:;?'.split(''));
const anyChar = fc.oneof({ weight: 6, arbitrary: plainChar }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_CHARS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) });

/** The content of a one-line string, escaped as the grammar wants. */
const stringContent = fc.array(anyChar, { maxLength: 24 }).map(cs => cs.join('').replace(/[\r\n\u2028\u2029]/g, ' '));
const str = stringContent.map(s => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);

/** Text-block content: Markdown, `@ID` references (existing and missing), `\@`, e-mail-like `@`, hostile HTML and links. */
const textPiece = fc.oneof(
    { weight: 5, arbitrary: fc.array(anyChar, { maxLength: 20 }).map(cs => cs.join('')) },
    { weight: 3, arbitrary: ref.map(r => ` @${r} `) },
    { weight: 1, arbitrary: fc.constantFrom('(@F1,@F2)', 'post@kommune.no', '\\@F1', '@', '@@', '@1', '\n\n- punkt\n- punkt\n', '\n    indented\n', '**bold** _em_ `code`',
        '[lenke](javascript:alert(1))', '[x](https://example.org "t")', '<a href="javascript:alert(1)">x</a>', '<iframe src=x>', '![img](data:text/html,<script>alert(1)</script>)',
        '| a | b |\n|---|---|\n| 1 | 2 |', '# Overskrift', '> sitat', '""', '"', '\r\n', '\r', '&amp; &lt; &#0;', '\u0000', '\uFFFF') }
);
const text = fc.array(textPiece, { maxLength: 8 }).map(ps => `"""${ps.join('').replace(/"""/g, '"" "')}"""`);

const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map(v => String(v).padStart(n, '0'));
const date = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`) },
    { weight: 1, arbitrary: fc.integer({ min: 1990, max: 2030 }).map(String) },
    { weight: 2, arbitrary: fc.constantFrom('2021-02-30', '2021-13-01', '2021-00-10', '2020-02-29', '2021-02-29', '0000-00-00', '9999-12-31', '2021-1-1', '2021-04-31', '99999-01-01') },
    { weight: 1, arbitrary: fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`) }
);
const period = fc.tuple(date, date).map(([a, b]) => `${a} .. ${b}`);
const num = fc.oneof(fc.nat({ max: 100 }).map(String), fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 99 })).map(([a, b]) => `${a}.${b}`), fc.constantFrom('0', '99999999999999999999', '1.5'));
const sdgs = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 4 }).map(l => l.join(', '));

const enumOf = (...values: string[]) => fc.constantFrom(...values);
const ACTOR_TYPE = enumOf('municipality', 'county', 'state', 'research', 'private', 'voluntary', 'association', 'council', 'team', 'group', 'supplier', 'other');
const SOURCE_KIND = enumOf('interview', 'focus-group', 'document', 'observation', 'survey', 'workshop', 'literature', 'dataset');
const PRIORITY = enumOf('high', 'medium', 'low');
const HORIZON = enumOf('short', 'medium', 'long');
const LEVEL = enumOf('input', 'activity', 'output', 'outcome', 'impact');

// ---------------------------------------------------------------- elements

/** A property written as `keyword value`; the element chooses several, in any order, some twice. */
type Prop = fc.Arbitrary<string>;
const p = (keyword: string, value: fc.Arbitrary<string>): Prop => value.map(v => `${keyword} ${v}`);

const SEPARATORS = [' ', '\n    ', '  ', '\n', ' /* c */ ', ' // c\n', '\t', '\r\n'];
/** Whitespace between properties: spaces, line breaks, comments — layout never matters. */
const separator = fc.constantFrom(...SEPARATORS);

function block(props: Prop[], maxLength = 6): fc.Arbitrary<string> {
    const body = fc.array(fc.tuple(fc.oneof(...props), separator), { maxLength }).map(ps => `{ ${ps.map(([prop, s]) => prop + s).join('')} }`);
    return fc.option(body, { freq: 4, nil: '' });
}

const element = (head: fc.Arbitrary<string>, props: Prop[]) => fc.tuple(head, block(props)).map(([h, b]) => `${h} ${b}`);

/** Time and measurement (V2 §§1, 2): `measured DATE NUMBER [from SOURCE [at "…"]]`, `follow-up DATE STATUS ["…"]`. */
const measured = fc.tuple(date, num, fc.option(fc.tuple(ref, fc.option(str, { nil: '' })), { nil: undefined }))
    .map(([d, n, from]) => `measured ${d} ${n}${from ? ` from ${from[0]}${from[1] ? ` at ${from[1]}` : ''}` : ''}`);
const followUp = fc.tuple(date, enumOf('proposed', 'accepted', 'rejected', 'implemented'), fc.option(str, { nil: '' }))
    .map(([d, st, r]) => `follow-up ${d} ${st} ${r}`);
const indicator = element(fc.tuple(id, str).map(([i, t]) => `indicator ${i} ${t}`), [p('for', ref), p('baseline', num), p('target', num), p('unit', str), measured]);
const logicNode = element(fc.tuple(LEVEL, id, str).map(([l, i, t]) => `${l} ${i} ${t}`), [p('horizon', HORIZON), p('sdgs', sdgs), indicator]);
const chain = fc.array(ref, { minLength: 2, maxLength: 5 }).map(ns => ns.join(' -> '));
const assumption = element(fc.tuple(id, str).map(([i, t]) => `assumption ${i} ${t}`), [p('on', fc.oneof(ref, fc.tuple(ref, ref).map(([a, b]) => `${a} -> ${b}`)))]);
const logic = fc.tuple(id, str, fc.array(fc.oneof(logicNode, logicNode, chain, assumption, indicator), { maxLength: 8 }))
    .map(([i, t, body]) => `logic ${i} ${t} {\n    ${body.join('\n    ')}\n}`);

const relation = fc.tuple(enumOf('synergy', 'depends-on', 'shares-resource', 'conflicts-with'), ref, fc.option(str, { nil: '' })).map(([k, r, n]) => `${k} ${r} ${n}`);
const funding = fc.array(fc.tuple(ref, num, enumOf('NOK', 'kNOK', 'MNOK')).map(f => f.join(' ')), { minLength: 1, maxLength: 3 }).map(l => l.join(', '));
const projectProps: Prop[] = [p('status', enumOf('idea', 'planned', 'active', 'paused', 'completed', 'stopped')), p('owner', ref), p('partners', refList),
    p('funding', funding), p('governance', str), p('period', period), p('contributes', refList), relation];
const project = element(fc.tuple(id, str).map(([i, t]) => `project ${i} ${t}`), projectProps);
const topProject = element(fc.tuple(id, str).map(([i, t]) => `project ${i} ${t}`), [...projectProps, p('portfolio', ref)]);
const portfolio = element(fc.tuple(id, str).map(([i, t]) => `portfolio ${i} ${t}`), [p('challenge', str), p('vision', str), p('owner', ref), project, project]);

const evidenceItem = fc.tuple(ref, fc.option(str, { nil: undefined }), fc.option(str, { nil: undefined }), fc.boolean())
    .map(([s, at, quote, swap]) => {
        const parts = [at && `at ${at}`, quote && `quote ${quote}`].filter(Boolean);
        return [s, ...(swap ? parts.reverse() : parts)].join(' ');
    });
const evidence = fc.array(evidenceItem, { minLength: 1, maxLength: 4 }).map(l => l.join(',\n        '));
const concerns = fc.array(fc.tuple(enumOf('limitations', 'coherence', 'adequacy', 'relevance'), enumOf('none', 'minor', 'moderate', 'serious')).map(c => c.join(' ')), { minLength: 1, maxLength: 3 }).map(l => l.join(', '));

const ELEMENTS: Record<string, fc.Arbitrary<string>> = {
    programme: element(fc.tuple(id, str).map(([i, t]) => `programme ${i} ${t}`),
        [p('client', ref), p('contract', str), p('period', period), p('sdgs', sdgs), p('goal', str), p('bibliography', enumOf('"references.bib"', '"refs.json"', '"missing.bib"', '"../outside.bib"')), p('description', text),
            p('ethics', text), p('data-deletion', date)]),
    actor: element(fc.tuple(id, str).map(([i, t]) => `actor ${i} ${t}`), [p('type', ACTOR_TYPE), p('members', num), p('part-of', ref)]),
    need: element(fc.tuple(id, str).map(([i, t]) => `need ${i} ${t}`), [p('weight', PRIORITY)]),
    question: element(fc.tuple(id, str).map(([i, t]) => `question ${i} ${t}`), [p('need', refList)]),
    logic,
    portfolio,
    project: topProject,
    source: element(fc.tuple(id, SOURCE_KIND, str).map(([i, k, t]) => `source ${i} ${k} ${t}`), [
        p('date', date), p('role', str), p('file', enumOf('"data/a.txt"', '"data/missing.txt"', '"../outside.txt"', '"/etc/passwd"', '"C:\\\\x"', '"%2e%2e%2fx"', '""')),
        p('url', str), p('name', enumOf('"Kari Nordmann"', '"Ola"', '"<b>Navn</b>"')), p('actor', ref),
        p('access', enumOf('public', 'internal', 'confidential')), p('consent', enumOf('named')), p('origin', enumOf('programme', 'project', 'independent')),
        p('respondents', num), p('population', num), p('cite', enumOf('key1', 'missingKey', '"odd:key"', 'finding'))]),
    finding: element(fc.tuple(id, str).map(([i, t]) => `finding ${i} ${t}`), [
        p('answers', refList), p('evidence', evidence), p('confidence', enumOf('high', 'moderate', 'low', 'very-low')), p('concerns', concerns),
        p('supports', refList), p('challenges', refList), p('about', refList), p('date', date),
        p('status', enumOf('draft', 'confirmed', 'revised', 'withdrawn')), p('replaces', ref), p('text', text)]),
    criterion: fc.tuple(id, str).map(([i, t]) => `criterion ${i} ${t}`),
    assessment: element(fc.tuple(id, str).map(([i, t]) => `assessment ${i} ${t}`), [
        p('criterion', fc.oneof(enumOf('relevance', 'coherence', 'effectiveness', 'efficiency', 'impact', 'sustainability'), ref)),
        p('rating', enumOf('high', 'moderate', 'low', 'unclear')), p('based-on', refList), p('text', text),
        p('date', date), p('replaces', ref), p('not-assessed', str)]),
    recommendation: element(fc.tuple(id, str).map(([i, t]) => `recommendation ${i} ${t}`), [
        p('to', refList), p('priority', PRIORITY), p('horizon', HORIZON), p('based-on', refList), p('answers', refList),
        p('status', enumOf('proposed', 'accepted', 'rejected', 'implemented')), p('response', str), p('date', date), followUp, followUp]),
    lesson: element(fc.tuple(id, str).map(([i, t]) => `lesson ${i} ${t}`), [p('based-on', refList)]),
    initiative: element(fc.tuple(id, str).map(([i, t]) => `initiative ${i} ${t}`), [p('country', str), p('url', str)]),
    report: element(fc.tuple(id, str).map(([i, t]) => `report ${i} ${t}`), [
        p('kind', enumOf('interim', 'assessment', 'final')), p('date', date), p('cutoff', date), p('language', enumOf('nb', 'nn', 'en')),
        p('number', str), p('authors', fc.array(str, { minLength: 1, maxLength: 2 }).map(l => l.join(', '))), p('audience', refList),
        p('summary', text), p('introduction', text), p('method', text), p('discussion', text), p('conclusion', text),
        p('institution', str), p('project-leader', str), p('quality-assurance', str), p('isbn', str), p('issn', str),
        p('keywords', fc.array(str, { minLength: 1, maxLength: 3 }).map(l => l.join(', '))), p('preface', text), p('summary-en', text),
        fc.tuple(str, text).map(([t, x]) => `section ${t} ${x}`)])
};

/** Any top-level element, the likelier kinds more often. */
export const anyElement = fc.oneof(
    ...Object.entries(ELEMENTS).map(([kind, arbitrary]) => ({ weight: kind === 'finding' || kind === 'source' ? 4 : kind === 'programme' ? 1 : 2, arbitrary }))
);

const FILE_NAMES = ['main.prog', 'b.prog', 'sub/c.prog', 'æøå/kilder.prog', 'z z.prog', 'deep/er/d.prog'];

const configText = fc.oneof(
    fc.dictionary(fc.constantFrom('finding/single-informant', 'source/unused', 'ref/unresolved', 'syntax/parse', 'no/such-rule', 'privacy/small-group', 'id/duplicate'),
        fc.constantFrom('error', 'warning', 'info', 'hint', 'off', 'loud', 3 as unknown as string), { maxKeys: 4 })
        .map(rules => JSON.stringify({ rules }, null, 2)),
    fc.constantFrom('{', 'not json', '{"rules": 5}', '[]', '{"rules": {"x": "off"}, "template": 7}', '\uFEFF{"rules": {}}', '{"rules": {"source/unused": "off"}}\n\n')
);

const BIB = '@book{key1, author = {Nordmann, Kari}, title = {En <bok> & "mer"}, year = {2020}}\n@misc{odd:key, title = {X}}\n';

/**
 * A random workspace: 1–4 `.prog` files (one programme usually, in the first file), an
 * optional `sporbar.json`, a bibliography and a data file some `file` properties name.
 */
export const generatedWorkspace: fc.Arbitrary<FuzzCase> = fc.record({
    programme: fc.oneof({ weight: 5, arbitrary: ELEMENTS.programme.map(s => [s]) }, { weight: 1, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: fc.array(ELEMENTS.programme, { minLength: 2, maxLength: 2 }) }),
    files: fc.array(fc.array(anyElement, { maxLength: 8 }), { minLength: 1, maxLength: 4 }),
    config: fc.option(configText, { freq: 4, nil: undefined }),
    bib: fc.boolean(),
    force: fc.boolean()
}).map(({ programme, files, config, bib, force }) => {
    const out: { path: string; bytes: Uint8Array }[] = files.map((elements, i) => ({
        path: FILE_NAMES[i],
        bytes: enc.encode((i === 0 ? [...programme, ...elements] : elements).join('\n\n') + '\n')
    }));
    if (config !== undefined) out.push({ path: 'sporbar.json', bytes: enc.encode(config) });
    if (bib) out.push({ path: 'references.bib', bytes: enc.encode(BIB) });
    out.push({ path: 'data/a.txt', bytes: enc.encode('transcript\n') });
    return { kind: 'generated' as const, files: out, force };
});

// ---------------------------------------------------------------- mutations of the examples

export interface SeedFile {
    readonly workspace: string;
    readonly path: string;
    readonly text: string;
}

/** Every `.prog` file of the example workspaces, with the other files of its workspace. */
export function exampleWorkspaces(repo: string): Map<string, { path: string; bytes: Uint8Array }[]> {
    const result = new Map<string, { path: string; bytes: Uint8Array }[]>();
    for (const ws of ['examples/pri', 'examples/minimal', 'test/fixtures/reference', 'test/fixtures/privacy-canary']) {
        const root = path.join(repo, ws);
        const files: { path: string; bytes: Uint8Array }[] = [];
        const walk = (dir: string) => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const full = path.join(dir, entry.name);
                if (entry.isDirectory()) walk(full);
                else if (entry.isFile() && !entry.name.endsWith('.md')) files.push({ path: path.relative(root, full).split(path.sep).join('/'), bytes: new Uint8Array(fs.readFileSync(full)) });
            }
        };
        walk(root);
        result.set(ws, files.sort((a, b) => (a.path < b.path ? -1 : 1)));
    }
    return result;
}

const INSERTS = ['{', '}', '"""', '"', '->', ',', '@', '@F1', '\\', '/*', '*/', '//', '..', '{ }', '"""\n', 'finding', 'source X interview "x"', '\n', '\r', '\u0000',
    '\uFEFF', '\u200F', '\u202E', '😀', '\uD800', '\uDC00', 'æ', '2021-02-30', '99999999999999999999999', ...HOSTILE_CHARS];

/** One edit of a text, given random choices (positions as fractions of the length). */
type Mutation =
    | { op: 'insert'; at: number; what: string }
    | { op: 'delete'; at: number; length: number }
    | { op: 'duplicate'; at: number; length: number }
    | { op: 'swapLines'; a: number; b: number }
    | { op: 'swapTokens'; a: number; b: number }
    | { op: 'truncate'; at: number }
    | { op: 'repeat'; what: string; times: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fraction, what: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 })) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 200 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fraction, length: fc.integer({ min: 1, max: 400 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: fraction, b: fraction }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('swapTokens' as const), a: fraction, b: fraction }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fraction }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), what: fc.constantFrom('{', '}', '"""', '(', '[', '->', '@'), times: fc.integer({ min: 2, max: 300 }) }) }
);

export function mutate(text: string, m: Mutation): string {
    const at = (f: number) => Math.floor(f * (text.length + 1));
    switch (m.op) {
        case 'insert': return text.slice(0, at(m.at)) + m.what + text.slice(at(m.at));
        case 'delete': return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
        case 'duplicate': { const s = at(m.at); return text.slice(0, s + m.length) + text.slice(s, s + m.length) + text.slice(s + m.length); }
        case 'truncate': return text.slice(0, at(m.at));
        case 'repeat': { const s = at(0.5); return text.slice(0, s) + m.what.repeat(m.times) + text.slice(s); }
        case 'swapLines': {
            const lines = text.split('\n');
            const a = Math.floor(m.a * lines.length), b = Math.floor(m.b * lines.length);
            [lines[a], lines[b]] = [lines[b], lines[a]];
            return lines.join('\n');
        }
        case 'swapTokens': {
            const tokens = text.split(/(\s+)/);
            const words = tokens.map((t, i) => (/\S/.test(t) ? i : -1)).filter(i => i >= 0);
            if (words.length < 2) return text;
            const a = words[Math.floor(m.a * words.length)], b = words[Math.floor(m.b * words.length)];
            [tokens[a], tokens[b]] = [tokens[b], tokens[a]];
            return tokens.join('');
        }
    }
}

/** Byte-level damage after the text edits: invalid UTF-8, a BOM, a NUL, CR line ends. */
type ByteDamage = { op: 'none' } | { op: 'bytes'; at: number; bytes: number[] } | { op: 'bom' } | { op: 'crlf' } | { op: 'cr' };
const byteDamage: fc.Arbitrary<ByteDamage> = fc.oneof(
    { weight: 8, arbitrary: fc.constant({ op: 'none' as const }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('bytes' as const), at: fraction, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }) }) },
    { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
    { weight: 1, arbitrary: fc.constant({ op: 'crlf' as const }) },
    { weight: 1, arbitrary: fc.constant({ op: 'cr' as const }) }
);

export function damage(text: string, d: ByteDamage): Uint8Array {
    switch (d.op) {
        case 'none': return enc.encode(text);
        case 'bom': return enc.encode('\uFEFF' + text);
        case 'crlf': return enc.encode(text.replace(/\r?\n/g, '\r\n'));
        case 'cr': return enc.encode(text.replace(/\r?\n/g, '\r'));
        case 'bytes': {
            const bytes = enc.encode(text);
            const at = Math.floor(d.at * (bytes.length + 1));
            const out = new Uint8Array(bytes.length + d.bytes.length);
            out.set(bytes.subarray(0, at));
            out.set(d.bytes, at);
            out.set(bytes.subarray(at), at + d.bytes.length);
            return out;
        }
    }
}

/** An example workspace with 1–3 of its `.prog` files mutated 1–6 times each. */
export function mutatedWorkspace(examples: Map<string, { path: string; bytes: Uint8Array }[]>): fc.Arbitrary<FuzzCase> {
    const dec = new TextDecoder();
    return fc.constantFrom(...examples.keys()).chain(ws => {
        const files = examples.get(ws)!;
        const progIndexes = files.map((f, i) => (f.path.endsWith('.prog') ? i : -1)).filter(i => i >= 0);
        const edit = fc.record({ file: fc.constantFrom(...progIndexes), mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }), damage: byteDamage });
        return fc.record({ edits: fc.array(edit, { minLength: 1, maxLength: 3 }), force: fc.boolean() }).map(({ edits, force }) => {
            const out = files.map(f => ({ ...f }));
            for (const e of edits) {
                const text = e.mutations.reduce((t, m) => mutate(t, m), dec.decode(out[e.file].bytes));
                out[e.file] = { path: out[e.file].path, bytes: damage(text, e.damage) };
            }
            return { kind: 'mutated' as const, files: out, force };
        });
    });
}
