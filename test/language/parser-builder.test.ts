import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, type BaseParser, type GrammarAST } from 'langium';
import { createLangiumGrammarServices } from 'langium/grammar';
import { parseHelper } from 'langium/test';
import { buildParserRules } from '../../packages/language/src/parser/prog-parser-builder.js';

const grammarServices = createLangiumGrammarServices(EmptyFileSystem).grammar;
const parseGrammar = parseHelper<GrammarAST.Grammar>(grammarServices);

/** A parser that only records the rules it is given (the builder's refusals come before any parsing). */
function recordingParser(): BaseParser & { rules: string[] } {
    const rules: string[] = [];
    return { rules, rule: (rule: GrammarAST.ParserRule) => { rules.push(rule.name); return () => undefined; } } as unknown as BaseParser & { rules: string[] };
}

async function build(grammar: string): Promise<string[]> {
    const document = await parseGrammar(grammar);
    const tokens = Object.fromEntries(['a', 'b', 'ID'].map(name => [name, { name }])) as never;
    const parser = recordingParser();
    buildParserRules(document.parseResult.value, parser, tokens);
    return parser.rules;
}

describe('the parser builder (parser/prog-parser-builder.ts)', () => {
    it('builds every reachable parser rule of a grammar without parameters', async () => {
        expect(await build(`grammar G
            entry M: (items+=I)*;
            I: 'a' name=ID | 'b' name=ID;
            Unused: 'a';
            terminal ID: /[a-z]+/;`)).toEqual(['M', 'I']);
    });

    it('refuses what it cannot build without allocating per call: parameters, guards, unordered groups', async () => {
        await expect(build(`grammar G
            entry M<p>: (items+=I)*;
            I: 'a' name=ID;
            terminal ID: /[a-z]+/;`)).rejects.toThrow(/the parameters of M/);
        await expect(build(`grammar G
            entry M: (items+=I)*;
            I: ('a' name=ID) & ('b' name=ID);
            terminal ID: /[a-z]+/;`)).rejects.toThrow(/unordered group/);
    });
});
