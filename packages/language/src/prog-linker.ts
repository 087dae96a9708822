import { DefaultLinker, interruptAndCheck, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { forEachNode, forEachReference } from './prog-ast-walk.js';

/** Links every reference of a document in one plain pass over its tree (see prog-ast-walk.ts). */
export class ProgLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        await interruptAndCheck(cancelToken);
        forEachNode(document.parseResult.value, node => {
            forEachReference(node, (reference, property, index) => {
                this.doLink({ reference, container: node, property, index }, document);
            });
        });
    }
}
