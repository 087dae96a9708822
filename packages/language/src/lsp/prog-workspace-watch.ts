import { URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { FileChangeType, type DidChangeWatchedFilesParams, type FileSystemWatcher } from 'vscode-languageserver';
import { CONFIG_FILE } from '../prog-config.js';
import type { ProgServices } from '../prog-module.js';

/**
 * File watching. Langium's update handler owns `workspace/didChangeWatchedFiles` (a handler
 * set directly on the connection would be replaced), so `sporbar.json` is handled here:
 * when it changes, the configuration is reread and every document revalidated. The
 * watchers registered with the client (dynamically, when it can) are `**\/*.prog` and
 * `**\/sporbar.json`.
 */
export class ProgDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: LangiumSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
    }

    protected override getWatchers(): FileSystemWatcher[] {
        return [{ globPattern: '**/*.prog' }, { globPattern: `**/${CONFIG_FILE}` }];
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const isConfig = (uri: string) => URI.parse(uri).path.endsWith('/' + CONFIG_FILE);
        const configChanged = params.changes.some(change => isConfig(change.uri));
        const rest = params.changes.filter(change => !isConfig(change.uri));
        if (configChanged) {
            for (const language of this.shared.ServiceRegistry.all) {
                (language as ProgServices).workspace.Settings?.reloadConfig();
            }
        }
        if (rest.length === 0 && !configChanged) return;
        this.onWatchedFilesChangeEmitter.fire(params);
        const changed = [...new Set(rest.filter(c => c.type !== FileChangeType.Deleted).map(c => c.uri))].map(uri => URI.parse(uri));
        const deleted = [...new Set(rest.filter(c => c.type === FileChangeType.Deleted).map(c => c.uri))].map(uri => URI.parse(uri));
        // With only sporbar.json changed the update is empty: every validated document is
        // put back before validation (ProgDocumentBuilder) and validated again.
        this.fireDocumentUpdate(changed, deleted);
    }
}
