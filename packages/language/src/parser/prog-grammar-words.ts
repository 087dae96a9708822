import { AstUtils, GrammarAST, GrammarUtils, type Grammar } from 'langium';

/**
 * The words of the grammar that messages and error recovery need, read from prog.langium
 * once per grammar: how each top-level element starts (its head), the property words of
 * each rule, and the values of each value rule (`Confidence`: high, moderate, …).
 */
export interface GrammarWords {
    /**
     * The keyword of each top-level element and, for an element with a kind word between
     * its ID and its title (`source S1 interview "…"`), the kind words.
     */
    readonly heads: ReadonlyMap<string, readonly string[] | undefined>;
    /** The words that may start a property (or nested element) inside each rule's `{ … }`. */
    propertyWords(rule: string): readonly string[];
    /** The property words and the words of what they take (`at` and `quote` after `evidence I01`). */
    nearbyWords(rule: string): readonly string[];
    /** The values of a value rule (a data type rule of keywords); undefined for other rules. */
    values(rule: string): readonly string[] | undefined;
    /** The words that declare an element (`finding`, `outcome`, `indicator`, …): the word before an ID. */
    readonly declaring: ReadonlySet<string>;
    /** Every keyword made of letters (and `-`). */
    readonly keywords: readonly string[];
    /** The words that open a `"""` text: `text`, `summary`, … and `section` (before its title). */
    readonly textOpeners: readonly string[];
}

const cache = new WeakMap<Grammar, GrammarWords>();

export function grammarWords(grammar: Grammar): GrammarWords {
    let words = cache.get(grammar);
    if (!words) cache.set(grammar, words = readWords(grammar));
    return words;
}

const WORD = /^[\p{L}][\p{L}\p{M}\p{Nd}_-]*$/u;

function readWords(grammar: Grammar): GrammarWords {
    const rules = new Map(grammar.rules.filter(GrammarAST.isParserRule).map(rule => [rule.name, rule]));
    const heads = new Map<string, readonly string[] | undefined>();
    const declaring = new Set<string>();
    const top = rules.get('TopElement');
    for (const alternative of top && GrammarAST.isAlternatives(top.definition) ? top.definition.elements : []) {
        if (!GrammarAST.isRuleCall(alternative) || !GrammarAST.isParserRule(alternative.rule.ref)) continue;
        const definition = alternative.rule.ref.definition;
        if (!GrammarAST.isGroup(definition)) continue;
        const [first, , third] = definition.elements;
        if (!GrammarAST.isKeyword(first)) continue;
        let kinds: string[] | undefined;
        if (GrammarAST.isAssignment(third) && third.feature !== 'title' && GrammarAST.isRuleCall(third.terminal)) {
            const kindRule = third.terminal.rule.ref;
            if (GrammarAST.isParserRule(kindRule) && GrammarUtils.isDataTypeRule(kindRule)) kinds = keywordsOf(kindRule);
        }
        heads.set(first.value, kinds);
    }
    // Every rule that assigns a `name` declares: its first keyword, or the values of its first rule call (logic levels).
    for (const rule of rules.values()) {
        const definition = rule.definition;
        if (!GrammarAST.isGroup(definition)) continue;
        const named = definition.elements.some(e => GrammarAST.isAssignment(e) && e.feature === 'name');
        if (!named) continue;
        const first = definition.elements[0];
        if (GrammarAST.isKeyword(first)) declaring.add(first.value);
        else if (GrammarAST.isAssignment(first) && GrammarAST.isRuleCall(first.terminal) && GrammarAST.isParserRule(first.terminal.rule.ref)) {
            for (const word of keywordsOf(first.terminal.rule.ref)) declaring.add(word);
        }
    }
    const properties = new Map<string, readonly string[]>();
    const nearby = new Map<string, readonly string[]>();
    const values = new Map<string, readonly string[] | undefined>();
    const keywords = [...new Set(grammar.rules.filter(GrammarAST.isParserRule).flatMap(keywordsOf))];
    // A group that assigns a text: its first keyword opens it (`text """…`, `section "Title" """…`).
    const textOpeners: string[] = [];
    for (const rule of rules.values()) {
        for (const node of [rule.definition, ...AstUtils.streamAllContents(rule.definition)]) {
            if (!GrammarAST.isGroup(node)) continue;
            const first = node.elements[0];
            const assignsText = node.elements.some(e => GrammarAST.isAssignment(e) && GrammarAST.isRuleCall(e.terminal) && e.terminal.rule.ref?.name === 'TextBlock');
            if (assignsText && GrammarAST.isKeyword(first) && !textOpeners.includes(first.value)) textOpeners.push(first.value);
        }
    }
    return {
        heads,
        declaring,
        keywords,
        textOpeners,
        propertyWords(name: string): readonly string[] {
            let words = properties.get(name);
            if (!words) {
                const rule = rules.get(name);
                properties.set(name, words = rule ? bodyWords(rule, false) : []);
            }
            return words;
        },
        nearbyWords(name: string): readonly string[] {
            let words = nearby.get(name);
            if (!words) {
                const rule = rules.get(name);
                nearby.set(name, words = rule ? bodyWords(rule, true) : []);
            }
            return words;
        },
        values(name: string): readonly string[] | undefined {
            if (!values.has(name)) {
                const rule = rules.get(name);
                values.set(name, rule && GrammarUtils.isDataTypeRule(rule) && keywordsOf(rule).length > 0 && onlyKeywords(rule) ? keywordsOf(rule) : undefined);
            }
            return values.get(name);
        }
    };
}

/** The word keywords anywhere in a rule (not in the rules it calls). */
function keywordsOf(rule: GrammarAST.ParserRule): string[] {
    const words: string[] = [];
    for (const node of AstUtils.streamAllContents(rule)) {
        if (GrammarAST.isKeyword(node) && WORD.test(node.value) && !words.includes(node.value)) words.push(node.value);
    }
    return words;
}

function onlyKeywords(rule: GrammarAST.ParserRule): boolean {
    const definition = rule.definition;
    return GrammarAST.isAlternatives(definition) ? definition.elements.every(GrammarAST.isKeyword) : GrammarAST.isKeyword(definition);
}

/**
 * The words that can start an item inside a rule's block: the keywords written in the rule
 * after its head, and the first words of the elements it holds (`outcome` in a logic,
 * `measured` in an indicator, `synergy` in a project); with `nearby`, also the words of the
 * rules called after a property word (`at` and `quote` of an evidence item).
 */
function bodyWords(rule: GrammarAST.ParserRule, nearby: boolean): string[] {
    const words: string[] = [];
    const add = (word: string) => { if (WORD.test(word) && !words.includes(word)) words.push(word); };
    const all = [...AstUtils.streamAllContents(rule)];
    const open = all.findIndex(node => GrammarAST.isKeyword(node) && node.value === '{');
    if (open < 0) return words;
    for (const node of all.slice(open)) {
        if (GrammarAST.isKeyword(node)) {
            // A keyword assigned as a value (`consent='named'`) is not a property.
            if (!GrammarAST.isAssignment(node.$container)) add(node.value);
        } else if (GrammarAST.isRuleCall(node) && GrammarAST.isParserRule(node.rule.ref) && isAssignment(node.$container)
            && !GrammarUtils.isDataTypeRule(node.rule.ref)) {
            // An element or item of its own: `nodes+=LogicNode` as one of the alternatives.
            if (GrammarAST.isAlternatives(node.$container.$container)) for (const word of firstWords(node.rule.ref, new Set())) add(word);
            if (nearby) for (const word of keywordsOf(node.rule.ref)) add(word);
        }
    }
    return words;
}

function isAssignment(node: unknown): boolean {
    return GrammarAST.isAssignment(node);
}

/** The words a rule can start with. */
function firstWords(rule: GrammarAST.ParserRule, seen: Set<GrammarAST.ParserRule>): string[] {
    if (seen.has(rule)) return [];
    seen.add(rule);
    return firstOf(rule.definition, seen);
}

function firstOf(element: GrammarAST.AbstractElement, seen: Set<GrammarAST.ParserRule>): string[] {
    if (GrammarAST.isKeyword(element)) return WORD.test(element.value) ? [element.value] : [];
    if (GrammarAST.isAlternatives(element)) return element.elements.flatMap(e => firstOf(e, seen));
    if (GrammarAST.isGroup(element)) {
        const words: string[] = [];
        for (const e of element.elements) {
            words.push(...firstOf(e, seen));
            if (e.cardinality !== '?' && e.cardinality !== '*') break;
        }
        return words;
    }
    if (GrammarAST.isAssignment(element)) return firstOf(element.terminal, seen);
    if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref)) return firstWords(element.rule.ref, seen);
    return [];
}
