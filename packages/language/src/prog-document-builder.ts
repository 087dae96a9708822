import { DefaultDocumentBuilder, DocumentState, type URI } from 'langium';

/**
 * Workspace rules (`id/duplicate`, `source/unused`, `question/unanswered`, …) look across
 * files, so a change in one file can change the diagnostics of any other. On every update
 * the documents that are not rebuilt anyway are put back just before validation: they are
 * revalidated against the new workspace index without being parsed or linked again.
 */
export class ProgDocumentBuilder extends DefaultDocumentBuilder {
    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        for (const document of this.langiumDocuments.all) {
            if (document.state === DocumentState.Validated) {
                this.resetToState(document, DocumentState.IndexedReferences);
            }
        }
        await super.emitUpdate(changed, deleted);
    }
}
