import { URI, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    FileChangeType, WatchKind, type DidChangeWatchedFilesParams, type FileSystemWatcher, type TextDocumentChangeEvent
} from 'vscode-languageserver';
import { CONFIG_FILE } from '../workspace/prog-config.js';
import type { ProgServices } from '../prog-module.js';
import type { ProgDocumentBuilder } from '../workspace/prog-document-builder.js';
import { dataFileKey } from '../workspace/prog-table-data.js';

/** Files whose changes matter besides `.prog` files and `sporbar.json`: transcripts. */
const TRANSCRIPT = /\.(txt|md)$/i;
const TRANSCRIPT_GLOB = '**/*.{txt,md,TXT,MD}';

/** How long an update waits for further changes to join it before it starts. */
const COALESCE_MS = 5;

/** Folders the model never reads (as the workspace manager and the CLI skip them). */
function isSkippedSegment(segment: string): boolean {
    return segment.startsWith('.') || segment === 'node_modules' || segment === 'out';
}

/**
 * File watching: the model is what is on disk (plus the unsaved text of open editors).
 *
 * Langium's update handler owns `workspace/didChangeWatchedFiles` (a handler set directly on
 * the connection would be replaced), so `sporbar.json` is handled here too: when it changes,
 * the configuration is reread and every document revalidated. So are CSV files: when one
 * changes, its cached table is dropped and the documents whose tables or charts read a file
 * of that name are validated again. Transcripts (`.txt`, `.md`) are watched too: when one
 * changes, the documents whose quotes were checked against it are revalidated
 * (prog-document-builder.ts `noteFilesChanged`).
 *
 * Editors report a deleted, created or renamed *folder* once, by the folder's path, not
 * by the files in it (VS Code's watcher drops the events of the children). So the server
 * asks the client (dynamically) to watch `**\/*.prog`, `**\/sporbar.json`, `**\/*.csv`,
 * `**\/*.{txt,md,TXT,MD}` and every path for creation and deletion: a deleted folder takes
 * every document below it out of the model (and the tables and transcripts read from it), a
 * created one (also the new name of a renamed one) adds the `.prog` files in it and
 * revalidates what reads its CSV files and transcripts. Every event is checked against the
 * disk when it is handled, so a burst of events (a save that deletes and recreates, a
 * `git checkout`) ends with what the disk holds.
 *
 * A `file:` document that does not exist on disk is not part of the model, even while an
 * editor shows it (deleted on disk or in another tool): other files then see it gone, as
 * the CLI does, and a restarted server does not take it back from the editor. Saving it
 * again brings it back (the watcher reports it created).
 */
export class ProgDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: LangiumSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
    }

    protected override getWatchers(): FileSystemWatcher[] {
        return [
            { globPattern: '**/*.prog' },
            { globPattern: `**/${CONFIG_FILE}` },
            { globPattern: '**/*.csv' },
            { globPattern: TRANSCRIPT_GLOB },
            // Folders: created (moved in, renamed to) and deleted (also `rm -rf` outside the editor).
            { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete }
        ];
    }

    /** Transcripts reported changed and not yet handed to an update (absolute paths as reported). */
    private readonly changedFiles = new Set<string>();

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const isConfig = (uri: URI) => uri.path.endsWith('/' + CONFIG_FILE);
        let configChanged = false;
        const changed = new Map<string, URI>();
        const deleted = new Map<string, URI>();
        /** CSV files changed, created or deleted (real paths as reported, and paths of a folder's files). */
        const data = new Set<string>();
        const transcriptsBefore = this.changedFiles.size;
        for (const change of params.changes) {
            const uri = URI.parse(change.uri);
            if (isConfig(uri)) {
                configChanged = true;
                continue;
            }
            if (uri.scheme !== 'file' || this.isSkipped(uri)) continue;
            if (isDataFile(uri.path)) {
                data.add(uri.fsPath);
                continue;
            }
            if (TRANSCRIPT.test(uri.path)) {
                this.changedFiles.add(uri.fsPath);
                continue;
            }
            const stat = statOf(uri.fsPath);
            if (!stat) {
                // Gone now, whatever the event said: the documents at or below the path leave,
                // and so do the tables read from it.
                for (const document of this.documentsAtOrBelow(uri)) deleted.set(document.toString(), document);
                for (const file of this.tableFilesBelow(uri.fsPath)) data.add(file);
                for (const file of this.transcriptsBelow(uri.fsPath)) this.changedFiles.add(file);
            } else if (stat.isDirectory()) {
                // A folder appeared (created, moved in, the new name of a renamed one): the .prog
                // files below it (skipping dot-folders, node_modules and out) join the model, and
                // tables naming its CSV files are read again.
                if (change.type !== FileChangeType.Changed) {
                    const below = filesBelow(uri.fsPath);
                    for (const file of below.prog) changed.set(file.toString(), file);
                    for (const file of below.data) data.add(file);
                    for (const file of below.transcripts) this.changedFiles.add(file);
                }
            } else if (uri.path.endsWith('.prog')) {
                changed.set(uri.toString(), uri);
            }
        }
        if (data.size > 0) {
            for (const language of this.shared.ServiceRegistry.all) {
                const tables = (language as ProgServices).workspace.TableData;
                for (const file of data) tables?.invalidate(file);
            }
            const builder = this.documentBuilder as Partial<ProgDocumentBuilder>;
            builder.noteExternalChange?.([...data].map(file => dataFileKey(file)));
        }
        if (configChanged) {
            for (const language of this.shared.ServiceRegistry.all) {
                (language as ProgServices).workspace.Settings?.reloadConfig();
            }
        }
        const transcripts = this.changedFiles.size > transcriptsBefore;
        if (changed.size === 0 && deleted.size === 0 && !configChanged && data.size === 0 && !transcripts) return;
        this.onWatchedFilesChangeEmitter.fire(params);
        // With only sporbar.json changed the update is empty: every validated document is
        // put back before validation (ProgDocumentBuilder) and validated again.
        this.fireDocumentUpdate([...changed.values()], [...deleted.values()]);
    }

    /** An open document's text changed (or it was opened): part of the model only when its file is. */
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(change.document.uri);
        // A document already in the model stays until the watcher reports its file gone
        // (no look at the disk for every keystroke); a new one joins only if its file is there.
        if (this.shared.workspace.LangiumDocuments.hasDocument(uri) || this.belongsToModel(uri)) {
            super.didChangeContent(change);
        } else {
            this.leaveModel(uri);
        }
    }

    /**
     * Closing an editor drops its unsaved text: the document is read again from disk, or
     * leaves the model when the file is gone, so the model matches what the CLI sees.
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (!uri.path.endsWith('.prog')) return;
        if (uri.scheme !== 'file') this.fireDocumentUpdate([], [uri]);
        else if (this.belongsToModel(uri)) this.fireDocumentUpdate([uri], []);
        else this.leaveModel(uri);
    }

    /**
     * A `file:` document belongs to the model when its file exists and does not lie in a
     * folder the model skips (dot-folders, `node_modules`, `out`) of a workspace folder.
     * Documents of other schemes (an untitled editor) belong while they are open.
     */
    belongsToModel(uri: URI): boolean {
        if (uri.scheme !== 'file') return true;
        return !this.isSkipped(uri) && statOf(uri.fsPath)?.isFile() === true;
    }

    /** Takes a document out of the model (if it was in) and clears its diagnostics in the editor. */
    private leaveModel(uri: URI): void {
        if (this.shared.workspace.LangiumDocuments.hasDocument(uri)) this.fireDocumentUpdate([], [uri]);
        else void this.shared.lsp.Connection?.sendDiagnostics({ uri: uri.toString(), diagnostics: [] });
    }

    /** Inside a workspace folder, below a folder the model skips. */
    private isSkipped(uri: URI): boolean {
        const file = uri.fsPath;
        for (const folder of this.workspaceFolderPaths()) {
            const relative = path.relative(folder, file);
            if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
            return relative.split(path.sep).some(isSkippedSegment);
        }
        return false;
    }

    private workspaceFolderPaths(): string[] {
        const folders = this.workspaceManager.workspaceFolders ?? [];
        return folders.map(folder => URI.parse(folder.uri)).filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
    }

    /** The CSV files at a path or below it that tables were read from (a deleted folder). */
    private tableFilesBelow(folder: string): string[] {
        const files = new Set<string>();
        for (const language of this.shared.ServiceRegistry.all) {
            for (const file of (language as ProgServices).workspace.TableData?.filesBelow(folder) ?? []) files.add(file);
        }
        return [...files];
    }

    /** The transcripts at a path or below it that quotes were checked against (a deleted folder). */
    private transcriptsBelow(folder: string): string[] {
        const files = new Set<string>();
        for (const language of this.shared.ServiceRegistry.all) {
            for (const file of (language as ProgServices).workspace.Transcripts?.filesBelow(folder) ?? []) files.add(file);
        }
        return [...files];
    }

    /** The model's documents at a path or below it (a deleted folder), by their own URIs. */
    private documentsAtOrBelow(uri: URI): URI[] {
        const key = uri.toString();
        const prefix = key.endsWith('/') ? key : key + '/';
        const result: URI[] = [];
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            const own = document.uri.toString();
            if (own === key || own.startsWith(prefix)) result.push(document.uri);
        }
        // Also when it is not (or no longer) in the model: the update is then empty but harmless.
        if (result.length === 0 && uri.path.endsWith('.prog')) result.push(uri);
        return result;
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
}

/** The `.prog` files below a folder, skipping the folders the model skips. */
function filesBelow(folder: string): { prog: URI[]; data: string[]; transcripts: string[] } {
    const result: URI[] = [];
    const data: string[] = [];
    const transcripts: string[] = [];
    const walk = (dir: string, depth: number) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            if (isSkippedSegment(entry.name)) continue;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (depth < 64) walk(full, depth + 1);
            } else if (entry.isFile() || entry.isSymbolicLink()) {
                if (entry.name.endsWith('.prog')) result.push(URI.file(full));
                else if (isDataFile(entry.name)) data.push(full);
                else if (TRANSCRIPT.test(entry.name)) transcripts.push(full);
            }
        }
    };
    walk(folder, 0);
    return { prog: result, data, transcripts };
}

function isDataFile(name: string): boolean {
    return /\.csv$/i.test(name);
}

function statOf(file: string): fs.Stats | undefined {
    try {
        return fs.statSync(file);
    } catch {
        return undefined;
    }
}
