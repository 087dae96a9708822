/**
 * Patch of Langium 4.4.0's `LangiumParser` (`parser/langium-parser.js`) and Chevrotain
 * 13.2.0's recognizer for texts with parser errors: the text is parsed again element by
 * element, driving `nodeBuilder`, `lexerResult`, `wrapper` and `doParse` directly. Written
 * against langium 4.4.0 (langium-version.ts checks the version at start-up).
 *
 * Upstream change it stands for: "error recovery bounded by a resynchronisation rule" — a
 * grammar-level way to say that an error cannot spread past the top-level element it is in
 * (Chevrotain's re-sync recovers within a rule, not at the next `TopElement`).
 */
import { MismatchedTokenException, NotAllInputParsedException, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import { AstUtils, GrammarAST, type AstNode, type Grammar, type Lexer, type LexerResult } from 'langium';
import { lineStarts, positionAt } from '../parser/prog-cst.js';
import { grammarWords } from '../parser/prog-grammar-words.js';
import { rememberUnreadNames } from '../parser/prog-syntax-damage.js';
import type { ProgParserErrorMessageProvider } from '../parser/prog-parser-messages.js';

/**
 * The members of Langium 4.4's `LangiumParser`, of its `CstNodeBuilder` and of Chevrotain's
 * parser that the recovery parse drives. (Langium internals live in this folder only.)
 */
interface RecoveryInternals {
    readonly nodeBuilder: {
        buildRootNode(input: string): { content: unknown[] };
        buildCompositeNode(feature: unknown): unknown;
        addHiddenNodes(tokens: IToken[]): void;
        removeNode(node: unknown): void;
        nodeStack: unknown[];
    };
    readonly lexer: Lexer;
    readonly wrapper: { input: IToken[]; readonly errors: IRecognitionException[] };
    readonly mainRule: unknown;
    readonly allRules: Map<string, unknown>;
    readonly unorderedGroups: Map<string, unknown>;
    lexerResult: LexerResult | undefined;
    doParse(rule: unknown): AstNode;
}

/** What the recovery parse needs from the grammar, found once per parser. */
export interface RecoveryGrammar {
    /** The element keywords (`finding`, `source`, …), with the kind words of an element that has them. */
    readonly heads: ReadonlyMap<string, readonly string[] | undefined>;
    /** The words that declare an element (`finding`, `outcome`, …): an ID after one is a declaration. */
    readonly declaring: ReadonlySet<string>;
    /** The rule call of `elements+=TopElement` in the entry rule: the grammar source of each element's CST node. */
    readonly elementsCall: GrammarAST.RuleCall;
    readonly topElement: unknown;
}

export function recoveryGrammar(grammar: Grammar, parser: unknown): RecoveryGrammar {
    const self = parser as RecoveryInternals;
    const entry = grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.entry);
    const elementsCall = entry && AstUtils.streamAllContents(entry)
        .find((node): node is GrammarAST.RuleCall => GrammarAST.isRuleCall(node) && node.rule.ref?.name === 'TopElement');
    const topElement = self.allRules?.get('TopElement');
    if (!elementsCall || !topElement || !self.nodeBuilder || !Array.isArray(self.nodeBuilder.nodeStack) || typeof self.doParse !== 'function') {
        throw new Error('Langium\'s parser or the grammar has changed (TopElement, nodeBuilder.nodeStack, doParse); prog-recovery-parse.ts must follow');
    }
    const words = grammarWords(grammar);
    return { heads: words.heads, declaring: words.declaring, elementsCall, topElement };
}

export interface RecoveryResult {
    readonly value: AstNode;
    readonly lexerResult: LexerResult;
    readonly errors: IRecognitionException[];
}

/**
 * Parses a text that has syntax errors so that an error cannot spread past the element it
 * is in (docs/architecture.md, "Error recovery"; LANGUAGE.md "Syntax errors").
 *
 * The text is cut at every *element head at the start of a line*: an element keyword that
 * starts its line, followed on the same line by an ID-like word and the title string (for
 * a source, ID, kind word and title: `source S1 interview "…`); a `project` (which may
 * stand inside a portfolio) only in the first column. No element's block can hold such a
 * line, so a cut never splits a valid element. A word there that is not a keyword but
 * close to one (`fnding`, `Finding`) is read as that keyword, and reported. Each piece is
 * parsed element by element with the `TopElement` rule, each element on its own tokens
 * (up to the next element keyword outside its braces), so Chevrotain's own recovery inside
 * an element can only skip to its end (never into the next element, and never to a
 * keyword such as `actor` inside the element's block). Input that starts no element is
 * skipped up to the next element head that starts a line, with one error.
 *
 * The elements land in one tree, as a whole-text parse puts them: each element's CST node
 * is a child of the root with the entry rule's `elements+=TopElement` call as its grammar
 * source. Only texts with parser errors are parsed this way (parser-patch.ts), so it costs
 * nothing on a text without errors.
 */
export function parseInPieces(parser: unknown, input: string, grammar: RecoveryGrammar, messages: ProgParserErrorMessageProvider): RecoveryResult {
    const self = parser as RecoveryInternals;
    const lexerResult = self.lexer.tokenize(input);
    const tokens = lexerResult.tokens;
    const builder = self.nodeBuilder;
    const errors: IRecognitionException[] = [];
    let starts: readonly number[] | undefined;
    const lineOf = (offset: number) => positionAt(starts ??= lineStarts(input), offset).line + 1;

    builder.buildRootNode(input);
    const root = builder.nodeStack[0];
    // The entry rule on no input: the model node, on the root CST node, with its defaults.
    self.wrapper.input = [];
    const model = self.doParse(self.mainRule) as AstNode & { elements: AstNode[] };
    const elements: AstNode[] = [];

    const misspelledHeads = new Set<number>();
    const heads = headsOf(tokens, input, grammar, self.lexer.definition as Record<string, TokenType>, word => messages.elementKeywordFor(word), (index, keyword) => {
        errors.push(new MismatchedTokenException(messages.misspelledElement(tokens[index], keyword), tokens[index], undefined as unknown as IToken));
        misspelledHeads.add(index);
    });
    const unread = { declared: new Set<string>(), mentioned: new Set<string>() };
    const isElementStart = (token: IToken) => grammar.heads.has(token.tokenType.name);
    // Where skipped input ends: an element head that starts a line, indented or not.
    const restartsAt = (index: number) => isElementStart(tokens[index]) && onlyBlanksBefore(input, tokens[index].startOffset)
        && headFollows(tokens, index, input, grammar.heads.get(tokens[index].tokenType.name) !== undefined);

    const types = self.lexer.definition as Record<string, TokenType>;
    // Comments: each element's parse takes those inside it (Langium puts them before the
    // token they precede); those before and after it go to the root, in text order.
    const hidden = lexerResult.hidden;
    let nextHidden = 0;
    const hiddenBefore = (offset: number) => {
        const from = nextHidden;
        while (nextHidden < hidden.length && hidden[nextHidden].startOffset < offset) nextHidden++;
        return hidden.slice(from, nextHidden);
    };
    const toRoot = (comments: IToken[]) => {
        if (comments.length === 0) return;
        builder.nodeStack = [root];
        builder.addHiddenNodes(comments);
    };

    /**
     * Parses the element whose tokens are `[at, bound)`. When its first error is one that a
     * small repair of the tokens undoes (see `repairTokens`), the element is parsed again
     * with the repair, so that what follows the mistake is still read: the tree is the
     * repaired parse's, the errors (what is reported) the first parse's.
     */
    const parseElement = (at: number, bound: number) => {
        toRoot(hiddenBefore(tokens[at].startOffset));
        const firstInside = nextHidden;
        const inside = hiddenBefore(bound < tokens.length ? tokens[bound].startOffset : Infinity);
        let slice = tokens.slice(at, bound);
        let reported: IRecognitionException[] | undefined;
        const repaired = new Set<number>();
        for (;;) {
            builder.nodeStack = [root];
            const composite = builder.buildCompositeNode(grammar.elementsCall);
            const comments = inside.slice();
            self.lexerResult = { ...lexerResult, hidden: comments };
            self.wrapper.input = slice;
            const element = self.doParse(grammar.topElement);
            const found = self.wrapper.errors;
            reported ??= found.filter(error => error.name !== 'NotAllInputParsedException');
            const next = repaired.size < MAX_REPAIRS ? repairTokens(slice, found, input, types, repaired, messages) : undefined;
            if (!next) {
                // Input after the element is left to the caller, with its comments; the
                // comments after the element's last token and before that go to the root.
                const rest = found.find(error => error.name === 'NotAllInputParsedException');
                let end = bound;
                if (rest) {
                    const index = tokens.indexOf(rest.token, at);
                    if (index > at) end = index;
                }
                const cutoff = end < tokens.length ? tokens[end].startOffset : Infinity;
                toRoot(comments.filter(comment => comment.startOffset < cutoff));
                nextHidden = firstInside + inside.filter(comment => comment.startOffset < cutoff).length;
                return { element, errors: reported, end };
            }
            // Undo the parse (its node) and parse the repaired tokens.
            builder.removeNode(composite);
            slice = next;
        }
    };

    try {
        for (let piece = 0; piece <= heads.length; piece++) {
            const from = piece === 0 ? 0 : heads[piece - 1];
            const to = piece < heads.length ? heads[piece] : tokens.length;
            const errorsBefore = errors.length;
            let at = from;
            while (at < to) {
                if (isElementStart(tokens[at])) {
                    // The element's input ends where another element may start: the next
                    // element keyword outside its block (so that many elements on one line
                    // do not make each parse copy the rest of the piece).
                    let bound = at + 1;
                    for (let depth = 0; bound < to; bound++) {
                        const image = tokens[bound].image;
                        if (image === '{') depth++;
                        else if (image === '}' && --depth < 0) break;
                        else if (depth === 0 && isElementStart(tokens[bound])) break;
                    }
                    messages.nextElement = bound < tokens.length ? { image: tokens[bound].image, line: lineOf(tokens[bound].startOffset) } : undefined;
                    const parsed = parseElement(at, bound);
                    elements.push(parsed.element);
                    errors.push(...parsed.errors);
                    at = parsed.end;
                } else {
                    let next = at + 1;
                    while (next < to && !restartsAt(next)) next++;
                    errors.push(new NotAllInputParsedException(messages.buildUnexpectedMessage(tokens[at], elements[elements.length - 1]?.$type), tokens[at]));
                    at = next;
                }
            }
            if (errors.length > errorsBefore || misspelledHeads.has(from)) collectNames(input, tokens, from, to, grammar.declaring, unread);
        }
    } finally {
        messages.nextElement = undefined;
    }
    toRoot(hiddenBefore(Infinity));
    builder.nodeStack = [root];
    model.elements = elements;
    rememberUnreadNames(model, unread);
    self.wrapper.input = [];
    self.unorderedGroups.clear();
    self.lexerResult = undefined;
    return { value: model, lexerResult, errors };
}

/**
 * The IDs written in a piece that had errors: every word (`mentioned`), and the IDs after a
 * declaring word or after a word that starts a line (`declared`): what the part of the piece
 * the parser could not read may declare or cite (prog-syntax-damage.ts).
 */
function collectNames(input: string, tokens: readonly IToken[], from: number, to: number, declaring: ReadonlySet<string>, names: { declared: Set<string>; mentioned: Set<string> }): void {
    for (let k = from; k < to; k++) {
        const token = tokens[k];
        const type = token.tokenType.name;
        if (type === 'TEXT_REF') {
            names.mentioned.add(token.image.substring(1).normalize('NFC'));
        } else if (type === 'TEXT_CHUNK') {
            // A text that swallowed elements (its `"""` was never closed) holds their words.
            let before: string | undefined;
            for (const match of token.image.matchAll(/[\p{L}][\p{L}\p{M}\p{Nd}_]*/gu)) {
                const word = match[0].normalize('NFC');
                names.mentioned.add(word);
                if (before !== undefined && declaring.has(before)) names.declared.add(word);
                before = word;
            }
        } else if (type === 'ID' || /^[\p{L}]/u.test(token.image)) {
            const word = token.image.normalize('NFC');
            names.mentioned.add(word);
            const before = tokens[k - 1];
            if (type === 'ID' && k > from && before && (declaring.has(before.tokenType.name) || (before.tokenType.name === 'ID' && onlyBlanksBefore(input, before.startOffset)))) {
                names.declared.add(word);
            }
        }
    }
}

/** How many repairs one element's tokens get at most. */
const MAX_REPAIRS = 8;

/**
 * The element's tokens with its first error undone, when that error is one of these (the
 * message provider recorded which, prog-parser-messages.ts); undefined otherwise:
 * - a misspelled property or value with one suggested keyword (`confidance` → `confidence`):
 *   the token becomes that keyword;
 * - text without quotes where a string must come (`assessment V Relevans og effekt {`):
 *   the words up to `{`, `}` or the end of the line become one string.
 */
function repairTokens(input: readonly IToken[], errors: readonly IRecognitionException[], text: string, types: Record<string, TokenType>, repaired: Set<number>, messages: ProgParserErrorMessageProvider): IToken[] | undefined {
    const error = errors.find(e => e.name !== 'NotAllInputParsedException');
    const token = error?.token;
    if (!token || !Number.isFinite(token.startOffset) || repaired.has(token.startOffset)) return undefined;
    const index = input.indexOf(token);
    if (index < 0) return undefined;
    const suggestion = messages.suggestionFor(token);
    if (suggestion && suggestion.token === token) {
        const type = types[suggestion.text];
        if (!type || type.tokenTypeIdx === token.tokenTypeIdx) return undefined;
        repaired.add(token.startOffset);
        const next = input.slice();
        next[index] = { ...token, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! };
        return next;
    }
    if (messages.expectsString(token) && types.STRING) {
        let end = index + 1;
        // Up to `{`, `}`, the end of the line or a comment (which must stay a comment).
        while (end < input.length && input[end].image !== '{' && input[end].image !== '}'
            && /^[ \t]*$/.test(text.substring(input[end - 1].startOffset + input[end - 1].image.length, input[end].startOffset))) end++;
        const last = input[end - 1];
        const image = text.substring(token.startOffset, last.startOffset + last.image.length);
        repaired.add(token.startOffset);
        const next = input.slice();
        next.splice(index, end - index, { ...token, image, endOffset: token.startOffset + image.length - 1, tokenType: types.STRING, tokenTypeIdx: types.STRING.tokenTypeIdx! });
        return next;
    }
    return undefined;
}

/** The one element keyword whose elements may also stand inside another element's block. */
const NESTED = 'project';

function isLineBreak(code: number): boolean {
    return code === 10 || code === 13;
}

function onlyBlanksBefore(text: string, offset: number): boolean {
    for (let i = offset - 1; i >= 0; i--) {
        const c = text.charCodeAt(i);
        if (isLineBreak(c)) return true;
        if (c !== 32 && c !== 9) return false;
    }
    return true;
}

/**
 * The indexes of the tokens that start an element head at the start of a line (see
 * `parseInPieces`); a misspelled keyword there is given the keyword's token type and
 * reported through `misspelled`.
 */
function headsOf(tokens: IToken[], input: string, grammar: RecoveryGrammar, types: Record<string, TokenType>,
    keywordFor: (word: string) => string | undefined, misspelled: (index: number, keyword: string) => void): number[] {
    const heads: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        if (!onlyBlanksBefore(input, token.startOffset)) continue;
        const name = token.tokenType.name;
        let keyword: string | undefined;
        if (grammar.heads.has(name) && token.image === name) keyword = name;
        else if (name === 'ID') keyword = keywordFor(token.image);
        if (keyword === undefined || !headFollows(tokens, i, input, grammar.heads.get(keyword) !== undefined)) continue;
        // A project may be nested in a portfolio: only one in the first column starts a piece.
        if (keyword === NESTED && token.startOffset !== 0 && !isLineBreak(input.charCodeAt(token.startOffset - 1))) continue;
        if (keyword !== name) {
            const type = types[keyword];
            if (!type) continue;
            misspelled(i, keyword);
            tokens[i] = { ...token, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! };
        }
        heads.push(i);
    }
    return heads;
}

/** After the keyword at `i`: an ID-like word, (a kind word,) and a string, on the same line. */
function headFollows(tokens: readonly IToken[], i: number, input: string, withKind: boolean): boolean {
    const id = tokens[i + 1];
    if (!id || !/^[\p{L}\p{Nd}_]/u.test(id.image)) return false;
    const last = withKind ? 3 : 2;
    for (let k = i + 2; k <= i + last + 1 && k < tokens.length; k++) {
        const token = tokens[k];
        if (/[\r\n]/.test(input.substring(tokens[i].startOffset, token.startOffset))) return false;
        if (token.tokenType.name === 'STRING') return k >= i + 2;
        if (token.image === '{' || token.image === '}') return false;
    }
    return false;
}
