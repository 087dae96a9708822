import { DefaultDocumentBuilder, DocumentState, type AstNode, type BuildOptions, type LangiumDocument, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver-protocol';
import { citationJsLoaded, declaresBibliography, loadCitationJs } from '../model/prog-bibliography.js';
import { contributedKeys, DependencyKeys, dependsOn, fileKey, type DependencyKey } from './prog-dependencies.js';
import type { ProgLinker } from '../references/prog-linker.js';
import type { ProgWorkspaceIndex } from './prog-workspace-index.js';
import type { ProgServices } from '../prog-module.js';

/**
 * Workspace rules (`id/duplicate`, `source/unused`, `question/unanswered`, …) look across
 * files, so a change in one file can change the diagnostics of others. Langium already
 * relinks and revalidates the documents that reference a changed one. After that, this
 * builder validates again every other document whose last validation read something the
 * changed documents contribute, before or after the change (prog-dependencies.ts) —
 * without parsing or linking it again. Keys (and trees whose keys were not yet collected)
 * of an update that was cancelled are carried over to the next one, so nothing is left stale.
 */
export class ProgDocumentBuilder extends DefaultDocumentBuilder {
    private readonly pendingKeys = new DependencyKeys();
    /**
     * Trees (before and after the change) whose contributed keys are pending: collected only
     * when some other document may depend on them. In a workspace of one large file there is
     * none, and collecting the keys of 10,000 elements twice took 30 ms per edit.
     */
    private readonly pendingRoots = new Set<AstNode>();
    /** An update queued by the language server that has not reset the document states yet. */
    private queued: { promise: Promise<void>; resolve: () => void } | undefined;

    /** Loads citation-js first when the build meets a programme with a bibliography (prog-bibliography.ts). */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        if (!citationJsLoaded() && documents.some(declaresBibliography)) await loadCitationJs();
        return super.buildDocuments(documents, options, cancelToken);
    }

    /** Keys that changed outside the `.prog` documents (a data file on disk), for the next update. */
    private readonly externalKeys = new DependencyKeys();

    /**
     * Tells that something documents may have read changed outside them (a table's CSV file,
     * `file:NAME`): the next update validates again every document whose last validation
     * read one of these keys.
     */
    noteExternalChange(keys: readonly DependencyKey[]): void {
        for (const key of keys) this.externalKeys.add(key);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = CancellationToken.None): Promise<void> {
        this.pendingKeys.addAll(this.externalKeys);
        this.externalKeys.clear();
        for (const uri of [...changed, ...deleted]) {
            const document = this.langiumDocuments.getDocument(uri);
            if (document) this.addKeys(document);
            else this.pendingKeys.add('documents');
        }
        if (deleted.length > 0) this.pendingKeys.add('documents');
        for (const uri of deleted) this.indexOf(uri)?.forgetDependencies(uri.toString());

        const before = new Map(this.langiumDocuments.all.map(doc => [doc.uri.toString(), doc.diagnostics] as const).toArray());
        // One document edited, nothing deleted: the linker may keep the links of its untouched elements.
        const sole = changed.length === 1 && deleted.length === 0 && this.langiumDocuments.hasDocument(changed[0]) ? changed[0].toString() : undefined;
        for (const services of this.serviceRegistry.all) {
            const linker = services.references.Linker as { soleChange?: string };
            if ('soleChange' in linker) linker.soleChange = sole;
        }
        await super.update(changed, deleted, cancelToken);
        for (const uri of changed) {
            const document = this.langiumDocuments.getDocument(uri);
            if (document) this.addKeys(document);
        }
        const dependents: LangiumDocument[] = [];
        for (const document of this.langiumDocuments.all) {
            const uri = document.uri.toString();
            const revalidated = document.diagnostics !== before.get(uri);
            if (revalidated || document.state !== DocumentState.Validated) continue;
            const index = this.indexOf(document.uri);
            if (!index || dependsOn(index.dependenciesOf(uri), this.takePendingKeys())) dependents.push(document);
        }
        for (const document of dependents) this.resetToState(document, DocumentState.IndexedReferences);
        if (dependents.length > 0) await this.buildDocuments(dependents, this.updateBuildOptions, cancelToken);
        this.pendingKeys.clear();
        this.pendingRoots.clear();
    }

    /**
     * Files other than `.prog` files changed on disk (the file watcher reports them: a
     * transcript): the next update revalidates every document whose last validation read
     * one of them (`file:PATH` keys, prog-dependencies.ts). Kept like other external keys
     * until the next update starts.
     */
    noteFilesChanged(files: Iterable<string>): void {
        this.noteExternalChange([...files].map(fileKey));
    }

    /**
     * What changed in this update besides the edited documents' trees, as far as known while
     * they are validated: files outside the `.prog` documents (a transcript, a CSV file),
     * documents created or deleted (`documents`), and what a cancelled update left. The
     * document validator does not keep an element's diagnostics when its checks read one of
     * these (prog-document-validator.ts).
     */
    pendingChanges(): DependencyKeys {
        return this.pendingKeys;
    }

    /** The keys the pending trees contribute, collected now (once per update). */
    private takePendingKeys(): DependencyKeys {
        for (const root of this.pendingRoots) this.pendingKeys.addAll(contributedKeys(root));
        this.pendingRoots.clear();
        return this.pendingKeys;
    }

    /**
     * The server queues an update and lets further changes join it for a moment (see
     * `ProgDocumentUpdateHandler`); until it starts, requests wait (`waitUntil`), so that no
     * request is answered on the text before the change.
     */
    markUpdateQueued(): void {
        if (this.queued) return;
        let resolve!: () => void;
        const promise = new Promise<void>(r => { resolve = r; });
        this.queued = { promise, resolve };
    }

    /** Releases requests waiting for a queued update (it has reset the states, or failed). */
    releaseQueued(): void {
        const queued = this.queued;
        this.queued = undefined;
        queued?.resolve();
    }

    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        this.releaseQueued();
        await super.emitUpdate(changed, deleted);
    }

    override waitUntil(state: DocumentState, cancelToken?: CancellationToken): Promise<void>;
    override waitUntil(state: DocumentState, uri?: URI, cancelToken?: CancellationToken): Promise<URI>;
    override async waitUntil(state: DocumentState, uriOrToken?: URI | CancellationToken, cancelToken?: CancellationToken): Promise<URI | void> {
        if (this.queued) await this.queued.promise;
        return super.waitUntil(state, uriOrToken as URI, cancelToken) as Promise<URI | void>;
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const linker = this.serviceRegistry.getServices(document.uri).references.Linker as Partial<ProgLinker>;
        return (linker.unresolvedReferences?.(document).length ?? 0) > 0 || this.indexManager.isAffected(document, changedUris);
    }

    private addKeys(document: LangiumDocument): void {
        const root = document.parseResult?.value;
        if (root && root.$type === 'Model') this.pendingRoots.add(root);
    }

    private indexOf(uri: URI): ProgWorkspaceIndex | undefined {
        const services = this.serviceRegistry.getServices(uri) as Partial<ProgServices>;
        return services.workspace?.WorkspaceIndex;
    }
}
