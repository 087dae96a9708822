import { EOF, type TokenType, type TokenTypeDictionary } from 'chevrotain';
import { GrammarAST, GrammarUtils, type BaseParser } from 'langium';

/**
 * The rules of the language's parser, built from the grammar through the parser's public
 * DSL (`rule`, `consume`, `subrule`, `action`, `alternatives`, `many`, `atLeastOne`,
 * `optional`), as Langium's `createParser` builds them, but without allocating anything
 * while a text is parsed.
 *
 * Langium's builder threads rule arguments (`Rule<param>`) and guards (`<param>` before a
 * group) through every rule call: each call of an alternative makes a new array of new
 * `{ ALT }` objects and closures, each loop a new `{ DEF }`, each rule call a new argument
 * object. On the 1,000 files of the benchmark that is 345 MB of the 877 MB the validation
 * allocates (40 %, measured with V8's sampling heap profiler; docs/performance.md). This
 * grammar has no parameters, guards, unordered groups or infix rules, so every one of those
 * objects can be made once, here. A grammar that uses any of them is refused at start-up
 * (the parser would need Langium's builder back): the upstream change this stands for is
 * "build the alternatives and loop options once when a rule has no parameters".
 *
 * The occurrence indices (`consume`, `subrule`, `many`, `optional`, `or` per rule) are
 * numbered exactly as Langium numbers them, and each element is built in the same order,
 * so Chevrotain sees the same grammar (`test/language/parsing.test.ts` compares the trees
 * with those of Langium's own parser, node by node).
 */
export function buildParserRules(grammar: GrammarAST.Grammar, parser: BaseParser, tokens: TokenTypeDictionary): void {
    const reachable = GrammarUtils.getAllReachableRules(grammar, false);
    for (const rule of grammar.rules) {
        if (!reachable.has(rule)) continue;
        if (GrammarAST.isInfixRule(rule)) unsupported(`the infix rule ${rule.name}`);
        if (!GrammarAST.isParserRule(rule)) continue;
        if (rule.parameters.length > 0) unsupported(`the parameters of ${rule.name}`);
        const ctx: BuildContext = { parser, tokens, consume: 1, optional: 1, subrule: 1, many: 1, or: 1 };
        parser.rule(rule, buildElement(ctx, rule.definition));
    }
}

type Method = () => void;

interface BuildContext {
    readonly parser: BaseParser;
    readonly tokens: TokenTypeDictionary;
    consume: number;
    optional: number;
    subrule: number;
    many: number;
    or: number;
}

/** The one argument object every rule is called with: the grammar has no parameters to put in it. */
export const NO_ARGUMENTS = Object.freeze({});

function unsupported(what: string): never {
    throw new Error(`The grammar uses ${what}; parser/prog-parser-builder.ts builds rules without parameters, guards, unordered groups or infix rules (use Langium's createParser for those)`);
}

function buildElement(ctx: BuildContext, element: GrammarAST.AbstractElement): Method {
    let method: Method;
    if (GrammarAST.isKeyword(element)) method = buildKeyword(ctx, element);
    else if (GrammarAST.isAction(element)) method = buildAction(ctx, element);
    else if (GrammarAST.isAssignment(element)) method = buildElement(ctx, element.terminal);
    else if (GrammarAST.isCrossReference(element)) method = buildCrossReference(ctx, element);
    else if (GrammarAST.isRuleCall(element)) method = buildRuleCall(ctx, element);
    else if (GrammarAST.isAlternatives(element)) method = buildAlternatives(ctx, element);
    else if (GrammarAST.isUnorderedGroup(element)) unsupported('an unordered group (&)');
    else if (GrammarAST.isGroup(element)) method = buildGroup(ctx, element);
    else if (GrammarAST.isEndOfFile(element)) {
        const idx = ctx.consume++;
        method = () => ctx.parser.consume(idx, EOF, element);
    } else {
        throw new Error(`Unexpected element type: ${element.$type}`);
    }
    if (GrammarAST.isGroup(element) && element.guardCondition) unsupported('a guard condition');
    return withCardinality(ctx, method, element.cardinality);
}

function buildAction(ctx: BuildContext, action: GrammarAST.Action): Method {
    const type = GrammarUtils.getTypeName(action);
    return () => ctx.parser.action(type, action);
}

function buildRuleCall(ctx: BuildContext, ruleCall: GrammarAST.RuleCall): Method {
    const rule = ruleCall.rule.ref;
    if (GrammarAST.isAbstractParserRule(rule)) {
        if (ruleCall.arguments.length > 0) unsupported(`arguments in a call of ${rule.name}`);
        const idx = ctx.subrule++;
        const fragment = GrammarAST.isParserRule(rule) && rule.fragment;
        return subruleCall(ctx, idx, rule, fragment, ruleCall);
    }
    if (GrammarAST.isTerminalRule(rule)) {
        const idx = ctx.consume++;
        const token = tokenOf(ctx, rule.name);
        return () => ctx.parser.consume(idx, token, ruleCall);
    }
    throw new Error(`Undefined rule: ${ruleCall.rule.$refText}`);
}

/** A call of a parser rule, looked up when first made (the rule may be defined after the caller). */
function subruleCall(ctx: BuildContext, idx: number, rule: GrammarAST.AbstractParserRule, fragment: boolean, feature: GrammarAST.AbstractElement): Method {
    let subrule: ReturnType<BaseParser['getRule']>;
    return () => {
        subrule ??= ctx.parser.getRule(rule.name);
        if (!subrule) throw new Error(`Rule "${rule.name}" not found.`);
        ctx.parser.subrule(idx, subrule, fragment, feature, NO_ARGUMENTS);
    };
}

function buildAlternatives(ctx: BuildContext, alternatives: GrammarAST.Alternatives): Method {
    if (alternatives.elements.length === 1) return buildElement(ctx, alternatives.elements[0]);
    const choices = alternatives.elements.map(element => ({ ALT: buildElement(ctx, element) }));
    const idx = ctx.or++;
    return () => ctx.parser.alternatives(idx, choices);
}

function buildGroup(ctx: BuildContext, group: GrammarAST.Group): Method {
    const methods = group.elements.map(element => buildElement(ctx, element));
    return () => {
        for (let i = 0; i < methods.length; i++) methods[i]();
    };
}

function buildCrossReference(ctx: BuildContext, crossRef: GrammarAST.CrossReference, terminal = crossRef.terminal): Method {
    if (!terminal) {
        const type = crossRef.type.ref;
        if (!type) throw new Error(`Could not resolve reference to type: ${crossRef.type.$refText}`);
        const assignment = GrammarUtils.findNameAssignment(type);
        if (!assignment?.terminal) throw new Error(`Could not find name assignment for type: ${GrammarUtils.getTypeName(type)}`);
        return buildCrossReference(ctx, crossRef, assignment.terminal);
    }
    if (GrammarAST.isRuleCall(terminal) && GrammarAST.isParserRule(terminal.rule.ref)) {
        return subruleCall(ctx, ctx.subrule++, terminal.rule.ref, false, crossRef);
    }
    if (GrammarAST.isRuleCall(terminal) && GrammarAST.isTerminalRule(terminal.rule.ref)) {
        const idx = ctx.consume++;
        const token = tokenOf(ctx, terminal.rule.ref.name);
        return () => ctx.parser.consume(idx, token, crossRef);
    }
    if (GrammarAST.isKeyword(terminal)) {
        const idx = ctx.consume++;
        const token = tokenOf(ctx, terminal.value);
        return () => ctx.parser.consume(idx, token, crossRef);
    }
    throw new Error('Could not build cross reference parser');
}

function buildKeyword(ctx: BuildContext, keyword: GrammarAST.Keyword): Method {
    const idx = ctx.consume++;
    const token = ctx.tokens[keyword.value];
    if (!token) throw new Error(`Could not find token for keyword: ${keyword.value}`);
    return () => ctx.parser.consume(idx, token, keyword);
}

/** `*`, `+` and `?`: the loop or option, with its options object made once. */
function withCardinality(ctx: BuildContext, method: Method, cardinality: '*' | '+' | '?' | undefined): Method {
    if (cardinality === undefined) return method;
    const options = { DEF: method };
    if (cardinality === '*') {
        const idx = ctx.many++;
        return () => ctx.parser.many(idx, options);
    }
    if (cardinality === '+') {
        const idx = ctx.many++;
        return () => ctx.parser.atLeastOne(idx, options);
    }
    const idx = ctx.optional++;
    return () => ctx.parser.optional(idx, options);
}

function tokenOf(ctx: BuildContext, name: string): TokenType {
    const token = ctx.tokens[name];
    if (!token) throw new Error(`Token "${name}" not found."`);
    return token;
}
