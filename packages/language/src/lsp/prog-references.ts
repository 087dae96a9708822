import { DefaultReferenceDescriptionProvider, type LangiumCoreServices, type LangiumDocument, type ReferenceDescription, type ReferenceInfo } from 'langium';
import { referencesOf } from '../model/prog-ast-walk.js';

/**
 * Reference descriptions whose segment covers only the ID: for `@F1` in a text the `@` is
 * not part of the reference, so find-references, document highlights and rename edits
 * (which all read these segments) leave it alone.
 */
export class ProgReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    constructor(services: LangiumCoreServices) {
        super(services);
    }

    /**
     * The descriptions of a linked document's references, at once (the index manager asks
     * when somebody first looks for references after the document was linked again).
     */
    describeDocument(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const info of referencesOf(document.parseResult.value)) {
            if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
        }
        return descriptions;
    }

    protected override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        const descriptions = super.createInfoDescriptions(refInfo);
        const refNode = refInfo.reference.$refNode;
        if (!refNode || !refNode.text.startsWith('@')) return descriptions;
        const { range } = refNode;
        const segment = {
            offset: refNode.offset + 1,
            end: refNode.end,
            length: refNode.length - 1,
            range: { start: { line: range.start.line, character: range.start.character + 1 }, end: range.end }
        };
        return descriptions.map(d => ({ ...d, segment }));
    }
}
