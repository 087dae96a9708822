/**
 * One call for callers (the CLI, the editor): choose the report, find what blocks it, build
 * the neutral document and render it in one format. Returns bytes; writes nothing.
 */
import { collectDiagnostics, type LoadedWorkspace } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { buildDocument } from './build-document.js';
import type { ReportLanguage } from './labels.js';
import { renderDocx } from './render-docx.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { cutoffProblems, indexOf, naturalCompare, type ReportProblem } from './report-model.js';
import { dateOf } from '@sporbar/language';

export const REPORT_FORMATS = ['docx', 'md', 'html'] as const;
export type ReportFormat = typeof REPORT_FORMATS[number];

export interface GenerateOptions {
    readonly format: ReportFormat;
    readonly language?: ReportLanguage;
    readonly internal?: boolean;
    /** Generate despite errors, marked "UTKAST / DRAFT". */
    readonly draft?: boolean;
    /** A reference .docx for styles. */
    readonly template?: Uint8Array;
    /** Receives notes for the author (Title Case titles in the bibliography …); never printed in the report. */
    readonly notices?: (message: string) => void;
}

export type ReportChoice =
    | { readonly ok: true; readonly report: ast.Report; readonly note?: string }
    | { readonly ok: false; readonly message: string };

/**
 * `--report ID` picks one; `--kind K` picks the only report of that kind, or the latest by
 * date (with a note); neither picks the only report.
 */
export function chooseReport(workspace: LoadedWorkspace, by: { readonly id?: string; readonly kind?: ast.ReportKind }): ReportChoice {
    const reports = indexOf(workspace).elementsOf<ast.Report>('Report').filter(r => r.name);
    const ids = reports.map(r => r.name).sort(naturalCompare);
    const list = ids.length ? ids.join(', ') : '(none)';
    if (by.id !== undefined) {
        const id = by.id.normalize('NFC');
        const report = reports.find(r => r.name === id);
        if (!report) return { ok: false, message: `no report ${by.id} in the workspace; reports: ${list}` };
        if (by.kind && (report.kind ?? 'assessment') !== by.kind) return { ok: false, message: `report ${report.name} is of kind ${report.kind ?? 'assessment'}, not ${by.kind}` };
        return { ok: true, report };
    }
    if (by.kind) {
        const ofKind = reports.filter(r => (r.kind ?? 'assessment') === by.kind);
        if (!ofKind.length) return { ok: false, message: `no report of kind ${by.kind}; reports: ${list}` };
        if (ofKind.length === 1) return { ok: true, report: ofKind[0] };
        const latest = [...ofKind].sort((a, b) => (dateOf(b)?.first ?? '').localeCompare(dateOf(a)?.first ?? '') || naturalCompare(a.name, b.name))[0];
        return { ok: true, report: latest, note: `${ofKind.length} reports of kind ${by.kind} (${ofKind.map(r => r.name).sort(naturalCompare).join(', ')}); using the latest by date: ${latest.name}` };
    }
    if (reports.length === 1) return { ok: true, report: reports[0] };
    return { ok: false, message: reports.length ? `the workspace has ${reports.length} reports; choose one with --report ID or --kind: ${list}` : 'the workspace has no report element' };
}

/**
 * What keeps a report from being generated: every error in the workspace and, for this
 * report, included findings citing sources dated after its cutoff.
 */
export function reportBlockers(workspace: LoadedWorkspace, report: ast.Report): ReportProblem[] {
    const problems: ReportProblem[] = collectDiagnostics(workspace)
        .filter(d => (d.diagnostic.severity ?? 1) === 1)
        .map(d => ({
            file: d.file,
            line: d.diagnostic.range.start.line + 1,
            column: d.diagnostic.range.start.character + 1,
            code: String(d.diagnostic.code ?? ''),
            message: String(d.diagnostic.message).replace(/\r?\n/g, ' ')
        }));
    const seen = new Set(problems.map(p => `${p.file}:${p.line}:${p.column}:${p.code}`));
    for (const p of cutoffProblems(workspace, report)) {
        if (!seen.has(`${p.file}:${p.line}:${p.column}:${p.code}`)) problems.push(p);
    }
    return problems;
}

export async function generateReport(workspace: LoadedWorkspace, report: ast.Report, options: GenerateOptions): Promise<Uint8Array> {
    const doc = await buildDocument(workspace, report, { language: options.language, internal: options.internal, draft: options.draft, notices: options.notices });
    switch (options.format) {
        case 'docx': return renderDocx(doc, { template: options.template });
        case 'md': return renderMarkdown(doc);
        case 'html': return renderHtml(doc);
    }
}
