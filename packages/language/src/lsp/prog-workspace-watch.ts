import { URI, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import * as fs from 'node:fs';
import { FileChangeType, type DidChangeWatchedFilesParams, type FileSystemWatcher, type TextDocumentChangeEvent } from 'vscode-languageserver';
import { CONFIG_FILE } from '../prog-config.js';
import type { ProgServices } from '../prog-module.js';
import type { ProgDocumentBuilder } from '../prog-document-builder.js';
import { dataFileKey } from '../prog-table-data.js';

/** Files whose changes matter besides `.prog` files and `sporbar.json`: transcripts. */
const TRANSCRIPT = /\.(txt|md)$/i;
const TRANSCRIPT_GLOB = '**/*.{txt,md,TXT,MD}';

/** How long an update waits for further changes to join it before it starts. */
const COALESCE_MS = 5;

/**
 * File watching. Langium's update handler owns `workspace/didChangeWatchedFiles` (a handler
 * set directly on the connection would be replaced), so `sporbar.json` is handled here:
 * when it changes, the configuration is reread and every document revalidated. So are CSV
 * files: when one changes, its cached table is dropped and the documents whose tables or
 * charts read a file of that name are validated again. Transcripts (`.txt`, `.md`) are
 * watched too: when one changes, the documents whose quotes were checked against it are
 * revalidated (prog-document-builder.ts `noteFilesChanged`). The watchers registered with
 * the client (dynamically, when it can) are `**\/*.prog`, `**\/sporbar.json`, `**\/*.csv`
 * and `**\/*.{txt,md,TXT,MD}`.
 */
export class ProgDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: LangiumSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
    }

    protected override getWatchers(): FileSystemWatcher[] {
        return [{ globPattern: '**/*.prog' }, { globPattern: `**/${CONFIG_FILE}` }, { globPattern: '**/*.csv' }, { globPattern: TRANSCRIPT_GLOB }];
    }

    /** Transcripts reported changed and not yet handed to an update (absolute paths as reported). */
    private readonly changedFiles = new Set<string>();

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const isConfig = (uri: string) => URI.parse(uri).path.endsWith('/' + CONFIG_FILE);
        const isData = (uri: string) => /\.csv$/i.test(URI.parse(uri).path);
        const isTranscript = (uri: string) => TRANSCRIPT.test(URI.parse(uri).path);
        const configChanged = params.changes.some(change => isConfig(change.uri));
        const data = params.changes.filter(change => isData(change.uri));
        const transcripts = params.changes.filter(change => isTranscript(change.uri));
        for (const change of transcripts) this.changedFiles.add(URI.parse(change.uri).fsPath);
        const rest = params.changes.filter(change => !isConfig(change.uri) && !isData(change.uri) && !isTranscript(change.uri));
        if (data.length > 0) {
            for (const language of this.shared.ServiceRegistry.all) {
                const tables = (language as ProgServices).workspace.TableData;
                for (const change of data) tables?.invalidate(URI.parse(change.uri).fsPath);
            }
            const builder = this.documentBuilder as Partial<ProgDocumentBuilder>;
            builder.noteExternalChange?.(data.map(change => dataFileKey(URI.parse(change.uri).path)));
        }
        if (configChanged) {
            for (const language of this.shared.ServiceRegistry.all) {
                (language as ProgServices).workspace.Settings?.reloadConfig();
            }
        }
        if (rest.length === 0 && !configChanged && data.length === 0 && transcripts.length === 0) return;
        this.onWatchedFilesChangeEmitter.fire(params);
        const changed = [...new Set(rest.filter(c => c.type !== FileChangeType.Deleted).map(c => c.uri))].map(uri => URI.parse(uri));
        // A file deleted on disk while open in the editor stays in the model with the editor's
        // text (the editor still shows it); it leaves the model when it is closed.
        const deleted = [...new Set(rest.filter(c => c.type === FileChangeType.Deleted && !this.isOpen(c.uri)).map(c => c.uri))].map(uri => URI.parse(uri));
        // With only sporbar.json changed the update is empty: every validated document is
        // put back before validation (ProgDocumentBuilder) and validated again.
        this.fireDocumentUpdate(changed, deleted);
    }

    /**
     * Closing an editor drops its unsaved text: the document is read again from disk, or
     * leaves the model when the file is gone, so the model matches what the CLI sees.
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (!uri.path.endsWith('.prog')) return;
        if (fs.existsSync(uri.fsPath)) this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }

    /** Changes not yet handed to the document builder: merged into one update while it waits in the queue. */
    private pending: { changed: Map<string, URI>; deleted: Map<string, URI> } | undefined;

    /**
     * Coalesces updates: while an update waits for the workspace lock (the running build is
     * already cancelled then), further changes join it instead of queueing an update each.
     * A burst of 2,000 didChange notifications thus costs a few builds, not 2,000 queued
     * updates that each reset and re-examine every document before finding they are cancelled.
     */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        if (this.pending) {
            for (const uri of deleted) { this.pending.changed.delete(uri.toString()); this.pending.deleted.set(uri.toString(), uri); }
            for (const uri of changed) { this.pending.deleted.delete(uri.toString()); this.pending.changed.set(uri.toString(), uri); }
            return;
        }
        const batch = { changed: new Map(changed.map(u => [u.toString(), u])), deleted: new Map(deleted.map(u => [u.toString(), u])) };
        for (const key of batch.changed.keys()) batch.deleted.delete(key);
        this.pending = batch;
        const builder = this.documentBuilder as Partial<ProgDocumentBuilder>;
        builder.markUpdateQueued?.();
        this.workspaceManager.ready.then(() => {
            this.workspaceLock.write(async token => {
                try {
                    // Notifications already received join this update before it starts
                    // (requests wait meanwhile: ProgDocumentBuilder.waitUntil).
                    await new Promise(resolve => setTimeout(resolve, COALESCE_MS));
                    if (this.pending === batch) this.pending = undefined;
                    if (this.changedFiles.size > 0) {
                        builder.noteFilesChanged?.(this.changedFiles);
                        this.changedFiles.clear();
                    }
                    await this.documentBuilder.update([...batch.changed.values()], [...batch.deleted.values()], token);
                } finally {
                    if (this.pending === batch) this.pending = undefined;
                    if (!this.pending) builder.releaseQueued?.();
                }
            });
        }).catch(err => {
            if (this.pending === batch) this.pending = undefined;
            builder.releaseQueued?.();
            console.error('Workspace initialization failed. Could not perform document update.', err);
        });
    }

    private isOpen(uri: string): boolean {
        return this.shared.workspace.TextDocuments?.get(uri) !== undefined;
    }
}
