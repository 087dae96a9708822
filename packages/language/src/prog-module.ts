import '../polyfill.cjs';
import {
    inject, type DeepPartial, type Module, type LangiumSharedCoreServices, type DefaultSharedCoreModuleContext,
    createDefaultCoreModule, createDefaultSharedCoreModule, type LangiumCoreServices, type PartialLangiumCoreServices,
    type PartialLangiumSharedCoreServices
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { ProgGeneratedModule, ProgGeneratedSharedModule } from './generated/module.js';
import { ProgTokenBuilder } from './parser/prog-token-builder.js';
import { ProgLexer } from './parser/prog-lexer.js';
import { createProgParser } from './parser/prog-parser.js';
import { ProgFileSystemProvider } from './workspace/prog-file-system.js';
import { ProgLexerErrorMessageProvider, ProgParserErrorMessageProvider } from './parser/prog-parser-messages.js';
import { ProgValueConverter } from './parser/prog-value-converter.js';
import { ProgScopeComputation, ProgScopeProvider } from './references/prog-scope.js';
import { ProgLinker } from './references/prog-linker.js';
import { ProgValidationRegistry } from './validation/prog-validation-registry.js';
import { ProgDocumentValidator } from './workspace/prog-document-validator.js';
import { ProgDocumentBuilder } from './workspace/prog-document-builder.js';
import { ProgIndexManager } from './references/prog-index-manager.js';
import { ProgAstNodeDescriptionProvider } from './model/prog-descriptions.js';
import { ProgDocumentFactory } from './workspace/prog-document-factory.js';
import { ProgWorkspaceIndex } from './workspace/prog-workspace-index.js';
import { ProgWorkspaceSettings } from './workspace/prog-settings.js';
import { ProgBibliography } from './model/prog-bibliography.js';
import { ProgTableData } from './workspace/prog-table-data.js';
import { ProgTranscripts } from './workspace/prog-transcripts.js';
import { registerValidationChecks } from './validation/prog-validator.js';
import { EDITOR_BUILD, type BuildProfile, type ProgSharedAddedServices } from './workspace/prog-build-profile.js';
import { assertLangiumVersion, runningLangiumVersion } from './langium-internals/langium-version.js';

/** Services added to Langium's. */
export interface ProgAddedServices {
    workspace: {
        WorkspaceIndex: ProgWorkspaceIndex;
        Settings: ProgWorkspaceSettings;
        Bibliography: ProgBibliography;
        /** The CSV files of tables and charts, read once per change (prog-table-data.ts). */
        TableData: ProgTableData;
        /** Transcripts that quotes are checked against, read once per change (prog-transcripts.ts). */
        Transcripts: ProgTranscripts;
    };
}

export type ProgCoreServices = LangiumCoreServices & ProgAddedServices;
export type ProgServices = LangiumServices & ProgAddedServices;

export type ProgModule = Module<ProgCoreServices, PartialLangiumCoreServices & DeepPartial<ProgAddedServices>>;

/** The language's own services, shared by the core services here and the language server's (lsp/prog-services.ts). */
export function progModule(): ProgModule {
    // The services patch Langium internals: a Langium other than the one they were written for fails here.
    assertLangiumVersion(runningLangiumVersion());
    return {
        parser: {
            // Every decision of the grammar is LL(2) at most: chevrotain's LL(k) lookahead is
            // much cheaper than the default ALL(*) analysis on every alternative.
            ParserConfig: () => ({ maxLookahead: 2 }),
            LangiumParser: (services: LangiumCoreServices) => createProgParser(services),
            TokenBuilder: () => new ProgTokenBuilder(),
            Lexer: (services: LangiumCoreServices) => new ProgLexer(services),
            ParserErrorMessageProvider: (services: LangiumCoreServices) => new ProgParserErrorMessageProvider(services.Grammar),
            LexerErrorMessageProvider: () => new ProgLexerErrorMessageProvider(),
            ValueConverter: () => new ProgValueConverter()
        },
        references: {
            ScopeComputation: (services: LangiumCoreServices) => new ProgScopeComputation(services),
            ScopeProvider: (services: LangiumCoreServices) => new ProgScopeProvider(services),
            Linker: (services: ProgCoreServices) => new ProgLinker(services)
        },
        validation: {
            ValidationRegistry: (services: ProgCoreServices) => new ProgValidationRegistry(services),
            DocumentValidator: (services: ProgCoreServices) => new ProgDocumentValidator(services)
        },
        workspace: {
            AstNodeDescriptionProvider: (services: ProgCoreServices) => new ProgAstNodeDescriptionProvider(services),
            WorkspaceIndex: (services: ProgCoreServices) => new ProgWorkspaceIndex(services.shared, () => services.references.Linker as ProgLinker),
            Settings: () => new ProgWorkspaceSettings(),
            Bibliography: () => new ProgBibliography(),
            TableData: () => new ProgTableData(),
            Transcripts: (services: ProgCoreServices) => {
                const transcripts = new ProgTranscripts();
                services.shared.workspace.DocumentBuilder.onUpdate(() => transcripts.newBuild());
                return transcripts;
            }
        }
    };
}

export const sharedCoreModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        FileSystemProvider: () => new ProgFileSystemProvider(),
        DocumentBuilder: (shared: LangiumSharedCoreServices) => new ProgDocumentBuilder(shared),
        LangiumDocumentFactory: (shared: LangiumSharedCoreServices) => new ProgDocumentFactory(shared),
        IndexManager: (shared: LangiumSharedCoreServices) => new ProgIndexManager(shared)
    }
};

/**
 * Without an editor nobody asks where an element is referenced from (the rules read the
 * workspace index), so the core services keep no reference descriptions: the index
 * manager records only which documents each document references.
 */
const sharedCoreOnlyModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        IndexManager: (shared: LangiumSharedCoreServices) => new ProgIndexManager(shared, { describeReferences: false })
    }
};

/** Language services without LSP features: for the CLI, the report generator and tests. */
export function createProgCoreServices(context: DefaultSharedCoreModuleContext, profile: BuildProfile = EDITOR_BUILD): { shared: LangiumSharedCoreServices; Prog: ProgCoreServices } {
    const withProfile: Module<ProgSharedAddedServices, ProgSharedAddedServices> = { workspace: { BuildProfile: () => profile } };
    const shared = inject(createDefaultSharedCoreModule(context), ProgGeneratedSharedModule, sharedCoreModule, sharedCoreOnlyModule, withProfile);
    const Prog = inject(createDefaultCoreModule({ shared }), ProgGeneratedModule, progModule());
    shared.ServiceRegistry.register(Prog);
    registerValidationChecks(Prog);
    return { shared, Prog };
}
