/**
 * Memory of the language server while one large file is edited element after element
 * (each edit re-parsed alone, prog-incremental-parse.ts). Two leaks of that path are
 * guarded here: every new tree keeping the former one alive (and so every former text),
 * and strings of a re-parsed element pointing into the whole text of that version (V8
 * keeps substrings as slices of their parent), which kept one copy of the document per
 * edited element. Either adds the file's size per edit or per edited element.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol';
import type { TestClient } from '../lsp/lsp-client.js';
import { heapUsed, startServerWithGc } from './helpers.js';
import { generateWorkspace } from '../../bench/generate.mjs';

let root: string;
let client: TestClient;
let file: string;

beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-memory-'));
    file = path.join(root, 'large.prog');
    // One file of 1,200 elements (about 0.3 MB), citing itself.
    fs.writeFileSync(file, Object.values(generateWorkspace({ files: 1, perFile: 1200, single: true, seed: 7 }))[0] as string);
    client = await startServerWithGc(root);
    await client.waitForWorkspace([file]);
});

afterAll(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
});

describe('language server memory', () => {
    it('stays flat while 60 elements of a large file are edited one after another', async () => {
        const heap = () => heapUsed(client);
        const uri = await client.open('large.prog');
        const unresolved = (ds: { code?: unknown }[]) => ds.some(d => d.code === 'ref/unresolved');
        await client.waitForDiagnostics(uri, ds => !unresolved(ds));
        let text = client.text(uri);
        const sites = [...text.matchAll(/evidence (S\d+_\d+)/g)].map(m => m.index! + m[0].length);
        expect(sites.length).toBeGreaterThan(500);
        let version = 1;
        const send = async (offset: number, insert: boolean) => {
            const before = text.slice(0, offset);
            const line = before.split('\n').length - 1;
            const character = offset - (before.lastIndexOf('\n') + 1);
            text = insert ? before + 'x' + text.slice(offset) : before + text.slice(offset + 1);
            await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version: ++version },
                contentChanges: [{ range: { start: { line, character }, end: { line, character: insert ? character : character + 1 } }, text: insert ? 'x' : '' }]
            });
        };
        // Warm up (the first edits fill caches that stay), then measure.
        const pair = async (k: number) => {
            const at = sites[(k * 7) % sites.length];
            await send(at, true);
            await client.waitForDiagnostics(uri, unresolved);
            await send(at, false);
            await client.waitForDiagnostics(uri, ds => !unresolved(ds));
        };
        for (let k = 0; k < 5; k++) await pair(k);
        const before = await heap();
        expect(before.gc).toBe(true);
        for (let k = 5; k < 65; k++) await pair(k);
        const after = await heap();
        console.log(`memory: ${text.length} characters, 120 edits in 60 elements; heap ${(before.heapUsed / 1e6).toFixed(1)} MB -> ${(after.heapUsed / 1e6).toFixed(1)} MB`);
        // A copy of the text per edited element would add about 18 MB; a chain of former trees more.
        expect(after.heapUsed - before.heapUsed).toBeLessThan(6e6);
    }, 300_000);
});
