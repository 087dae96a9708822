import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, copyWorkspace, progFiles, REPO, TestClient } from './lsp-client.js';

/**
 * First-time mistakes over the protocol (issue 19; test/language/newcomer-mistakes.test.ts
 * has the whole corpus): on a copy of the valid workspace test/fixtures/newcomer, a text
 * whose `"""` is never closed and a misspelled property each give one diagnostic in the
 * edited file and none elsewhere; the did-you-mean quick fixes repair what they name.
 */
let root: string;
let client: TestClient;
let uri: string;
let original: string;

beforeAll(async () => {
    root = copyWorkspace(path.join(REPO, 'test', 'fixtures', 'newcomer'));
    client = await TestClient.start(root);
    await client.waitForWorkspace(progFiles(root));
    uri = await client.open('findings.prog');
    original = client.text(uri);
});

afterAll(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** The diagnostics of every other file, once the server has had time to publish them. */
async function elsewhere(): Promise<Record<string, Diagnostic[]>> {
    await new Promise(resolve => setTimeout(resolve, 1500));
    const others: Record<string, Diagnostic[]> = {};
    for (const file of progFiles(root)) {
        const other = client.uri(path.relative(root, file));
        if (other !== uri) others[path.basename(file)] = client.diagnostics.get(other) ?? [];
    }
    return others;
}

function noneElsewhere(): Record<string, Diagnostic[]> {
    return Object.fromEntries(progFiles(root).map(file => path.basename(file)).filter(name => name !== 'findings.prog').map(name => [name, []]));
}

async function actionsFor(d: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
}

async function restore(): Promise<void> {
    await client.change(uri, original);
    await client.waitForDiagnostics(uri, d => d.length === 0);
}

describe('first-time mistakes over the language server', () => {
    it('a text whose closing """ is missing: one error at the line it opens, nothing in the next finding or other files', async () => {
        const broken = original.replace('        erfaringer fra andre kommuner (@I01, @I02).\n    """', '        erfaringer fra andre kommuner (@I01, @I02).');
        expect(broken).not.toBe(original);
        await client.change(uri, broken);
        const diagnostics = await client.waitForDiagnostics(uri, d => d.length > 0);
        expect(diagnostics.map(d => [d.code, d.range.start, d.message])).toEqual([
            ['syntax/lexer', { line: 6, character: 9 }, 'The text opened here is never closed — add `"""` where it ends']
        ]);
        expect(await elsewhere()).toEqual(noneElsewhere());
        await restore();
    });

    it('a misspelled property: one error with the property it means, and the quick fix writes it', async () => {
        const broken = original.replace('    confidence moderate\n    supports', '    confidance moderate\n    supports');
        await client.change(uri, broken);
        const diagnostics = await client.waitForDiagnostics(uri, d => d.length > 0);
        expect(diagnostics.map(d => [d.code, d.range.start, d.message])).toEqual([
            ['syntax/parse', { line: 3, character: 4 }, "'confidance' is not a property of a finding — did you mean `confidence`?"]
        ]);
        // No finding/no-confidence on the finding, nothing elsewhere.
        expect(await elsewhere()).toEqual(noneElsewhere());
        const fix = (await actionsFor(diagnostics[0])).find(a => a.title === "Change to 'confidence'");
        expect(fix?.isPreferred).toBe(true);
        const fixed = applyEdits(broken, fix!.edit!.changes![uri]);
        expect(fixed).toBe(original);
        await client.change(uri, fixed);
        await client.waitForDiagnostics(uri, d => d.length === 0);
    });

    it('a misspelled reference: "Change to" the declared ID comes before creating a stub', async () => {
        const broken = original.replace('supports Læringskapasitet', 'supports Læringskapsitet');
        await client.change(uri, broken);
        const [diagnostic] = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'ref/unresolved'));
        expect(diagnostic.message).toContain("did you mean 'Læringskapasitet'?");
        const actions = await actionsFor(diagnostic);
        // The editor's fix names the ID with its title (the same edit the diagnostic carries is offered once).
        expect(actions[0].title).toMatch(/^Change to 'Læringskapasitet' \(.+\)$/);
        expect(actions[0].isPreferred).toBe(true);
        expect(actions.filter(a => a.isPreferred)).toHaveLength(1);
        expect(applyEdits(broken, actions[0].edit!.changes![uri])).toBe(original);
        await restore();
    });

    it('a Norwegian date: the quick fix writes the ISO date', async () => {
        const broken = original.replace('date 2024-10-01\n    text """\n        Begge', 'date 1.10.2024\n    text """\n        Begge');
        expect(broken).not.toBe(original);
        await client.change(uri, broken);
        const [diagnostic] = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'date/invalid'));
        expect(diagnostic.message).toBe("'1.10.2024' is not written as .prog writes dates — write 2024-10-01 (YYYY-MM-DD)");
        const fix = (await actionsFor(diagnostic)).find(a => a.title === 'Write 2024-10-01');
        expect(applyEdits(broken, fix!.edit!.changes![uri])).toBe(original);
        await restore();
    });
});
