import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, progFiles, REPO, TestClient } from './lsp-client.js';

/**
 * Formatting over the protocol: idempotent on every `.prog` file of examples/pri and the
 * reference workspace (format, apply, format again: no edits), semantics-preserving (the
 * same tokens, texts and strings untouched), and a messy file gives the canonical text.
 */
let root: string;
let client: TestClient;
const FORMAT_FIXTURE = path.join(REPO, 'test', 'fixtures', 'lsp', 'format');
const options = { tabSize: 4, insertSpaces: true };

beforeAll(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-format-')));
    fs.cpSync(path.join(REPO, 'examples', 'pri'), path.join(root, 'pri'), { recursive: true });
    fs.cpSync(path.join(REPO, 'test', 'fixtures', 'reference'), path.join(root, 'reference'), { recursive: true });
    fs.cpSync(path.join(REPO, 'test', 'fixtures', 'v2'), path.join(root, 'v2'), { recursive: true });
    fs.cpSync(FORMAT_FIXTURE, path.join(root, 'format'), { recursive: true });
    client = await TestClient.start(root);
});

afterAll(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
});

async function format(uri: string): Promise<TextEdit[]> {
    return (await client.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options })) ?? [];
}

/** The text without layout: what must never change. */
function tokensOf(text: string): string {
    return text.replace(/\s+/g, ' ').replace(/ ?, ?/g, ',').trim();
}

describe('formatting', () => {
    it('lays out tables, charts and source series like other elements (golden)', async () => {
        const uri = await client.open('format/messy-data.prog');
        const formatted = applyEdits(client.text(uri), await format(uri));
        expect(formatted).toBe(fs.readFileSync(path.join(FORMAT_FIXTURE, 'messy-data.prog.expected'), 'utf8'));
        await client.change(uri, formatted);
        expect(await format(uri)).toEqual([]);
    });

    it('gives the canonical text for a messy file (golden)', async () => {
        const uri = await client.open('format/messy.prog');
        const original = client.text(uri);
        const edits = await format(uri);
        expect(edits.length).toBeGreaterThan(0);
        const formatted = applyEdits(original, edits);
        expect(formatted).toBe(fs.readFileSync(path.join(FORMAT_FIXTURE, 'messy.prog.expected'), 'utf8'));
        await client.change(uri, formatted);
        expect(await format(uri)).toEqual([]);
    });

    it('lays out follow-up and measured lines like properties, one per line (golden)', async () => {
        const uri = await client.open('format/time.prog');
        const formatted = applyEdits(client.text(uri), await format(uri));
        expect(formatted).toBe(fs.readFileSync(path.join(FORMAT_FIXTURE, 'time.prog.expected'), 'utf8'));
        await client.change(uri, formatted);
        expect(await format(uri)).toEqual([]);
    });

    it('is idempotent on every file of examples/pri, the reference and the v2 workspaces, and changes only layout', async () => {
        const files = [...progFiles(path.join(root, 'pri')), ...progFiles(path.join(root, 'reference')), ...progFiles(path.join(root, 'v2'))];
        expect(files.length).toBeGreaterThan(20);
        for (const file of files) {
            const uri = await client.open(path.relative(root, file));
            const original = client.text(uri);
            const formatted = applyEdits(original, await format(uri));
            expect(tokensOf(formatted), file).toBe(tokensOf(original));
            // Every """ text is kept verbatim.
            const texts = (s: string) => s.match(/"""[\s\S]*?"""(?!")/g) ?? [];
            expect(texts(formatted), file).toEqual(texts(original));
            expect(formatted.endsWith('\n') && !/[ \t]+\n/.test(formatted.replace(/"""[\s\S]*?"""(?!")/g, 'T')), file).toBe(true);
            await client.change(uri, formatted);
            expect(await format(uri), file).toEqual([]);
        }
    });

    it('refuses a document with parse errors', async () => {
        const uri = client.uri('format/messy.prog');
        await client.change(uri, 'actor KS "KS" { type association\nfinding {\n');
        await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'syntax/parse'));
        expect(await format(uri)).toEqual([]);
    });
});
