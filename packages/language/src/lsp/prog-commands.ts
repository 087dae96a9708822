import * as path from 'node:path';
import { AstUtils, CstUtils, DocumentState, GrammarUtils, URI, type AstNode, type LangiumDocument } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor, type LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, ResponseError, type Range } from 'vscode-languageserver';
import type { Chart, Language, Model, Report } from '../generated/ast.js';
import type { ProgServices } from '../prog-module.js';
import { COVERAGE_LABELS, MATRIX_SOURCE_KINDS, traceabilityMatrix } from '../model/prog-matrix.js';
import { todaySpan } from '../model/prog-time.js';
import { collectDiagnostics, isInside, type FileDiagnostic, type LoadedWorkspace } from '../workspace/prog-workspace.js';
import type { ProgDocumentUpdateHandler } from './prog-workspace-watch.js';

export { ServerCommands } from './prog-command-ids.js';
import { ServerCommands } from './prog-command-ids.js';

export type ReportFormat = 'docx' | 'md' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'md', 'html'];

/** A place in a document, as the client needs it to navigate. */
export interface Location {
    readonly uri: string;
    readonly range: Range;
}

export interface ReportInfo {
    readonly id: string;
    readonly title: string;
    readonly kind?: string;
    readonly date?: string;
    readonly language?: string;
    readonly location: Location;
}

export interface DiagnosticSummary {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly hints: number;
}

/** An error diagnostic with its file, as `sporbar.server.generateReport` lists them. */
export interface Problem {
    readonly uri: string;
    readonly file: string;
    readonly range: Range;
    readonly code: string;
    readonly message: string;
}

export interface GenerateReportParams {
    readonly report: string;
    readonly format: ReportFormat;
    /** Absolute output path; must not be a `.prog` file. */
    readonly output: string;
    /** Generate in spite of errors (every page marked as a draft). */
    readonly force?: boolean;
}

export type GenerateReportResult =
    | { readonly ok: true; readonly file: string; readonly warnings: readonly string[] }
    | { readonly ok: false; readonly problems: readonly Problem[]; readonly summary: DiagnosticSummary };

/** `sporbar.server.logicSvg`'s argument: the language of the headings and legend (default nb). */
export interface LogicSvgParams {
    readonly language?: 'nb' | 'nn' | 'en';
}

/** A drawn programme logic, with where each node is declared (for click-to-navigate). */
export interface LogicSvgResult {
    readonly svg: string;
    /** Where each logic node, assumption and indicator is declared, by ID. */
    readonly nodes: Readonly<Record<string, Location>>;
    /** Titles by ID (the drawing shows titles; each node is a `<g data-id="ID">`). */
    readonly titles: Readonly<Record<string, string>>;
}

/** Which chart `sporbar.server.chartSvg` draws: by ID, or the one at a place in a document (its declaration or a reference to it). */
export interface ChartPreviewParams {
    readonly chart?: string;
    readonly uri?: string;
    readonly position?: { readonly line: number; readonly character: number };
    /** Language of numbers and alt text; by default the language of the workspace's first report, else nb. */
    readonly language?: Language;
}

/** Every chart of the workspace (for a picker), and the one asked for, drawn. */
export interface ChartPreviewResult {
    readonly charts: ReadonlyArray<{ readonly id: string; readonly title: string; readonly location?: Location }>;
    readonly chart?: {
        readonly id: string;
        readonly title: string;
        readonly location?: Location;
        /** The drawing, as the reports print it; empty when the file cannot be drawn (`problem`). */
        readonly svg: string;
        readonly alt: string;
        readonly problem?: string;
    };
}

/**
 * What the server needs from `@sporbar/report` (the language package must not depend on
 * the report package, which depends on it). The server entry plugs it in with
 * `setReportBackend`, running the same code as `sporbar report`.
 */
export interface ReportBackend {
    /**
     * Generates the report and writes `params.output` atomically, unless something blocks
     * it (errors in the workspace, evidence after the cutoff) and `params.force` is not set.
     * Throws an `Error` with a user-facing message when the report cannot be made at all.
     */
    generate(workspace: LoadedWorkspace, params: GenerateReportParams): Promise<
        | { readonly ok: true; readonly warnings?: readonly string[] }
        | { readonly ok: false; readonly problems: readonly Problem[] }>;
    /**
     * The programme-logic drawing as SVG (every logic block), in a language (level headings,
     * legend), each node and assumption in a `<g data-id="ID">`.
     */
    logicSvg(workspace: LoadedWorkspace, options?: { readonly language?: 'nb' | 'nn' | 'en' }): Promise<string>;
    /** A chart drawn as in the reports, with its alt text; throws an `Error` saying why when its file cannot be drawn. */
    chartSvg?(workspace: LoadedWorkspace, chart: Chart, language: Language): Promise<{ readonly svg: string; readonly alt: string }>;
}

/** The traceability matrix as the extension shows it: header, rows of cells, where each row and cell points. */
export interface MatrixView {
    /** Column keys (the client translates them); source kinds are keys as written in `.prog`. */
    readonly columns: readonly string[];
    readonly coverage: ReadonlyArray<{ readonly key: string; readonly label: string; readonly numerator: number; readonly denominator: number; readonly share: number | null }>;
    readonly rows: ReadonlyArray<{
        readonly id: string;
        readonly location?: Location;
        readonly cells: ReadonlyArray<{ readonly text: string; readonly location?: Location }>;
    }>;
}

let reportBackend: ReportBackend | undefined;

export function setReportBackend(backend: ReportBackend | undefined): void {
    reportBackend = backend;
}

/** Where a named element is declared: the range of its name (the whole node when it has none). */
export function locationOf(node: AstNode): Location | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const nameNode = GrammarUtils.findNodeForProperty(cst, 'name');
    return { uri: AstUtils.getDocument(node).uri.toString(), range: (nameNode ?? cst).range };
}

export function summariseDiagnostics(diagnostics: readonly FileDiagnostic[], files: number): DiagnosticSummary {
    let errors = 0, warnings = 0, infos = 0, hints = 0;
    for (const { diagnostic } of diagnostics) {
        switch (diagnostic.severity ?? 1) {
            case 1: errors++; break;
            case 2: warnings++; break;
            case 3: infos++; break;
            default: hints++;
        }
    }
    return { files, errors, warnings, infos, hints };
}

/**
 * The server side of the extension's commands. Long work (report generation) runs here,
 * off the editor's thread, on the model the server already holds (unsaved edits included).
 */
export class ProgCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly shared: LangiumSharedServices) {
        super();
    }

    override registerCommands(accept: ExecuteCommandAcceptor): void {
        accept(ServerCommands.listReports, () => this.listReports());
        accept(ServerCommands.validateWorkspace, (_args, token) => this.validateWorkspace(token));
        accept(ServerCommands.generateReport, (args, token) => this.generateReport(args[0] as GenerateReportParams, token));
        accept(ServerCommands.logicSvg, args => this.logicSvg(args[0] as LogicSvgParams | undefined));
        accept(ServerCommands.matrix, () => this.matrix());
        accept(ServerCommands.chartSvg, args => this.chartSvg((args[0] ?? {}) as ChartPreviewParams));
    }

    private get prog(): ProgServices | undefined {
        return this.shared.ServiceRegistry.all.find(s => s.LanguageMetaData.languageId === 'prog') as ProgServices | undefined;
    }

    /** The server's model as a `LoadedWorkspace`, once every document is validated. */
    async workspace(token: CancellationToken = CancellationToken.None): Promise<LoadedWorkspace> {
        const prog = this.prog;
        if (!prog) throw new ResponseError(-32603, 'The .prog language is not registered.');
        await this.shared.workspace.WorkspaceManager.ready;
        await this.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        const documents = this.shared.workspace.LangiumDocuments.all
            .filter(d => d.uri.path.endsWith('.prog'))
            .toArray() as LangiumDocument<Model>[];
        const root = prog.workspace.Settings.root ?? commonFolder(documents);
        return {
            root,
            services: prog,
            documents: documents.filter(d => isInside(root, d.uri.fsPath)).sort((a, b) => a.uri.fsPath < b.uri.fsPath ? -1 : 1),
            configProblems: prog.workspace.Settings.config.problems
        };
    }

    async listReports(): Promise<ReportInfo[]> {
        const workspace = await this.workspace();
        const result: ReportInfo[] = [];
        for (const document of workspace.documents) {
            for (const element of document.parseResult.value.elements) {
                if (element.$type !== 'Report') continue;
                const report = element as Report;
                const location = locationOf(report);
                if (!report.name || !location) continue;
                result.push({
                    id: report.name, title: report.title ?? report.name, kind: report.kind,
                    date: report.date === undefined ? undefined : String(report.date), language: report.language, location
                });
            }
        }
        return result;
    }

    /**
     * Reads the workspace from disk again (files the watcher missed join, files no longer
     * on disk leave), rebuilds and revalidates every document (diagnostics are
     * republished) and sums them up.
     */
    async validateWorkspace(token: CancellationToken = CancellationToken.None): Promise<DiagnosticSummary> {
        const prog = this.prog;
        prog?.workspace.Settings.reloadConfig();
        const manager = this.shared.workspace.WorkspaceManager;
        await manager.ready;
        const handler = this.shared.lsp.DocumentUpdateHandler as Partial<ProgDocumentUpdateHandler>;
        const inModel = this.shared.workspace.LangiumDocuments.all.map(d => d.uri).toArray();
        const deleted = inModel.filter(uri => handler.belongsToModel?.(uri) === false);
        const gone = new Set(deleted.map(uri => uri.toString()));
        const changed = new Map(inModel.filter(uri => !gone.has(uri.toString())).map(uri => [uri.toString(), uri]));
        for (const folder of manager.workspaceFolders ?? []) {
            const uri = URI.parse(folder.uri);
            if (uri.scheme !== 'file') continue;
            for (const file of await manager.searchFolder(uri)) {
                if (handler.belongsToModel?.(file) !== false) changed.set(file.toString(), file);
            }
        }
        await this.shared.workspace.DocumentBuilder.update([...changed.values()], deleted, token);
        const workspace = await this.workspace(token);
        return summariseDiagnostics(collectDiagnostics(workspace), workspace.documents.length);
    }

    async generateReport(params: GenerateReportParams, token: CancellationToken): Promise<GenerateReportResult> {
        if (!params || typeof params.report !== 'string' || typeof params.output !== 'string' || !REPORT_FORMATS.includes(params.format)) {
            throw new ResponseError(-32602, 'generateReport expects { report, format: docx|md|html, output }.');
        }
        if (!path.isAbsolute(params.output)) throw new ResponseError(-32602, 'The output path must be absolute.');
        if (params.output.endsWith('.prog')) throw new ResponseError(-32602, 'The output path must not be a .prog file.');
        const backend = reportBackend;
        if (!backend) throw new ResponseError(-32603, 'Report generation is not available in this server build.');
        const workspace = await this.workspace(token);
        if (token.isCancellationRequested) throw new ResponseError(-32800, 'Cancelled');
        const outcome = await backend.generate(workspace, params);
        if (!outcome.ok) {
            return { ok: false, problems: outcome.problems, summary: summariseDiagnostics(collectDiagnostics(workspace), workspace.documents.length) };
        }
        return { ok: true, file: params.output, warnings: outcome.warnings ?? [] };
    }

    async logicSvg(params?: LogicSvgParams): Promise<LogicSvgResult> {
        const backend = reportBackend;
        if (!backend) throw new ResponseError(-32603, 'The logic drawing is not available in this server build.');
        const workspace = await this.workspace();
        const language = params?.language === 'nb' || params?.language === 'nn' || params?.language === 'en' ? params.language : undefined;
        const svg = await backend.logicSvg(workspace, { language });
        const nodes: Record<string, Location> = {};
        const titles: Record<string, string> = {};
        for (const type of ['LogicNode', 'Assumption', 'Indicator', 'Logic']) {
            for (const node of workspace.services.workspace.WorkspaceIndex.data.byType.get(type) ?? []) {
                const name = (node as { name?: string }).name;
                const location = locationOf(node);
                if (name && location && !(name in nodes)) {
                    nodes[name] = location;
                    const title = (node as { title?: string }).title;
                    if (title) titles[name] = title;
                }
            }
        }
        return { svg, nodes, titles };
    }

    /** A chart drawn as the reports draw it (`sporbar.previewChart`), and the list of every chart. */
    async chartSvg(params: ChartPreviewParams): Promise<ChartPreviewResult> {
        const workspace = await this.workspace();
        const index = workspace.services.workspace.WorkspaceIndex;
        const all = index.elementsOf<Chart>('Chart').filter(chart => Boolean(chart.name));
        const charts = all.map(chart => ({ id: chart.name, title: chart.title ?? chart.name, location: locationOf(chart) }));
        let chart: Chart | undefined;
        const wanted = params?.chart;
        if (typeof wanted === 'string') chart = all.find(c => c.name === wanted.normalize('NFC'));
        else if (typeof params?.uri === 'string' && params.position) chart = this.chartAt(workspace, params.uri, params.position);
        if (!chart) return { charts };
        const language = params.language ?? index.elementsOf<Report>('Report').find(r => r.language)?.language ?? 'nb';
        const base = { id: chart.name, title: chart.title ?? chart.name, location: locationOf(chart) };
        const backend = reportBackend;
        if (!backend?.chartSvg) return { charts, chart: { ...base, svg: '', alt: '', problem: 'Charts cannot be drawn in this server build.' } };
        try {
            const { svg, alt } = await backend.chartSvg(workspace, chart, language);
            return { charts, chart: { ...base, svg, alt } };
        } catch (err) {
            return { charts, chart: { ...base, svg: '', alt: '', problem: err instanceof Error ? err.message : String(err) } };
        }
    }

    /** The chart declared at a place, or named by the reference there. */
    private chartAt(workspace: LoadedWorkspace, uri: string, position: { line: number; character: number }): Chart | undefined {
        const document = workspace.documents.find(d => d.uri.toString() === URI.parse(uri).toString());
        const root = document?.parseResult.value.$cstNode;
        if (!document || !root) return undefined;
        const offset = document.textDocument.offsetAt(position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeAtOffset(root, Math.max(0, offset - 1));
        for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
            if (node.$type === 'Chart') return node as Chart;
            for (const value of Object.values(node)) {
                const target = (value as { ref?: AstNode; $refNode?: { offset: number; end: number } } | undefined);
                if (target && typeof target === 'object' && '$refText' in target && target.$refNode
                    && target.$refNode.offset <= offset && offset <= target.$refNode.end && target.ref?.$type === 'Chart') return target.ref as Chart;
            }
        }
        return undefined;
    }

    /** The matrix of `sporbar matrix` (every finding, drafts and withdrawn ones with their status), with places to jump to. */
    async matrix(): Promise<MatrixView> {
        const workspace = await this.workspace();
        const index = workspace.services.workspace.WorkspaceIndex;
        // As of today: assessments in force (a replaced assessment no longer uses its findings).
        const matrix = traceabilityMatrix(index, { cutoff: todaySpan() });
        const declarations = index.data.declarations;
        const at = (id: string) => {
            const node = declarations.get(id.normalize('NFC'))?.[0];
            return node ? locationOf(node) : undefined;
        };
        const list = (ids: readonly string[]) => ({ text: ids.join(', '), location: ids.length > 0 ? at(ids[0]) : undefined });
        const kinds = MATRIX_SOURCE_KINDS;
        return {
            columns: ['finding', 'title', 'status', 'questions', 'confidence', ...kinds, 'origins', 'triangulated', 'assessments', 'recommendations', 'lessons'],
            coverage: Object.entries(matrix.coverage).map(([key, figure]) => ({
                key, label: COVERAGE_LABELS[key as keyof typeof COVERAGE_LABELS] ?? key,
                numerator: figure.numerator, denominator: figure.denominator, share: figure.share
            })),
            rows: matrix.rows.map(row => {
                const location = at(row.id);
                return {
                    id: row.id,
                    location,
                    cells: [
                        { text: row.id, location },
                        { text: row.title, location },
                        { text: row.status },
                        list(row.questions),
                        { text: row.confidence ?? '' },
                        ...kinds.map(kind => ({ text: row.evidence[kind] ? String(row.evidence[kind]) : '' })),
                        { text: row.triangulation.origins.join(', ') },
                        { text: row.triangulated ? 'yes' : 'no' },
                        list(row.usedBy.assessmentsInForce),
                        list(row.usedBy.recommendations),
                        list(row.usedBy.lessons)
                    ]
                };
            })
        };
    }
}

function commonFolder(documents: readonly LangiumDocument[]): string {
    const folders = documents.map(d => path.dirname(d.uri.fsPath));
    if (folders.length === 0) return process.cwd();
    let common = folders[0];
    for (const folder of folders) {
        while (!isInside(common, folder)) common = path.dirname(common);
    }
    return common;
}

/** Used by the server entry: `{ lsp: { ExecuteCommandHandler } }` for the shared module. */
export const ProgCommandsModule = {
    lsp: {
        ExecuteCommandHandler: (shared: LangiumSharedServices) => new ProgCommandHandler(shared)
    }
};
