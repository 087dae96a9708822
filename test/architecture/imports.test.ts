/**
 * One module resolution for the tests (test/source-aliases.ts): every test loads the packages
 * from their sources, whether it names them (`@sporbar/language`) or imports a source file
 * (`../../packages/language/src/…`). A test that imported a package's build output (`out/`,
 * `dist/`) would run a second copy of its modules beside the first, with module state of
 * its own; tests that need a bundle run it as a process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as languageByName from '@sporbar/language';
import * as coreByName from '@sporbar/language/core';
import * as reportByName from '@sporbar/report';
import * as languageBySource from '../../packages/language/src/index.js';
import * as coreBySource from '../../packages/language/src/core.js';
import * as reportBySource from '../../packages/report/src/index.js';
import { ALIASED_PACKAGES, REPO, sourceAliases } from '../source-aliases.js';

/** Every file vitest loads as a test or a test helper. */
function testFiles(): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== 'fixtures' && entry.name !== 'node_modules') walk(full);
            } else if (/\.(m|c)?ts$/.test(entry.name)) {
                found.push(full);
            }
        }
    };
    walk(path.join(REPO, 'test'));
    for (const pkg of fs.readdirSync(path.join(REPO, 'packages'))) {
        const dir = path.join(REPO, 'packages', pkg, 'test');
        if (fs.existsSync(dir)) walk(dir);
    }
    return found;
}

/** Module specifiers of static imports, re-exports and dynamic imports. */
export function importSpecifiers(source: string): string[] {
    const specifiers: string[] = [];
    const patterns = [
        /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
        /\bimport\s*(['"])([^'"]+)\1/g,
        /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g
    ];
    for (const pattern of patterns) {
        for (const match of source.matchAll(pattern)) specifiers.push(match[2]);
    }
    return specifiers;
}

/** A package's build output: `packages/<name>/out/…` or `…/dist/…`, however it is reached. */
function buildOutput(file: string, specifier: string): string | undefined {
    if (!specifier.startsWith('.') && !specifier.startsWith('@sporbar/')) return undefined;
    const resolved = specifier.startsWith('.')
        ? path.relative(REPO, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/')
        : specifier;
    return /^(packages\/[^/]+|@sporbar\/[^/]+)\/(out|dist)(\/|$)/.test(resolved) ? resolved : undefined;
}

describe('one module resolution for the tests', () => {
    it('finds import specifiers of every form (so the scan below cannot miss one)', () => {
        const text = [
            "import { a } from '../../packages/language/out/x.js';",
            "import type { B } from \"@sporbar/report\";",
            "export * from './y.js';",
            "import '../packages/language/polyfill.cjs';",
            "const m = await import('@sporbar/language/core');"
        ].join('\n');
        expect(importSpecifiers(text).sort()).toEqual([
            '../../packages/language/out/x.js', '../packages/language/polyfill.cjs', './y.js', '@sporbar/language/core', '@sporbar/report'
        ].sort());
        expect(buildOutput(path.join(REPO, 'test/language/a.test.ts'), '../../packages/language/out/x.js')).toBe('packages/language/out/x.js');
        expect(buildOutput(path.join(REPO, 'test/a.test.ts'), '../packages/cli/dist/sporbar.js')).toBe('packages/cli/dist/sporbar.js');
        expect(buildOutput(path.join(REPO, 'test/a.test.ts'), '../packages/language/src/index.js')).toBeUndefined();
    });

    it('no test or helper imports a package\'s build output (out/, dist/)', () => {
        const offending: string[] = [];
        // This file names build output in the strings of its own first test.
        for (const file of testFiles().filter(f => f !== fileURLToPath(import.meta.url))) {
            for (const specifier of importSpecifiers(fs.readFileSync(file, 'utf8'))) {
                const output = buildOutput(file, specifier);
                if (output) offending.push(`${path.relative(REPO, file)}: ${specifier}`);
            }
        }
        expect(offending).toEqual([]);
    });

    it('every entry of every aliased package resolves to a source file that exists', () => {
        const aliases = sourceAliases();
        for (const folder of ALIASED_PACKAGES) {
            expect(aliases.some(a => a.source.startsWith(path.join(REPO, 'packages', folder) + path.sep))).toBe(true);
        }
        for (const alias of aliases) {
            expect(fs.existsSync(alias.source), `${alias.specifier} → ${alias.source}`).toBe(true);
            expect(alias.source, alias.specifier).not.toMatch(/[\\/](out|dist)[\\/]/);
        }
    });

    it('every @sporbar/… name a test imports has an alias (nothing falls through to node_modules and out/)', () => {
        const aliased = new Set(sourceAliases().map(a => a.specifier));
        const missing = new Set<string>();
        for (const file of testFiles()) {
            for (const specifier of importSpecifiers(fs.readFileSync(file, 'utf8'))) {
                if (specifier.startsWith('@sporbar/') && !aliased.has(specifier)) missing.add(`${path.relative(REPO, file)}: ${specifier}`);
            }
        }
        expect([...missing]).toEqual([]);
    });

    it('a package by name and by source path are one module instance', () => {
        expect(languageByName).toBe(languageBySource);
        expect(coreByName).toBe(coreBySource);
        expect(reportByName).toBe(reportBySource);
    });
});
