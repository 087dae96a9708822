import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
    CodeLens, CompletionItem, CompletionList, DocumentHighlight, DocumentLink, DocumentSymbol, FoldingRange, Hover, InlayHint,
    Location, LocationLink, Position, Range, SemanticTokens, WorkspaceEdit, WorkspaceSymbol
} from 'vscode-languageserver-protocol';
import { copyWorkspace, progFiles, REPO, TestClient, uriOf } from './lsp-client.js';

/**
 * Editor features over the protocol, against a temp copy of examples/pri: completion, hover,
 * definition, references, highlights, rename, symbols, folding, semantic tokens, links,
 * code lens and inlay hints.
 */
let root: string;
let client: TestClient;

function positionOf(text: string, needle: string, delta = 0, occurrence = 0): Position {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
        at = text.indexOf(needle, at + 1);
        if (at < 0) throw new Error(`'${needle}' not found`);
    }
    const offset = at + delta;
    const before = text.substring(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

function textAt(text: string, range: Range): string {
    const lines = text.split('\n');
    if (range.start.line !== range.end.line) throw new Error('multi-line range');
    return lines[range.start.line].substring(range.start.character, range.end.character);
}

function items(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
}

beforeAll(async () => {
    root = copyWorkspace(path.join(REPO, 'examples', 'pri'));
    client = await TestClient.start(root);
    await client.waitForWorkspace(progFiles(root));
});

afterAll(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('initialize', () => {
    it('announces the features and a standard semantic token legend', () => {
        const caps = client.initializeResult!.capabilities;
        for (const key of ['completionProvider', 'hoverProvider', 'definitionProvider', 'referencesProvider', 'documentHighlightProvider',
            'renameProvider', 'documentSymbolProvider', 'workspaceSymbolProvider', 'foldingRangeProvider', 'semanticTokensProvider',
            'documentLinkProvider', 'documentFormattingProvider', 'codeLensProvider', 'inlayHintProvider', 'codeActionProvider'] as const) {
            expect(caps[key], key).toBeTruthy();
        }
        expect(caps.completionProvider?.triggerCharacters).toContain('@');
        const legend = (caps.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] } }).legend;
        for (const type of ['type', 'function', 'variable', 'property', 'enumMember', 'keyword', 'namespace', 'class']) {
            expect(legend.tokenTypes).toContain(type);
        }
        expect(legend.tokenModifiers).toContain('declaration');
    });

    it('registers file watchers for .prog files and sporbar.json', async () => {
        await expect.poll(() => client.registrations.map(r => r.method)).toContain('workspace/didChangeWatchedFiles');
        const watch = client.registrations.find(r => r.method === 'workspace/didChangeWatchedFiles')!;
        const globs = (watch.registerOptions as { watchers: { globPattern: string }[] }).watchers.map(w => w.globPattern);
        expect(globs).toEqual(expect.arrayContaining(['**/*.prog', '**/sporbar.json', '**/*.csv']));
    });

    it('publishes no errors for the example workspace and keeps stdout clean', () => {
        for (const file of progFiles(root)) {
            const errors = (client.diagnostics.get(uriOf(file)) ?? []).filter(d => d.severity === 1);
            expect(errors, file).toEqual([]);
        }
        expect(client.protocolErrors).toEqual([]);
    });
});

describe('completion', () => {
    it('offers the properties of a finding inside its block', async () => {
        const uri = await client.open('findings.prog');
        const text = client.text(uri);
        const at = positionOf(text, '    confidence moderate\n    concerns limitations minor, coherence minor', 4);
        const result = items(await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at }));
        const labels = result.map(i => i.label);
        expect(labels).toEqual(expect.arrayContaining(['answers', 'evidence', 'confidence', 'supports', 'challenges', 'about', 'text', 'status', 'replaces']));
        expect(labels).not.toContain('baseline');
    });

    it('offers only questions after `answers `, with title and kind', async () => {
        const uri = client.uri('findings.prog');
        const text = client.text(uri);
        const at = positionOf(text, 'answers a, e', 'answers '.length);
        const result = items(await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at }));
        const references = result.filter(i => i.labelDetails?.description);
        expect(references.length).toBeGreaterThan(3);
        expect(new Set(references.map(i => i.labelDetails!.description))).toEqual(new Set(['question']));
        const a = references.find(i => i.label === 'a')!;
        expect(a.detail).toMatch(/\S/);
        expect(result.map(i => i.label)).not.toContain('F02');
    });

    it('offers sources, tables and charts after `evidence `, and tables and charts after `@`', async () => {
        const uri = client.uri('findings.prog');
        const text = client.text(uri);
        const at = positionOf(text, 'evidence D04 at "kap. 3"', 'evidence '.length);
        const result = items(await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at }));
        const byLabel = new Map(result.map(i => [i.label, i]));
        expect(byLabel.get('T1')?.labelDetails?.description).toBe('table');
        expect(byLabel.get('C1')?.labelDetails?.description).toBe('chart');
        expect(byLabel.get('C1')?.detail).toBe('Finansiering per prosjekt etter finansieringskilde');
        // A source is shown by its kind (shorter and more telling than "source").
        expect(byLabel.get('D04')?.labelDetails?.description).toBe('document');
        const kinds = new Set(result.filter(i => i.labelDetails?.description).map(i => i.labelDetails!.description));
        expect(kinds).toEqual(new Set(['document', 'interview', 'focus-group', 'observation', 'survey', 'workshop', 'dataset', 'literature', 'table', 'chart'].filter(k => kinds.has(k))));
        expect([...kinds]).toEqual(expect.arrayContaining(['document', 'interview', 'focus-group', 'table', 'chart']));

        const original = client.text(uri);
        const marker = 'Programmet har etablert flere arenaer for refleksjon';
        const edited = original.replace(marker, `${marker} (@`);
        await client.change(uri, edited);
        const inText = items(await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(edited, `${marker} (@`, marker.length + 3) }));
        expect(inText.find(i => i.label === 'T1')?.labelDetails?.description).toBe('table');
        expect(inText.find(i => i.label === 'C1')?.labelDetails?.description).toBe('chart');
        await client.change(uri, original);
    });

    it('offers enumeration values after `confidence `', async () => {
        const uri = client.uri('findings.prog');
        const text = client.text(uri);
        const at = positionOf(text, 'confidence moderate', 'confidence '.length);
        const labels = items(await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at })).map(i => i.label);
        expect(labels).toEqual(expect.arrayContaining(['high', 'moderate', 'low', 'very-low']));
    });

    it('offers every element after `@` in a text, and filters by what was typed', async () => {
        const uri = client.uri('findings.prog');
        const original = client.text(uri);
        const marker = 'Programmet har etablert flere arenaer for refleksjon';
        const edited = original.replace(marker, `${marker} (@`);
        await client.change(uri, edited);
        const at = positionOf(edited, `${marker} (@`, marker.length + 3);
        const result = items(await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at }));
        const kinds = new Set(result.map(i => i.labelDetails?.description));
        // Sources by their kind.
        for (const kind of ['interview', 'document', 'finding', 'question', 'actor', 'outcome']) expect([...kinds]).toContain(kind);
        const i02 = result.find(i => i.label === 'I02')!;
        expect(i02.textEdit && 'range' in i02.textEdit ? i02.textEdit.range.start : undefined).toEqual(at);

        const typed = original.replace(marker, `${marker} (@F0`);
        await client.change(uri, typed);
        const after = positionOf(typed, `${marker} (@F0`, marker.length + 5);
        const filtered = items(await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: after }));
        const f02 = filtered.find(i => i.label === 'F02')!;
        expect(f02).toBeDefined();
        const range = (f02.textEdit as { range: Range }).range;
        expect(textAt(typed, range)).toBe('F0');
        await client.change(uri, original);
    });
});

describe('hover', () => {
    it('shows kind, date, access and "cited by" on a source', async () => {
        const uri = await client.open('sources-intervjuer.prog');
        const text = client.text(uri);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'source I02 ', 8) });
        const value = (hover.contents as { value: string }).value;
        expect(value).toContain('I02');
        expect(value).toMatch(/interview/);
        expect(value).toMatch(/date: 2020-10-21/);
        expect(value).toMatch(/access: confidential/);
        expect(value).toMatch(/cited by [1-9]\d*/);
    });

    it('shows the finding facts when hovering a reference to it, and the element for @ID in text', async () => {
        const uri = client.uri('findings.prog');
        const text = client.text(uri);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '(@O01)', 3) });
        const value = (hover.contents as { value: string }).value;
        expect(value).toMatch(/\*\*source \(observation\)\*\* `O01`/);
        const finding = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'finding F02 ', 9) });
        const facts = (finding.contents as { value: string }).value;
        expect(facts).toMatch(/confidence: moderate/);
        expect(facts).toMatch(/evidence: 4 \(/);
        expect(facts).toMatch(/answers: `a`/);
    });
});

describe('hover on tables and charts', () => {
    it('shows the sources and the first rows of the file as a Markdown table, on the declaration and on a citation', async () => {
        const uri = await client.open('data.prog');
        const text = client.text(uri);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'table T1 ', 6) });
        const value = (hover.contents as { value: string }).value;
        expect(value).toContain('**table** `T1` — Spørreundersøkelsene til prosjektdeltakerne');
        expect(value).toContain('from: `S01` Spørreundersøkelse til deltakere i prosjektene, 2021 (survey, public); `S02`');
        expect(value).toContain('| Undersøkelse | Gjennomført | Svar (n) |\n| --- | --- | ---: |\n| Spørreundersøkelse til deltakere i pros… | oktober 2021 | 64 |');
        expect(value).toContain('*2 rows*');
        const findings = client.uri('findings.prog');
        const chart = await client.request<Hover>('textDocument/hover', { textDocument: { uri: findings }, position: positionOf(client.text(findings), '(@C1)', 3) });
        const chartValue = (chart.contents as { value: string }).value;
        expect(chartValue).toContain('**chart** `C1`');
        expect(chartValue).toContain('kind: bar');
        expect(chartValue).toContain('unit: MNOK');
        expect(chartValue).toContain('| Prosjekt | KS | Departementer | Andre |');
        expect(chartValue).toContain('*5 of 9 rows*');
    });
});

describe('definition, references, highlights', () => {
    it('goes from @ID in text to the declaration; the origin range leaves out the @', async () => {
        const uri = client.uri('findings.prog');
        const text = client.text(uri);
        const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, '(@W01)', 3) });
        expect(links).toHaveLength(1);
        expect(links[0].targetUri).toBe(client.uri('sources-feltarbeid.prog'));
        const target = fs.readFileSync(path.join(root, 'sources-feltarbeid.prog'), 'utf8');
        expect(textAt(target, links[0].targetSelectionRange)).toBe('W01');
        expect(textAt(text, links[0].originSelectionRange!)).toBe('W01');
    });

    it('finds references across files, @ID ones without the @', async () => {
        const uri = client.uri('sources-intervjuer.prog');
        const text = client.text(uri);
        const locations = await client.request<Location[]>('textDocument/references', {
            textDocument: { uri }, position: positionOf(text, 'source I02 ', 8), context: { includeDeclaration: true }
        });
        expect(locations.length).toBeGreaterThan(3);
        const files = new Map<string, string>();
        for (const location of locations) {
            const content = files.get(location.uri) ?? fs.readFileSync(new URL(location.uri), 'utf8');
            files.set(location.uri, content);
            expect(textAt(content, location.range)).toBe('I02');
        }
        const findings = fs.readFileSync(path.join(root, 'findings.prog'), 'utf8');
        const inText = locations.filter(l => l.uri === client.uri('findings.prog')).map(l => l.range)
            .filter(r => findings.split('\n')[r.start.line][r.start.character - 1] === '@');
        expect(inText.length).toBeGreaterThan(0);
    });

    it('highlights the declaration and the references in one file', async () => {
        const uri = client.uri('findings.prog');
        const text = client.text(uri);
        const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position: positionOf(text, '(@I02)', 3) });
        expect(highlights.length).toBeGreaterThan(1);
        for (const h of highlights) expect(textAt(text, h.range)).toBe('I02');
    });
});

describe('symbols', () => {
    it('gives a nested outline: logic → nodes → indicators, with titles as detail', async () => {
        const uri = await client.open('logic.prog');
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        expect(symbols).toHaveLength(1);
        const logic = symbols[0];
        expect(logic.name).toBe('Programteori');
        expect(logic.detail).toContain('Programteori for Partnerskap');
        const names = logic.children!.map(c => c.name);
        expect(names).toEqual(expect.arrayContaining(['Midler', 'Samarbeid', 'UtenEgenandel', 'Brukere']));
        const samarbeid = logic.children!.find(c => c.name === 'Samarbeid')!;
        expect(samarbeid.children!.map(c => c.name)).toEqual(['FellesForsøk']);
        expect(samarbeid.kind).not.toBe(logic.kind);
    });

    it('nests projects in portfolios', async () => {
        const uri = await client.open('portfolio-uu.prog');
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const uu = symbols.find(s => s.name === 'UU')!;
        expect(uu.children!.map(c => c.name)).toEqual(expect.arrayContaining(['UU1', 'UU2', 'UU3']));
    });

    it('finds workspace symbols by ID', async () => {
        const symbols = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'Samarbeid' });
        const found = symbols.find(s => s.name === 'Samarbeid')!;
        expect(found).toBeDefined();
        expect((found.location as Location).uri).toBe(client.uri('logic.prog'));
    });

    it('gives workspace symbols on their current lines after an edit moves them (issue 20)', async () => {
        const uri = await client.open('actors.prog');
        const before = client.text(uri);
        // Asked once before the edit, so that anything cached from it would show.
        expect((await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '' })).length).toBeGreaterThan(100);
        // Two line breaks inside the first element: the incremental parse keeps the later
        // elements, shifted by two lines; their symbols must follow them.
        const at = before.indexOf('{ type association }');
        await client.change(uri, before.slice(0, at) + '{\n\n type association }' + before.slice(at + '{ type association }'.length));
        await client.waitForDiagnostics(uri, () => true);
        try {
            const after = client.text(uri);
            const symbols = (await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '' }))
                .filter(s => (s.location as Location).uri === uri);
            expect(symbols.length).toBeGreaterThan(30);
            const lines = after.split('\n');
            for (const symbol of symbols) {
                const range = (symbol.location as Location).range;
                expect(lines[range.start.line].substring(range.start.character, range.end.character), symbol.name).toBe(symbol.name);
            }
        } finally {
            await client.change(uri, before);
        }
    });
});

describe('folding, semantic tokens, links', () => {
    it('folds blocks, texts and comment runs', async () => {
        const uri = client.uri('findings.prog');
        const text = client.text(uri);
        const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
        const startOf = (needle: string) => positionOf(text, needle).line;
        expect(ranges.some(r => r.startLine === startOf('finding F02 '))).toBe(true);
        expect(ranges.some(r => r.startLine === startOf('    text """\n        Programmet har etablert'))).toBe(true);
        expect(ranges.some(r => r.startLine === 0 && r.kind === 'comment')).toBe(true);
    });

    it('gives semantic tokens: declarations with the declaration modifier', async () => {
        const uri = client.uri('findings.prog');
        const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
        expect(tokens.data.length).toBeGreaterThan(100);
        expect(tokens.data.length % 5).toBe(0);
        const legend = (client.initializeResult!.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] } }).legend;
        const declaration = 1 << legend.tokenModifiers.indexOf('declaration');
        const text = client.text(uri).split('\n');
        let line = 0, char = 0;
        const decoded: { text: string; type: string; declaration: boolean }[] = [];
        for (let i = 0; i < tokens.data.length; i += 5) {
            line += tokens.data[i];
            char = tokens.data[i] === 0 ? char + tokens.data[i + 1] : tokens.data[i + 1];
            decoded.push({ text: text[line].substr(char, tokens.data[i + 2]), type: legend.tokenTypes[tokens.data[i + 3]], declaration: (tokens.data[i + 4] & declaration) !== 0 });
        }
        expect(decoded).toContainEqual({ text: 'F02', type: 'type', declaration: true });
        expect(decoded).toContainEqual({ text: 'I02', type: 'variable', declaration: false });
        expect(decoded).toContainEqual({ text: 'evidence', type: 'property', declaration: false });
        expect(decoded).toContainEqual({ text: 'moderate', type: 'enumMember', declaration: false });
        expect(decoded).toContainEqual({ text: 'finding', type: 'keyword', declaration: false });
    });

    it('links `file` inside the workspace and `url`', async () => {
        const uri = client.uri('sources-intervjuer.prog');
        const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
        expect(links.map(l => l.target)).toContain(uriOf(path.join(root, 'data', 'intervjuer', 'I01.txt')));
        const docs = await client.open('sources-dokumenter.prog');
        const urls = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: docs } });
        expect(urls.some(l => /^https?:/.test(l.target!))).toBe(true);
    });
});

describe('code lens and inlay hints', () => {
    it('shows "cited by N" on sources and "N findings" on questions', async () => {
        const sources = client.uri('sources-intervjuer.prog');
        const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: sources } });
        expect(lenses.length).toBeGreaterThan(3);
        expect(lenses.every(l => /^cited by \d+$/.test(l.command!.title))).toBe(true);
        const questions = await client.open('questions.prog');
        const qLenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: questions } });
        expect(qLenses.some(l => /^[1-9]\d* findings?$/.test(l.command!.title))).toBe(true);
        const recs = await client.open('recommendations.prog');
        const rLenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: recs } });
        expect(rLenses.some(l => /^basis: [1-9]\d* findings?$/.test(l.command!.title))).toBe(true);
    });

    it('shows the title after a reference ID, and nothing when sporbar.inlayHints.titles is off', async () => {
        const uri = client.uri('findings.prog');
        const text = client.text(uri);
        const full = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
        const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: full });
        const at = positionOf(text, 'answers a, e', 'answers a'.length);
        const hint = hints.find(h => h.position.line === at.line && h.position.character === at.character);
        expect(hint?.label).toMatch(/\S/);
        client.settings = { sporbar: { inlayHints: { titles: false } } };
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: client.settings });
        await expect.poll(async () => (await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: full })).length).toBe(0);
        client.settings = {};
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { sporbar: { inlayHints: { titles: true } } } });
        await expect.poll(async () => (await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: full })).length).toBeGreaterThan(0);
    });
});

describe('rename', () => {
    it('refuses an invalid ID, a reserved word and a taken ID', async () => {
        const uri = client.uri('sources-intervjuer.prog');
        const text = client.text(uri);
        const position = positionOf(text, 'source I02 ', 8);
        for (const [newName, message] of [['9X', /not a valid ID/], ['finding', /reserved/], ['I03', /already taken/]] as const) {
            await expect(client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName }), newName).rejects.toThrow(message);
        }
    });

    it('prepares the ID range of an @ID without the @', async () => {
        const uri = client.uri('findings.prog');
        const text = client.text(uri);
        const range = await client.request<Range>('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(text, '(@I02)', 2) });
        expect(textAt(text, range)).toBe('I02');
    });

    it('renames across the workspace, @ID included, and the workspace validates clean', async () => {
        const uri = client.uri('sources-intervjuer.prog');
        const text = client.text(uri);
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(text, 'source I02 ', 8), newName: 'Intervju2' });
        const files = Object.keys(edit.changes!);
        expect(files).toEqual(expect.arrayContaining([uri, client.uri('findings.prog')]));
        await client.applyWorkspaceEdit(edit);
        const findings = fs.readFileSync(path.join(root, 'findings.prog'), 'utf8');
        expect(findings).toContain('(@Intervju2)');
        expect(findings).not.toMatch(/\bI02\b/);
        for (const file of progFiles(root)) {
            await client.waitForDiagnostics(uriOf(file), diagnostics => diagnostics.every(d => d.severity !== 1));
        }
        const all = progFiles(root).flatMap(file => client.diagnostics.get(uriOf(file)) ?? []);
        expect(all.filter(d => d.severity === 1)).toEqual([]);
        // The diagnostics were clean before the rename too, so wait for the server to have
        // taken in every edited file: until then, the renamed source is cited by nothing.
        const hoverText = async () => ((await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(client.text(uri), 'source Intervju2 ', 8) })).contents as { value: string }).value;
        const deadline = Date.now() + 10_000;
        let text2 = await hoverText();
        while (!/cited by [1-9]/.test(text2) && Date.now() < deadline) {
            await new Promise(resolve => setTimeout(resolve, 100));
            text2 = await hoverText();
        }
        expect(text2).toMatch(/cited by [1-9]/);
    });
});
