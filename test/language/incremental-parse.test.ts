import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AstUtils, EmptyFileSystem, isReference, type AstNode, type CstNode, type ParseResult } from 'langium';
import { changedSpan, createProgCoreServices, nodesOf, parseIncrementally, referencesOf, type Model } from '@sporbar/language';
import { prng } from '../seeded.mjs';

/**
 * Re-parsing only the edited element (prog-incremental-parse.ts) must give the tree a
 * whole-document parse gives: the same AST, the same CST leaves at the same offsets and
 * positions, the same links between them. Random edits, chained, on the example files.
 */
const services = createProgCoreServices(EmptyFileSystem).Prog;
const parser = services.parser.LangiumParser;
const examples = path.resolve(__dirname, '../../examples/pri');

/** The AST as plain data: types, values, reference texts, container links. */
function ast(node: AstNode): unknown {
    const out: Record<string, unknown> = { $type: node.$type, $containerProperty: node.$containerProperty, $containerIndex: node.$containerIndex, $containerType: node.$container?.$type };
    const cst = node.$cstNode;
    out.$cst = cst ? [cst.offset, cst.end, cst.range, cst.astNode === node] : undefined;
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        out[key] = Array.isArray(value) ? value.map(v => item(v, node)) : item(value, node);
    }
    return out;
}

function item(value: unknown, container: AstNode): unknown {
    if (isReference(value)) return { ref: value.$refText, at: value.$refNode ? [value.$refNode.offset, value.$refNode.range] : undefined };
    if (value && typeof value === 'object' && '$type' in value) {
        expect((value as AstNode).$container).toBe(container);
        return ast(value as AstNode);
    }
    return value;
}

/** Every CST node in order, with what a consumer reads from it. */
function cst(node: CstNode, out: unknown[] = []): unknown[] {
    const content = (node as { content?: CstNode[] }).content;
    out.push([content ? 'composite' : 'leaf', node.offset, node.end, node.range, node.hidden, node.text, node.grammarSource?.$type, node.astNode.$type]);
    if (content) for (const child of content) {
        expect(child.container).toBe(node);
        cst(child, out);
    }
    return out;
}

/** The node and reference lists of a tree (prog-ast-walk.ts), as plain data. */
function lists(root: AstNode): unknown {
    return {
        nodes: nodesOf(root).map(node => [node.$type, node.$cstNode?.offset, node.$container?.$type]),
        references: referencesOf(root).map(info => [info.reference.$refText, info.container.$type, info.container.$cstNode?.offset, info.property, info.index])
    };
}

/** A random edit inside the text: typing, deleting, replacing a word, pasting a line. */
function edit(text: string, random: () => number): string {
    const at = Math.floor(random() * text.length);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    switch (Math.floor(random() * 7)) {
        case 0: return text.slice(0, at) + pick(['a', 'Ø', ' ', '\n', '"', '{', '}', '@', '1', 'x_2']) + text.slice(at);
        case 1: return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
        case 2: return text.slice(0, at) + text.slice(at).replace(/[\p{L}\d_]+/u, pick(['confidence', 'high', 'S1', 'withdrawn', 'F9', 'p. 4']));
        case 3: {
            const lines = text.split('\n');
            const i = Math.floor(random() * lines.length);
            lines.splice(i, 0, lines[Math.floor(random() * lines.length)]);
            return lines.join('\n');
        }
        case 4: return text.slice(0, at) + pick([' // note\n', '\r\n', ' /* c */ ', '"""tekst @S1 og\nmer"""']) + text.slice(at);
        case 5: return text.slice(0, at) + text.slice(at).replace(/"[^"\n]*"/, '"ny tittel\u00e6"');
        default: return text.slice(0, at) + text.slice(at).replace(/\n/, '\n\n    ');
    }
}

describe('incremental parsing', () => {
    it('gives the tree of a whole-document parse after 900 random edits', () => {
        const random = prng(20261129);
        let incremental = 0;
        let total = 0;
        for (const file of fs.readdirSync(examples).filter(f => f.endsWith('.prog'))) {
            let text = fs.readFileSync(path.join(examples, file), 'utf8');
            let previous = parser.parse<Model>(text) as ParseResult<Model>;
            for (let i = 0; i < 60; i++) {
                const next = edit(text, random);
                if (next === text) continue;
                total++;
                const whole = parser.parse<Model>(next) as ParseResult<Model>;
                // Half of the time the former tree's lists exist and are carried over.
                if (random() < 0.5) referencesOf(previous.value);
                const result = parseIncrementally(parser, previous, text, next)?.result;
                if (result) {
                    incremental++;
                    expect(whole.lexerErrors).toEqual([]);
                    expect(whole.parserErrors).toEqual([]);
                    expect(result.value.$cstNode!.root.fullText).toBe(next);
                    expect(ast(result.value), `${file}, edit ${i}`).toEqual(ast(whole.value));
                    expect(cst(result.value.$cstNode!), `${file}, edit ${i}`).toEqual(cst(whole.value.$cstNode!));
                    expect(lists(result.value), `${file}, edit ${i}`).toEqual(lists(whole.value));
                }
                // Go on from the edited text while it parses; a broken text is dropped again
                // (an editor's user repairs it), so that most edits start from a clean tree.
                if (result || (whole.lexerErrors.length === 0 && whole.parserErrors.length === 0)) {
                    previous = result ?? whole;
                    text = next;
                }
            }
        }
        // Enough of the edits took the incremental path for the comparison to mean something.
        expect(incremental).toBeGreaterThan(total / 4);
    });

    it('re-parses the whole text when the edit crosses an element, or leaves an error', () => {
        const text = 'source S1 document "A" { date 2025 }\nfinding F1 "B" { evidence S1 confidence high }\n';
        const previous = parser.parse<Model>(text) as ParseResult<Model>;
        const at = (needle: string) => text.indexOf(needle);
        // Across two elements; at an element's first character; an unclosed brace; a second element inside the first.
        expect(previous.parserErrors).toEqual([]);
        expect(parseIncrementally(parser, previous, text, text.slice(0, at('}')) + text.slice(at('evidence')))).toBeUndefined();
        expect(parseIncrementally(parser, previous, text, 'x' + text)).toBeUndefined();
        expect(parseIncrementally(parser, previous, text, text.replace('high }', 'high '))).toBeUndefined();
        expect(parseIncrementally(parser, previous, text, text.replace('2025 }', '2025 } source S2 document "C" {'))).toBeUndefined();
        // Inside one element, over lines: incremental, and the next element moved down and along.
        const edited = text.replace('"A" {', '"Aa" {\n   ');
        const result = parseIncrementally(parser, previous, text, edited)!.result;
        expect(result).toBeDefined();
        const whole = parser.parse<Model>(edited) as ParseResult<Model>;
        expect(result.value.elements[1].$cstNode!.range).toEqual(whole.value.elements[1].$cstNode!.range);
        expect(result.value.elements[1].$cstNode!.range.start).toEqual({ line: 2, character: 0 });
        expect(result.value.elements[1].$cstNode!.text).toBe('finding F1 "B" { evidence S1 confidence high }');

        // Two elements on one line: the rest of the line moves sideways.
        const line = 'source S1 document "A" { date 2025 } finding F1 "B" { evidence S1 confidence high }';
        const lineEdited = line.replace('2025', '2025-11');
        const shifted = parseIncrementally(parser, parser.parse<Model>(line) as ParseResult<Model>, line, lineEdited)!.result;
        expect(shifted).toBeDefined();
        expect(cst(shifted.value.$cstNode!)).toEqual(cst(parser.parse<Model>(lineEdited).value.$cstNode!));
        expect(shifted.value.elements[1].$cstNode!.range.start).toEqual({ line: 0, character: 40 });
    });
});

describe('the node and reference lists (prog-ast-walk.ts)', () => {
    it("hold the nodes and references Langium's own streams find, in their order", () => {
        const parser = createProgCoreServices(EmptyFileSystem).Prog.parser.LangiumParser;
        let references = 0;
        for (const file of fs.readdirSync(examples).filter(f => f.endsWith('.prog'))) {
            const root = parser.parse<Model>(fs.readFileSync(path.join(examples, file), 'utf8')).value;
            const nodes = AstUtils.streamAst(root).toArray();
            expect(nodesOf(root).length).toBe(nodes.length);
            expect(nodesOf(root).every((node, i) => node === nodes[i])).toBe(true);
            const expected = nodes.flatMap(node => AstUtils.streamReferences(node).toArray());
            const found = referencesOf(root);
            const key = (info: (typeof found)[number]) => [info.reference.$refText, info.container.$type, info.container.$cstNode?.offset, info.property, info.index];
            expect(found.map(key)).toEqual(expected.map(key));
            expect(found.every((info, i) => info.reference === expected[i].reference && info.container === expected[i].container)).toBe(true);
            references += found.length;
        }
        expect(references).toBeGreaterThan(100);
    });
});

describe('changedSpan', () => {
    /** The plain definition: common prefix, then common suffix of what is left. */
    function naive(a: string, b: string): { start: number; suffix: number } {
        const limit = Math.min(a.length, b.length);
        let start = 0;
        while (start < limit && a[start] === b[start]) start++;
        let suffix = 0;
        while (suffix < limit - start && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
        return { start, suffix };
    }

    it('finds the span a character loop finds, for edits anywhere in texts of many blocks (2,048 characters)', () => {
        const random = prng(77);
        const text = Array.from({ length: 9000 }, () => 'ab\nc'[Math.floor(random() * 4)]).join('');
        // Edit points on and around the block edges, from both ends, and at random.
        const points = [0, 1, 2047, 2048, 2049, 4095, 4096, 6000, 8999, 9000, text.length - 2048, text.length - 2049];
        for (let i = 0; i < 300; i++) points.push(Math.floor(random() * (text.length + 1)));
        for (const at of points) {
            for (const [removed, inserted] of [[0, 'x'], [1, ''], [1, 'b'], [3, 'ab'], [0, 'abc'.repeat(900)], [2100, 'q']] as const) {
                const edited = text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
                expect(changedSpan(text, edited), `edit at ${at}: -${removed} +${inserted.length}`).toEqual(naive(text, edited));
            }
        }
        expect(changedSpan(text, text)).toEqual({ start: text.length, suffix: 0 });
        expect(changedSpan('', text)).toEqual({ start: 0, suffix: 0 });
    });
});
