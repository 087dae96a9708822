import { defineConfig } from 'vitest/config';
import { viteAliases } from './test/source-aliases.js';

/**
 * Two disjoint projects; `vitest run` (what `npm test` and `.ci/run` run) runs both.
 *
 * - `unit` (`npm run test:fast`, under two minutes on two cores): parsing, the rule fixtures,
 *   validation, l10n, report generators on small inputs, the CLI's output formats.
 * - `integration`: everything else — LSP over stdio, Neovim, LibreOffice, the packaged server
 *   and packed CLI, system fonts, the fuzz campaign, reliability (edit bursts, memory), the
 *   bundles, the real-editor e2e (only with SPORBAR_E2E=1).
 *
 * A new test file lands in `integration` unless it is listed here. docs/testing.md explains
 * what belongs where.
 */
export const UNIT_TESTS = [
    'test/architecture/**/*.test.ts',
    // test/language/ but incremental.test.ts: its random edit sequences (incremental = cold)
    // take a quarter of the tier's time on their own.
    'test/language/csv.test.ts',
    'test/language/dates.test.ts',
    'test/language/incremental-parse.test.ts',
    'test/language/l10n.test.ts',
    'test/language/lean-cst.test.ts',
    'test/language/parser-builder.test.ts',
    'test/language/lexer.test.ts',
    'test/language/natural-order.test.ts',
    'test/language/newcomer-mistakes.test.ts',
    'test/language/origins.test.ts',
    'test/language/parsing.test.ts',
    'test/language/suggest.test.ts',
    'test/language/suggestions.test.ts',
    'test/language/syntax-spread.test.ts',
    'test/language/time-incremental.test.ts',
    'test/language/time-syntax.test.ts',
    'test/language/time.test.ts',
    'test/language/transcripts.test.ts',
    'test/language/workspace.test.ts',
    'test/rules/**/*.test.ts',
    'test/textmate.test.ts',
    'test/cli-formats.test.ts',
    'test/platform/paths.test.ts',
    'test/lsp/l10n-editor.test.ts',
    'test/report/build-units.test.ts',
    'test/report/checklist.test.ts',
    'test/report/counts.test.ts',
    'test/report/data.test.ts',
    'test/report/docx-zip.test.ts',
    'test/report/docx.test.ts',
    'test/report/inclusion.test.ts',
    'test/report/markdown-html.test.ts',
    'test/report/time.test.ts',
    'test/report/triangulation.test.ts',
    'packages/extension/test/views.test.ts'
];

const ALL_TESTS = ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'];

export default defineConfig({
    // One module resolution: @sporbar/* resolve to the sources, like relative src imports
    // (test/source-aliases.ts; checked by test/architecture/imports.test.ts).
    resolve: { alias: viteAliases() },
    test: {
        setupFiles: ['./test/setup.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
        env: { SPORBAR_TODAY: '2026-11-28' },
        projects: [
            // Not isolated: the files of a worker share one module cache, so Langium and the
            // sources are imported once per worker (146 → 89 s for the tier on two cores).
            { extends: true, test: { name: 'unit', include: UNIT_TESTS, isolate: false } },
            { extends: true, test: { name: 'integration', include: ALL_TESTS, exclude: [...UNIT_TESTS, '**/node_modules/**'] } }
        ]
    }
});
