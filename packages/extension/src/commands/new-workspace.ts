import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scaffoldWorkspace } from '@sporbar/language/scaffold';
import { l10n, uiLanguage } from '../l10n.js';
import { existingFiles, findModelConflict, type FolderConflict } from './new-workspace-check.js';

/**
 * "Sporbar: New workspace": writes a small, valid model into a folder and opens it — only
 * into a folder with no `.prog` files in it, below it, above it, or elsewhere in the open
 * workspace folder it lies in (the new model would be read together with those). When it
 * refuses, it says why and names the file in the way.
 */
export function registerNewWorkspace(): vscode.Disposable {
    return vscode.commands.registerCommand('sporbar.newWorkspace', async (target?: vscode.Uri) => {
        const folder = target instanceof vscode.Uri ? target : (await vscode.window.showOpenDialog({
            canSelectFiles: false,
            canSelectFolders: true,
            canSelectMany: false,
            title: l10n.t('New Sporbar workspace'),
            openLabel: l10n.t('Create workspace here')
        }))?.[0];
        if (!folder) return undefined;
        const stat = await fs.stat(folder.fsPath).catch(() => undefined);
        if (!stat?.isDirectory()) {
            void vscode.window.showErrorMessage(l10n.t('{0} is not a folder that can be read.', folder.fsPath));
            return undefined;
        }
        const openFolders = (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file').map(f => f.uri.fsPath);
        const conflict = findModelConflict(folder.fsPath, openFolders);
        if (conflict) {
            void vscode.window.showErrorMessage(conflictMessage(folder.fsPath, conflict), { modal: false });
            return undefined;
        }
        const title = await vscode.window.showInputBox({
            title: l10n.t('New Sporbar workspace'),
            prompt: l10n.t("The programme's title"),
            value: l10n.t('My programme')
        });
        if (title === undefined) return undefined;
        const files = scaffoldWorkspace({ title, today: new Date().toISOString().slice(0, 10), language: uiLanguage() });
        const taken = existingFiles(folder.fsPath, Object.keys(files));
        if (taken.length > 0) {
            void vscode.window.showErrorMessage(l10n.t('{0} already has {1}; the new workspace would overwrite it. Choose another folder.', shown(folder.fsPath), taken.join(', ')));
            return undefined;
        }
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
        const open = l10n.t('Open folder');
        const add = l10n.t('Add to workspace');
        const choice = await vscode.window.showInformationMessage(l10n.t('Sporbar workspace created in {0}.', folder.fsPath), open, add);
        if (choice === open) await vscode.commands.executeCommand('vscode.openFolder', folder);
        else if (choice === add) vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 0, 0, { uri: folder });
        return folder;
    });
}

/** A path as the user knows it: a workspace folder by its name, a path inside one relative to it. */
function shown(file: string): string {
    const folder = vscode.workspace.workspaceFolders?.find(f => f.uri.scheme === 'file' && path.resolve(f.uri.fsPath) === path.resolve(file));
    return folder ? folder.name : vscode.workspace.asRelativePath(vscode.Uri.file(file), true);
}

function conflictMessage(folder: string, conflict: FolderConflict): string {
    switch (conflict.kind) {
        case 'below':
            return l10n.t('{0} already holds a Sporbar model ({1}); a new workspace there would merge with it. Open it as it is, or choose a folder without .prog files.',
                shown(folder), shown(conflict.file));
        case 'above':
            return l10n.t('{0} lies inside the Sporbar model in {1} ({2}); a new workspace there would be read as part of it. Choose a folder outside it.',
                shown(folder), shown(conflict.folder), path.basename(conflict.file));
        case 'workspace':
            return l10n.t('{0} lies in the workspace folder {1}, which holds a Sporbar model ({2}); both would be read as one. Choose a folder outside it.',
                shown(folder), shown(conflict.folder), shown(conflict.file));
    }
}
