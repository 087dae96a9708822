import { AstUtils, WorkspaceCache, type AstNode, type LangiumDocument, type LangiumDocuments, type ReferenceInfo } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { NamedElement } from './prog-names.js';
import { isNamedElement } from './prog-names.js';
import { isChain, isProgramme, type LogicNode, type Model, type Programme } from './generated/ast.js';

/** One reference from one element to another, as written in the model. */
export interface Citation {
    readonly container: AstNode;
    readonly property: string;
    readonly index?: number;
    readonly info: ReferenceInfo;
}

export interface WorkspaceIndexData {
    /** The `.prog` documents in path order. */
    readonly documents: readonly LangiumDocument<Model>[];
    /** Every declaration by (NFC) ID, in path order then document order. */
    readonly declarations: ReadonlyMap<string, readonly NamedElement[]>;
    /** Every programme, in path order then document order. */
    readonly programmes: readonly Programme[];
    /** Who references each element (reverse-reference index, built once per build). */
    readonly citedBy: ReadonlyMap<AstNode, readonly Citation[]>;
    /** The programme-logic edges of every chain: node -> the nodes it leads to. */
    readonly edges: ReadonlyMap<LogicNode, ReadonlySet<LogicNode>>;
    /** Every element by `$type` (`Finding`, `Source`, `LogicNode`, …), in path then document order. */
    readonly byType: ReadonlyMap<string, readonly AstNode[]>;
}

const EMPTY: readonly Citation[] = [];

/**
 * Workspace-wide facts computed once per build and shared by every check, the matrix and
 * the editor features — never a `findAllReferences` per element. The cache is dropped as
 * soon as any document changes.
 */
export class ProgWorkspaceIndex {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<string, WorkspaceIndexData>;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(shared);
    }

    get data(): WorkspaceIndexData {
        return this.cache.get('data', () => this.build());
    }

    citationsOf(node: AstNode): readonly Citation[] {
        return this.data.citedBy.get(node) ?? EMPTY;
    }

    /** Every element of one type, e.g. `elementsOf<Finding>('Finding')`, in path order. */
    elementsOf<T extends AstNode>(type: T['$type']): readonly T[] {
        return (this.data.byType.get(type) ?? []) as readonly T[];
    }

    declarationsOf(name: string): readonly NamedElement[] {
        return this.data.declarations.get(name) ?? [];
    }

    private build(): WorkspaceIndexData {
        const documents = this.documents.all
            .filter(doc => doc.uri.path.endsWith('.prog') && doc.parseResult?.value?.$type === 'Model')
            .toArray()
            .sort((a, b) => comparePaths(a.uri.path, b.uri.path)) as LangiumDocument<Model>[];
        const declarations = new Map<string, NamedElement[]>();
        const programmes: Programme[] = [];
        const citedBy = new Map<AstNode, Citation[]>();
        const edges = new Map<LogicNode, Set<LogicNode>>();
        const byType = new Map<string, AstNode[]>();
        for (const doc of documents) {
            for (const node of AstUtils.streamAst(doc.parseResult.value)) {
                if (isNamedElement(node)) {
                    const ofType = byType.get(node.$type);
                    if (ofType) ofType.push(node); else byType.set(node.$type, [node]);
                }
                if (isNamedElement(node) && node.name) {
                    const list = declarations.get(node.name);
                    if (list) list.push(node); else declarations.set(node.name, [node]);
                    if (isProgramme(node)) programmes.push(node);
                } else if (isChain(node)) {
                    for (let i = 0; i + 1 < node.nodes.length; i++) {
                        const from = node.nodes[i].ref, to = node.nodes[i + 1].ref;
                        if (!from || !to) continue;
                        let targets = edges.get(from);
                        if (!targets) edges.set(from, targets = new Set());
                        targets.add(to);
                    }
                }
                for (const info of AstUtils.streamReferences(node)) {
                    const target = 'ref' in info.reference ? info.reference.ref : undefined;
                    if (!target) continue;
                    const citation: Citation = { container: info.container, property: info.property, index: info.index, info };
                    const list = citedBy.get(target);
                    if (list) list.push(citation); else citedBy.set(target, [citation]);
                }
            }
        }
        return { documents, declarations, programmes, citedBy, edges, byType };
    }
}

/** Path order: plain code-point order of the path, so it is the same on every machine. */
export function comparePaths(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
