import { DefaultTokenBuilder, type Grammar, type TokenBuilderOptions } from 'langium';
import type { IMultiModeLexerDefinition, TokenType, TokenVocabulary } from 'chevrotain';

/** Characters a `.prog` ID may consist of (after its first letter). */
export const ID_REGEX = /^\p{L}[\p{L}\p{M}\p{Nd}_]*$/u;
const LETTER = /\p{L}/u;
const ID_PART = /[\p{L}\p{M}\p{Nd}_]/u;

const TEXT_MODE = 'text';
const DEFAULT_MODE = 'default';
const TEXT_TOKENS = new Set(['TEXT_CLOSE', 'TEXT_REF', 'TEXT_CHUNK']);

/** True when the `"""` at `offset` closes a text: it is not followed by another quote. */
function closesText(text: string, offset: number): boolean {
    return text.charCodeAt(offset) === 34 && text.charCodeAt(offset + 1) === 34
        && text.charCodeAt(offset + 2) === 34 && text.charCodeAt(offset + 3) !== 34;
}

/**
 * True when an `@` at `offset` starts a reference (LANGUAGE.md "`@` in text"): a letter
 * follows, and the character before is not a letter, digit, `_`, `.`, `-` or `\`.
 */
export function startsTextRef(text: string, offset: number): boolean {
    if (text.charCodeAt(offset) !== 64) return false;
    const next = text.codePointAt(offset + 1);
    if (next === undefined || !LETTER.test(String.fromCodePoint(next))) return false;
    if (offset === 0) return true;
    const before = text[offset - 1];
    return !(/[\p{L}\p{Nd}_.\-\\]/u.test(before) || /[\uDC00-\uDFFF]/.test(before));
}

/** Length of an ID that starts at `offset` (0 when none does). */
function idLength(text: string, offset: number): number {
    let i = offset;
    // ASCII letters, digits and `_` without the Unicode tests; from the first other
    // character on, code point by code point.
    const start = text.charCodeAt(i);
    if ((start >= 97 && start <= 122) || (start >= 65 && start <= 90)) {
        i++;
        for (let c = text.charCodeAt(i); (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95; c = text.charCodeAt(i)) i++;
        if (i >= text.length || text.charCodeAt(i) < 0x80) return i - offset;
        return i - offset + idPartLength(text, i);
    }
    const first = text.codePointAt(i);
    if (first === undefined || !LETTER.test(String.fromCodePoint(first))) return 0;
    i += first > 0xffff ? 2 : 1;
    return i - offset + idPartLength(text, i);
}

/** Length of the ID characters (after the first) that start at `offset`. */
function idPartLength(text: string, offset: number): number {
    let i = offset;
    while (i < text.length) {
        const cp = text.codePointAt(i)!;
        if (!ID_PART.test(String.fromCodePoint(cp))) break;
        i += cp > 0xffff ? 2 : 1;
    }
    return i - offset;
}

/**
 * A custom token pattern: `exec` for Chevrotain, and `matchLength` — the same match as a
 * length, -1 for none — for ProgLexer, which then makes no match array.
 */
function pattern(matchLength: (text: string, offset: number) => number): { exec(text: string, offset: number): RegExpExecArray | null; matchLength(text: string, offset: number): number } {
    return {
        exec: (text, offset) => {
            const length = matchLength(text, offset);
            return length < 0 ? null : match(text, offset, length);
        },
        matchLength
    };
}

function match(text: string, offset: number, length: number): RegExpExecArray {
    const result = [text.substring(offset, offset + length)] as unknown as RegExpExecArray;
    result.index = offset;
    return result;
}

/**
 * The characters an ID may start with, as ranges: the ASCII letters and every character
 * from U+0080 on (surrogates included, for letters beyond the basic plane). That is a
 * superset of the letters, so it holds for any Unicode version of the engine; for a
 * non-letter among them the ID pattern is tried and fails, as it should. Finding the exact
 * letters with a regular expression took 10 ms of every start of the CLI and the server.
 */
export const ID_START_RANGES: readonly (readonly [number, number])[] = [[0x41, 0x5a], [0x61, 0x7a], [0x80, 0xffff]];

/** The same characters one by one, as Chevrotain's `START_CHARS_HINT` wants them (65,000 of them). */
function idStartChars(): number[] {
    const chars: number[] = [];
    for (const [first, last] of ID_START_RANGES) for (let c = first; c <= last; c++) chars.push(c);
    return chars;
}

let cachedStartChars: number[] | undefined;

/** A token type whose first characters are also given as ranges (read by ProgLexer). */
export interface StartRanges {
    START_CHARS_RANGES?: readonly (readonly [number, number])[];
}

/** The characters `\s` matches in JavaScript: white space and line terminators. */
export const WHITESPACE_CHARS: readonly number[] = [
    0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680,
    0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
    0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff
];

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The first characters of the grammar's regular-expression terminals (prog.langium). */
export const TERMINAL_STARTS: Readonly<Record<string, (string | number)[]>> = {
    WS: [...WHITESPACE_CHARS],
    ML_COMMENT: ['/'],
    SL_COMMENT: ['/'],
    TEXT_OPEN: ['"'],
    STRING: ['"'],
    DATE: DIGITS,
    NUMBER: DIGITS
};

/**
 * Builds a two-mode lexer. In the default mode `"""` pushes the text mode, where only the
 * closing quotes, `@ID` references and plain chunks exist — so comments, keywords and
 * strings are not recognised inside a text. The Unicode ID token gets a start-characters
 * hint (keeps Chevrotain's first-character optimisation) and becomes the longer
 * alternative of every ID-shaped keyword (so `ontology` is an ID, not `on` + `tology`).
 */
export class ProgTokenBuilder extends DefaultTokenBuilder {
    /**
     * Langium finds each keyword's longer alternatives by matching it against every
     * terminal's pattern (12 ms of each start); `buildTokens` sets them itself below.
     */
    protected override findLongerAlt(): TokenType[] {
        return [];
    }

    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        const byName = new Map(tokens.map(t => [t.name, t]));
        const id = byName.get('ID')!;
        // The grammar's /\p{L}[\p{L}\p{M}\p{Nd}_]*/u, without a regular expression for ASCII.
        id.PATTERN = pattern((text, offset) => idLength(text, offset) || -1);
        // ProgLexer reads the ranges; Chevrotain's lexer (which only the tests build) the
        // list, made when first asked for.
        Object.defineProperty(id, 'START_CHARS_HINT', { get: () => cachedStartChars ??= idStartChars(), enumerable: true, configurable: true });
        (id as StartRanges).START_CHARS_RANGES = ID_START_RANGES;
        id.LINE_BREAKS = false;
        for (const token of tokens) {
            if (typeof token.PATTERN === 'string') {
                // Only ID may be a keyword's longer alternative (the default pass also picks
                // the text-mode chunk token, which does not exist in the default mode).
                token.LONGER_ALT = ID_REGEX.test(token.PATTERN) ? id : undefined;
            }
        }
        // The characters each terminal can start with: Chevrotain and ProgLexer try a
        // terminal only where it can match (test/language/lexer.test.ts checks the sets).
        for (const [name, starts] of Object.entries(TERMINAL_STARTS)) byName.get(name)!.START_CHARS_HINT = starts;

        const open = byName.get('TEXT_OPEN')!;
        open.PUSH_MODE = TEXT_MODE;
        open.LINE_BREAKS = false;

        const close = byName.get('TEXT_CLOSE')!;
        close.PATTERN = pattern((text, offset) => closesText(text, offset) ? 3 : -1);
        close.POP_MODE = true;
        close.LINE_BREAKS = false;
        close.START_CHARS_HINT = ['"'];

        const ref = byName.get('TEXT_REF')!;
        ref.PATTERN = pattern((text, offset) => startsTextRef(text, offset) ? 1 + idLength(text, offset + 1) : -1);
        ref.LINE_BREAKS = false;
        ref.START_CHARS_HINT = ['@'];

        const chunk = byName.get('TEXT_CHUNK')!;
        chunk.PATTERN = pattern((text, offset) => {
            let i = offset;
            while (i < text.length) {
                const c = text.charCodeAt(i);
                if (c === 34 && closesText(text, i)) break;
                if (c === 64 && startsTextRef(text, i)) break;
                // `\@` is an escaped at sign: keep both characters in the chunk.
                i += (c === 92 && text.charCodeAt(i + 1) === 64) ? 2 : 1;
            }
            return i > offset ? i - offset : -1;
        });
        chunk.LINE_BREAKS = true;

        const textTokens = [close, ref, chunk];
        const defaultTokens = tokens.filter(t => !TEXT_TOKENS.has(t.name));
        // `"""` must be tried before the string terminal (`""` would match first).
        defaultTokens.splice(defaultTokens.indexOf(open), 1);
        defaultTokens.splice(defaultTokens.indexOf(byName.get('STRING')!), 0, open);
        const definition: IMultiModeLexerDefinition = {
            modes: { [DEFAULT_MODE]: defaultTokens, [TEXT_MODE]: textTokens },
            defaultMode: DEFAULT_MODE
        };
        return definition;
    }
}
