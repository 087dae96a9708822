import { DefaultLinker, interruptAndCheck, type AstNode, type CstNode, type LangiumDocument, type MultiReference, type Reference } from 'langium';
import { CancellationToken } from 'vscode-languageserver-protocol';
import { collectTree, referencesOf, topElementOf } from '../model/prog-ast-walk.js';
import type { IncrementalOrigin } from '../parser/prog-incremental-parse.js';
import type { ProgDocumentFactory } from '../workspace/prog-document-factory.js';
import { isNamedElement } from './prog-names.js';
import { createReference, isLinkStarted, resetReferences } from '../langium-internals/reference-fields.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import type { ProgCoreServices } from '../prog-module.js';

/**
 * Links every reference of a document in one plain pass over its tree (see prog-ast-walk.ts),
 * and tells the workspace index that what it collected from the document is out of date.
 *
 * After an edit that re-parsed one element (prog-incremental-parse.ts) of the only document
 * that changed, the references of the other elements keep their links unless they name an
 * ID the old or the new element declares: nothing else that decides what a name resolves
 * to (the declarations of that name, in path and document order) has changed. So unlinking
 * such a document is put off until it is linked again, when it is known what changed.
 */
export class ProgLinker extends DefaultLinker {
    private readonly index: ProgWorkspaceIndex;
    /** The references of a document as they were when it was unlinked, and its tree then. */
    private readonly unlinked = new WeakMap<LangiumDocument, { root: AstNode; references: Array<Reference | MultiReference> }>();
    /** The URI of the only document changed by the running update (set by the document builder). */
    soleChange: string | undefined;
    /** The references of each linked document that did not resolve (`unresolvedReferences`), until it is linked or unlinked again. */
    private readonly linkingErrors = new WeakMap<LangiumDocument, ReadonlyArray<Reference | MultiReference>>();

    /** How each tree linked after an edit inside one element came from the former tree, until the validator takes it. */
    private readonly elementChanges = new WeakMap<AstNode, ElementChange>();

    /** The document factory, which keeps where a tree made by re-parsing one element came from. */
    private readonly documentFactory: Partial<ProgDocumentFactory>;

    constructor(services: ProgCoreServices) {
        super(services);
        this.index = services.workspace.WorkspaceIndex;
        this.documentFactory = services.shared.workspace.LangiumDocumentFactory;
    }

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return createReference(this.referenceResolver, node, property, refNode, refText);
    }

    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        await interruptAndCheck(cancelToken);
        const root = document.parseResult.value;
        this.index.invalidate(root);
        this.linkingErrors.delete(document);
        const former = this.unlinked.get(document);
        this.unlinked.delete(document);
        const origin = this.documentFactory.takeIncrementalOrigin?.(root);
        const changedNames = former && origin && origin.previous === former.root && this.soleChange === document.uri.toString()
            ? namesDeclaredIn(origin) : undefined;
        if (former && !changedNames) resetReferences(former.references);
        // The top-level elements outside the re-parsed one that hold a reference linked again.
        const relinked = new Set<AstNode>();
        for (const info of referencesOf(root)) {
            const reference = info.reference;
            if (changedNames && isLinkStarted(reference)) {
                if (!changedNames.has(reference.$refText)) {
                    document.references.push(reference);
                    continue;
                }
                resetReferences([reference]);
                relinked.add(topElementOf(info.container));
            }
            this.doLink(info, document);
        }
        if (changedNames && origin && former) {
            // What the workspace index must collect again: the re-parsed element, and the elements whose links changed.
            relinked.delete(origin.replacement);
            this.index.noteElementChange(root, former.root, [[origin.element, origin.replacement], ...[...relinked].map(element => [element, element] as const)]);
            // A tree whose validation did not finish (cancelled by the next edit) keeps its record, so
            // the next tree's validation can reach the last validated tree through both; a long
            // chain is cut (every tree in it stays alive while the newest one is).
            const before = this.elementChanges.get(former.root);
            let depth = (before?.depth ?? 0) + 1;
            if (depth > MAX_CHAIN) {
                this.elementChanges.delete(former.root);
                depth = 1;
            }
            const lines = document.textDocument.lineCount;
            this.elementChanges.set(root, { previous: former.root, element: origin.element, replacement: origin.replacement, relinked, lines, depth });
        }
    }

    /**
     * How `root` came from the tree linked before it, when only one element was re-parsed
     * and the other elements kept their links but `relinked`. Kept until a validation of
     * `root` finishes (`forgetElementChange`): the document validator walks these records back
     * to the tree it validated last, through trees whose validation was cancelled.
     */
    elementChangeOf(root: AstNode): ElementChange | undefined {
        return this.elementChanges.get(root);
    }

    /** A validation of `root` finished: the trees before it are no longer needed. */
    forgetElementChange(root: AstNode): void {
        this.elementChanges.delete(root);
    }

    /**
     * The references of a document that did not resolve — asked for every document of the
     * workspace after each edit (such documents are linked again, and `unreadNames` reads
     * what they most likely mean). Remembered until the document is linked or unlinked again,
     * instead of a walk over all its references (90,000 in a large file) each time.
     */
    unresolvedReferences(document: LangiumDocument): ReadonlyArray<Reference | MultiReference> {
        let errors = this.linkingErrors.get(document);
        if (errors === undefined) this.linkingErrors.set(document, errors = document.references.filter(ref => ref.error !== undefined));
        return errors;
    }

    override unlink(document: LangiumDocument): void {
        this.index.invalidate(document.parseResult.value);
        this.linkingErrors.delete(document);
        if (this.unlinked.has(document)) {
            // Unlinked again before it was linked: the references are all still put aside.
            super.unlink(document);
            return;
        }
        this.unlinked.set(document, { root: document.parseResult.value, references: document.references });
        document.references = [];
    }
}

/** A tree linked after an edit inside one of its top-level elements (`ProgLinker.elementChangeOf`). */
export interface ElementChange {
    /** The tree linked before. */
    readonly previous: AstNode;
    /** The element re-parsed, and what replaced it. */
    readonly element: AstNode;
    readonly replacement: AstNode;
    /** The other top-level elements whose references were linked again. */
    readonly relinked: ReadonlySet<AstNode>;
    /** The number of lines of the document's text then. */
    readonly lines: number;
    /** How many records lead back from this one (see `MAX_CHAIN`). */
    readonly depth: number;
}

/** Records chained through trees whose validation did not finish, at most. */
const MAX_CHAIN = 16;

/** The IDs declared in the replaced element and in its replacement. */
function namesDeclaredIn(origin: IncrementalOrigin): Set<string> {
    const names = new Set<string>();
    for (const node of [...collectTree(origin.element).nodes, ...collectTree(origin.replacement).nodes]) {
        if (isNamedElement(node) && node.name) names.add(node.name);
    }
    return names;
}
