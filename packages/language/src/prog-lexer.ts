import { Lexer as ChevrotainLexer, type ILexingError, type IMultiModeLexerDefinition, type IToken, type TokenType, type TokenTypeDictionary, type TokenVocabulary } from 'chevrotain';
import type { LangiumCoreServices, Lexer, LexerResult, TokenBuilder } from 'langium';
import { lineStarts, positionAt } from './prog-cst.js';

/**
 * Langium's lexer, with tokens that keep their offsets but not their lines and columns.
 *
 * Langium 4.4's `DefaultLexer` has Chevrotain track every token's start and end line and
 * column (`positionTracking: 'full'`): nine fields per token, and a search for line breaks
 * in every token. Nothing reads them while a file without syntax errors is parsed: the CST
 * leaves compute their positions from offsets (prog-cst.ts). Here Chevrotain tracks offsets
 * only, and a token is `{ image, startOffset, endOffset, tokenTypeIdx, tokenType }`
 * (Chevrotain's offset-only token has no `endOffset`, which Langium's completion and its
 * check of a token's range read). The claim network of the benchmark parses in 7 % less
 * time (docs/performance.md).
 *
 * Lines and columns are still there wherever something reads them: every lexer error gets
 * its line and column here, and the parser gives every token a parser error points at its
 * lines and columns after parsing (`withPositions`, called from prog-parser.ts), computed
 * as Chevrotain computes them. `test/language/lexer.test.ts` compares both with Langium's
 * own lexer on texts with errors, every kind of line break and multi-line tokens.
 */
export class ProgLexer implements Lexer {
    private readonly chevrotainLexer: ChevrotainLexer;
    private readonly tokenTypes: TokenTypeDictionary;
    private readonly tokenBuilder: TokenBuilder;

    constructor(services: LangiumCoreServices) {
        this.tokenBuilder = services.parser.TokenBuilder;
        const vocabulary = this.tokenBuilder.buildTokens(services.Grammar, { caseInsensitive: services.LanguageMetaData.caseInsensitive });
        this.tokenTypes = tokenTypeDictionary(vocabulary);
        const definition: TokenType[] | IMultiModeLexerDefinition = Array.isArray(vocabulary) ? vocabulary
            : isMultiMode(vocabulary) ? vocabulary : Object.values(vocabulary);
        this.chevrotainLexer = new ChevrotainLexer(definition, {
            positionTracking: 'onlyOffset',
            skipValidations: services.LanguageMetaData.mode === 'production',
            errorMessageProvider: services.parser.LexerErrorMessageProvider
        });
        const instance = this.chevrotainLexer as unknown as { createTokenInstance?: unknown };
        if (typeof instance.createTokenInstance !== 'function') {
            throw new Error('Chevrotain\'s lexer has changed (createTokenInstance); prog-lexer.ts must follow');
        }
        // Chevrotain calls it as (image, startOffset, tokenTypeIdx, tokenType, …).
        instance.createTokenInstance = (image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType): IToken =>
            ({ image, startOffset, endOffset: startOffset + image.length - 1, tokenTypeIdx, tokenType }) as IToken;
    }

    get definition(): TokenTypeDictionary {
        return this.tokenTypes;
    }

    tokenize(text: string): LexerResult {
        const result = this.chevrotainLexer.tokenize(text);
        if (result.errors.length > 0) lexingErrorPositions(result.errors, lineStarts(text));
        return {
            tokens: result.tokens,
            errors: result.errors,
            hidden: result.groups.hidden ?? [],
            report: this.tokenBuilder.flushLexingReport?.(text)
        };
    }
}

function isMultiMode(vocabulary: TokenVocabulary): vocabulary is IMultiModeLexerDefinition {
    return !Array.isArray(vocabulary) && 'modes' in vocabulary && 'defaultMode' in vocabulary;
}

function tokenTypeDictionary(vocabulary: TokenVocabulary): TokenTypeDictionary {
    const types: TokenType[] = Array.isArray(vocabulary) ? vocabulary
        : isMultiMode(vocabulary) ? Object.values(vocabulary.modes).flat() : Object.values(vocabulary);
    const dictionary: TokenTypeDictionary = {};
    for (const type of types) dictionary[type.name] = type;
    return dictionary;
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
