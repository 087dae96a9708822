// The lexer keeps offsets only (prog-lexer.ts). Whatever reads lines and columns — lexer
// errors, the tokens of parser errors, the diagnostics made of them — must read what
// Langium's own lexer, which tracks them for every token, would have given.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DefaultLexer, EmptyFileSystem, type IToken, type ParseResult } from 'langium';
import { createProgCoreServices, type Model } from '@sporbar/language';
import { lineStarts } from '../../packages/language/src/prog-cst.js';
import { withPositions } from '../../packages/language/src/prog-lexer.js';
import { prng } from '../seeded.mjs';
import { stockParser } from './helpers.js';

const services = createProgCoreServices(EmptyFileSystem).Prog;
const root = path.resolve(__dirname, '../..');
const texts = ['examples/pri', 'test/fixtures/reference'].flatMap(dir =>
    fs.readdirSync(path.join(root, dir)).filter(f => f.endsWith('.prog')).map(f => fs.readFileSync(path.join(root, dir, f), 'utf8')));
/** Block comments and text blocks over several lines: the tokens with line breaks in them. */
const multiLine = [
    'finding F1 "t" {\n  text """\nførste linje @F2\n  andre\n\n"""\n}\n/* a\n  comment */ finding F2 "u" { }\n',
    '/*\n*/\n/* x\n*/finding F1 "t" { text """a\n""" }\n/*\n\n*/',
    'finding F1 "t" { text """\n\n"""}\n/* one */ /* two\n */'
];
const lineBreaks = (text: string) => [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r')];
const allTexts = [...texts, ...multiLine].flatMap(lineBreaks);

const POSITION = ['startOffset', 'endOffset', 'startLine', 'startColumn', 'endLine', 'endColumn'] as const;
const position = (token: IToken | undefined) => token && Object.fromEntries(POSITION.map(key => [key, token[key]]));

function errors(result: ParseResult<Model>) {
    return {
        lexer: result.lexerErrors.map(e => [e.offset, e.length, e.line, e.column, e.message]),
        parser: result.parserErrors.map(e => [e.message, position(e.token), position((e as { previousToken?: IToken }).previousToken)])
    };
}

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
            const brief = (tokens: IToken[]) => tokens.map(t => [t.image, t.startOffset, t.endOffset, t.tokenType.name]);
            expect(brief(ours.tokens)).toEqual(brief(theirs.tokens));
            expect(brief(ours.hidden)).toEqual(brief(theirs.hidden));
            // Nothing tracked per token beyond the offsets.
            expect(ours.tokens.every(t => t.startLine === undefined)).toBe(true);
        }
    });

    it('give lexer and parser errors the positions Langium\'s parser gives them, on 600 broken texts', () => {
        const stock = stockParser(services);
        const ours = services.parser.LangiumParser;
        const random = prng(11);
        const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
        const junk = ['§', '}', '{', '"', '"""', '\n', '@', ',', 'finding', '#', '¤¤', '\t', '/*', '😀'];
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
