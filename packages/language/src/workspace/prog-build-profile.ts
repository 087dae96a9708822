import type { LangiumSharedCoreServices } from 'langium';

/**
 * How the services build documents: for an editor, where documents change and are built
 * again (the default), or for one build of a workspace that nothing edits afterwards
 * (`sporbar validate`, reports). Chosen when the services are made
 * (`createProgCoreServices(context, profile)`) and read by the services it concerns when
 * they are made, instead of flags set on four services afterwards.
 */
export interface BuildProfile {
    /**
     * One build, nothing edited after it: the index manager and the workspace index record
     * no dependencies for a later rebuild, export descriptions are not kept from build to
     * build (30,000 map entries fewer for 1,000 files), and the parser makes each tree's
     * node and reference lists in the walk that sets the containers.
     */
    readonly oneShot: boolean;
    /** Lean CSTs (parser/prog-lean-cst.ts), for a program that reads little of the CST. */
    readonly leanTrees: boolean;
}

/** The profile of the language server and of tests that edit: full trees, everything recorded for rebuilds. */
export const EDITOR_BUILD: BuildProfile = Object.freeze({ oneShot: false, leanTrees: false });

/** The shared service that holds the profile. */
export interface ProgSharedAddedServices {
    workspace: {
        BuildProfile: BuildProfile;
    };
}

/** The build profile of a set of services (the editor's when the services were made without one). */
export function buildProfileOf(shared: LangiumSharedCoreServices): BuildProfile {
    return (shared as LangiumSharedCoreServices & Partial<ProgSharedAddedServices>).workspace.BuildProfile ?? EDITOR_BUILD;
}
