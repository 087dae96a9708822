import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import AjvFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES, type FileDiagnostic } from '@sporbar/language';
import { fingerprints, rangeText, type FormatContext } from '../packages/cli/src/formats/context.js';
import { escapeData, escapeProperty, toGithub } from '../packages/cli/src/formats/github.js';
import { toGitlab } from '../packages/cli/src/formats/gitlab.js';
import { toJunit } from '../packages/cli/src/formats/junit.js';
import { toSarif } from '../packages/cli/src/formats/sarif.js';
import { ruleAnchor } from '../packages/cli/src/cli-about.js';

const repo = path.resolve(__dirname, '..');
const BIN = path.join(repo, 'packages/cli/bin/sporbar.js');
const FIXTURES = 'test/fixtures/cli';
const SEVERITIES = `${FIXTURES}/severities`;

interface Run { status: number | null; stdout: string; stderr: string }

function sporbar(args: string[], cwd = repo): Run {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonDiagnostic { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }

function jsonDiagnostics(folder: string, cwd = repo): JsonDiagnostic[] {
    return (JSON.parse(sporbar(['validate', '-f', 'json', folder], cwd).stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
}

function copyToTemp(folder: string, name = 'ws'): { parent: string; root: string } {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-cli-'));
    const root = path.join(parent, name);
    fs.cpSync(path.join(repo, folder), root, { recursive: true });
    return { parent, root };
}

// Loosely typed views of the outputs.
interface SarifRegion { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface SarifLocation { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion }; message?: { text: string }; id?: number }
interface SarifResult { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: SarifLocation[]; relatedLocations?: SarifLocation[]; partialFingerprints: Record<string, string> }
interface SarifRule { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string }; helpUri: string }
interface SarifLog { version: string; runs: Array<{ tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } }; originalUriBaseIds: Record<string, { uri: string }>; results: SarifResult[] }> }
interface GitlabIssue { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }

// CommonJS modules whose default export is also their `default` property.
const Ajv = AjvDraft04.default;
const addFormats = AjvFormats.default;

let validateSarif: ReturnType<InstanceType<typeof Ajv>['compile']>;

beforeAll(() => {
    if (!fs.existsSync(path.join(repo, 'packages/cli/dist/sporbar.js'))) {
        throw new Error('Build the CLI first: npm run build (the sporbar command runs packages/cli/dist)');
    }
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validateSarif = ajv.compile(schema);
});

function expectValidSarif(text: string): SarifLog {
    const log = JSON.parse(text) as SarifLog;
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    return log;
}

describe('--format sarif', () => {
    it('validates against the SARIF 2.1.0 schema: clean, every severity, and the PRI example', () => {
        for (const folder of [`${FIXTURES}/clean`, SEVERITIES, 'examples/pri']) {
            const run = sporbar(['validate', '-f', 'sarif', folder]);
            expectValidSarif(run.stdout);
        }
    });

    it('the schema check can fail: a relative helpUri or a column 0 is rejected', () => {
        const log = JSON.parse(sporbar(['validate', '-f', 'sarif', SEVERITIES]).stdout) as SarifLog;
        const broken = structuredClone(log);
        broken.runs[0].tool.driver.rules[0].helpUri = 'docs/rules.md#syntaxlexer';
        expect(validateSarif(broken)).toBe(false);
        const zero = structuredClone(log);
        zero.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
        expect(validateSarif(zero)).toBe(false);
    });

    it('has one run of the sporbar driver listing every rule of prog-codes.ts, fired or not', () => {
        const log = expectValidSarif(sporbar(['validate', '-f', 'sarif', SEVERITIES]).stdout);
        expect(log.version).toBe('2.1.0');
        expect(log.runs).toHaveLength(1);
        const driver = log.runs[0].tool.driver;
        expect(driver.name).toBe('sporbar');
        expect(driver.version).toBe(JSON.parse(fs.readFileSync(path.join(repo, 'packages/cli/package.json'), 'utf8')).version);
        expect(driver.informationUri).toMatch(/^https:\/\//);
        expect(driver.rules.map(r => r.id)).toEqual(RULES.map(r => r.code));
        const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
        driver.rules.forEach((rule, i) => {
            expect(rule.shortDescription.text).toBe(RULES[i].description);
            expect(rule.defaultConfiguration.level).toBe(level[RULES[i].severity]);
            expect(rule.helpUri.endsWith(`docs/rules.md#${ruleAnchor(rule.id)}`)).toBe(true);
        });
        expect(driver.rules.find(r => r.id === 'finding/untriangulated')!.helpUri).toMatch(/docs\/rules\.md#findinguntriangulated$/);
        expect(driver.rules.find(r => r.id === 'source/unused')!.defaultConfiguration.level).toBe('note');
    });

    it('has one result per diagnostic with rule, level, message and 1-based region relative to %SRCROOT%', () => {
        const log = expectValidSarif(sporbar(['validate', '-f', 'sarif', SEVERITIES]).stdout);
        const json = jsonDiagnostics(SEVERITIES);
        const { results, tool, originalUriBaseIds } = log.runs[0];
        expect(originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(repo).href + '/');
        expect(results).toHaveLength(json.length);
        const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as Record<string, string>;
        results.forEach((result, i) => {
            const d = json[i];
            expect(result.ruleId).toBe(d.code);
            expect(tool.driver.rules[result.ruleIndex].id).toBe(d.code);
            expect(result.level).toBe(level[d.severity]);
            expect(result.message.text).toBe(d.message);
            const { artifactLocation, region } = result.locations[0].physicalLocation;
            expect(artifactLocation).toEqual({ uri: `${SEVERITIES}/${d.file}`, uriBaseId: '%SRCROOT%' });
            expect(region).toEqual({ startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
        });
        expect(results.map(r => r.level)).toEqual(['error', 'warning', 'note', 'note', 'error', 'warning', 'error']);
    });

    it('turns related information into relatedLocations (id/duplicate points at the other declaration)', () => {
        const { results } = expectValidSarif(sporbar(['validate', '-f', 'sarif', SEVERITIES]).stdout).runs[0];
        const duplicates = results.filter(r => r.ruleId === 'id/duplicate');
        expect(duplicates).toHaveLength(2);
        const [inMain, inMore] = duplicates;
        expect(inMain.relatedLocations).toHaveLength(1);
        expect(inMain.relatedLocations![0].physicalLocation).toEqual(inMore.locations[0].physicalLocation);
        expect(inMore.relatedLocations![0].physicalLocation).toEqual(inMain.locations[0].physicalLocation);
        expect(inMain.relatedLocations![0].message!.text).toContain('Dup');
        expect(results.filter(r => r.ruleId !== 'id/duplicate').every(r => r.relatedLocations === undefined)).toBe(true);
    });

    it('paths are relative to the current directory', () => {
        const run = sporbar(['validate', '-f', 'sarif', '.'], path.join(repo, SEVERITIES));
        const { results, originalUriBaseIds } = expectValidSarif(run.stdout).runs[0];
        expect(originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(path.join(repo, SEVERITIES)).href + '/');
        expect(results.map(r => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual([
            'main.prog', 'main.prog', 'main.prog', 'main.prog', 'main.prog', 'sporbar.json', 'sub/more.prog'
        ]);
    });
});

describe('fingerprints (SARIF partialFingerprints, GitLab fingerprint)', () => {
    function prints(folder: string, cwd: string) {
        const sarif = JSON.parse(sporbar(['validate', '-f', 'sarif', folder], cwd).stdout) as SarifLog;
        const gitlab = JSON.parse(sporbar(['validate', '-f', 'gitlab', folder], cwd).stdout) as GitlabIssue[];
        return {
            sarif: sarif.runs[0].results.map(r => r.partialFingerprints['sporbar/v1']),
            lines: sarif.runs[0].results.map(r => r.locations[0].physicalLocation.region.startLine),
            gitlab: gitlab.map(i => i.fingerprint)
        };
    }

    it('are the same when lines are inserted above the diagnostics, and differ when the offending text changes', () => {
        const { parent } = copyToTemp(SEVERITIES);
        try {
            const before = prints('ws', parent);
            expect(new Set(before.sarif).size).toBe(before.sarif.length);
            expect(before.gitlab).toEqual(before.sarif);

            const main = path.join(parent, 'ws/main.prog');
            fs.writeFileSync(main, '// three lines\n// inserted\n\n' + fs.readFileSync(main, 'utf8'));
            const shifted = prints('ws', parent);
            expect(shifted.lines).not.toEqual(before.lines);
            expect(shifted.lines.slice(0, 5)).toEqual(before.lines.slice(0, 5).map(l => l + 3));
            expect(shifted.sarif).toEqual(before.sarif);
            expect(shifted.gitlab).toEqual(before.gitlab);

            fs.writeFileSync(main, fs.readFileSync(main, 'utf8').replace('client Nobody', 'client Nobody2'));
            const changed = prints('ws', parent);
            expect(changed.sarif[0]).not.toBe(before.sarif[0]);
            expect(changed.sarif.slice(1)).toEqual(before.sarif.slice(1));
        } finally {
            fs.rmSync(parent, { recursive: true, force: true });
        }
    });

    const context = (text: string): FormatContext => ({
        version: '0.0.0', files: 1, base: '', srcRoot: 'file:///w/', rules: RULES, overrides: new Map(),
        documents: [{ file: 'a.prog', uri: 'file:///w/a.prog', text }]
    });
    const diagnostic = (line: number, character: number, length: number, message = 'No question named \'zz\''): FileDiagnostic => ({
        file: 'a.prog', uri: 'file:///w/a.prog',
        diagnostic: { range: { start: { line, character }, end: { line, character: character + length } }, severity: 1, code: 'ref/unresolved', message }
    });

    it('tell identical diagnostics in one file apart by their order', () => {
        const text = 'finding F1 "f" { answers zz }\nfinding F2 "g" { answers zz }\n';
        const result = fingerprints([diagnostic(0, 25, 2), diagnostic(1, 25, 2)], context(text));
        expect(result[0]).not.toBe(result[1]);
        const [first, second] = text.split('\n');
        const moved = fingerprints([diagnostic(3, 25, 2), diagnostic(7, 25, 2)], context(`\n\n\n${first}\n\n\n\n${second}\n`));
        expect(moved).toEqual(result);
    });

    it('leave out positions that messages mention (file.prog:12), so they survive shifts elsewhere', () => {
        const text = 'actor Dup "x"\n';
        const a = fingerprints([diagnostic(0, 6, 3, "declared 2 times (actor in b.prog:1)")], context(text));
        const b = fingerprints([diagnostic(0, 6, 3, "declared 2 times (actor in b.prog:14)")], context(text));
        const c = fingerprints([diagnostic(0, 6, 3, "declared 2 times (actor in c.prog:1)")], context(text));
        expect(a).toEqual(b);
        expect(a).not.toEqual(c);
    });

    it('hash the text of the range, across lines too', () => {
        expect(rangeText('ab\ncdef\ngh', { start: { line: 0, character: 1 }, end: { line: 2, character: 1 } })).toBe('b\ncdef\ng');
        expect(rangeText('ab\r\ncdef', { start: { line: 1, character: 1 }, end: { line: 1, character: 3 } })).toBe('de');
        expect(rangeText('ab', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })).toBe('');
    });
});

/** Parses `::command key=value,…::message` (inverse of GitHub's escaping). */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
    const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
    if (!match) throw new Error(`not a workflow command: ${line}`);
    const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    const properties: Record<string, string> = {};
    for (const pair of match[2].split(',')) {
        const eq = pair.indexOf('=');
        properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    return { command: match[1], properties, message: unescape(match[3]) };
}

describe('--format github', () => {
    it('prints one workflow command per diagnostic with file, position and title', () => {
        const run = sporbar(['validate', '-f', 'github', SEVERITIES]);
        expect(run.status).toBe(1);
        const json = jsonDiagnostics(SEVERITIES);
        const lines = run.stdout.split('\n');
        expect(lines.pop()).toBe('');
        expect(lines).toHaveLength(json.length);
        const command = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as Record<string, string>;
        lines.forEach((line, i) => {
            const d = json[i];
            expect(line).toMatch(/^::(error|warning|notice) file=[^,]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]*::/);
            const parsed = parseCommand(line);
            expect(parsed.command).toBe(command[d.severity]);
            expect(parsed.properties).toEqual({
                file: `${SEVERITIES}/${d.file}`, line: String(d.line), col: String(d.column),
                endLine: String(d.endLine), endColumn: String(d.endColumn), title: d.code
            });
            expect(parsed.message).toBe(d.message);
        });
    });

    it('escapes % and newlines in the message, and also : and , in properties', () => {
        const { parent, root } = copyToTemp(SEVERITIES, 'odd,name:100%');
        try {
            const run = sporbar(['validate', '-f', 'github', path.basename(root)], parent);
            const config = run.stdout.split('\n').find(line => line.includes('config/unknown-rule'))!;
            expect(config).toBe('::warning file=odd%2Cname%3A100%25/sporbar.json,line=7,col=5,endLine=7,endColumn=5,title=config/unknown-rule'
                + '::sporbar.json: unknown rule "x%25y: a,b%0Ac <&> "q""; it is ignored');
            expect(parseCommand(config).message).toBe('sporbar.json: unknown rule "x%y: a,b\nc <&> "q""; it is ignored');
            expect(run.stdout.split('\n').filter(Boolean).every(line => line.startsWith('::') && parseCommand(line).properties.file.startsWith('odd,name:100%/'))).toBe(true);
        } finally {
            fs.rmSync(parent, { recursive: true, force: true });
        }
    });

    it('escapes per GitHub rules (pure functions)', () => {
        expect(escapeData('100% sure: a, b\r\nnext')).toBe('100%25 sure: a, b%0D%0Anext');
        expect(escapeProperty('100% sure: a, b\r\nnext')).toBe('100%25 sure%3A a%2C b%0D%0Anext');
        const d: FileDiagnostic = {
            file: 'a,b.prog', uri: 'file:///w/a,b.prog',
            diagnostic: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 4, code: 'source/unused', message: '50%: x,\ny' }
        };
        const ctx: FormatContext = { version: '0', files: 1, base: 'ws', srcRoot: 'file:///', documents: [], rules: RULES, overrides: new Map() };
        expect(toGithub([d], ctx)).toBe('::notice file=ws/a%2Cb.prog,line=1,col=1,endLine=1,endColumn=2,title=source/unused::50%25: x,%0Ay\n');
        expect(toGithub([], ctx)).toBe('');
    });
});

describe('--format gitlab', () => {
    it('prints a Code Quality array without BOM, with the fields GitLab needs', () => {
        const run = sporbar(['validate', '-f', 'gitlab', SEVERITIES]);
        expect(run.status).toBe(1);
        expect(run.stdout.charCodeAt(0)).toBe('['.charCodeAt(0));
        const issues = JSON.parse(run.stdout) as GitlabIssue[];
        const json = jsonDiagnostics(SEVERITIES);
        expect(issues).toHaveLength(json.length);
        const severity = { hint: 'info', info: 'minor', warning: 'major', error: 'critical' } as Record<string, string>;
        issues.forEach((issue, i) => {
            expect(Object.keys(issue)).toEqual(['description', 'check_name', 'fingerprint', 'severity', 'location']);
            expect(issue).toEqual({
                description: json[i].message,
                check_name: json[i].code,
                fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
                severity: severity[json[i].severity],
                location: { path: `${SEVERITIES}/${json[i].file}`, lines: { begin: json[i].line } }
            });
        });
        expect(issues.map(i => i.severity)).toEqual(['critical', 'major', 'minor', 'info', 'critical', 'major', 'critical']);
        expect(new Set(issues.map(i => i.fingerprint)).size).toBe(issues.length);
    });

    it('prints [] for a clean workspace', () => {
        const run = sporbar(['validate', '-f', 'gitlab', `${FIXTURES}/clean`]);
        expect(run.status).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual([]);
        expect(run.stdout.charCodeAt(0)).not.toBe(0xfeff);
    });
});

interface JunitCase { '@_name': string; '@_classname': string; failure?: { '#text': string; '@_message': string; '@_type': string }; 'system-out'?: string; skipped?: unknown }
interface JunitSuite { '@_name': string; '@_tests': string; '@_failures': string; '@_skipped': string; testcase: JunitCase[] }

/** The five predefined entities (the parser leaves them in text nodes). */
function decodeXml(s: string): string {
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function parseJunit(xml: string): { root: Record<string, string>; suites: JunitSuite[] } {
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
        ignoreAttributes: false, parseAttributeValue: false, parseTagValue: false, trimValues: false,
        isArray: name => name === 'testsuite' || name === 'testcase'
    }).parse(xml) as { testsuites: Record<string, string> & { testsuite: JunitSuite[] } };
    return { root: parsed.testsuites, suites: parsed.testsuites.testsuite };
}

describe('--format junit', () => {
    it('is well-formed XML with one suite per rule group and one case per rule', () => {
        const run = sporbar(['validate', '-f', 'junit', SEVERITIES]);
        expect(run.status).toBe(1);
        const { root, suites } = parseJunit(run.stdout);
        const groups = [...new Set(RULES.map(r => r.group))];
        expect(suites.map(s => s['@_name'])).toEqual(groups);
        expect(root['@_tests']).toBe(String(RULES.length));
        for (const suite of suites) {
            const rules = RULES.filter(r => r.group === suite['@_name']);
            expect(suite.testcase.map(c => c['@_name'])).toEqual(rules.map(r => r.code));
            expect(suite.testcase.every(c => c['@_classname'] === suite['@_name'])).toBe(true);
            expect(suite['@_tests']).toBe(String(rules.length));
            expect(suite['@_failures']).toBe(String(suite.testcase.filter(c => c.failure !== undefined).length));
            expect(suite['@_skipped']).toBe(String(suite.testcase.filter(c => c.skipped !== undefined).length));
        }
    });

    it('fails a rule for errors and warnings (one failure listing every diagnostic); infos and hints pass', () => {
        const { root, suites } = parseJunit(sporbar(['validate', '-f', 'junit', SEVERITIES]).stdout);
        const cases = new Map(suites.flatMap(s => s.testcase).map(c => [c['@_name'], c]));
        const failing = [...cases.values()].filter(c => c.failure).map(c => c['@_name']);
        expect(failing).toEqual(['ref/unresolved', 'id/duplicate', 'period/reversed', 'config/unknown-rule']);
        expect(root['@_failures']).toBe('4');
        const duplicate = cases.get('id/duplicate')!.failure!;
        expect(duplicate['@_type']).toBe('error');
        expect(duplicate['#text'].split('\n')).toEqual([
            `${SEVERITIES}/main.prog:10:7 The ID 'Dup' is declared 2 times in the workspace (actor in sub/more.prog:1)`,
            `${SEVERITIES}/sub/more.prog:1:7 The ID 'Dup' is declared 2 times in the workspace (actor in main.prog:10)`
        ]);
        expect(cases.get('period/reversed')!.failure!['@_type']).toBe('warning');
        expect(cases.get('sdg/out-of-range')!.failure).toBeUndefined();
        expect(cases.get('sdg/out-of-range')!['system-out']).toMatch(/^info: test\/fixtures\/cli\/severities\/main\.prog:5:13 SDG 18/);
        expect(cases.get('date/invalid')!['system-out']).toMatch(/^hint: /);
        expect(cases.get('project/no-owner')!.skipped).toBeDefined();
        expect(root['@_skipped']).toBe('1');
    });

    it('escapes XML: the config message with <&>" survives the round trip', () => {
        const { suites } = parseJunit(sporbar(['validate', '-f', 'junit', SEVERITIES]).stdout);
        const config = suites.flatMap(s => s.testcase).find(c => c['@_name'] === 'config/unknown-rule')!;
        expect(decodeXml(config.failure!['#text'])).toBe(`${SEVERITIES}/sporbar.json:7:5 sporbar.json: unknown rule "x%y: a,b\nc <&> "q""; it is ignored`);
    });

    it('passes every rule of a clean workspace', () => {
        const run = sporbar(['validate', '-f', 'junit', `${FIXTURES}/clean`]);
        expect(run.status).toBe(0);
        const { root } = parseJunit(run.stdout);
        expect(root['@_failures']).toBe('0');
        expect(root['@_tests']).toBe(String(RULES.length));
    });

    it('escapes attributes and drops characters XML cannot hold (pure function)', () => {
        const d: FileDiagnostic = {
            file: 'a.prog', uri: 'file:///w/a.prog',
            diagnostic: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 1, code: 'x/"odd"&<y>', message: 'bell \u0007 & <b> "q"' }
        };
        const ctx: FormatContext = { version: '0', files: 1, base: '', srcRoot: 'file:///', documents: [], rules: RULES, overrides: new Map() };
        const xml = toJunit([d], ctx);
        expect(XMLValidator.validate(xml)).toBe(true);
        const { suites } = parseJunit(xml);
        const other = suites.find(s => s['@_name'] === 'other')!;
        expect(decodeXml(other.testcase[0]['@_name'])).toBe('x/"odd"&<y>');
        expect(decodeXml(other.testcase[0].failure!['#text'])).toBe('a.prog:1:1 bell \uFFFD & <b> "q"');
        expect(xml).toContain('name="x/&quot;odd&quot;&amp;&lt;y&gt;"');
    });
});

describe('every format shows the sporbar.json problems', () => {
    it('config/unknown-rule is in stylish, json, sarif, github, gitlab and junit', () => {
        for (const format of ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit']) {
            const run = sporbar(['validate', '-f', format, SEVERITIES]);
            expect(run.stdout, format).toContain('config/unknown-rule');
            expect(run.stdout, format).toContain('sporbar.json');
        }
    });

    it('a broken sporbar.json is an error in every format, and the exit code is 1', () => {
        const { parent, root } = copyToTemp(`${FIXTURES}/clean`);
        try {
            fs.writeFileSync(path.join(root, 'sporbar.json'), '{ "rules": ');
            for (const format of ['sarif', 'github', 'gitlab', 'junit']) {
                const run = sporbar(['validate', '-f', format, 'ws'], parent);
                expect(run.status, format).toBe(1);
                expect(run.stdout, format).toContain('config/invalid');
            }
            expectValidSarif(sporbar(['validate', '-f', 'sarif', 'ws'], parent).stdout);
        } finally {
            fs.rmSync(parent, { recursive: true, force: true });
        }
    });
});

describe('pure formats on no diagnostics', () => {
    const ctx: FormatContext = { version: '1.2.3', files: 0, base: '', srcRoot: 'file:///w/', documents: [], rules: RULES, overrides: new Map() };
    it('SARIF still lists every rule; GitLab is []; JUnit passes every rule', () => {
        const sarif = expectValidSarif(toSarif([], ctx));
        expect(sarif.runs[0].results).toEqual([]);
        expect(sarif.runs[0].tool.driver.rules).toHaveLength(RULES.length);
        expect(toGitlab([], ctx)).toBe('[]\n');
        expect(parseJunit(toJunit([], ctx)).root['@_failures']).toBe('0');
    });
});
