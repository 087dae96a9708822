// The lexer keeps offsets only (prog-lexer.ts). Whatever reads lines and columns — lexer
// errors, the tokens of parser errors, the diagnostics made of them — must read what
// Langium's own lexer, which tracks them for every token, would have given.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToken, Lexer as ChevrotainLexer } from 'chevrotain';
import { DefaultLexer, EmptyFileSystem, type IToken, type LangiumCoreServices, type ParseResult } from 'langium';
import { createProgCoreServices, type Model } from '@sporbar/language';
import { lineStarts } from '../../packages/language/src/parser/prog-cst.js';
import { ProgLexer, withPositions } from '../../packages/language/src/parser/prog-lexer.js';
import { ID_START_RANGES, TERMINAL_STARTS, WHITESPACE_CHARS } from '../../packages/language/src/parser/prog-token-builder.js';
import { prng } from '../seeded.mjs';
import { progParserOnStockLexer } from './helpers.js';

const services = createProgCoreServices(EmptyFileSystem).Prog;
const root = path.resolve(__dirname, '../..');
const texts = ['examples/pri', 'test/fixtures/reference'].flatMap(dir =>
    fs.readdirSync(path.join(root, dir)).filter(f => f.endsWith('.prog')).map(f => fs.readFileSync(path.join(root, dir, f), 'utf8')));
/** Block comments and text blocks over several lines: the tokens with line breaks in them. */
const multiLine = [
    'finding F1 "t" {\n  text """\nførste linje @F2\n  andre\n\n"""\n}\n/* a\n  comment */ finding F2 "u" { }\n',
    '/*\n*/\n/* x\n*/finding F1 "t" { text """a\n""" }\n/*\n\n*/',
    'finding F1 "t" { text """\n\n"""}\n/* one */ /* two\n */',
    // Recovery: a text never closed ends before the next element head; a string not closed
    // ends with its line (or before ` {`); dates written another way are one token.
    'finding F1 "t" {\n  text """\n  never closed @F2\nfinding F2 "u" { date 20.05.2025 }\nsource S1 interview "Title {\n  date 2025/05/20\n}\n',
    'finding F1 "t" { text """ closed at the end of the file @F1',
    'finding F1 "t" { text """\n\nsource S1 interview "s"\nreport R "r" { summary """',
    'actor A "unclosed\nactor B "b\\" { }\n',
    'report R "r" {\n  summary """ abc\n  method """ def """\n  section "X" after findings """\n  ghi"""\n  conclusion """ no end\n}\n'
];
const lineBreaks = (text: string) => [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r')];
const allTexts = [...texts, ...multiLine].flatMap(lineBreaks);

const POSITION = ['startOffset', 'endOffset', 'startLine', 'startColumn', 'endLine', 'endColumn'] as const;
const position = (token: IToken | undefined) => token && Object.fromEntries(POSITION.map(key => [key, token[key]]));

const brief = (tokens: IToken[]) => tokens.map(t => [t.image, t.startOffset, t.endOffset, t.tokenType.name, t.tokenTypeIdx === t.tokenType.tokenTypeIdx]);

function errors(result: ParseResult<Model>) {
    // The token builder's own problems (an unclosed string or text) are in Langium's lexing
    // report; the language's lexer makes them lexer errors (prog-lexer.ts).
    const lexer = [...result.lexerErrors, ...result.lexerReport?.diagnostics ?? []].sort((a, b) => a.offset - b.offset);
    return {
        lexer: lexer.map(e => [e.offset, e.length, e.line, e.column, e.message]),
        parser: result.parserErrors.map(e => [e.message, position(e.token), position((e as { previousToken?: IToken }).previousToken)])
    };
}

describe('the first characters of the terminals (prog-token-builder.ts)', () => {
    it('are the characters \\s matches, for WS', () => {
        const spaces: number[] = [];
        for (let c = 0; c <= 0xffff; c++) if (/\s/.test(String.fromCharCode(c))) spaces.push(c);
        expect([...WHITESPACE_CHARS]).toEqual(spaces);
    });

    it('include every character a terminal can start with', () => {
        const suffixes = ['', 'a', '1', '1-1', '.1', '*/', 'x*/', '/', '"', '""', 'x"', ' '];
        for (const [name, starts] of Object.entries(TERMINAL_STARTS)) {
            const pattern = services.parser.Lexer.definition[name].PATTERN;
            expect(pattern, name).toBeInstanceOf(RegExp);
            const sticky = new RegExp((pattern as RegExp).source, (pattern as RegExp).flags + 'y');
            const allowed = new Set(starts.map(c => typeof c === 'string' ? c.charCodeAt(0) : c));
            for (let c = 0; c <= 0xffff; c++) {
                if (allowed.has(c)) continue;
                for (const suffix of suffixes) {
                    sticky.lastIndex = 0;
                    if (sticky.test(String.fromCharCode(c) + suffix)) expect.fail(`${name} matches at U+${c.toString(16)}`);
                }
            }
        }
    });
});

describe('the first characters of the ID (prog-token-builder.ts)', () => {
    it('include every character an ID can start with', () => {
        const id = services.parser.Lexer.definition.ID;
        const exec = (id.PATTERN as { exec(text: string, offset: number): unknown }).exec;
        const inRanges = (c: number) => ID_START_RANGES.some(([first, last]) => c >= first && c <= last);
        for (let c = 0; c <= 0xffff; c++) {
            if (!inRanges(c) && exec(String.fromCharCode(c) + 'a', 0) !== null) expect.fail(`an ID starts with U+${c.toString(16)}`);
        }
        // Chevrotain's hint lists the same characters.
        expect(id.START_CHARS_HINT!.length).toBe(ID_START_RANGES.reduce((n, [first, last]) => n + last - first + 1, 0));
        expect((id.START_CHARS_HINT as number[]).every(inRanges)).toBe(true);
    });
});

describe('tokens with offsets only (prog-lexer.ts)', () => {
    it('get the lines and columns of Langium\'s lexer, multi-line tokens and every line break included', () => {
        const stock = new DefaultLexer(services);
        let lineful = 0;
        for (const text of allTexts) {
            const starts = lineStarts(text);
            const full = stock.tokenize(text);
            for (const token of [...full.tokens, ...full.hidden]) {
                const bare = { ...token, startLine: undefined, startColumn: undefined, endLine: undefined, endColumn: undefined } as unknown as IToken;
                withPositions(bare, starts);
                expect(position(bare), JSON.stringify(token.image)).toEqual(position(token));
                if (/[\r\n]/.test(token.image)) lineful++;
            }
        }
        // Multi-line tokens were compared, not only one-line ones.
        expect(lineful).toBeGreaterThan(20);
    });

    it('lex the tokens of Langium\'s lexer, with the same offsets', () => {
        const stock = new DefaultLexer(services);
        for (const text of allTexts) {
            const ours = services.parser.Lexer.tokenize(text);
            const theirs = stock.tokenize(text);
            expect(brief(ours.tokens)).toEqual(brief(theirs.tokens));
            expect(brief(ours.hidden)).toEqual(brief(theirs.hidden));
            // Nothing tracked per token beyond the offsets.
            expect(ours.tokens.every(t => t.startLine === undefined)).toBe(true);
        }
    });

    it('lex 600 broken texts as Langium\'s lexer does, and give their errors the positions Langium\'s lexer gives them', () => {
        // The same parser (with its recovery) on Langium's lexer, which tracks every position.
        const stock = progParserOnStockLexer(services);
        const stockLexer = new DefaultLexer(services);
        const ours = services.parser.LangiumParser;
        const random = prng(11);
        const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
        const junk = ['§', '}', '{', '"', '"""', '\n', '@', ',', 'finding', '#', '¤¤', '\t', '/*', '😀', '\ud83d',
            'part-of', 'very-low', 'depends-o', 'kNOK', 'å', 'Ærø', '\u00a0', '\u2028', '\ufeff', '-', '..', '->', '@x', '\\', '1', '2021-', '.5', '_'];
        let lexerErrors = 0;
        let parserErrors = 0;
        let atEnd = 0;
        for (let round = 0; round < 600; round++) {
            let text = pick(allTexts);
            for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
                const at = Math.floor(random() * text.length);
                text = random() < 0.5
                    ? text.slice(0, at) + pick(junk) + text.slice(at)
                    : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 30));
            }
            if (random() < 0.1) text = text.slice(0, Math.floor(random() * text.length));
            const a = stock.parse<Model>(text);
            const b = ours.parse<Model>(text);
            expect(errors(b), JSON.stringify(text.slice(0, 200))).toEqual(errors(a));
            const lexedA = stockLexer.tokenize(text);
            const lexedB = services.parser.Lexer.tokenize(text);
            expect(brief(lexedB.tokens)).toEqual(brief(lexedA.tokens));
            expect(brief(lexedB.hidden)).toEqual(brief(lexedA.hidden));
            lexerErrors += b.lexerErrors.length;
            parserErrors += b.parserErrors.length;
            atEnd += b.parserErrors.filter(e => e.token.tokenType?.name === 'EOF').length;
        }
        // The texts did have both kinds of errors, and errors at the end of the file.
        expect(lexerErrors).toBeGreaterThan(50);
        expect(parserErrors).toBeGreaterThan(300);
        expect(atEnd).toBeGreaterThan(5);
    });
});

describe('the lexer on other token orders (prog-lexer.ts)', () => {
    // Token types in orders the word shortcut must not take (a shorter keyword before a
    // longer one it starts; a hyphenated keyword after a keyword that starts it): the
    // lexer must then try them in order, as Chevrotain does.
    function lexers(order: string[]) {
        const id = createToken({ name: 'ID', pattern: /[a-z]+/ });
        const ws = createToken({ name: 'WS', pattern: /\s+/, group: ChevrotainLexer.SKIPPED });
        const keyword = (word: string) => createToken({ name: word, pattern: word, longer_alt: /^[a-z]+$/.test(word) ? id : undefined });
        const vocabulary = [...order.map(keyword), id, ws];
        const fake = {
            Grammar: services.Grammar,
            LanguageMetaData: services.LanguageMetaData,
            parser: { TokenBuilder: { buildTokens: () => vocabulary }, LexerErrorMessageProvider: services.parser.LexerErrorMessageProvider }
        } as unknown as LangiumCoreServices;
        return { ours: new ProgLexer(fake), chevrotain: new ChevrotainLexer(vocabulary, { positionTracking: 'onlyOffset' }) };
    }

    it.each([
        [['on', 'onto']],
        [['onto', 'on']],
        [['on', 'onto', 'on-off']],
        [['onto', 'on', 'on-off']],
        [['on-off', 'onto', 'on']],
        [['onto', 'on-off', 'on']]
    ])('%j', order => {
        const { ours, chevrotain } = lexers(order);
        const random = prng(3);
        const words = ['on', 'onto', 'ontology', 'on-off', 'on-of', 'o', 'x', '-', ' ', '\n', '#'];
        for (let round = 0; round < 200; round++) {
            let text = '';
            for (let i = Math.floor(random() * 12); i > 0; i--) text += words[Math.floor(random() * words.length)] + (random() < 0.7 ? ' ' : '');
            const a = chevrotain.tokenize(text);
            const b = ours.tokenize(text);
            const names = (tokens: IToken[]) => tokens.map(t => [t.image, t.startOffset, t.tokenType.name]);
            expect(names(b.tokens), JSON.stringify(text)).toEqual(names(a.tokens));
            expect(b.errors.map(e => [e.offset, e.length])).toEqual(a.errors.map(e => [e.offset, e.length]));
        }
    });
});
