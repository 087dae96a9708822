/**
 * The packaged extension in real VS Code: code-server 4.100.3 (VS Code 1.100.3) in
 * headless Chromium, driven by playwright-core. Runs only with SPORBAR_E2E=1, and then
 * fails (never skips) when something it needs is missing.
 *
 *   sudo apt-get install -y --no-install-recommends chromium libkrb5-dev ripgrep
 *   bash test/e2e/setup-code-server.sh
 *   SPORBAR_E2E=1 npx vitest run test/e2e/vscode.e2e.test.ts
 *
 * The editor runs with the Norwegian locale (`--locale nb`): VS Code has no Norwegian
 * language pack, so its own texts stay English while Sporbar's are Norwegian — what a
 * Norwegian researcher sees. Commands are run by their Norwegian titles (package.nls.nb.json).
 *
 * Screenshots go to out/e2e/ (pass or fail), one per view.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const E2E = process.env.SPORBAR_E2E === '1';
const W = process.env.SPORBAR_E2E_DIR ?? path.join(REPO, '.e2e');
const CODE_SERVER = path.join(W, 'cs/node_modules/.bin/code-server');
const CHROMIUM = process.env.SPORBAR_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = path.join(REPO, 'out/e2e');
const VSIX = path.join(REPO, 'packages/extension/sporbar.vsix');
const MAX_VSIX_BYTES = 5 * 1024 * 1024;
const LOCALE = 'nb';
/** Where the packaged README's images point (`vsce package --baseImagesUrl`). */
const README_IMAGES = 'https://github.com/sporbar/sporbar/raw/HEAD/packages/extension';

/** Command titles and texts in Norwegian and English; which applies is found out at start. */
const NLS_NB = JSON.parse(fs.readFileSync(path.join(REPO, 'packages/extension/package.nls.nb.json'), 'utf8')) as Record<string, string>;
const NLS_EN = JSON.parse(fs.readFileSync(path.join(REPO, 'packages/extension/package.nls.json'), 'utf8')) as Record<string, string>;
const UI_NB = JSON.parse(fs.readFileSync(path.join(REPO, 'packages/extension/l10n/bundle.l10n.nb.json'), 'utf8')) as Record<string, string>;
/** The language VS Code gives the extension's manifest (command titles, walkthrough). */
let manifestNb = false;
/** The language of the extension's own texts (`vscode.env.language`). */
let textsNb = false;
const NLS = new Proxy({} as Record<string, string>, { get: (_target, key: string) => (manifestNb ? NLS_NB : NLS_EN)[key] });
const command = (key: string) => `Sporbar: ${NLS[key]}`;
const t = (english: string) => (textsNb ? UI_NB[english] : undefined) ?? english;

/** A broken file: `need` names a need that does not exist (ref/unresolved). */
const BROKEN = 'question zz "Hva mangler?" { need FinnesIkke }\n';
const FIXED = 'question zz "Hva mangler?" { need Læring }\n';

let server: ChildProcess | undefined;
let serverLog = '';
let browser: Browser | undefined;
let page: Page;
let workspace: string;
let runDir: string;
let extensionsDir: string;
let shot = 0;

async function screenshot(name: string, keepPointer = false): Promise<void> {
    if (!page) return;
    fs.mkdirSync(SHOTS, { recursive: true });
    // The pointer leaves the command centre (its tooltip would cover the editor's tabs),
    // unless what is photographed is a hover.
    if (!keepPointer) {
        await page.mouse.move(1150, 16).catch(() => undefined);
        await page.waitForTimeout(200);
    }
    await page.screenshot({ path: path.join(SHOTS, `${String(++shot).padStart(2, '0')}-${name}.png`) }).catch(() => undefined);
}

/**
 * A picture for the README (packages/extension/images), written only when
 * SPORBAR_E2E_README_IMAGES=1: the README's pictures are taken by this test, so they show
 * what the extension does now.
 */
async function readmeShot(name: string, clip?: { x: number; y: number; width: number; height: number }, moveMouse = true): Promise<void> {
    if (process.env.SPORBAR_E2E_README_IMAGES !== '1') return;
    if (moveMouse) await page.mouse.move(5, 890);
    await page.screenshot({ path: path.join(REPO, 'packages/extension/images', name), clip });
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const s = net.createServer();
        s.listen(0, '127.0.0.1', () => {
            const port = (s.address() as net.AddressInfo).port;
            s.close(() => resolve(port));
        });
        s.on('error', reject);
    });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
    const result = spawnSync(command, args, { cwd: REPO, env, encoding: 'utf8', timeout: 300_000 });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    return result.stdout + result.stderr;
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000, everyMs = 250): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined && value !== false) return value;
        if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise(r => setTimeout(r, everyMs));
    }
}

/**
 * Types `query` into the open quick input and presses Enter only once the *focused* row
 * (the one Enter accepts) shows `label`. Quick open and the command palette first list
 * recent entries and filter asynchronously; pressing Enter as soon as some matching row is
 * visible can accept the previous focus (another file, another report).
 */
async function accept(query: string, label: string, timeoutMs = 30_000): Promise<void> {
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(query, { timeout: 5_000 });
    // On a busy machine the widget can close just as it opens, and the text then goes to
    // whatever has the focus: find that out at once (the callers open it again).
    const landed = await input.evaluate((el, q) => el === document.activeElement && (el as HTMLInputElement).value === q, query).catch(() => false);
    if (!landed) throw new Error(`quick input: "${query}" did not reach the open quick input`);
    const focused = widget.locator('.quick-input-list .monaco-list-row.focused');
    const end = Date.now() + timeoutMs;
    let previous: string | null | undefined;
    for (;;) {
        // The focused row must show the label and stay the same for a moment (the filter
        // may still be settling).
        const current = await focused.first().getAttribute('aria-label', { timeout: 1000 }).catch(() => undefined);
        if (current && current.includes(label) && current === previous) break;
        previous = current;
        if (Date.now() > end) throw new Error(`quick input: the focused row never became "${label}" (last: ${current ?? 'none'})`);
        await page.waitForTimeout(200);
    }
    await input.press('Enter');
}

/**
 * Runs a command through the command palette, by its title. The palette is opened from the
 * command center at the top (a key press would go to a webview that has the focus).
 */
async function palette(title: string): Promise<void> {
    // An editor that opens just then (a docx tab after "Open") can take the focus and close
    // the palette before the title is typed: open it again, up to three times.
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Escape');
        await page.locator('.command-center-center').first().click();
        try {
            await accept(`>${title}`, title);
            return;
        } catch (error) {
            if (attempt >= 3) throw error;
        }
    }
}

/** Picks the item of an open quick pick whose label matches, by filtering and Enter. */
async function pick(label: string): Promise<void> {
    await accept(label, label);
}

/**
 * Answers VS Code's "simple" file dialog (code-server has no native one): the path typed,
 * then the OK button.
 */
async function fileDialog(target: string, button: string | RegExp): Promise<void> {
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(500);
    // The dialog completes what is typed; replace its text key by key.
    await input.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(target, { delay: 5 });
    await page.waitForTimeout(800);
    // The dialog's own button accepts the path (Enter would open a folder instead). On a busy
    // machine a click while the dialog still lists the folder can go unheard: click again.
    for (let attempt = 0; attempt < 3; attempt++) {
        await widget.locator('.monaco-button', { hasText: button }).first().click();
        const closed = await widget.waitFor({ state: 'hidden', timeout: 3000 }).then(() => true, () => false);
        if (closed || /does not exist/.test((await widget.textContent().catch(() => '')) ?? '')) break;
    }
    // "The folder … does not exist. Would you like to create it?": OK.
    await page.waitForTimeout(800);
    if (await widget.isVisible() && /does not exist/.test((await widget.textContent()) ?? '')) {
        await widget.locator('.monaco-button', { hasText: /^OK$/ }).first().click();
    }
}

async function openFile(name: string): Promise<void> {
    // Quick Open finds files in folders that are not expanded in the explorer.
    const dirty = page.locator('.tabs-container .tab.active.dirty');
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Escape');
        // Let the Escape land first: handled late, it closes the quick open being opened.
        await page.waitForTimeout(300);
        const wasDirty = await dirty.count() > 0;
        await page.keyboard.press('Control+P');
        try {
            await accept(name, name);
            break;
        } catch (error) {
            // The file name typed into the editor instead is taken back.
            if (!wasDirty && await dirty.count() > 0) {
                await page.keyboard.press('Escape');
                await page.keyboard.press('Control+Z');
            }
            if (attempt >= 3) throw error;
        }
    }
    await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

/** Error and warning counts in the status bar's problems item. */
async function problemCounts(): Promise<{ errors: number; warnings: number }> {
    const item = page.locator('[id="status.problems"]');
    const label = (await item.getAttribute('aria-label')) ?? (await item.textContent()) ?? '';
    if (/no problems/i.test(label)) return { errors: 0, warnings: 0 };
    const errors = /(\d+)\s+errors?/i.exec(label) ?? /errors?:?\s*(\d+)/i.exec(label);
    const warnings = /(\d+)\s+warnings?/i.exec(label) ?? /warnings?:?\s*(\d+)/i.exec(label);
    if (!errors && !warnings) {
        const numbers = ((await item.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
        return { errors: numbers[0] ?? 0, warnings: numbers[1] ?? 0 };
    }
    return { errors: errors ? Number(errors[1]) : 0, warnings: warnings ? Number(warnings[1]) : 0 };
}

/** The webview frame (the page inside VS Code's webview host) that holds `selector`. */
async function webview(selector: string, timeoutMs = 30_000): Promise<Frame> {
    return waitFor(`a webview with ${selector}`, async () => {
        for (const frame of page.frames()) {
            if (frame === page.mainFrame()) continue;
            if (await frame.locator(selector).count().catch(() => 0) > 0) return frame;
        }
        return undefined;
    }, timeoutMs);
}

/** Waits until a notification has slid in completely (its buttons shown), for the screenshot. */
async function settled(toast: ReturnType<Page['locator']>): Promise<void> {
    await toast.locator('.monaco-button').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(600);
}

/** Best effort: waits until the explorer shows (or no longer shows) an entry, so a screenshot shows what the test did. */
async function explorerShows(name: string, shown: boolean): Promise<void> {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${name}$`) });
    await waitFor(`the explorer ${shown ? 'showing' : 'no longer showing'} ${name}`, async () => ((await row.count()) > 0) === shown || undefined, 10_000).catch(() => undefined);
}

/** Maximizes the active editor group, or brings the other groups back (the same toggle), for a screenshot of a wide view. */
async function toggleMaximizedGroup(): Promise<void> {
    await palette('View: Toggle Maximize Editor Group');
    await page.waitForTimeout(600);
}

/** The Sporbar status item's accessible text. */
async function statusItem(): Promise<string> {
    const item = page.locator('.statusbar-item[id$="sporbar.serverStatus"]').first();
    return item.evaluate(el => el.getAttribute('aria-label') || el.querySelector('[aria-label]')?.getAttribute('aria-label') || el.textContent || '', undefined, { timeout: 5000 }).catch(() => '');
}

/** Line (1-based) of the cursor in the active editor, from the status bar. */
async function cursorLine(): Promise<number | undefined> {
    const text = (await page.locator('[id="status.editor.selection"]').textContent().catch(() => null)) ?? '';
    const m = /(\d+)\D+(\d+)/.exec(text);
    return m ? Number(m[1]) : undefined;
}

/** Where each logic node and assumption of examples/pri is declared: ID → file and 1-based line. */
function declarations(): Map<string, { file: string; line: number }> {
    const result = new Map<string, { file: string; line: number }>();
    for (const file of fs.readdirSync(workspace).filter(f => f.endsWith('.prog'))) {
        fs.readFileSync(path.join(workspace, file), 'utf8').split('\n').forEach((text, i) => {
            const m = /^\s*(?:input|activity|output|outcome|impact|assumption)\s+([\p{L}][\p{L}\p{M}\p{Nd}_]*)\s+"/u.exec(text);
            if (m && !result.has(m[1])) result.set(m[1], { file, line: i + 1 });
        });
    }
    return result;
}

/** A language pack for `nb` with no translations, packaged as a vsix (see beforeAll). */
function norwegianLanguagePack(dir: string): string {
    const pack = path.join(dir, 'nb-language-pack');
    fs.mkdirSync(path.join(pack, 'translations'), { recursive: true });
    fs.writeFileSync(path.join(pack, 'package.json'), JSON.stringify({
        name: 'nb-language-pack-for-tests', displayName: 'Norsk bokmål (test)', publisher: 'sporbar-test', version: '0.0.1',
        license: 'MIT', engines: { vscode: '^1.100.0' }, categories: ['Language Packs'],
        contributes: {
            localizations: [{
                languageId: 'nb', languageName: 'Norwegian Bokmål', localizedLanguageName: 'norsk bokmål',
                translations: [{ id: 'vscode', path: './translations/main.i18n.json' }]
            }]
        }
    }, null, 2));
    fs.writeFileSync(path.join(pack, 'translations/main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
    fs.writeFileSync(path.join(pack, 'README.md'), 'An empty Norwegian language pack for the e2e test.\n');
    const vsix = path.join(dir, 'nb-language-pack.vsix');
    const result = spawnSync(path.join(REPO, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
        { cwd: pack, encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`packaging the test language pack failed:\n${result.stdout}\n${result.stderr}`);
    return vsix;
}

/** Process IDs of the Sporbar language servers of this run (children of our code-server). */
function languageServerPids(): number[] {
    const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
    return ps.split('\n').filter(line => line.includes(extensionsDir) && line.includes('dist/server.cjs'))
        .map(line => Number(line.trim().split(/\s+/)[0])).filter(pid => pid > 0);
}

describe.skipIf(!E2E)('Sporbar in VS Code (code-server 4.100.3 + Chromium)', () => {
    beforeAll(async () => {
        // Prerequisites: fail loudly, never skip.
        for (const [what, file, fix] of [
            ['code-server', CODE_SERVER, 'bash test/e2e/setup-code-server.sh'],
            ['Chromium', CHROMIUM, 'apt-get install -y --no-install-recommends chromium']
        ]) {
            if (!fs.existsSync(file)) throw new Error(`SPORBAR_E2E=1 but ${what} is missing at ${file}; run: ${fix}`);
        }
        fs.rmSync(SHOTS, { recursive: true, force: true });

        // Package the extension as a user would get it.
        fs.rmSync(VSIX, { force: true });
        run('npm', ['run', 'package']);
        const vsix = fs.readFileSync(VSIX);
        expect(vsix.length).toBeLessThan(MAX_VSIX_BYTES);
        const entries: string[] = [];
        unzipSync(vsix, { filter: file => { entries.push(file.name); return false; } });
        for (const entry of ['extension/dist/extension.cjs', 'extension/dist/server.cjs', 'extension/syntaxes/prog.tmLanguage.json',
            'extension/docs/language-reference.md', 'extension/example/pri/programme.prog', 'extension/images/prog-file.svg',
            'extension/walkthrough/nb/example.md']) {
            expect(entries).toContain(entry);
        }
        expect(entries.filter(e => e.includes('node_modules/'))).toEqual([]);
        // One .vsix for every platform: no native module (the figure renderer is WebAssembly).
        expect(entries.filter(e => e.endsWith('.node'))).toEqual([]);
        expect(entries).toContain('extension/dist/assets/resvg.wasm');
        // Every image the README shows: a relative path in the repository, packaged in the
        // vsix, and in the packaged README an https URL at that path of the repository (the
        // extension page allows only https and data images).
        const readme = fs.readFileSync(path.join(REPO, 'packages/extension/README.md'), 'utf8');
        const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map(m => m[1]);
        expect(images.length).toBeGreaterThan(1);
        const packagedReadme = new TextDecoder().decode(unzipSync(vsix, { filter: file => file.name === 'extension/readme.md' })['extension/readme.md']);
        for (const image of images) {
            expect(image, 'README images are relative paths in the repository').not.toMatch(/^[a-z]+:/i);
            expect(fs.existsSync(path.join(REPO, 'packages/extension', image)), image).toBe(true);
            expect(entries).toContain(`extension/${image}`);
            expect(packagedReadme).toContain(`(${README_IMAGES}/${image})`);
        }

        // A fresh copy of the PRI example, plus a deliberately broken file. Every run has
        // its own editor state (several runs may share the code-server install).
        fs.mkdirSync(path.join(W, 'runs'), { recursive: true });
        runDir = fs.mkdtempSync(path.join(W, 'runs', 'run-'));
        workspace = path.join(runDir, 'pri');
        fs.cpSync(path.join(REPO, 'examples/pri'), workspace, { recursive: true });
        fs.rmSync(path.join(workspace, 'out'), { recursive: true, force: true });
        fs.writeFileSync(path.join(workspace, 'broken.prog'), BROKEN);

        const home = path.join(runDir, 'home');
        const userData = path.join(runDir, 'user-data');
        extensionsDir = path.join(runDir, 'extensions');
        fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
        fs.mkdirSync(path.join(W, 'tmp'), { recursive: true });
        fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({
            'workbench.startupEditor': 'none',
            'security.workspace.trust.enabled': false,
            'telemetry.telemetryLevel': 'off',
            'extensions.autoCheckUpdates': false,
            'extensions.autoUpdate': false,
            'update.mode': 'none',
            'workbench.tips.enabled': false,
            'chat.disableAIFeatures': true,
            // Completions must come from the language server, not from words.
            'editor.wordBasedSuggestions': 'off',
            'editor.quickSuggestions': { other: false, comments: false, strings: false },
            'files.autoSave': 'off',
            'git.enabled': false,
            'git.openRepositoryInParentFolders': 'never',
            'workbench.editor.enablePreview': false,
            'files.simpleDialog.enable': true
        }, null, 2));
        const env = {
            ...process.env,
            HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'),
            TMPDIR: path.join(W, 'tmp'), SPORBAR_TODAY: '2026-11-28'
        };
        fs.mkdirSync(home, { recursive: true });
        const config = path.join(runDir, 'config.yaml');
        fs.writeFileSync(config, 'auth: none\n');
        const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensionsDir];
        run(CODE_SERVER, [...common, '--install-extension', VSIX], env);
        // VS Code has no Norwegian language pack, so without one it runs in English whatever
        // the locale. An empty pack for `nb` (VS Code's own texts stay English) lets the
        // editor run in Norwegian, as a Norwegian user's would with a pack or Sporbar's
        // language setting: the extension's manifest and texts are then Norwegian.
        run(CODE_SERVER, [...common, '--install-extension', norwegianLanguagePack(runDir)], env);
        // The server reads its language packs from languagepacks.json, which it writes only
        // when it installs a pack itself; written here as it would (VS Code's format).
        fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({
            nb: {
                hash: 'sporbar-e2e-nb', label: 'norsk bokmål',
                extensions: [{ extensionIdentifier: { id: 'sporbar-test.nb-language-pack-for-tests' }, version: '0.0.1' }],
                translations: { vscode: path.join(runDir, 'nb-language-pack/translations/main.i18n.json') }
            }
        }));

        const port = await freePort();
        server = spawn(CODE_SERVER, [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
            '--disable-update-check', '--disable-workspace-trust', '--locale', LOCALE, workspace], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        server.stdout?.on('data', d => { serverLog += d; });
        server.stderr?.on('data', d => { serverLog += d; });
        await waitFor('code-server /healthz', async () => {
            if (server?.exitCode !== null) throw new Error(`code-server exited:\n${serverLog}`);
            return fetch(`http://127.0.0.1:${port}/healthz`).then(r => r.ok || undefined, () => undefined);
        }, 60_000);

        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync']
            // playwright gives the browser a fresh user-data dir of its own.
        });
        page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'nb-NO' });
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
        await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
        await page.locator('.explorer-folders-view').waitFor({ state: 'visible', timeout: 30_000 });

        // Which language did VS Code give the extension? Its own texts show in its status
        // item, the manifest's titles in the command palette (once the extension is known).
        const status = await waitFor('the Sporbar status item', async () => { const l = await statusItem(); return l || undefined; }, 60_000);
        textsNb = /Sporbar-språktjeneren|Sporbar: starter/.test(status);
        await page.keyboard.press('F1');
        await page.locator('.quick-input-widget input').fill('>Sporbar:');
        const titles = await waitFor('Sporbar commands in the palette', async () => {
            const rows = (await page.locator('.quick-input-list .monaco-list-row').allTextContents()).join('\n');
            return rows.includes(NLS_NB['command.generateReport']) || rows.includes(NLS_EN['command.generateReport']) ? rows : undefined;
        }, 30_000);
        manifestNb = titles.includes(NLS_NB['command.generateReport']);
        await page.keyboard.press('Escape');
        console.log(`e2e: manifest in ${manifestNb ? 'nb' : 'en'}, extension texts in ${textsNb ? 'nb' : 'en'}`);
    }, 400_000);

    beforeEach(({ task, onTestFailed }) => {
        // A failing step leaves its picture and the server's log behind.
        onTestFailed(async () => {
            await screenshot(`FAILED-${task.name.replace(/[^\w]+/g, '-').slice(0, 60)}`, true);
            fs.mkdirSync(SHOTS, { recursive: true });
            fs.writeFileSync(path.join(SHOTS, 'code-server.log'), serverLog);
        });
    });

    afterAll(async () => {
        await screenshot('final');
        await browser?.close().catch(() => undefined);
        if (server?.pid && server.exitCode === null) {
            server.kill('SIGTERM');
            await new Promise(r => setTimeout(r, 500));
            if (server.exitCode === null) server.kill('SIGKILL');
        }
    });

    it('colours .prog files with the TextMate grammar, and gives them the Sporbar file icon', async () => {
        await openFile('programme.prog');
        const classes = await waitFor('coloured tokens', async () => {
            const found = new Set(await page.locator('.monaco-editor .view-lines span[class^="mtk"]').evaluateAll(
                spans => spans.map(s => s.className.split(/\s+/).find(c => /^mtk\d+$/.test(c)) ?? '')));
            found.delete('');
            return found.size > 2 ? found : undefined;
        });
        expect(classes.size).toBeGreaterThan(2);
        // The language's icon (contributes.languages[].icon) is in the workbench's styles.
        const icon = await page.evaluate(() => Array.from(document.styleSheets).some(sheet => {
            try { return Array.from(sheet.cssRules).some(rule => rule.cssText.includes('prog-file.svg')); } catch { return false; }
        }));
        expect(icon).toBe(true);
        await screenshot('colouring');
    });

    it('.prog defaults: prose wraps, and en dashes in Norwegian text are not boxed as ambiguous characters', async () => {
        await openFile('findings.prog');
        const text = fs.readFileSync(path.join(workspace, 'findings.prog'), 'utf8');
        expect(text).toContain(' – ');
        await page.locator('.monaco-editor .view-lines .view-line').first().waitFor({ state: 'visible' });
        await page.waitForTimeout(1000);
        // More screen lines than numbered lines: long lines wrap.
        const screenLines = await page.locator('.monaco-editor .view-lines .view-line').count();
        const numbered = (await page.locator('.monaco-editor .margin-view-overlays .line-numbers').allTextContents()).filter(n => n.trim() !== '').length;
        expect(screenLines).toBeGreaterThan(numbered);
        // The en dash on the screen is drawn as text, with no ambiguous-character box.
        expect(await page.locator('.monaco-editor .view-lines', { hasText: ' – ' }).count()).toBeGreaterThan(0);
        expect(await page.locator('.monaco-editor .unicode-highlight').count()).toBe(0);
        await palette('View: Close All Editor Groups');
    });

    it('shows the language server as ready in the status bar', async () => {
        const text = await waitFor('the status item saying ready', async () => {
            const label = await statusItem();
            return label.includes(t('The Sporbar language server is running. Click for its log.')) ? label : undefined;
        }, 60_000);
        expect(text).toContain(t('The Sporbar language server is running. Click for its log.'));
    });

    it('shows a diagnostic on a broken file, and none on a clean one', async () => {
        await openFile('broken.prog');
        await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 60_000 });
        const counts = await waitFor('an error in the status bar', async () => {
            const c = await problemCounts();
            return c.errors >= 1 ? c : undefined;
        });
        expect(counts.errors).toBe(1);
        await screenshot('diagnostic');
        // Negative control: the server is up (it published the error above); the clean file has no squiggle.
        await openFile('programme.prog');
        await page.waitForTimeout(1000);
        expect(await page.locator('.monaco-editor .squiggly-error').count()).toBe(0);
    });

    it('completes references from the language server, only what fits (no element snippets after `answers `)', async () => {
        await openFile('broken.prog');
        const editor = page.locator('.monaco-editor textarea').first();
        await editor.focus();
        await page.keyboard.press('Control+End');
        await page.keyboard.type('finding FZ "Test" { answers ');
        await page.keyboard.press('Control+Space');
        const rows = page.locator('.suggest-widget .monaco-list-row');
        await rows.first().waitFor({ state: 'visible', timeout: 20_000 });
        const labels = await rows.evaluateAll(list => list.map(r => r.getAttribute('aria-label') ?? r.textContent ?? ''));
        await screenshot('completion');
        // Question IDs of questions.prog, nothing else.
        expect(labels.some(label => /^(a|b|c|d|e|f|g|h)\b/.test(label.trim()))).toBe(true);
        expect(labels.filter(label => /^(finding|source|programme|report)\b/.test(label.trim()))).toEqual([]);
        await page.keyboard.press('Escape');
    });

    it('finds a source by words of its title ("fokus" after `evidence `) and shows the title', async () => {
        await page.keyboard.type('a  evidence fokus');
        await page.keyboard.press('Control+Space');
        const rows = page.locator('.suggest-widget .monaco-list-row');
        await rows.first().waitFor({ state: 'visible', timeout: 20_000 });
        const labels = await waitFor('three focus groups', async () => {
            const all = await rows.evaluateAll(list => list.map(r => r.textContent ?? ''));
            return all.filter(l => /FG0\d/.test(l)).length === 3 ? all : undefined;
        }, 15_000);
        expect(labels.join('\n')).toContain('Fokusgruppe med ressursgruppa');
        await screenshot('completion-by-title');
        await readmeShot('screenshot-completion.png', { x: 340, y: 60, width: 1060, height: 300 });
        await page.keyboard.press('Enter');
        await waitFor('the ID inserted', async () => ((await page.locator('.monaco-editor .view-lines').first().textContent()) ?? '').replace(/\u00a0/g, ' ').includes('evidence FG0') || undefined, 10_000);
        // Back to the broken file as it was.
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        await page.keyboard.type(BROKEN, { delay: 2 });
    });

    it('expands the element snippet on Tab (not the keyword), with confidence moderate', async () => {
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('finding');
        await page.keyboard.press('Control+Space');
        const rows = page.locator('.suggest-widget .monaco-list-row');
        await rows.first().waitFor({ state: 'visible', timeout: 20_000 });
        await page.waitForTimeout(500);
        await page.keyboard.press('Tab');
        const text = await waitFor('the finding snippet', async () => {
            const shown = (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
            return shown.includes('confidence moderate') ? shown : undefined;
        }, 10_000);
        expect(text).toContain('evidence');
        await screenshot('snippet');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        await page.keyboard.type(BROKEN, { delay: 2 });
    });

    it('clears the problem after the fix (problem count back to zero)', async () => {
        const editor = page.locator('.monaco-editor textarea').first();
        await editor.focus();
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        await page.keyboard.type(FIXED, { delay: 5 });
        await page.keyboard.press('Control+S');
        await waitFor('no squiggle', async () => (await page.locator('.monaco-editor .squiggly-error').count()) === 0 || undefined, 30_000);
        const counts = await waitFor('zero errors in the status bar', async () => {
            const c = await problemCounts();
            return c.errors === 0 ? c : undefined;
        });
        expect(counts.errors).toBe(0);
        await screenshot('fixed');
    });

    it('shows nested elements in the outline', async () => {
        await openFile('logic.prog');
        await palette('Explorer: Focus on Outline View');
        const outline = page.locator('.outline-pane');
        await outline.waitFor({ state: 'visible', timeout: 15_000 });
        const logic = outline.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Programteori' });
        await logic.first().waitFor({ state: 'visible', timeout: 30_000 });
        const nested = outline.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Midler' });
        if (await nested.count() === 0) await logic.first().click();
        await nested.first().waitFor({ state: 'visible', timeout: 15_000 });
        expect(await nested.count()).toBeGreaterThan(0);
        await screenshot('outline');
        await palette('View: Show Explorer');
    });

    it('explains a keyword on hover, and its link opens the language reference at that row', async () => {
        await openFile('findings.prog');
        const line = page.locator('.monaco-editor .view-line', { hasText: 'confidence moderate' }).first();
        const word = line.locator('span', { hasText: /^confidence$/ }).first();
        const hover = page.locator('.monaco-hover').filter({ hasText: 'GRADE-CERQual' }).first();
        // A hover asked for while the server is still busy (the file just opened) can stay
        // empty: move away and hover again, up to three times.
        for (let attempt = 1; ; attempt++) {
            await page.mouse.move(5, 5);
            await word.hover();
            try {
                await hover.waitFor({ state: 'visible', timeout: 8_000 });
                break;
            } catch (error) {
                if (attempt >= 3) throw error;
            }
        }
        await screenshot('hover-keyword', true);
        const box = (await hover.boundingBox())!;
        await readmeShot('screenshot-hover.png', { x: Math.max(0, box.x - 120), y: Math.max(0, box.y - 110), width: Math.min(1400 - Math.max(0, box.x - 120), box.width + 240), height: box.height + 200 }, false);
        // The link is in the server's language (`sporbar.language`: auto, the example's reports are bokmål).
        await hover.locator('a', { hasText: /^(Språkreferanse|Language reference)$/ }).click();
        const frame = await webview('[data-topics~="property-finding-confidence"]');
        await waitFor('the row marked', async () => (await frame.locator('.flash[data-topics~="property-finding-confidence"]').count()) > 0 || undefined, 15_000);
        const visible = await frame.locator('.flash').evaluate(el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; });
        expect(visible).toBe(true);
        await screenshot('reference');
        await palette('View: Close All Editor Groups');
    });

    it('programme logic: every node opens its declaration, at its line', { timeout: 300_000 }, async () => {
        await openFile('logic.prog');
        await palette(command('command.showLogic'));
        const frame = await webview('#figure svg [data-id]', 60_000);
        const ids = await frame.locator('#figure svg [data-id]').evaluateAll(nodes => [...new Set(nodes.map(n => n.getAttribute('data-id')!))]);
        const where = declarations();
        // Every logic node and assumption of the example is in the drawing, clickable.
        expect(ids.length).toBeGreaterThanOrEqual(28);
        expect([...ids].sort()).toEqual([...where.keys()].sort());
        // Level headings in the editor's language.
        expect(await frame.locator('#figure svg text', { hasText: textsNb ? 'Effekter' : 'Outcomes' }).count()).toBeGreaterThan(0);
        // Readable: the node text is at least 10.8 px on screen at the first view.
        const fontPx = await frame.locator('#figure svg [data-id] text').first().evaluate(el => el.getBoundingClientRect().height);
        expect(fontPx).toBeGreaterThan(10.8);
        const cursor = await frame.locator('#figure svg [data-id]').first().evaluate(el => getComputedStyle(el).cursor);
        expect(cursor).toBe('pointer');
        await screenshot('logic-view');
        const failures: string[] = [];
        for (const id of ids) {
            const expected = where.get(id);
            if (!expected) { failures.push(`${id}: not declared in examples/pri`); continue; }
            const node = frame.locator(`#figure svg [data-id="${id}"]`).first();
            await node.scrollIntoViewIfNeeded();
            await node.click();
            // The editor (the first group; the view is beside it) has the focus, at that line.
            const activeTab = () => page.locator('.editor-group-container.active .tab.active').first().getAttribute('aria-label', { timeout: 2000 }).catch(() => '');
            const landed = await waitFor(`the editor at ${id}`, async () => {
                const tab = (await activeTab()) ?? '';
                const line = await cursorLine();
                return tab.includes(expected.file) && line === expected.line ? { tab, line } : undefined;
            }, 10_000).catch(async () => ({ tab: await activeTab(), line: await cursorLine() }));
            if (!(landed.tab ?? '').includes(expected.file) || landed.line !== expected.line) {
                failures.push(`${id}: expected ${expected.file}:${expected.line}, got ${landed.tab}:${landed.line}`);
            }
        }
        expect(failures).toEqual([]);
    });

    it('programme logic: zoom, fit to width, and export as SVG and PNG', { timeout: 120_000 }, async () => {
        const frame = await webview('#figure svg [data-id]');
        const level = async () => Number(((await frame.locator('#zoom-level').textContent()) ?? '').replace(/\D/g, ''));
        const before = await level();
        await frame.locator('#zoom-in').click();
        await waitFor('zoomed in', async () => (await level()) > before || undefined, 5000);
        // The README's picture of the view: without the side bar, fitted to the panel's width.
        await palette('View: Toggle Primary Side Bar Visibility');
        await frame.locator('#zoom-fit').click();
        await page.waitForTimeout(800);
        await readmeShot('screenshot-logic.png');
        await palette('View: Toggle Primary Side Bar Visibility');
        await frame.locator('#zoom-fit').click();
        const fitted = await frame.locator('#figure svg').evaluate(svg => {
            const figure = svg.parentElement!;
            return svg.getBoundingClientRect().width <= figure.clientWidth;
        });
        expect(fitted).toBe(true);
        await screenshot('logic-fit-width');
        await frame.locator('#zoom-reset').click();
        await waitFor('100 %', async () => (await level()) === 100 || undefined, 5000);

        for (const format of ['svg', 'png'] as const) {
            const file = path.join(workspace, 'out', `${t('programme-logic')}.${format}`);
            await frame.locator(`#export-${format}`).click();
            await fileDialog(file, /^(Save|OK|Lagre)$/);
            await waitFor(`${file} written`, () => fs.existsSync(file) && fs.statSync(file).size > 1000 || undefined, 30_000);
            const bytes = fs.readFileSync(file);
            if (format === 'png') {
                expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
                expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000); // twice the drawing's width
            } else {
                expect(bytes.toString('utf8')).toContain('<svg');
                expect(bytes.toString('utf8')).toContain('data-id="Samarbeid"');
            }
            await page.locator('.notification-toast', { hasText: t('Programme logic saved: {0}').replace(': {0}', '') }).first().waitFor({ state: 'visible', timeout: 15_000 });
            await page.keyboard.press('Escape');
        }
    });

    it('traceability matrix: labels in the editor\'s language ("fokusgruppe", "moderat"), not keywords', async () => {
        await palette('View: Close All Editor Groups');
        await openFile('findings.prog');
        await palette(command('command.showMatrix'));
        const frame = await webview('#matrix tbody tr');
        const headings = await frame.locator('#matrix th').allTextContents();
        expect(headings).toContain(t('focus group'));
        expect(headings).not.toContain('focus-group');
        const cells = await frame.locator('#matrix td').allTextContents();
        expect(cells).toContain(t('moderate'));
        if (textsNb) expect(cells).not.toContain('moderate');
        // The picture shows the whole width of the matrix (its group maximized), then the
        // editor comes back beside it.
        await page.locator('.tabs-container .tab', { hasText: t('Traceability matrix') }).first().click();
        await toggleMaximizedGroup();
        await screenshot('matrix-view');
        await toggleMaximizedGroup();
        // A row opens its finding.
        await frame.locator('#matrix tbody tr').first().click();
        await waitFor('findings.prog active', async () => ((await page.locator('.editor-group-container.active .tab.active').first().getAttribute('aria-label')) ?? '').includes('findings.prog') || undefined, 10_000);
        await palette('View: Close All Editor Groups');
    });

    it('chart preview: the chart at the cursor drawn as in the reports, with its alt text; the title opens it', { timeout: 120_000 }, async () => {
        await openFile('data.prog');
        const line = fs.readFileSync(path.join(workspace, 'data.prog'), 'utf8').split('\n').findIndex(l => /^chart C1 /.test(l)) + 1;
        expect(line).toBeGreaterThan(0);
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+G');
        await page.keyboard.type(String(line));
        await page.keyboard.press('Enter');
        await waitFor(`the cursor on line ${line}`, async () => (await cursorLine()) === line || undefined, 10_000);
        await palette(command('command.previewChart'));
        const frame = await webview('.figure svg', 60_000);
        expect(await frame.locator('h2').textContent()).toContain('Finansiering per prosjekt');
        expect(await frame.locator('.figure svg rect, .figure svg path').count()).toBeGreaterThan(3);
        expect(await frame.locator('.status').textContent()).toContain(t('Alt text:'));
        await screenshot('chart-preview');
        // Away from the chart, then its title brings the editor back to the declaration.
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+Home');
        await waitFor('the cursor on line 1', async () => (await cursorLine()) === 1 || undefined, 10_000);
        await frame.locator('h2 a').click();
        await waitFor(`the editor at the chart's line ${line}`, async () => (await cursorLine()) === line || undefined, 10_000);
        await palette('View: Close All Editor Groups');
    });

    it('a folder deleted on disk (rm -rf) clears its diagnostics within two seconds', { timeout: 120_000 }, async () => {
        await openFile('programme.prog');
        await waitFor('no errors', async () => (await problemCounts()).errors === 0 || undefined, 30_000);
        const folder = path.join(workspace, 'ekstra');
        fs.mkdirSync(path.join(folder, 'under'), { recursive: true });
        fs.writeFileSync(path.join(folder, 'under', 'feil.prog'), 'question zz2 "Mangler?" { need FinnesIkke2 }\n');
        fs.writeFileSync(path.join(folder, 'feil2.prog'), 'question zz3 "Mangler også?" { need FinnesIkke3 }\n');
        // Created outside the editor: the watcher reports the folder, the server reads its files.
        await waitFor('two errors from the new folder', async () => (await problemCounts()).errors === 2 || undefined, 30_000);
        await explorerShows('ekstra', true);
        await screenshot('folder-created');
        fs.rmSync(folder, { recursive: true, force: true });
        const started = Date.now();
        await waitFor('the errors gone', async () => (await problemCounts()).errors === 0 || undefined, 10_000, 50);
        const elapsed = Date.now() - started;
        expect(elapsed).toBeLessThan(2000);
        await explorerShows('ekstra', false);
        await screenshot('folder-deleted');
    });

    it('generates the assessment report as docx; the notification offers Open (not the file manager, in a browser)', { timeout: 180_000 }, async () => {
        const output = path.join(workspace, 'out/Vurderingsgrunnlag.docx');
        // A fresh file: none from an earlier attempt of this test (a retry) is taken for it.
        fs.rmSync(output, { force: true });
        await palette(command('command.generateReport'));
        await pick('Vurderingsgrunnlag');
        await pick('docx');
        await waitFor('the docx file', () => fs.existsSync(output) || undefined, 120_000);
        const bytes = fs.readFileSync(output);
        expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
        const entries = Object.keys(unzipSync(bytes));
        expect(entries).toContain('word/document.xml');
        const toast = page.locator('.notification-toast', { hasText: 'Vurderingsgrunnlag.docx' }).first();
        await toast.waitFor({ state: 'visible', timeout: 30_000 });
        await settled(toast);
        await screenshot('report');
        const buttons = await toast.locator('.monaco-button').allTextContents();
        expect(buttons).toContain(t('Open'));
        expect(buttons).not.toContain(t('Reveal in file manager'));
        await toast.locator('.monaco-button', { hasText: t('Open') }).click();
        await page.locator('.tabs-container .tab', { hasText: 'Vurderingsgrunnlag.docx' }).first().waitFor({ state: 'visible', timeout: 15_000 });
        await palette('View: Close All Editor Groups');
    });

    it('New workspace is refused inside an existing model, and says why', async () => {
        await palette(command('command.newWorkspace'));
        await fileDialog(path.join(workspace, 'data'), t('Create workspace here'));
        const toast = page.locator('.notification-toast', { hasText: textsNb ? 'Sporbar-modell' : 'Sporbar model' }).first();
        await toast.waitFor({ state: 'visible', timeout: 20_000 });
        // The message names the folder, the model it lies in, and a file of that model.
        expect(await toast.textContent()).toMatch(textsNb ? /pri\/data ligger inne i Sporbar-modellen i pri \(/ : /pri\/data lies inside the Sporbar model in pri \(/);
        await screenshot('new-workspace-refused');
        expect(fs.readdirSync(path.join(workspace, 'data')).filter(f => f.endsWith('.prog'))).toEqual([]);
        await page.keyboard.press('Escape');
    });

    it('the walkthrough: Getting started, in Norwegian, and its buttons run the commands', { timeout: 120_000 }, async () => {
        await palette('Welcome: Open Walkthrough...');
        await pick(NLS['walkthrough.title']);
        const steps = page.locator('.getting-started-step');
        await steps.first().waitFor({ state: 'visible', timeout: 20_000 });
        const titles = await steps.allTextContents();
        for (const key of ['openExample', 'validate', 'logic', 'report', 'reference']) {
            expect(titles.join('\n')).toContain(NLS[`walkthrough.${key}.title`]);
        }
        // The step's picture (a Markdown page) beside the steps.
        await webview('h1', 20_000);
        await screenshot('walkthrough');
        await steps.filter({ hasText: NLS['walkthrough.validate.title'] }).first().click();
        const button = /\[([^\]]+)\]\(command:sporbar\.validateWorkspace\)/.exec(NLS['walkthrough.validate.description'])![1];
        await page.locator('.getting-started-step.expanded .monaco-button, .getting-started-step.expanded a', { hasText: button }).first().click();
        const toast = page.locator('.notification-toast', { hasText: textsNb ? /fil\(er\) kontrollert/ : /file\(s\) checked/ }).first();
        await toast.waitFor({ state: 'visible', timeout: 60_000 });
        // Every .prog file of the workspace (the example's 15 and broken.prog), no error.
        const files = fs.readdirSync(workspace).filter(f => f.endsWith('.prog')).length;
        expect(await toast.textContent()).toMatch(textsNb ? new RegExp(`${files} fil\\(er\\) kontrollert: 0 feil`) : new RegExp(`${files} file\\(s\\) checked: 0 error`));
        await screenshot('walkthrough-validated');
        await page.keyboard.press('Escape');
    });

    it('a crashed server is shown as stopped, with its log; restarting brings it back', { timeout: 180_000 }, async () => {
        await openFile('programme.prog');
        // Crashed three times in a row (each time once it is running): the client restarts it
        // twice, then gives up and says so.
        const ready = t('The Sporbar language server is running. Click for its log.');
        for (let i = 0; i < 3; i++) {
            await waitFor('the server ready', async () => (await statusItem()).includes(ready) || undefined, 60_000);
            const pids = await waitFor('a running language server', () => { const p = languageServerPids(); return p.length ? p : undefined; }, 60_000);
            for (const pid of pids) process.kill(pid, 'SIGKILL');
            if (i < 2) {
                await waitFor('the status item saying restarting', async () => (await statusItem()).includes(t('Sporbar: restarting')) || undefined, 30_000, 50);
            }
        }
        const label = await waitFor('the status item saying stopped', async () => { const l = await statusItem(); return l.includes(t('Sporbar: stopped')) ? l : undefined; }, 30_000);
        expect(label).toContain(t('Sporbar: stopped'));
        const toast = page.locator('.notification-toast', { hasText: t('The Sporbar language server has stopped ({0}). The .prog files are no longer checked: "No problems" does not mean there are none.').split(' (')[0] }).first();
        await toast.waitFor({ state: 'visible', timeout: 20_000 });
        await settled(toast);
        await screenshot('server-stopped');
        await toast.locator('.monaco-button', { hasText: t('Show log') }).click();
        await page.locator('.part.panel', { hasText: /language.server.stopped/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
        await screenshot('server-log');
        await palette(command('command.restartServer'));
        await waitFor('the status item saying ready', async () => { const l = await statusItem(); return l.includes(t('The Sporbar language server is running. Click for its log.')) || undefined; }, 60_000);
        await waitFor('a new server', () => languageServerPids().length > 0 || undefined, 30_000);
        await screenshot('server-restarted');
    });

    it('the extension page shows the README with its images', { timeout: 60_000 }, async () => {
        // No network here: the repository's files are served where GitHub would serve them,
        // so the test checks that the URLs name files that exist, and that they render.
        const served: string[] = [];
        await page.route(`${README_IMAGES}/**`, route => {
            const relative = decodeURIComponent(new URL(route.request().url()).pathname).split('/packages/extension/')[1] ?? '';
            const file = path.join(REPO, 'packages/extension', relative);
            if (!relative || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
            served.push(relative);
            return route.fulfill({ status: 200, contentType: 'image/png', body: fs.readFileSync(file) });
        });
        await palette('View: Hide Panel').catch(() => page.keyboard.press('Escape'));
        await palette('Extensions: Show Enabled Extensions');
        const item = page.locator('.extensions-viewlet .monaco-list-row').filter({ has: page.locator('.name', { hasText: /^Sporbar$/ }) }).first();
        await item.waitFor({ state: 'visible', timeout: 30_000 });
        await item.click();
        const frame = await webview('img[src*="screenshot"]', 30_000);
        for (const image of await frame.locator('img').all()) await image.scrollIntoViewIfNeeded().catch(() => undefined);
        const images = await waitFor('the README images loaded', async () => {
            const state = await frame.locator('img').evaluateAll(list => list.map(i => ({ src: (i as HTMLImageElement).src, ok: (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0 })));
            return state.length > 1 && state.every(i => i.ok) ? state : undefined;
        }, 20_000);
        expect(images.length).toBeGreaterThan(1);
        expect(served.length).toBeGreaterThan(1);
        await frame.locator('img').first().scrollIntoViewIfNeeded();
        await screenshot('extension-page');
        await page.unroute(`${README_IMAGES}/**`);
        await palette('View: Close All Editor Groups');
    });

    it('the walkthrough\'s first step copies the example and opens it', { timeout: 120_000 }, async () => {
        await palette(command('command.openExample'));
        await fileDialog(runDir, t('Copy the example here'));
        const copy = path.join(runDir, 'sporbar-eksempel-pri');
        await waitFor('the example copied', () => fs.existsSync(path.join(copy, 'programme.prog')) || undefined, 30_000);
        expect(fs.readdirSync(copy).filter(f => f.endsWith('.prog')).sort()).toEqual(fs.readdirSync(path.join(REPO, 'examples/pri')).filter(f => f.endsWith('.prog')).sort());
        const toast = page.locator('.notification-toast', { hasText: 'sporbar-eksempel-pri' }).first();
        await toast.waitFor({ state: 'visible', timeout: 20_000 });
        await toast.locator('.monaco-button', { hasText: new RegExp(`^${t('Open')}$`) }).click();
        await page.waitForURL(url => decodeURIComponent(url.toString()).includes('sporbar-eksempel-pri'), { timeout: 30_000 });
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'programme.prog' }).first().waitFor({ state: 'visible', timeout: 60_000 });
        // The extension starts in the new window and finds the example valid.
        await waitFor('the server ready in the example', async () => (await statusItem()).includes(t('The Sporbar language server is running. Click for its log.')) || undefined, 60_000);
        await openFile('findings.prog');
        await waitFor('no errors in the example', async () => { const c = await problemCounts(); return c.errors === 0 || undefined; }, 30_000);
        await screenshot('example-opened');
    });
});
