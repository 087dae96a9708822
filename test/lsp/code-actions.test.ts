import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, copyWorkspace, progFiles, REPO, TestClient } from './lsp-client.js';

/**
 * Quick fixes over the protocol (RULES.md "Quick fixes expected in the editor"), on a copy
 * of test/fixtures/lsp/quickfix: each fix gives the expected edit, and applying it makes
 * the diagnostic go away.
 */
let root: string;
let client: TestClient;
let uri: string;
let original: string;

beforeAll(async () => {
    root = copyWorkspace(path.join(REPO, 'test', 'fixtures', 'lsp', 'quickfix'));
    client = await TestClient.start(root);
    await client.waitForWorkspace(progFiles(root));
    uri = await client.open('findings.prog');
    original = client.text(uri);
});

afterAll(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
});

async function diagnostic(code: string, line?: number): Promise<Diagnostic> {
    const all = await client.waitForDiagnostics(uri, d => d.some(x => x.code === code && (line === undefined || x.range.start.line === line)));
    return all.find(x => x.code === code && (line === undefined || x.range.start.line === line))!;
}

async function actionsFor(d: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
}

function edited(action: CodeAction): string {
    return applyEdits(client.text(uri), action.edit!.changes![uri]);
}

function lineOf(text: string, needle: string): number {
    return text.split('\n').findIndex(l => l.includes(needle));
}

async function reset(): Promise<void> {
    await client.change(uri, original);
    await diagnostic('id/duplicate');
}

describe('quick fixes', () => {
    it('ref/unresolved: creates a stub of the expected kind at the end of the file', async () => {
        const d = await diagnostic('ref/unresolved', lineOf(original, 'evidence Kilde9'));
        const actions = await actionsFor(d);
        const stub = actions.find(a => a.title === "Create source 'Kilde9'")!;
        expect(stub).toBeDefined();
        expect(stub.isPreferred).toBe(true);
        const text = edited(stub);
        expect(text.startsWith(original)).toBe(true);
        expect(text.substring(original.length)).toBe('\nsource Kilde9 document "Title"\n');
        await client.change(uri, text);
        await client.waitForDiagnostics(uri, all => !all.some(x => x.code === 'ref/unresolved' && String(x.message).includes('Kilde9')));
        await reset();
    });

    it('ref/unresolved: offers every kind a union reference accepts', async () => {
        const d = await diagnostic('ref/unresolved', lineOf(original, 'about Ukjent'));
        const titles = (await actionsFor(d)).map(a => a.title);
        expect(titles).toEqual(expect.arrayContaining(["Create project 'Ukjent'", "Create actor 'Ukjent'", "Create portfolio 'Ukjent'", "Create initiative 'Ukjent'"]));
        expect(titles).not.toContain("Create source 'Ukjent'");
    });

    it('id/duplicate: renames this declaration to the next free ID of the same prefix', async () => {
        const d = await diagnostic('id/duplicate', lineOf(original, 'finding F1 "Samme ID"'));
        const rename = (await actionsFor(d)).find(a => a.title.startsWith('Rename'))!;
        expect(rename.title).toContain("'F3'"); // F2 is taken
        const text = edited(rename);
        expect(text).toContain('finding F3 "Samme ID"');
        expect(text).toContain('finding F1 "Uten spørsmål og tillit"');
        await client.change(uri, text);
        await client.waitForDiagnostics(uri, all => !all.some(x => x.code === 'id/duplicate'));
        await reset();
    });

    it('privacy/name-without-consent: adds `consent named` or removes `name`', async () => {
        const d = await diagnostic('privacy/name-without-consent', lineOf(original, 'name "Kari Nordmann"'));
        const actions = await actionsFor(d);
        const consent = actions.find(a => a.title.includes('consent named'))!;
        const remove = actions.find(a => a.title.startsWith('Remove'))!;
        expect(edited(consent)).toContain('    name "Kari Nordmann"\n    consent named\n}');
        expect(edited(remove)).toContain('    role "Prosjektleder"\n}');
        expect(edited(remove)).not.toContain('Kari Nordmann');
        const inline = await diagnostic('privacy/name-without-consent', lineOf(original, 'name "Ola Nordmann"'));
        const inlineActions = await actionsFor(inline);
        expect(edited(inlineActions.find(a => a.title.includes('consent named'))!)).toContain('{ date 2021-01-01  name "Ola Nordmann"  consent named }');
        expect(edited(inlineActions.find(a => a.title.startsWith('Remove'))!)).toContain('{ date 2021-01-01  }');
        await client.change(uri, edited(consent));
        await client.waitForDiagnostics(uri, all => !all.some(x => x.code === 'privacy/name-without-consent' && x.range.start.line === d.range.start.line));
        await reset();
    });

    it('finding/no-question and finding/no-confidence: insert the property with a placeholder', async () => {
        const question = await diagnostic('finding/no-question');
        const addAnswers = (await actionsFor(question)).find(a => a.title.includes('answers'))!;
        expect(edited(addAnswers)).toContain('    about Ukjent\n    answers a\n}');
        const confidence = await diagnostic('finding/no-confidence');
        const addConfidence = (await actionsFor(confidence)).find(a => a.title.includes('confidence'))!;
        expect(edited(addConfidence)).toContain('    about Ukjent\n    confidence low\n}');
        await client.change(uri, edited(addConfidence));
        await client.waitForDiagnostics(uri, all => !all.some(x => x.code === 'finding/no-confidence'));
        await reset();
    });

    it('every code: disables the rule in sporbar.json (created, then updated)', async () => {
        const d = await diagnostic('finding/no-question');
        const disable = (await actionsFor(d)).find(a => a.title === 'Disable rule finding/no-question in sporbar.json')!;
        expect(disable).toBeDefined();
        await client.applyWorkspaceEdit(disable.edit!);
        const config = path.join(root, 'sporbar.json');
        expect(JSON.parse(fs.readFileSync(config, 'utf8'))).toEqual({ rules: { 'finding/no-question': 'off' } });
        await client.waitForDiagnostics(uri, all => !all.some(x => x.code === 'finding/no-question'));

        const other = await diagnostic('finding/no-confidence');
        const second = (await actionsFor(other)).find(a => a.title === 'Disable rule finding/no-confidence in sporbar.json')!;
        await client.applyWorkspaceEdit(second.edit!);
        expect(JSON.parse(fs.readFileSync(config, 'utf8'))).toEqual({ rules: { 'finding/no-question': 'off', 'finding/no-confidence': 'off' } });
        await client.waitForDiagnostics(uri, all => !all.some(x => x.code === 'finding/no-confidence'));
        expect(client.protocolErrors).toEqual([]);
    });
});
