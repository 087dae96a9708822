import { AstUtils, type AstNode, type AstNodeDescription, type LangiumDocument } from 'langium';
import {
    DefaultDocumentSymbolProvider, DefaultNodeKindProvider, DefaultWorkspaceSymbolProvider, type LangiumServices, type LangiumSharedServices
} from 'langium/lsp';
import { CompletionItemKind, SymbolKind, type DocumentSymbol, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import { isNamedElement, kindWord } from '../references/prog-names.js';
import { completionKind, nameNode, symbolKind, titleOf } from './prog-lsp-util.js';

function typeOf(node: AstNode | AstNodeDescription): string {
    return 'type' in node && typeof node.type === 'string' ? node.type : (node as AstNode).$type;
}

/** Symbol and completion kinds by element type. */
export class ProgNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return symbolKind(typeOf(node));
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return completionKind(typeOf(node));
    }
}

/**
 * The outline: top-level elements, with logic → nodes, assumptions and indicators (nodes →
 * their indicators), portfolio → projects and report → sections nested; the title is the
 * detail.
 */
export class ProgDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    constructor(services: LangiumServices) {
        super(services);
    }

    override getSymbols(document: LangiumDocument): DocumentSymbol[] {
        return this.symbolsOf(document.parseResult.value);
    }

    private symbolsOf(node: AstNode): DocumentSymbol[] {
        const result: DocumentSymbol[] = [];
        for (const child of AstUtils.streamContents(node)) {
            const cst = child.$cstNode;
            if (!cst) continue;
            if (isNamedElement(child) && child.name) {
                const name = nameNode(child) ?? cst;
                const children = this.symbolsOf(child);
                const kind = child.$type === 'Source' ? `source (${(child as { kind?: string }).kind})` : kindWord(child);
                result.push({
                    name: child.name,
                    detail: `${kind}${titleOf(child) ? ` — ${titleOf(child)}` : ''}`,
                    kind: symbolKind(child.$type),
                    range: cst.range,
                    selectionRange: name.range,
                    children: children.length ? children : undefined
                });
            } else if (child.$type === 'Section') {
                result.push({
                    name: titleOf(child) || 'section',
                    detail: 'section',
                    kind: SymbolKind.String,
                    range: cst.range,
                    selectionRange: cst.range
                });
            }
        }
        return result;
    }
}

/** Workspace symbols: every element whose ID or title matches the query. */
export class ProgWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    constructor(services: LangiumSharedServices) {
        super(services);
    }

    override async getSymbols(params: WorkspaceSymbolParams, _cancelToken?: CancellationToken): Promise<WorkspaceSymbol[]> {
        const query = params.query.toLowerCase();
        const result: WorkspaceSymbol[] = [];
        for (const description of this.indexManager.allElements()) {
            const title = description.node ? titleOf(description.node) ?? '' : '';
            if (!this.fuzzyMatcher.match(query, description.name) && !(query && title.toLowerCase().includes(query))) continue;
            const symbol = this.getWorkspaceSymbol(description);
            if (symbol) {
                symbol.containerName = description.node ? `${kindWord(description.node)}${title ? ` — ${title}` : ''}` : undefined;
                result.push(symbol);
            }
        }
        return result;
    }
}
