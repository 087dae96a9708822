import { DefaultLinker, interruptAndCheck, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { referencesOf } from './prog-ast-walk.js';
import type { ProgWorkspaceIndex } from './prog-workspace-index.js';
import type { ProgCoreServices } from './prog-module.js';

/**
 * Links every reference of a document in one plain pass over its tree (see prog-ast-walk.ts),
 * and tells the workspace index that what it collected from the document is out of date.
 */
export class ProgLinker extends DefaultLinker {
    private readonly index: ProgWorkspaceIndex;

    constructor(services: ProgCoreServices) {
        super(services);
        this.index = services.workspace.WorkspaceIndex;
    }

    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        await interruptAndCheck(cancelToken);
        this.index.invalidate(document.parseResult.value);
        linkingErrors.delete(document);
        for (const info of referencesOf(document.parseResult.value)) this.doLink(info, document);
    }

    override unlink(document: LangiumDocument): void {
        this.index.invalidate(document.parseResult.value);
        linkingErrors.delete(document);
        super.unlink(document);
    }
}

const linkingErrors = new WeakMap<LangiumDocument, boolean>();

/**
 * Whether a document has references that did not resolve — asked for every document of
 * the workspace after each edit (such documents are linked again). Remembered until the
 * document is linked or unlinked again, instead of a walk over all its references each time.
 */
export function hasLinkingErrors(document: LangiumDocument): boolean {
    let errors = linkingErrors.get(document);
    if (errors === undefined) linkingErrors.set(document, errors = document.references.some(ref => ref.error !== undefined));
    return errors;
}
