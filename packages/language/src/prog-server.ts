import type { LangiumSharedServices } from 'langium/lsp';
import type { InitializeParams } from 'vscode-languageserver';
import type { ProgServices } from './prog-module.js';
import { registerHeapRequest } from './lsp/prog-heap.js';
import { startUiLanguage } from './lsp/prog-ui-language.js';
import { fileUriToPath } from './workspace/prog-paths.js';

/**
 * Wires the workspace settings into the language server: the root is the first workspace
 * folder (or the root URI). `sporbar.json` changes are handled by the document update
 * handler (`lsp/prog-workspace-watch.ts`), which owns `workspace/didChangeWatchedFiles`.
 */
export function startProgServer(shared: LangiumSharedServices, prog: ProgServices): void {
    const settings = prog.workspace.Settings;
    shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
        const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
        // `file:///c%3A/…` from VS Code on Windows; a root that is not a file: URI has no sporbar.json.
        settings.setRoot(folder ? fileUriToPath(folder) : undefined);
    });
    registerHeapRequest(shared.lsp.Connection);
    startUiLanguage(shared, prog);
}
