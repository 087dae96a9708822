import { LangiumParser, type LangiumCoreServices } from 'langium';
import { patchLangiumParser } from '../langium-internals/parser-patch.js';
import { buildParserRules } from './prog-parser-builder.js';
import { buildProfileOf } from '../workspace/prog-build-profile.js';

/** The language's parser. */
export interface ProgParser extends LangiumParser {
    /**
     * Whether the parser remembers the node and reference lists of every tree it makes
     * (`nodesOf`, `referencesOf`), made in the walk that sets the containers. A program
     * that builds every document it parses asks for them anyway (`loadWorkspace`'s
     * `oneShot`); an editor does not build every tree it parses (a re-parsed element).
     */
    readonly remembersTrees: boolean;
    /**
     * Whether the parser builds lean trees (prog-lean-cst.ts) instead of full CSTs, for a
     * program that reads little of the CST (`loadWorkspace`'s `leanTrees`). A text with
     * syntax errors still gets a full tree.
     */
    readonly leanTrees: boolean;
}

/**
 * Langium's parser, its rules built by prog-parser-builder.ts (which allocates nothing while
 * parsing), with the changes of langium-internals/parser-patch.ts (which lists them); the
 * trees are the same (`test/language/parsing.test.ts` compares them, every property of
 * every node and every CST node, with those of Langium's own parser).
 */
export function createProgParser(services: LangiumCoreServices): ProgParser {
    // What Langium's createLangiumParser does, with this language's rule builder.
    const langiumParser = new LangiumParser(services);
    buildParserRules(services.Grammar, langiumParser, services.parser.Lexer.definition);
    langiumParser.finalize();
    const profile = buildProfileOf(services.shared);
    const parser: ProgParser = Object.assign(langiumParser, { remembersTrees: profile.oneShot, leanTrees: profile.leanTrees });
    patchLangiumParser(parser, services);
    return parser;
}
