import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType, type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type Hover } from 'vscode-languageserver-protocol/node';
import { applyEdits, copyWorkspace, progFiles, REPO, TestClient } from './lsp-client.js';

/**
 * What helps a researcher write a model, over the protocol, on a copy of examples/pri:
 * completion that finds references by title and offers only what fits, element snippets
 * where an element may start, hovers that explain keywords and values (with a link to the
 * language reference when the editor has one), quick fixes that do what messages advise,
 * and messages that name files by their path in the workspace.
 */
let root: string;
let client: TestClient;
let scratch: string;

beforeAll(async () => {
    root = copyWorkspace(path.join(REPO, 'examples', 'pri'), 'sporbar-assist-');
    fs.rmSync(path.join(root, 'out'), { recursive: true, force: true });
    fs.writeFileSync(path.join(root, 'kladd.prog'), '');
    client = await TestClient.start(root, { snippetSupport: true, initializationOptions: { referenceCommand: 'sporbar.showReference' } });
    await client.waitForWorkspace(progFiles(root));
    scratch = await client.open('kladd.prog');
});

afterAll(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** Completion at the end of `text` (written into the scratch file). */
async function completeAtEnd(text: string, c: TestClient = client, uri = scratch): Promise<CompletionItem[]> {
    await c.change(uri, text);
    const lines = text.split('\n');
    const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const result = await c.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(result) ? result : result?.items ?? [];
}

async function hoverAt(uri: string, needle: string, offsetInNeedle = 0, c: TestClient = client): Promise<string> {
    const text = c.text(uri);
    const index = text.indexOf(needle) + offsetInNeedle;
    const before = text.slice(0, index).split('\n');
    const position = { line: before.length - 1, character: before[before.length - 1].length };
    const hover = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    const contents = hover?.contents;
    return typeof contents === 'object' && contents && 'value' in contents ? contents.value : String(contents ?? '');
}

describe('completion', () => {
    it('finds a source by words of its title and shows the title', async () => {
        const items = await completeAtEnd('finding FZ "Test" { answers a  evidence fokus');
        const labels = items.map(i => i.label).sort();
        expect(labels).toEqual(['FG01', 'FG02', 'FG03']);
        const fg01 = items.find(i => i.label === 'FG01')!;
        expect(fg01.labelDetails?.detail).toContain('Fokusgruppe med ressursgruppa');
        expect(fg01.labelDetails?.description).toBe('focus-group');
        expect(fg01.filterText).toContain('FG01');
        expect(fg01.filterText).toContain('Fokusgruppe');
        // The typed word is replaced by the ID.
        const edit = fg01.textEdit as { range: { start: { character: number }; end: { character: number } }; newText: string };
        expect(edit.newText).toBe('FG01');
        expect(applyEdits(client.text(scratch), [fg01.textEdit as never])).toBe('finding FZ "Test" { answers a  evidence FG01');
    });

    it('still finds references by the start of their ID', async () => {
        const items = await completeAtEnd('finding FZ "Test" { answers a  evidence FG0');
        expect(items.map(i => i.label).sort()).toEqual(['FG01', 'FG02', 'FG03']);
    });

    it('after `answers ` offers only questions: no keywords, no element snippets', async () => {
        const items = await completeAtEnd('finding FZ "Test" { answers ');
        expect(items.length).toBeGreaterThan(0);
        expect(items.map(i => i.label).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
        expect(items.filter(i => i.kind === 15 /* Snippet */ || i.kind === 14 /* Keyword */)).toEqual([]);
    });

    it('where an element may start, its snippet takes the keyword\'s place (Tab expands it), with confidence moderate', async () => {
        const items = await completeAtEnd('need N "N"\nfin');
        const finding = items.filter(i => i.label === 'finding');
        expect(finding).toHaveLength(1);
        expect(finding[0].kind).toBe(15);
        expect(finding[0].insertTextFormat).toBe(2);
        const body = (finding[0].textEdit as { newText: string }).newText;
        expect(body).toMatch(/^finding \$\{1:ID\}/);
        expect(body).toContain('confidence ${6|moderate,');
        const all = await completeAtEnd('need N "N"\n');
        expect(all.filter(i => i.kind === 15).map(i => i.label)).toEqual(expect.arrayContaining(['programme', 'source', 'interview', 'finding', 'report']));
        expect(all.filter(i => i.kind === 14 && i.label === 'finding')).toEqual([]);
    });

    it('inside a logic offers the levels as snippets, not top-level elements', async () => {
        const items = await completeAtEnd('logic L "L" {\n    ');
        const snippets = items.filter(i => i.kind === 15).map(i => i.label);
        expect(snippets).toEqual(expect.arrayContaining(['input', 'activity', 'output', 'outcome', 'impact', 'assumption', 'indicator']));
        expect(snippets).not.toContain('finding');
    });

    it('snippet placeholders follow the editor\'s language (English here; nb and nn in l10n-keywords.test.ts)', async () => {
        const items = await completeAtEnd('need N "N"\nfin');
        const body = (items.find(i => i.label === 'finding')!.textEdit as { newText: string }).newText;
        expect(body).toContain('${2:Claim}');
        expect(body).toContain('evidence ${4:Source} at "${5:Place in the source}"');
        expect(body).not.toMatch(/\$\{\d+:(Tittel|Påstand|Kilde|Sted i kilden|Problemstilling)\}/);
    });

    it('property snippets stand where their property may: `measured` in an indicator, `follow-up` in a recommendation, never at the top', async () => {
        const inIndicator = await completeAtEnd('logic L "L" { outcome O "O" { indicator I "I" {\n    mea');
        const measured = inIndicator.filter(i => i.label === 'measured');
        expect(measured.map(i => i.kind)).toEqual([15]);
        expect((measured[0].textEdit as { newText: string }).newText).toContain('from ${3:Source}');
        const inRecommendation = await completeAtEnd('recommendation R "R" {\n    foll');
        expect(inRecommendation.filter(i => i.label === 'follow-up').map(i => i.kind)).toEqual([15]);
        const top = await completeAtEnd('need N "N"\n');
        expect(top.map(i => i.label)).not.toContain('measured');
        expect(top.map(i => i.label)).not.toContain('follow-up');
        expect(top.map(i => i.label)).toContain('not-assessed');
    });

    it('@ in a text finds elements by title too', async () => {
        const items = await completeAtEnd('finding FZ "Test" { text """ Se @fokus');
        const fg02 = items.find(i => i.label === 'FG02')!;
        expect(fg02.filterText).toContain('Fokusgruppe med kommuner');
    });
});

describe('hovers on keywords and values', () => {
    beforeAll(async () => {
        await client.change(scratch, 'finding FZ "Test" {\n    answers a\n    evidence FG01\n    confidence moderate\n}\nsource SX focus-group "X" { date 2021-02-03  consent named }\n');
    });

    it('a property: what it means, in which element, and a link to the reference', async () => {
        const text = await hoverAt(scratch, 'confidence moderate');
        expect(text).toContain('property of `finding`');
        expect(text).toContain('GRADE-CERQual');
        const link = /\(command:sporbar\.showReference\?([^ )]+)/.exec(text);
        expect(link).not.toBeNull();
        expect(JSON.parse(decodeURIComponent(link![1]))).toEqual([{ element: 'finding', property: 'confidence' }]);
    });

    it('a value: its enumeration and meaning', async () => {
        const text = await hoverAt(scratch, 'moderate');
        expect(text).toContain('confidence');
        expect(text).toContain('it is likely');
        expect(text).toContain('`very-low`');
        expect(decodeURIComponent(/command:sporbar\.showReference\?([^ )]+)/.exec(text)![1])).toBe('[{"enumeration":"confidence"}]');
        expect(await hoverAt(scratch, 'focus-group')).toContain('several informants');
        expect(await hoverAt(scratch, 'named')).toContain('agreed to be named');
    });

    it('an element kind', async () => {
        const text = await hoverAt(scratch, 'finding FZ');
        expect(text).toContain('A claim backed by evidence');
        expect(decodeURIComponent(/command:sporbar\.showReference\?([^ )]+)/.exec(text)![1])).toBe('[{"element":"finding"}]');
    });

    it('a reference still shows the element, with its file relative to the workspace', async () => {
        const text = await hoverAt(scratch, 'FG01');
        expect(text).toContain('Fokusgruppe med ressursgruppa');
        expect(text).toContain('sources-intervjuer.prog:');
    });
});

describe('hovers without a reference command (another editor)', () => {
    it('explain keywords without a command link', async () => {
        const plain = await TestClient.start(root);
        try {
            await plain.waitForWorkspace(progFiles(root));
            const uri = await plain.open('findings.prog');
            const text = await hoverAt(uri, 'confidence ', 0, plain);
            expect(text).toContain('property of `finding`');
            expect(text).not.toContain('command:');
            // Without snippet support the keyword is offered as a keyword.
            const items = await completeAtEnd(`${plain.text(uri)}\nfin`, plain, uri);
            expect(items.filter(i => i.label === 'finding').map(i => i.kind)).toEqual([14]);
        } finally {
            await plain.stop();
        }
    });
});

describe('quick fixes that do what the message says', () => {
    async function fixFor(code: string, text: string): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> {
        await client.change(scratch, text);
        const diagnostics = await client.waitForDiagnostics(scratch, d => d.some(x => x.code === code));
        const diagnostic = diagnostics.find(x => x.code === code)!;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: scratch }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        return { diagnostic, actions };
    }

    it('finding/single-informant: "set `confidence low`"', async () => {
        const text = 'finding FZ "Én informant" {\n    answers a\n    evidence I01 at "00:01", I01 at "00:14"\n    confidence moderate\n}\n';
        const { diagnostic, actions } = await fixFor('finding/single-informant', text);
        expect(diagnostic.message).toContain('set `confidence low`');
        const fix = actions.find(a => a.title === 'Set `confidence low`')!;
        expect(fix).toBeDefined();
        expect(fix.isPreferred).toBe(true);
        const fixed = applyEdits(text, fix.edit!.changes![scratch]);
        expect(fixed).toBe(text.replace('confidence moderate', 'confidence low'));
        await client.change(scratch, fixed);
        await client.waitForDiagnostics(scratch, d => !d.some(x => x.code === 'finding/single-informant'));
    });

    it('finding/untriangulated: "lower the confidence" to moderate', async () => {
        const text = 'finding FZ "Bare intervjuer" { answers a  evidence I01, I02  confidence high }\n';
        const { actions } = await fixFor('finding/untriangulated', text);
        const fix = actions.find(a => a.title === 'Set `confidence moderate`')!;
        expect(applyEdits(text, fix.edit!.changes![scratch])).toBe(text.replace('confidence high', 'confidence moderate'));
    });

    it('ref/unresolved: "Change to" the closest ID of the expected kind (with its title), before "Create"', async () => {
        const text = 'finding FZ "Skrivefeil" {\n    answers a\n    evidence I01\n    confidence low\n    supports Laeringskapasitet\n}\n';
        const { diagnostic, actions } = await fixFor('ref/unresolved', text);
        expect(diagnostic.message).toContain('Laeringskapasitet');
        const titles = actions.map(a => a.title);
        const change = actions.find(a => a.title.startsWith("Change to 'Læringskapasitet'"))!;
        expect(change).toBeDefined();
        expect(change.title).toMatch(/^Change to 'Læringskapasitet' \(.+\)$/);
        expect(change.isPreferred).toBe(true);
        expect(titles.indexOf(change.title)).toBeLessThan(titles.findIndex(t => t.startsWith('Create')));
        const fixed = applyEdits(text, change.edit!.changes![scratch]);
        expect(fixed).toBe(text.replace('supports Laeringskapasitet', 'supports Læringskapasitet'));
        await client.change(scratch, fixed);
        await client.waitForDiagnostics(scratch, d => !d.some(x => x.code === 'ref/unresolved'));
    });

    it('ref/unresolved: only IDs of the expected kind are suggested (a question\'s ID after `evidence` is not)', async () => {
        // `b` is a question, one edit away from `b1`: after `evidence` only sources, tables and charts fit.
        const text = 'finding FZ "Skrivefeil" { answers a  evidence b1  confidence low }\n';
        const { actions } = await fixFor('ref/unresolved', text);
        const changes = actions.filter(a => a.title.startsWith('Change to')).map(a => /^Change to '([^']+)'/.exec(a.title)![1]);
        expect(changes.length).toBeGreaterThan(0);
        expect(changes.length).toBeLessThanOrEqual(3);
        expect(changes).not.toContain('b');
        expect(changes).toContain('C1');
        // Several equally close: none is preferred.
        const several = await fixFor('ref/unresolved', text.replace('b1', 'I1'));
        const close = several.actions.filter(a => a.title.startsWith('Change to'));
        expect(close.length).toBeGreaterThan(1);
        expect(close.some(c => c.isPreferred)).toBe(false);
    });

    it('text/unresolved-ref: "Change to" keeps the @', async () => {
        const text = 'finding FZ "Tekst" { answers a  evidence I01  confidence low  text """ Se @FG0l. """ }\n';
        const { actions } = await fixFor('text/unresolved-ref', text);
        const change = actions.find(a => a.title.startsWith("Change to 'FG01'"))!;
        expect(applyEdits(text, change.edit!.changes![scratch])).toBe(text.replace('@FG0l', '@FG01'));
    });

    it('date/invalid: rewrites a day-month-year date as YYYY-MM-DD, a missing day as the month', async () => {
        const text = 'finding FZ "Datert" { answers a  evidence I01  confidence low  date 5-12-2022 }\n';
        const { diagnostic, actions } = await fixFor('date/invalid', text);
        const fix = actions.find(a => a.title.endsWith(': 2022-12-05'))!;
        expect(fix).toBeDefined();
        expect(fix.isPreferred).toBe(true);
        expect(diagnostic.range.start.line).toBe(0);
        const fixed = applyEdits(text, fix.edit!.changes![scratch]);
        expect(fixed).toBe(text.replace('5-12-2022', '2022-12-05'));
        await client.change(scratch, fixed);
        await client.waitForDiagnostics(scratch, d => !d.some(x => x.code === 'date/invalid'));

        const impossible = text.replace('5-12-2022', '2021-02-30');
        const month = (await fixFor('date/invalid', impossible)).actions.find(a => a.title.endsWith(': 2021-02'))!;
        expect(month.isPreferred).toBe(false);
        expect(applyEdits(impossible, month.edit!.changes![scratch])).toBe(impossible.replace('2021-02-30', '2021-02'));
    });
});

describe('messages name files by their path in the workspace', () => {
    it('id/duplicate across two folders names both paths', async () => {
        await client.change(scratch, '');
        fs.mkdirSync(path.join(root, 'undermappe'), { recursive: true });
        fs.writeFileSync(path.join(root, 'undermappe', 'questions.prog'), 'need Læring "Et behov med samme ID"\n');
        const uri = client.uri('undermappe/questions.prog');
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Created }] });
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'id/duplicate'));
        expect(diagnostics.find(x => x.code === 'id/duplicate')!.message).toMatch(/in questions\.prog:4\b/);
        const other = await client.waitForDiagnostics(client.uri('questions.prog'), d => d.some(x => x.code === 'id/duplicate'));
        expect(other.find(x => x.code === 'id/duplicate')!.message).toContain('in undermappe/questions.prog:1');
        fs.rmSync(path.join(root, 'undermappe'), { recursive: true });
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri('undermappe'), type: FileChangeType.Deleted }] });
        await client.waitForDiagnostics(client.uri('questions.prog'), d => !d.some(x => x.code === 'id/duplicate'));
    });
});
