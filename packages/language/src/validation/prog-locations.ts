import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode } from 'langium';
import * as path from 'node:path';
import { DiagnosticRelatedInformation, Location, type Range } from 'vscode-languageserver-protocol';

/** Where things are, for diagnostics and their related information. */

/** The range of a property (or one value of a list property); the whole node when absent. */
export function propertyRange(node: AstNode, property: string, index?: number): Range {
    return GrammarUtils.findNodeForProperty(node.$cstNode, property, index)?.range ?? node.$cstNode!.range;
}

export function nameRange(node: AstNode): Range {
    return propertyRange(node, 'name');
}

/** The first occurrence of a keyword that belongs to `node` itself (not to a nested element). */
export function ownKeyword(node: AstNode, keyword: string): CstNode | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    for (const leaf of ownLeaves(cst, node)) {
        if (GrammarAST.isKeyword(leaf.grammarSource) && leaf.grammarSource.value === keyword) return leaf;
    }
    return undefined;
}

function* ownLeaves(cst: CstNode, node: AstNode): Generator<CstNode> {
    if (!isCompositeCstNode(cst)) {
        yield cst;
        return;
    }
    for (const child of cst.content) {
        if (child.astNode === node) yield* ownLeaves(child, node);
    }
}

export function uriOf(node: AstNode): string {
    return AstUtils.getDocument(node).uri.toString();
}

/** Related information at a range of the document that holds `node`. */
export function relatedAt(node: AstNode, range: Range, message: string): DiagnosticRelatedInformation {
    return DiagnosticRelatedInformation.create(Location.create(uriOf(node), range), message);
}

/** Related information at a property of a node (its ID by default). */
export function relatedTo(node: AstNode, message: string, property = 'name', index?: number): DiagnosticRelatedInformation {
    return relatedAt(node, propertyRange(node, property, index), message);
}

/**
 * The file of a node as messages name it: its path relative to the workspace folder, with
 * `/` (`sources/intervjuer.prog`); the file name alone when there is no root or the file
 * lies outside it. Two files of the same name in different folders are thus told apart.
 */
export function workspacePath(node: AstNode, root: string | undefined): string {
    const uri = AstUtils.getDocument(node).uri;
    const base = uri.path.substring(uri.path.lastIndexOf('/') + 1);
    if (root === undefined || uri.scheme !== 'file') return base;
    const relative = path.relative(root, uri.fsPath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return base;
    return relative.split(path.sep).join('/');
}

/** `folder/file.prog:12` for messages. */
export function place(node: AstNode, root: string | undefined): string {
    return `${workspacePath(node, root)}:${nameRange(node).start.line + 1}`;
}

/** `a, b and c`. */
export function listWords(words: readonly string[]): string {
    if (words.length <= 1) return words.join('');
    return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** At most `max` related entries: a diagnostic stays readable on a big workspace. */
export const MAX_RELATED = 20;
