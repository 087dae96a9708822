import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { DidChangeWatchedFilesParams, InitializeParams } from 'vscode-languageserver';
import type { ProgServices } from './prog-module.js';
import { CONFIG_FILE } from './prog-config.js';

/**
 * Wires the workspace settings into the language server: the root is the first workspace
 * folder; `sporbar.json` is reread (and every document revalidated) when it changes.
 */
export function startProgServer(shared: LangiumSharedServices, prog: ProgServices): void {
    const settings = prog.workspace.Settings;
    shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
        const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
        settings.setRoot(folder ? URI.parse(folder).fsPath : undefined);
    });
    const connection = shared.lsp.Connection;
    connection?.onDidChangeWatchedFiles(async (params: DidChangeWatchedFilesParams) => {
        if (params.changes.some((change: { uri: string }) => change.uri.endsWith('/' + CONFIG_FILE))) {
            settings.reloadConfig();
            const builder = shared.workspace.DocumentBuilder;
            await builder.update([], []);
        }
    });
}
