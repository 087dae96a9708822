import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode, type Grammar, type LangiumDocument } from 'langium';
import { CompletionItemKind, SymbolKind, type Range } from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import { isNamedElement, kindWord, type NamedElement } from '../references/prog-names.js';
import { ID_REGEX } from '../parser/prog-token-builder.js';
import { workspacePath } from '../validation/prog-locations.js';

/** Helpers shared by the editor features (one place for kinds, titles and ID ranges). */

export function titleOf(node: AstNode): string | undefined {
    const title = (node as { title?: unknown }).title;
    return typeof title === 'string' ? title : undefined;
}

/** `source I01 (interview)`, `outcome Samarbeid`, … */
export function describe(node: NamedElement): string {
    return `${kindWord(node)} ${node.name}`;
}

export function nameNode(node: AstNode): CstNode | undefined {
    return GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
}

/** The range of a reference or name without the `@` of an `@ID` in text. */
export function idRange(cst: CstNode): Range {
    const range = cst.range;
    if (cst.text.startsWith('@')) {
        return { start: { line: range.start.line, character: range.start.character + 1 }, end: range.end };
    }
    return range;
}

export function idOffset(cst: CstNode): { offset: number; end: number } {
    return cst.text.startsWith('@') ? { offset: cst.offset + 1, end: cst.end } : { offset: cst.offset, end: cst.end };
}

/** The file of a node as messages name it: relative to the workspace folder (prog-locations.ts). */
export function fileName(node: AstNode, root: string | undefined): string {
    return workspacePath(node, root);
}

export function lineOf(node: AstNode): number {
    return (nameNode(node) ?? node.$cstNode)?.range.start.line ?? 0;
}

/** Symbol kinds, one per element type (outline, workspace symbols). */
export function symbolKind(type: string): SymbolKind {
    switch (type) {
        case 'Programme': return SymbolKind.Module;
        case 'Actor': return SymbolKind.Class;
        case 'Need': return SymbolKind.Interface;
        case 'Question': return SymbolKind.Interface;
        case 'Logic': return SymbolKind.Namespace;
        case 'LogicNode': return SymbolKind.Function;
        case 'Assumption': return SymbolKind.Boolean;
        case 'Indicator': return SymbolKind.Number;
        case 'Portfolio': return SymbolKind.Package;
        case 'Project': return SymbolKind.Struct;
        case 'Source': return SymbolKind.File;
        case 'Finding': return SymbolKind.Property;
        case 'Criterion': return SymbolKind.EnumMember;
        case 'Assessment': return SymbolKind.Constant;
        case 'Recommendation': return SymbolKind.Event;
        case 'Lesson': return SymbolKind.Key;
        case 'Initiative': return SymbolKind.Object;
        case 'Report': return SymbolKind.Array;
        case 'Section': return SymbolKind.String;
        default: return SymbolKind.Field;
    }
}

export function completionKind(type: string): CompletionItemKind {
    switch (type) {
        case 'Programme': case 'Logic': case 'Portfolio': return CompletionItemKind.Module;
        case 'Actor': case 'Initiative': return CompletionItemKind.Class;
        case 'Need': case 'Question': return CompletionItemKind.Interface;
        case 'LogicNode': return CompletionItemKind.Function;
        case 'Assumption': case 'Indicator': return CompletionItemKind.Property;
        case 'Project': return CompletionItemKind.Struct;
        case 'Source': return CompletionItemKind.File;
        case 'Finding': return CompletionItemKind.Variable;
        case 'Criterion': return CompletionItemKind.EnumMember;
        case 'Recommendation': return CompletionItemKind.Event;
        default: return CompletionItemKind.Reference;
    }
}

const reservedCache = new WeakMap<Grammar, ReadonlySet<string>>();

/** Every keyword of the grammar that has the shape of an ID: IDs may not be one of them. */
export function reservedWords(grammar: Grammar): ReadonlySet<string> {
    let words = reservedCache.get(grammar);
    if (!words) {
        const set = new Set<string>();
        for (const node of AstUtils.streamAllContents(grammar)) {
            if (GrammarAST.isKeyword(node) && /^[\p{L}][\p{L}\p{Nd}_-]*$/u.test(node.value)) set.add(node.value);
        }
        reservedCache.set(grammar, words = set);
    }
    return words;
}

/** Why a new ID is not acceptable, or undefined when it is. */
export function idProblem(name: string, grammar: Grammar, taken: (name: string) => readonly AstNode[], self?: AstNode, root?: string): string | undefined {
    if (!ID_REGEX.test(name)) return `'${name}' is not a valid ID: an ID starts with a letter followed by letters, digits or _`;
    if (reservedWords(grammar).has(name)) return `'${name}' is a reserved word and cannot be an ID`;
    const others = taken(name).filter(node => node !== self);
    if (others.length > 0) {
        const other = others[0];
        return `'${name}' is already taken by the ${kindWord(other)} in ${fileName(other, root)}:${lineOf(other) + 1}`;
    }
    return undefined;
}

/** Property-start keyword: the first keyword of one alternative of an element's property loop. */
export function isPropertyKeyword(keyword: GrammarAST.Keyword): boolean {
    const group = keyword.$container as AstNode;
    return GrammarAST.isGroup(group) && group.elements[0] === keyword && GrammarAST.isAlternatives(group.$container);
}

/** Element kind keyword: `programme`, `finding`, `section`, … (the first token of a rule). */
export function isKindKeyword(keyword: GrammarAST.Keyword): boolean {
    const group = keyword.$container as AstNode;
    return GrammarAST.isGroup(group) && group.elements[0] === keyword && GrammarAST.isParserRule(group.$container);
}

/** A value keyword: an enumeration value (datatype rule) or a fixed value such as `named`. */
export function isValueKeyword(keyword: GrammarAST.Keyword): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    if (rule && GrammarUtils.isDataTypeRule(rule)) return true;
    return GrammarAST.isAssignment(keyword.$container as AstNode);
}

export function isTextBlock(node: AstNode | undefined): node is ast.TextBlock {
    return node?.$type === 'TextBlock';
}

export function elementOf(node: AstNode | undefined): NamedElement | undefined {
    let current = node;
    while (current && !isNamedElement(current)) current = current.$container;
    return current;
}

export function documentOf(node: AstNode): LangiumDocument {
    return AstUtils.getDocument(node);
}
