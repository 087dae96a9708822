/**
 * Property-based fuzzing of the whole pipeline (see harness.ts for the properties).
 * `npm test` runs a fixed-seed slice (FUZZ_RUNS, default 300); `npm run fuzz` runs 10,000
 * cases with a fresh seed. A failure is shrunk by fast-check, saved under
 * `test/fuzz/regressions/` and from then on replayed by regressions.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaces, generatedWorkspace, mutatedWorkspace, type FuzzCase } from './arbitraries.js';
import { checkCase, loadReportModule, REPO, saveRegression } from './harness.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
/** docx is slower: it is rendered for about one case in DOCX_EVERY (chosen by the case's bytes, so a replay does the same). */
const DOCX_EVERY = Number(process.env.FUZZ_DOCX_EVERY ?? 10);

function docxFor(c: FuzzCase): boolean {
    let h = 0;
    for (const f of c.files) for (let i = 0; i < f.bytes.length; i += 97) h = (h * 31 + f.bytes[i]) >>> 0;
    return h % DOCX_EVERY === 0;
}

describe('fuzz: parse, link, validate and report random and mutated workspaces', () => {
    it(`${RUNS} cases (seed ${SEED})`, async () => {
        const reports = await loadReportModule();
        const examples = exampleWorkspaces(REPO);
        const arbitrary = fc.oneof(generatedWorkspace, mutatedWorkspace(examples));
        const stats = { executions: 0, generated: 0, mutated: 0, withErrors: 0, diagnostics: 0, reports: 0, docx: 0, maxValidateMs: 0, maxReportMs: 0 };
        const started = Date.now();
        console.log(`fuzz: seed ${SEED}, ${RUNS} cases, report package ${reports ? 'present' : 'absent'} (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS})`);
        const property = fc.asyncProperty(arbitrary, async (c: FuzzCase) => {
            const docx = docxFor(c);
            const r = await checkCase(c, { docx });
            stats.executions++;
            stats[c.kind]++;
            if (r.errors > 0) stats.withErrors++;
            stats.diagnostics += r.diagnostics;
            stats.reports += r.reports;
            if (docx) stats.docx += r.reports;
            stats.maxValidateMs = Math.max(stats.maxValidateMs, Math.round(r.validateMs));
            stats.maxReportMs = Math.max(stats.maxReportMs, Math.round(r.reportMs));
        });
        // After a failure (shrunk and saved), the run goes on with the next seed until RUNS cases have run.
        const failures: string[] = [];
        let tried = 0;
        for (let round = 0; tried < RUNS; round++) {
            const seed = SEED + round;
            const result = await fc.check(property, { seed, numRuns: RUNS - tried, verbose: 0 });
            tried += result.numRuns;
            if (!result.failed) break;
            const c = result.counterexample?.[0] as FuzzCase | undefined;
            const error = String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance);
            const file = c ? saveRegression(c, { description: `fuzz failure (shrunk ${result.numShrinks} times)`, seed, path: result.counterexamplePath ?? undefined, error: error.slice(0, 2000) }) : '(no counterexample)';
            failures.push(`seed ${seed}, case ${result.numRuns}: ${error.split('\n')[0].slice(0, 300)} -> ${file}`);
            console.log(`fuzz: FAILURE ${failures.at(-1)}`);
            if (result.numRuns === 0) tried++;
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (failures.length) throw new Error(`fuzz: ${failures.length} failure(s) in ${tried} cases (${seconds} s), shrunk cases saved:\n${failures.join('\n')}`);
        console.log(`fuzz: ${JSON.stringify({ cases: tried, ...stats, seconds: Number(seconds) })}`);
        expect(tried).toBe(RUNS);
        // The generators reach both worlds: clean workspaces that get reports, and broken ones.
        expect(stats.withErrors).toBeGreaterThan(0);
        expect(stats.withErrors).toBeLessThan(stats.executions);
        if (reports) expect(stats.reports).toBeGreaterThan(0);
    }, RUNS * 1_500 + 600_000);
});
