/**
 * One module resolution for the tests: `@sporbar/language`, `@sporbar/language/<entry>` and
 * `@sporbar/report` resolve to the TypeScript sources (`packages/<name>/src/…`), the same
 * modules a test reaches with a relative `../../packages/<name>/src/…` import. Without this,
 * the package names resolve through node_modules to the built `out/` and a test that also
 * imports a source file runs two copies of every module (two copies of module state).
 *
 * Derived from each package's `exports` (or `main`): `./out/x.js` → `./src/x.ts`, so an entry
 * added or moved in a package.json is followed here without a second list. Used by
 * vitest.config.ts and checked by test/architecture/imports.test.ts.
 *
 * Tests that run the bundled CLI, server or extension (dist/) start them as processes and
 * are not affected.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The workspace packages tests import by name, by folder under packages/. */
export const ALIASED_PACKAGES = ['language', 'report'] as const;

export interface SourceAlias {
    /** The import specifier, e.g. `@sporbar/language/core`. */
    specifier: string;
    /** What the package's manifest points at (`./out/core.js`). */
    built: string;
    /** The file the tests load instead (absolute). */
    source: string;
}

export function sourceAliases(): SourceAlias[] {
    const aliases: SourceAlias[] = [];
    for (const folder of ALIASED_PACKAGES) {
        const dir = path.join(REPO, 'packages', folder);
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
            name: string; main?: string; exports?: Record<string, string>;
        };
        const entries = manifest.exports ?? (manifest.main ? { '.': manifest.main } : {});
        for (const [entry, target] of Object.entries(entries)) {
            const specifier = entry === '.' ? manifest.name : `${manifest.name}/${entry.replace(/^\.\//, '')}`;
            const relative = target.replace(/^\.\//, '');
            // Entries that are not build output (the polyfill) resolve to themselves.
            const source = relative.startsWith('out/')
                ? path.join(dir, 'src', relative.slice('out/'.length).replace(/\.js$/, '.ts'))
                : path.join(dir, relative);
            aliases.push({ specifier, built: target, source });
        }
    }
    return aliases;
}

/** The aliases as Vite's `resolve.alias` wants them: exact specifiers only. */
export function viteAliases(): { find: RegExp; replacement: string }[] {
    return sourceAliases().map(a => ({
        find: new RegExp(`^${a.specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
        replacement: a.source
    }));
}
