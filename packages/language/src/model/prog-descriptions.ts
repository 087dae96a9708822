import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumDocument, type URI } from 'langium';

/**
 * Descriptions of exported declarations, with their path and source segments computed when
 * first read. Every build describes every declaration of every changed document, but only
 * the editor reads the segments (go to definition, outline) and only a few descriptions
 * are ever located by path: computing both up front (Langium's default) cost a path string
 * and a range per declaration, a tenth of a cold validation of 30,000 declarations.
 */
export class ProgAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new LazyDescription(node, name, (document ?? AstUtils.getDocument(node)).uri, this);
    }

    /** Where `node` is in its document (Langium's AST node path). */
    pathOf(node: AstNode): string {
        return this.astNodeLocator.getAstNodePath(node);
    }

    /** The source segment of `node`'s name (of the whole node when it has none). */
    nameSegmentOf(node: AstNode): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.nameProvider.getNameNode(node) ?? node.$cstNode);
    }
}

/**
 * An export description; the getters live on the prototype, so a description is one object.
 * Path and segments are read from the node each time, never cached: an unchanged element
 * keeps its description across edits (prog-scope.ts) while the incremental re-parse moves
 * it (new offsets, a new index among its siblings), and a cached position would point to
 * where it was (`workspace/symbol` gave the old lines). Only the editor reads them, for a
 * few descriptions at a time.
 */
class LazyDescription implements AstNodeDescription {
    readonly type: string;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly documentUri: URI,
        private readonly provider: ProgAstNodeDescriptionProvider
    ) {
        this.type = node.$type;
    }

    get path(): string {
        return this.provider.pathOf(this.node);
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.provider.nameSegmentOf(this.node);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}
