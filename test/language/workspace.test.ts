import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectDiagnostics, findProgFiles, loadWorkspace, parseConfig } from '@sporbar/language';
import { AstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import { createProgCoreServices } from '@sporbar/language';
import { SINGLE_VALUED } from '../../packages/language/src/validation/structure-checks.js';
import { brief, diagnose, PROGRAMME, writeWorkspace } from './helpers.js';

const root = path.resolve(__dirname, '../..');

describe('the workspace is one model with one namespace', () => {
    it('links nested elements (logic nodes, assumptions, projects) across files', async () => {
        const diagnostics = await diagnose({
            'a.prog': PROGRAMME + 'logic L "l" { outcome O "o" { indicator I1 "i" }  assumption U "u" { on O } }\nportfolio PF "pf" { project P1 "p" { owner KS contributes O } }',
            'sub/b.prog': 'finding F1 "f" { supports O, U  about P1, PF, KS  confidence low }'
        });
        expect(brief(diagnostics).filter(d => d.includes('ref/unresolved'))).toEqual([]);
    });

    it('types references: answers takes only questions, supports only nodes, assumptions and indicators', async () => {
        const diagnostics = await diagnose({
            'a.prog': PROGRAMME + 'question q "q"\nfinding F0 "f0"\nsource S1 document "s"',
            'b.prog': 'finding F1 "f" {\n  answers F0, q\n  supports S1\n  about q\n}'
        });
        const refs = diagnostics.filter(d => d.diagnostic.code === 'ref/unresolved');
        expect(brief(refs)).toEqual(['b.prog:2:11 ref/unresolved', 'b.prog:3:12 ref/unresolved', 'b.prog:4:9 ref/unresolved']);
        expect(refs[0].diagnostic.message).toBe("'F0' is a finding, but `answers` expects a question");
        expect(refs[1].diagnostic.message).toBe("'S1' is a source, but `supports` expects a logic node, assumption or indicator");
        expect(refs[2].diagnostic.message).toBe("'q' is a question, but `about` expects a project, portfolio, actor or initiative");
    });

    it('says when a name exists nowhere', async () => {
        const diagnostics = await diagnose({ 'a.prog': PROGRAMME + 'finding F1 "f" { answers zz }' });
        const ref = diagnostics.find(d => d.diagnostic.code === 'ref/unresolved');
        expect(ref?.diagnostic.message).toBe("No question named 'zz'");
    });

    it('reports an ID declared in two files on both declarations, each pointing at the other', async () => {
        const diagnostics = await diagnose({
            'a.prog': PROGRAMME + 'actor X "x"',
            'b.prog': '\n\nactor X "other x"'
        });
        const duplicates = diagnostics.filter(d => d.diagnostic.code === 'id/duplicate');
        expect(brief(duplicates)).toEqual(['a.prog:3:7 id/duplicate', 'b.prog:3:7 id/duplicate']);
        const [a, b] = duplicates;
        expect(a.diagnostic.relatedInformation?.[0].location.uri).toBe(b.uri);
        expect(a.diagnostic.relatedInformation?.[0].location.range.start).toEqual({ line: 2, character: 6 });
        expect(b.diagnostic.relatedInformation?.[0].location.uri).toBe(a.uri);
    });

    it('treats IDs equal in NFC as the same ID', async () => {
        const diagnostics = await diagnose({ 'a.prog': PROGRAMME + 'actor Rådet "r"\nactor Ra\u030adet "r2"' });
        expect(diagnostics.filter(d => d.diagnostic.code === 'id/duplicate')).toHaveLength(2);
    });

    it('reports a missing programme at line 1, column 1 of the first file in path order', async () => {
        const diagnostics = await diagnose({ 'b.prog': 'actor A "a"', 'a/z.prog': 'actor B "b"' });
        expect(brief(diagnostics.filter(d => d.diagnostic.code === 'programme/missing'))).toEqual(['a/z.prog:1:1 programme/missing']);
    });

    it('reports every programme after the first in path order', async () => {
        const diagnostics = await diagnose({ 'b.prog': 'programme P2 "2"\nprogramme P3 "3"', 'a.prog': 'programme P1 "1"' });
        expect(brief(diagnostics.filter(d => d.diagnostic.code === 'programme/multiple'))).toEqual(['b.prog:1:11 programme/multiple', 'b.prog:2:11 programme/multiple']);
    });

    it('skips dot-folders, node_modules and out at any depth, and follows no folder links', () => {
        const dir = writeWorkspace({
            'a.prog': '', 'x/b.prog': '', '.hidden/c.prog': '', 'x/node_modules/d.prog': '', 'x/out/e.prog': '', 'x/.git/f.prog': '', 'notes.txt': ''
        });
        fs.symlinkSync(dir, path.join(dir, 'x', 'loop'));
        expect(findProgFiles(dir).map(f => path.relative(dir, f))).toEqual(['a.prog', path.join('x', 'b.prog')]);
    });
});

describe('structure checks', () => {
    it('finds impossible dates, reversed periods, SDGs out of range and repeated properties at their place', async () => {
        const diagnostics = await diagnose({
            'a.prog': [
                'programme P "p" { client KS period 2023-01 .. 2020-08 sdgs 1, 17, 18, 0 }',
                'actor KS "KS" { type association type council }',
                'source S1 document "s" { date 2021-02-29 }',
                'source S2 document "s" { date 2024-02-29 }',
                'source S3 document "s" { date 2021-13 }',
                'report R "r" { cutoff 2022-00-10 date 2022 }',
                'project PP "p" { period 2021-03 .. 2021-03 }'
            ].join('\n')
        });
        const structure = /(period\/reversed|sdg\/out-of-range|property\/duplicate|date\/invalid)$/;
        expect(brief(diagnostics).filter(d => structure.test(d))).toEqual([
            'a.prog:1:36 period/reversed',
            'a.prog:1:67 sdg/out-of-range',
            'a.prog:1:71 sdg/out-of-range',
            'a.prog:2:34 property/duplicate',
            'a.prog:3:31 date/invalid',
            'a.prog:5:31 date/invalid',
            'a.prog:6:23 date/invalid'
        ]);
    });
});

describe('property/duplicate', () => {
    it('reports the second keyword of a single-valued property, in elements and in nested evidence, not a list written twice', async () => {
        const source = 'source S2 document "s" { date 2021-02-01 role "r" date 2021-03-01 }';
        const finding = 'finding F1 "f" { confidence high evidence S1 at "p. 2" /* c */ at "p. 3", S2 quote "a" confidence low answers Q1 answers Q2 }';
        const diagnostics = await diagnose({
            'a.prog': [
                'question Q1 "q"', 'question Q2 "q"',
                'source S1 document "s"', source,
                finding
            ].join('\n')
        });
        expect(brief(diagnostics).filter(d => d.endsWith('property/duplicate'))).toEqual([
            `a.prog:4:${source.lastIndexOf('date') + 1} property/duplicate`,
            `a.prog:5:${finding.indexOf('at "p. 3"') + 1} property/duplicate`,
            `a.prog:5:${finding.lastIndexOf('confidence') + 1} property/duplicate`
        ]);
    });
});

describe('property/duplicate and the grammar', () => {
    // The check walks only nodes the parser assigned a property twice (prog-repeated-properties.ts,
    // mayRepeatProperty): that finds every repeat only while each single-valued
    // property's keyword is followed by an `=` assignment.
    it('follows every single-valued property keyword with an `=` assignment', () => {
        const grammar = createProgCoreServices(EmptyFileSystem).Prog.Grammar;
        let checked = 0;
        for (const [type, words] of Object.entries(SINGLE_VALUED)) {
            const rule = grammar.rules.find(r => r.name === type);
            expect(rule, type).toBeDefined();
            const keywords = AstUtils.streamAllContents(rule!).filter(GrammarAST.isKeyword).filter(k => words.includes(k.value)).toArray();
            expect(new Set(keywords.map(k => k.value)), type).toEqual(new Set(words));
            for (const keyword of keywords) {
                const group = keyword.$container as GrammarAST.Group;
                const next = group.elements[group.elements.indexOf(keyword) + 1];
                expect(GrammarAST.isAssignment(next) && next.operator === '=', `${type}: '${keyword.value}'`).toBe(true);
                checked++;
            }
        }
        expect(checked).toBeGreaterThan(50);
    });

    it('still finds a repeat in a file with a syntax error, outside the element the error is in', async () => {
        const diagnostics = await diagnose({ 'a.prog': PROGRAMME + 'source S2 document "s" { date 2021-02-01 date 2021-03-01 }\nactor B "b" { type nonsense }\n' });
        expect(brief(diagnostics).filter(d => /property\/duplicate|syntax/.test(d))).toEqual(['a.prog:3:42 property/duplicate', 'a.prog:4:20 syntax/parse']);
        // In the element that did not parse, only its syntax error.
        const broken = await diagnose({ 'a.prog': PROGRAMME + 'source S2 document "s" { date 2021-02-01 date }\n' });
        expect(brief(broken).filter(d => d.startsWith('a.prog:3:'))).toEqual(['a.prog:3:47 syntax/parse']);
    });
});

describe('sporbar.json', () => {
    const files = { 'a.prog': PROGRAMME + 'actor X "x"\nactor X "y"\nsource S1 document "s" { date 2021-13 }' };

    it('turns rules off and changes severities', async () => {
        const dir = writeWorkspace({ ...files, 'sporbar.json': '{ "rules": { "id/duplicate": "off", "date/invalid": "warning" } }' });
        const diagnostics = collectDiagnostics(await loadWorkspace(dir));
        expect(diagnostics.some(d => d.diagnostic.code === 'id/duplicate')).toBe(false);
        expect(diagnostics.find(d => d.diagnostic.code === 'date/invalid')?.diagnostic.severity).toBe(2);
    });

    it('reports a sporbar.json that is not JSON, with its position', async () => {
        const dir = writeWorkspace({ ...files, 'sporbar.json': '{\n  "rules": { "id/duplicate": "off", }\n}' });
        const diagnostics = collectDiagnostics(await loadWorkspace(dir));
        const problem = diagnostics.find(d => d.file === 'sporbar.json');
        expect(problem?.diagnostic.code).toBe('config/invalid');
        expect(problem?.diagnostic.range.start.line).toBe(1);
        // A broken configuration changes nothing: the default severities stay.
        expect(diagnostics.some(d => d.diagnostic.code === 'id/duplicate')).toBe(true);
    });

    it('names unknown rules and wrong severities', () => {
        const config = parseConfig('{ "rules": {\n "no/such-rule": "off",\n "id/duplicate": "loud" } }');
        expect(config.problems.map(p => [p.code, p.line, p.column])).toEqual([['config/unknown-rule', 2, 2], ['config/invalid', 3, 2]]);
        expect(config.rules.size).toBe(0);
    });
});

describe('the conformance workspace and the examples', () => {
    it('the reference workspace has no errors', async () => {
        const diagnostics = collectDiagnostics(await loadWorkspace(path.join(root, 'test/fixtures/reference')));
        expect(brief(diagnostics.filter(d => d.diagnostic.severity === 1))).toEqual([]);
    });

    it('examples/pri and examples/minimal have no errors', async () => {
        for (const example of ['examples/pri', 'examples/minimal']) {
            const diagnostics = collectDiagnostics(await loadWorkspace(path.join(root, example)));
            expect(brief(diagnostics.filter(d => d.diagnostic.severity === 1))).toEqual([]);
        }
    });
});
