import { DefaultTokenBuilder, type Grammar, type LexingDiagnostic, type LexingReport, type TokenBuilderOptions } from 'langium';
import type { CustomPatternMatcherReturn, IMultiModeLexerDefinition, IToken, TokenType, TokenVocabulary } from 'chevrotain';
import { lineStarts, positionAt } from './prog-cst.js';
import { grammarWords } from './prog-grammar-words.js';

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

const CLOSED_STRING = /"(\\.|[^"\\\r\n])*"/y;

/**
 * The length of a string that starts at `offset` but is not closed on its line (LANGUAGE.md:
 * a string ends on the line it starts). It is still a string token, so that the element
 * around it parses, and the lexer reports it: it runs to the end of its line, or to a `{`
 * after white space (`finding F1 "Title {` opens the block), without the white space before.
 */
export function unclosedStringLength(text: string, offset: number): number {
    let end = offset + 1;
    while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c === 10 || c === 13) break;
        if (c === 123 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) break;
        end++;
    }
    while (end > offset + 1 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    return end - offset;
}

/** Whether a string token is closed (its image is a whole `"…"` string). */
export function isClosedString(image: string): boolean {
    CLOSED_STRING.lastIndex = 0;
    return CLOSED_STRING.test(image) && CLOSED_STRING.lastIndex === image.length;
}

export const UNCLOSED_STRING_MESSAGE = 'This "string" is never closed — add `"` at its end (a string ends on the line it starts; a longer text is written """ … """)';
export const UNCLOSED_TEXT_MESSAGE = 'The text opened here is never closed — add `"""` where it ends';

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
type MatchLength = (text: string, offset: number, tokens?: readonly IToken[]) => number;

/**
 * `fast`: a regular expression ProgLexer tries first, as it tries a terminal's; the pattern
 * (which matches at least what it does) runs only where it fails.
 */
function pattern(matchLength: MatchLength, fast?: RegExp): { exec(text: string, offset: number, tokens?: readonly IToken[]): Match | null; matchLength: MatchLength; fast?: RegExp } {
    return {
        exec: (text, offset, tokens) => {
            const length = matchLength(text, offset, tokens);
            return length < 0 ? null : match(text, offset, length);
        },
        matchLength,
        fast
    };
}

/** A custom pattern's match: Chevrotain reads the matched text (`CustomPatternMatcherReturn`); `index` as in a regular expression's. */
type Match = CustomPatternMatcherReturn & { index?: number };

function match(text: string, offset: number, length: number): Match {
    const result: Match = [text.substring(offset, offset + length)];
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

        // A line that starts with an element head (`finding F2 "…"`) or opens another text
        // (`method """`, `section "Title" """`) ends a text that was never closed
        // (LANGUAGE.md "Text blocks"): see `headBreak`.
        const words = grammarWords(grammar);
        const head = headPattern(words.heads);
        const opener = textOpenerPattern(words.textOpeners);
        const openerInitials = new Set(words.textOpeners.map(word => word.charCodeAt(0)));
        const headBreak = (text: string, offset: number) => {
            const length = text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10 ? 2 : 1;
            const start = offset + length;
            // Most lines of a text start with white space, or with a letter no keyword starts
            // with: the patterns run only where they may match.
            const first = text.charCodeAt(start);
            if (first >= 97 && first <= 122) {
                head.lastIndex = start;
                if (head.test(text)) return length;
            }
            let i = start;
            while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
            if (!openerInitials.has(text.charCodeAt(i))) return 0;
            opener.lastIndex = start;
            return opener.test(text) ? length : 0;
        };

        const string = byName.get('STRING')!;
        string.PATTERN = pattern((text, offset) => {
            if (text.charCodeAt(offset) !== 34) return -1;
            CLOSED_STRING.lastIndex = offset;
            if (CLOSED_STRING.test(text)) return CLOSED_STRING.lastIndex - offset;
            const length = unclosedStringLength(text, offset);
            this.report(offset, length, UNCLOSED_STRING_MESSAGE);
            return length;
        }, new RegExp(CLOSED_STRING.source));
        string.LINE_BREAKS = false;
        string.START_CHARS_HINT = ['"'];

        const open = byName.get('TEXT_OPEN')!;
        open.PUSH_MODE = TEXT_MODE;
        open.LINE_BREAKS = false;

        const close = byName.get('TEXT_CLOSE')!;
        close.PATTERN = pattern((text, offset, tokens) => {
            if (closesText(text, offset)) return 3;
            const c = text.charCodeAt(offset);
            if (c !== 10 && c !== 13) return -1;
            const length = headBreak(text, offset);
            if (length === 0) return -1;
            // The line break before the next element closes the text; the text is reported.
            this.reportUnclosedText(tokens);
            return length;
        });
        close.POP_MODE = true;
        close.LINE_BREAKS = true;
        close.START_CHARS_HINT = ['"', '\n', '\r'];

        const ref = byName.get('TEXT_REF')!;
        ref.PATTERN = pattern((text, offset, tokens) => {
            if (!startsTextRef(text, offset)) return -1;
            const length = 1 + idLength(text, offset + 1);
            if (offset + length === text.length) this.reportUnclosedText(tokens);
            return length;
        });
        ref.LINE_BREAKS = false;
        ref.START_CHARS_HINT = ['@'];

        const chunk = byName.get('TEXT_CHUNK')!;
        chunk.PATTERN = pattern((text, offset, tokens) => {
            let i = offset;
            while (i < text.length) {
                const c = text.charCodeAt(i);
                if (c === 34 && closesText(text, i)) break;
                if (c === 64 && startsTextRef(text, i)) break;
                if ((c === 10 || c === 13) && headBreak(text, i) > 0) break;
                // `\@` is an escaped at sign: keep both characters in the chunk.
                i += (c === 92 && text.charCodeAt(i + 1) === 64) ? 2 : 1;
            }
            if (i >= text.length && i > offset) this.reportUnclosedText(tokens);
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

    /** A problem found while lexing (an unclosed string or text): reported as a lexer error. */
    private report(offset: number, length: number, message: string): void {
        this.diagnostics.push({ offset, length, message, line: undefined, column: undefined, severity: 'error' });
    }

    /** The text whose opening `"""` is the last one among the tokens so far is never closed. */
    private reportUnclosedText(tokens: readonly IToken[] | undefined): void {
        if (!tokens) return;
        for (let i = tokens.length - 1; i >= 0; i--) {
            if (tokens[i].tokenType.name === 'TEXT_OPEN') {
                this.report(tokens[i].startOffset, 3, UNCLOSED_TEXT_MESSAGE);
                return;
            }
        }
    }

    /**
     * The problems found while lexing `text`, once each (a pattern may be tried at the same
     * place more than once), with their lines and columns.
     */
    override flushLexingReport(text: string): LexingReport {
        const diagnostics = this.popDiagnostics();
        if (diagnostics.length === 0) return { diagnostics };
        const byOffset = new Map<number, LexingDiagnostic>();
        for (const diagnostic of diagnostics) if (!byOffset.has(diagnostic.offset)) byOffset.set(diagnostic.offset, diagnostic);
        const starts = lineStarts(text);
        const unique = [...byOffset.values()].sort((a, b) => a.offset - b.offset);
        for (const diagnostic of unique) {
            const position = positionAt(starts, diagnostic.offset);
            diagnostic.line = position.line + 1;
            diagnostic.column = position.character + 1;
        }
        return { diagnostics: unique };
    }
}

/**
 * A line that opens a text, after any indentation: a text property's keyword and `"""`
 * (`method """`), or `section "Title" [after SLOT] """`. Sticky: `lastIndex` is where
 * the line starts.
 */
export function textOpenerPattern(openers: readonly string[]): RegExp {
    // (`-` stays as it is: outside a class it needs no escape, and the `u` flag forbids one.)
    const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`[ \\t]*(?:${openers.map(escape).join('|')})(?:[ \\t]+"[^"\\r\\n]*")?(?:[ \\t]+after[ \\t]+[\\p{L}-]+)?[ \\t]+"""`, 'uy');
}

/**
 * The start of an element's head at the start of a line: an element keyword in the first
 * column, its ID and its title on the same line (`finding F2 "…`; a source with its kind:
 * `source S1 interview "…`). Such a line ends a text that was never closed, and the parser
 * starts over there after a syntax error (prog-recovery.ts). Sticky: `lastIndex` is where
 * the line starts.
 */
export function headPattern(heads: ReadonlyMap<string, readonly string[] | undefined>): RegExp {
    const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    const alternatives = [...heads].map(([keyword, kinds]) => kinds
        ? `${escape(keyword)}[ \\t]+[^\\s"]+[ \\t]+(?:${kinds.map(escape).join('|')})`
        : `${escape(keyword)}[ \\t]+[^\\s"]+`);
    return new RegExp(`(?:${alternatives.join('|')})[ \\t]+"`, 'y');
}
