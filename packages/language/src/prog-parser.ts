import { createLangiumParser, type LangiumCoreServices, type LangiumParser } from 'langium';
import type { IToken } from 'chevrotain';

/**
 * Langium's parser, with one change. Before every token it consumes, Langium 4.4 hands
 * the CST builder the hidden tokens (comments) that precede it — an empty list almost
 * always — and the builder, when the current node is still empty, looks the node up in its
 * container's children (`indexOf`) before it finds there is nothing to insert. For the
 * first token of each top-level element that searches all the elements before it: quadratic
 * in the elements of a file (25 ms of parsing a file of 10,000 elements). An empty list is
 * now not handed over; with one or more hidden tokens the builder does what it did.
 * `test/language/parsing.test.ts` compares the trees with those of Langium's own parser.
 */
export function createProgParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const builder = (parser as unknown as { nodeBuilder?: { addHiddenNodes?(tokens: IToken[]): void } }).nodeBuilder;
    const addHiddenNodes = builder?.addHiddenNodes;
    if (builder && typeof addHiddenNodes === 'function') {
        builder.addHiddenNodes = (tokens: IToken[]) => {
            if (tokens.length > 0) addHiddenNodes.call(builder, tokens);
        };
    }
    return parser;
}
