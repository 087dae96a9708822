/**
 * The architecture's boundaries (docs/architecture.md, "The quarantine"):
 * - Langium's and Chevrotain's non-public members, and the casts `as unknown as` / `as any`,
 *   appear only in packages/language/src/langium-internals/ (and in the generated code);
 * - packages/language/src holds at most eight files at its top: the rest lives in the
 *   layer folders.
 * The same pattern as `grep -rnE` in issue 20, so a match here is a match there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(root, 'packages/language/src');

/** What only langium-internals/ may contain. */
const INTERNALS = /as unknown as|as any|\b(_ref|_nodeDescription|_linkingError|_rangeCache|_astNode|nodeBuilder|lexerResult)\b/;
/** Folders exempt from the rule: the quarantine itself and Langium's generated code. */
const EXEMPT = new Set(['langium-internals', 'generated']);
const MAX_TOP_FILES = 8;

function sourceFiles(dir: string): string[] {
    const files: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (dir === src && EXEMPT.has(entry.name)) continue;
            files.push(...sourceFiles(full));
        } else if (/\.(ts|mts|cts|js|mjs)$/.test(entry.name)) {
            files.push(full);
        }
    }
    return files;
}

/** `file:line: text` of every line outside the quarantine that reaches into Langium. */
function violations(files: readonly string[]): string[] {
    const found: string[] = [];
    for (const file of files) {
        fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
            if (INTERNALS.test(line)) found.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    return found;
}

describe('architecture boundaries', () => {
    it('keeps Langium internals and unchecked casts inside langium-internals/', () => {
        const files = sourceFiles(src);
        expect(files.length).toBeGreaterThan(50);
        expect(violations(files)).toEqual([]);
    });

    it('finds a violation where there is one (the pattern is live)', () => {
        expect(INTERNALS.test('const x = node as unknown as Foo;')).toBe(true);
        expect(INTERNALS.test('reference._ref = undefined;')).toBe(true);
        expect(INTERNALS.test('parser.nodeBuilder.addHiddenNodes(tokens)')).toBe(true);
        expect(INTERNALS.test('const y = value as any;')).toBe(true);
        expect(INTERNALS.test('const list = node.elements as readonly AstNode[];')).toBe(false);
    });

    it(`holds at most ${MAX_TOP_FILES} files at the top of packages/language/src`, () => {
        const top = fs.readdirSync(src, { withFileTypes: true }).filter(entry => entry.isFile()).map(entry => entry.name);
        expect(top.length, `top-level files: ${top.join(', ')}`).toBeLessThanOrEqual(MAX_TOP_FILES);
    });
});
