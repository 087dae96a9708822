/**
 * Patch of Langium 4.4.0's `LangiumParser` (`parser/langium-parser.js`: `parse`, `assign`, the
 * `nodeBuilder` it holds and the `astReflection` it reads) and of its `CstNodeBuilder`
 * (`parser/cst-node-builder.js`: `addHiddenNodes`, `createLeafNode`). Written against
 * langium 4.4.0 and chevrotain 13.2.0 (langium-version.ts checks the version at start-up).
 *
 * The upstream changes it stands for (each is generic, not about this language):
 * - "early return in `addHiddenNodes`" — skip the container lookup for an empty token list;
 * - "precomputed property defaults" — the parser walks only the properties with a default;
 * - "container linking in a loop" — `$container` set in a plain loop after parsing;
 * - "lazy leaf positions" — leaves compute their line and column when asked;
 * - "one options object for rule calls without arguments" — in `ChevrotainWrapper.wrapSubrule`;
 * - a hook to record a `=` property assigned twice, a replaceable CST builder (lean trees)
 *   and a recovery parse per top-level element, which Langium has no public hooks for.
 */
import type { AstNode, AstReflection, LangiumCoreServices, LangiumParser, Lexer, LexerResult, ParseResult, ParserOptions, TypeMetaData } from 'langium';
import type { IRecognitionException, IToken } from 'chevrotain';
import { linkAndRemember, linkContainers } from '../model/prog-ast-walk.js';
import { lineStarts, ProgLeafNode } from '../parser/prog-cst.js';
import { withPositions } from '../parser/prog-lexer.js';
import { LeanCstBuilder } from '../parser/prog-lean-cst.js';
import { parseInPieces, recoveryGrammar, type RecoveryGrammar } from './prog-recovery-parse.js';
import type { ProgParserErrorMessageProvider } from '../parser/prog-parser-messages.js';
import { noteRepeatedAssignment } from '../parser/prog-repeated-properties.js';
import type { ProgParser } from '../parser/prog-parser.js';
import { NO_ARGUMENTS } from '../parser/prog-parser-builder.js';

/** The method of Langium 4.4's `LangiumParser` that sets a property of the AST node being built. */
interface Assigning {
    readonly current: unknown;
    assign(operator: string, feature: string, value: unknown, cstNode: unknown, crossRef: unknown): void;
}

/** The methods of Langium 4.4's `CstNodeBuilder` (one per parser) that are replaced here. */
interface NodeBuilder {
    addHiddenNodes(tokens: IToken[]): void;
    createLeafNode(token: IToken, hidden: boolean): unknown;
}

/**
 * Langium's parser, with nine changes; the trees are the same
 * (`test/language/parsing.test.ts` compares them, every property of every node and every
 * CST node, with those of Langium's own parser).
 *
 * 1. Leaves are `ProgLeafNode`s, which compute their line and column when asked
 *    (prog-cst.ts). Langium makes every leaf, hidden ones (comments) included, with the
 *    builder's `createLeafNode`.
 * 2. Before every token it consumes, Langium 4.4 hands the CST builder the hidden tokens
 *    (comments) that precede it — an empty list almost always — and the builder, when the
 *    current node is still empty, looks the node up in its container's children (`indexOf`)
 *    before it finds there is nothing to insert. For the first token of each top-level
 *    element that searches all the elements before it: quadratic in the elements of a file
 *    (25 ms of parsing a file of 10,000 elements). An empty list is now not handed over;
 *    with one or more hidden tokens the builder does what it did.
 * 3. The parser reads the reflection only to give each node it constructs the default
 *    values of its properties (empty lists, false), and walked every property of the node's
 *    type to find them; it now sees a view that lists only the properties with a default
 *    (28 ms less in parsing the claim network of the benchmark).
 * 4. It records the nodes it assigned a `=` property twice (`noteRepeatedAssignment`,
 *    parser/prog-repeated-properties.ts).
 * 5. After parsing, Langium sets every node's `$container` in a walk that makes an array
 *    of entries per node and a closure per list (70 ms of validating 1,000 files); a plain
 *    loop now does it (`linkContainers`, prog-ast-walk.ts). A parser that `remembersTrees`
 *    (one-shot loads) makes the tree's node and reference lists in the same walk.
 * 6. The lexer does not track lines and columns (prog-lexer.ts); after parsing, the tokens
 *    that parser errors point at get them, and the parser lets go of the tokens.
 * 7. A parser with `leanTrees` builds lean CST nodes (`LeanCstBuilder`, prog-lean-cst.ts)
 *    in place of Langium's CST; a text with syntax errors is parsed again in full.
 * 8. A text with parser errors is parsed again element by element, so that an error cannot
 *    spread past its element (`parseInPieces`, langium-internals/prog-recovery-parse.ts);
 *    a text without them is parsed once, as before.
 * 9. A rule call without arguments (all of them: parser/prog-parser-builder.ts) hands
 *    Chevrotain one shared options object instead of a new one per call.
 */
export function patchLangiumParser(parser: ProgParser, services: LangiumCoreServices): void {
    const builder = (parser as unknown as { nodeBuilder?: NodeBuilder }).nodeBuilder;
    const addHiddenNodes = builder?.addHiddenNodes;
    if (!builder || typeof addHiddenNodes !== 'function' || typeof builder.createLeafNode !== 'function') {
        // prog-incremental-parse.ts relies on the leaves being ProgLeafNodes: fail loudly.
        throw new Error('Langium\'s CST builder has changed (parser.nodeBuilder); langium-internals/parser-patch.ts must follow');
    }
    builder.createLeafNode = (token: IToken, hidden: boolean) => new ProgLeafNode(token.startOffset, token.image.length, token.tokenType, hidden);
    builder.addHiddenNodes = (tokens: IToken[]) => {
        if (tokens.length > 0) addHiddenNodes.call(builder, tokens);
    };
    const holder = parser as unknown as { astReflection?: AstReflection };
    const reflection = holder.astReflection;
    if (!reflection || typeof reflection.getTypeMetaData !== 'function') {
        throw new Error('Langium\'s parser has changed (astReflection); langium-internals/parser-patch.ts must follow');
    }
    holder.astReflection = defaultsOnly(reflection);
    const assigning = parser as unknown as Assigning;
    const assign = assigning.assign;
    if (typeof assign !== 'function' || !('current' in assigning)) {
        throw new Error('Langium\'s parser has changed (assign, current); langium-internals/parser-patch.ts must follow');
    }
    overrideParse(parser, services);
    reuseRuleArguments(parser);
    assigning.assign = function (this: Assigning, operator, feature, value, cstNode, crossRef) {
        if (operator === '=') {
            const node = this.current as Record<string, unknown>;
            if (node[feature] !== undefined) noteRepeatedAssignment(node);
        }
        assign.call(this, operator, feature, value, cstNode, crossRef);
    };
}

/** The method of Langium 4.4's `ChevrotainWrapper` (`parser.wrapper`) through which the parser calls a rule. */
interface SubruleWrapper {
    wrapSubrule(idx: number, rule: unknown, args: unknown): unknown;
    subrule(idx: number, rule: unknown, options: { ARGS: unknown[] }): unknown;
}

/**
 * Change 9: Langium's wrapper hands Chevrotain every rule call's arguments in a new
 * `{ ARGS: [args] }`; the rules of parser/prog-parser-builder.ts always pass the one
 * `NO_ARGUMENTS`, so one options object serves every call (Chevrotain only reads it).
 */
function reuseRuleArguments(parser: ProgParser): void {
    const wrapper = (parser as unknown as { wrapper?: SubruleWrapper }).wrapper;
    if (!wrapper || typeof wrapper.wrapSubrule !== 'function' || typeof wrapper.subrule !== 'function') {
        throw new Error('Langium\'s parser has changed (wrapper.wrapSubrule); langium-internals/parser-patch.ts must follow');
    }
    const noArguments = { ARGS: [NO_ARGUMENTS] };
    wrapper.wrapSubrule = function (this: SubruleWrapper, idx, rule, args) {
        return this.subrule(idx, rule, args === NO_ARGUMENTS ? noArguments : { ARGS: [args] });
    };
}

/** The members of Langium 4.4's `LangiumParser` that its `parse` uses. */
interface ParserInternals {
    readonly nodeBuilder: { buildRootNode(input: string): unknown; addHiddenNodes(tokens: IToken[]): void };
    readonly lexer: Lexer;
    readonly wrapper: { input: IToken[]; readonly errors: IRecognitionException[] };
    readonly mainRule: unknown;
    readonly allRules: Map<string, unknown>;
    readonly unorderedGroups: Map<string, unknown>;
    lexerResult: LexerResult | undefined;
    doParse(rule: unknown): AstNode;
}

/**
 * Langium 4.4's `parse`, step for step, except that `linkContainers` sets the containers
 * (change 5 above), that the tokens of parser errors get their lines and columns (6), and
 * that the parser lets go of the tokens when it is done; for a parser that builds
 * `leanTrees`, with the lean CST builder in place of Langium's (7); and a text with parser
 * errors is parsed again in pieces (8).
 */
function overrideParse(parser: LangiumParser, services: LangiumCoreServices): void {
    const internals = parser as unknown as ParserInternals;
    if (!internals.nodeBuilder || !internals.lexer || !internals.wrapper || !internals.allRules || typeof internals.doParse !== 'function') {
        throw new Error('Langium\'s parser has changed (parse); langium-internals/parser-patch.ts must follow');
    }
    const full = internals.nodeBuilder;
    const parseFull = <T extends AstNode>(input: string, options: ParserOptions = {}) => parseWith<T>(internals, full, input, options);
    const lean = new LeanCstBuilder(text => parseFull(text));
    const messages = services.parser.ParserErrorMessageProvider as ProgParserErrorMessageProvider;
    let grammar: RecoveryGrammar | undefined;
    const recover = <T extends AstNode>(self: ParserInternals, input: string) => {
        grammar ??= recoveryGrammar(services.Grammar, self);
        return withBuilder(self, full, () => finish<T>(self, input, parseInPieces(self, input, grammar!, messages)));
    };
    parser.parse = function <T extends AstNode = AstNode>(this: ParserInternals, input: string, options: ParserOptions = {}): ParseResult<T> {
        if (options.rule) return parseWith<T>(this, full, input, options);
        if ((this as unknown as ProgParser).leanTrees) {
            const result = parseWith<T>(this, lean, input, options);
            lean.finish(result.value);
            if (result.lexerErrors.length === 0 && result.parserErrors.length === 0) return result;
            // Syntax errors: the diagnostics and the recovered tree are those of a full parse.
            if (result.parserErrors.length > 0) return recover<T>(this, input);
            return parseWith<T>(this, full, input, options);
        }
        const result = parseWith<T>(this, full, input, options);
        return result.parserErrors.length > 0 ? recover<T>(this, input) : result;
    };
}

/** One run of the parser with a CST builder (`nodeBuilder` is the builder during the run). */
function parseWith<T extends AstNode>(parser: ParserInternals, builder: ParserInternals['nodeBuilder'], input: string, options: ParserOptions): ParseResult<T> {
    return withBuilder(parser, builder, () => parseOnce<T>(parser, input, options));
}

function withBuilder<R>(parser: ParserInternals, builder: ParserInternals['nodeBuilder'], run: () => R): R {
    const previous = parser.nodeBuilder;
    (parser as { nodeBuilder: unknown }).nodeBuilder = builder;
    try {
        return run();
    } finally {
        (parser as { nodeBuilder: unknown }).nodeBuilder = previous;
    }
}

function parseOnce<T extends AstNode>(self: ParserInternals, input: string, options: ParserOptions): ParseResult<T> {
    self.nodeBuilder.buildRootNode(input);
    const lexerResult = self.lexerResult = self.lexer.tokenize(input);
    self.wrapper.input = lexerResult.tokens;
    const ruleMethod = options.rule ? self.allRules.get(options.rule) : self.mainRule;
    if (!ruleMethod) {
        throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
    }
    const result = self.doParse(ruleMethod);
    self.nodeBuilder.addHiddenNodes(lexerResult.hidden);
    self.unorderedGroups.clear();
    self.lexerResult = undefined;
    const errors = self.wrapper.errors;
    // Chevrotain would keep the tokens until the next parse: a large file's tokens
    // (85,000 for the benchmark's claim network) would live through the whole build.
    self.wrapper.input = [];
    return finish<T>(self, input, { value: result, lexerResult, errors });
}

/** What every parse does last: containers (and the node lists), and the positions of the error tokens. */
function finish<T extends AstNode>(self: ParserInternals, input: string, parsed: { value: AstNode; lexerResult: LexerResult; errors: IRecognitionException[] }): ParseResult<T> {
    const { value: result, lexerResult, errors } = parsed;
    if ((self as unknown as ProgParser).remembersTrees) linkAndRemember(result); else linkContainers(result);
    if (errors.length > 0) {
        // The lexer tracks offsets only (prog-lexer.ts); the error tokens get their lines and columns.
        const starts = lineStarts(input);
        for (const error of errors) {
            withPositions(error.token, starts);
            withPositions((error as { previousToken?: IToken }).previousToken, starts);
        }
    }
    return {
        value: result as T,
        lexerErrors: lexerResult.errors,
        lexerReport: lexerResult.report,
        parserErrors: errors
    };
}

/** The reflection as the parser sees it: each type with only its properties that have a default value. */
function defaultsOnly(reflection: AstReflection): AstReflection {
    const types = new Map<string, TypeMetaData>();
    return Object.assign(Object.create(reflection) as AstReflection, {
        getTypeMetaData(type: string): TypeMetaData {
            let meta = types.get(type);
            if (!meta) {
                const full = reflection.getTypeMetaData(type);
                const properties = Object.fromEntries(Object.entries(full.properties).filter(([, property]) => property.defaultValue !== undefined));
                types.set(type, meta = { ...full, properties });
            }
            return meta;
        }
    });
}
