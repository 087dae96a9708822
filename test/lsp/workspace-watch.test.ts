import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
    DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, FileChangeType
} from 'vscode-languageserver-protocol/node';
import { copyWorkspace, progFiles, REPO, TestClient, uriOf } from './lsp-client.js';

/**
 * Workspace watching over the protocol, as VS Code reports changes: a deleted or renamed
 * folder comes as one event for the folder (never for the files in it), files may change
 * outside the editor, a restarted server is handed the editor's open documents again.
 * The model must always be what the disk holds.
 */
let client: TestClient | undefined;
const roots: string[] = [];

afterEach(async () => {
    await client?.stop();
    client = undefined;
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-watch-')));
    roots.push(root);
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
    }
    return root;
}

const BASE = {
    'programme.prog': 'programme P "Programme" { client KS }\nactor KS "KS" { type association }\n',
    'bruk.prog': 'question Q "Hva?" { need Ekstra }\n',
    'ekstra/behov.prog': 'need Ekstra "Et behov i en undermappe"\n',
    'ekstra/under/feil.prog': 'question Z "Feil?" { need FinnesIkke }\n'
};

async function notify(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    await client!.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
}

const errorsOf = (uri: string) => (client!.diagnostics.get(uri) ?? []).filter(d => d.severity === 1);

describe('workspace watching', () => {
    it('asks the client to watch folders for creation and deletion, not only .prog files', async () => {
        const root = workspace(BASE);
        client = await TestClient.start(root);
        await client.waitForWorkspace(progFiles(root));
        const watchers = client.registrations
            .filter(r => r.method === 'workspace/didChangeWatchedFiles')
            .flatMap(r => (r.registerOptions as { watchers: { globPattern: string; kind?: number }[] }).watchers);
        expect(watchers.map(w => w.globPattern)).toEqual(expect.arrayContaining(['**/*.prog', '**/sporbar.json', '**/*']));
        const all = watchers.find(w => w.globPattern === '**/*')!;
        // WatchKind.Create (1) and WatchKind.Delete (4).
        expect((all.kind ?? 7) & 1).toBe(1);
        expect((all.kind ?? 7) & 4).toBe(4);
    });

    it('a folder deleted on disk (one event for the folder) clears its diagnostics within two seconds', async () => {
        const root = workspace(BASE);
        client = await TestClient.start(root);
        await client.waitForWorkspace(progFiles(root));
        const feil = uriOf(path.join(root, 'ekstra/under/feil.prog'));
        const bruk = uriOf(path.join(root, 'bruk.prog'));
        expect(errorsOf(feil).map(d => d.code)).toEqual(['ref/unresolved']);
        expect(errorsOf(bruk)).toEqual([]);

        fs.rmSync(path.join(root, 'ekstra'), { recursive: true, force: true });
        const started = Date.now();
        await notify([{ uri: uriOf(path.join(root, 'ekstra')), type: FileChangeType.Deleted }]);
        await client.waitForDiagnostics(feil, d => d.length === 0, 2000);
        await client.waitForDiagnostics(uriOf(path.join(root, 'ekstra/behov.prog')), d => d.length === 0, 2000);
        // The need it declared is gone for the other files too.
        const broken = await client.waitForDiagnostics(bruk, d => d.some(x => x.code === 'ref/unresolved'), 2000);
        expect(Date.now() - started).toBeLessThan(2000);
        expect(broken.filter(d => d.severity === 1).map(d => d.message)).toEqual([expect.stringContaining('Ekstra')]);

        const summary = await client.request<{ files: number }>('workspace/executeCommand', { command: 'sporbar.server.validateWorkspace', arguments: [] });
        expect(summary.files).toBe(2);
    });

    it('a folder renamed on disk: the old paths are cleared, the files under the new name join', async () => {
        const root = workspace(BASE);
        client = await TestClient.start(root);
        await client.waitForWorkspace(progFiles(root));
        fs.renameSync(path.join(root, 'ekstra'), path.join(root, 'omdøpt'));
        await notify([
            { uri: uriOf(path.join(root, 'ekstra')), type: FileChangeType.Deleted },
            { uri: uriOf(path.join(root, 'omdøpt')), type: FileChangeType.Created }
        ]);
        await client.waitForDiagnostics(uriOf(path.join(root, 'ekstra/under/feil.prog')), d => d.length === 0);
        const moved = await client.waitForDiagnostics(uriOf(path.join(root, 'omdøpt/under/feil.prog')), d => d.length > 0);
        expect(moved.filter(d => d.severity === 1).map(d => d.code)).toEqual(['ref/unresolved']);
        expect(errorsOf(uriOf(path.join(root, 'bruk.prog')))).toEqual([]);
        const summary = await client.request<{ files: number; errors: number }>('workspace/executeCommand', { command: 'sporbar.server.validateWorkspace', arguments: [] });
        expect(summary).toMatchObject({ files: 4, errors: 1 });
    });

    it('a folder of CSV files renamed on disk (folder events only): the tables that read them are checked again', async () => {
        const root = workspace({
            'programme.prog': BASE['programme.prog'],
            'data.prog': 'question Q "Hva?"\nsource S1 survey "Survey" { date 2024-01  respondents 300 }\n'
                + 'finding F1 "Funn" { answers Q  confidence low  evidence T1 }\ntable T1 "Tall" { from S1  file "data/t.csv" }\n',
            'data/t.csv': 'Gruppe;n\nA;10\n'
        });
        client = await TestClient.start(root);
        await client.waitForWorkspace(progFiles(root));
        const data = uriOf(path.join(root, 'data.prog'));
        expect(errorsOf(data)).toEqual([]);
        fs.renameSync(path.join(root, 'data'), path.join(root, 'gammel'));
        await notify([
            { uri: uriOf(path.join(root, 'data')), type: FileChangeType.Deleted },
            { uri: uriOf(path.join(root, 'gammel')), type: FileChangeType.Created }
        ]);
        await client.waitForDiagnostics(data, d => d.some(x => x.code === 'table/file-missing'), 2000);
        fs.renameSync(path.join(root, 'gammel'), path.join(root, 'data'));
        await notify([
            { uri: uriOf(path.join(root, 'gammel')), type: FileChangeType.Deleted },
            { uri: uriOf(path.join(root, 'data')), type: FileChangeType.Created }
        ]);
        await client.waitForDiagnostics(data, d => !d.some(x => x.code === 'table/file-missing'), 2000);
        expect(errorsOf(data)).toEqual([]);
    });

    it('a folder of transcripts renamed on disk (folder events only): the quotes checked against them are checked again', async () => {
        const root = workspace({
            'programme.prog': 'programme P "Programme" { client KS  ethics """ Meldt til Sikt. """ }\nactor KS "KS" { type association }\n',
            'funn.prog': 'question Q "Hva?"\nsource I1 interview "Intervju" { date 2021-03-01  role "Rådgiver"  file "data/I1.txt" }\n'
                + 'finding F1 "Funn" { answers Q  confidence low  evidence I1 quote "Dette sa ingen" }\n',
            'data/I1.txt': '00:01:00 Vi har for første gang en felles retning.\n'
        });
        client = await TestClient.start(root);
        await client.waitForWorkspace(progFiles(root));
        const funn = uriOf(path.join(root, 'funn.prog'));
        const misquote = (d: { code?: unknown }[]) => d.some(x => x.code === 'evidence/quote-not-in-source');
        await client.waitForDiagnostics(funn, misquote, 5000);
        fs.renameSync(path.join(root, 'data'), path.join(root, 'gammel'));
        await notify([
            { uri: uriOf(path.join(root, 'data')), type: FileChangeType.Deleted },
            { uri: uriOf(path.join(root, 'gammel')), type: FileChangeType.Created }
        ]);
        // No transcript: the quote can no longer be checked (the source's file is missing).
        await client.waitForDiagnostics(funn, d => !misquote(d), 2000);
        fs.renameSync(path.join(root, 'gammel'), path.join(root, 'data'));
        await notify([
            { uri: uriOf(path.join(root, 'gammel')), type: FileChangeType.Deleted },
            { uri: uriOf(path.join(root, 'data')), type: FileChangeType.Created }
        ]);
        await client.waitForDiagnostics(funn, misquote, 2000);
    });

    it('a folder moved in joins the model, except below out/, node_modules and dot-folders', async () => {
        const root = workspace({ 'programme.prog': BASE['programme.prog'], 'bruk.prog': BASE['bruk.prog'] });
        client = await TestClient.start(root);
        const bruk = uriOf(path.join(root, 'bruk.prog'));
        await client.waitForDiagnostics(bruk, d => d.some(x => x.code === 'ref/unresolved'));
        for (const skipped of ['out', 'node_modules', '.skjult']) {
            fs.mkdirSync(path.join(root, skipped, 'x'), { recursive: true });
            fs.writeFileSync(path.join(root, skipped, 'x', 'behov.prog'), 'need Ekstra "Skal ikke telle"\n');
            await notify([{ uri: uriOf(path.join(root, skipped)), type: FileChangeType.Created }]);
        }
        const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-watch-src-'));
        roots.push(outside);
        fs.mkdirSync(path.join(outside, 'ny/dypt'), { recursive: true });
        fs.writeFileSync(path.join(outside, 'ny/dypt/behov.prog'), 'need Ekstra "Flyttet inn"\n');
        fs.cpSync(path.join(outside, 'ny'), path.join(root, 'ny'), { recursive: true });
        await notify([{ uri: uriOf(path.join(root, 'ny')), type: FileChangeType.Created }]);
        await client.waitForDiagnostics(bruk, d => !d.some(x => x.code === 'ref/unresolved'));
        await client.waitForDiagnostics(uriOf(path.join(root, 'ny/dypt/behov.prog')), () => true);
        // Had the skipped copies joined, Ekstra would be declared four times.
        expect(client.diagnostics.get(uriOf(path.join(root, 'ny/dypt/behov.prog')))?.map(d => d.code)).not.toContain('id/duplicate');
        for (const skipped of ['out', 'node_modules', '.skjult']) {
            expect(client.diagnostics.has(uriOf(path.join(root, skipped, 'x', 'behov.prog'))), skipped).toBe(false);
        }
    });

    it('an event that no longer holds is checked against the disk (changed, then deleted before the server looked)', async () => {
        const root = workspace(BASE);
        client = await TestClient.start(root);
        await client.waitForWorkspace(progFiles(root));
        const feil = uriOf(path.join(root, 'ekstra/under/feil.prog'));
        fs.rmSync(path.join(root, 'ekstra/under/feil.prog'));
        await notify([{ uri: feil, type: FileChangeType.Changed }]);
        // Gone, not "unreadable".
        await client.waitForDiagnostics(feil, d => d.length === 0);
        const summary = await client.request<{ files: number; errors: number }>('workspace/executeCommand', { command: 'sporbar.server.validateWorkspace', arguments: [] });
        expect(summary).toMatchObject({ files: 3, errors: 0 });
    });

    it('Validate workspace reads the disk again: a file deleted without any event leaves, a new one joins', async () => {
        const root = workspace(BASE);
        client = await TestClient.start(root);
        await client.waitForWorkspace(progFiles(root));
        const feil = uriOf(path.join(root, 'ekstra/under/feil.prog'));
        fs.rmSync(path.join(root, 'ekstra/under'), { recursive: true });
        fs.writeFileSync(path.join(root, 'stille.prog'), 'need Stille "Kom uten varsel"\n');
        const summary = await client.request<{ files: number; errors: number }>('workspace/executeCommand', { command: 'sporbar.server.validateWorkspace', arguments: [] });
        expect(summary).toMatchObject({ files: 4, errors: 0 });
        await client.waitForDiagnostics(feil, d => d.length === 0);
        await client.waitForDiagnostics(uriOf(path.join(root, 'stille.prog')), () => true);
    });
});

describe('a restarted server is given the editor\'s open documents', () => {
    it('takes a document whose file was deleted on disk not into the model (no second programme)', async () => {
        const root = copyWorkspace(path.join(REPO, 'examples', 'pri'), 'sporbar-watch-restart-');
        roots.push(root);
        fs.rmSync(path.join(root, 'out'), { recursive: true, force: true });
        client = await TestClient.start(root);
        const files = progFiles(root);
        await client.waitForWorkspace(files);
        // As after a restart: the editor still shows a programme.prog that was deleted from another model.
        const ghost = uriOf(path.join(root, 'gammel/programme.prog'));
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: ghost, languageId: 'prog', version: 1, text: 'programme Gammel "Slettet program" { client KS }\n' }
        });
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: ghost, version: 2 }, contentChanges: [{ text: 'programme Gammel "Slettet program" { client KS }\nneed a "Dobbel ID"\n' }]
        });
        const summary = await client.request<{ files: number; errors: number }>('workspace/executeCommand', { command: 'sporbar.server.validateWorkspace', arguments: [] });
        expect(summary).toMatchObject({ files: files.length, errors: 0 });
        const programme = client.diagnostics.get(uriOf(path.join(root, 'programme.prog'))) ?? [];
        expect(programme.filter(d => d.code === 'programme/multiple')).toEqual([]);
        expect(client.diagnostics.get(ghost) ?? []).toEqual([]);
    });
});
