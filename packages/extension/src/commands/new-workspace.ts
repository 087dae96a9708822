import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scaffoldWorkspace } from '@sporbar/language/scaffold';

/** "Sporbar: New workspace": writes a small, valid model into an empty folder and opens it. */
export function registerNewWorkspace(): vscode.Disposable {
    return vscode.commands.registerCommand('sporbar.newWorkspace', async (target?: vscode.Uri) => {
        const folder = target instanceof vscode.Uri ? target : (await vscode.window.showOpenDialog({
            canSelectFiles: false,
            canSelectFolders: true,
            canSelectMany: false,
            title: vscode.l10n.t('New Sporbar workspace'),
            openLabel: vscode.l10n.t('Create workspace here')
        }))?.[0];
        if (!folder) return undefined;
        const entries = await fs.readdir(folder.fsPath).catch(() => undefined);
        if (entries === undefined) {
            void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a folder that can be read.', folder.fsPath));
            return undefined;
        }
        if (entries.length > 0) {
            void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not empty. Choose an empty folder for the new workspace.', folder.fsPath));
            return undefined;
        }
        const title = await vscode.window.showInputBox({
            title: vscode.l10n.t('New Sporbar workspace'),
            prompt: vscode.l10n.t("The programme's title"),
            value: vscode.l10n.t('My programme')
        });
        if (title === undefined) return undefined;
        const files = scaffoldWorkspace({ title, today: new Date().toISOString().slice(0, 10) });
        for (const [relative, content] of Object.entries(files)) {
            const file = path.join(folder.fsPath, relative);
            await fs.mkdir(path.dirname(file), { recursive: true });
            await fs.writeFile(file, content, { encoding: 'utf8', flag: 'wx' });
        }
        const inWorkspace = vscode.workspace.getWorkspaceFolder(folder);
        if (inWorkspace) {
            const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'programme.prog'));
            await vscode.window.showTextDocument(document);
            return folder;
        }
        const open = vscode.l10n.t('Open folder');
        const add = vscode.l10n.t('Add to workspace');
        const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Sporbar workspace created in {0}.', folder.fsPath), open, add);
        if (choice === open) await vscode.commands.executeCommand('vscode.openFolder', folder);
        else if (choice === add) vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 0, 0, { uri: folder });
        return folder;
    });
}
