import type { LangiumCoreServices, LangiumSharedCoreServices, Module } from 'langium';
import type { LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { ProgCodeActionProvider } from './prog-code-actions.js';
import { ProgCodeLensProvider } from './prog-code-lens.js';
import { ProgCommandHandler } from './prog-commands.js';
import { ProgCompletionProvider } from './prog-completion.js';
import { ProgConfigurationProvider } from './prog-configuration.js';
import { ProgDefinitionProvider } from './prog-definition.js';
import { ProgDocumentLinkProvider } from './prog-document-links.js';
import { ProgFoldingRangeProvider } from './prog-folding.js';
import { ProgFormatter } from './prog-formatter.js';
import { ProgDocumentHighlightProvider } from './prog-highlight.js';
import { ProgHoverProvider } from './prog-hover.js';
import { ProgInlayHintProvider } from './prog-inlay-hints.js';
import { ProgReferenceDescriptionProvider } from './prog-references.js';
import { ProgRenameProvider } from './prog-rename.js';
import { ProgSemanticTokenProvider } from './prog-semantic-tokens.js';
import { ProgDocumentSymbolProvider, ProgNodeKindProvider, ProgWorkspaceSymbolProvider } from './prog-symbols.js';
import { ProgWorkspaceManager } from './prog-workspace-manager.js';
import { ProgDocumentUpdateHandler } from './prog-workspace-watch.js';

/**
 * The editor features of the `.prog` language server, one file per feature, each reading
 * the same typed global scope and workspace index as validation.
 */
export const ProgLspModule: Module<LangiumServices, PartialLangiumServices> = {
    lsp: {
        CompletionProvider: services => new ProgCompletionProvider(services),
        HoverProvider: services => new ProgHoverProvider(services),
        DefinitionProvider: services => new ProgDefinitionProvider(services),
        DocumentHighlightProvider: services => new ProgDocumentHighlightProvider(services),
        RenameProvider: services => new ProgRenameProvider(services),
        DocumentSymbolProvider: services => new ProgDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new ProgFoldingRangeProvider(services),
        SemanticTokenProvider: services => new ProgSemanticTokenProvider(services),
        DocumentLinkProvider: services => new ProgDocumentLinkProvider(services),
        Formatter: () => new ProgFormatter(),
        CodeLensProvider: services => new ProgCodeLensProvider(services),
        InlayHintProvider: services => new ProgInlayHintProvider(services),
        CodeActionProvider: services => new ProgCodeActionProvider(services)
    },
    workspace: {
        ReferenceDescriptionProvider: (services: LangiumCoreServices) => new ProgReferenceDescriptionProvider(services)
    }
};

/** Shared services of the server: file watching, settings, workspace symbols, kinds, commands. */
export const ProgSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        DocumentUpdateHandler: shared => new ProgDocumentUpdateHandler(shared),
        WorkspaceSymbolProvider: shared => new ProgWorkspaceSymbolProvider(shared),
        NodeKindProvider: () => new ProgNodeKindProvider(),
        ExecuteCommandHandler: shared => new ProgCommandHandler(shared)
    },
    workspace: {
        ConfigurationProvider: (shared: LangiumSharedCoreServices) => new ProgConfigurationProvider(shared as LangiumSharedServices),
        WorkspaceManager: (shared: LangiumSharedCoreServices) => new ProgWorkspaceManager(shared)
    }
};
