/**
 * State a document has lives in services (docs/architecture.md, "Invariants"): the only maps
 * and sets filled at run time at module level are memos of values that never change once
 * made — parse results, trees, grammars, CSV tables, strings — each listed here with what it
 * remembers. A new one must be added to this list, or moved into a service.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(root, 'packages/language/src');

/** `file name`: what it remembers, keyed by what. */
const MEMOS: Record<string, string> = {
    'parser/prog-cst.ts lineStartsByRoot': 'the line starts of a root CST node\'s text',
    'parser/prog-incremental-parse.ts childNodes': 'the CST leaves and composites under each child of a root CST node',
    'parser/prog-lean-cst.ts fullOf': 'the full CST a lean CST node was materialised into',
    'parser/prog-syntax-damage.ts unreadNames': 'the names unreadable input mentions, per parsed root',
    'parser/prog-syntax-damage.ts damages': 'the elements syntax errors broke, per parsed root',
    'parser/prog-grammar-words.ts cache': 'the keywords and values of a grammar',
    'parser/prog-repeated-properties.ts reassigned': 'the nodes the parser assigned a `=` property twice (set while parsing them)',
    'references/prog-scope.ts described': 'the export description of a node',
    'references/prog-id-suggestions.ts LOOSE': 'the folded ID and title of a named element',
    'model/prog-dates.ts parsed': 'the span of a date string',
    'model/prog-ast-walk.ts nodeLists': 'the nodes of a tree, per root',
    'model/prog-ast-walk.ts referenceLists': 'the references of a tree, per root',
    'lsp/prog-snippets.ts BY_LANGUAGE': 'the element snippets of a UI language',
    'lsp/prog-lsp-util.ts reservedCache': 'the reserved words of a grammar',
    'workspace/prog-dependencies.ts contributed': 'the dependency keys a tree contributes',
    'validation/text-checks.ts tabs': 'whether a text node mixes tabs and spaces',
    'validation/data-checks.ts nonNumericCache': 'the first non-numeric cell of a CSV table',
    'validation/data-checks.ts smallCountCache': 'the small counts of a CSV table, per column',
    'l10n/prog-l10n.ts toolsByLanguage': 'the formatting tools of a message catalogue'
};

/** A module-level map or set made empty (not typed read-only): filled at run time. */
const MODULE_MAP = /^(?:export )?(?:const|let) (\w+)(?::(?! *Readonly)[^=]+)? = new (?:Weak)?(?:Map|Set)\b(?:<[^(]*>)?\(\s*\)/;

function moduleMaps(): string[] {
    const found: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== 'generated') walk(full);
            } else if (entry.name.endsWith('.ts')) {
                for (const line of fs.readFileSync(full, 'utf8').split('\n')) {
                    const m = MODULE_MAP.exec(line);
                    if (m) found.push(`${path.relative(src, full).split(path.sep).join('/')} ${m[1]}`);
                }
            }
        }
    };
    walk(src);
    return found.sort();
}

describe('module-level state', () => {
    it('holds only the listed memos of values that never change', () => {
        expect(moduleMaps()).toEqual(Object.keys(MEMOS).sort());
    });

    it('finds a map filled at run time where there is one (the pattern is live)', () => {
        expect(MODULE_MAP.test('const openDocuments = new Map<string, Document>();')).toBe(true);
        expect(MODULE_MAP.test('let seen = new WeakSet();')).toBe(true);
        expect(MODULE_MAP.test('const EMPTY: ReadonlySet<string> = new Set();')).toBe(false);
        expect(MODULE_MAP.test('const WORDS = new Set([\'a\', \'b\']);')).toBe(false);
        expect(MODULE_MAP.test('    private readonly cache = new Map<string, number>();')).toBe(false);
    });
});
