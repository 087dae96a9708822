import { AstUtils, CstUtils, GrammarAST, type AstNode, type AstNodeDescription, type LangiumDocument, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem,
    type LangiumServices
} from 'langium/lsp';
import { CompletionItemKind, CompletionList, InsertTextFormat, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import { kindWord } from '../references/prog-names.js';
import type { ProgServices } from '../prog-module.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { completionKind, isKindKeyword, titleOf } from './prog-lsp-util.js';
import { snippetsFor } from './prog-snippets.js';
import { modelWord, type UiLanguage } from '../l10n/prog-l10n.js';
import { uiLanguage } from './prog-ui-language.js';

const ID_HEAD = /^[\p{L}\p{M}\p{Nd}_]*/u;
const AT_REF = /(?:^|[^\p{L}\p{Nd}_.\-\\])@([\p{L}][\p{L}\p{M}\p{Nd}_]*)?$/u;

/** Titles longer than this are cut in the completion list (the detail pane shows them whole). */
const TITLE_IN_LIST = 60;

/**
 * Completion. Langium's grammar-driven completion gives the keywords and properties valid
 * at the cursor and the enumeration values; references are the candidates of the typed
 * global scope (so `answers ` offers only questions). A reference is found by its ID or by
 * words of its title (researchers remember "the focus group", not "FG01"): the list shows
 * the title after the ID and the kind, and the filter text holds both. Where an element
 * may start, its snippet takes the place of its keyword (prog-snippets.ts), so the
 * snippet is what Tab accepts; its placeholders and description are in the editor's language. Inside a `"""` text, `@` offers every element.
 */
export class ProgCompletionProvider extends DefaultCompletionProvider {
    private readonly index: ProgWorkspaceIndex;
    private readonly prog: ProgServices;

    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['@'] };

    constructor(services: LangiumServices) {
        super(services);
        this.prog = services as ProgServices;
        this.index = this.prog.workspace.WorkspaceIndex;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const inText = this.textReferenceCompletion(document, params);
        if (inText) return inText;
        const result = await super.getCompletion(document, params, cancelToken);
        if (result) result.items = result.items.filter(item => !(item.kind === CompletionItemKind.Keyword && /^[{},]$/.test(item.label)));
        return result;
    }

    /** `@` or `@Pre|` inside a text: every element, the edit replacing only the ID after the `@`. */
    private textReferenceCompletion(document: LangiumDocument, params: CompletionParams): CompletionList | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, Math.max(0, offset - 1));
        const tokenName = leaf?.tokenType?.name;
        if (!leaf || !(tokenName === 'TEXT_CHUNK' || tokenName === 'TEXT_REF') || offset <= leaf.offset || offset > leaf.end) return undefined;
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        const before = text.substring(Math.max(lineStart, offset - 200), offset);
        const match = AT_REF.exec(before);
        if (!match) return undefined;
        const typed = match[1] ?? '';
        const start = offset - typed.length;
        const rest = ID_HEAD.exec(text.substring(offset))![0];
        const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(offset + rest.length) };
        const items: CompletionItem[] = [];
        const language = uiLanguage(this.prog);
        for (const [name, nodes] of this.index.data.declarations) {
            const node = nodes[0];
            const title = titleOf(node);
            items.push({
                label: name,
                kind: completionKind(node.$type),
                detail: title,
                labelDetails: labelDetails(node, language),
                textEdit: { range, newText: name },
                filterText: title ? `${name} ${title}` : name,
                sortText: name
            });
        }
        return CompletionList.create(items, false);
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const node = nodeDescription.node;
        const title = node ? titleOf(node) : undefined;
        const result: CompletionValueItem = {
            ...item,
            kind: completionKind(nodeDescription.type),
            detail: title,
            labelDetails: node ? labelDetails(node, uiLanguage(this.prog)) : undefined,
            filterText: title ? `${nodeDescription.name} ${title}` : nodeDescription.name
        };
        // Typed words that are not the start of the ID but occur in the title: the edit
        // replaces them with the ID (Langium's own edit requires the ID to match).
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        if (typed && !this.fuzzyMatcher.match(typed, nodeDescription.name) && matchesTitle(typed, title)) {
            result.textEdit = {
                range: { start: context.textDocument.positionAt(context.tokenOffset), end: context.position },
                newText: nodeDescription.name
            };
        }
        return result;
    }

    /**
     * Element and logic-level keywords become their snippets (when the client takes snippets);
     * so do the few property keywords with a snippet (`ethics`, `measured`, …: each stands in one place only).
     */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        const snippets = this.clientCapabilities?.completionItem?.snippetSupport
            ? snippetsFor(keyword.value, uiLanguage(this.prog)).filter(snippet => snippet.property || startsElement(keyword))
            : [];
        if (snippets.length === 0) {
            void super.completionForKeyword(context, keyword, acceptor);
            return;
        }
        for (const snippet of snippets) {
            const body = snippet.body.join('\n');
            acceptor(context, {
                label: snippet.label,
                kind: CompletionItemKind.Snippet,
                detail: snippet.description,
                documentation: { kind: 'markdown', value: '```prog\n' + snippetPreview(body) + '\n```' },
                insertText: body,
                insertTextFormat: InsertTextFormat.Snippet,
                filterText: snippet.label,
                // Before keywords ('1') and after references ('0'), which never compete with it.
                sortText: '0~'
            });
        }
    }
}

/** `finding`, `source`, … at the start of an element, and the level of a logic node. */
function startsElement(keyword: GrammarAST.Keyword): boolean {
    if (isKindKeyword(keyword)) return true;
    return AstUtils.getContainerOfType(keyword as AstNode, GrammarAST.isParserRule)?.name === 'Level';
}

/** A snippet body as the text it inserts with its defaults. */
function snippetPreview(body: string): string {
    const values = new Map<string, string>();
    let text = body.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, n: string, choices: string) => { const v = choices.split(',')[0]; values.set(n, v); return v; });
    for (let i = 0; i < 3; i++) text = text.replace(/\$\{(\d+):([^${}]*)\}/g, (_m, n: string, v: string) => { values.set(n, v); return v; });
    return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a?: string, b?: string) => values.get(a ?? b ?? '') ?? '').replace(/\t/g, '    ');
}

function labelDetails(node: AstNode, language: UiLanguage): CompletionItem['labelDetails'] {
    const title = titleOf(node);
    const shown = title && title.length > TITLE_IN_LIST ? `${title.slice(0, TITLE_IN_LIST - 1)}…` : title;
    // A source is shown by its kind (`focus-group`, `interview`): shorter and more telling.
    const kind = node.$type === 'Source' ? (node as ast.Source).kind : kindWord(node);
    return { detail: shown ? ` ${shown}` : undefined, description: modelWord(kind, language) };
}

function fold(text: string): string {
    return text.normalize('NFC').toLocaleLowerCase('nb');
}

/** The typed text occurs in the title (case-insensitive). */
function matchesTitle(typed: string, title: string | undefined): boolean {
    return title !== undefined && typed.length >= 2 && fold(title).includes(fold(typed));
}
