import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { copyWorkspace, progFiles, REPO, TestClient } from './lsp-client.js';

/**
 * The server commands the editor's "Generate report…", logic view and matrix view call,
 * through `sporbar lsp --stdio` as any LSP client would run them.
 */
let root: string;
let out: string;
let client: TestClient;

beforeAll(async () => {
    root = copyWorkspace(path.join(REPO, 'examples', 'pri'));
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-lsp-out-'));
    client = await TestClient.start(root);
    await client.waitForWorkspace(progFiles(root));
});

afterAll(async () => {
    await client?.stop();
    for (const dir of [root, out]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function command<T>(name: string, ...args: unknown[]): Promise<T> {
    return client.request<T>('workspace/executeCommand', { command: name, arguments: args });
}

describe('server commands', () => {
    it('lists the reports of the workspace', async () => {
        const reports = await command<Array<{ id: string; kind?: string }>>('sporbar.server.listReports');
        expect(reports.map(r => r.kind).sort()).toEqual(['assessment', 'final', 'interim']);
    });

    it('generates a report as docx, the same one the CLI writes', async () => {
        const reports = await command<Array<{ id: string; kind?: string }>>('sporbar.server.listReports');
        const assessment = reports.find(r => r.kind === 'assessment')!;
        const output = path.join(out, `${assessment.id}.docx`);
        const result = await command<{ ok: boolean }>('sporbar.server.generateReport', { report: assessment.id, format: 'docx', output });
        expect(result.ok).toBe(true);
        const document = strFromU8(unzipSync(fs.readFileSync(output))['word/document.xml']);
        expect(document).toContain('Vurderingsgrunnlag');
        expect(fs.readdirSync(out)).toEqual([`${assessment.id}.docx`]);
    });

    it('refuses an output inside the workspace data folder and a .prog file', async () => {
        const reports = await command<Array<{ id: string }>>('sporbar.server.listReports');
        await expect(command('sporbar.server.generateReport', { report: reports[0].id, format: 'md', output: path.join(root, 'data', 'r.md') })).rejects.toThrow(/data folder/);
        await expect(command('sporbar.server.generateReport', { report: reports[0].id, format: 'md', output: path.join(root, 'x.prog') })).rejects.toThrow(/\.prog/);
    });

    it('draws the programme logic as SVG with every node', async () => {
        const { svg, nodes } = await command<{ svg: string; nodes: Record<string, { uri: string }> }>('sporbar.server.logicSvg');
        expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
        expect(svg).toContain('innovasjonsporteføljer');
        expect(Object.keys(nodes).length).toBeGreaterThanOrEqual(23);
        // A click on a node navigates to its declaration.
        expect(nodes['Porteføljer']?.uri).toMatch(/logic\.prog$/);
        // Assumptions coloured as the findings in force test them (as in the reports), not all "untested".
        const badges = (id: string) => [...svg.matchAll(new RegExp(`<g data-id="${id}">\\s*<circle [^>]*fill="(#[0-9a-f]{6})"`, 'g'))].map(m => m[1]);
        expect(badges('Kapasitet')).toEqual(['#c62828', '#c62828']); // challenged (F02 and others)
        expect(badges('StatligKomplement')).toEqual(['#2e7d32', '#2e7d32']); // supported only
    });

    it('computes the traceability matrix with every question answered', async () => {
        const matrix = await command<{ coverage: Array<{ key: string; share: number | null }> }>('sporbar.server.matrix');
        expect(matrix.coverage.find(c => c.key === 'questionsAnswered')?.share).toBe(1);
    });

    it('draws a chart as the reports do: by ID, or the one under the cursor (declaration or citation), with alt text', async () => {
        type Result = { charts: Array<{ id: string; title: string }>; chart?: { id: string; svg: string; alt: string; problem?: string; location?: { uri: string } } };
        const list = await command<Result>('sporbar.server.chartSvg', {});
        expect(list.charts.map(c => c.id)).toEqual(['C1']);
        expect(list.chart).toBeUndefined();
        const byId = await command<Result>('sporbar.server.chartSvg', { chart: 'C1' });
        expect(byId.chart!.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
        expect(byId.chart!.svg).toContain('Frakoblingsprosessen');
        expect(byId.chart!.svg).toContain('>2,5<');
        expect(byId.chart!.alt).toBe('Stolpediagram over 3 serier («KS», «Departementer» og «Andre») for 9 kategorier, i MNOK: høyest er Fremtidsverktøyet 2040 (KS) med 2,5, lavest er Frakoblingsprosessen (Departementer) med 0,0.');
        expect(byId.chart!.location!.uri).toMatch(/data\.prog$/);
        const english = await command<Result>('sporbar.server.chartSvg', { chart: 'C1', language: 'en' });
        expect(english.chart!.alt).toMatch(/^Bar chart of 3 series/);
        // The cursor on `C1` in a finding's evidence.
        const findings = fs.readFileSync(path.join(root, 'findings.prog'), 'utf8').split('\n');
        const line = findings.findIndex(l => /^\s+C1$/.test(l));
        const atCursor = await command<Result>('sporbar.server.chartSvg', { uri: client.uri('findings.prog'), position: { line, character: findings[line].indexOf('C1') + 1 } });
        expect(atCursor.chart?.id).toBe('C1');
        const elsewhere = await command<Result>('sporbar.server.chartSvg', { uri: client.uri('findings.prog'), position: { line: 0, character: 0 } });
        expect(elsewhere.chart).toBeUndefined();
        // A chart whose file is broken says why instead of drawing.
        const csv = path.join(root, 'data', 'finansiering.csv');
        const original = fs.readFileSync(csv, 'utf8');
        fs.writeFileSync(csv, original.replace('Frakoblingsprosessen;1,2;0,0;0,4', 'Frakoblingsprosessen;1,2'));
        try {
            client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('data/finansiering.csv'), type: 2 }] });
            const broken = await command<Result>('sporbar.server.chartSvg', { chart: 'C1' });
            expect(broken.chart!.svg).toBe('');
            expect(broken.chart!.problem).toContain('row 3 (line 3) has 2 cells');
        } finally {
            fs.writeFileSync(csv, original);
            client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('data/finansiering.csv'), type: 2 }] });
        }
    });
});
