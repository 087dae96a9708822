/**
 * Patch of Langium 4.4.0's references (`references/linker.js`: `DefaultLinker.buildReference`,
 * `unlink`, `resolveReference`), which read and write the private fields `_ref`,
 * `_nodeDescription`, `_items` and `_linkingError` of its reference objects.
 *
 * Upstream change it stands for: "references with all fields from the constructor" —
 * Langium's reference gets `_nodeDescription` only when it is linked, which moves the field
 * out of the object into a separate property array (90,000 of them for 1,000 files), and its
 * `unlink` deletes the field again. Written against langium 4.4.0 (langium-version.ts checks it).
 */
import { isLinkingError, type AstNode, type AstNodeDescription, type CstNode, type DefaultMultiReference, type DefaultReference, type LinkingError, type MultiReference, type Reference } from 'langium';

/** The resolver Langium's linker hands its references (`DefaultLinker.referenceResolver`, protected there). */
export interface ReferenceResolver {
    resolveReference(reference: DefaultReference, node: AstNode, property: string): AstNode | undefined;
}

/**
 * Langium's reference, with every field it ever gets made in the constructor (the fields
 * Langium's linker writes: `_ref`, `_nodeDescription`).
 */
class ProgReference implements DefaultReference {
    _ref: DefaultReference['_ref'] = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;

    constructor(
        private readonly resolver: ReferenceResolver,
        private readonly node: AstNode,
        private readonly property: string,
        readonly $refNode: CstNode | undefined,
        readonly $refText: string
    ) {}

    get ref(): AstNode | undefined {
        return this.resolver.resolveReference(this, this.node, this.property);
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }
}

/** A reference for `DefaultLinker.buildReference`, resolved by the linker's `referenceResolver`. */
export function createReference(resolver: ReferenceResolver, node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
    return new ProgReference(resolver, node, property, refNode, refText);
}

function isSingle(reference: Reference | MultiReference): reference is DefaultReference {
    return '_ref' in reference;
}

function isMulti(reference: Reference | MultiReference): reference is DefaultMultiReference {
    return '_items' in reference;
}

/** Whether Langium's linker has started or finished linking a single reference (its `_ref` is set). */
export function isLinkStarted(reference: Reference | MultiReference): boolean {
    return isSingle(reference) && reference._ref !== undefined;
}

/** What Langium's `unlink` does to each reference, without deleting fields of ours (a delete changes the object's shape). */
export function resetReferences(references: ReadonlyArray<Reference | MultiReference>): void {
    for (const reference of references) {
        if (isSingle(reference)) {
            reference._ref = undefined;
            reference._nodeDescription = undefined;
        } else if (isMulti(reference)) {
            reference._items = undefined;
            delete reference._linkingError;
        }
    }
}
