import * as vscode from 'vscode';
import { l10n } from '../l10n.js';
import type { DiagnosticSummary, ServerApi } from '../protocol.js';

/** "Sporbar: Validate workspace": a full revalidation in the server, then the summary. */
export function registerValidateWorkspace(api: ServerApi): vscode.Disposable {
    return vscode.commands.registerCommand('sporbar.validateWorkspace', async () => {
        let summary: DiagnosticSummary;
        try {
            summary = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Notification, title: l10n.t('Sporbar: validating the workspace…'), cancellable: true },
                (_progress, token) => api.validateWorkspace(token)
            );
        } catch (err) {
            if ((err as { code?: number })?.code === -32800) return undefined;
            void vscode.window.showErrorMessage(l10n.t('Validation failed: {0}', err instanceof Error ? err.message : String(err)));
            return undefined;
        }
        const text = summaryText(summary);
        const showProblems = l10n.t('Show problems');
        const show = summary.errors > 0
            ? vscode.window.showErrorMessage(text, showProblems)
            : summary.warnings > 0 ? vscode.window.showWarningMessage(text, showProblems) : vscode.window.showInformationMessage(text);
        void show.then(choice => {
            if (choice === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
        });
        return summary;
    });
}

export function summaryText(s: DiagnosticSummary): string {
    return l10n.t('{0} file(s) checked: {1} error(s), {2} warning(s), {3} info, {4} hint(s).', s.files, s.errors, s.warnings, s.infos, s.hints);
}
