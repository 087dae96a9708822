/**
 * No privacy leak. The canary workspace (test/fixtures/privacy-canary, extended here with
 * a source whose diagnostics fire and a quote that names an informant) carries unique
 * strings in every confidential and internal source: ID, title, role, person name, actor
 * and file path.
 *
 * Which outputs are client-facing (REPORTS.md "Privacy in every output" applies in full):
 * every report in every format, kind and language (docx: every part, document properties
 * and comments included), `sporbar matrix` in every format, and the editor's matrix and
 * logic views. None of them may contain any canary.
 *
 * Team-facing (the team's own tool output about its own workspace, e.g. CI logs): `sporbar
 * validate` in every format, and reports with `--internal`. They may name source and actor
 * IDs and the workspace's own .prog paths — a diagnostic must say where the problem is —
 * but never a person's name, nor the title or role of a non-public source.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type LoadedWorkspace } from '@sporbar/language';
import { chooseReport, generateReport, logicSvg } from '@sporbar/report';
import { TestClient } from '../lsp/lsp-client.js';
import { CANARY, cli, copyOf } from './helpers.js';

/** Every canary: IDs, titles, roles, person names, actors and files of non-public sources. */
const IDS = ['CnryConfIdA1', 'CnryConfIdA2', 'CnryFocusIdB3', 'CnryIntIdC4', 'CnryActorConfQ7', 'CnryActorIntQ7', 'CnryExtraE5', 'CnrySmallS9'];
const TITLES = ['CANARY_TITLE_CONF_Pv93', 'CANARY_TITLE_CONF2_Rd19', 'CANARY_TITLE_FOCUS_Nn31', 'CANARY_TITLE_INT_Gg66', 'CANARY_TITLE_EXTRA_Yy11'];
const ROLES = ['CANARY_ROLE_CONF_Lm27', 'CANARY_ROLE_CONF2_Ke08', 'CANARY_ROLE_FOCUS_Uu72', 'CANARY_ROLE_EXTRA_Oo12'];
const NAMES = ['Canaria Confidentia Hx55', 'Canarius Internus Jj20', 'Canarius Extra Vv13'];
const ACTORS = ['CANARY_ACTOR_CONF_Zq81', 'CANARY_ACTOR_INT_Wk42', 'CANARY_ACTOR_SMALL_Pp14'];
const FILES = ['canary-conf-file-Tb64', 'canary-int-file-Ws47', 'canary-extra-file-Ff15'];
/** Unique tails too: a canary split, re-cased or folded into an anchor is still caught. */
const TAILS = ['Pv93', 'Rd19', 'Nn31', 'Gg66', 'Yy11', 'Lm27', 'Ke08', 'Uu72', 'Oo12', 'Hx55', 'Jj20', 'Vv13', 'Zq81', 'Wk42', 'Pp14', 'Tb64', 'Ws47', 'Ff15'];
const ALL = [...IDS, ...TITLES, ...ROLES, ...NAMES, ...ACTORS, ...FILES, ...TAILS];

/** The canaries found in a text (case-insensitive, also with the name's parts joined differently). */
function canariesIn(text: string, canaries: readonly string[] = ALL): string[] {
    const lower = text.toLowerCase();
    const squeezed = lower.replace(/[\s_\-.,]+/g, '');
    return canaries.filter(c => lower.includes(c.toLowerCase()) || squeezed.includes(c.toLowerCase().replace(/[\s_\-.,]+/g, '')));
}

/** Every part of a docx, as text (binary parts too: a canary in image metadata counts). */
function docxText(bytes: Uint8Array): Record<string, string> {
    const parts: Record<string, string> = {};
    for (const [name, data] of Object.entries(unzipSync(bytes))) parts[name] = strFromU8(data, true);
    return parts;
}

const EXTRA = `// Added by test/reliability/privacy.test.ts: diagnostics fire on a confidential source.
actor CnrySmallS9 "CANARY_ACTOR_SMALL_Pp14" { type group  members 3 }
source CnryExtraE5 interview "CANARY_TITLE_EXTRA_Yy11" {
    date 2021-03-02
    role "CANARY_ROLE_EXTRA_Oo12"
    actor CnrySmallS9
    name "Canarius Extra Vv13"
    file "data/canary-extra-file-Ff15.txt"
}
finding F9 "Et funn med et sitat" {
    answers a
    evidence CnryExtraE5 at "00:01:00" quote "Som Canarius Extra Vv13 sa det: vi trenger mer tid", PubDoc1
    confidence low
    date 2021-07-02
    text """ Informanten (@CnryExtraE5) og Canaria Confidentia Hx55 sier det samme. """
}
`;

let root: string;
let workspace: LoadedWorkspace;

beforeAll(async () => {
    root = copyOf(CANARY, 'sporbar-privacy-');
    fs.writeFileSync(path.join(root, 'extra.prog'), EXTRA);
    fs.writeFileSync(path.join(root, 'data', 'canary-extra-file-Ff15.txt'), 'transkripsjon\n');
    workspace = await loadWorkspace(root);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('client-facing: reports (every kind, format and language; --force, as the extra file has errors)', () => {
    for (const id of ['Notat', 'Grunnlag', 'Slutt']) {
        for (const language of ['nb', 'nn', 'en'] as const) {
            it(`${id} (${language}): no canary in Markdown, HTML or any part of the docx`, async () => {
                const choice = chooseReport(workspace, { id });
                if (!choice.ok) throw new Error(choice.message);
                const leaks: string[] = [];
                for (const format of ['md', 'html'] as const) {
                    const text = new TextDecoder().decode(await generateReport(workspace, choice.report, { format, language, draft: true }));
                    for (const c of canariesIn(text)) leaks.push(`${format}: ${c}`);
                    // Public sources are named where allowed: by title, never by ID (V2.md §7).
                    expect(text).toContain('Åpent foredrag om tjenesteutvikling');
                    expect(text).not.toContain('PubTalk1');
                }
                const parts = docxText(await generateReport(workspace, choice.report, { format: 'docx', language, draft: true }));
                expect(Object.keys(parts)).toEqual(expect.arrayContaining(['word/document.xml', 'docProps/core.xml', 'docProps/app.xml']));
                for (const [part, text] of Object.entries(parts)) for (const c of canariesIn(text)) leaks.push(`docx ${part}: ${c}`);
                expect(leaks).toEqual([]);
            });
        }
    }

    it('the real CLI writes the same: docx, every part and the document properties', () => {
        const out = path.join(root, '..', `privacy-${process.pid}.docx`);
        try {
            const r = cli(['report', root, '--report', 'Slutt', '--format', 'docx', '--force', '--out', out]);
            expect(r.status, r.stderr).toBe(0);
            const parts = docxText(new Uint8Array(fs.readFileSync(out)));
            const leaks = Object.entries(parts).flatMap(([part, text]) => canariesIn(text).map(c => `${part}: ${c}`));
            expect(leaks).toEqual([]);
            // Nor on stderr/stdout of the run (it lists the errors it overrode: IDs only, no names).
            expect(canariesIn(r.stdout + r.stderr, [...NAMES, ...TITLES, ...ROLES, ...ACTORS])).toEqual([]);
        } finally {
            fs.rmSync(out, { force: true });
        }
    });

    it('negative control: --internal (team only) does show source IDs, and the checker sees them', async () => {
        const choice = chooseReport(workspace, { id: 'Grunnlag' });
        if (!choice.ok) throw new Error(choice.message);
        const md = new TextDecoder().decode(await generateReport(workspace, choice.report, { format: 'md', internal: true, draft: true }));
        expect(canariesIn(md)).toContain('CnryConfIdA1');
        // Still never a person's name, title or role of a non-public source.
        expect(canariesIn(md, [...NAMES, ...TITLES, ...ROLES, ...ACTORS, ...FILES])).toEqual([]);
    });
});

describe('client-facing: the traceability matrix and the editor views', () => {
    it.each(['table', 'json', 'csv'])('sporbar matrix --format %s (whole workspace and per report): no canary', format => {
        for (const extra of [[], ['--report', 'Grunnlag']]) {
            const r = cli(['matrix', root, '--format', format, ...extra]);
            expect(r.stdout.length).toBeGreaterThan(0);
            expect(r.stdout).toContain('F1');
            expect(canariesIn(r.stdout)).toEqual([]);
        }
    });

    it('the editor\'s matrix view (sporbar.server.matrix), rendered as the webview does, and the logic drawing: no canary', async () => {
        const client = await TestClient.start(root);
        try {
            await client.waitForDiagnostics(client.uri('extra.prog'), () => true);
            const view = await client.request<{ columns: string[]; rows: { id: string; cells: { text: string }[] }[]; coverage: { label: string }[] }>(
                'workspace/executeCommand', { command: 'sporbar.server.matrix', arguments: [] });
            expect(view.rows.map(r => r.id)).toContain('F9');
            const html = `<table><tr>${view.columns.map(c => `<th>${c}</th>`).join('')}</tr>${view.rows.map(r => `<tr>${r.cells.map(c => `<td>${c.text}</td>`).join('')}</tr>`).join('')}</table>`
                + view.coverage.map(c => `<p>${c.label}</p>`).join('');
            expect(canariesIn(html)).toEqual([]);
            // Locations point into the workspace files (the editor navigates there); their paths are the team's own.
        } finally {
            await client.stop();
        }
        const drawing = await logicSvg(workspace);
        expect(drawing.svg).toContain('<svg');
        expect(canariesIn(drawing.svg)).toEqual([]);
    });
});

describe('team-facing: validate output names IDs where needed, never a person or a confidential title or role', () => {
    it.each(['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit'])('validate --format %s', format => {
        const r = cli(['validate', root, '--format', format]);
        expect(r.status).toBe(1);
        // The diagnostics are about the canary sources (so the check below is not vacuous)…
        expect(r.stdout).toMatch(/CnryExtraE5/);
        expect(r.stdout).toMatch(/privacy\/name-without-consent|privacy\/quote-names-person/);
        // …and say where, without repeating what they protect.
        expect(canariesIn(r.stdout + r.stderr, [...NAMES, ...TITLES, ...ROLES, ...ACTORS, ...FILES])).toEqual([]);
    });
});
