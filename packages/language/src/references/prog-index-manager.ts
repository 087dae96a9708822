import { AstUtils, DefaultIndexManager, DocumentState, URI, type AstNode, type AstNodeDescription, type LangiumDocument, type LangiumSharedCoreServices, type ReferenceDescription, type Stream } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { comparePaths } from '../workspace/prog-workspace-index.js';
import { buildProfileOf } from '../workspace/prog-build-profile.js';

/**
 * Langium's index, plus two lookups it keeps up to date document by document instead of
 * recomputing them on every build:
 * - `byName`: every exported declaration by ID, in path order (then document order) — the
 *   one map behind all scopes (prog-scope.ts). An edit re-files the edited document's
 *   declarations only; Langium's default rebuilt the map from every export of the workspace.
 * - the documents each document references, as a set of URIs, so that `isAffected` (asked
 *   for every document of the workspace after each edit) is one lookup per changed URI
 *   instead of a walk over all of the document's references.
 * The referenced URIs are taken from the links. Reference descriptions (for find
 * references and rename) are made when somebody first looks for references after a
 * document was linked again — not on every build, where describing every reference of a
 * large document took longer than parsing its edited element. With
 * `describeReferences: false` (the CLI) it keeps none, and `findAllReferences` finds nothing.
 */
export class ProgIndexManager extends DefaultIndexManager {
    private readonly names = new Map<string, AstNodeDescription[]>();
    private readonly targets = new Map<string, ReadonlySet<string>>();
    private readonly describeReferences: boolean;
    /** Declarations of documents whose content was removed, still filed (see `removeContent`). */
    private readonly removed = new Map<string, readonly AstNodeDescription[]>();
    /** Documents linked since their reference descriptions were last made. */
    private readonly undescribed = new Set<string>();

    constructor(shared: LangiumSharedCoreServices, options: { describeReferences?: boolean } = {}) {
        super(shared);
        this.describeReferences = options.describeReferences ?? true;
        this.recordDependencies = !buildProfileOf(shared).oneShot;
    }

    /** Declarations by ID, in path order. Live: it changes with the index. */
    get byName(): ReadonlyMap<string, readonly AstNodeDescription[]> {
        this.unfileRemoved();
        return this.names;
    }

    /**
     * A changed document's content is removed when the build resets it and indexed again
     * after it is parsed; what it declared stays filed until then (or until somebody reads
     * `byName` first), so that its new declarations can be compared with the former ones.
     */
    override removeContent(uri: URI): void {
        const key = uri.toString();
        const previous = this.symbolIndex.get(key);
        if (previous?.length && !this.removed.has(key)) this.removed.set(key, previous);
        super.removeContent(uri);
    }

    override async updateContent(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const uri = document.uri.toString();
        const previous = this.removed.get(uri) ?? this.symbolIndex.get(uri) ?? [];
        this.removed.delete(uri);
        await super.updateContent(document, cancelToken);
        const current = this.symbolIndex.get(uri) ?? [];
        if (previous.length === 0) {
            // A document indexed for the first time (every document of a cold build).
            for (const description of current) this.file(description);
            return;
        }
        // Unchanged elements keep their descriptions (prog-scope.ts): only the names whose
        // declarations in this document changed are filed again, in document order.
        const before = new Set(previous);
        const after = new Set(current);
        const touched = new Set<string>();
        for (const description of previous) if (!after.has(description)) touched.add(description.name);
        for (const description of current) if (!before.has(description)) touched.add(description.name);
        if (touched.size === 0) return;
        this.unfile(previous.filter(description => touched.has(description.name)));
        for (const description of current) if (touched.has(description.name)) this.file(description);
    }

    override removeReferences(uri: URI): void {
        this.targets.delete(uri.toString());
        this.undescribed.delete(uri.toString());
        super.removeReferences(uri);
    }

    /**
     * Whether to record which documents each document references. Only a later rebuild
     * asks (`isAffected`): not in a one-shot build (workspace/prog-build-profile.ts).
     */
    private readonly recordDependencies: boolean;

    override async updateReferences(document: LangiumDocument, _cancelToken?: CancellationToken): Promise<void> {
        if (!this.recordDependencies) return;
        const uri = document.uri.toString();
        const targets = new Set<string>();
        for (const reference of document.references) {
            const nodes = 'items' in reference ? reference.items.map(item => item.ref) : [reference.ref];
            for (const target of nodes) {
                if (!target) continue;
                const targetUri = AstUtils.getDocument(target).uri.toString();
                if (targetUri !== uri) targets.add(targetUri);
            }
        }
        this.targets.set(uri, targets);
        if (this.describeReferences) {
            this.referenceIndex.delete(uri);
            this.undescribed.add(uri);
        }
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        this.describePending();
        return super.findAllReferences(targetNode, astNodePath);
    }

    /** Makes the reference descriptions of the documents linked since they were last made. */
    private describePending(): void {
        for (const uri of this.undescribed) {
            const document = this.documents.getDocument(URI.parse(uri));
            // One that is being built again gets described after it is linked.
            if (!document || document.state < DocumentState.IndexedReferences) continue;
            const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider as { describeDocument?(document: LangiumDocument): ReferenceDescription[] };
            if (provider.describeDocument) this.referenceIndex.set(uri, provider.describeDocument(document));
        }
        this.undescribed.clear();
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.targets.get(document.uri.toString());
        if (!targets || targets.size === 0) return false;
        if (changedUris.size <= targets.size) {
            for (const uri of changedUris) if (targets.has(uri)) return true;
            return false;
        }
        for (const uri of targets) if (changedUris.has(uri)) return true;
        return false;
    }

    /** Takes out the declarations of documents removed and not indexed again. */
    private unfileRemoved(): void {
        if (this.removed.size === 0) return;
        for (const previous of this.removed.values()) this.unfile(previous);
        this.removed.clear();
    }

    /** Takes out a document's former declarations (its entry in Langium's symbol index). */
    private unfile(previous: readonly AstNodeDescription[] | undefined): void {
        if (!previous?.length) return;
        const gone = new Set(previous);
        for (const name of new Set(previous.map(d => d.name))) {
            const list = this.names.get(name);
            if (!list) continue;
            const kept = list.filter(d => !gone.has(d));
            if (kept.length === 0) this.names.delete(name); else this.names.set(name, kept);
        }
    }

    /** Adds a declaration at its place in path order (after the declarations of earlier paths and its own document's earlier ones). */
    private file(description: AstNodeDescription): void {
        const list = this.names.get(description.name);
        if (!list) {
            this.names.set(description.name, [description]);
            return;
        }
        const path = description.documentUri.path;
        let at = list.length;
        while (at > 0 && comparePaths(list[at - 1].documentUri.path, path) > 0) at--;
        list.splice(at, 0, description);
    }
}
