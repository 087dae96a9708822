/**
 * The version assert of the Langium patches (packages/language/src/langium-internals/):
 * another Langium fails at start-up with both versions named; the bundles carry the version
 * they were built with, since they have no node_modules to read it from.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleOptions } from '../../packages/cli/build.mjs';
import { assertLangiumVersion, PATCHED_LANGIUM_VERSION, runningLangiumVersion } from '../../packages/language/src/langium-internals/langium-version.js';
import { createProgCoreServices } from '../../packages/language/src/prog-module.js';
import { EmptyFileSystem } from 'langium';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const installed = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/langium/package.json'), 'utf8')) as { version: string }).version;

describe('the Langium version assert', () => {
    it('reads the installed Langium version, which is the one the patches were written for', () => {
        expect(runningLangiumVersion()).toBe(installed);
        expect(PATCHED_LANGIUM_VERSION).toBe(installed);
        expect(() => createProgCoreServices(EmptyFileSystem)).not.toThrow();
    });

    it('fails loudly on another version, naming both', () => {
        expect(() => assertLangiumVersion('4.5.1')).toThrow(new RegExp(`written against Langium ${PATCHED_LANGIUM_VERSION.replace(/\./g, '\\.')}, but Langium 4\\.5\\.1 is installed`));
        expect(() => assertLangiumVersion(undefined)).toThrow(/version not found/);
        expect(() => assertLangiumVersion(PATCHED_LANGIUM_VERSION)).not.toThrow();
    });

    it('is inlined into the bundles, which have no node_modules to read it from', async () => {
        const entry = path.join(root, 'packages/language/src/langium-internals/langium-version.ts');
        const result = await esbuild.build({ ...bundleOptions({ version: entry }, path.join(root, 'out/version-test')), splitting: false, write: false });
        const code = result.outputFiles.filter(f => f.path.endsWith('.js')).map(f => f.text).join('\n');
        expect(code).not.toContain('__SPORBAR_LANGIUM_VERSION__');
        expect(code).toContain(`"${installed}"`);
    });
});
