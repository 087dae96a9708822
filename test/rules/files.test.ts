import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fsObject from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectDiagnostics, loadCitationJs, loadWorkspace, parseBibliography, ProgBibliography, resolveWorkspaceFile } from '@sporbar/language';

let base: string;
let root: string;

beforeAll(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-files-')));
    root = path.join(base, 'ws');
    fs.mkdirSync(path.join(root, 'data', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(root, 'data', 'a.txt'), 'inside\n');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'outside\n');
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'data', 'out-absolute.txt'));
    fs.symlinkSync('../../secret.txt', path.join(root, 'data', 'out-relative.txt'));
    fs.symlinkSync(base, path.join(root, 'parent-folder'));
    fs.symlinkSync('a.txt', path.join(root, 'data', 'in.txt'));
    fs.symlinkSync('sub', path.join(root, 'data', 'subdir'));
    fs.symlinkSync('../../nowhere-outside.txt', path.join(root, 'data', 'dangling-out.txt'));
    fs.symlinkSync('loop', path.join(root, 'data', 'loop'));
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('resolveWorkspaceFile', () => {
    it.each([
        ['data/a.txt'], ['./data/a.txt'], ['data/../data/a.txt'], ['data/sub/../a.txt'], ['data\\a.txt'], ['data/in.txt']
    ])('%s is a file inside the workspace', written => {
        const r = resolveWorkspaceFile(root, written);
        expect(r).toEqual({ kind: 'file', path: path.join(root, 'data', 'a.txt') });
    });

    it.each([
        ['../secret.txt'], ['data/../../secret.txt'], ['/etc/passwd'], [path.join(os.tmpdir(), 'secret.txt')], ['C:\\Windows\\win.ini'],
        ['c:secret.txt'], ['\\\\server\\share\\x'], ['//server/share/x'], ['%2e%2e/secret.txt'], ['%2E%2E%2Fsecret.txt'],
        ['data/%2e%2e/%2e%2e/secret.txt'], ['..\\secret.txt'], ['~/secret.txt'], ['file:///etc/passwd'],
        ['data/out-absolute.txt'], ['data/out-relative.txt'], ['parent-folder/secret.txt'], ['data/dangling-out.txt']
    ])('%s is outside', written => {
        expect(resolveWorkspaceFile(root, written).kind).toBe('outside');
    });

    it.each([
        ['data/none.txt'], ['data'], ['data/sub'], ['data/a.txt/x'], ['data/loop'], [''], ['.']
    ])('%s is missing', written => {
        expect(resolveWorkspaceFile(root, written).kind).toBe('missing');
    });

    it('follows a link to a folder that stays inside', () => {
        fs.writeFileSync(path.join(root, 'data', 'sub', 'b.txt'), 'b\n');
        expect(resolveWorkspaceFile(root, 'data/subdir/b.txt')).toEqual({ kind: 'file', path: path.join(root, 'data', 'sub', 'b.txt') });
    });

    it('never touches a path outside the workspace', () => {
        // Record every path the file system is asked about (named ESM exports of node:fs follow its object after syncBuiltinESMExports).
        const names = ['lstatSync', 'statSync', 'realpathSync', 'readlinkSync', 'readFileSync', 'openSync', 'existsSync', 'accessSync'] as const;
        const originals = names.map(name => fsObject[name]);
        const touched: string[] = [];
        names.forEach((name, i) => {
            const original = originals[i] as (...args: unknown[]) => unknown;
            (fsObject as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
                touched.push(String(args[0]));
                return original.apply(fsObject, args);
            };
        });
        syncBuiltinESMExports();
        try {
            for (const written of ['data/a.txt', '../secret.txt', 'data/out-relative.txt', 'data/out-absolute.txt', 'parent-folder/secret.txt', '%2e%2e/secret.txt', 'data/dangling-out.txt']) {
                resolveWorkspaceFile(root, written);
            }
        } finally {
            names.forEach((name, i) => { (fsObject as unknown as Record<string, unknown>)[name] = originals[i]; });
            syncBuiltinESMExports();
        }
        expect(touched.length).toBeGreaterThan(0);
        expect(touched.filter(p => p !== root && !p.startsWith(root + path.sep))).toEqual([]);
    });

    it('a symbolic link out gives source/file-outside-workspace only, never source/file-missing', async () => {
        fs.writeFileSync(path.join(root, 'model.prog'), `programme P "P"
question Q "Q?"
finding F1 "F" { answers Q  confidence low  evidence S1, S2, S3, S4 }
source S1 document "Link out" { file "data/out-relative.txt" }
source S2 document "Dangling link out" { file "data/dangling-out.txt" }
source S3 document "Folder link out" { file "parent-folder/secret.txt" }
source S4 document "Link in" { file "data/in.txt" }
`);
        try {
            const found = collectDiagnostics(await loadWorkspace(root)).map(d => `${d.diagnostic.range.start.line + 1} ${d.diagnostic.code}`);
            expect(found).toEqual(['4 source/file-outside-workspace', '5 source/file-outside-workspace', '6 source/file-outside-workspace']);
        } finally {
            fs.rmSync(path.join(root, 'model.prog'));
        }
    });
});

describe('bibliography', () => {
    // citation-js is loaded when first needed; a build loads it (prog-document-builder.ts).
    beforeAll(() => loadCitationJs());

    it('parses BibTeX into CSL-JSON entries keyed by citation key', () => {
        const r = parseBibliography('refs.bib', '@book{patton2011, author = {Patton, Michael Quinn}, title = {Developmental Evaluation}, year = {2011}}\n@misc{nordvik:2019, title = {X}}');
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect([...r.bibliography.keys]).toEqual(['patton2011', 'nordvik:2019']);
        expect(r.bibliography.entries[0].title).toBe('Developmental Evaluation');
        expect(r.bibliography.entries[0].author?.[0].family).toBe('Patton');
    });

    it.each([
        ['refs.bib', 'just some text', 'invalid'],
        ['refs.bib', '@book{x, title = {unclosed', 'invalid'],
        ['refs.json', '{"id": "x", "type": "book"}', 'invalid'],
        ['refs.json', '[{"id": "x"}]', 'invalid'],
        ['refs.json', '[{"type": "book"}]', 'invalid'],
        ['refs.json', '[1]', 'invalid'],
        ['refs.json', '[{"id": "x", "type": "book"', 'invalid']
    ])('%s with %s cannot be parsed', (file, text, problem) => {
        const r = parseBibliography(file, text);
        expect(r.ok ? 'ok' : r.problem).toBe(problem);
    });

    it.each([
        ['refs.bib', ''], ['refs.bib', '  \n'], ['refs.json', '[]'], ['refs.json', '[{"id": "x", "type": "book"}]']
    ])('%s with %s parses', (file, text) => {
        expect(parseBibliography(file, text).ok).toBe(true);
    });

    it('is cached by path and modification time', () => {
        const file = path.join(root, 'refs.json');
        fs.writeFileSync(file, '[{"id": "a", "type": "book"}]');
        fs.utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
        const service = new ProgBibliography();
        const first = service.load(root, 'refs.json');
        expect(service.load(root, 'refs.json')).toBe(first);
        fs.writeFileSync(file, '[{"id": "b", "type": "book"}]');
        fs.utimesSync(file, new Date(2021, 0, 1), new Date(2021, 0, 1));
        const second = service.load(root, 'refs.json');
        expect(second).not.toBe(first);
        expect(second.ok && [...second.bibliography.keys]).toEqual(['b']);
    });

    it('is never read from outside the workspace', () => {
        const r = new ProgBibliography().load(root, '../secret.txt');
        expect(r.ok ? 'ok' : r.problem).toBe('outside');
    });
});
