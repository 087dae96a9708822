import { CstUtils, type AstNodeDescription, type LangiumDocument, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem, type LangiumServices
} from 'langium/lsp';
import { CompletionItemKind, CompletionList, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import { kindWord } from '../prog-names.js';
import type { ProgServices } from '../prog-module.js';
import type { ProgWorkspaceIndex } from '../prog-workspace-index.js';
import { completionKind, titleOf } from './prog-lsp-util.js';
import { modelWord } from '../l10n/prog-l10n.js';
import { uiLanguage } from './prog-ui-language.js';

const ID_HEAD = /^[\p{L}\p{M}\p{Nd}_]*/u;
const AT_REF = /(?:^|[^\p{L}\p{Nd}_.\-\\])@([\p{L}][\p{L}\p{M}\p{Nd}_]*)?$/u;

/**
 * Completion. Langium's grammar-driven completion gives the keywords and properties valid
 * at the cursor and the enumeration values; references are the candidates of the typed
 * global scope (so `answers ` offers only questions), with the title as detail and the
 * kind as label detail. Inside a `"""` text, `@` offers every element of the workspace.
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
            items.push({
                label: name,
                kind: completionKind(node.$type),
                detail: titleOf(node),
                labelDetails: { description: modelWord(kindWord(node), language) },
                textEdit: { range, newText: name },
                filterText: name,
                sortText: name
            });
        }
        return CompletionList.create(items, false);
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const node = nodeDescription.node;
        return {
            ...item,
            kind: completionKind(nodeDescription.type),
            detail: node ? titleOf(node) : undefined,
            labelDetails: node ? { description: modelWord(kindWord(node), uiLanguage(this.prog)) } : undefined
        };
    }
}
