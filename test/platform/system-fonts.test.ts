/**
 * Reports never consult the machine's fonts: generated with every system font folder hidden
 * (an empty tmpfs mounted over each, in a mount namespace of the child process only), the
 * Word and HTML reports are byte-identical to the ones generated with the folders in place.
 * The figure is drawn by resvg compiled to WebAssembly, which has no file system: it sees
 * only the report font Sporbar ships (packages/report/assets/fonts).
 *
 * Needs `unshare` and the right to mount in a new namespace (root, as CI runs, or
 * unprivileged user namespaces); fails with a clear message when neither is there.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, PRI, REPO } from '../reliability/helpers.js';

/** Where fontconfig and resvg look for system fonts on Linux. */
const FONT_FOLDERS = ['/usr/share/fonts', '/usr/local/share/fonts', path.join(os.homedir(), '.fonts'), path.join(os.homedir(), '.local/share/fonts')];

let temp: string;
let unshare: string[] | undefined;

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

function quote(s: string): string {
    return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Runs a shell script in a new mount namespace with the font folders hidden. */
function hidden(script: string) {
    const hide = FONT_FOLDERS.filter(d => fs.existsSync(d)).map(d => `mount -t tmpfs sporbar-no-fonts ${quote(d)}`).join(' && ');
    return spawnSync('unshare', [...unshare!, 'sh', '-c', `${hide} && ${script}`], { cwd: REPO, encoding: 'utf8', timeout: 180_000 });
}

function report(out: string, format: string, hide: boolean): void {
    const command = [process.execPath, CLI, 'report', PRI, '--kind', 'assessment', '--format', format, '--out', out].map(quote).join(' ');
    const r = hide ? hidden(command) : spawnSync('sh', ['-c', command], { cwd: REPO, encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`sporbar report (${hide ? 'fonts hidden' : 'fonts in place'}) failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

beforeAll(() => {
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-fonts-')));
    for (const args of [['-m'], ['-r', '-m']]) {
        const probe = spawnSync('unshare', [...args, 'sh', '-c', `mount -t tmpfs probe ${quote(temp)} && test -z "$(ls -A ${quote(temp)})"`], { encoding: 'utf8' });
        if (probe.status === 0) {
            unshare = args;
            break;
        }
    }
});

afterAll(() => {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

describe('reports without system fonts', () => {
    it('hides the font folders for real in the child', () => {
        if (!unshare) throw new Error('cannot hide the system fonts: `unshare -m` (as root) or `unshare -r -m` (user namespaces) must be able to mount a tmpfs');
        const folders = FONT_FOLDERS.filter(d => fs.existsSync(d));
        expect(folders).toContain('/usr/share/fonts');
        const r = hidden(`for d in ${folders.map(quote).join(' ')}; do test -z "$(ls -A "$d")" || exit 3; done; ${fs.existsSync('/usr/bin/fc-list') ? 'test "$(fc-list | wc -l)" -eq 0' : 'true'}`);
        expect(r.status, r.stderr).toBe(0);
        // And they are there outside it: hiding them changes what the machine has.
        expect(fs.readdirSync('/usr/share/fonts').length).toBeGreaterThan(0);
    });

    it('gives byte-identical Word and HTML reports, the figure included', () => {
        if (!unshare) throw new Error('cannot hide the system fonts (see the test above)');
        for (const format of ['docx', 'html']) {
            const withFonts = path.join(temp, `with.${format}`);
            const without = path.join(temp, `without.${format}`);
            report(withFonts, format, false);
            report(without, format, true);
            expect(Buffer.compare(fs.readFileSync(withFonts), fs.readFileSync(without)), format).toBe(0);
        }
        const parts = unzipSync(fs.readFileSync(path.join(temp, 'without.docx')));
        const figure = Object.keys(parts).find(n => /^word\/media\/.*\.png$/.test(n));
        expect(figure).toBeDefined();
        expect(parts[figure!].length).toBeGreaterThan(20_000);
    }, 300_000);

    // LibreOffice will not start with no font at all, so only DejaVu is hidden here: the PDF it
    // prints must still show the text in DejaVu Sans — the faces the Word file carries.
    it.runIf(has('soffice') && has('pdffonts') || process.env.CI)('shows the Word report in its embedded font in LibreOffice on a machine without it', () => {
        if (!unshare) throw new Error('cannot hide the system fonts (see the first test)');
        const docx = path.join(temp, 'without.docx');
        if (!fs.existsSync(docx)) report(docx, 'docx', true);
        const dejavu = FONT_FOLDERS.flatMap(d => fs.existsSync(d) ? spawnSync('find', [d, '-type', 'd', '-iname', '*dejavu*'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean) : []);
        const profile = `file://${path.join(temp, 'lo-profile')}`;
        const hide = dejavu.map(d => `mount -t tmpfs sporbar-no-fonts ${quote(d)}`).join(' && ') || 'true';
        const script = `${hide} && test -z "$(fc-list | grep -i dejavu)" && soffice ${quote(`-env:UserInstallation=${profile}`)} --headless --convert-to pdf --outdir ${quote(temp)} ${quote(docx)}`;
        const r = spawnSync('unshare', [...unshare, 'sh', '-c', script], { encoding: 'utf8', timeout: 240_000 });
        expect(r.status, r.stderr).toBe(0);
        const fonts = spawnSync('pdffonts', [path.join(temp, 'without.pdf')], { encoding: 'utf8' }).stdout;
        expect(fonts).toMatch(/\+DejaVuSans\s/);
        expect(fonts).toMatch(/\+DejaVuSans-Bold\s/);
    }, 300_000);
});
