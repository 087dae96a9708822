import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { copyWorkspace, progFiles, REPO, TestClient } from './lsp-client.js';

/**
 * `sporbar.language` over the protocol: with nb the server publishes Norwegian diagnostics
 * and answers hovers, quick-fix titles and code lenses in bokmål; a change of the setting
 * to nn (workspace/didChangeConfiguration) publishes every diagnostic again in nynorsk,
 * without a restart; en gives the checks' English back.
 */
let root: string;
let client: TestClient;
let uri: string;

beforeAll(async () => {
    root = copyWorkspace(path.join(REPO, 'test', 'fixtures', 'lsp', 'quickfix'));
    client = await TestClient.start(root, { initializationOptions: { language: 'nb' }, settings: { sporbar: { language: 'nb' } } });
    await client.waitForWorkspace(progFiles(root));
    uri = await client.open('findings.prog');
});

afterAll(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
});

function find(diagnostics: Diagnostic[], code: string): Diagnostic | undefined {
    return diagnostics.find(d => d.code === code && (code !== 'ref/unresolved' || d.message.includes('Kilde9')));
}

async function setLanguage(language: string): Promise<void> {
    client.settings = { sporbar: { language } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { sporbar: { language } } });
}

async function hoverAt(needle: string): Promise<string> {
    const text = client.text(uri);
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.includes(needle));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line].indexOf(needle) + 1 } });
    return (hover.contents as MarkupContent).value;
}

describe('sporbar.language', () => {
    it('nb: diagnostics, hover, quick-fix titles and code lenses in bokmål', async () => {
        const diagnostics = await client.waitForDiagnostics(uri, d => find(d, 'finding/no-question') !== undefined);
        expect(find(diagnostics, 'finding/no-question')!.message).toBe('Funnet F1 svarer ikke på noen problemstilling; legg til `answers P` med problemstillingen(e) det svarer på');
        expect(find(diagnostics, 'ref/unresolved')!.message).toBe("Fant ingen kilde, tabell eller figur med ID-en 'Kilde9'");
        // Related information too.
        const duplicate = find(diagnostics, 'id/duplicate')!;
        expect(duplicate.message).toMatch(/^ID-en 'F1' er deklarert 2 ganger i arbeidsområdet \(funn i findings\.prog:\d+\)$/);
        expect(duplicate.relatedInformation?.[0].message).toBe("'F1' er også deklarert her");

        const hover = await hoverAt('I01 interview');
        expect(hover).toContain('**kilde (intervju)** `I01`');
        expect(hover).toContain('- tilgang: konfidensiell (standard)');
        expect(hover).toContain('- brukt 2 ganger');

        const unresolved = find(diagnostics, 'ref/unresolved')!;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unresolved.range, context: { diagnostics: [unresolved] } });
        expect(actions.map(a => a.title)).toEqual(["Opprett kilde 'Kilde9'", 'Slå av regelen ref/unresolved i sporbar.json']);

        const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
        expect(lenses.map(l => l.command?.title)).toContain('brukt 2 ganger');
    });

    it('nn: a change of the setting publishes the diagnostics again in nynorsk, without a restart', async () => {
        await setLanguage('nn');
        const diagnostics = await client.waitForDiagnostics(uri, d => find(d, 'finding/no-question')?.message.startsWith('Funnet F1 svarar') === true);
        expect(find(diagnostics, 'finding/no-question')!.message).toBe('Funnet F1 svarar ikkje på nokon problemstilling; legg til `answers P` med problemstillinga (-ane) det svarar på');
        expect(find(diagnostics, 'ref/unresolved')!.message).toBe("Fann ingen kjelde, tabell eller figur med ID-en 'Kilde9'");
        const hover = await hoverAt('I01 interview');
        expect(hover).toContain('**kjelde (intervju)** `I01`');
        const unresolved = find(diagnostics, 'ref/unresolved')!;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unresolved.range, context: { diagnostics: [unresolved] } });
        expect(actions[0].title).toBe("Opprett kjelde 'Kilde9'");
        // An edit after the change is published in nynorsk as well.
        await client.change(uri, `${client.text(uri)}\nfinding F9 "Ny" { evidence I01  confidence low }\n`);
        const after = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'finding/no-question' && x.message.includes('F9')));
        expect(after.find(x => x.code === 'finding/no-question' && x.message.includes('F9'))!.message).toMatch(/^Funnet F9 svarar ikkje/);
    });

    it('en: the checks\' own English', async () => {
        await setLanguage('en');
        const diagnostics = await client.waitForDiagnostics(uri, d => find(d, 'finding/no-question')?.message.startsWith('The finding') === true);
        expect(find(diagnostics, 'ref/unresolved')!.message).toBe("No source, table or chart named 'Kilde9'");
        expect(await hoverAt('I01 interview')).toContain('**source (interview)** `I01`');
    });
});
