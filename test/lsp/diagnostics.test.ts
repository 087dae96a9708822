import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { copyWorkspace, progFiles, REPO, TestClient } from './lsp-client.js';

/**
 * Diagnostics over the protocol, against a temp copy of examples/pri: a broken file gets a
 * diagnostic at the right place, fixing it clears it, a change in one file updates another,
 * and `sporbar.json` changes (didChangeWatchedFiles) apply to every file.
 */
let root: string;
let client: TestClient;

beforeAll(async () => {
    root = copyWorkspace(path.join(REPO, 'examples', 'pri'));
    client = await TestClient.start(root);
    await client.waitForWorkspace(progFiles(root));
});

afterAll(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('diagnostics', () => {
    it('reports an unresolved reference at its place and clears it when fixed', async () => {
        const uri = await client.open('findings.prog');
        const original = client.text(uri);
        const broken = original.replace('answers a, e', 'answers a, Eksisterer');
        await client.change(uri, broken);
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'ref/unresolved'));
        const diagnostic = diagnostics.find(x => x.code === 'ref/unresolved')!;
        const line = broken.split('\n').findIndex(l => l.includes('answers a, Eksisterer'));
        expect(diagnostic.range.start).toEqual({ line, character: broken.split('\n')[line].indexOf('Eksisterer') });
        expect(diagnostic.range.end.character - diagnostic.range.start.character).toBe('Eksisterer'.length);
        expect(diagnostic.severity).toBe(1);
        await client.change(uri, original);
        await client.waitForDiagnostics(uri, d => !d.some(x => x.code === 'ref/unresolved'));
    });

    it('reports a syntax error and clears it', async () => {
        const uri = client.uri('findings.prog');
        const original = client.text(uri);
        await client.change(uri, original.replace('confidence moderate', 'confidence moderate }}'));
        await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'syntax/parse'));
        await client.change(uri, original);
        await client.waitForDiagnostics(uri, d => d.every(x => x.severity !== 1));
    });

    it('updates diagnostics in another file: a duplicate ID declared elsewhere', async () => {
        const questions = await client.open('questions.prog');
        const findings = client.uri('findings.prog');
        const original = client.text(questions);
        await client.change(questions, `${original}\nquestion F02 "Et spørsmål med samme ID som et funn"\n`);
        const other = await client.waitForDiagnostics(findings, d => d.some(x => x.code === 'id/duplicate'));
        const duplicate = other.find(x => x.code === 'id/duplicate')!;
        const line = client.text(findings).split('\n').findIndex(l => l.startsWith('finding F02 '));
        expect(duplicate.range.start.line).toBe(line);
        expect(duplicate.relatedInformation?.[0].location.uri).toBe(questions);
        await client.change(questions, original);
        await client.waitForDiagnostics(findings, d => !d.some(x => x.code === 'id/duplicate'));
    });

    it('applies sporbar.json when it changes on disk', async () => {
        const uri = client.uri('findings.prog');
        const original = client.text(uri);
        await client.change(uri, original.replace('answers a, e', 'answers a, Eksisterer'));
        await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'ref/unresolved' && x.severity === 1));
        const config = path.join(root, 'sporbar.json');
        fs.writeFileSync(config, JSON.stringify({ rules: { 'ref/unresolved': 'warning' } }));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('sporbar.json'), type: FileChangeType.Created }] });
        await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'ref/unresolved' && x.severity === 2));
        fs.writeFileSync(config, JSON.stringify({ rules: { 'ref/unresolved': 'off' } }));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('sporbar.json'), type: FileChangeType.Changed }] });
        await client.waitForDiagnostics(uri, d => !d.some(x => x.code === 'ref/unresolved'));
        fs.rmSync(config);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('sporbar.json'), type: FileChangeType.Deleted }] });
        await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'ref/unresolved' && x.severity === 1));
        await client.change(uri, original);
        await client.waitForDiagnostics(uri, d => d.every(x => x.severity !== 1));
        expect(client.protocolErrors).toEqual([]);
    });

    it('revalidates a table when its CSV file changes on disk (didChangeWatchedFiles), and only then', async () => {
        const data = client.uri('data.prog');
        const csv = path.join(root, 'data', 'sporreundersokelser.csv');
        const original = fs.readFileSync(csv, 'utf8');
        expect((client.diagnostics.get(data) ?? []).map(d => d.code)).toEqual([]);
        fs.writeFileSync(csv, `${original}Tredje undersøkelse;2023\n`);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('data/sporreundersokelser.csv'), type: FileChangeType.Changed }] });
        const broken = await client.waitForDiagnostics(data, d => d.some(x => x.code === 'table/unreadable'));
        expect(broken.find(x => x.code === 'table/unreadable')!.message).toContain('row 4 (line 4) has 2 cells, the header has 3');
        fs.writeFileSync(csv, original);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('data/sporreundersokelser.csv'), type: FileChangeType.Changed }] });
        await client.waitForDiagnostics(data, d => !d.some(x => x.code === 'table/unreadable'));
        // Deleted, then created again.
        fs.rmSync(csv);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('data/sporreundersokelser.csv'), type: FileChangeType.Deleted }] });
        await client.waitForDiagnostics(data, d => d.some(x => x.code === 'table/file-missing'));
        fs.writeFileSync(csv, original);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('data/sporreundersokelser.csv'), type: FileChangeType.Created }] });
        await client.waitForDiagnostics(data, d => d.length === 0);
        expect(client.protocolErrors).toEqual([]);
    });

    it('picks up a .prog file created on disk (didChangeWatchedFiles)', async () => {
        const file = path.join(root, 'ny.prog');
        fs.writeFileSync(file, 'finding Fny "Nytt funn" { answers a  evidence Mangler  confidence low }\n');
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('ny.prog'), type: FileChangeType.Created }] });
        const diagnostics = await client.waitForDiagnostics(client.uri('ny.prog'), d => d.some(x => x.code === 'ref/unresolved'));
        expect(diagnostics.find(x => x.code === 'ref/unresolved')!.message).toContain('Mangler');
        fs.rmSync(file);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('ny.prog'), type: FileChangeType.Deleted }] });
        await client.waitForDiagnostics(client.uri('ny.prog'), d => d.length === 0);
    });
});
