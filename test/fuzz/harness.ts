/**
 * The properties every fuzz case must have: parsing, linking and validation of the
 * workspace (on a temp folder, through `loadWorkspace` and `collectDiagnostics`, as the
 * CLI does) never throw and finish within the time limit; every diagnostic lies inside
 * its document and carries a known code; `sporbar validate`'s lean syntax trees
 * (prog-lean-cst.ts) and one-shot build give the same diagnostics as full trees; and
 * report generation (Markdown and HTML, docx when asked) never throws on a workspace
 * without errors, or with `force`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectDiagnostics, loadWorkspace, relativePath, RULES, type FileDiagnostic, type LoadedWorkspace } from '@sporbar/language';
import type { Diagnostic } from 'vscode-languageserver';
import type { FuzzCase } from './arbitraries.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REGRESSIONS = path.join(REPO, 'test', 'fuzz', 'regressions');
export const TIME_LIMIT_MS = 2000;

const KNOWN_CODES = new Set(RULES.map(r => r.code));

export interface CaseResult {
    readonly diagnostics: number;
    readonly errors: number;
    readonly reports: number;
    readonly validateMs: number;
    readonly reportMs: number;
}

export interface CheckOptions {
    /** Also render docx (slower). */
    readonly docx?: boolean;
    /** Render reports at all (default true). */
    readonly reports?: boolean;
}

type ReportModule = typeof import('@sporbar/report');
let reportModule: Promise<ReportModule | undefined> | undefined;

/** The report package, once it exports `generateReport` (it may still be landing). */
export function loadReportModule(): Promise<ReportModule | undefined> {
    return reportModule ??= import('@sporbar/report').then(async m => {
        if (typeof m.generateReport !== 'function') return undefined;
        // The first report of a process loads the citation styles and locales (about 2 s):
        // a one-time cost, paid here so that the per-case time limit measures the case.
        const workspace = await loadWorkspace(path.join(REPO, 'test', 'fixtures', 'reference'));
        for (const id of reportIds(workspace)) {
            const choice = m.chooseReport(workspace, { id });
            if (choice.ok) for (const format of ['md', 'html', 'docx'] as const) await m.generateReport(workspace, choice.report, { format, draft: true });
        }
        return m;
    }, () => undefined);
}

/** A fresh temp folder holding the case's files. */
export function writeCase(c: FuzzCase): string {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-fuzz-')));
    for (const file of c.files) {
        const full = path.join(root, file.path);
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, file.bytes);
    }
    return root;
}

/**
 * CPU time (user + system) since `since`, in ms: the time limit holds on a loaded 2-core
 * machine too, where wall time depends on what else runs.
 */
function cpuMs(since: NodeJS.CpuUsage): number {
    const d = process.cpuUsage(since);
    return (d.user + d.system) / 1000;
}

/** Lines as the LSP counts them (`\r\n`, `\r` and `\n` end a line). */
export function linesOf(text: string): string[] {
    return text.split(/\r\n|\r|\n/);
}

/** What is wrong with a diagnostic's range in `text`, or undefined when it lies inside. */
export function rangeProblem(text: string, range: Diagnostic['range']): string | undefined {
    const lines = linesOf(text);
    for (const [name, pos] of [['start', range.start], ['end', range.end]] as const) {
        if (!Number.isInteger(pos.line) || !Number.isInteger(pos.character) || pos.line < 0 || pos.character < 0) return `${name} ${JSON.stringify(pos)} is not a position`;
        if (pos.line >= lines.length) return `${name} line ${pos.line} is beyond the ${lines.length} lines`;
        if (pos.character > lines[pos.line].length) return `${name} character ${pos.character} is beyond line ${pos.line}'s length ${lines[pos.line].length}`;
    }
    if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) return `start ${JSON.stringify(range.start)} is after end ${JSON.stringify(range.end)}`;
    return undefined;
}

/** Every broken property of the diagnostics of a loaded workspace. */
export function diagnosticProblems(workspace: LoadedWorkspace, diagnostics: readonly FileDiagnostic[]): string[] {
    const texts = new Map<string, string>();
    for (const document of workspace.documents) texts.set(relativePath(workspace.root, document.uri.fsPath), document.textDocument.getText());
    const textOf = (file: string) => {
        let text = texts.get(file);
        if (text === undefined) {
            try { text = fs.readFileSync(path.join(workspace.root, file), 'utf8'); } catch { text = ''; }
            texts.set(file, text);
        }
        return text;
    };
    const problems: string[] = [];
    for (const { file, diagnostic } of diagnostics) {
        const where = `${file} ${String(diagnostic.code)} "${diagnostic.message}"`;
        if (!KNOWN_CODES.has(String(diagnostic.code))) problems.push(`${where}: unknown code`);
        if (!diagnostic.message || typeof diagnostic.message !== 'string') problems.push(`${where}: no message`);
        const p = rangeProblem(textOf(file), diagnostic.range);
        if (p) problems.push(`${where}: ${p}`);
        for (const related of diagnostic.relatedInformation ?? []) {
            const relatedFile = relativePath(workspace.root, fileURLToPath(related.location.uri));
            const q = rangeProblem(textOf(relatedFile), related.location.range);
            if (q) problems.push(`${where}: related ${relatedFile}: ${q}`);
        }
    }
    return problems;
}

/** Lean trees must give exactly the diagnostics of full trees. */
function leanProblems(full: readonly FileDiagnostic[], lean: readonly FileDiagnostic[]): string[] {
    const length = Math.max(full.length, lean.length);
    for (let i = 0; i < length; i++) {
        const a = JSON.stringify(full[i]), b = JSON.stringify(lean[i]);
        if (a !== b) return [`lean syntax trees gave other diagnostics than full trees: ${b ?? 'none'} instead of ${a ?? 'none'}`];
    }
    return [];
}

/** Runs one case and throws (with every problem found) when a property is broken. */
export async function checkCase(c: FuzzCase, options: CheckOptions = {}): Promise<CaseResult> {
    const root = writeCase(c);
    try {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const workspace = await loadWorkspace(root);
        const diagnostics = collectDiagnostics(workspace);
        const validateMs = performance.now() - started;
        const validateCpuMs = cpuMs(cpu);
        const problems = diagnosticProblems(workspace, diagnostics);
        if (validateCpuMs > TIME_LIMIT_MS) problems.push(`validation took ${Math.round(validateCpuMs)} ms of CPU (limit ${TIME_LIMIT_MS})`);
        problems.push(...leanProblems(diagnostics, collectDiagnostics(await loadWorkspace(root, undefined, { leanTrees: true, oneShot: true }))));
        const errors = diagnostics.filter(d => (d.diagnostic.severity ?? 1) === 1).length;

        let reports = 0;
        let reportMs = 0;
        const module = options.reports === false ? undefined : await loadReportModule();
        if (module && (errors === 0 || c.force)) {
            const reportStarted = performance.now();
            for (const report of reportIds(workspace).slice(0, 3)) {
                const choice = module.chooseReport(workspace, { id: report });
                if (!choice.ok) continue;
                const blockers = module.reportBlockers(workspace, choice.report);
                if (blockers.length > 0 && !c.force) continue;
                const formats: ('md' | 'html' | 'docx')[] = options.docx ? ['md', 'html', 'docx'] : ['md', 'html'];
                let textMs = 0;
                const reportCpu = process.cpuUsage();
                for (const format of formats) {
                    const bytes = await module.generateReport(workspace, choice.report, { format, draft: blockers.length > 0 });
                    if (format !== 'docx') textMs = cpuMs(reportCpu);
                    problems.push(...outputProblems(report, format, bytes));
                }
                reports++;
                if (textMs > TIME_LIMIT_MS) problems.push(`Markdown and HTML of report ${report} took ${Math.round(textMs)} ms of CPU (limit ${TIME_LIMIT_MS})`);
            }
            reportMs = performance.now() - reportStarted;
        }
        if (problems.length > 0) throw new Error(`${problems.length} broken properties:\n  ${problems.slice(0, 20).join('\n  ')}`);
        return { diagnostics: diagnostics.length, errors, reports, validateMs, reportMs };
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
}

function reportIds(workspace: LoadedWorkspace): string[] {
    const ids: string[] = [];
    for (const document of workspace.documents) {
        for (const element of document.parseResult.value.elements ?? []) {
            if (element.$type === 'Report' && (element as { name?: string }).name) ids.push((element as { name: string }).name);
        }
    }
    return [...new Set(ids)];
}

/** A report is never empty, and HTML never carries script from the model. */
export function outputProblems(report: string, format: string, bytes: Uint8Array): string[] {
    const problems: string[] = [];
    if (!(bytes instanceof Uint8Array) || bytes.length === 0) problems.push(`${report}.${format}: empty output`);
    if (format === 'html') {
        const html = new TextDecoder().decode(bytes);
        if (/<script\b/i.test(html)) problems.push(`${report}.html: <script> in the output`);
        if (/\son[a-z]+\s*=/i.test(html.replace(/>[^<]*</g, '><').replace(/="[^"]*"/g, '=""'))) problems.push(`${report}.html: an on…= event handler attribute`);
        if (/(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):/i.test(html)) problems.push(`${report}.html: a javascript:/data: URL`);
    }
    return problems;
}

// ---------------------------------------------------------------- regression files

export interface RegressionFile {
    readonly description: string;
    readonly seed?: number;
    readonly path?: string;
    readonly error?: string;
    readonly force: boolean;
    readonly files: ReadonlyArray<{ readonly path: string; readonly text?: string; readonly base64?: string }>;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A case as JSON: text where the bytes are UTF-8 that round-trips, base64 otherwise. */
export function toRegression(c: FuzzCase, info: { description: string; seed?: number; path?: string; error?: string }): RegressionFile {
    return {
        ...info,
        force: c.force,
        files: c.files.map(f => {
            try {
                const text = strictUtf8.decode(f.bytes);
                if (Buffer.from(new TextEncoder().encode(text)).equals(Buffer.from(f.bytes))) return { path: f.path, text };
            } catch { /* not UTF-8 */ }
            return { path: f.path, base64: Buffer.from(f.bytes).toString('base64') };
        })
    };
}

export function fromRegression(r: RegressionFile): FuzzCase {
    return {
        kind: 'generated',
        force: r.force,
        files: r.files.map(f => ({ path: f.path, bytes: f.base64 !== undefined ? new Uint8Array(Buffer.from(f.base64, 'base64')) : new TextEncoder().encode(f.text ?? '') }))
    };
}

/** Saves a shrunk failure as `test/fuzz/regressions/<name>.json`; returns the file. */
export function saveRegression(c: FuzzCase, info: { description: string; seed?: number; path?: string; error?: string }): string {
    fs.mkdirSync(REGRESSIONS, { recursive: true });
    const json = JSON.stringify(toRegression(c, info), null, 2) + '\n';
    const hash = Buffer.from(json).reduce((h, b) => (Math.imul(h, 31) + b) >>> 0, 7).toString(16).padStart(8, '0');
    const file = path.join(REGRESSIONS, `fuzz-${info.seed ?? 'x'}-${hash}.json`);
    fs.writeFileSync(file, json);
    return file;
}
