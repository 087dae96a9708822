import { DefaultScopeComputation, DefaultScopeProvider, MultiMap, stream, WorkspaceCache, type AstNode, type AstNodeDescription, type AstReflection, type LangiumCoreServices, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope, type Stream } from 'langium';
import { comparePaths } from './prog-workspace-index.js';
import { CancellationToken } from 'vscode-languageserver';
import { isNamedElement } from './prog-names.js';
import { forEachNode } from './prog-ast-walk.js';

/**
 * One namespace for the whole workspace (LANGUAGE.md): every element with an ID, nested
 * ones inside `logic` and `portfolio` included, is exported to the global index, and no
 * document has local symbols. References are then resolved against Langium's global scope,
 * which is cached per reference type for the whole build: one lookup per reference instead
 * of a linear walk through the local scope (which made one file of 20,000 elements take
 * minutes to link).
 */
export class ProgScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        if (cancelToken.isCancellationRequested) return exports;
        forEachNode(document.parseResult.value, node => {
            if (isNamedElement(node) && node.name) {
                exports.push(this.descriptions.createDescription(node as AstNode, node.name, document));
            }
        });
        return exports;
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

/**
 * The global scope, indexed by name once per build for all reference types together: a
 * reference looks up its name and takes the first declaration of a fitting type. Langium's
 * default builds one map per reference type from every export, which an edit in a large
 * workspace paid for again and again. Declarations of one name are kept in path order
 * (then document order), whatever order the documents entered the index: with a
 * duplicated ID, a reference resolves to the first declaration in path order — in the
 * editor after any sequence of edits exactly as in a cold CLI run.
 */
export class ProgScopeProvider extends DefaultScopeProvider {
    private readonly byName: WorkspaceCache<string, Map<string, AstNodeDescription[]>>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.byName = new WorkspaceCache(services.shared);
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        return this.globalScopeCache.get(referenceType, () => new TypedNameScope(this.names(), referenceType, this.reflection));
    }

    private names(): Map<string, AstNodeDescription[]> {
        return this.byName.get('names', () => {
            const names = new Map<string, AstNodeDescription[]>();
            for (const description of this.indexManager.allElements()) {
                const list = names.get(description.name);
                if (list) list.push(description); else names.set(description.name, [description]);
            }
            for (const list of names.values()) {
                if (list.length > 1) list.sort((a, b) => comparePaths(a.documentUri.path, b.documentUri.path));
            }
            return names;
        });
    }
}

/** The declarations of the workspace that fit one reference type. */
class TypedNameScope implements Scope {
    constructor(
        private readonly names: ReadonlyMap<string, readonly AstNodeDescription[]>,
        private readonly type: string,
        private readonly reflection: AstReflection
    ) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.names.get(name)?.find(d => this.reflection.isSubtype(d.type, this.type));
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.names.get(name) ?? []).filter(d => this.reflection.isSubtype(d.type, this.type));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.names.values()).flatMap(list => list).filter(d => this.reflection.isSubtype(d.type, this.type));
    }
}
