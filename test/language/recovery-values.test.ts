import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectDiagnostics, loadWorkspace, type Finding, type Report } from '@sporbar/language';

/**
 * A misspelled value the recovery parse repairs (`kind inter` → `interim`) is reported as a
 * syntax error at the written word, and the tree holds the keyword — never a value outside
 * its enumeration, which reports and labels would trust (fuzz seed 20261128 found a report
 * kind "inter" crashing a `--force` draft).
 */
describe('recovery repairs a misspelled value to its keyword', () => {
    it('gives the keyword in the tree and the error at the written word', async () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-recovery-'));
        try {
            fs.writeFileSync(path.join(root, 'a.prog'), 'programme P "P"\nquestion Q "Q?"\nreport R "R" {\n    kind inter\n}\nfinding F "F" { answers Q  confidence hgh }\n');
            const ws = await loadWorkspace(root);
            const elements = ws.services.shared.workspace.LangiumDocuments.all.toArray().flatMap(d => (d.parseResult.value as { elements: unknown[] }).elements);
            expect((elements.find(e => (e as Report).$type === 'Report') as Report).kind).toBe('interim');
            expect((elements.find(e => (e as Finding).$type === 'Finding') as Finding).confidence).toBe('high');
            const syntax = collectDiagnostics(ws).filter(d => String(d.diagnostic.code).startsWith('syntax/'));
            expect(syntax.map(d => `${d.diagnostic.range.start.line}:${d.diagnostic.range.start.character}-${d.diagnostic.range.end.character}`)).toEqual(['3:9-14', '5:38-41']);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
