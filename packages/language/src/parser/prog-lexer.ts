import { Lexer as ChevrotainLexer, type ILexerErrorMessageProvider, type ILexingError, type IToken, type TokenType, type TokenTypeDictionary } from 'chevrotain';
import { isIMultiModeLexerDefinition, isTokenTypeArray, type LangiumCoreServices, type Lexer, type LexerResult, type TokenBuilder } from 'langium';
import { lineStarts, positionAt } from './prog-cst.js';
import type { StartRanges } from './prog-token-builder.js';

/**
 * The lexer: Chevrotain's lexing algorithm, for the token types the token builder makes
 * (prog-token-builder.ts), with tokens that keep their offsets but not their lines and
 * columns.
 *
 * Langium 4.4's `DefaultLexer` runs Chevrotain's lexer with `positionTracking: 'full'`:
 * nine fields per token, and a search for line breaks in every token. Nothing reads them
 * while a file without syntax errors is parsed (the CST leaves compute their positions from
 * offsets: prog-cst.ts). And Chevrotain tries the keywords that start with a word's
 * letter one by one, each by a sticky regular expression. Here:
 *  - a token is `{ image, startOffset, endOffset, tokenTypeIdx, tokenType }`;
 *  - at a letter the ID is matched once, and the keyword it may be is found among the
 *    keywords of that length (`LexerMode.dispatch`); a keyword token's image is the keyword;
 *  - the token builder's own patterns give a length, not a match array.
 * Lexing the 1,000 files of the benchmark's W1 in a fresh process took 177–185 ms with
 * Langium's lexer and takes 109–116 ms (docs/performance.md).
 *
 * Which token is made is decided as Chevrotain decides it: at each offset the token types
 * of the current mode that can start with the character there are tried in the order of
 * the definition; the first that matches wins, unless one of its longer alternatives
 * matches a longer text; `PUSH_MODE` and `POP_MODE` switch modes; skipped tokens (`WS`)
 * are dropped and grouped ones (comments) go to their group. Where nothing matches, the
 * characters up to the next offset where any token type of the mode matches make one
 * lexer error. `test/language/lexer.test.ts` compares tokens and errors with Langium's
 * own lexer on every example and on 600 broken texts; the fuzz harness and the parser
 * comparison test run on it too.
 *
 * The token builder's patterns report what they recover from (a string not closed on its
 * line, a text never closed: prog-token-builder.ts) through Langium's lexing report; this
 * lexer returns those as lexer errors like the others, in text order.
 *
 * Lines and columns are still there wherever something reads them: every lexer error gets
 * its line and column here, and the parser gives every token a parser error points at its
 * lines and columns after parsing (`withPositions`, called from langium-internals/parser-patch.ts), computed
 * as Chevrotain computes them.
 */
export class ProgLexer implements Lexer {
    private readonly tokenTypes: TokenTypeDictionary;
    private readonly tokenBuilder: TokenBuilder;
    private readonly modes = new Map<string, LexerMode>();
    private readonly defaultMode: string;
    private readonly messages: ILexerErrorMessageProvider;

    constructor(services: LangiumCoreServices) {
        this.tokenBuilder = services.parser.TokenBuilder;
        this.messages = services.parser.LexerErrorMessageProvider;
        const vocabulary = this.tokenBuilder.buildTokens(services.Grammar, { caseInsensitive: services.LanguageMetaData.caseInsensitive });
        // The three shapes a vocabulary may have, as Langium's DefaultLexer reads them.
        const { modes, defaultMode } = isIMultiModeLexerDefinition(vocabulary) ? vocabulary
            : { modes: { default: isTokenTypeArray(vocabulary) ? vocabulary : Object.values(vocabulary) }, defaultMode: 'default' };
        this.defaultMode = defaultMode;
        this.tokenTypes = {};
        for (const [name, types] of Object.entries(modes)) {
            this.modes.set(name, new LexerMode(types));
            for (const type of types) this.tokenTypes[type.name] = type;
        }
    }

    get definition(): TokenTypeDictionary {
        return this.tokenTypes;
    }

    tokenize(text: string): LexerResult {
        const tokens: IToken[] = [];
        const groups: Groups = { hidden: [] };
        const errors: ILexingError[] = [];
        const modeStack = [this.defaultMode];
        let mode = this.modes.get(this.defaultMode)!;
        const length = text.length;
        let offset = 0;
        while (offset < length) {
            const code = text.charCodeAt(offset);
            const dispatch = mode.byCode[code] ?? mode.at(code);
            let chosen: TokenKind | undefined;
            let matched = -1;
            const word = dispatch.word;
            if (word) {
                // A letter: the keywords with a character that an ID cannot have, in order;
                // else the ID there, or the keyword it is (see LexerMode.dispatch).
                for (const kind of word.others) {
                    if ((matched = kind.length(text, offset, tokens, groups)) >= 0) {
                        chosen = kind;
                        break;
                    }
                }
                if (!chosen) {
                    matched = word.id.length(text, offset, tokens, groups);
                    if (matched >= 0) {
                        chosen = word.id;
                        for (const kind of word.keywords[matched] ?? NONE) {
                            if (text.startsWith(kind.keyword!, offset)) {
                                chosen = kind;
                                break;
                            }
                        }
                    }
                }
            }
            if (!chosen) {
                const candidates = dispatch.candidates;
                for (let i = word ? dispatch.afterId : 0; i < candidates.length; i++) {
                    const kind = candidates[i];
                    if ((matched = kind.length(text, offset, tokens, groups)) < 0) continue;
                    chosen = kind;
                    for (const alt of kind.longerAlt ?? []) {
                        const altLength = alt.length(text, offset, tokens, groups);
                        if (altLength > matched) {
                            matched = altLength;
                            chosen = alt;
                            break;
                        }
                    }
                    break;
                }
            }
            if (!chosen) {
                // Chevrotain skips to the next offset where any token type of the mode matches.
                const start = offset;
                while (offset < length) {
                    offset++;
                    if (mode.kinds.some(kind => kind.length(text, offset, tokens, groups) >= 0)) break;
                }
                const message = this.messages.buildUnexpectedCharactersMessage(text, start, offset - start, undefined, undefined, modeStack[modeStack.length - 1]);
                errors.push({ offset: start, length: offset - start, line: undefined, column: undefined, message });
                continue;
            }
            const start = offset;
            offset += matched;
            if (chosen.group !== undefined) {
                const image = chosen.keyword ?? text.substring(start, offset);
                const token = { image, startOffset: start, endOffset: offset - 1, tokenTypeIdx: chosen.type.tokenTypeIdx!, tokenType: chosen.type } as IToken;
                if (chosen.group === false) tokens.push(token);
                else (groups[chosen.group] ??= []).push(token);
                if (chosen.pop && modeStack.length === 1 && chosen.push === undefined) {
                    const message = this.messages.buildUnableToPopLexerModeMessage(token);
                    errors.push({ offset: start, length: matched, line: undefined, column: undefined, message });
                    continue;
                }
            }
            if (chosen.pop || chosen.push !== undefined) {
                if (chosen.pop && modeStack.length > 1) modeStack.pop();
                if (chosen.push !== undefined) modeStack.push(chosen.push);
                mode = this.modes.get(modeStack[modeStack.length - 1])!;
            }
        }
        if (errors.length > 0) lexingErrorPositions(errors, lineStarts(text));
        // The token builder's own problems (an unclosed string or text: prog-token-builder.ts)
        // are lexer errors like the others, in text order.
        const report = this.tokenBuilder.flushLexingReport?.(text);
        if (report && report.diagnostics.length > 0) {
            errors.push(...report.diagnostics);
            errors.sort((a, b) => a.offset - b.offset);
            return { tokens, errors, hidden: groups.hidden, report: { diagnostics: [] } };
        }
        return { tokens, errors, hidden: groups.hidden, report };
    }
}

type Groups = Record<string, IToken[]>;
const NONE: readonly TokenKind[] = [];
type MatchLength = (text: string, offset: number, tokens: IToken[], groups: Groups) => number;
type CustomExec = (text: string, offset: number, tokens: IToken[], groups: Groups) => RegExpExecArray | [string] | null;

/** How one token type matches, prepared once. */
class TokenKind {
    /** false: a token of the main list; a string: of that group; undefined: skipped. */
    readonly group: string | false | undefined;
    readonly push: string | undefined;
    readonly pop: boolean;
    /** Whether a match can start with a character; undefined: with any. */
    readonly canStart: ((code: number) => boolean) | undefined;
    /** A keyword's text, which is also the image of each of its tokens. */
    readonly keyword: string | undefined;
    longerAlt: TokenKind[] | undefined;
    /** The length of the match at an offset; -1 for none. */
    readonly length: MatchLength;

    constructor(readonly type: TokenType) {
        const group = type.GROUP;
        this.group = group === ChevrotainLexer.SKIPPED ? undefined : typeof group === 'string' ? group : false;
        this.push = type.PUSH_MODE;
        this.pop = Object.hasOwn(type, 'POP_MODE');
        const pattern = type.PATTERN as unknown;
        this.canStart = firstCharacters(type);
        if (typeof pattern === 'string') {
            const keyword = this.keyword = pattern;
            const first = pattern.charCodeAt(0);
            this.canStart = code => code === first;
            this.length = (text, offset) => text.startsWith(keyword, offset) ? keyword.length : -1;
        } else if (pattern instanceof RegExp) {
            this.length = regexLength(pattern, undefined);
        } else if (typeof (pattern as { matchLength?: unknown })?.matchLength === 'function') {
            // The token builder's own patterns (prog-token-builder.ts) give their length
            // directly; they are plain functions of their arguments, called as they are. One
            // with a `fast` expression (a string) is tried as a terminal is, the pattern only
            // where the expression fails (an unclosed string).
            const custom = pattern as { matchLength: MatchLength; fast?: unknown };
            this.length = custom.fast instanceof RegExp ? regexLength(custom.fast, custom.matchLength) : custom.matchLength;
        } else if (typeof pattern === 'function' || typeof (pattern as { exec?: unknown })?.exec === 'function') {
            const exec = (typeof pattern === 'function' ? pattern : (pattern as { exec: CustomExec }).exec.bind(pattern)) as CustomExec;
            this.length = (text, offset, tokens, groups) => exec(text, offset, tokens, groups)?.[0].length ?? -1;
        } else {
            throw new Error(`prog-lexer.ts: token type ${type.name} has a pattern this lexer does not know`);
        }
    }
}

/** The length of a regular expression's match at an offset, else what `otherwise` gives (-1 without it). */
function regexLength(pattern: RegExp, otherwise: MatchLength | undefined): MatchLength {
    const sticky = new RegExp(pattern.source, pattern.flags.replace('g', '') + (pattern.sticky ? '' : 'y'));
    return (text, offset, tokens, groups) => {
        sticky.lastIndex = offset;
        if (sticky.test(text)) return sticky.lastIndex - offset;
        return otherwise ? otherwise(text, offset, tokens, groups) : -1;
    };
}

/** Which characters a token type's match can start with: its ranges, else its hint; undefined: any. */
function firstCharacters(type: TokenType): ((code: number) => boolean) | undefined {
    const ranges = (type as StartRanges).START_CHARS_RANGES;
    if (ranges) return code => ranges.some(([first, last]) => code >= first && code <= last);
    const hint = type.START_CHARS_HINT;
    if (!Array.isArray(hint)) return undefined;
    const codes = new Set(hint.map(c => typeof c === 'string' ? c.charCodeAt(0) : c));
    return code => codes.has(code);
}

/** What to try at one character: the token types in definition order, and the shortcut for words. */
interface Dispatch {
    readonly candidates: TokenKind[];
    readonly word?: WordDispatch;
    /** With `word`: where in `candidates` the token types after the ID start. */
    readonly afterId: number;
}

interface WordDispatch {
    readonly id: TokenKind;
    /** Keywords made of ID characters, whose longer alternative is the ID, by length. */
    readonly keywords: readonly (readonly TokenKind[] | undefined)[];
    /** The other keywords, in definition order. */
    readonly others: readonly TokenKind[];
}

/** The token types of one lexer mode, and what to try at each character. */
class LexerMode {
    readonly kinds: TokenKind[];
    readonly byCode: (Dispatch | undefined)[] = [];

    constructor(types: TokenType[]) {
        this.kinds = types.filter(type => type.PATTERN !== ChevrotainLexer.NA).map(type => new TokenKind(type));
        for (const kind of this.kinds) {
            const alts = kind.type.LONGER_ALT;
            if (!alts) continue;
            kind.longerAlt = (Array.isArray(alts) ? alts : [alts]).map(alt => {
                const found = this.kinds.find(k => k.type === alt);
                if (!found) throw new Error(`prog-lexer.ts: the longer alternative ${alt.name} of ${kind.type.name} is not in its mode`);
                return found;
            });
        }
    }

    at(code: number): Dispatch {
        return this.byCode[code] ??= this.dispatch(code);
    }

    /**
     * The token types that can match at a character, in definition order, and — when they
     * are keywords followed by one ID-like type — the shortcut for words. Chevrotain takes
     * the first type in order that matches, and a keyword made of ID characters gives way
     * to its longer alternative, the ID, when the ID there is longer. So at a letter where
     *  - every other keyword comes before the keywords made of ID characters that could
     *    match where it does, and
     *  - of two keywords made of ID characters where one starts the other, the longer one
     *    comes first (Langium orders keywords longest first),
     * the token is the first other keyword that matches; else the keyword that the whole
     * ID there is; else the ID. Anything else falls back to trying each type in order.
     */
    private dispatch(code: number): Dispatch {
        const candidates = this.kinds.filter(kind => kind.canStart === undefined || kind.canStart(code));
        const idAt = candidates.findIndex(kind => kind.keyword === undefined);
        const id = candidates[idAt];
        if (idAt < 0 || id.longerAlt || id.group !== false || id.push !== undefined || id.pop) return { candidates, afterId: 0 };
        const keywords = new Map<string, TokenKind>();
        const others: TokenKind[] = [];
        const idLike = (keyword: string) => id.length(keyword, 0, [], {}) === keyword.length;
        for (const kind of candidates.slice(0, idAt)) {
            const keyword = kind.keyword!;
            if (idLike(keyword)) {
                if (kind.longerAlt?.length !== 1 || kind.longerAlt[0] !== id || kind.push !== undefined || kind.pop) return { candidates, afterId: 0 };
                // A shorter keyword that starts this one must not come first.
                if ([...keywords.keys()].some(earlier => keyword.startsWith(earlier))) return { candidates, afterId: 0 };
                keywords.set(keyword, kind);
            } else {
                // No keyword made of ID characters before it may match where it matches.
                const idPart = keyword.slice(0, Math.max(0, id.length(keyword, 0, [], {})));
                if (kind.longerAlt || kind.push !== undefined || kind.pop || [...keywords.keys()].some(earlier => idPart.startsWith(earlier))) return { candidates, afterId: 0 };
                others.push(kind);
            }
        }
        const byLength: TokenKind[][] = [];
        for (const [keyword, kind] of keywords) (byLength[keyword.length] ??= []).push(kind);
        return { candidates, afterId: idAt + 1, word: { id, keywords: byLength, others } };
    }
}

/** Chevrotain's line and column (1-based) of each lexing error, which it did not track. */
function lexingErrorPositions(errors: ILexingError[], starts: readonly number[]): void {
    for (const error of errors) {
        const position = positionAt(starts, error.offset);
        (error as { line: number | undefined }).line = position.line + 1;
        (error as { column: number | undefined }).column = position.character + 1;
    }
}

/**
 * Gives a token of the text its start and end line and column (1-based, the end column
 * inclusive), as Chevrotain's full position tracking would have; tokens that have them,
 * and tokens without a place in the text (inserted by error recovery, or the end of
 * file), are left as they are.
 */
export function withPositions(token: IToken | undefined, starts: readonly number[]): void {
    if (!token || token.startLine !== undefined || !Number.isFinite(token.startOffset)) return;
    const start = positionAt(starts, token.startOffset);
    const image = token.image;
    token.startLine = start.line + 1;
    token.startColumn = start.character + 1;
    token.endLine = token.startLine;
    token.endColumn = token.startColumn + image.length - 1;
    // A token with line breaks: Chevrotain counts them (`\r\n` is one) and ends the token on
    // the line of its last character, except that a token whose only line break is its last
    // character keeps the end computed above.
    let breaks = 0;
    let lastBreakEnd = -1;
    for (let i = 0; i < image.length; i++) {
        const c = image.charCodeAt(i);
        if (c === 10 || c === 13) {
            if (c === 13 && image.charCodeAt(i + 1) === 10) i++;
            breaks++;
            lastBreakEnd = i;
        }
    }
    if (breaks === 0) return;
    const endsInBreak = lastBreakEnd === image.length - 1;
    if (breaks === 1 && endsInBreak) return;
    const fix = endsInBreak ? -1 : 0;
    token.endLine = token.startLine + breaks + fix;
    token.endColumn = image.length - lastBreakEnd - 1 - fix;
}
