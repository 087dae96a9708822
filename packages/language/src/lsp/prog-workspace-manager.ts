import { DefaultWorkspaceManager, type LangiumSharedCoreServices } from 'langium';

/**
 * Loads every `.prog` file of the workspace folder at start-up (skipping dot-folders,
 * `node_modules` and `out`, as the CLI does) and validates them all in the first build, so
 * workspace rules show their diagnostics in every file before any file is opened.
 */
export class ProgWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = { validation: true };
    }
}
