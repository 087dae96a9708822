import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `sporbar validate --lang` and sporbar.json's `language` (docs/editors.md "Language").
const repo = path.resolve(__dirname, '..');
const BIN = path.join(repo, 'packages/cli/bin/sporbar.js');
const SEVERITIES = 'test/fixtures/cli/severities';

function sporbar(args: string[], cwd = repo): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temps: string[] = [];
afterAll(() => { for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true }); });

/** A copy of the severities fixture whose sporbar.json says `"language": …`. */
function withLanguage(language: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-lang-'));
    temps.push(dir);
    fs.cpSync(path.join(repo, SEVERITIES), dir, { recursive: true });
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'sporbar.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(dir, 'sporbar.json'), JSON.stringify({ ...config, language }, null, 2));
    return dir;
}

describe('sporbar validate --lang', () => {
    it('English by default, for developers reading CI logs', () => {
        const run = sporbar(['validate', SEVERITIES]);
        expect(run.stdout).toContain("The ID 'Dup' is declared 2 times in the workspace (actor in sub/more.prog:1)");
        expect(run.stdout).toMatch(/2 files checked: 3 errors, 2 warnings, 1 info, 1 hint\n$/);
    });

    it('nb and nn: messages and the summary line in Norwegian; codes unchanged', () => {
        const nb = sporbar(['validate', '--lang', 'nb', SEVERITIES]);
        expect(nb.status).toBe(1);
        expect(nb.stdout).toContain("main.prog:10:7  error    id/duplicate  ID-en 'Dup' er deklarert 2 ganger i arbeidsområdet (aktør i sub/more.prog:1)");
        expect(nb.stdout).toMatch(/2 filer kontrollert: 3 feil, 2 advarsler, 1 info, 1 hint\n$/);
        const nn = sporbar(['validate', '--lang', 'nn', SEVERITIES]);
        expect(nn.stdout).toContain("ID-en 'Dup' er deklarert 2 gonger i arbeidsområdet (aktør i sub/more.prog:1)");
        expect(nn.stdout).toMatch(/2 filer kontrollerte: 3 feil, 2 åtvaringar, 1 info, 1 hint\n$/);
    });

    it('sporbar.json "language" is the default; --lang overrides it', () => {
        const dir = withLanguage('nn');
        expect(sporbar(['validate', dir]).stdout).toContain('er deklarert 2 gonger');
        expect(sporbar(['validate', '--lang', 'en', dir]).stdout).toContain('is declared 2 times');
    });

    it('JSON keeps the English message beside the translation; SARIF states its language', () => {
        const json = JSON.parse(sporbar(['validate', '--lang', 'nb', '--format', 'json', SEVERITIES]).stdout) as { language: string; diagnostics: { code: string; message: string; messageEn: string }[] };
        expect(json.language).toBe('nb');
        const duplicate = json.diagnostics.find(d => d.code === 'id/duplicate')!;
        expect(duplicate.message).toMatch(/^ID-en 'Dup' er deklarert/);
        expect(duplicate.messageEn).toMatch(/^The ID 'Dup' is declared/);
        const sarifNb = JSON.parse(sporbar(['validate', '--lang', 'nb', '--format', 'sarif', SEVERITIES]).stdout) as { runs: { language: string; results: { message: { text: string }; properties: { messageEn?: string }; partialFingerprints: Record<string, string> }[] }[] };
        const sarifEn = JSON.parse(sporbar(['validate', '--format', 'sarif', SEVERITIES]).stdout) as typeof sarifNb;
        expect(sarifNb.runs[0].language).toBe('nb-NO');
        expect(sarifNb.runs[0].results[0].message.text).not.toBe(sarifEn.runs[0].results[0].message.text);
        expect(sarifNb.runs[0].results[0].properties.messageEn).toBe(sarifEn.runs[0].results[0].message.text);
        // Fingerprints do not depend on the language: a team switching languages keeps its baseline.
        expect(sarifNb.runs[0].results.map(r => r.partialFingerprints)).toEqual(sarifEn.runs[0].results.map(r => r.partialFingerprints));
    });

    it('refuses a language it does not speak', () => {
        const run = sporbar(['validate', '--lang', 'de', SEVERITIES]);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/--lang/);
    });

    it('sporbar matrix --lang: the table in Norwegian, JSON unchanged', () => {
        const nb = sporbar(['matrix', '--lang', 'nb', 'examples/pri']).stdout;
        expect(nb).toMatch(/^ID {3}Funn .* Status .* Problemstillinger .* Tillit .* Belegg .* Opphav .* Triangulert .* Brukt i\n/);
        expect(nb).toMatch(/\nF01 .* bekreftet .* moderat .* program, uavhengig .* ja /);
        expect(nb).toContain('\nDekning\n');
        expect(nb).toContain('Indikatorer (utgangsverdi → siste → mål)');
        expect(sporbar(['matrix', '--lang', 'nn', 'examples/pri']).stdout).toMatch(/\nF01 .* stadfesta .* moderat /);
        expect(sporbar(['matrix', 'examples/pri']).stdout).toMatch(/^ID {3}Finding /);
        expect(sporbar(['matrix', '--lang', 'nb', '--format', 'json', 'examples/pri']).stdout).toBe(sporbar(['matrix', '--format', 'json', 'examples/pri']).stdout);
    });
});
