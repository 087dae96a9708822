import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, reportIncludes, traceabilityMatrix, type LoadedWorkspace, type Report, type TraceabilityMatrix } from '@sporbar/language';
import { csvField, CSV_HEADER, truncate } from '../packages/cli/src/matrix-format.js';

const repo = path.resolve(__dirname, '..');
const BIN = path.join(repo, 'packages/cli/bin/sporbar.js');
const PRI = 'examples/pri';

interface Run { status: number | null; stdout: string; stderr: string }

function sporbar(args: string[], cwd = repo): Run {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Counts top-level declarations of a kind in the .prog files of a folder, straight from the text. */
function countDeclarations(folder: string, keyword: string): number {
    let n = 0;
    for (const file of fs.readdirSync(path.join(repo, folder)).filter(f => f.endsWith('.prog'))) {
        const text = fs.readFileSync(path.join(repo, folder, file), 'utf8');
        n += text.match(new RegExp(`^${keyword}\\s+\\S+`, 'gmu'))?.length ?? 0;
    }
    return n;
}

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
    const records: string[][] = [];
    let record: string[] = [], field = '', quoted = false, i = 0;
    while (i < text.length) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
            if (ch === '"') { quoted = false; i++; continue; }
            field += ch; i++; continue;
        }
        if (ch === '"' && field === '') { quoted = true; i++; continue; }
        if (ch === ',') { record.push(field); field = ''; i++; continue; }
        if (ch === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i += 2; continue; }
        if (ch === '\n' || ch === '\r' || ch === '"') throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
        field += ch; i++;
    }
    if (field !== '' || record.length > 0) throw new Error('last record without CRLF');
    return records;
}

beforeAll(() => {
    if (!fs.existsSync(path.join(repo, 'packages/cli/dist/sporbar.js'))) {
        throw new Error('Build the CLI first: npm run build (the sporbar command runs packages/cli/dist)');
    }
});

describe('traceabilityMatrix (prog-matrix.ts)', () => {
    const MODEL = `
programme P "p"
question q1 "first"
question q2 "second"
question q3 "third"
logic L "l" {
    outcome O1 "o1"
    impact I1 "i1"
    outcome O2 "o2"
    output X "x"
    X -> O1 -> I1
}
source S1 interview "i" { date 2021-01-01 }
source S2 document "d" { origin programme }
source S3 survey "s" { date 2021-01-01 }
source S4 dataset "never cited"
finding F10 "draft" { answers q3  evidence S3  status draft }
finding F2 "two" { answers q2, q1  evidence S1, S1  confidence low  challenges I1  date 2021-06-01 }
finding F1 "one" { answers q1  evidence S1, S2  confidence moderate  supports O1  date 2021-02-01 }
finding F3 "withdrawn" { answers q2  evidence S2, S3  status withdrawn }
recommendation R1 "r1" { based-on F1 }
recommendation R2 "r2" { based-on F3 }
recommendation R3 "r3"
assessment A1 "a1" { criterion relevance  based-on F2, F1 }
lesson L1 "l1" { based-on F2 }
report Rep "r" { kind interim  date 2021-03-31  cutoff 2021-03-31 }
`;
    let root: string;
    let workspace: LoadedWorkspace;

    beforeAll(async () => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-matrix-'));
        fs.writeFileSync(path.join(root, 'model.prog'), MODEL);
        workspace = await loadWorkspace(root);
    });
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    const matrix = (options?: Parameters<typeof traceabilityMatrix>[1]): TraceabilityMatrix =>
        traceabilityMatrix(workspace.services.workspace.WorkspaceIndex, options);

    it('has one row per finding in natural ID order, drafts and withdrawn ones with their status', () => {
        const { rows } = matrix();
        expect(rows.map(r => `${r.id} ${r.status} ${r.inForce}`)).toEqual([
            'F1 confirmed true', 'F2 confirmed true', 'F3 withdrawn false', 'F10 draft false'
        ]);
    });

    it('gives questions, confidence, evidence per source kind and who uses the finding', () => {
        const [f1, f2, f3] = matrix().rows;
        expect(f1).toEqual({
            id: 'F1', title: 'one', status: 'confirmed', inForce: true, date: '2021-02-01',
            questions: ['q1'], confidence: 'moderate',
            evidence: { interview: 1, document: 1 }, evidenceCount: 2, sourceKinds: 2,
            triangulation: { kinds: ['interview', 'document'], origins: ['programme', 'independent'], literature: 0 }, triangulated: true,
            usedBy: { assessments: ['A1'], assessmentsInForce: ['A1'], recommendations: ['R1'], lessons: [] }
        });
        expect(f2).toMatchObject({
            questions: ['q2', 'q1'], confidence: 'low', evidence: { interview: 2 }, evidenceCount: 2, sourceKinds: 1,
            triangulation: { kinds: ['interview'], origins: ['independent'], literature: 0 }, triangulated: false,
            usedBy: { assessments: ['A1'], recommendations: [], lessons: ['L1'] }
        });
        expect(f3.usedBy).toEqual({ assessments: [], assessmentsInForce: [], recommendations: ['R2'], lessons: [] });
        expect(f3.confidence).toBeUndefined();
    });

    it('computes the coverage figures from findings in force', () => {
        expect(matrix().coverage).toEqual({
            questionsAnswered: { numerator: 2, denominator: 3, share: 2 / 3 },
            findingsTriangulated: { numerator: 1, denominator: 2, share: 0.5 },
            outcomesWithEvidence: { numerator: 2, denominator: 3, share: 2 / 3 },
            recommendationsWithBasis: { numerator: 1, denominator: 3, share: 1 / 3 },
            sourcesCited: { numerator: 3, denominator: 4, share: 0.75 }
        });
    });

    it('takes a filter: the findings a report includes', () => {
        const index = workspace.services.workspace.WorkspaceIndex;
        const report = index.declarationsOf('Rep')[0] as Report;
        const filtered = matrix({ includeFinding: f => reportIncludes(report, f) });
        expect(filtered.rows.map(r => r.id)).toEqual(['F1']);
        expect(filtered.coverage).toEqual({
            questionsAnswered: { numerator: 1, denominator: 3, share: 1 / 3 },
            findingsTriangulated: { numerator: 1, denominator: 1, share: 1 },
            outcomesWithEvidence: { numerator: 1, denominator: 3, share: 1 / 3 },
            // R2 rests on a finding the report leaves out, so the report leaves R2 out too.
            recommendationsWithBasis: { numerator: 1, denominator: 2, share: 0.5 },
            sourcesCited: { numerator: 2, denominator: 4, share: 0.5 }
        });
    });

    it('counts a finding as triangulated with two kinds and two origins, literature left out', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-matrix-'));
        try {
            fs.writeFileSync(path.join(dir, 'p.prog'), `
programme P "p" { client KS }
actor KS "KS" { type association }
actor Bergen "Bergen kommune" { type municipality }
project X "x" { owner Bergen }
source I interview "i" { date 2021-01-01 }
source IX interview "project leader" { date 2021-01-01  actor Bergen }
source SX survey "project survey" { date 2021-01-01  actor Bergen }
source D document "independent report"
source M literature "a study"
finding F1 "literature and one interview" { evidence I, M }
finding F2 "interview and survey of one project" { evidence IX, SX }
finding F3 "project interview and an independent document" { evidence IX, D, M }
`);
            const ws = await loadWorkspace(dir);
            const rows = traceabilityMatrix(ws.services.workspace.WorkspaceIndex).rows;
            expect(rows.map(r => [r.id, r.triangulated, r.triangulation])).toEqual([
                ['F1', false, { kinds: ['interview'], origins: ['independent'], literature: 1 }],
                ['F2', false, { kinds: ['interview', 'survey'], origins: ['project'], literature: 0 }],
                ['F3', true, { kinds: ['interview', 'document'], origins: ['project', 'independent'], literature: 1 }]
            ]);
            // sourceKinds counts literature as before; the triangulation does not.
            expect(rows.map(r => r.sourceKinds)).toEqual([2, 2, 3]);
            expect(traceabilityMatrix(ws.services.workspace.WorkspaceIndex).coverage.findingsTriangulated).toEqual({ numerator: 1, denominator: 3, share: 1 / 3 });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('gives share null when there is nothing to count', async () => {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-matrix-'));
        try {
            fs.writeFileSync(path.join(empty, 'p.prog'), 'programme P "p"');
            const ws = await loadWorkspace(empty);
            const result = traceabilityMatrix(ws.services.workspace.WorkspaceIndex);
            expect(result.rows).toEqual([]);
            expect(Object.values(result.coverage)).toEqual(Array(5).fill({ numerator: 0, denominator: 0, share: null }));
        } finally {
            fs.rmSync(empty, { recursive: true, force: true });
        }
    });
});

describe('traceabilityMatrix as of a date: assessments in force, indicators, dated recommendations', () => {
    const MODEL = `
programme P "p"
question q1 "first"
source S1 document "d" { date 2021-01-01 }
source S2 survey "s" { date 2022-06  respondents 146  population 310 }
logic L "l" {
    output X "x"
    outcome O1 "o1" {
        indicator Ind "share" {
            baseline 10  target 60  unit "prosent"
            measured 2021-12 35 from S1 at "p. 2"
            measured 2022-06 52 from S2
        }
    }
    impact I1 "i1"
    indicator Top "top" { for I1 }
    X -> O1 -> I1
}
finding F1 "on the indicator only" { answers q1  evidence S1  confidence low  supports Ind }
finding F2 "on the impact's indicator" { answers q1  evidence S1  confidence low  challenges Top  date 2022-05-01 }
recommendation R1 "early" { based-on F1  date 2021-06-01 }
recommendation R2 "late" { based-on F1  date 2022-06-01 }
assessment A1 "first" { criterion relevance  rating low  based-on F1  date 2021-06-01 }
assessment A2 "second" { criterion relevance  rating high  based-on F1, F2  date 2022-06-01  replaces A1 }
assessment A3 "not assessed" { criterion efficiency  not-assessed "Outside the mandate" }
report Rep "r" { kind assessment  cutoff 2021-12-31 }
`;
    let root: string;
    let workspace: LoadedWorkspace;
    beforeAll(async () => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-matrix-'));
        fs.writeFileSync(path.join(root, 'model.prog'), MODEL);
        workspace = await loadWorkspace(root);
    });
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
    const matrix = (options?: Parameters<typeof traceabilityMatrix>[1]): TraceabilityMatrix =>
        traceabilityMatrix(workspace.services.workspace.WorkspaceIndex, options);
    const report = () => workspace.services.workspace.WorkspaceIndex.declarationsOf('Rep')[0] as Report;

    it('lists the assessments in force: the replacement, and the not-assessed one with its reason', () => {
        expect(matrix().assessments).toEqual([
            { id: 'A2', title: 'second', criterion: 'relevance', rating: 'high', date: '2022-06-01', replaces: 'A1', basedOn: ['F1', 'F2'] },
            { id: 'A3', title: 'not assessed', criterion: 'efficiency', notAssessed: 'Outside the mandate', basedOn: [] }
        ]);
        const f1 = matrix().rows.find(r => r.id === 'F1')!;
        expect(f1.usedBy.assessments).toEqual(['A1', 'A2']);
        expect(f1.usedBy.assessmentsInForce).toEqual(['A2']);
    });

    it("as of a report: that report's assessments, indicators and recommendations", () => {
        const r = report();
        const asOfReport = matrix({ includeFinding: f => reportIncludes(r, f), report: r });
        expect(asOfReport.assessments.map(a => a.id)).toEqual(['A1', 'A3']);
        expect(asOfReport.rows.find(row => row.id === 'F1')!.usedBy.assessmentsInForce).toEqual(['A1']);
        expect(asOfReport.indicators.find(i => i.id === 'Ind')).toMatchObject({ latest: { date: '2021-12', value: 35, source: 'S1', at: 'p. 2' }, measurements: 1 });
        // R2 is dated after the cutoff: not counted.
        expect(asOfReport.coverage.recommendationsWithBasis).toEqual({ numerator: 1, denominator: 1, share: 1 });
        expect(matrix().coverage.recommendationsWithBasis).toEqual({ numerator: 2, denominator: 2, share: 1 });
    });

    it('gives every indicator with its node and latest value', () => {
        expect(matrix().indicators).toEqual([
            { id: 'Ind', title: 'share', node: 'O1', level: 'outcome', baseline: 10, target: 60, unit: 'prosent', latest: { date: '2022-06', value: 52, source: 'S2' }, measurements: 2 },
            { id: 'Top', title: 'top', node: 'I1', level: 'impact', measurements: 0 }
        ]);
    });

    it('counts a finding on an indicator as evidence for its outcome or impact', () => {
        expect(matrix().coverage.outcomesWithEvidence).toEqual({ numerator: 2, denominator: 2, share: 1 });
    });
});

describe('tables and charts in the matrix: evidence from each of their sources (V2 §8)', () => {
    it('counts the sources of a table per kind, triangulates across them, and counts them as cited where the table is', async () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-matrix-tables-'));
        try {
            fs.mkdirSync(path.join(root, 'data'));
            fs.writeFileSync(path.join(root, 'data', 't.csv'), 'Gruppe;n\nA;10\n');
            fs.writeFileSync(path.join(root, 'model.prog'), `
programme P "p"
question q1 "first"
source S1 survey "survey" { date 2021-01-01 }
source D1 dataset "register" { date 2021-01-01 }
source I1 interview "interview" { date 2021-01-01  origin programme }
source S9 survey "behind an uncited table" { date 2021-01-01 }
source S8 survey "behind a table only a late finding cites" { date 2021-01-01 }
table T1 "t" { from S1, D1  file "data/t.csv" }
chart C1 "c" { from I1  file "data/t.csv" }
table T9 "never cited" { from S9  file "data/t.csv" }
table T8 "cited late" { from S8  file "data/t.csv" }
finding F1 "one" { answers q1  evidence T1, C1  confidence high }
finding F2 "two" { answers q1  evidence T1  confidence low }
finding F3 "late" { answers q1  evidence T8  confidence low  date 2022-01-01 }
report Rep "r" { kind interim  date 2021-03-31  cutoff 2021-03-31 }
`);
            const ws = await loadWorkspace(root);
            const index = ws.services.workspace.WorkspaceIndex;
            const all = traceabilityMatrix(index);
            const [f1, f2] = all.rows;
            expect(f1).toMatchObject({ evidence: { interview: 1, survey: 1, dataset: 1 }, evidenceCount: 2, sourceKinds: 3, triangulated: true });
            // Two kinds, but both independent: one origin is not triangulated (V2 §3).
            expect(f2).toMatchObject({ evidence: { survey: 1, dataset: 1 }, evidenceCount: 1, sourceKinds: 2, triangulated: false });
            // S9 stands behind a table nothing cites.
            expect(all.coverage.sourcesCited).toEqual({ numerator: 4, denominator: 5, share: 0.8 });
            const report = index.declarationsOf('Rep')[0] as Report;
            // F3 falls after the cutoff: S8 is cited only through it.
            expect(traceabilityMatrix(index, { includeFinding: f => reportIncludes(report, f) }).coverage.sourcesCited)
                .toEqual({ numerator: 3, denominator: 5, share: 0.6 });
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});

describe('sporbar matrix examples/pri', () => {
    it('answers every question: coverage of questions is 100%', () => {
        const questions = countDeclarations(PRI, 'question');
        expect(questions).toBeGreaterThan(0);
        const run = sporbar(['matrix', PRI]);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(new RegExp(`^  questions answered +${questions}/${questions} +100%$`, 'm'));
        const json = JSON.parse(sporbar(['matrix', PRI, '--format', 'json']).stdout) as TraceabilityMatrix;
        expect(json.coverage.questionsAnswered).toEqual({ numerator: questions, denominator: questions, share: 1 });
    });

    it('--format json prints one object of rows and coverage, one row per finding', () => {
        const run = sporbar(['matrix', PRI, '--format', 'json']);
        expect(run.status).toBe(0);
        const json = JSON.parse(run.stdout) as TraceabilityMatrix;
        // Fields are only ever added: `assessments` and `indicators` came with time and measurement.
        expect(Object.keys(json)).toEqual(['rows', 'coverage', 'assessments', 'indicators']);
        expect(Object.keys(json.coverage)).toEqual(['questionsAnswered', 'findingsTriangulated', 'outcomesWithEvidence', 'recommendationsWithBasis', 'sourcesCited']);
        expect(json.rows).toHaveLength(countDeclarations(PRI, 'finding'));
        for (const row of json.rows) {
            expect(row.evidenceCount).toBe(Object.values(row.evidence).reduce((a, b) => a + b, 0));
            expect(row.triangulated).toBe(row.triangulation.kinds.length >= 2 && row.triangulation.origins.length >= 2);
            expect(row.triangulation.kinds).not.toContain('literature');
        }
        const inForce = json.rows.filter(r => r.inForce);
        expect(json.coverage.findingsTriangulated).toMatchObject({ numerator: inForce.filter(r => r.triangulated).length, denominator: inForce.length });
        for (const figure of Object.values(json.coverage)) expect(figure.share).toBeCloseTo(figure.numerator / figure.denominator);
    });

    it('prints an aligned table with truncated titles', () => {
        const lines = sporbar(['matrix', PRI]).stdout.split('\n');
        const header = lines[0];
        expect(header).toMatch(/^ID +Finding +Status +Questions +Confidence +Evidence +Origins +Triangulated +Used by$/);
        const rows = lines.slice(2, lines.indexOf(''));
        expect(rows).toHaveLength(countDeclarations(PRI, 'finding'));
        const statusAt = header.indexOf('Status'), questionsAt = header.indexOf('Questions');
        for (const row of rows) {
            expect(row.slice(statusAt)).toMatch(/^(confirmed|revised|draft|withdrawn) /);
            expect(row[questionsAt - 1]).toBe(' ');
            expect(row[questionsAt]).not.toBe(' ');
            const title = row.slice(header.indexOf('Finding'), statusAt).trimEnd();
            expect([...title].length).toBeLessThanOrEqual(48);
        }
        expect(rows.some(row => row.includes('…'))).toBe(true);
        expect(truncate('abcdef', 4)).toBe('abc…');
        expect(truncate('abcd', 4)).toBe('abcd');
    });

    it('--format csv is RFC 4180 with a header row, and reads back to the same titles', () => {
        const run = sporbar(['matrix', PRI, '--format', 'csv']);
        expect(run.status).toBe(0);
        expect(run.stdout.endsWith('\r\n')).toBe(true);
        const records = parseCsv(run.stdout);
        expect(records[0]).toEqual(CSV_HEADER);
        const json = JSON.parse(sporbar(['matrix', PRI, '--format', 'json']).stdout) as TraceabilityMatrix;
        expect(records.slice(1)).toHaveLength(json.rows.length);
        records.slice(1).forEach((record, i) => {
            expect(record).toHaveLength(CSV_HEADER.length);
            expect(record[0]).toBe(json.rows[i].id);
            expect(record[1]).toBe(json.rows[i].title);
            expect(record[CSV_HEADER.indexOf('interview')]).toBe(String(json.rows[i].evidence.interview ?? 0));
            expect(record[CSV_HEADER.indexOf('triangulated')]).toBe(String(json.rows[i].triangulated));
            expect(record[CSV_HEADER.indexOf('triangulation_kinds')]).toBe(json.rows[i].triangulation.kinds.join(', '));
            expect(record[CSV_HEADER.indexOf('triangulation_origins')]).toBe(json.rows[i].triangulation.origins.join(', '));
        });
        expect(records.slice(1).some(r => r[1].includes(','))).toBe(true);
        expect(csvField('a "b", c\nd')).toBe('"a ""b"", c\nd"');
        expect(csvField('plain')).toBe('plain');
    });

    it('--report keeps only the findings that report includes', () => {
        const all = JSON.parse(sporbar(['matrix', PRI, '-f', 'json']).stdout) as TraceabilityMatrix;
        const run = sporbar(['matrix', PRI, '-f', 'json', '--report', 'Underveisnotat']);
        expect(run.status).toBe(0);
        const interim = JSON.parse(run.stdout) as TraceabilityMatrix;
        expect(interim.rows.length).toBeGreaterThan(0);
        expect(interim.rows.length).toBeLessThan(all.rows.length);
        for (const row of interim.rows) {
            expect(row.inForce).toBe(true);
            expect(row.date === undefined || row.date <= '2021-05-31').toBe(true);
        }
    });

    it('the assessments in force and the indicators, as of today or as of a report', () => {
        const now = JSON.parse(sporbar(['matrix', PRI, '-f', 'json']).stdout) as TraceabilityMatrix;
        expect(now.assessments.map(a => a.id)).toContain('VBærekraftSlutt');
        expect(now.assessments.map(a => a.id)).not.toContain('VBærekraft');
        const basis = JSON.parse(sporbar(['matrix', PRI, '-f', 'json', '--report', 'Vurderingsgrunnlag']).stdout) as TraceabilityMatrix;
        expect(basis.assessments.map(a => a.id)).toContain('VBærekraft');
        expect(basis.assessments.map(a => a.id)).not.toContain('VBærekraftSlutt');
        expect(basis.indicators.find(i => i.id === 'Hovedprosjekter')?.latest?.value).toBe(5);
        expect(now.indicators.find(i => i.id === 'Hovedprosjekter')?.latest?.value).toBe(6);
        const table = sporbar(['matrix', PRI]).stdout;
        expect(table).toMatch(/^Assessments in force$/m);
        expect(table).toMatch(/^ {2}VBærekraftSlutt +sustainability +moderate +2023-01-10 +replaces VBærekraft$/m);
        expect(table).toMatch(/^ {2}Hovedprosjekter +output Porteføljer +0 → 6 \(2022-11, DS03\) → 6 prosjekter$/m);
    });

    it('exits 2 on usage problems', () => {
        const missing = sporbar(['matrix', 'test/fixtures/cli/no-such-folder']);
        expect(missing.status).toBe(2);
        expect(missing.stderr).toBe('sporbar: folder not found: test/fixtures/cli/no-such-folder\n');
        const empty = sporbar(['matrix', 'test/fixtures/cli/empty']);
        expect(empty.status).toBe(2);
        expect(empty.stderr).toBe('sporbar: no .prog files in test/fixtures/cli/empty\n');
        expect(sporbar(['matrix', PRI, '--format', 'xlsx']).status).toBe(2);
        expect(sporbar(['matrix', PRI, '--no-such-option']).status).toBe(2);
        const report = sporbar(['matrix', PRI, '--report', 'NoSuchReport']);
        expect(report.status).toBe(2);
        expect(report.stderr).toBe(`sporbar: no report 'NoSuchReport' in ${PRI}\n`);
    });
});
