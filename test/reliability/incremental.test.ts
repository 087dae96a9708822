/**
 * Incremental = cold. Through the language server protocol, seeded random edit sequences
 * (hundreds of edits over a copy of examples/pri: editor edits, disk edits, files created,
 * renamed and deleted, opened and closed with unsaved text, sporbar.json changed) are
 * applied; at quiet points the diagnostics the server published for every file must equal
 * those of a cold `sporbar validate --format json` of the same contents (code, range,
 * severity, message). A burst of 2,000 didChange notifications is absorbed: the server
 * answers promptly afterwards, the final diagnostics match a cold run, and its heap
 * returns to within 20% of where it started.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
    FileChangeType, type Diagnostic
} from 'vscode-languageserver-protocol/node';
import { TestClient, uriOf } from '../lsp/lsp-client.js';
import { copyOf, heapUsed, PRI, startServerWithGc, validateJson, type JsonDiagnostic } from './helpers.js';
import { prng } from '../seeded.mjs';

const SEED = Number(process.env.INCREMENTAL_SEED ?? 4242);
const ROUNDS = Number(process.env.INCREMENTAL_ROUNDS ?? 6);
const EDITS_PER_ROUND = Number(process.env.INCREMENTAL_EDITS ?? 60);
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];


/** A diagnostic as both sides can give it: 1-based range, severity word. */
function key(d: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }): string {
    return `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`;
}
function fromLsp(d: Diagnostic): string {
    return key({ line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1, severity: SEVERITY[d.severity ?? 1], code: String(d.code), message: d.message });
}

class Session {
    readonly open = new Map<string, { version: number; text: string }>();
    readonly log: string[] = [];
    private counter = 0;

    constructor(readonly client: TestClient, readonly root: string, readonly random: () => number) {}

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.random() * items.length)];
    }

    files(): string[] {
        const out: string[] = [];
        const walk = (dir: string) => {
            for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
                if (e.name.startsWith('.') || e.name === 'out' || e.name === 'node_modules') continue;
                const full = path.join(dir, e.name);
                if (e.isDirectory()) walk(full); else if (e.name.endsWith('.prog')) out.push(full);
            }
        };
        walk(this.root);
        return out.sort();
    }

    text(file: string): string {
        return this.open.get(uriOf(file))?.text ?? fs.readFileSync(file, 'utf8');
    }

    async notifyDisk(changes: { file: string; type: FileChangeType }[]): Promise<void> {
        await this.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map(c => ({ uri: uriOf(c.file), type: c.type })) });
    }

    async didOpen(file: string): Promise<void> {
        const uri = uriOf(file);
        if (this.open.has(uri)) return;
        const text = fs.readFileSync(file, 'utf8');
        this.open.set(uri, { version: 1, text });
        await this.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'prog', version: 1, text } });
    }

    async didChange(file: string, text: string, save: boolean): Promise<void> {
        const uri = uriOf(file);
        const doc = this.open.get(uri)!;
        doc.version++;
        doc.text = text;
        await this.client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] });
        if (save) {
            fs.writeFileSync(file, text);
            await this.notifyDisk([{ file, type: FileChangeType.Changed }]);
        }
    }

    async didClose(file: string): Promise<void> {
        const uri = uriOf(file);
        if (!this.open.delete(uri)) return;
        await this.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    /** A random edit of a text: lines deleted, duplicated or moved, elements added, IDs renamed, syntax broken. */
    edit(text: string): string {
        const lines = text.split('\n');
        const at = Math.floor(this.random() * (lines.length + 1));
        const n = ++this.counter;
        switch (Math.floor(this.random() * 8)) {
            case 0: lines.splice(Math.min(at, lines.length - 1), 1); break;
            case 1: lines.splice(at, 0, lines[Math.min(at, lines.length - 1)] ?? ''); break;
            case 2: lines.splice(at, 0, `finding Fz${n} "Nytt funn ${n}" { answers a  evidence I01  confidence low  text """ Viser til @F1 og @Mangler${n % 3}. """ }`); break;
            case 3: lines.splice(at, 0, `source Sz${n} interview "Ny kilde" { date 2021-0${1 + (n % 9)}-01  role "Rolle"${n % 4 === 0 ? '  name "Kari Nordmann"' : ''} }`); break;
            case 4: lines.splice(at, 0, this.pick(['{', '}', '"""', 'finding', `question a "Dobbel ${n}"`, `need Læring "Dobbel"`, 'programme Ekstra "To programmer"'])); break;
            case 5: {
                const ids = [...text.matchAll(/^\s*(?:finding|source|question|actor|need|project|outcome|output|recommendation)\s+(?:(\p{L}[\p{L}\p{M}\p{Nd}_]*))/gmu)].map(m => m[1]);
                if (ids.length) {
                    const id = this.pick(ids);
                    return text.replace(new RegExp(`(?<![\\p{L}\\p{Nd}_])${id}(?![\\p{L}\\p{M}\\p{Nd}_])`, 'u'), `${id}x`);
                }
                break;
            }
            case 6: {
                const i = Math.min(at, lines.length - 1);
                lines[i] = lines[i].slice(0, Math.floor(this.random() * lines[i].length));
                break;
            }
            default: {
                const i = Math.min(at, lines.length - 1), j = Math.floor(this.random() * lines.length);
                [lines[i], lines[j]] = [lines[j], lines[i]];
            }
        }
        return lines.join('\n');
    }

    /** One random step; returns what it did (for the log of a failing sequence). */
    async step(): Promise<string> {
        const files = this.files();
        const file = this.pick(files);
        const rel = path.relative(this.root, file);
        const uri = uriOf(file);
        const isOpen = this.open.has(uri);
        const r = this.random();
        if (r < 0.12 && !isOpen) { await this.didOpen(file); return `open ${rel}`; }
        if (r < 0.45) {
            if (!isOpen) await this.didOpen(file);
            const save = this.random() < 0.5;
            await this.didChange(file, this.edit(this.text(file)), save);
            return `edit ${rel}${save ? ' (saved)' : ' (unsaved)'}`;
        }
        if (r < 0.55 && isOpen) { await this.didClose(file); return `close ${rel}`; }
        if (r < 0.65 && !isOpen) {
            fs.writeFileSync(file, this.edit(fs.readFileSync(file, 'utf8')));
            await this.notifyDisk([{ file, type: FileChangeType.Changed }]);
            return `disk edit ${rel}`;
        }
        if (r < 0.72) {
            const name = path.join(this.root, this.pick(['', 'ny', 'ny/under']), `ny-${++this.counter}.prog`);
            fs.mkdirSync(path.dirname(name), { recursive: true });
            const source = this.pick(files);
            fs.writeFileSync(name, this.edit(this.random() < 0.5 ? fs.readFileSync(source, 'utf8') : `need Nz${this.counter} "Nytt behov"\nquestion Qz${this.counter} "Nytt spørsmål?" { need Nz${this.counter}, Læring }\n`));
            await this.notifyDisk([{ file: name, type: FileChangeType.Created }]);
            return `create ${path.relative(this.root, name)}`;
        }
        if (r < 0.8 && files.length > 4) {
            const to = path.join(path.dirname(file), `omdøpt-${++this.counter}.prog`);
            if (isOpen) await this.didClose(file);
            fs.renameSync(file, to);
            await this.notifyDisk([{ file, type: FileChangeType.Deleted }, { file: to, type: FileChangeType.Created }]);
            if (isOpen) await this.didOpen(to);
            return `rename ${rel} -> ${path.relative(this.root, to)}`;
        }
        if (r < 0.86 && files.length > 4) {
            if (isOpen && this.random() < 0.5) {
                // Deleted on disk while open: the editor keeps it (it is written back at the next quiet point, as a save would).
                fs.rmSync(file);
                await this.notifyDisk([{ file, type: FileChangeType.Deleted }]);
                return `delete on disk while open ${rel}`;
            }
            if (isOpen) await this.didClose(file);
            fs.rmSync(file);
            await this.notifyDisk([{ file, type: FileChangeType.Deleted }]);
            return `delete ${rel}`;
        }
        if (r < 0.9) {
            const config = path.join(this.root, 'sporbar.json');
            const rules = this.pick([{}, { 'source/unused': 'off' }, { 'question/unanswered': 'error', 'finding/single-informant': 'off' }, { 'ref/unresolved': 'warning' }]);
            fs.writeFileSync(config, JSON.stringify({ rules }));
            await this.notifyDisk([{ file: config, type: FileChangeType.Changed }]);
            return `sporbar.json ${JSON.stringify(rules)}`;
        }
        if (isOpen) {
            // Close without saving: the unsaved text is dropped and the disk counts again.
            await this.didChange(file, this.edit(this.text(file)), false);
            await this.didClose(file);
            return `edit and close unsaved ${rel}`;
        }
        await this.didOpen(file);
        return `open ${rel}`;
    }

    /** Saves every open document (as the user would before running the CLI): the disk then holds what the editor shows. */
    async saveAll(): Promise<void> {
        const changes: { file: string; type: FileChangeType }[] = [];
        for (const [uri, doc] of this.open) {
            const file = fileURLToPath(uri);
            const existed = fs.existsSync(file);
            fs.writeFileSync(file, doc.text);
            changes.push({ file, type: existed ? FileChangeType.Changed : FileChangeType.Created });
        }
        if (changes.length) await this.notifyDisk(changes);
    }

    /** Waits until the server has validated everything (without forcing a rebuild) and publishing has settled. */
    async quiet(): Promise<void> {
        await this.client.request('workspace/executeCommand', { command: 'sporbar.server.listReports', arguments: [] });
        await new Promise(r => setTimeout(r, 150));
        await this.client.request('workspace/executeCommand', { command: 'sporbar.server.listReports', arguments: [] });
    }

    /** Published diagnostics of every file vs a cold CLI run; returns the differences. */
    compare(): { differences: string[]; files: number; diagnostics: number } {
        const cold = validateJson(this.root).diagnostics.filter(d => d.file !== 'sporbar.json');
        const byFile = new Map<string, JsonDiagnostic[]>();
        for (const d of cold) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
        const differences: string[] = [];
        const files = this.files().map(f => path.relative(this.root, f).split(path.sep).join('/'));
        for (const file of files) {
            const expected = (byFile.get(file) ?? []).map(key).sort();
            const actual = (this.client.diagnostics.get(uriOf(path.join(this.root, file))) ?? []).map(fromLsp).sort();
            const missing = expected.filter(k => !actual.includes(k));
            const extra = actual.filter(k => !expected.includes(k));
            if (missing.length || extra.length) differences.push(`${file}:\n    missing ${JSON.stringify(missing.slice(0, 5))}\n    extra ${JSON.stringify(extra.slice(0, 5))}`);
        }
        // A file that no longer exists has no diagnostics left in the editor.
        for (const [uri, diagnostics] of this.client.diagnostics) {
            const file = fileURLToPath(uri);
            if (file.endsWith('.prog') && !fs.existsSync(file) && diagnostics.length > 0) differences.push(`${path.relative(this.root, file)} (deleted): still ${diagnostics.length} diagnostics`);
        }
        return { differences, files: files.length, diagnostics: cold.length };
    }

    /** Compares, giving a slow server a few more chances before calling it stale. */
    async assertMatchesCold(label: string): Promise<{ files: number; diagnostics: number }> {
        let result = this.compare();
        for (let attempt = 0; attempt < 4 && result.differences.length; attempt++) {
            await new Promise(r => setTimeout(r, 500));
            await this.quiet();
            result = this.compare();
        }
        expect(result.differences, `${label} (seed ${SEED}); last steps:\n  ${this.log.slice(-25).join('\n  ')}`).toEqual([]);
        return result;
    }
}

let root: string;
let client: TestClient;

beforeAll(async () => {
    root = copyOf(PRI, 'sporbar-incremental-');
    client = await startServerWithGc(root);
    const files = fs.readdirSync(root).filter(f => f.endsWith('.prog')).map(f => path.join(root, f));
    await client.waitForWorkspace(files);
});

afterAll(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
});

describe('incremental = cold', () => {
    it('starts equal to a cold run', async () => {
        const session = new Session(client, root, prng(SEED));
        await session.quiet();
        await session.assertMatchesCold('initial');
    });

    it(`${ROUNDS} rounds of ${EDITS_PER_ROUND} random edits (seed ${SEED}): published diagnostics equal a cold CLI run at every quiet point`, async () => {
        const session = new Session(client, root, prng(SEED));
        let edits = 0;
        let compared = 0;
        for (let round = 0; round < ROUNDS; round++) {
            for (let i = 0; i < EDITS_PER_ROUND; i++) {
                session.log.push(await session.step());
                edits++;
                // Sometimes no pause at all, sometimes a short one: builds are cancelled mid-way.
                if (session.random() < 0.3) await new Promise(r => setTimeout(r, Math.floor(session.random() * 40)));
            }
            await session.saveAll();
            await session.quiet();
            const r = await session.assertMatchesCold(`round ${round + 1}`);
            compared += r.files;
            session.log.push(`-- quiet point ${round + 1}: ${r.files} files, ${r.diagnostics} diagnostics equal`);
        }
        console.log(`incremental: ${edits} edits, ${ROUNDS} quiet points, ${compared} file comparisons (seed ${SEED})`);
        for (const uri of [...session.open.keys()]) await session.didClose(fileURLToPath(uri));
        expect(edits).toBe(ROUNDS * EDITS_PER_ROUND);
    }, 600_000);

    it('absorbs a burst of 2,000 didChange notifications: prompt answer, diagnostics equal a cold run, heap back within 20%', async () => {
        const session = new Session(client, root, prng(SEED + 1));
        await session.quiet();
        const heap = () => heapUsed(client);
        const before = await heap();
        expect(before.gc).toBe(true);
        const file = path.join(root, 'burst.prog');
        fs.writeFileSync(file, 'finding Fburst "Burst" {\n    answers a  evidence I01  confidence low\n    text """ start """\n}\n');
        await session.notifyDisk([{ file, type: FileChangeType.Created }]);
        await session.quiet();
        const uri = uriOf(file);
        await session.didOpen(file);
        const original = session.text(file);
        const started = Date.now();
        // Typing: 2,000 single-character incremental changes inside the text block.
        const line = 2;
        let doc = session.open.get(uri)!;
        const sends: Promise<void>[] = [];
        for (let i = 0; i < 2000; i++) {
            doc.version++;
            const ch = i % 50 === 49 ? ' @F1 ' : 'abcdefghij'[i % 10];
            const column = original.split('\n')[line].indexOf('"""') + 3;
            sends.push(client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version: doc.version },
                contentChanges: [{ range: { start: { line, character: column }, end: { line, character: column } }, text: ch }]
            }));
            const lines = doc.text.split('\n');
            lines[line] = lines[line].slice(0, column) + ch + lines[line].slice(column);
            doc.text = lines.join('\n');
        }
        await Promise.all(sends);
        const sentMs = Date.now() - started;
        expect(sentMs).toBeLessThan(1000);
        const asked = Date.now();
        const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const answerMs = Date.now() - asked;
        expect(symbols.length).toBeGreaterThan(0);
        expect(answerMs).toBeLessThan(3000);
        doc = session.open.get(uri)!;
        await session.saveAll();
        await session.quiet();
        await session.assertMatchesCold('after the burst');
        // Undo the burst and close: the heap comes back to where it was.
        await session.didChange(file, original, true);
        await session.didClose(file);
        fs.rmSync(file);
        await session.notifyDisk([{ file, type: FileChangeType.Deleted }]);
        await session.quiet();
        await session.assertMatchesCold('after undoing the burst');
        const after = await heap();
        console.log(`burst: 2,000 didChange sent in ${sentMs} ms; documentSymbol answered in ${answerMs} ms; heap ${(before.heapUsed / 1e6).toFixed(1)} MB -> ${(after.heapUsed / 1e6).toFixed(1)} MB`);
        expect(after.heapUsed).toBeLessThan(before.heapUsed * 1.2);
    }, 300_000);
});

describe('resolution does not depend on the order documents entered the index', () => {
    it('a duplicated ID resolves to the first declaration in path order, whatever order the files were added in', async () => {
        const { createProgCoreServices, collectDiagnostics } = await import('@sporbar/language');
        const { EmptyFileSystem, URI } = await import('langium');
        const texts: Record<string, string> = {
            'a.prog': 'programme P "P"\nquestion Q "Q?"\nsource S1 document "Første" { date 2021-01-01 }\n',
            'b.prog': 'source S1 document "Andre" { date 2021-01-01 }\n',
            'c.prog': 'finding F1 "F" { answers Q  evidence S1  confidence low }\n'
        };
        const run = async (order: string[]) => {
            const services = createProgCoreServices(EmptyFileSystem).Prog;
            const documents = order.map(name => {
                const document = services.shared.workspace.LangiumDocumentFactory.fromString(texts[name], URI.file(`/ws/${name}`));
                services.shared.workspace.LangiumDocuments.addDocument(document);
                return document;
            });
            await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
            const workspace = { root: '/ws', services, documents: documents as never, configProblems: [] };
            return collectDiagnostics(workspace).map(d => `${d.file}:${d.diagnostic.range.start.line + 1} ${d.diagnostic.code}`);
        };
        const inPathOrder = await run(['a.prog', 'b.prog', 'c.prog']);
        expect(inPathOrder).toContain('b.prog:1 source/unused');
        expect(inPathOrder).not.toContain('a.prog:3 source/unused');
        expect(await run(['c.prog', 'b.prog', 'a.prog'])).toEqual(inPathOrder);
        expect(await run(['b.prog', 'c.prog', 'a.prog'])).toEqual(inPathOrder);
    });
});
