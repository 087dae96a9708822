import type { CstNode } from 'langium';
import { DefaultDefinitionProvider, type GoToLink, type LangiumServices } from 'langium/lsp';
import { LocationLink, type DefinitionParams } from 'vscode-languageserver';
import { idRange, nameNode } from './prog-lsp-util.js';

/**
 * Go to definition, for references and `@ID` in text alike. The origin range leaves out
 * the `@`; the target is the element, its ID selected.
 */
export class ProgDefinitionProvider extends DefaultDefinitionProvider {
    constructor(services: LangiumServices) {
        super(services);
    }

    protected override collectLocationLinks(sourceCstNode: CstNode, _params: DefinitionParams): LocationLink[] | undefined {
        const links: GoToLink[] = this.findLinks(sourceCstNode);
        if (links.length === 0) return undefined;
        return links.map(link => {
            const element = link.target.astNode;
            const selection = nameNode(element)?.range ?? link.target.range;
            return LocationLink.create(link.targetDocument.textDocument.uri, (element.$cstNode ?? link.target).range, selection, idRange(link.source));
        });
    }
}
