/**
 * The packaged extension in real VS Code: code-server 4.100.3 (VS Code 1.100.3) in
 * headless Chromium, driven by playwright-core. Runs only with SPORBAR_E2E=1, and then
 * fails (never skips) when something it needs is missing.
 *
 *   sudo apt-get install -y --no-install-recommends chromium libkrb5-dev ripgrep
 *   bash test/e2e/setup-code-server.sh
 *   SPORBAR_E2E=1 npx vitest run test/e2e/vscode.e2e.test.ts
 *
 * Screenshots go to out/e2e/ (pass or fail).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const E2E = process.env.SPORBAR_E2E === '1';
const W = process.env.SPORBAR_E2E_DIR ?? path.join(REPO, '.e2e');
const CODE_SERVER = path.join(W, 'cs/node_modules/.bin/code-server');
const CHROMIUM = process.env.SPORBAR_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = path.join(REPO, 'out/e2e');
const VSIX = path.join(REPO, 'packages/extension/sporbar.vsix');
const MAX_VSIX_BYTES = 5 * 1024 * 1024;

/** A broken file: `need` names a need that does not exist (ref/unresolved). */
const BROKEN = 'question zz "Hva mangler?" { need FinnesIkke }\n';
const FIXED = 'question zz "Hva mangler?" { need Læring }\n';

let server: ChildProcess | undefined;
let serverLog = '';
let browser: Browser | undefined;
let page: Page;
let workspace: string;
let shot = 0;

async function screenshot(name: string): Promise<void> {
    if (!page) return;
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${String(++shot).padStart(2, '0')}-${name}.png`) }).catch(() => undefined);
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
    const result = spawnSync(command, args, { cwd: REPO, env, encoding: 'utf8', timeout: 180_000 });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    return result.stdout + result.stderr;
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined && value !== false) return value;
        if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise(r => setTimeout(r, 250));
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
    await input.fill(query);
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

/** Runs a command through the command palette, by its title. */
async function palette(title: string): Promise<void> {
    await page.keyboard.press('F1');
    await accept(`>${title}`, title);
}

/** Picks the item of an open quick pick whose label matches, by filtering and Enter. */
async function pick(label: string): Promise<void> {
    await accept(label, label);
}

async function openFile(name: string): Promise<void> {
    // Quick Open finds files in folders that are not expanded in the explorer.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await accept(name, name);
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 15_000 });
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
        expect(entries).toContain('extension/dist/extension.cjs');
        expect(entries).toContain('extension/dist/server.cjs');
        expect(entries).toContain('extension/syntaxes/prog.tmLanguage.json');
        expect(entries.filter(e => e.includes('node_modules/'))).toEqual([]);
        // One .vsix for every platform: no native module (the figure renderer is WebAssembly).
        expect(entries.filter(e => e.endsWith('.node'))).toEqual([]);
        expect(entries).toContain('extension/dist/assets/resvg.wasm');

        // A fresh copy of the PRI example, plus a deliberately broken file.
        fs.mkdirSync(path.join(W, 'runs'), { recursive: true });
        const runDir = fs.mkdtempSync(path.join(W, 'runs', 'run-'));
        workspace = path.join(runDir, 'pri');
        fs.cpSync(path.join(REPO, 'examples/pri'), workspace, { recursive: true });
        fs.rmSync(path.join(workspace, 'out'), { recursive: true, force: true });
        fs.writeFileSync(path.join(workspace, 'broken.prog'), BROKEN);

        const home = path.join(W, 'home');
        const userData = path.join(W, 'user-data');
        const extensions = path.join(runDir, 'extensions');
        fs.rmSync(userData, { recursive: true, force: true });
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
            // Completions must come from the language server, not from words or snippets.
            'editor.wordBasedSuggestions': 'off',
            'editor.snippetSuggestions': 'none',
            'editor.quickSuggestions': { other: false, comments: false, strings: false },
            'files.autoSave': 'off',
            'git.enabled': false,
            'git.openRepositoryInParentFolders': 'never',
            'workbench.editor.enablePreview': false
        }, null, 2));
        const env = {
            ...process.env,
            HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'),
            TMPDIR: path.join(W, 'tmp'), SPORBAR_TODAY: '2026-11-28'
        };
        fs.mkdirSync(home, { recursive: true });
        const common = ['--config', path.join(W, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];
        fs.writeFileSync(path.join(W, 'config.yaml'), 'auth: none\n');
        run(CODE_SERVER, [...common, '--install-extension', VSIX], env);

        const port = await freePort();
        server = spawn(CODE_SERVER, [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
            '--disable-update-check', '--disable-workspace-trust', workspace], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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
        page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
        await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
        await page.locator('.explorer-folders-view').waitFor({ state: 'visible', timeout: 30_000 });
    }, 300_000);

    beforeEach(({ task, onTestFailed }) => {
        // A failing step leaves its picture and the server's log behind.
        onTestFailed(async () => {
            await screenshot(`FAILED-${task.name.replace(/[^\w]+/g, '-').slice(0, 60)}`);
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

    it('colours .prog files with the TextMate grammar', async () => {
        await openFile('programme.prog');
        const classes = await waitFor('coloured tokens', async () => {
            const found = new Set(await page.locator('.monaco-editor .view-lines span[class^="mtk"]').evaluateAll(
                spans => spans.map(s => s.className.split(/\s+/).find(c => /^mtk\d+$/.test(c)) ?? '')));
            found.delete('');
            return found.size > 2 ? found : undefined;
        });
        expect(classes.size).toBeGreaterThan(2);
        await screenshot('colouring');
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

    it('completes references from the language server', async () => {
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
        // Question IDs of questions.prog (word-based and snippet suggestions are off).
        expect(labels.some(label => /^(a|b|c|d|e|f|g|h)\b/.test(label.trim()))).toBe(true);
        await page.keyboard.press('Escape');
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
    });

    it('generates the assessment report as docx through the command palette', { timeout: 180_000 }, async () => {
        const output = path.join(workspace, 'out/Vurderingsgrunnlag.docx');
        expect(fs.existsSync(output)).toBe(false);
        await palette('Sporbar: Generate report…');
        await pick('Vurderingsgrunnlag');
        await pick('docx');
        await waitFor('the docx file', () => fs.existsSync(output) || undefined, 120_000);
        const bytes = fs.readFileSync(output);
        expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
        const entries = Object.keys(unzipSync(bytes));
        expect(entries).toContain('word/document.xml');
        await page.locator('.notification-toast', { hasText: 'Vurderingsgrunnlag.docx' }).first().waitFor({ state: 'visible', timeout: 30_000 });
        await screenshot('report');
    });
});
