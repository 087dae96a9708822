// The extension's static parts: the new-workspace scaffold (shared with `sporbar init`) validates, every snippet
// parses, every UI string has a Norwegian translation, and the server command IDs match.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createProgCoreServices } from '../../language/src/prog-module.js';
import { ServerCommands as ServerSide } from '../../language/src/lsp/prog-commands.js';
import { scaffoldWorkspace } from '../../language/src/model/prog-scaffold.js';
import { elementSnippets } from '../../language/src/lsp/prog-snippets.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.resolve(here, '..');
const repo = path.resolve(ext, '../..');

describe('New workspace scaffold', () => {
    it('validates with zero errors and zero warnings with the CLI', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-scaffold-'));
        for (const [file, content] of Object.entries(scaffoldWorkspace({ title: 'Et "sitert" program', today: '2026-11-28' }))) {
            fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
            fs.writeFileSync(path.join(dir, file), content);
        }
        const result = spawnSync(process.execPath, [path.join(repo, 'packages/cli/bin/sporbar.js'), 'validate', dir, '--format', 'json'],
            { encoding: 'utf8', env: { ...process.env, SPORBAR_TODAY: '2026-11-28' } });
        const report = JSON.parse(result.stdout) as { summary: { errors: number; warnings: number; files: number } ; diagnostics: unknown[] };
        expect(report.diagnostics).toEqual([]);
        expect(report.summary.files).toBe(6);
        expect(result.status).toBe(0);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});

/** A snippet body with every tab stop replaced by its default (the first choice, or the mirrored value). */
function expand(body: string): string {
    const values = new Map<string, string>();
    let text = body.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, n: string, choices: string) => { const v = choices.split(',')[0]; values.set(n, v); return v; });
    for (let i = 0; i < 5; i++) {
        text = text.replace(/\$\{(\d+):([^${}]*)\}/g, (_m, n: string, v: string) => { values.set(n, v); return v; });
    }
    return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a?: string, b?: string) => values.get(a ?? b ?? '') ?? '');
}

describe('Snippets (offered by the language server where the element may start)', () => {
    const services = createProgCoreServices(EmptyFileSystem).Prog;
    // Snippets that only live inside a block get one around them.
    const wrap: Record<string, (s: string) => string> = {
        input: s => `logic L "L" {\n${s}\n}`, activity: s => `logic L "L" {\n${s}\n}`, output: s => `logic L "L" {\n${s}\n}`,
        outcome: s => `logic L "L" {\n${s}\n}`, impact: s => `logic L "L" {\n${s}\n}`,
        assumption: s => `logic L "L" {\n${s}\n}`, indicator: s => `logic L "L" {\n${s}\n}`,
        section: s => `report R "R" {\n${s}\n}`,
        ethics: s => `programme P "P" {\n${s}\n}`,
        measured: s => `logic L "L" { output O "O" { indicator I "I" {\n${s}\n} } }`,
        'follow-up': s => `recommendation R "R" {\n${s}\n}`,
        institution: s => `report R "R" {\n${s}\n}`
    };
    for (const kind of ['programme', 'actor', 'need', 'question', 'logic', 'portfolio', 'project', 'source', 'finding', 'criterion', 'assessment', 'recommendation', 'lesson', 'initiative', 'report']) {
        it(`has a snippet for ${kind}`, () => expect(elementSnippets('nb').some(s => s.keyword === kind && s.label === kind)).toBe(true));
    }
    // In every language: a placeholder that is not a valid ID (or breaks a string) fails here.
    for (const snippet of (['nb', 'nn', 'en'] as const).flatMap(language => elementSnippets(language).map(s => ({ ...s, language })))) {
        it(`"${snippet.label}" (${snippet.language}) expands to text that parses`, () => {
            const text = (wrap[snippet.keyword] ?? (s => s))(expand(snippet.body.join('\n')).replace(/\t/g, '    '));
            const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:/${snippet.label}.prog`));
            expect(document.parseResult.lexerErrors).toEqual([]);
            expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        });
    }
    it('never defaults to `confidence high` (moderate is GRADE-CERQual\'s middle ground)', () => {
        const finding = elementSnippets('nb').find(s => s.label === 'finding')!;
        expect(expand(finding.body.join('\n'))).toContain('confidence moderate');
    });
});

describe('Localisation and manifest', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
    const nls = JSON.parse(fs.readFileSync(path.join(ext, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const nlsNb = JSON.parse(fs.readFileSync(path.join(ext, 'package.nls.nb.json'), 'utf8')) as Record<string, string>;
    const bundleNb = JSON.parse(fs.readFileSync(path.join(ext, 'l10n/bundle.l10n.nb.json'), 'utf8')) as Record<string, string>;

    it('has every %key% of package.json in English and Norwegian', () => {
        const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
        expect(keys.length).toBeGreaterThan(10);
        for (const key of keys) {
            expect(nls[key], key).toBeTruthy();
            expect(nlsNb[key], key).toBeTruthy();
        }
        expect(Object.keys(nlsNb).sort()).toEqual(Object.keys(nls).sort());
    });

    it('translates every vscode.l10n.t string into Norwegian bokmål', () => {
        const strings = new Set<string>();
        const walk = (dir: string) => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const file = path.join(dir, entry.name);
                if (entry.isDirectory()) walk(file);
                else if (file.endsWith('.ts')) {
                    for (const m of fs.readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) strings.add(m[1] ?? m[2]);
                }
            }
        };
        walk(path.join(ext, 'src'));
        expect(strings.size).toBeGreaterThan(30);
        const missing = [...strings].filter(s => !bundleNb[s]);
        expect(missing).toEqual([]);
    });

    it('uses different IDs for client commands and server commands', () => {
        const clientIds = (manifest.contributes.commands as { command: string }[]).map(c => c.command);
        for (const id of Object.values(ServerSide)) expect(clientIds).not.toContain(id);
        expect(clientIds).toContain('sporbar.generateReport');
    });
});
