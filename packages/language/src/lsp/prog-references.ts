import { DefaultReferenceDescriptionProvider, type LangiumCoreServices, type ReferenceDescription, type ReferenceInfo } from 'langium';

/**
 * Reference descriptions whose segment covers only the ID: for `@F1` in a text the `@` is
 * not part of the reference, so find-references, document highlights and rename edits
 * (which all read these segments) leave it alone.
 */
export class ProgReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    constructor(services: LangiumCoreServices) {
        super(services);
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
