/**
 * Hostile and broken input, through the real CLI (`sporbar validate`) and, where it makes
 * sense, the language server: each case ends with a clear diagnostic or message (file,
 * line, column) and nothing crashes or hangs.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { collectDiagnostics, loadWorkspace, RULES } from '@sporbar/language';
import { TestClient, uriOf } from '../lsp/lsp-client.js';
import { cli, tempWorkspace, validateJson, where, type JsonDiagnostic } from './helpers.js';

const errors = (diagnostics: readonly JsonDiagnostic[]) => diagnostics.filter(d => d.severity === 'error');

const PROGRAMME = 'programme P "Programme" { client KS }\nactor KS "KS" { type association }\n';
const roots: string[] = [];
function ws(files: Record<string, string | Uint8Array>): string {
    const root = tempWorkspace(files, 'sporbar-hostile-');
    roots.push(root);
    return root;
}
afterAll(() => { for (const root of roots) fs.rmSync(root, { recursive: true, force: true }); });

describe('size', () => {
    it('a 10 MB file: validated in reasonable time, the error at its exact line and column', () => {
        const lines = [PROGRAMME, 'finding F1 "Stor" { answers Q  evidence S1  confidence low  text """'];
        const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. '.repeat(2) + '\n';
        const count = Math.ceil(10 * 1024 * 1024 / filler.length);
        const body = filler.repeat(count);
        const text = `${lines.join('\n')}\n${body}    @Missing """ }\nquestion Q "Q?"\nsource S1 document "S" { date 2021-01-01 }\n`;
        expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
        const root = ws({ 'big.prog': text });
        const run = validateJson(root, 120_000);
        const line = text.slice(0, text.indexOf('@Missing')).split('\n').length;
        expect(where(run.diagnostics)).toEqual([`big.prog:${line}:5 text/unresolved-ref`]);
        expect(run.status).toBe(1);
    });

    it('a 1 MB single line: the error at its column', () => {
        const pad = 'x'.repeat(1024 * 1024);
        const text = `${PROGRAMME}need N "${pad}" { weight high } question Q "${pad}" { need N, Nope }`;
        const root = ws({ 'line.prog': text });
        const run = validateJson(root);
        const lastLine = text.split('\n').at(-1)!;
        expect(where(errors(run.diagnostics))).toEqual([`line.prog:3:${lastLine.indexOf('Nope') + 1} ref/unresolved`]);
    });

    it.each([
        ['1,000 nested braces', '{'.repeat(1000) + '}'.repeat(1000)],
        ['1,000 opening braces', '{'.repeat(1000)],
        ['1,000 text blocks in a row', 'finding F1 "F" { text ' + '"""a"""'.repeat(1000) + ' }'],
        ['1,000 text openers', '"""\n'.repeat(1000)],
        ['1,000 brackets and chains', 'logic L "L" { ' + '( [ '.repeat(1000) + 'A -> '.repeat(1000) + 'B }'],
        ['1,000 nested comments', '/* '.repeat(1000) + ' */'.repeat(1000)]
    ])('%s: syntax diagnostics with a place, no crash', (_name, text) => {
        const root = ws({ 'a.prog': PROGRAMME, 'nested.prog': text });
        const run = validateJson(root);
        expect(run.status).toBe(1);
        const own = run.diagnostics.filter(d => d.file === 'nested.prog');
        expect(own.length).toBeGreaterThan(0);
        for (const d of own) {
            expect(RULES.some(r => r.code === d.code), d.code).toBe(true);
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
        }
        expect(own.some(d => d.severity === 'error')).toBe(true);
    });
});

describe('encoding and line ends', () => {
    it('invalid UTF-8: syntax/encoding at the first bad byte (line and column)', () => {
        const before = Buffer.from(`${PROGRAMME}need N "ok`);
        const root = ws({ 'bad.prog': Buffer.concat([before, Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"\n')]) });
        const run = validateJson(root);
        const enc = run.diagnostics.filter(d => d.code === 'syntax/encoding');
        expect(enc).toHaveLength(1);
        expect(`${enc[0].file}:${enc[0].line}:${enc[0].column}`).toBe(`bad.prog:3:${'need N "ok'.length + 1}`);
        expect(enc[0].message).toMatch(/not valid UTF-8.*offset \d+/);
    });

    it('a UTF-8 byte-order mark: no diagnostic, and positions do not count it', () => {
        const text = `${PROGRAMME}question Q "Q?" { need Nope }\n`;
        const root = ws({ 'bom.prog': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
        expect(where(errors(validateJson(root).diagnostics))).toEqual([`bom.prog:3:${'question Q "Q?" { need '.length + 1} ref/unresolved`]);
        fs.writeFileSync(path.join(root, 'bom.prog'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PROGRAMME)]));
        expect(validateJson(root).diagnostics).toEqual([]);
    });

    it.each([['CRLF', '\r\n'], ['lone CR', '\r'], ['mixed', '\r\n']])('%s line ends: positions are right', (_name, eol) => {
        const lines = ['programme P "Programme" { client KS }', 'actor KS "KS" { type association }', '', 'question Q "Q?" {', '    need Nope', '}'];
        const text = _name === 'mixed' ? lines.join('\n').replace('\n\n', '\r\n\r') : lines.join(eol);
        const root = ws({ 'eol.prog': text });
        expect(where(errors(validateJson(root).diagnostics))).toEqual([`eol.prog:5:10 ref/unresolved`]);
    });

    it('NUL bytes / a binary file named .prog: one syntax/encoding at 1:1, no flood', () => {
        const binary = Buffer.alloc(4096);
        for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
        const root = ws({ 'a.prog': PROGRAMME, 'image.prog': binary, 'nul.prog': `need N "a\u0000b"\n` });
        const run = validateJson(root);
        expect(where(run.diagnostics)).toEqual(['image.prog:1:1 syntax/encoding', 'nul.prog:1:1 syntax/encoding']);
        expect(run.diagnostics[0].message).toMatch(/binary/);
    });
});

describe('files that cannot be read', () => {
    it('a FIFO named x.prog: syntax/unreadable at 1:1 naming what it is; no hang', () => {
        const root = ws({ 'a.prog': PROGRAMME });
        execFileSync('mkfifo', [path.join(root, 'pipe.prog')]);
        const run = validateJson(root, 20_000);
        expect(where(run.diagnostics)).toEqual(['pipe.prog:1:1 syntax/unreadable']);
        expect(run.diagnostics[0].message).toMatch(/not a regular file.*FIFO/i);
        expect(run.status).toBe(1);
    });

    it('a symbolic-link loop named x.prog and a folder link loop: a diagnostic for the file, the loop not followed', () => {
        const root = ws({ 'a.prog': PROGRAMME });
        fs.symlinkSync('loop2.prog', path.join(root, 'loop1.prog'));
        fs.symlinkSync('loop1.prog', path.join(root, 'loop2.prog'));
        fs.mkdirSync(path.join(root, 'sub'));
        fs.symlinkSync('..', path.join(root, 'sub', 'up'));
        fs.symlinkSync('.', path.join(root, 'sub', 'self'));
        const run = validateJson(root, 20_000);
        expect(where(run.diagnostics)).toEqual(['loop1.prog:1:1 syntax/unreadable', 'loop2.prog:1:1 syntax/unreadable']);
        expect(run.diagnostics[0].message).toMatch(/symbolic link/i);
    });

    it('a read that fails in the file-system provider (a folder given as a file): syntax/unreadable, not a crash', async () => {
        const root = ws({ 'a.prog': PROGRAMME, 'folder.prog/inner.txt': 'x' });
        const diagnostics = collectDiagnostics(await loadWorkspace(root, [path.join(root, 'a.prog'), path.join(root, 'folder.prog')]));
        expect(diagnostics.map(d => `${d.file}:${d.diagnostic.range.start.line + 1}:${d.diagnostic.range.start.character + 1} ${d.diagnostic.code}`)).toEqual(['folder.prog:1:1 syntax/unreadable']);
        expect(diagnostics[0].diagnostic.message).toMatch(/folder/);
    });

    it('a folder named x.prog is a folder: its .prog files count, nothing is read from the folder itself', () => {
        const root = ws({ 'a.prog': PROGRAMME, 'weird.prog/inner.prog': 'question Q "Q?" { need Nope }\n' });
        expect(where(errors(validateJson(root).diagnostics))).toEqual(['weird.prog/inner.prog:1:24 ref/unresolved']);
    });
});

describe('sporbar.json', () => {
    it('that is not JSON: config diagnostic with line and column, the .prog files still checked', () => {
        const root = ws({ 'a.prog': PROGRAMME + 'question Q "Q?" { need Nope }\n', 'sporbar.json': '{\n  "rules": {\n    "source/unused": off\n  }\n}\n' });
        const run = validateJson(root);
        expect(where(errors(run.diagnostics))).toEqual(['a.prog:3:24 ref/unresolved', 'sporbar.json:3:22 config/invalid']);
    });

    it('naming unknown rules and severities: each named, at its place', () => {
        const root = ws({ 'a.prog': PROGRAMME, 'sporbar.json': '{ "rules": {\n  "no/such-rule": "off",\n  "source/unused": "loud" } }' });
        const run = validateJson(root);
        expect(run.diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['sporbar.json:2:3 config/unknown-rule', 'sporbar.json:3:3 config/invalid']);
        expect(run.diagnostics[0].message).toContain('no/such-rule');
        expect(run.diagnostics[1].message).toContain('loud');
    });

    it('that is a FIFO: a config diagnostic, no hang (validate and every CI format)', () => {
        const root = ws({ 'a.prog': PROGRAMME });
        execFileSync('mkfifo', [path.join(root, 'sporbar.json')]);
        const run = validateJson(root, 20_000);
        expect(where(run.diagnostics)).toEqual(['sporbar.json:1:1 config/invalid']);
        for (const format of ['sarif', 'github', 'gitlab', 'junit']) {
            const r = cli(['validate', root, '--format', format], { timeout: 20_000 });
            expect(r.signal, format).toBeNull();
            expect(r.status, format).toBe(1);
        }
    });
});

describe('the language server', () => {
    let client: TestClient | undefined;
    afterEach(async () => { await client?.stop(); client = undefined; });

    it('a file deleted on disk while open leaves the model at once (the disk counts); saving it again brings it back', async () => {
        const root = ws({ 'a.prog': PROGRAMME, 'b.prog': 'question Q "Q?" { need N }\n', 'n.prog': 'need N "N"\n' });
        client = await TestClient.start(root);
        await client.waitForWorkspace([path.join(root, 'a.prog'), path.join(root, 'b.prog'), path.join(root, 'n.prog')]);
        const n = await client.open('n.prog');
        fs.rmSync(path.join(root, 'n.prog'));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: n, type: FileChangeType.Deleted }] });
        // The editor still shows n.prog, but the model is the disk: b.prog's reference breaks.
        const b = (await client.waitForDiagnostics(client.uri('b.prog'), d => d.some(x => x.severity === 1))).filter(d => d.severity === 1);
        expect(b.map(d => [d.code, d.range.start])).toEqual([['ref/unresolved', { line: 0, character: 23 }]]);
        await client.waitForDiagnostics(n, d => d.length === 0);
        // Typing in the deleted file does not bring it back.
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: n, version: 2 }, contentChanges: [{ text: 'need N "N"\nneed M "M"\n' }] });
        await new Promise(r => setTimeout(r, 300));
        expect(client.diagnostics.get(client.uri('b.prog'))?.filter(d => d.severity === 1)).toHaveLength(1);
        // Saved again: created on disk, back in the model with the editor's text.
        fs.writeFileSync(path.join(root, 'n.prog'), 'need N "N"\nneed M "M"\n');
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: n, type: FileChangeType.Created }] });
        await client.waitForDiagnostics(client.uri('b.prog'), d => !d.some(x => x.severity === 1));
        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: n } });
        expect(client.stderr.join('')).not.toMatch(/Error|exception/i);
    });

    it('a file changed on disk while open: the editor text wins until it is closed, then the disk', async () => {
        const root = ws({ 'a.prog': PROGRAMME, 'b.prog': 'question Q "Q?" { need N }\n', 'n.prog': 'need N "N"\n' });
        client = await TestClient.start(root);
        await client.waitForWorkspace([path.join(root, 'b.prog')]);
        const n = await client.open('n.prog');
        fs.writeFileSync(path.join(root, 'n.prog'), 'need Other "Other"\n');
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: n, type: FileChangeType.Changed }] });
        const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri: client.uri('b.prog') }, position: { line: 0, character: 23 } });
        expect(JSON.stringify(hover)).toContain('N');
        expect(client.diagnostics.get(client.uri('b.prog'))?.filter(d => d.severity === 1)).toEqual([]);
        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: n } });
        const b = (await client.waitForDiagnostics(client.uri('b.prog'), d => d.some(x => x.severity === 1))).filter(d => d.severity === 1);
        expect(b[0].code).toBe('ref/unresolved');
    });

    it('a FIFO, a binary file and a 1 MB line in the workspace: diagnostics published, requests still answered', async () => {
        const pad = 'x'.repeat(1024 * 1024);
        const root = ws({ 'a.prog': PROGRAMME, 'bin.prog': Buffer.from([0, 1, 2, 0xff, 0]), 'line.prog': `need N "${pad}" question Q "Q" { need N, Nope }` });
        execFileSync('mkfifo', [path.join(root, 'pipe.prog')]);
        client = await TestClient.start(root);
        const bin = await client.waitForDiagnostics(uriOf(path.join(root, 'bin.prog')), d => d.length > 0);
        expect(bin.map(d => d.code)).toEqual(['syntax/encoding']);
        const pipe = await client.waitForDiagnostics(uriOf(path.join(root, 'pipe.prog')), d => d.length > 0);
        expect(pipe.map(d => [d.code, d.range.start])).toEqual([['syntax/unreadable', { line: 0, character: 0 }]]);
        const line = await client.waitForDiagnostics(uriOf(path.join(root, 'line.prog')), d => d.length > 0);
        expect(line.filter(d => d.severity === 1).map(d => [d.code, d.range.start.character])).toEqual([['ref/unresolved', pad.length + 'need N "" question Q "Q" { need N, '.length]]);
        // A huge open document: symbols answered promptly.
        const uri = uriOf(path.join(root, 'line.prog'));
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'prog', version: 1, text: fs.readFileSync(path.join(root, 'line.prog'), 'utf8') } });
        const started = Date.now();
        const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
        expect(symbols.length).toBe(2);
        expect(Date.now() - started).toBeLessThan(5000);
    });
});

describe('ranges at the end of a CRLF file', () => {
    // A text left open is reported where it opens (issue 19: one error per element); a block
    // left open at the end of the file gives a parse error after the last token.
    for (const [name, last, code] of [
        ['a text left open at the end of a CRLF file: the error lies inside the line it opens on', '    text """ unterminated', 'syntax/lexer'],
        ['a block left open at the end of a CRLF file: the parse error lies inside the last line', '    confidence low', 'syntax/parse']
    ] as const) {
        it(name, () => {
            const text = ['programme P "P" { client KS }', 'actor KS "KS" { type association }', 'finding F1 "F" {', last].join('\r\n') + '\r\n';
            const root = ws({ 'open.prog': text });
            const run = validateJson(root);
            const lines = text.split(/\r\n|\r|\n/);
            const syntax = run.diagnostics.filter(d => d.code.startsWith('syntax/'));
            expect(syntax.map(d => [d.code, d.line])).toEqual([[code, 4]]);
            for (const d of run.diagnostics) {
                expect(d.line).toBeLessThanOrEqual(lines.length);
                expect(d.column - 1, JSON.stringify(d)).toBeLessThanOrEqual(lines[d.line - 1].length);
                expect(d.endColumn - 1, JSON.stringify(d)).toBeLessThanOrEqual(lines[d.endLine - 1].length);
            }
        });
    }
});
