import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, Position, SemanticTokens } from 'vscode-languageserver-protocol';
import { applyEdits, copyWorkspace, progFiles, REPO, TestClient } from './lsp-client.js';

/**
 * The editor on time and measurement (test/fixtures/lsp/time): hover shows a
 * recommendation's status as of today with its history and an indicator's latest value;
 * completion offers the new keywords and values where they belong; `follow-up` and
 * `measured` are coloured as properties; two quick fixes. Today is pinned to 2026-11-28
 * (vitest.config.ts).
 */
let root: string;
let client: TestClient;
let uri: string;
let original: string;

beforeAll(async () => {
    root = copyWorkspace(path.join(REPO, 'test', 'fixtures', 'lsp', 'time'));
    client = await TestClient.start(root);
    await client.waitForWorkspace(progFiles(root));
    uri = await client.open('time.prog');
    original = client.text(uri);
});

afterAll(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
});

function positionOf(text: string, needle: string, delta = 0): Position {
    const at = text.indexOf(needle);
    if (at < 0) throw new Error(`'${needle}' not found`);
    const before = text.substring(0, at + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

async function hover(needle: string, delta = 0): Promise<string> {
    const result = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(client.text(uri), needle, delta) });
    return (result.contents as { value: string }).value;
}

/** Completion labels after replacing `needle` with `typed` (the cursor at the end of `typed`). */
async function completeAfter(needle: string, typed: string): Promise<CompletionItem[]> {
    const text = original.replace(needle, typed);
    await client.change(uri, text);
    const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, typed, typed.length) });
    await client.change(uri, original);
    return Array.isArray(result) ? result : result.items;
}

const labels = (items: readonly CompletionItem[]) => items.map(i => i.label);

describe('hover', () => {
    it("a recommendation: its status as of today, where it comes from, and the follow-up history", async () => {
        const value = await hover('recommendation R1 ', 'recommendation '.length);
        expect(value).toContain('status today (2026-11-28): **implemented** (follow-up 2022-03-01) — *Gjennomført*');
        expect(value).toContain('- history:\n    - 2021-06-01 proposed\n    - 2021-09-15 accepted — *Godtatt*\n    - 2022-03-01 implemented — *Gjennomført*\n    - 2027-01-01 rejected — *Planlagt avvikling*');
        expect(value).toContain('1 follow-up dated after today');
    });

    it('a recommendation without follow-ups: its own status', async () => {
        expect(await hover('recommendation R2 ', 'recommendation '.length)).toContain('status today (2026-11-28): **accepted** — *Vedtatt i styret*');
    });

    it("an indicator: baseline → latest value (date, source) → target, also from a reference", async () => {
        const value = await hover('indicator Andel ', 'indicator '.length);
        expect(value).toContain('for: outcome `O`');
        expect(value).toContain('baseline 10 → latest **52** (2022-06, `S1`) → target 60 prosent');
        expect(value).toContain('measured 2 times');
        expect(await hover('supports Andel', 'supports '.length)).toContain('latest **52**');
    });

    it("a survey's response rate; an assessment's replacement", async () => {
        expect(await hover('source S1 ', 'source '.length)).toContain('response rate: 146 of 310 (47%)');
        expect(await hover('assessment V2 ', 'assessment '.length)).toContain('replaced by `V3` (2023-01)');
        const v3 = await hover('assessment V3 ', 'assessment '.length);
        expect(v3).toContain('replaces `V2`');
        expect(v3).toContain('date: 2023-01');
        expect(await hover('assessment V1 ', 'assessment '.length)).toContain('not assessed — *Utenfor mandatet*');
    });
});

describe('completion', () => {
    it('offers `follow-up` and `date` in a recommendation, and the statuses after a follow-up date', async () => {
        expect(labels(await completeAfter('    to KS\n    based-on F1\n    date 2021-06-01', '    to KS\n    based-on F1\n    date 2021-06-01\n    '))).toEqual(expect.arrayContaining(['follow-up', 'date', 'status', 'response']));
        const statuses = labels(await completeAfter('    follow-up 2022-03-01 implemented', '    follow-up 2022-03-01 '));
        expect(statuses).toEqual(expect.arrayContaining(['proposed', 'accepted', 'rejected', 'implemented']));
        expect(statuses).not.toContain('high');
    });

    it('offers `measured` in an indicator, `from` after its value, and only sources after `from`', async () => {
        expect(labels(await completeAfter('            measured 2022-06 52 from S1', '            '))).toEqual(expect.arrayContaining(['measured', 'baseline', 'target', 'unit']));
        expect(labels(await completeAfter('            measured 2022-06 52 from S1', '            measured 2022-06 52 '))).toContain('from');
        const sources = (await completeAfter('            measured 2022-06 52 from S1', '            measured 2022-06 52 from ')).filter(i => i.labelDetails?.description);
        expect(labels(sources).sort()).toEqual(['D1', 'S1']);
    });

    it('offers `not-assessed`, `date` and `replaces` in an assessment, and only assessments after `replaces`', async () => {
        expect(labels(await completeAfter('    criterion efficiency\n', '    criterion efficiency\n    '))).toEqual(expect.arrayContaining(['not-assessed', 'date', 'replaces', 'rating']));
        const assessments = (await completeAfter('replaces V2', 'replaces ')).filter(i => i.labelDetails?.description);
        expect(labels(assessments).sort()).toEqual(['V1', 'V2', 'V3']);
    });
});

describe('semantic tokens', () => {
    it('colours `follow-up`, `measured`, `from` and `at` as properties and the status as an enumeration value', async () => {
        const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
        const legend = (client.initializeResult!.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
        const lines = client.text(uri).split('\n');
        let line = 0, char = 0;
        const decoded = new Set<string>();
        for (let i = 0; i < tokens.data.length; i += 5) {
            line += tokens.data[i];
            char = tokens.data[i] === 0 ? char + tokens.data[i + 1] : tokens.data[i + 1];
            decoded.add(`${line + 1} ${lines[line].substr(char, tokens.data[i + 2])} ${legend.tokenTypes[tokens.data[i + 3]]}`);
        }
        const lineOf = (needle: string) => lines.findIndex(l => l.includes(needle)) + 1;
        const measured = lineOf('measured 2021-12 35');
        expect([...decoded]).toEqual(expect.arrayContaining([
            `${measured} measured property`, `${measured} from property`, `${measured} at property`, `${measured} D1 variable`,
            `${lineOf('follow-up 2021-09-15')} follow-up property`, `${lineOf('follow-up 2021-09-15')} accepted enumMember`,
            `${lineOf('not-assessed "Utenfor')} not-assessed property`, `${lineOf('replaces V2')} replaces property`
        ]));
    });
});

describe('quick fixes', () => {
    async function diagnostic(code: string): Promise<Diagnostic> {
        const all = await client.waitForDiagnostics(uri, d => d.some(x => x.code === code));
        return all.find(x => x.code === code)!;
    }
    const actionsFor = (d: Diagnostic) =>
        client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });

    it('assessment/not-assessed-with-rating: removes `rating` and `based-on`, or `not-assessed`', async () => {
        const d = await diagnostic('assessment/not-assessed-with-rating');
        const actions = await actionsFor(d);
        const remove = actions.find(a => a.title.startsWith('Remove `rating`'))!;
        expect(remove.isPreferred).toBe(true);
        const text = applyEdits(client.text(uri), remove.edit!.changes![uri]);
        expect(text).toContain('assessment V1 "Effektivitet" {\n    criterion efficiency\n    not-assessed "Utenfor mandatet"\n}');
        const keep = actions.find(a => a.title.startsWith('Remove `not-assessed`'))!;
        expect(applyEdits(client.text(uri), keep.edit!.changes![uri])).toContain('assessment V1 "Effektivitet" {\n    criterion efficiency\n    rating low\n    based-on F1\n}');
        await client.change(uri, text);
        await client.waitForDiagnostics(uri, all => !all.some(x => x.code === 'assessment/not-assessed-with-rating' || x.code === 'assessment/no-basis'));
        await client.change(uri, original);
    });

    it('recommendation/undated-status: rewrites `status` and `response` as a follow-up dated today', async () => {
        const d = await diagnostic('recommendation/undated-status');
        const fix = (await actionsFor(d)).find(a => a.title.startsWith('Date the status'))!;
        expect(fix.isPreferred).toBe(true);
        const text = applyEdits(client.text(uri), fix.edit!.changes![uri]);
        expect(text).toContain('recommendation R2 "Undated status" {\n    to KS\n    based-on F1\n    follow-up 2026-11-28 accepted "Vedtatt i styret"\n}');
        await client.change(uri, text);
        await client.waitForDiagnostics(uri, all => !all.some(x => x.code === 'recommendation/undated-status'));
        await client.change(uri, original);
    });
});
