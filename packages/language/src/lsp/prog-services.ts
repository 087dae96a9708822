import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumSharedServices,
    type PartialLangiumServices
} from 'langium/lsp';
import { ProgGeneratedModule, ProgGeneratedSharedModule } from '../generated/module.js';
import { progModule, sharedCoreModule, type ProgServices } from '../prog-module.js';
import { registerValidationChecks } from '../validation/prog-validator.js';
import { ProgLspModule, ProgSharedLspModule } from './prog-lsp-module.js';

/**
 * The full language server's services. Kept apart from `createProgCoreServices`
 * (prog-module.ts) so that `sporbar validate`, which needs only the core, does not load
 * Langium's LSP layer and vscode-languageserver.
 */
export function createProgServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Prog: ProgServices } {
    const shared = inject(createDefaultSharedModule(context), ProgGeneratedSharedModule, sharedCoreModule, ProgSharedLspModule);
    const Prog = inject(createDefaultModule({ shared }), ProgGeneratedModule, progModule(), ProgLspModule as Module<ProgServices, PartialLangiumServices>);
    shared.ServiceRegistry.register(Prog);
    registerValidationChecks(Prog);
    return { shared, Prog };
}
