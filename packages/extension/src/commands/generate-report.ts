import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n.js';
import type { GenerateReportResult, ReportFormat, ReportInfo, ServerApi } from '../protocol.js';

const FORMATS: readonly ReportFormat[] = ['docx', 'md', 'html'];

/** Arguments for running the command without prompts (keybindings, tasks, other extensions). */
export interface GenerateReportArgs {
    report?: string;
    format?: ReportFormat;
    /** Absolute path of the file to write. */
    output?: string;
    force?: boolean;
}

/** "Sporbar: Generate report…": pick a report and a format; the server writes the file. */
export function registerGenerateReport(api: ServerApi, log: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.commands.registerCommand('sporbar.generateReport', (args?: GenerateReportArgs) => generateReport(api, log, args ?? {}));
}

async function generateReport(api: ServerApi, log: vscode.LogOutputChannel, args: GenerateReportArgs): Promise<string | undefined> {
    const reports = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: l10n.t('Sporbar: looking for reports…') },
        () => api.listReports()
    );
    if (reports.length === 0) {
        void vscode.window.showWarningMessage(l10n.t('There is no `report` element in this workspace. Add one (snippet "report") and try again.'));
        return undefined;
    }
    const report = args.report ? reports.find(r => r.id === args.report) : await pickReport(reports);
    if (!report) {
        if (args.report) void vscode.window.showErrorMessage(l10n.t('There is no report {0} in this workspace.', args.report));
        return undefined;
    }
    const format = args.format ?? await pickFormat(report);
    if (!format) return undefined;
    const output = args.output ?? defaultOutput(report, format);
    return run(api, log, report, format, output, args.force ?? false);
}

async function pickReport(reports: readonly ReportInfo[]): Promise<ReportInfo | undefined> {
    const kinds: Record<string, string> = {
        interim: l10n.t('interim note'),
        assessment: l10n.t('assessment basis'),
        final: l10n.t('final report')
    };
    const items = reports.map(report => ({
        label: report.id,
        description: report.title,
        detail: [report.kind ? kinds[report.kind] ?? report.kind : undefined, report.date, vscode.workspace.asRelativePath(vscode.Uri.parse(report.location.uri))]
            .filter(Boolean).join(' · '),
        report
    }));
    const picked = await vscode.window.showQuickPick(items, {
        title: l10n.t('Generate report'),
        placeHolder: l10n.t('Which report?'),
        matchOnDescription: true,
        matchOnDetail: true
    });
    return picked?.report;
}

async function pickFormat(report: ReportInfo): Promise<ReportFormat | undefined> {
    const configured = vscode.workspace.getConfiguration('sporbar', vscode.Uri.parse(report.location.uri)).get<string>('report.defaultFormat', 'ask');
    if ((FORMATS as readonly string[]).includes(configured)) return configured as ReportFormat;
    const items: Array<vscode.QuickPickItem & { format: ReportFormat }> = [
        { label: 'docx', description: l10n.t('Word document for the client'), format: 'docx' },
        { label: 'md', description: l10n.t('Markdown, for review and diffs'), format: 'md' },
        { label: 'html', description: l10n.t('HTML, for review in a browser'), format: 'html' }
    ];
    const picked = await vscode.window.showQuickPick(items, {
        title: l10n.t('Generate report {0}', report.id),
        placeHolder: l10n.t('Which format?')
    });
    return picked?.format;
}

/** `<workspace folder>/<sporbar.report.outputFolder>/<report ID>.<format>` */
export function defaultOutput(report: ReportInfo, format: ReportFormat): string {
    const uri = vscode.Uri.parse(report.location.uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
    const outputFolder = vscode.workspace.getConfiguration('sporbar', uri).get<string>('report.outputFolder', 'out') || 'out';
    return path.resolve(folder, outputFolder, `${report.id}.${format}`);
}

async function run(api: ServerApi, log: vscode.LogOutputChannel, report: ReportInfo, format: ReportFormat, output: string, force: boolean): Promise<string | undefined> {
    let result: GenerateReportResult;
    try {
        result = await vscode.window.withProgress(
            {
                location: vscode.ProgressLocation.Notification,
                title: l10n.t('Generating report {0} ({1})…', report.id, format),
                cancellable: true
            },
            (_progress, token) => api.generateReport({ report: report.id, format, output, force }, token)
        );
    } catch (err) {
        if (isCancellation(err)) {
            void vscode.window.setStatusBarMessage(l10n.t('Report generation cancelled'), 4000);
            return undefined;
        }
        log.error(`generate ${report.id} ${format}: ${errorText(err)}`);
        void vscode.window.showErrorMessage(l10n.t('Report {0} could not be generated: {1}', report.id, errorText(err)));
        return undefined;
    }
    if (!result.ok) {
        log.warn(l10n.t('Report {0} not generated: the workspace has {1} error(s):', report.id, result.summary.errors));
        for (const problem of result.problems) {
            const file = vscode.Uri.parse(problem.uri).fsPath;
            log.warn(`  ${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}  ${problem.code}  ${problem.message}`);
        }
        const showProblems = l10n.t('Show problems');
        const showLog = l10n.t('Show list');
        const anyway = l10n.t('Generate draft anyway');
        const choice = await vscode.window.showErrorMessage(
            l10n.t('Report {0} was not generated: the workspace has {1} error(s). Fix them, or generate a draft.', report.id, result.summary.errors),
            showProblems, showLog, anyway
        );
        if (choice === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
        else if (choice === showLog) log.show(true);
        else if (choice === anyway) return run(api, log, report, format, output, true);
        return undefined;
    }
    for (const warning of result.warnings) log.warn(`${report.id}: ${warning}`);
    log.info(l10n.t('Report written: {0}', result.file));
    await present(result.file, format);
    return result.file;
}

/**
 * Opens Markdown and HTML in an editor; reveals a docx in the explorer and offers to open
 * it, and to show it in the system's file manager where there is one: not in a remote
 * window (the file is on another machine) nor in a browser (`revealFileInOS` does not exist).
 */
async function present(file: string, format: ReportFormat): Promise<void> {
    const uri = vscode.Uri.file(file);
    if (format === 'md' || format === 'html') {
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document, { preview: false });
        if (format === 'md') await vscode.commands.executeCommand('markdown.showPreviewToSide', uri).then(undefined, () => undefined);
        return;
    }
    await vscode.commands.executeCommand('revealInExplorer', uri).then(undefined, () => undefined);
    const open = l10n.t('Open');
    const revealOs = l10n.t('Reveal in file manager');
    const local = canRevealInOs();
    const actions = local ? [open, revealOs] : [open];
    const choice = await vscode.window.showInformationMessage(l10n.t('Report written: {0}', vscode.workspace.asRelativePath(uri)), ...actions);
    if (choice === open) {
        // On the user's own machine the document opens in Word (or whatever opens .docx);
        // in a remote or browser window it opens in VS Code, whose explorer can download it.
        const opened = local && await vscode.env.openExternal(uri);
        if (!opened) await vscode.commands.executeCommand('vscode.open', uri);
    } else if (choice === revealOs) {
        await vscode.commands.executeCommand('revealFileInOS', uri);
    }
}

/** The system's file manager is reachable: a local desktop window. */
export function canRevealInOs(env: Pick<typeof vscode.env, 'remoteName' | 'uiKind'> = vscode.env): boolean {
    return env.remoteName === undefined && env.uiKind === vscode.UIKind.Desktop;
}

function isCancellation(err: unknown): boolean {
    return err instanceof vscode.CancellationError || (typeof err === 'object' && err !== null && (err as { code?: number }).code === -32800);
}

function errorText(err: unknown): string {
    return err instanceof Error ? err.message : String(err);
}
