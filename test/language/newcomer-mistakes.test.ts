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
        line: 10, code: 'syntax/lexer', message: /Unexpected character '-' .* — a chain is written `Nettverk -> Læringskapasitet`/
    },
    // The constructs of V2 (follow-ups, measurements, not-assessed, tables, charts, ethics):
    // their keywords and values come from the grammar like every other.
    {
        name: 'a misspelled follow-up',
        file: 'recommendations.prog', from: 'follow-up 2025', to: 'folow-up 2025',
        line: 13, code: 'syntax/parse', message: /'folow-up' is not a keyword — did you mean `follow-up`\?/, data: { suggestion: { text: 'follow-up' } }
    },
    {
        name: 'follow-up written without its hyphen',
        file: 'recommendations.prog', from: 'follow-up 2025', to: 'followup 2025',
        line: 13, code: 'syntax/parse', message: /'followup' is not a property of a recommendation — did you mean `follow-up`\?/, data: { suggestion: { text: 'follow-up' } }
    },
    {
        name: 'a misspelled follow-up status',
        file: 'recommendations.prog', from: '2025-01-15 accepted', to: '2025-01-15 acepted',
        line: 13, code: 'syntax/parse', message: /'acepted' is not one of the recommendation status values .* — did you mean `accepted`\?/, data: { suggestion: { text: 'accepted' } }
    },
    {
        name: 'a follow-up dated the Norwegian way',
        file: 'recommendations.prog', from: 'follow-up 2025-01-15', to: 'follow-up 15.01.2025',
        line: 13, code: 'date/invalid', message: /write 2025-01-15/, data: { iso: '2025-01-15' }
    },
    {
        name: 'a misspelled measured',
        file: 'logic.prog', from: 'measured 2024-09', to: 'mesured 2024-09',
        line: 6, code: 'syntax/parse', message: /'mesured' is not a property of an indicator — did you mean `measured`\?/, data: { suggestion: { text: 'measured' } }
    },
    {
        name: 'a measured value with a decimal comma',
        file: 'logic.prog', from: '2024-09 75 from', to: '2024-09 75,5 from',
        line: 6, code: 'syntax/parse', message: /Decimal numbers are written with a point, not a comma — write 75\.5, not 75,5/, data: { suggestion: { text: '75.5' } }
    },
    {
        name: 'a misspelled not-assessed',
        file: 'assessments.prog', from: 'not-assessed', to: 'not-assesed',
        line: 12, code: 'syntax/parse', message: /'not-assesed' is not a keyword — did you mean `not-assessed`\?/, data: { suggestion: { text: 'not-assessed' } }
    },
    {
        name: 'an assessment rating on the priority scale',
        file: 'assessments.prog', from: 'rating high', to: 'rating medium',
        line: 3, code: 'syntax/parse', message: /'medium' is not one of the rating values high, moderate, low, unclear — did you mean `moderate`\?/, data: { suggestion: { text: 'moderate' } }
    },
    {
        name: 'a misspelled table keyword (the findings that cite the table are untouched)',
        file: 'data.prog', from: 'table Deltakere', to: 'tabel Deltakere',
        line: 1, code: 'syntax/parse', message: /'tabel' is not an element keyword — did you mean `table`\?/, data: { suggestion: { text: 'table' } }
    },
    {
        name: 'a chart kind in the plural',
        file: 'data.prog', from: 'kind line', to: 'kind lines',
        line: 10, code: 'syntax/parse', message: /'lines' is not one of the chart kind values bar, line — did you mean `line`\?/, data: { suggestion: { text: 'line' } }
    },
    {
        name: 'a chart from a misspelled source',
        file: 'data.prog', from: '    from D01\n    file "deltakere.csv"\n    kind', to: '    from D1\n    file "deltakere.csv"\n    kind',
        line: 8, code: 'ref/unresolved', message: /No source named 'D1' — did you mean 'D01'\?/, data: { suggestions: [{ id: 'D01' }] }
    },
    {
        name: 'an ethics text whose closing """ is missing',
        file: 'programme.prog', from: '        og lydopptakene lagres kryptert.\n    """', to: '        og lydopptakene lagres kryptert.',
        line: 7, code: 'syntax/lexer', message: /text opened here is never closed — add `"""`/
    },
    {
        name: 'a data-deletion date written the Norwegian way',
        file: 'programme.prog', from: 'data-deletion 2026-06-30', to: 'data-deletion 30.06.2026',
        line: 11, code: 'date/invalid', message: /write 2026-06-30/, data: { iso: '2026-06-30' }
    },
    {
        name: 'a baseline with a decimal comma',
        file: 'logic.prog', from: 'baseline 0  target 80', to: 'baseline 0,5  target 80',
        line: 5, code: 'syntax/parse', message: /Decimal numbers are written with a point, not a comma — write 0\.5, not 0,5/, data: { suggestion: { text: '0.5' } }
    },
    {
        name: 'a hyphenated property written with a space',
        file: 'recommendations.prog', from: '    based-on F2', to: '    based on F2',
        line: 11, code: 'syntax/parse', message: /'based on' is not a keyword — did you mean `based-on`\?/, data: { suggestion: { text: 'based-on' } }
    },
    {
        name: 'a DAC criterion in Norwegian',
        file: 'assessments.prog', from: 'criterion relevance', to: 'criterion relevans',
        line: 2, code: 'ref/unresolved', message: /No criterion named 'relevans' — did you mean the DAC criterion `relevance`\?/, data: { suggestions: [{ id: 'relevance' }] }
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
