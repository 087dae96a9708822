// First-time mistakes (issue 19): each case is a copy of the valid workspace
// test/fixtures/newcomer with one change, as a researcher new to .prog would make it. Each
// gives exactly one diagnostic, on the right line, whose message says what to do — and
// nothing in the elements and files the mistake does not touch. `sporbar validate`'s lean
// trees give the same diagnostics as full trees.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectDiagnostics, loadWorkspace, type FileDiagnostic } from '@sporbar/language';

const WORKSPACE = path.resolve(__dirname, '../fixtures/newcomer');

interface Mistake {
    readonly name: string;
    readonly file: string;
    /** The text to change (must occur exactly once in the file) and what it becomes. */
    readonly from: string;
    readonly to: string;
    /** The one diagnostic: where (line, 1-based), which code, and what the message says. */
    readonly line: number;
    readonly code: string;
    readonly message: RegExp;
    /** What the quick fix gets from the diagnostic's data. */
    readonly data?: Record<string, unknown>;
    readonly severity?: number;
}

const MISTAKES: readonly Mistake[] = [
    {
        name: 'a text whose closing """ is missing, before the next finding',
        file: 'findings.prog', from: '        erfaringer fra andre kommuner (@I01, @I02).\n    """', to: '        erfaringer fra andre kommuner (@I01, @I02).',
        line: 7, code: 'syntax/lexer', message: /text opened here is never closed — add `"""`/
    },
    {
        name: 'a text whose closing """ is missing, before the next text of the element',
        file: 'report.prog', from: '        Nettverket virker (@F1), men opplæring mangler (@F2).\n    """', to: '        Nettverket virker (@F1), men opplæring mangler (@F2).',
        line: 6, code: 'syntax/lexer', message: /text opened here is never closed/
    },
    {
        name: 'a text whose closing """ is missing, at the end of the file',
        file: 'report.prog', from: '        To intervjuer og en sluttrapport (@I01, @I02, @D01).\n    """\n}', to: '        To intervjuer og en sluttrapport (@I01, @I02, @D01).\n}',
        line: 9, code: 'syntax/lexer', message: /text opened here is never closed/
    },
    {
        name: 'a title without its closing quote',
        file: 'findings.prog', from: '"Nettverket har gjort kommunene bedre i stand til å lære av hverandre" {', to: '"Nettverket har gjort kommunene bedre i stand til å lære av hverandre {',
        line: 1, code: 'syntax/lexer', message: /never closed — add `"` at its end/
    },
    {
        name: 'a misspelled property',
        file: 'findings.prog', from: '    confidence moderate\n    supports', to: '    confidance moderate\n    supports',
        line: 4, code: 'syntax/parse', message: /'confidance' is not a property of a finding — did you mean `confidence`\?/,
        data: { suggestion: { text: 'confidence' } }
    },
    {
        name: 'a confidence written on the priority scale',
        file: 'findings.prog', from: '    confidence moderate\n    supports', to: '    confidence medium\n    supports',
        line: 4, code: 'syntax/parse', message: /'medium' is not one of the confidence values high, moderate, low, very-low — did you mean `moderate`\?/,
        data: { suggestion: { text: 'moderate' } }
    },
    {
        name: 'a priority written on the confidence scale',
        file: 'recommendations.prog', from: 'priority medium', to: 'priority moderate',
        line: 10, code: 'syntax/parse', message: /did you mean `medium`\?/, data: { suggestion: { text: 'medium' } }
    },
    {
        name: 'a Norwegian date (dd.mm.yyyy)',
        file: 'sources.prog', from: 'date 2024-03-12', to: 'date 12.03.2024',
        line: 2, code: 'date/invalid', message: /'12\.03\.2024' is not written as \.prog writes dates — write 2024-03-12/, data: { iso: '2024-03-12' }
    },
    {
        name: 'a short Norwegian date (d.m.yyyy)',
        file: 'sources.prog', from: 'date 2024-09-01', to: 'date 1.9.2024',
        line: 12, code: 'date/invalid', message: /write 2024-09-01/, data: { iso: '2024-09-01' }
    },
    {
        name: 'a date with slashes (yyyy/mm/dd)',
        file: 'sources.prog', from: 'date 2024-04-02', to: 'date 2024/04/02',
        line: 7, code: 'date/invalid', message: /write 2024-04-02/, data: { iso: '2024-04-02' }
    },
    {
        name: 'an ID with a hyphen',
        file: 'recommendations.prog', from: 'recommendation R1 ', to: 'recommendation R-1 ',
        line: 1, code: 'syntax/id', message: /'R-1' is not a valid ID: .*letters, digits and `_` — write `R_1` or `R1`/, data: { replacements: ['R_1', 'R1'] }
    },
    {
        name: 'an ID that starts with a digit',
        file: 'recommendations.prog', from: 'recommendation R2 ', to: 'recommendation 2R ',
        line: 8, code: 'syntax/id', message: /'2R' is not a valid ID: it starts with a digit.* — write `R2`/, data: { replacements: ['R2'] }
    },
    {
        name: 'a misspelled reference',
        file: 'findings.prog', from: 'supports Læringskapasitet', to: 'supports Læringskapsitet',
        line: 5, code: 'ref/unresolved', message: /No logic node, assumption or indicator named 'Læringskapsitet' — did you mean 'Læringskapasitet'\?/,
        data: { suggestions: [{ id: 'Læringskapasitet' }] }
    },
    {
        name: 'a reference by the title instead of the ID',
        file: 'recommendations.prog', from: 'to Kommunene', to: 'to Deltakende',
        line: 9, code: 'ref/unresolved', message: /did you mean 'Kommunene' \("Deltakende kommuner"\)\?/,
        data: { suggestions: [{ id: 'Kommunene', title: 'Deltakende kommuner' }] }
    },
    {
        name: 'a misspelled element keyword',
        file: 'findings.prog', from: 'finding F2 ', to: 'fnding F2 ',
        line: 13, code: 'syntax/parse', message: /'fnding' is not an element keyword — did you mean `finding`\?/, data: { suggestion: { text: 'finding' } }
    },
    {
        name: 'an element keyword in capitals',
        file: 'findings.prog', from: 'finding F2 ', to: 'Finding F2 ',
        line: 13, code: 'syntax/parse', message: /keywords are lower case: did you mean `finding`\?/
    },
    {
        name: 'a block without its closing brace',
        file: 'findings.prog', from: '    """\n}\n\nfinding F2', to: '    """\n\nfinding F2',
        line: 10, code: 'syntax/parse', message: /This block is never closed — add `}` before the next element \(`finding` on line 12\)/
    },
    {
        name: 'a closing brace too many',
        file: 'findings.prog', from: '    """\n}\n\nfinding F2', to: '    """\n}\n}\n\nfinding F2',
        line: 12, code: 'syntax/parse', message: /This `}` closes nothing/
    },
    {
        name: 'text without quotes',
        file: 'sources.prog', from: 'role "Tjenesteleder"', to: 'role Tjenesteleder',
        line: 8, code: 'syntax/parse', message: /Expected a "string" but found 'Tjenesteleder' — write text in quotes: "Tjenesteleder"/
    },
    {
        name: 'a source kind in Norwegian',
        file: 'sources.prog', from: 'source I02 interview', to: 'source I02 intervju',
        line: 6, code: 'syntax/parse', message: /'intervju' is not one of the source kind values .* — did you mean `interview`\?/, data: { suggestion: { text: 'interview' } }
    },
    {
        name: 'a list without its comma',
        file: 'findings.prog', from: 'I01 at "00:12:40", I02', to: 'I01 at "00:12:40" I02',
        line: 3, code: 'syntax/parse', message: /'I02' is not a property of a finding — if it continues a list, put a comma before it/
    },
    {
        name: 'a colon after the property',
        file: 'findings.prog', from: '    confidence moderate\n    supports', to: '    confidence: moderate\n    supports',
        line: 4, code: 'syntax/lexer', message: /Unexpected character ':' .* — write a property without `:`: `confidence moderate`/
    },
    {
        name: 'typographic quotes',
        file: 'sources.prog', from: 'role "Tjenesteleder"', to: 'role «Tjenesteleder»',
        line: 8, code: 'syntax/lexer', message: /write strings in straight quotes/
    },
    {
        name: 'a period written with a dash',
        file: 'programme.prog', from: 'period 2023-01 .. 2025-12', to: 'period 2023-2025',
        line: 5, code: 'syntax/parse', message: /A period is written with `\.\.`: `2023 \.\. 2025`/, data: { suggestion: { text: '2023 .. 2025' } }
    },
    {
        name: 'a block without its opening brace',
        file: 'sources.prog', from: 'source D01 document "Sluttrapport fra nettverket" {', to: 'source D01 document "Sluttrapport fra nettverket"',
        line: 12, code: 'syntax/parse', message: /`date` stands outside the block of the source before it — add `\{` after its title/
    },
    {
        name: 'a title without quotes',
        file: 'findings.prog', from: 'finding F2 "Manglende opplæring hemmer bruken av ny teknologi" {', to: 'finding F2 Manglende opplæring hemmer bruken av ny teknologi {',
        line: 13, code: 'syntax/parse', message: /Expected a "string" but found 'Manglende' — write text in quotes/
    },
    {
        name: 'a chain arrow written as a dash',
        file: 'logic.prog', from: 'Nettverk -> Læringskapasitet', to: 'Nettverk - Læringskapasitet',
        line: 7, code: 'syntax/lexer', message: /Unexpected character '-' .* — a chain is written `Nettverk -> Læringskapasitet`/
    },
    {
        name: 'tabs and spaces mixed in a text',
        file: 'findings.prog', from: '        Begge informantene', to: '\t\tBegge informantene',
        line: 8, code: 'text/mixed-indentation', message: /mixes tabs and spaces in its indentation.* the report would show the lines as code/, severity: 2
    }
];

function copy(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-newcomer-'));
    for (const file of fs.readdirSync(WORKSPACE)) fs.copyFileSync(path.join(WORKSPACE, file), path.join(root, file));
    return root;
}

function brief(d: FileDiagnostic): string {
    return `${d.file}:${d.diagnostic.range.start.line + 1} ${d.diagnostic.code} ${d.diagnostic.message}`;
}

async function diagnostics(root: string, lean: boolean): Promise<FileDiagnostic[]> {
    return collectDiagnostics(await loadWorkspace(root, undefined, lean ? { leanTrees: true, oneShot: true } : {}));
}

describe('first-time mistakes: one actionable diagnostic each, nothing elsewhere', () => {
    it('the workspace they are made in is valid, without any diagnostic', async () => {
        expect((await diagnostics(WORKSPACE, false)).map(brief)).toEqual([]);
    });

    it('has at least twenty mistakes', () => {
        expect(MISTAKES.length).toBeGreaterThanOrEqual(20);
    });

    for (const mistake of MISTAKES) {
        it(mistake.name, async () => {
            const root = copy();
            try {
                const file = path.join(root, mistake.file);
                const text = fs.readFileSync(file, 'utf8');
                expect(text.split(mistake.from).length, `'${mistake.from}' occurs once in ${mistake.file}`).toBe(2);
                fs.writeFileSync(file, text.replace(mistake.from, mistake.to));
                const full = await diagnostics(root, false);
                expect(full.map(brief)).toHaveLength(1);
                const [{ file: where, diagnostic }] = full;
                expect(`${where}:${diagnostic.range.start.line + 1} ${diagnostic.code}`).toBe(`${mistake.file}:${mistake.line} ${mistake.code}`);
                expect(diagnostic.message).toMatch(mistake.message);
                expect(diagnostic.severity).toBe(mistake.severity ?? 1);
                if (mistake.data) expect(diagnostic.data).toMatchObject(mistake.data);
                // The lean trees of `sporbar validate` give the same.
                expect((await diagnostics(root, true)).map(d => [brief(d), d.diagnostic.range, d.diagnostic.data])).toEqual(full.map(d => [brief(d), d.diagnostic.range, d.diagnostic.data]));
            } finally {
                fs.rmSync(root, { recursive: true, force: true });
            }
        });
    }
});
