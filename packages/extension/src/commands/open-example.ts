import * as vscode from 'vscode';
import { l10n } from '../l10n.js';

/** The example workspace bundled with the extension (a copy of `examples/pri`). */
export const EXAMPLE_FOLDER = 'example/pri';
const COPY_NAME = 'sporbar-eksempel-pri';

/**
 * "Sporbar: Open example workspace" (the walkthrough's first step): copies the bundled PRI
 * example into a folder the user picks (as `sporbar-eksempel-pri`, numbered if taken) and
 * opens it — a model of a real programme with findings, a programme logic and reports to
 * try every feature on. The bundled files are never edited in place.
 */
export function registerOpenExample(context: vscode.ExtensionContext): vscode.Disposable {
    return vscode.commands.registerCommand('sporbar.openExample', async (parent?: vscode.Uri) => {
        const where = parent instanceof vscode.Uri ? parent : (await vscode.window.showOpenDialog({
            canSelectFiles: false,
            canSelectFolders: true,
            canSelectMany: false,
            defaultUri: vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, '..') : undefined,
            title: l10n.t('Where should the example workspace go?'),
            openLabel: l10n.t('Copy the example here')
        }))?.[0];
        if (!where) return undefined;
        const source = vscode.Uri.joinPath(context.extensionUri, ...EXAMPLE_FOLDER.split('/'));
        let target = vscode.Uri.joinPath(where, COPY_NAME);
        for (let n = 2; await exists(target); n++) target = vscode.Uri.joinPath(where, `${COPY_NAME}-${n}`);
        try {
            await vscode.workspace.fs.copy(source, target, { overwrite: false });
        } catch (err) {
            void vscode.window.showErrorMessage(l10n.t('The example could not be copied to {0}: {1}', target.fsPath, err instanceof Error ? err.message : String(err)));
            return undefined;
        }
        if (!vscode.workspace.workspaceFolders?.length) {
            await vscode.commands.executeCommand('vscode.openFolder', target);
            return target;
        }
        const open = l10n.t('Open');
        const openNew = l10n.t('Open in new window');
        const choice = await vscode.window.showInformationMessage(l10n.t('The example workspace was copied to {0}.', target.fsPath), open, openNew);
        if (choice === open) await vscode.commands.executeCommand('vscode.openFolder', target);
        else if (choice === openNew) await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: true });
        return target;
    });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}
