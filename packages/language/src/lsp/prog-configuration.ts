import { DefaultConfigurationProvider, type ConfigurationInitializedParams } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

/** The settings section of the editor: `sporbar.*` (e.g. `sporbar.inlayHints.titles`). */
export const SETTINGS_SECTION = 'sporbar';

/**
 * Editor settings, read through `workspace/configuration` from the section `sporbar` (not
 * the language ID `prog`). When they change, the client is asked to refresh inlay hints.
 */
export class ProgConfigurationProvider extends DefaultConfigurationProvider {
    private inlayHintRefresh = false;

    constructor(private readonly shared: LangiumSharedServices) {
        super(shared);
        shared.lsp.LanguageServer.onInitialize(params => {
            this.inlayHintRefresh = Boolean(params.capabilities.workspace?.inlayHint?.refreshSupport);
        });
        this.onConfigurationSectionUpdate(() => {
            if (this.inlayHintRefresh) void this.shared.lsp.Connection?.languages.inlayHint.refresh().catch(() => undefined);
        });
    }

    protected override toSectionName(_languageId: string): string {
        return SETTINGS_SECTION;
    }

    override async initialized(params: ConfigurationInitializedParams): Promise<void> {
        try {
            await super.initialized(params);
        } catch {
            // A client that cannot answer workspace/configuration: the defaults apply.
            this._ready.resolve();
        }
    }
}
