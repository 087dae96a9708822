import { AstUtils, GrammarAST, isCompositeCstNode, isReference, type AstNode, type CstNode } from 'langium';
import { AbstractSemanticTokenProvider, type LangiumServices, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isNamedElement } from '../references/prog-names.js';
import { isKindKeyword, isPropertyKeyword, isValueKeyword } from './prog-lsp-util.js';

/** The standard token type of each element kind (declarations and references alike). */
export function tokenTypeOf(type: string): string {
    switch (type) {
        case 'Programme': case 'Logic': case 'Portfolio': return SemanticTokenTypes.namespace;
        case 'Actor': case 'Initiative': return SemanticTokenTypes.class;
        case 'Need': case 'Question': return SemanticTokenTypes.interface;
        case 'LogicNode': return SemanticTokenTypes.function;
        case 'Assumption': return SemanticTokenTypes.parameter;
        case 'Indicator': return SemanticTokenTypes.property;
        case 'Project': return SemanticTokenTypes.struct;
        case 'Source': return SemanticTokenTypes.variable;
        case 'Finding': return SemanticTokenTypes.type;
        case 'Criterion': return SemanticTokenTypes.enumMember;
        case 'Assessment': case 'Lesson': return SemanticTokenTypes.type;
        case 'Recommendation': return SemanticTokenTypes.event;
        case 'Report': return SemanticTokenTypes.macro;
        default: return SemanticTokenTypes.variable;
    }
}

/**
 * Semantic tokens with Langium's standard legend: every ID is coloured by the kind of
 * element it names, with the `declaration` modifier where it is declared; resolved
 * references (`@ID` in text included, without the `@`) carry no modifier, unresolved ones
 * get no token. Element keywords are `keyword`, property keywords `property`, enumeration
 * values `enumMember`.
 */
export class ProgSemanticTokenProvider extends AbstractSemanticTokenProvider {
    constructor(services: LangiumServices) {
        super(services);
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | 'prune' | undefined {
        if (isNamedElement(node) && node.name) {
            acceptor({ node, property: 'name', type: tokenTypeOf(node.$type), modifier: SemanticTokenModifiers.declaration });
        }
        for (const info of AstUtils.streamReferences(node)) {
            const reference = info.reference;
            if (!isReference(reference)) continue;
            const target = reference.ref;
            const refNode = reference.$refNode;
            if (!target || !refNode) continue;
            const at = refNode.text.startsWith('@') ? 1 : 0;
            const start = refNode.range.start;
            acceptor({ line: start.line, char: start.character + at, length: refNode.length - at, type: tokenTypeOf(target.$type) });
        }
        const cst = node.$cstNode;
        if (!cst || !isCompositeCstNode(cst)) return;
        for (const leaf of ownKeywordLeaves(cst, node)) {
            const keyword = leaf.grammarSource as GrammarAST.Keyword;
            const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
            let type: string | undefined;
            // `follow-up …` and `measured …` are properties written as nodes of their own.
            if (rule && PROPERTY_RULES.has(rule.name)) type = SemanticTokenTypes.property;
            else if (rule?.name === 'Level' || isKindKeyword(keyword)) type = SemanticTokenTypes.keyword;
            else if (isPropertyKeyword(keyword)) type = SemanticTokenTypes.property;
            else if (isValueKeyword(keyword)) type = SemanticTokenTypes.enumMember;
            else if (/^\p{L}/u.test(keyword.value)) type = SemanticTokenTypes.keyword;
            if (type) acceptor({ cst: leaf, type });
        }
    }
}

/** Rules whose keywords (`follow-up`; `measured`, `from`, `at`) are property keywords. */
const PROPERTY_RULES: ReadonlySet<string> = new Set(['FollowUp', 'Measurement']);

/** Keyword leaves that belong to `node` itself (datatype rule calls included, nested elements not). */
function* ownKeywordLeaves(cst: CstNode, node: AstNode): Generator<CstNode> {
    if (!isCompositeCstNode(cst)) {
        if (GrammarAST.isKeyword(cst.grammarSource)) yield cst;
        return;
    }
    for (const child of cst.content) {
        if (child.astNode === node) yield* ownKeywordLeaves(child, node);
    }
}
