import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType, type CodeAction, type Diagnostic, type Hover } from 'vscode-languageserver-protocol/node';
import { applyEdits, progFiles, TestClient, uriOf } from './lsp-client.js';

/**
 * Evidence over the protocol (V2 §3, §4): origins that follow a project's partners in
 * another file, quotes that follow their transcript on disk, the quote quick fixes and the
 * hover that says where a source's origin comes from.
 */
const FILES: Record<string, string> = {
    'programme.prog': [
        'programme P "Programme" { client KS }',
        'actor KS "KS" { type association }',
        'actor Bergen "Bergen kommune" { type municipality }',
        'question Q "Question?"',
        'logic L "Logic" { activity A "A"  output O "O"  A -> O }'
    ].join('\n') + '\n',
    'projects.prog': 'project X "Project X" { owner KS  contributes O }\n',
    'sources.prog': [
        'source IB interview "Interview in Bergen" { date 2021-03-01  role "Adviser"  actor Bergen  file "data/IB.txt" }',
        'source D1 document "Project report" { date 2021-03-02  origin project }'
    ].join('\n') + '\n',
    'findings.prog': [
        'finding F1 "Finding" {',
        '    answers Q',
        '    evidence IB at "00:00:10" quote "Vi har for første gang en felles retning",',
        '             D1',
        '    confidence high',
        '}',
        'finding F2 "Misquote" {',
        '    answers Q',
        '    evidence IB at "00:00:10" quote "Vi har for første gang felles retning på tvers av alt",',
        '             IB at "00:00:10" quote "Budsjettet ble vedtatt uten endringer i kommunestyret",',
        '             IB at "00:00:10" quote "Om tre år er nok, vet jeg ikke."',
        '    confidence low',
        '}'
    ].join('\n') + '\n',
    'data/IB.txt': [
        'Intervju (oppdiktet).',
        '[00:00:10] R: Vi har for første gang en felles retning på tvers av det vi gjør.',
        '[00:02:00] R: Om tre år er nok, vet jeg ikke.'
    ].join('\n') + '\n'
};

let root: string;
let client: TestClient;
let findings: string;

beforeAll(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-evidence-')));
    for (const [name, text] of Object.entries(FILES)) {
        fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        fs.writeFileSync(path.join(root, name), text);
    }
    client = await TestClient.start(root);
    await client.waitForWorkspace(progFiles(root));
    findings = client.uri('findings.prog');
});

afterAll(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
});

const codes = (diagnostics: Diagnostic[], code: string) => diagnostics.filter(d => d.code === code).map(d => d.range.start.line + 1);

async function notify(relative: string, type = FileChangeType.Changed): Promise<void> {
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(path.join(root, relative)), type }] });
}

describe('origins follow the projects (another file)', () => {
    it('a project that takes Bergen as partner makes the Bergen interview a project source: F1 is no longer triangulated', async () => {
        await client.waitForDiagnostics(findings, d => codes(d, 'finding/untriangulated').length === 0 && codes(d, 'evidence/quote-not-in-source').length > 0);
        const projects = await client.open('projects.prog');
        await client.change(projects, 'project X "Project X" { owner KS  partners Bergen  contributes O }\n');
        const after = await client.waitForDiagnostics(findings, d => codes(d, 'finding/untriangulated').length === 1);
        expect(after.find(d => d.code === 'finding/untriangulated')!.message).toContain('one origin (project)');
        // Funding alone does not make Bergen a project actor.
        await client.change(projects, 'project X "Project X" { owner KS  funding Bergen 1 MNOK  contributes O }\n');
        await client.waitForDiagnostics(findings, d => codes(d, 'finding/untriangulated').length === 0);
    });

    it('the hover on a source shows its origin and why', async () => {
        const sources = client.uri('sources.prog');
        const hover = async () => ((await client.request<Hover>('textDocument/hover', { textDocument: { uri: sources }, position: { line: 0, character: 8 } })).contents as { value: string }).value;
        expect(await hover()).toContain('origin: independent — Bergen is neither the client nor part of it');
        await client.change(await client.open('projects.prog'), 'project X "Project X" { owner Bergen  contributes O }\n');
        await client.waitForDiagnostics(findings, d => codes(d, 'finding/untriangulated').length === 1);
        expect(await hover()).toContain('origin: project — Bergen owns the project X');
        const written = ((await client.request<Hover>('textDocument/hover', { textDocument: { uri: sources }, position: { line: 1, character: 8 } })).contents as { value: string }).value;
        expect(written).toContain('origin: project (written)');
        await client.change(client.uri('projects.prog'), FILES['projects.prog']);
        await client.waitForDiagnostics(findings, d => codes(d, 'finding/untriangulated').length === 0);
    });
});

describe('quotes follow their transcript on disk', () => {
    it('watches .txt and .md files', async () => {
        await expect.poll(() => client.registrations.map(r => r.method)).toContain('workspace/didChangeWatchedFiles');
        const watch = client.registrations.find(r => r.method === 'workspace/didChangeWatchedFiles')!;
        const globs = (watch.registerOptions as { watchers: { globPattern: string }[] }).watchers.map(w => w.globPattern);
        expect(globs).toContain('**/*.{txt,md,TXT,MD}');
    });

    it('a transcript edited on disk revalidates the quotes citing it, in a file that did not change', async () => {
        const transcript = path.join(root, 'data', 'IB.txt');
        expect(codes(client.diagnostics.get(findings)!, 'evidence/quote-not-in-source')).toEqual([9, 10]);
        fs.writeFileSync(transcript, FILES['data/IB.txt'].replace('felles retning', 'ny retning'));
        await notify('data/IB.txt');
        await client.waitForDiagnostics(findings, d => codes(d, 'evidence/quote-not-in-source').includes(3));
        // Moved under another time stamp: the info, not the warning.
        fs.writeFileSync(transcript, FILES['data/IB.txt'].replace('[00:00:10]', '[00:00:05] R: Ja.\n[00:01:00]'));
        await notify('data/IB.txt');
        const moved = await client.waitForDiagnostics(findings, d => codes(d, 'evidence/quote-not-at-locator').includes(3));
        expect(codes(moved, 'evidence/quote-not-in-source')).not.toContain(3);
        // Deleted: source/file-missing on the source, and no quote diagnostics.
        fs.rmSync(transcript);
        await notify('data/IB.txt', FileChangeType.Deleted);
        await client.waitForDiagnostics(findings, d => codes(d, 'evidence/quote-not-at-locator').length === 0 && codes(d, 'evidence/quote-not-in-source').length === 0);
        await client.waitForDiagnostics(client.uri('sources.prog'), d => d.some(x => x.code === 'source/file-missing'));
        // Back.
        fs.writeFileSync(transcript, FILES['data/IB.txt']);
        await notify('data/IB.txt', FileChangeType.Created);
        await client.waitForDiagnostics(findings, d => codes(d, 'evidence/quote-not-in-source').join() === '9,10' && codes(d, 'evidence/quote-not-at-locator').join() === '11');
    });
});

describe('quick fixes', () => {
    const actionsFor = (d: Diagnostic) => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: findings }, range: d.range, context: { diagnostics: [d] } });

    it('evidence/quote-not-in-source: offers the closest passage, shown with its line, and only when one is near', async () => {
        const diagnostics = await client.waitForDiagnostics(findings, d => codes(d, 'evidence/quote-not-in-source').length === 2);
        const [near, far] = diagnostics.filter(d => d.code === 'evidence/quote-not-in-source');
        const replace = (await actionsFor(near)).filter(a => a.title.startsWith('Replace'));
        expect(replace.map(a => a.title)).toEqual(['Replace with «Vi har for første gang en felles retning på tvers av det» (line 2)']);
        expect(replace[0].isPreferred).toBeFalsy();
        expect((await actionsFor(far)).filter(a => a.title.startsWith('Replace'))).toEqual([]);
        const uri = await client.open('findings.prog');
        const text = applyEdits(client.text(uri), replace[0].edit!.changes![uri]);
        expect(text).toContain('quote "Vi har for første gang en felles retning på tvers av det",');
        await client.change(uri, text);
        await client.waitForDiagnostics(findings, d => codes(d, 'evidence/quote-not-in-source').join() === '10');
        await client.change(uri, FILES['findings.prog']);
    });

    it('evidence/quote-not-at-locator: sets the locator to the time stamp the quote is under', async () => {
        const diagnostics = await client.waitForDiagnostics(findings, d => codes(d, 'evidence/quote-not-at-locator').length === 1);
        const info = diagnostics.find(d => d.code === 'evidence/quote-not-at-locator')!;
        expect(info.severity).toBe(3);
        const [fix] = (await actionsFor(info)).filter(a => a.title.startsWith('Set the locator'));
        expect(fix.title).toBe('Set the locator to "00:02:00" (line 3)');
        const text = applyEdits(client.text(findings), fix.edit!.changes![findings]);
        expect(text).toContain('IB at "00:02:00" quote "Om tre år er nok, vet jeg ikke."');
        await client.change(findings, text);
        await client.waitForDiagnostics(findings, d => codes(d, 'evidence/quote-not-at-locator').length === 0);
        await client.change(findings, FILES['findings.prog']);
    });
});
