import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { collectDiagnostics, loadWorkspace, type FileDiagnostic, type LoadedWorkspace } from '@sporbar/language';

/**
 * The time and measurement rules read other files: `indicator/no-measurement` the reports,
 * `privacy/no-ethics-statement` the interview sources, `outcome/no-evidence` the findings on
 * a node's indicators, `finding/self-reported-only` the node behind an indicator. After each
 * edit of one file, every file has the diagnostics a cold validation gives
 * (prog-dependencies.ts records what each check read).
 */
const FILES: Record<string, string> = {
    'programme.prog': 'programme P "Programme" { client KS }\nactor KS "KS" { type association }\nquestion Q "Q?"\n',
    'sources.prog': 'source D1 document "Annual report" { date 2021-01  origin programme }\nsource I1 interview "Interview" { date 2021-02  access public }\n',
    'logic.prog': 'logic L "L" {\n    activity A "A"\n    outcome O "O" { indicator In "Nested" { baseline 0  target 6 } }\n    A -> O\n}\n',
    'indicators.prog': 'logic L2 "L2" {\n    indicator Top "Top" { for O  target 3  measured 2021-06 1 from D1 }\n}\n',
    'findings.prog': 'finding F1 "F" { answers Q  evidence D1, I1  confidence low }\n',
    'reports.prog': 'report N "Note" { kind interim  cutoff 2021-12-31 }\n'
};

/** Each step: a file and its new text (replacing `from` with `to`). */
const STEPS: Array<[string, string, string]> = [
    // An assessment report appears: indicator/no-measurement on `In` (logic.prog).
    ['reports.prog', 'kind interim', 'kind assessment'],
    // The interview becomes confidential: privacy/no-ethics-statement on the programme.
    ['sources.prog', 'access public', 'access confidential'],
    // A finding on the top-level indicator: outcome/no-evidence on O goes away.
    ['findings.prog', 'confidence low }', 'confidence low  supports Top }'],
    // Only the self-reported document behind it: finding/self-reported-only, through the indicator.
    ['findings.prog', 'evidence D1, I1', 'evidence D1'],
    // The node stops being an outcome (in another file than the indicator and the finding).
    ['logic.prog', 'outcome O "O"', 'output O "O"'],
    ['logic.prog', 'output O "O"', 'outcome O "O"'],
    // The indicator is renamed: the finding no longer names it.
    ['indicators.prog', 'indicator Top ', 'indicator Top2 '],
    ['indicators.prog', 'indicator Top2 ', 'indicator Top '],
    // The ethics statement, and the interim kind again.
    ['programme.prog', '{ client KS }', '{ client KS  ethics """ Meldt til Sikt. """ }'],
    ['reports.prog', 'kind assessment', 'kind interim'],
    ['sources.prog', 'access confidential', 'access public']
];

function key(d: FileDiagnostic): string {
    const r = d.diagnostic.range;
    return `${d.file}:${r.start.line + 1}:${r.start.character + 1} ${d.diagnostic.code} ${d.diagnostic.message}`;
}

let dir: string;
let workspace: LoadedWorkspace;

beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-time-incr-'));
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
    workspace = await loadWorkspace(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('time and measurement rules after edits in other files', () => {
    it('equal a cold validation after every step, and each step changes what it should', async () => {
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        const seen = new Set<string>();
        for (const [file, from, to] of STEPS) {
            const full = path.join(dir, file);
            const text = fs.readFileSync(full, 'utf8');
            expect(text, `${file}: ${from}`).toContain(from);
            fs.writeFileSync(full, text.replace(from, to));
            await builder.update([URI.file(full)], []);
            const incremental = collectDiagnostics({ ...workspace, documents: workspace.services.shared.workspace.LangiumDocuments.all.toArray() as typeof workspace.documents }).map(key).sort();
            const cold = collectDiagnostics(await loadWorkspace(dir)).map(key).sort();
            expect(incremental, `${file}: ${from} -> ${to}`).toEqual(cold);
            for (const k of cold) seen.add(k.replace(/^(\S+):\d+:\d+ (\S+).*$/, '$1 $2'));
        }
        // The steps did bring each cross-file rule up at least once.
        expect([...seen]).toEqual(expect.arrayContaining([
            'logic.prog indicator/no-measurement', 'programme.prog privacy/no-ethics-statement',
            'logic.prog outcome/no-evidence', 'findings.prog finding/self-reported-only'
        ]));
    });
});
