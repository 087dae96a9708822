/**
 * The exact Langium version the patches in this folder (parser-patch.ts, prog-recovery-parse.ts,
 * cst-patch.ts, reference-fields.ts) were written against, and the check that the running
 * Langium is that version. The patches reach into Langium's private members; a patch release
 * may rename or reshape them without notice, so another version fails loudly at start-up
 * instead of parsing or linking subtly wrong. To move to a new Langium: read each patch
 * against the new source, adjust it, then change `PATCHED_LANGIUM_VERSION`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PATCHED_LANGIUM_VERSION = '4.4.0';

/** Inlined by the esbuild bundles (`define` in packages/cli/build.mjs): the version of the Langium bundled. */
declare const __SPORBAR_LANGIUM_VERSION__: string | undefined;

/**
 * The version of the Langium that runs: in a bundle, the one it was built with; otherwise
 * the `version` of the `langium/package.json` Node resolves from here (the nearest
 * `node_modules/langium` up the folders, as Node's resolution finds it).
 */
export function runningLangiumVersion(): string | undefined {
    if (typeof __SPORBAR_LANGIUM_VERSION__ === 'string') return __SPORBAR_LANGIUM_VERSION__;
    // Read once per process: tests and the CLI create services many times.
    installedVersion ??= { version: installedLangiumVersion() };
    return installedVersion.version;
}

let installedVersion: { version: string | undefined } | undefined;

function installedLangiumVersion(): string | undefined {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (;;) {
        const file = path.join(dir, 'node_modules', 'langium', 'package.json');
        if (fs.existsSync(file)) {
            const { version } = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown };
            return typeof version === 'string' ? version : undefined;
        }
        const parent = path.dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
    }
}

/**
 * Throws when `running` is not the version the patches were written for. An unknown
 * version (no package.json found) fails too: the patches cannot be known to fit.
 */
export function assertLangiumVersion(running: string | undefined): void {
    if (running === PATCHED_LANGIUM_VERSION) return;
    throw new Error(
        `Sporbar's language services were written against Langium ${PATCHED_LANGIUM_VERSION}, but Langium ${running ?? '(version not found)'} is installed. `
        + 'Its patches of Langium internals (packages/language/src/langium-internals/) must be checked against that version first; '
        + `install langium@${PATCHED_LANGIUM_VERSION} exactly (npm ci) or update the patches and PATCHED_LANGIUM_VERSION.`);
}
