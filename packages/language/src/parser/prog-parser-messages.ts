import { DefaultLexerErrorMessageProvider, LangiumParserErrorMessageProvider, type Grammar } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { grammarWords, type GrammarWords } from './prog-grammar-words.js';
import { closestWord } from '../references/prog-suggest.js';
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

const WORD = /^[\p{L}][\p{L}\p{M}\p{Nd}_-]*$/u;

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

/** An ID, or a keyword made of letters: a word that may be a misspelled keyword. */
function isWord(token: IToken | undefined): token is IToken {
    const name = token?.tokenType?.name;
    return name !== undefined && name !== 'EOF' && (name === 'ID' || (!(name in TERMINALS) && WORD.test(token!.image)));
}

function isEnd(token: IToken): boolean {
    return token.tokenType?.name === 'EOF';
}

function list(tokens: TokenType[]): string {
    const words = [...new Set(tokens.map(describe))];
    if (words.length <= 1) return words[0] ?? 'something else';
    const shown = words.slice(0, 10);
    const rest = words.length - shown.length;
    return 'one of ' + shown.join(', ') + (rest > 0 ? ` (and ${rest} more)` : '');
}

/** `LogicNode` → `logic node`, `RecommendationStatus` → `recommendation status`. */
function ruleWords(rule: string): string {
    return rule.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function article(word: string): string {
    return (/^[aeiou]/i.test(word) ? 'an ' : 'a ') + word;
}

/** Langium names a rule's parser method with a zero-width space after the rule's name. */
function ruleOf(ruleName: string | undefined): string | undefined {
    return ruleName?.replace(/\u200B$/, '');
}

/** The place where the element being parsed must end: the head of the next one (prog-recovery-parse.ts). */
export interface NextElement {
    readonly image: string;
    readonly line: number;
}

/**
 * One-line parser messages in the words of the language: "Expected an ID but found
 * 'impact' — 'impact' is a reserved word and cannot be an ID", instead of Chevrotain's
 * token-type names and multi-line path listings; a misspelled property, keyword or value
 * gets the closest word of the grammar ("did you mean `confidence`?", prog-suggest.ts).
 */
export class ProgParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    // What the parser's errors left for the recovery parse, the document validator and the
    // quick fixes, per token of the parse that raised them (tokens are made per parse).

    /** What the token an error points at should be replaced with (a misspelled keyword, property or value), and the token it replaces. */
    private readonly suggestions = new WeakMap<IToken, { readonly text: string; readonly token: IToken }>();
    /** Tokens found where a string must come (`role Leader`): the recovery parse reads them as the string. */
    private readonly stringsExpected = new WeakSet<IToken>();
    /** Errors whose place is another token than the one the parser stopped at (`period 2023-2025`: the period, not what follows). */
    private readonly places = new WeakMap<IToken, IToken>();

    /** The replacement an error's token got, and the token it replaces (the error's own, or the one before it). */
    suggestionFor(token: IToken | undefined): { readonly text: string; readonly token: IToken } | undefined {
        return token ? this.suggestions.get(token) : undefined;
    }

    expectsString(token: IToken): boolean {
        return this.stringsExpected.has(token);
    }

    placeOf(token: IToken | undefined): IToken | undefined {
        return token ? this.places.get(token) : undefined;
    }

    private suggest(token: IToken, replacement: string, target: IToken = token): string {
        // Never on the end of the input: Chevrotain has one such token for every parse.
        if (!isEnd(token)) this.suggestions.set(token, { text: replacement, token: target });
        return replacement;
    }

    private readonly words: GrammarWords;
    /**
     * While the recovery parse reads one element (langium-internals/prog-recovery-parse.ts):
     * the head of the next element, where its input ends.
     */
    nextElement: NextElement | undefined;

    constructor(grammar: Grammar) {
        super();
        this.words = grammarWords(grammar);
    }

    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous?: IToken; ruleName?: string }): string {
        const { expected, actual, previous } = options;
        const rule = ruleOf(options.ruleName);
        if (isEnd(actual) && this.nextElement) {
            const at = `\`${this.nextElement.image}\` on line ${this.nextElement.line}`;
            const next = this.words.heads.has(this.nextElement.image) ? `the next element (${at})` : at;
            return expected.name === '}'
                ? `This block is never closed — add \`}\` before ${next}`
                : `Expected ${describe(expected)} before ${next}`;
        }
        const shaped = shapeMismatch(rule, expected, previous, actual);
        if (shaped) return shaped;
        if (isEnd(actual) && (expected.name === 'TEXT_CLOSE' || expected.name === 'TEXT_CHUNK') && previous?.tokenType?.name === 'TEXT_OPEN') {
            // `"""` as the last thing in the file.
            return 'The text opened here is never closed — add `"""` where it ends';
        }
        if (expected.name === '}' && rule && isWord(actual)) return this.unknownProperty(rule, actual);
        if (expected.name === '}' && rule && ['NUMBER', 'DATE', 'STRING'].includes(actual.tokenType?.name)) {
            return `Expected a property or \`}\` but found ${found(actual)} — if it continues a list, put a comma before it`;
        }
        if (expected.name === '..' && previous?.tokenType?.name === 'DATE' && /^\d{4}-\d{4}$/.test(previous.image)) {
            const [from, to] = previous.image.split('-');
            if (!isEnd(actual)) this.places.set(actual, previous);
            this.suggest(actual, `${from} .. ${to}`, previous);
            return `A period is written with \`..\`: \`${from} .. ${to}\`, not ${previous.image}`;
        }
        let message = `Expected ${describe(expected)} but found ${found(actual)}`;
        if (expected.name === 'ID' && isKeyword(actual)) {
            message += ` — '${actual.image}' is a reserved word and cannot be an ID`;
        } else if (expected.name === 'STRING' && (isWord(actual) || ['NUMBER', 'DATE'].includes((actual as IToken).tokenType?.name))) {
            this.stringsExpected.add(actual);
            message += ` — write text in quotes: "${actual.image}"`;
        }
        return message;
    }

    /** A word where a property (or the block's `}`) must come. */
    private unknownProperty(rule: string, actual: IToken): string {
        const properties = this.words.propertyWords(rule);
        const kind = ruleWords(rule);
        const suggestion = closestWord(actual.image, this.words.nearbyWords(rule));
        if (suggestion) {
            this.suggest(actual, suggestion);
            return suggestion.toLowerCase() === actual.image.toLowerCase() && suggestion !== actual.image
                ? `'${actual.image}' is not a property of ${article(kind)} — keywords are lower case: did you mean \`${suggestion}\`?`
                : `'${actual.image}' is not a property of ${article(kind)} — did you mean \`${suggestion}\`?`;
        }
        const listed = `its properties are ${properties.join(', ')}`;
        return actual.tokenType.name === 'ID'
            ? `'${actual.image}' is not a property of ${article(kind)} — if it continues a list, put a comma before it; ${listed}`
            : `'${actual.image}' is not a property of ${article(kind)}; ${listed}`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
        return this.buildUnexpectedMessage(options.firstRedundant);
    }

    /** Input where an element must start; `previous`: the type of the element before it. */
    buildUnexpectedMessage(token: IToken, previous?: string): string {
        const heads = [...this.words.heads.keys()];
        if (token.image === '}') return 'This `}` closes nothing — remove it, or look for a `{` missing before it';
        if (previous && isWord(token) && this.words.propertyWords(previous).includes(token.image)) {
            return `\`${token.image}\` stands outside the block of the ${ruleWords(previous)} before it — add \`{\` after its title (and \`}\` after its last property)`;
        }
        if (isWord(token)) {
            const suggestion = closestWord(token.image, heads);
            if (suggestion) return this.misspelledElement(token, suggestion);
        }
        return `Expected an element (${heads.join(', ')}) but found ${found(token)}`;
    }

    /** A word at the start of an element that is not an element keyword, but close to `keyword`. */
    misspelledElement(token: IToken, keyword: string): string {
        this.suggest(token, keyword);
        return keyword.toLowerCase() === token.image.toLowerCase()
            ? `'${token.image}' is not an element keyword — keywords are lower case: did you mean \`${keyword}\`?`
            : `'${token.image}' is not an element keyword — did you mean \`${keyword}\`?`;
    }

    /** The word that most likely stands for a misspelled element keyword; undefined when none is close. */
    elementKeywordFor(word: string): string | undefined {
        return closestWord(word, this.words.heads.keys());
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous?: IToken; ruleName?: string }): string {
        const first = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(Boolean);
        const actual = options.actual[0];
        const rule = ruleOf(options.ruleName);
        const values = rule ? this.words.values(rule) : undefined;
        const suggestion = values && actual && !isEnd(actual) && isWord(actual) ? closestWord(actual.image, values) : undefined;
        if (values && suggestion) {
            this.suggest(actual, suggestion);
            return `${found(actual)} is not one of the ${ruleWords(rule!)} values ${values.join(', ')} — did you mean \`${suggestion}\`?`;
        }
        if (rule === 'RecommendationStatus' && isDateToken(options.previous)) {
            return `Expected the follow-up's status (proposed, accepted, rejected or implemented) but found ${found(actual)} — a follow-up reads \`follow-up DATE STATUS "response"\`, the response optional`;
        }
        if (values && actual && !isEnd(actual)) {
            return `Expected one of the ${ruleWords(rule!)} values ${values.join(', ')} but found ${found(actual)}`;
        }
        return `Expected ${list(first)} but found ${found(actual)}`;
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string {
        const first = options.expectedIterationPaths.map(path => path[0]).filter(Boolean);
        return `Expected at least one ${list(first)} but found ${found(options.actual[0])}`;
    }
}

/** Characters people type for quotes: the language has only the straight `"`. */
const QUOTES = new Set(['«', '»', '“', '”', '„', '‟', '‘', '’', '‚', '′', '″']);

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
        const char = String.fromCodePoint(first);
        const shown = first < 0x20 || first === 0x7f ? code : `'${char}' (${code})`;
        const before = /([\p{L}][\p{L}\p{M}\p{Nd}_-]*)[ \t]*$/u.exec(fullText.substring(Math.max(0, startOffset - 40), startOffset))?.[1];
        const after = /^[ \t]*([^\s]+)/u.exec(fullText.substring(startOffset + length, startOffset + length + 60))?.[1];
        const hint = QUOTES.has(char) ? ' — write strings in straight quotes: "…"'
            : (char === ':' || char === '=') && before ? ` — write a property without \`${char}\`: \`${before} ${after ?? '…'}\``
            : char === ':' || char === '=' ? ` — write a property without \`${char}\``
            : char === ';' ? ' — no `;` is needed between properties'
            : char === '-' && before && after && /^[\p{L}]/u.test(after) && fullText[startOffset + 1] !== '>' && /\s/.test(fullText[startOffset + 1] ?? '') ? ` — a chain is written \`${before} -> ${after}\``
            : '';
        return length > 1
            ? `Unexpected characters starting with ${shown} (${length} characters skipped)${hint}`
            : `Unexpected character ${shown}${hint}`;
    }
}
