import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CodeLensRefreshRequest, type InitializeParams } from 'vscode-languageserver';
import { isLanguageSetting, resolveLanguage, translateDiagnostic, type LanguageSetting, type UiLanguage } from '../l10n/prog-l10n.js';
import type { ProgServices } from '../prog-module.js';

/**
 * The language the server speaks (`sporbar.language`: nb, nn, en or auto). `auto` is the
 * workspace's: `sporbar.json`'s `language`, else the language of its reports, else bokmål
 * (l10n/prog-l10n.ts `resolveLanguage`).
 */
export function uiLanguage(services: ProgServices): UiLanguage {
    const settings = services.workspace.Settings;
    if (settings.editorLanguage !== 'auto') return settings.editorLanguage;
    if (settings.config.language) return settings.config.language;
    return resolveLanguage('auto', undefined, services.workspace.WorkspaceIndex.reportLanguages());
}

/**
 * Wires the setting into the server. It arrives in `initializationOptions.language`, is
 * read again from the `sporbar` section once the client answers `workspace/configuration`,
 * and follows `workspace/didChangeConfiguration`. Diagnostics are translated where they
 * leave the server (`textDocument/publishDiagnostics`): the checks build English messages,
 * and a change of language publishes every document's diagnostics again, translated, with
 * no rebuild. Code lenses are asked for again; hovers, quick fixes and completion read the
 * language when they are asked.
 */
export function startUiLanguage(shared: LangiumSharedServices, prog: ProgServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    const settings = prog.workspace.Settings;
    let codeLensRefresh = false;

    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => {
        const language = uiLanguage(prog);
        return send(language === 'en' ? params : { ...params, diagnostics: params.diagnostics.map(d => translateDiagnostic(d, language)) });
    };

    let current: UiLanguage | undefined;
    // What the client said at start; a configuration without `language` keeps it.
    let initial: LanguageSetting = 'auto';
    const apply = (value: unknown) => {
        settings.editorLanguage = isLanguageSetting(value) ? value : initial;
        const language = uiLanguage(prog);
        if (current === undefined) { current = language; return; }
        if (language === current) return;
        current = language;
        for (const document of shared.workspace.LangiumDocuments.all) {
            if (document.state >= DocumentState.Validated && document.diagnostics) {
                void send({ uri: document.uri.toString(), diagnostics: document.diagnostics.map(d => translateDiagnostic(d, language)) });
            }
        }
        if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    };

    shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
        codeLensRefresh = Boolean(params.capabilities.workspace?.codeLens?.refreshSupport);
        const options = params.initializationOptions as { language?: unknown } | undefined;
        initial = settings.editorLanguage = isLanguageSetting(options?.language) ? options.language : 'auto';
    });
    const configuration = shared.workspace.ConfigurationProvider;
    void configuration.ready.then(async () => {
        const value = await configuration.getConfiguration(prog.LanguageMetaData.languageId, 'language');
        if (value !== undefined) apply(value);
        else current = uiLanguage(prog);
    });
    configuration.onConfigurationSectionUpdate(update => {
        if (update.section !== 'sporbar') return;
        const section = update.configuration as { language?: unknown } | undefined;
        apply(section?.language);
    });
}
