import { DefaultLexerErrorMessageProvider, LangiumParserErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { ID_REGEX } from './prog-token-builder.js';

const TERMINALS: Record<string, string> = {
    ID: 'an ID',
    STRING: 'a "string"',
    NUMBER: 'a number',
    DATE: 'a date (YYYY-MM-DD, YYYY-MM or YYYY)',
    TEXT_OPEN: 'a """text"""',
    TEXT_CLOSE: 'the closing """ of the text',
    TEXT_CHUNK: 'text',
    TEXT_REF: 'an @reference',
    EOF: 'the end of the file'
};

const ELEMENT_KINDS = ['programme', 'actor', 'need', 'question', 'logic', 'portfolio', 'project', 'source', 'finding',
    'criterion', 'assessment', 'recommendation', 'lesson', 'initiative', 'report'];

function describe(token: TokenType): string {
    return TERMINALS[token.name] ?? `'${token.name}'`;
}

function found(token: IToken): string {
    if (token.tokenType?.name === 'EOF' || token.image === '') return 'the end of the file';
    const image = token.image.length > 40 ? token.image.slice(0, 37) + '…' : token.image;
    return `'${image.replace(/\r?\n/g, '⏎')}'`;
}

function isKeyword(token: IToken): boolean {
    const name = token.tokenType?.name;
    return name !== undefined && name !== 'EOF' && !(name in TERMINALS) && ID_REGEX.test(token.image);
}

function list(tokens: TokenType[]): string {
    const words = [...new Set(tokens.map(describe))];
    if (words.length <= 1) return words[0] ?? 'something else';
    const shown = words.slice(0, 10);
    const rest = words.length - shown.length;
    return 'one of ' + shown.join(', ') + (rest > 0 ? ` (and ${rest} more)` : '');
}

/**
 * One-line parser messages in the words of the language: "Expected an ID but found
 * 'impact' — 'impact' is a reserved word and cannot be an ID", instead of Chevrotain's
 * token-type names and multi-line path listings.
 */
export class ProgParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous?: IToken; ruleName?: string }): string {
        const { expected, actual } = options;
        const shaped = shapeMismatch(ruleOf(options.ruleName), expected, options.previous, actual);
        if (shaped) return shaped;
        let message = `Expected ${describe(expected)} but found ${found(actual)}`;
        if (expected.name === 'ID' && isKeyword(actual)) {
            message += ` — '${actual.image}' is a reserved word and cannot be an ID`;
        }
        return message;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
        return `Expected an element (${ELEMENT_KINDS.join(', ')}) but found ${found(options.firstRedundant)}`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous?: IToken; ruleName?: string }): string {
        if (ruleOf(options.ruleName) === 'RecommendationStatus' && isDateToken(options.previous)) {
            return `Expected the follow-up's status (proposed, accepted, rejected or implemented) but found ${found(options.actual[0])} — a follow-up reads \`follow-up DATE STATUS "response"\`, the response optional`;
        }
        const first = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(Boolean);
        return `Expected ${list(first)} but found ${found(options.actual[0])}`;
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string {
        const first = options.expectedIterationPaths.map(path => path[0]).filter(Boolean);
        return `Expected at least one ${list(first)} but found ${found(options.actual[0])}`;
    }
}

/** The grammar rule's name (Langium marks the names it gives Chevrotain with a zero-width space). */
function ruleOf(ruleName: string | undefined): string | undefined {
    return ruleName?.replace(/[^\p{L}\p{Nd}_]/gu, '');
}

/** A date in a date position (`2022-03-01`, or a bare year, which lexes as a number). */
function isDateToken(token: IToken | undefined): boolean {
    const name = token?.tokenType?.name;
    return name === 'DATE' || name === 'NUMBER';
}

/**
 * Messages that show the whole shape of a construct whose parts are easy to leave out
 * (V2): a `measured` without its value, a `not-assessed` without its reason.
 */
function shapeMismatch(ruleName: string | undefined, expected: TokenType, previous: IToken | undefined, actual: IToken): string | undefined {
    if (ruleName === 'Measurement' && expected.name === 'NUMBER') {
        return `Expected the measured value (a number) after the date but found ${found(actual)} — a measurement reads \`measured DATE NUMBER from SOURCE at "locator"\`, \`from\` and \`at\` optional`;
    }
    if (ruleName === 'Assessment' && expected.name === 'STRING' && previous?.image === 'not-assessed') {
        return `Expected the reason in quotes after \`not-assessed\` but found ${found(actual)} — write \`not-assessed "why this criterion was not assessed"\``;
    }
    return undefined;
}

/** Lexer messages that name the character: "Unexpected character '§' (U+00A7)". */
export class ProgLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substr(startOffset, length);
        const first = text.codePointAt(0) ?? 0;
        const code = 'U+' + first.toString(16).toUpperCase().padStart(4, '0');
        const shown = first < 0x20 || first === 0x7f ? code : `'${String.fromCodePoint(first)}' (${code})`;
        const hint = first === 0x22 ? ' — a "string" must end on the same line' : '';
        return length > 1
            ? `Unexpected characters starting with ${shown} (${length} characters skipped)${hint}`
            : `Unexpected character ${shown}${hint}`;
    }
}
