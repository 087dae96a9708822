import { UriUtils, type ReferenceDescription } from 'langium';
import { DefaultDocumentHighlightProvider, type LangiumServices } from 'langium/lsp';
import { DocumentHighlight, DocumentHighlightKind } from 'vscode-languageserver';

/**
 * Document highlights: Langium's, over ID-only segments (so `@F1` highlights `F1`); the
 * declaration is marked as a write, every reference as a read.
 */
export class ProgDocumentHighlightProvider extends DefaultDocumentHighlightProvider {
    constructor(services: LangiumServices) {
        super(services);
    }

    protected override createDocumentHighlight(reference: ReferenceDescription): DocumentHighlight {
        const isDeclaration = reference.sourcePath === reference.targetPath && UriUtils.equals(reference.sourceUri, reference.targetUri)
            && reference.local;
        return DocumentHighlight.create(reference.segment.range, isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read);
    }
}
