import { DefaultDocumentBuilder, DocumentState, type LangiumDocument, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { contributedKeys, dependsOn } from './prog-dependencies.js';
import type { ProgWorkspaceIndex } from './prog-workspace-index.js';
import type { ProgServices } from './prog-module.js';

/**
 * Workspace rules (`id/duplicate`, `source/unused`, `question/unanswered`, …) look across
 * files, so a change in one file can change the diagnostics of others. Langium already
 * relinks and revalidates the documents that reference a changed one. After that, this
 * builder validates again every other document whose last validation read something the
 * changed documents contribute, before or after the change (prog-dependencies.ts) —
 * without parsing or linking it again. Keys of an update that was cancelled are carried
 * over to the next one, so nothing is left stale.
 */
export class ProgDocumentBuilder extends DefaultDocumentBuilder {
    private readonly pendingKeys = new Set<string>();

    override async update(changed: URI[], deleted: URI[], cancelToken = CancellationToken.None): Promise<void> {
        for (const uri of [...changed, ...deleted]) {
            const document = this.langiumDocuments.getDocument(uri);
            if (document) this.addKeys(document);
            else this.pendingKeys.add('documents');
        }
        if (deleted.length > 0) this.pendingKeys.add('documents');
        for (const uri of deleted) this.indexOf(uri)?.forgetDependencies(uri.toString());

        const before = new Map(this.langiumDocuments.all.map(doc => [doc.uri.toString(), doc.diagnostics] as const).toArray());
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
            if (!index || dependsOn(index.dependenciesOf(uri), this.pendingKeys)) dependents.push(document);
        }
        for (const document of dependents) this.resetToState(document, DocumentState.IndexedReferences);
        if (dependents.length > 0) await this.buildDocuments(dependents, this.updateBuildOptions, cancelToken);
        this.pendingKeys.clear();
    }

    private addKeys(document: LangiumDocument): void {
        const root = document.parseResult?.value;
        if (root && root.$type === 'Model') for (const key of contributedKeys(root)) this.pendingKeys.add(key);
    }

    private indexOf(uri: URI): ProgWorkspaceIndex | undefined {
        const services = this.serviceRegistry.getServices(uri) as Partial<ProgServices>;
        return services.workspace?.WorkspaceIndex;
    }
}
