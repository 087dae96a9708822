import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectDiagnostics, loadWorkspace } from '@sporbar/language';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function brief(d: ReturnType<typeof collectDiagnostics>[number]): string {
    return `${d.file}:${d.diagnostic.range.start.line + 1} ${d.diagnostic.code}`;
}

describe('the spec reference workspace (test/fixtures/reference)', () => {
    it('has no errors, and exactly the outcome/no-indicator warnings LANGUAGE.md announces', async () => {
        const diagnostics = collectDiagnostics(await loadWorkspace(path.join(repo, 'test/fixtures/reference')));
        expect(diagnostics.filter(d => d.diagnostic.severity === 1).map(brief)).toEqual([]);
        const noIndicator = diagnostics.filter(d => d.diagnostic.code === 'outcome/no-indicator');
        expect(noIndicator.map(d => /(Samarbeid|Systeminnovasjon)/.exec(d.diagnostic.message)?.[1])).toEqual(['Samarbeid', 'Systeminnovasjon']);
        // Everything else the rules say about it, each for a reason visible in the workspace:
        expect(diagnostics.map(brief)).toEqual([
            // F1 supports Samarbeid with I01 and O02 (actor Rådet, part of the client KS) and D01 (origin programme) only
            'findings.prog:8 finding/self-reported-only',
            'logic.prog:11 outcome/no-indicator', // Samarbeid
            'logic.prog:12 outcome/no-evidence', // no finding supports or challenges Systeminnovasjon
            'logic.prog:12 outcome/no-indicator', // Systeminnovasjon
            'reports.prog:1 assessment/criterion-missing', // only relevance and efficiency (not assessed) among the DAC criteria
            'sources.prog:7 source/unused' // I02 (S01 is cited by a measured value)
        ]);
    });
});

describe('examples/pri', () => {
    it('validates with zero errors and zero warnings', async () => {
        const diagnostics = collectDiagnostics(await loadWorkspace(path.join(repo, 'examples/pri')));
        expect(diagnostics.filter(d => d.diagnostic.severity === 1 || d.diagnostic.severity === 2).map(d => `${brief(d)} ${d.diagnostic.message}`)).toEqual([]);
    });
});
