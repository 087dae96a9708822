import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CstUtils, EmptyFileSystem, TextDocument, type CstNode } from 'langium';
import { parseHelper } from 'langium/test';
import { createProgCoreServices, textContent, type Model, type Finding, type Logic, type Source, type Project, type Report, type TextRef } from '@sporbar/language';
import { AstUtils } from 'langium';
import { lineStarts, positionAt } from '../../packages/language/src/parser/prog-cst.js';
import { prng } from '../seeded.mjs';
import { stockParser } from './helpers.js';
import { collectTree, nodesOf, referencesOf } from '../../packages/language/src/model/prog-ast-walk.js';
import type { ProgParser } from '../../packages/language/src/parser/prog-parser.js';

const services = createProgCoreServices(EmptyFileSystem).Prog;
const parse = parseHelper<Model>(services);
const root = path.resolve(__dirname, '../..');

async function parseClean(text: string): Promise<Model> {
    const document = await parse(text);
    expect(document.parseResult.lexerErrors.map(e => e.message)).toEqual([]);
    expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
    return document.parseResult.value;
}

describe('every construct of LANGUAGE.md parses', () => {
    it('parses each file of the reference workspace without lexer or parser errors', async () => {
        const dir = path.join(root, 'test/fixtures/reference');
        const files = fs.readdirSync(dir).filter(f => f.endsWith('.prog'));
        expect(files.length).toBeGreaterThanOrEqual(10);
        for (const file of files) {
            await parseClean(fs.readFileSync(path.join(dir, file), 'utf8'));
        }
    });

    it('accepts properties in any order, several on one line, and a block on one line', async () => {
        const model = await parseClean(`
            actor Rådet "Strategisk råd" { members 10  part-of KS  type council }
            actor KS "KS" { type association }
            source S01 survey "Survey" { respondents 82 date 2021-10-01 }
        `);
        expect(model.elements).toHaveLength(3);
        const survey = model.elements[2] as Source;
        expect(survey.respondents).toBe(82);
        expect(survey.date).toBe('2021-10-01');
    });

    it('continues a list after a comma across lines, and adds to a list written again', async () => {
        const model = await parseClean(`
            finding F1 "f" {
                answers a,
                        b
                answers c
                evidence I01 at "00:12:40" quote "Vi har en retning",
                         O02,
                         D01 quote "q" at "s. 4"
            }
        `);
        const finding = model.elements[0] as Finding;
        expect(finding.answers.map(a => a.$refText)).toEqual(['a', 'b', 'c']);
        expect(finding.evidence.map(e => [e.source.$refText, e.at, e.quote])).toEqual([
            ['I01', '00:12:40', 'Vi har en retning'], ['O02', undefined, undefined], ['D01', 's. 4', 'q']
        ]);
    });

    it('reads dates, periods, numbers and money units', async () => {
        const model = await parseClean(`
            project P1 "p" {
                period 2020-08..2023-01
                funding KS 1.5 MNOK, BFD 250 kNOK, NTNU 90000 NOK
            }
            source D1 document "d" { date 2021 }
            report R "r" { date 2022-02-01 cutoff 2022-01 }
        `);
        const project = model.elements[0] as Project;
        expect([project.period?.start, project.period?.end]).toEqual(['2020-08', '2023-01']);
        expect(project.funding.map(f => [f.funder.$refText, f.amount, f.unit])).toEqual([['KS', 1.5, 'MNOK'], ['BFD', 250, 'kNOK'], ['NTNU', 90000, 'NOK']]);
        expect((model.elements[1] as Source).date).toBe('2021');
        expect((model.elements[2] as Report).cutoff).toBe('2022-01');
    });

    it('reads chains, assumptions on edges and nodes, nested and top-level indicators', async () => {
        const model = await parseClean(`
            logic L "l" {
                input A "a"
                activity B "b"
                output C "c" { indicator IC "ic" { baseline 0 target 6 unit "stk" } }
                outcome D "d" { horizon medium sdgs 10, 11 }
                A -> B -> C
                C -> D
                assumption U1 "u" { on B -> C }
                assumption U2 "u" { on D }
                indicator ID1 "x" { for D baseline 1.5 target 3 }
            }
        `);
        const logic = model.elements[0] as Logic;
        expect(logic.nodes.map(n => `${n.level}:${n.name}`)).toEqual(['input:A', 'activity:B', 'output:C', 'outcome:D']);
        expect(logic.chains.map(c => c.nodes.map(n => n.$refText).join('->'))).toEqual(['A->B->C', 'C->D']);
        expect(logic.assumptions[0].on?.to?.$refText).toBe('C');
        expect(logic.assumptions[1].on?.to).toBeUndefined();
        expect(logic.indicators[0].node?.$refText).toBe('D');
        expect(logic.nodes[2].indicators[0].target).toBe(6);
    });

    it('reads Unicode IDs and compares them in NFC', async () => {
        const decomposed = 'Ra\u030adet'; // "Rådet" with a combining ring
        const model = await parseClean(`actor Rådet "r"\nactor KS "k" { part-of ${decomposed} }`);
        expect(model.elements[0].name).toBe('Rådet');
        expect((model.elements[1] as { partOf?: { $refText: string } }).partOf?.$refText).toBe('Rådet');
    });

    it('lets an ID start with a keyword, and keeps keywords case-sensitive', async () => {
        const model = await parseClean(`
            actor ontology "o"
            actor highland "h"
            actor kindness "k"
            actor Impact "i"
            actor reporter "r"
        `);
        expect(model.elements.map(e => e.name)).toEqual(['ontology', 'highland', 'kindness', 'Impact', 'reporter']);
    });

    it('refuses a reserved word as an ID', async () => {
        const document = await parse('actor impact "i"');
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
    });

    it('takes a cite key as an ID or, for any other key, a string', async () => {
        const model = await parseClean(`
            source L1 literature "l" { cite mazzucato2018 }
            source L2 literature "l" { cite "nordvik:2019" }
        `);
        expect(model.elements.map(e => (e as Source).cite)).toEqual(['mazzucato2018', 'nordvik:2019']);
    });

    it('reads comments of both kinds and ignores them', async () => {
        const model = await parseClean(`
            // a line comment
            actor A "a" /* a block
                           comment */ { type team } // trailing
        `);
        expect(model.elements).toHaveLength(1);
    });

    it('escapes \\" and \\\\ in strings', async () => {
        const model = await parseClean(String.raw`actor A "say \"hei\" \\ ok"`);
        expect(model.elements[0].title).toBe('say "hei" \\ ok');
    });

    it('reads a top-level project with a portfolio property, relations with and without notes', async () => {
        const model = await parseClean(`
            project P2 "p" { portfolio UU  synergy P1 "note"  depends-on P1  shares-resource P1  conflicts-with P1 "x" }
        `);
        const project = model.elements[0] as Project;
        expect(project.portfolio?.$refText).toBe('UU');
        expect(project.relations.map(r => [r.kind, r.note])).toEqual([['synergy', 'note'], ['depends-on', undefined], ['shares-resource', undefined], ['conflicts-with', 'x']]);
    });

    it('reads report slots and sections', async () => {
        const model = await parseClean(`
            report R "r" {
                kind final language nn number "Rapport 2023:1" authors "A", "B" audience KS
                summary """ S """ introduction """ I """ method """ M """ discussion """ D """ conclusion """ C """
                section "Eitt" """ 1 """
                section "To" """ 2 """
            }
        `);
        const report = model.elements[0] as Report;
        expect(report.authors).toEqual(['A', 'B']);
        expect(report.sections.map(s => [s.title, textContent(s.text)])).toEqual([['Eitt', '1'], ['To', '2']]);
        expect(textContent(report.conclusion)).toBe('C');
    });
});

describe('texts', () => {
    function refsOf(model: Model): string[] {
        return AstUtils.streamAst(model).filter((n): n is TextRef => n.$type === 'TextRef').map(r => r.ref.$refText).toArray();
    }

    it('strips the common indentation, the first line break and a blank last line', async () => {
        const model = await parseClean('finding F1 "f" {\n    text """\n        Første linje\n          innrykket\n\n        Siste\n    """\n}');
        expect(textContent((model.elements[0] as Finding).text)).toBe('Første linje\n  innrykket\n\nSiste');
    });

    it('trims a one-line text and ends at the first """ not followed by "', async () => {
        const model = await parseClean('finding F1 "f" { text """ Han sa "ja"""" }');
        expect(textContent((model.elements[0] as Finding).text)).toBe('Han sa "ja"');
    });

    it('finds @ID references by the rule of the character before', async () => {
        const model = await parseClean('finding F1 "f" { text """ (@F1,@F2) post@kommune.no x.@N y-@M \\@Z @Rådet """ }');
        expect(refsOf(model)).toEqual(['F1', 'F2', 'Rådet']);
        expect(textContent((model.elements[0] as Finding).text)).toBe('(@F1,@F2) post@kommune.no x.@N y-@M @Z @Rådet');
    });

    it('does not see comments or keywords inside a text', async () => {
        const model = await parseClean('finding F1 "f" { text """ // not a comment, finding { } """ }');
        expect(textContent((model.elements[0] as Finding).text)).toBe('// not a comment, finding { }');
    });

    it('reports an unterminated text at the place it opened or at its end, not as a crash', async () => {
        const document = await parse('finding F1 "f" { text """ never closed }');
        expect(document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length).toBeGreaterThan(0);
    });
});

describe('IDs (the start-characters hint of prog-token-builder.ts)', () => {
    it('may start with any letter of any script, in and beyond the basic plane', () => {
        const parser = services.parser.LangiumParser;
        const letters: string[] = [];
        for (let c = 0x80; c <= 0xffff; c += 7) {
            const ch = String.fromCharCode(c);
            if (/\p{L}/u.test(ch)) letters.push(ch);
        }
        letters.push('𝒜', '𐐀', '𠀀');
        expect(letters.length).toBeGreaterThan(5000);
        const text = letters.map((ch, i) => `actor ${ch}x${i} "t"`).join('\n');
        const result = parser.parse<Model>(text);
        expect(result.lexerErrors).toEqual([]);
        expect(result.parserErrors).toEqual([]);
        expect(result.value.elements.map(e => (e as { name?: string }).name)).toEqual(letters.map((ch, i) => `${ch}x${i}`.normalize('NFC')));
    });

    it('may not start with a character that is not a letter', () => {
        for (const ch of ['§', '×', '–', '€', '\u0301', '١']) {
            const result = services.parser.LangiumParser.parse<Model>(`actor ${ch}x "t"`);
            expect(result.lexerErrors.length + result.parserErrors.length, ch).toBeGreaterThan(0);
        }
    });
});

describe('the reserved words', () => {
    it('are exactly the keywords of the grammar', () => {
        const spec = fs.readFileSync(path.join(root, 'docs/spec/LANGUAGE.md'), 'utf8');
        const section = spec.slice(spec.indexOf('## Reserved words'));
        const words = section.slice(section.indexOf('`') + 1, section.lastIndexOf('`')).split(/\s+/).filter(Boolean).sort();
        const grammar = fs.readFileSync(path.join(root, 'packages/language/src/prog.langium'), 'utf8')
            .replace(/\/\/.*$/gm, '')
            .replace(/terminal[\s\S]*$/, '');
        const keywords = [...new Set([...grammar.matchAll(/'([^']+)'/g)].map(m => m[1]))]
            .filter(k => /^[\p{L}]/u.test(k)).sort();
        expect(keywords).toEqual(words);
    });
});

describe('the parser (prog-parser.ts)', () => {
    /** Every CST node in order with what a consumer reads from it, and the AST types and containers. */
    function tree(model: Model): unknown[] {
        const out: unknown[] = [];
        const walk = (node: CstNode) => {
            const content = (node as { content?: CstNode[] }).content;
            out.push([content ? 'composite' : 'leaf', node.offset, node.end, node.range, node.hidden, node.text, node.grammarSource?.$type, node.astNode.$type]);
            if (content) for (const child of content) walk(child);
        };
        walk(model.$cstNode!);
        for (const node of AstUtils.streamAst(model)) {
            // Every property with what it holds: values, list lengths, default values included.
            const properties = Object.keys(node).filter(key => !key.startsWith('$')).sort().map(key => {
                const value = (node as unknown as Record<string, unknown>)[key];
                return [key, Array.isArray(value) ? `list of ${value.length}` : typeof value === 'object' && value !== null ? ('$refText' in value ? `ref ${String(value.$refText)}` : 'node') : value];
            });
            out.push([node.$type, node.$containerProperty, node.$containerIndex, node.$container?.$type, node.$cstNode?.offset, properties]);
        }
        return out;
    }

    it("builds the trees Langium's own parser builds, comments (hidden tokens) included", () => {
        const stock = stockParser(services);
        const ours = services.parser.LangiumParser as ProgParser;
        const oneShot = createProgCoreServices(EmptyFileSystem, { oneShot: true, leanTrees: false }).Prog.parser.LangiumParser as ProgParser;
        expect([ours.remembersTrees, oneShot.remembersTrees]).toEqual([false, true]);
        const texts = ['examples/pri', 'test/fixtures/reference'].flatMap(dir =>
            fs.readdirSync(path.join(root, dir)).filter(f => f.endsWith('.prog')).map(f => fs.readFileSync(path.join(root, dir, f), 'utf8')));
        // Comments before the first element, between elements, inside blocks and lists, at the end.
        const commented = texts.map(text => '// top\n' + text
            .replace(/\n\n/g, '\n/* between */\n\n')
            .replace(/\{\n/g, '{ // after brace\n')
            .replace(/, /g, ', /* in list */ ') + '\n/* a comment\nover lines */\n// end');
        // Leaves compute their lines and columns from the text (prog-cst.ts): every line break.
        const lineBreaks = commented.flatMap(text => [text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r')]);
        let comments = 0;
        for (const text of [...texts, ...commented, ...lineBreaks]) {
            const a = stock.parse<Model>(text);
            const b = ours.parse<Model>(text);
            expect(b.parserErrors.length).toBe(a.parserErrors.length);
            expect(tree(b.value)).toEqual(tree(a.value));
            comments += CstUtils.streamCst(b.value.$cstNode!).filter(node => node.hidden).count();
            // Setting the containers and remembering the lists in one walk (a one-shot build).
            const c = oneShot.parse<Model>(text);
            expect(tree(c.value)).toEqual(tree(a.value));
            const fresh = collectTree(c.value);
            expect(nodesOf(c.value)).toEqual(fresh.nodes);
            expect(referencesOf(c.value)).toEqual(fresh.references);
        }
        // The commented texts did put hidden nodes in the trees.
        expect(comments).toBeGreaterThan(100);
    });

    it('finds the position of every offset as a text document does (prog-cst.ts)', () => {
        const random = prng(7);
        for (let round = 0; round < 200; round++) {
            let text = '';
            const length = Math.floor(random() * 40);
            for (let i = 0; i < length; i++) text += ['a', 'æ', '\n', '\r', '\r\n', ' ', '😀'][Math.floor(random() * 7)];
            const document = TextDocument.create('file:///t.prog', 'prog', 1, text);
            const starts = lineStarts(text);
            for (let offset = 0; offset <= text.length; offset++) {
                // No token starts or ends between the \r and \n of a line break.
                if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
                expect(positionAt(starts, offset), JSON.stringify(text) + ' @' + offset).toEqual(document.positionAt(offset));
            }
        }
    });
});


describe('the recovery parse (langium-internals/prog-recovery-parse.ts)', () => {
    const root = path.resolve(__dirname, '../..');
    const texts = ['examples/pri', 'test/fixtures/reference', 'test/fixtures/newcomer'].flatMap(dir =>
        fs.readdirSync(path.join(root, dir)).filter(f => f.endsWith('.prog')).map(f => fs.readFileSync(path.join(root, dir, f), 'utf8')));

    /** The leaves of a tree in order, with the checks every CST must pass. */
    function leaves(model: Model, text: string): CstNode[] {
        const out: CstNode[] = [];
        const walk = (node: CstNode) => {
            const content = (node as { content?: CstNode[] }).content;
            if (!content) {
                expect(node.text).toBe(text.substring(node.offset, node.end));
                out.push(node);
                return;
            }
            for (const child of content) {
                expect(child.container).toBe(node);
                walk(child);
            }
        };
        walk(model.$cstNode!);
        return out;
    }

    it('makes trees whose leaves are the tokens in text order, each comment once, for 300 broken texts', () => {
        const parser = services.parser.LangiumParser;
        const random = prng(19);
        const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
        const junk = ['}', '{', '"', '"""', '\nfinding F9 "x" {\n', 'confidance', 'Finding', '// c\n', '/* c */', '20.05.2025', 'R-5', ':', ',', '\n'];
        let recovered = 0;
        for (let round = 0; round < 300; round++) {
            let text = '// top\n' + pick(texts).replace(/\{\n/g, '{ /* open */\n');
            for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
                const at = Math.floor(random() * text.length);
                text = random() < 0.6 ? text.slice(0, at) + pick(junk) + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
            }
            const result = parser.parse<Model>(text);
            if (result.parserErrors.length > 0) recovered++;
            const found = leaves(result.value, text);
            for (let i = 1; i < found.length; i++) expect(found[i].offset, JSON.stringify(text.slice(0, 120))).toBeGreaterThanOrEqual(found[i - 1].end);
            // Every comment the lexer found is in the tree once.
            const comments = services.parser.Lexer.tokenize(text).hidden.map(t => t.startOffset);
            expect(found.filter(leaf => leaf.hidden).map(leaf => leaf.offset)).toEqual(comments);
            // Every element's node lies in the root, in text order.
            const elements = result.value.elements.map(e => e.$cstNode!.offset);
            expect(elements).toEqual([...elements].sort((a, b) => a - b));
        }
        expect(recovered).toBeGreaterThan(100);
    });
});
