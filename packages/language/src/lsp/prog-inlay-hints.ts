import { AstUtils, isReference, type AstNode, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor, type LangiumServices } from 'langium/lsp';
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver';
import type { ConfigurationProvider } from 'langium';
import { titleOf } from './prog-lsp-util.js';

export const INLAY_TITLE_MAX = 40;

/**
 * Inlay hints: the title of the referenced element after each reference ID (not after
 * `@ID` in prose). Turned off with the setting `sporbar.inlayHints.titles`, read through
 * `workspace/configuration` (default on).
 */
export class ProgInlayHintProvider extends AbstractInlayHintProvider {
    private readonly configuration: ConfigurationProvider;
    private readonly languageId: string;

    constructor(services: LangiumServices) {
        super();
        this.configuration = services.shared.workspace.ConfigurationProvider;
        this.languageId = services.LanguageMetaData.languageId;
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken?: CancellationToken): Promise<InlayHint[] | undefined> {
        if (!(await this.titlesEnabled())) return [];
        return super.getInlayHints(document, params, cancelToken);
    }

    private async titlesEnabled(): Promise<boolean> {
        const inlayHints = await this.configuration.getConfiguration(this.languageId, 'inlayHints') as unknown;
        if (inlayHints && typeof inlayHints === 'object' && 'titles' in inlayHints) return (inlayHints as { titles: unknown }).titles !== false;
        const flat = await this.configuration.getConfiguration(this.languageId, 'inlayHints.titles') as unknown;
        return flat !== false;
    }

    override computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (node.$type === 'TextRef') return;
        for (const info of AstUtils.streamReferences(node)) {
            const reference = info.reference;
            if (!isReference(reference) || !reference.ref || !reference.$refNode) continue;
            const title = titleOf(reference.ref);
            if (!title) continue;
            const label = title.length > INLAY_TITLE_MAX ? title.slice(0, INLAY_TITLE_MAX - 1) + '…' : title;
            acceptor({ position: reference.$refNode.range.end, label, paddingLeft: true, tooltip: title });
        }
    }
}
