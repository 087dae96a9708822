import { DefaultScopeComputation, DefaultScopeProvider, MultiMap, stream, type AstNode, type LangiumCoreServices, type AstNodeDescription, type AstReflection, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope, type Stream } from 'langium';
import type { ProgIndexManager } from './prog-index-manager.js';
import { CancellationToken } from 'vscode-languageserver-protocol';
import { isNamedElement } from './prog-names.js';
import { nodesOf } from '../model/prog-ast-walk.js';
import { buildProfileOf } from '../workspace/prog-build-profile.js';

/**
 * One namespace for the whole workspace (LANGUAGE.md): every element with an ID, nested
 * ones inside `logic` and `portfolio` included, is exported to the global index, and no
 * document has local symbols. References are then resolved against Langium's global scope,
 * which is cached per reference type for the whole build: one lookup per reference instead
 * of a linear walk through the local scope (which made one file of 20,000 elements take
 * minutes to link).
 */
export class ProgScopeComputation extends DefaultScopeComputation {
    /**
     * Whether a node keeps its description from build to build, so that an element an edit
     * did not touch keeps it. A one-shot build (workspace/prog-build-profile.ts) describes
     * each node once (30,000 entries fewer in a `WeakMap` for 1,000 files).
     */
    private readonly rememberDescriptions: boolean;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.rememberDescriptions = !buildProfileOf(services.shared).oneShot;
    }

    override async collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        if (cancelToken.isCancellationRequested) return exports;
        const remember = this.rememberDescriptions;
        for (const node of nodesOf(document.parseResult.value)) {
            if (isNamedElement(node) && node.name) {
                let description = remember ? described.get(node) : undefined;
                if (!description) {
                    description = this.descriptions.createDescription(node as AstNode, node.name, document);
                    if (remember) described.set(node, description);
                }
                exports.push(description);
            }
        }
        return exports;
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

const described = new WeakMap<AstNode, AstNodeDescription>();

/**
 * The global scope: one map of declarations by name for all reference types together,
 * kept up to date document by document by the index manager (prog-index-manager.ts). A
 * reference looks up its name and takes the first declaration of a fitting type. Langium's
 * default builds one map per reference type from every export, which an edit in a large
 * workspace paid for again and again. Declarations of one name are kept in path order
 * (then document order), whatever order the documents entered the index: with a
 * duplicated ID, a reference resolves to the first declaration in path order — in the
 * editor after any sequence of edits exactly as in a cold CLI run.
 */
export class ProgScopeProvider extends DefaultScopeProvider {
    /** No document has local symbols: the global scope is the whole scope (no walk up the tree per reference). */
    override getScope(context: ReferenceInfo): Scope {
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        return this.globalScopeCache.get(referenceType, () =>
            new TypedNameScope((this.indexManager as ProgIndexManager).byName, referenceType, this.reflection));
    }
}

/** The declarations of the workspace that fit one reference type. */
class TypedNameScope implements Scope {
    /** Whether declarations of a type fit the reference type (asked once per reference). */
    private readonly fitting = new Map<string, boolean>();

    constructor(
        private readonly names: ReadonlyMap<string, readonly AstNodeDescription[]>,
        private readonly type: string,
        private readonly reflection: AstReflection
    ) {}

    private fits(type: string): boolean {
        let fits = this.fitting.get(type);
        if (fits === undefined) this.fitting.set(type, fits = this.reflection.isSubtype(type, this.type));
        return fits;
    }

    getElement(name: string): AstNodeDescription | undefined {
        const declarations = this.names.get(name);
        if (declarations) for (const declaration of declarations) if (this.fits(declaration.type)) return declaration;
        return undefined;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.names.get(name) ?? []).filter(d => this.reflection.isSubtype(d.type, this.type));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.names.values()).flatMap(list => list).filter(d => this.reflection.isSubtype(d.type, this.type));
    }
}
