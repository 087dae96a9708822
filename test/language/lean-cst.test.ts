import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectDiagnostics, createProgCoreServices, LeanCstNode, leanStats, loadWorkspace, nodesOf, referencesOf, type LoadedWorkspace } from '@sporbar/language';
import { EmptyFileSystem, GrammarUtils, type AstNode, type CstNode } from 'langium';
import type { ProgParser } from '../../packages/language/src/parser/prog-parser.js';
import { listFixtures } from '../rules/fixtures.js';
import { PROGRAMME, writeWorkspace } from './helpers.js';

/**
 * Lean syntax trees (prog-lean-cst.ts) and a one-shot build, which `sporbar validate`
 * uses: the same diagnostics as full trees and a rebuildable workspace, the full tree built
 * only where a diagnostic needs it.
 */

const repo = path.resolve(__dirname, '../..');
const temporary: string[] = [];
afterAll(() => { for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true }); });

function workspaceOf(files: Record<string, string>): string {
    const root = writeWorkspace(files);
    temporary.push(root);
    return root;
}

async function both(dir: string) {
    const full = collectDiagnostics(await loadWorkspace(dir));
    const before = leanStats.materialised;
    const leanWorkspace = await loadWorkspace(dir, undefined, { leanTrees: true, oneShot: true });
    const lean = collectDiagnostics(leanWorkspace);
    return { full, lean, materialised: leanStats.materialised - before, leanWorkspace };
}

/** A workspace without diagnostics: nothing in it needs a full tree. */
const CLEAN: Record<string, string> = {
    'programme.prog': `programme P "Syntetisk program" { client KS  period 2020-01 .. 2023-12  ethics """ Meldt til Sikt. """ }
actor KS "KS" { type association }
need N "Behov" { weight high }
question q1 "Spørsmål 1?" { need N }
question q2 "Spørsmål 2?" { need N }
logic L "Logikk" {
    input I "Midler"
    activity A "Aktivitet"
    output O "Resultat" { indicator OI "Antall" { baseline 0 target 10 } }
    outcome U "Virkning" { indicator UI "Andel" { baseline 0 target 50 } }
    I -> A -> O -> U
}
`,
    'f.prog': `source S1 document "Kilde 1" { date 2021-01-15 }
source S2 survey "Kilde 2" { date 2021-02-15 }
finding F1 "Funn 1" {
    answers q1
    evidence S1 at "s. 1",
             S2 at "s. 197"
    confidence moderate
    supports U
    date 2021-12-01
    text """
        Læring i kommunen (@S1).
    """
}
finding F2 "Funn 2" {
    answers q2
    evidence S2 at "s. 160", S1 at "s. 132"
    confidence moderate
    supports U
    date 2021-12-01
}
`
};

const workspaces = [
    ...listFixtures().map(f => ({ name: `${f.group}/${f.name}`, dir: f.dir })),
    ...['examples/pri', 'test/fixtures/reference', 'test/fixtures/privacy-canary',
        ...fs.readdirSync(path.join(repo, 'test/fixtures/cli')).map(name => `test/fixtures/cli/${name}`)]
        .map(name => ({ name, dir: path.join(repo, name) }))
];

describe('lean syntax trees', () => {
    it.each(workspaces)('give the same diagnostics as full trees: $name', async ({ dir }) => {
        const { full, lean, materialised } = await both(dir);
        expect(lean).toEqual(full);
        // A workspace without diagnostics never needs a full tree (the privacy fixtures
        // without a hit included: a string's value is tested before its CST is asked for).
        if (full.length === 0) expect(materialised).toBe(0);
    });

    it('scan titles and quotes for protected names without building full trees when none is named', async () => {
        const dir = workspaceOf({
            ...CLEAN,
            'h.prog': `source S9 interview "Intervju med leder" {
    date 2021-03-01
    name "Kari Nordmann"
    consent named
    access internal
}
finding F9 "Funn fra intervjuet" {
    answers q1
    evidence S9 quote "Det virker, sa hun", S1 at "s. 3"
    confidence moderate
    supports U
    date 2021-12-01
}
`
        });
        const { full, lean, materialised } = await both(dir);
        expect(full).toEqual([]);
        expect(lean).toEqual([]);
        expect(materialised).toBe(0);
        // Named in a title: that document gets its full tree, for the name's exact range.
        fs.writeFileSync(path.join(dir, 'h.prog'), fs.readFileSync(path.join(dir, 'h.prog'), 'utf8').replace('Funn fra intervjuet', 'Funn fra Kari  Nordmann'));
        const named = await both(dir);
        expect(named.full.map(d => `${d.file}:${d.diagnostic.range.start.line + 1}:${d.diagnostic.range.start.character + 1}-${d.diagnostic.range.end.character + 1} ${d.diagnostic.code}`))
            .toEqual(['h.prog:7:22-36 privacy/quote-names-person']);
        expect(named.lean).toEqual(named.full);
        expect(named.materialised).toBe(1);
    });

    it('keep every node\'s offset, end, text and range, and every reference\'s', async () => {
        // Line breaks of every kind, a tab, a comment at the end; no diagnostics (which would build full trees).
        const dir = workspaceOf({
            'programme.prog': CLEAN['programme.prog'],
            'f.prog': CLEAN['f.prog'].replace(/\n/g, '\r\n').replace('    answers q2', '\tanswers q2') + '// trailing comment',
            'g.prog': CLEAN['f.prog'].replace(/([SF])(\d)/g, '$1$2$2').replace(/\n/g, '\r') + '\n'
        });
        const full = await loadWorkspace(dir);
        const before = leanStats.materialised;
        const lean = await loadWorkspace(dir, undefined, { leanTrees: true });
        expect(collectDiagnostics(lean)).toEqual([]);
        expect(leanStats.materialised).toBe(before);
        const segment = (cst: CstNode | undefined) => cst && { offset: cst.offset, end: cst.end, length: cst.length, text: cst.text, range: cst.range, hidden: cst.hidden };
        let nodes = 0;
        for (const [i, document] of full.documents.entries()) {
            const fullNodes = nodesOf(document.parseResult.value), leanNodes = nodesOf(lean.documents[i].parseResult.value);
            expect(leanNodes.map(n => n.$type)).toEqual(fullNodes.map(n => n.$type));
            for (const [j, node] of fullNodes.entries()) {
                expect(leanNodes[j].$cstNode).toBeInstanceOf(LeanCstNode);
                expect(segment(leanNodes[j].$cstNode)).toEqual(segment(node.$cstNode));
                nodes++;
            }
            const fullRefs = referencesOf(document.parseResult.value), leanRefs = referencesOf(lean.documents[i].parseResult.value);
            expect(leanRefs.length).toBe(fullRefs.length);
            for (const [j, { reference }] of fullRefs.entries()) {
                expect(segment(leanRefs[j].reference.$refNode)).toEqual(segment(reference.$refNode));
            }
        }
        expect(nodes).toBeGreaterThan(20);
        // All of that is the lean nodes' own: no document was parsed again.
        expect(leanStats.materialised).toBe(before);
    });

    it('give a text with syntax errors its full tree, and the others lean ones', () => {
        const parser = createProgCoreServices(EmptyFileSystem, { oneShot: false, leanTrees: true }).Prog.parser.LangiumParser as ProgParser;
        expect(parser.leanTrees).toBe(true);
        const clean = parser.parse(PROGRAMME + 'question Q "q?"\nfinding F1 "f" { answers Q confidence low }');
        expect(clean.parserErrors).toEqual([]);
        expect(nodesOf(clean.value).every(node => node.$cstNode instanceof LeanCstNode)).toBe(true);
        expect(referencesOf(clean.value).every(({ reference }) => reference.$refNode instanceof LeanCstNode)).toBe(true);
        const broken = parser.parse('finding F1 "f" {\n  answers Q\n  confidence\n}');
        expect(broken.parserErrors.length).toBeGreaterThan(0);
        const nodes = nodesOf(broken.value);
        expect(nodes.length).toBeGreaterThan(1);
        for (const node of nodes) expect(node.$cstNode).not.toBeInstanceOf(LeanCstNode);
        for (const { reference } of referencesOf(broken.value)) expect(reference.$refNode).not.toBeInstanceOf(LeanCstNode);
    });

    it('build the full tree of only the document whose diagnostic needs it, with the same range', async () => {
        const dir = workspaceOf({
            'a.prog': PROGRAMME + 'question Q "q?"\nsource S1 document "s"',
            'b.prog': 'finding F1 "f" {\n  answers Q\n  confidence low\n  evidence S1, S2\n  confidence high\n}',
            'c.prog': 'source S2 document "t"\nfinding F2 "g" { answers Q  confidence low  evidence S1, S2 }'
        });
        const { full, lean, materialised } = await both(dir);
        expect(full.map(d => `${d.file}:${d.diagnostic.range.start.line + 1}:${d.diagnostic.range.start.character + 1} ${d.diagnostic.code}`))
            .toEqual(['b.prog:3:14 finding/untriangulated', 'b.prog:5:3 property/duplicate']);
        expect(lean).toEqual(full);
        expect(materialised).toBe(1);
    });

    it('forward to the full tree once it is built, which belongs to the AST the program holds', async () => {
        const dir = workspaceOf(CLEAN);
        const { full, leanWorkspace, materialised } = await both(dir);
        expect(full).toEqual([]);
        expect(materialised).toBe(0);
        const model = (leanWorkspace as LoadedWorkspace).documents.find(d => d.uri.path.endsWith('/f.prog'))!.parseResult.value;
        const finding = nodesOf(model).find(n => n.$type === 'Finding')!;
        const lean = finding.$cstNode!;
        expect(lean).toBeInstanceOf(LeanCstNode);
        const before = leanStats.materialised;
        expect(lean.text).toBe(CLEAN['f.prog'].substring(CLEAN['f.prog'].indexOf('finding F1'), CLEAN['f.prog'].indexOf('finding F2') - 1));

        // Asking for a property's node needs the grammar: this builds the full tree.
        const name = GrammarUtils.findNodeForProperty(lean, 'name');
        expect(name?.text).toBe('F1');
        expect(name?.range).toEqual({ start: { line: 2, character: 8 }, end: { line: 2, character: 10 } });
        expect(leanStats.materialised).toBe(before + 1);
        const fullCst = finding.$cstNode!;
        expect(fullCst).not.toBeInstanceOf(LeanCstNode);
        expect(lean.container).toBe(fullCst.container);
        expect(lean.root).toBe(model.$cstNode);
        expect(model.$cstNode?.astNode).toBe(model);
        for (const node of nodesOf(model)) {
            expect(node.$cstNode).not.toBeInstanceOf(LeanCstNode);
            expect(node.$cstNode?.astNode).toBe(node);
            expect(node.$cstNode?.root).toBe(model.$cstNode);
        }
        for (const { reference, container } of referencesOf(model)) {
            expect(reference.$refNode).not.toBeInstanceOf(LeanCstNode);
            expect(reference.$refNode?.astNode).toBe(container);
            expect(reference.$refNode?.text.replace(/^@/, '')).toBe(reference.$refText);
        }
        const owner = (node: AstNode) => GrammarUtils.findNodeForKeyword(node.$cstNode, 'evidence')?.astNode;
        expect(owner(finding)).toBe(finding);
    });
});
