/**
 * The path logic with Windows semantics (`path.win32`) on any machine: drive letters,
 * backslashes, UNC shares, folders that differ only in case, `file:///c%3A/…` URIs — in the
 * workspace loader and server root, `file` confinement, the report output checks, the CLI's
 * printed paths and SARIF's `artifactLocation`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES, type FileDiagnostic } from '@sporbar/language';
import { resolveWorkspaceFile } from '@sporbar/language';
import { outputProblem } from '@sporbar/report';
import { fileUriToPath, isAbsoluteSlashPath, isInside, pathToFileUri, relativePath } from '../../packages/language/src/workspace/prog-paths.js';
import { shownPath } from '../../packages/cli/src/cli-workspace.js';
import { workspaceLocation } from '../../packages/cli/src/validate-run.js';
import { artifactLocation, toSarif } from '../../packages/cli/src/formats/sarif.js';
import { displayPath, type FormatContext } from '../../packages/cli/src/formats/context.js';
import { tempWorkspace } from '../reliability/helpers.js';

const win = path.win32;
const posix = path.posix;

describe('isInside', () => {
    it('on Windows: ignores case and slash direction, and knows drives and shares', () => {
        expect(isInside('C:\\Users\\Kari\\ws', 'c:\\users\\kari\\WS\\data\\I01.txt', win)).toBe(true);
        expect(isInside('C:\\ws', 'C:\\ws', win)).toBe(true);
        expect(isInside('C:\\ws', 'C:/ws/sub/a.prog', win)).toBe(true);
        expect(isInside('C:\\ws', 'C:\\ws2\\a.prog', win)).toBe(false);
        expect(isInside('C:\\ws', 'D:\\ws\\a.prog', win)).toBe(false);
        expect(isInside('C:\\ws', 'C:\\ws\\..\\secret.txt', win)).toBe(false);
        expect(isInside('C:\\ws', 'C:\\', win)).toBe(false);
        expect(isInside('\\\\server\\share\\ws', '\\\\SERVER\\share\\ws\\a.prog', win)).toBe(true);
        expect(isInside('\\\\server\\share\\ws', '\\\\other\\share\\ws\\a.prog', win)).toBe(false);
        expect(isInside('C:\\ws', '\\\\server\\share\\ws', win)).toBe(false);
    });

    it('counts a name that starts with two dots as inside (it used to be outside)', () => {
        expect(isInside('C:\\ws', 'C:\\ws\\..notes\\a.prog', win)).toBe(true);
        expect(isInside('/ws', '/ws/..notes/a.prog', posix)).toBe(true);
        expect(isInside('/ws', '/ws/../notes/a.prog', posix)).toBe(false);
    });

    it('on POSIX: case-sensitive unless asked (a case-insensitive file system: macOS)', () => {
        expect(isInside('/ws/data', '/ws/DATA/r.docx', posix)).toBe(false);
        expect(isInside('/ws/data', '/ws/DATA/r.docx', posix, { ignoreCase: true })).toBe(true);
        expect(isInside('/ws/data', '/ws/database/r.docx', posix, { ignoreCase: true })).toBe(false);
    });
});

describe('relativePath and shownPath', () => {
    it('gives workspace paths with / on Windows, whatever the case of the drive or folders', () => {
        expect(relativePath('C:\\ws', 'c:\\WS\\sub\\a.prog', win)).toBe('sub/a.prog');
        expect(relativePath('C:\\a\\b', 'C:\\a\\ws', win)).toBe('../ws');
        // No relative path to another drive: the absolute one, with /.
        expect(relativePath('C:\\cwd', 'D:\\ws', win)).toBe('D:/ws');
        expect(isAbsoluteSlashPath('D:/ws')).toBe(true);
        expect(isAbsoluteSlashPath('//server/share/ws')).toBe(true);
        expect(isAbsoluteSlashPath('../ws')).toBe(false);
    });

    it('prints a written report relative to the current folder, or absolute on another drive', () => {
        expect(shownPath('C:\\work', 'c:\\work\\out\\R.docx', win)).toBe('out\\R.docx');
        expect(shownPath('C:\\work\\ws', 'C:\\work\\rapporter\\R.docx', win)).toBe('..\\rapporter\\R.docx');
        expect(shownPath('C:\\work', 'D:\\rapporter\\R.docx', win)).toBe('D:\\rapporter\\R.docx');
        expect(shownPath('/work', '/work/out/R.docx', posix)).toBe('out/R.docx');
    });
});

describe('file URIs', () => {
    it('reads the URIs editors send on Windows', () => {
        expect(fileUriToPath('file:///c%3A/Users/Kari%20Nordmann/ws', win)).toBe('c:\\Users\\Kari Nordmann\\ws');
        expect(fileUriToPath('file:///C:/Users/x/', win)).toBe('C:\\Users\\x\\');
        expect(fileUriToPath('file:///c%3A/evaluering/%C3%A6%C3%B8%C3%A5', win)).toBe('c:\\evaluering\\æøå');
        expect(fileUriToPath('file://server/share/ws', win)).toBe('\\\\server\\share\\ws');
        expect(fileUriToPath('file://localhost/c%3A/ws', win)).toBe('c:\\ws');
        expect(fileUriToPath('untitled:Untitled-1', win)).toBeUndefined();
        expect(fileUriToPath('vscode-vfs://github/sporbar/x', win)).toBeUndefined();
        expect(fileUriToPath('file:///c%ZZ/x', win)).toBeUndefined();
    });

    it('reads POSIX file URIs', () => {
        expect(fileUriToPath('file:///home/kari/m%C3%A5l', posix)).toBe('/home/kari/mål');
        expect(fileUriToPath('file:///', posix)).toBe('/');
    });

    it('writes file URIs of Windows and POSIX paths, and reads them back', () => {
        expect(pathToFileUri('D:\\ws\\a b.prog', win)).toBe('file:///D:/ws/a%20b.prog');
        expect(pathToFileUri('\\\\server\\share\\ws', win)).toBe('file://server/share/ws');
        expect(pathToFileUri('C:\\', win)).toBe('file:///C:/');
        expect(pathToFileUri('/home/x y/#1', posix)).toBe('file:///home/x%20y/%231');
        for (const p of ['D:\\ws\\a b.prog', 'C:\\evaluering\\æøå\\Rapport #2.docx', '\\\\server\\share\\ws\\x.prog']) {
            expect(fileUriToPath(pathToFileUri(p, win), win)).toBe(p);
        }
        expect(fileUriToPath(pathToFileUri('/home/kari/mål #1', posix), posix)).toBe('/home/kari/mål #1');
    });
});

describe('CI outputs on Windows', () => {
    const diagnostic: FileDiagnostic = {
        file: 'sub/a b.prog', uri: 'file:///d%3A/ws/sub/a%20b.prog',
        diagnostic: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, severity: 1, code: 'ref/unresolved', message: 'x' }
    };
    const context = (cwd: string, root: string): FormatContext =>
        ({ version: '0', files: 1, ...workspaceLocation(cwd, root, win), documents: [], rules: RULES, overrides: new Map() });

    it('places the workspace relative to the current folder, case-insensitively', () => {
        expect(workspaceLocation('C:\\repo', 'C:\\repo\\ws', win)).toEqual({ base: 'ws', srcRoot: 'file:///C:/repo/' });
        expect(workspaceLocation('C:\\repo', 'c:\\REPO', win)).toEqual({ base: '', srcRoot: 'file:///C:/repo/' });
        expect(workspaceLocation('C:\\repo', 'D:\\ws', win).base).toBe('D:/ws');
    });

    it('gives SARIF a location relative to %SRCROOT%, or an absolute file URI on another drive or share', () => {
        expect(artifactLocation(context('C:\\repo', 'C:\\repo\\ws'), diagnostic.file)).toEqual({ uri: 'ws/sub/a%20b.prog', uriBaseId: '%SRCROOT%' });
        expect(artifactLocation(context('C:\\repo', 'D:\\ws'), diagnostic.file)).toEqual({ uri: 'file:///D:/ws/sub/a%20b.prog' });
        const share = context('C:\\repo', '\\\\server\\share\\ws');
        expect(displayPath(share, diagnostic.file)).toBe('//server/share/ws/sub/a b.prog');
        expect(artifactLocation(share, diagnostic.file)).toEqual({ uri: 'file://server/share/ws/sub/a%20b.prog' });
        const log = JSON.parse(toSarif([diagnostic], context('C:\\repo', 'D:\\ws'))) as { runs: { results: { locations: { physicalLocation: { artifactLocation: unknown } }[] }[] }[] };
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///D:/ws/sub/a%20b.prog' });
    });
});

describe('file confinement and report outputs, with Windows-style paths in the model', () => {
    const root = tempWorkspace({ 'data/I01.txt': 'intervju\n', 'a.prog': '' }, 'sporbar-paths-');
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it('reads `\\` as a separator and refuses drives, shares, URLs and climbs by their text', () => {
        expect(resolveWorkspaceFile(root, 'data\\I01.txt')).toEqual({ kind: 'file', path: path.join(fs.realpathSync(root), 'data', 'I01.txt') });
        expect(resolveWorkspaceFile(root, '.\\data\\\\I01.txt').kind).toBe('file');
        for (const [written, reason] of [
            ['C:\\Windows\\win.ini', 'drive letter'],
            ['c:data\\I01.txt', 'drive letter'],
            ['\\\\server\\share\\I01.txt', 'UNC'],
            ['\\\\?\\C:\\x', 'UNC'],
            ['\\data\\I01.txt', 'absolute'],
            ['..\\..\\etc\\passwd', 'climbs'],
            ['data\\..\\..\\x', 'climbs'],
            ['%2e%2e\\x', 'climbs'],
            ['file:///C:/x', 'URL']
        ] as const) {
            const r = resolveWorkspaceFile(root, written);
            expect(r.kind, written).toBe('outside');
            expect(r.kind === 'outside' && r.reason, written).toContain(reason);
        }
    });

    it("refuses a report inside the data folder whatever its case (Windows, macOS)", () => {
        for (const out of [path.join(root, 'data', 'r.docx'), path.join(root, 'DATA', 'r.docx'), path.join(root, 'Data', 'sub', 'r.docx')]) {
            expect(outputProblem(out, root), out).toMatch(/data folder/);
        }
        expect(outputProblem(path.join(root, 'database', 'r.docx'), root)).toBeUndefined();
        expect(outputProblem(path.join(root, 'out', 'R.PROG'), root)).toMatch(/\.prog/);
    });
});
