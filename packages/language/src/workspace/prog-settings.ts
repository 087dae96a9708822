import * as path from 'node:path';
import { EMPTY_CONFIG, loadConfig, type WorkspaceConfig } from './prog-config.js';
import type { LanguageSetting } from '../l10n/prog-l10n.js';

/**
 * Where the workspace lives and what its `sporbar.json` says. The CLI sets the root from
 * its argument, the language server from the client's workspace folder.
 */
export class ProgWorkspaceSettings {
    private rootPath: string | undefined;
    private current: WorkspaceConfig = EMPTY_CONFIG;
    /** The editor's `sporbar.language` (the language server's only; `auto` when unset). */
    editorLanguage: LanguageSetting = 'auto';

    get root(): string | undefined {
        return this.rootPath;
    }

    get config(): WorkspaceConfig {
        return this.current;
    }

    /** Sets the workspace root and (re)reads its `sporbar.json`. */
    setRoot(root: string | undefined): void {
        this.rootPath = root === undefined ? undefined : path.resolve(root);
        this.reloadConfig();
    }

    reloadConfig(): void {
        this.current = this.rootPath ? loadConfig(this.rootPath) : EMPTY_CONFIG;
    }
}
