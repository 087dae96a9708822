/**
 * Triangulation in the report (issue 17, V2.md §3–4, REPORTS.md "Triangulation"): the method
 * chapter states the V2 definition (two kinds of source AND two origins, literature not
 * counted) with an "n av m" that equals Vedlegg A's; each finding says why it is or is not
 * triangulated, by kinds and origins; Vedlegg A shows the kinds, the origins and "ja"/"nei";
 * the limitations count the findings on outcomes and impacts that rest only on the
 * programme's own sources.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type LoadedWorkspace } from '@sporbar/language';
import { allSections, buildDocument, inlineText, type Block, type ReportDocument, type Table } from '@sporbar/report';
import { CORPUS, docxOf } from './corpus.js';
import { paragraphs, tables } from './docx-reader.js';
import { report } from './report-helpers.js';

function texts(doc: ReportDocument): { paragraphs: string[]; tables: Table[] } {
    const out: string[] = [];
    const found: Table[] = [];
    const visit = (blocks: readonly Block[]) => {
        for (const b of blocks) {
            if (b.type === 'paragraph') out.push(inlineText(b.children));
            else if (b.type === 'list') for (const item of b.items) visit(item);
            else if (b.type === 'quote') visit(b.children);
            else if (b.type === 'table') found.push(b);
        }
    };
    for (const s of allSections(doc.sections)) visit(s.blocks);
    return { paragraphs: out, tables: found };
}

const MODEL = (language: string) => `
programme P "Programmet" { client KS }
actor KS "KS" { type association }
actor Team "Programteamet" { type team  members 9  part-of KS }
actor Uni "Universitetet" { type research }
question q "Virker programmet?"
logic L "Programteori" {
    activity A "Aktivitet"
    outcome O "Kommunene samarbeider mer"
    A -> O
}
source I1 interview "Intervju med programleder" { date 2022-03  actor Team }
source I2 interview "Intervju med forsker" { date 2022-03  actor Uni }
source I3 interview "Intervju med rådgiver" { date 2022-04  actor Team }
source D1 document "Programplan" { date 2022-01  actor KS }
source D2 document "Forskningsnotat" { date 2022-02  actor Uni }
source L1 literature "Evaluering i praksis" { date 2020 }
finding FT "Begge" { answers q  evidence I1, D2  confidence moderate }
finding FO "Bare programmet" { answers q  evidence I1, D1, L1  confidence moderate }
finding FK "Bare intervjuer" { answers q  evidence I1, I2, L1  confidence moderate }
finding FL "Bare litteratur" { answers q  evidence L1  confidence low }
finding FS "Effekt fra programmet selv" { answers q  supports O  evidence I3, D1  confidence low }
report R "Rapport" { kind assessment  date 2022-06-01  language ${language}  summary """ Kort. """ }
`;

describe('triangulation sentences, appendix columns and limitations (a workspace of five findings)', () => {
    const roots: string[] = [];
    const build = async (language: string, model = MODEL(language)) => {
        const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-triangulation-')));
        roots.push(root);
        fs.writeFileSync(path.join(root, 'model.prog'), model);
        const ws: LoadedWorkspace = await loadWorkspace(root);
        return texts(await buildDocument(ws, report(ws, 'R')));
    };
    let nb: { paragraphs: string[]; tables: Table[] };
    beforeAll(async () => { nb = await build('nb'); });
    afterAll(() => { for (const r of roots) fs.rmSync(r, { recursive: true, force: true }); });

    it('says why each finding is or is not triangulated, by kinds and origins (nb)', () => {
        const all = nb.paragraphs.join('\n');
        expect(all).toContain('Funnet er triangulert: det bygger på både intervjuer og dokumenter, fra programmet og fra uavhengige kilder.');
        expect(all).toContain('Funnet er ikke triangulert: det bygger på både intervjuer og dokumenter, men alle kildene kommer fra programmet selv. Litteraturen det viser til, teller ikke med.');
        expect(all).toContain('Funnet er ikke triangulert: det bygger bare på to intervjuer, fra programmet og fra uavhengige kilder. Litteraturen det viser til, teller ikke med.');
        expect(all).toContain('Funnet er ikke triangulert: det bygger bare på litteratur, som ikke teller med i trianguleringen.');
    });

    it('states the V2 definition and counts one of five, as Vedlegg A does', () => {
        const all = nb.paragraphs.join('\n');
        expect(all).toContain('og på kilder fra minst to ulike ståsteder: programmet selv, prosjektene eller uavhengige kilder. Litteratur kan støtte et funn, men teller ikke med i trianguleringen.');
        expect(all).toMatch(/Etter denne definisjonen er ett av fem funn \(20\u00a0%\) triangulert; vedlegg\u00a0A viser hvilke\./);
        const matrix = nb.tables.find(t => inlineText(t.caption).endsWith('Sporbarhetsmatrise'))!;
        expect(matrix.header.map(h => inlineText(h))).toEqual(['Funn', 'Problemstilling', 'Tillit', 'Kildetyper', 'Ståsted', 'Triangulert', 'Brukt i']);
        const rows = matrix.rows.map(r => r.map(c => inlineText(c)));
        const row = (title: string) => rows.find(r => r[0].endsWith(title))!;
        expect(row('Begge').slice(3, 6)).toEqual(['intervju og dokument', 'programmet og uavhengig', 'Ja']);
        expect(row('Bare programmet').slice(3, 6)).toEqual(['intervju og dokument', 'programmet', 'Nei']);
        expect(row('Bare intervjuer').slice(3, 6)).toEqual(['intervju', 'programmet og uavhengig', 'Nei']);
        expect(row('Bare litteratur').slice(3, 6)).toEqual(['–', '–', 'Nei']);
        expect(rows.filter(r => r[5] === 'Ja').length).toBe(1);
    });

    it('names the finding on an outcome that rests only on the programme\'s own sources in the limitations', () => {
        expect(nb.paragraphs.find(p => p.includes('bygger bare på kilder fra programmet eller prosjektene selv'))).toMatch(/^Ett funn om programmets effekter og samfunnseffekter bygger bare på kilder fra programmet eller prosjektene selv \(funn\u00a04\.\d\)\./);
        expect(nb.paragraphs.join('\n')).not.toContain('Alle funnene om programmets effekter');
    });

    it('names the origin of a finding\'s only source', async () => {
        const one = await build('nb', MODEL('nb').replace('evidence I1, I2, L1', 'evidence I2'));
        expect(one.paragraphs.join('\n')).toContain('Funnet er ikke triangulert: det bygger bare på ett intervju, en uavhengig kilde.');
        const nn = await build('nn', MODEL('nn').replace('evidence I1, I2, L1', 'evidence I1'));
        expect(nn.paragraphs.join('\n')).toContain('Funnet er ikkje triangulert: det byggjer berre på eitt intervju, frå programmet sjølv.');
    });

    it('says so when every finding on an outcome also has an independent source', async () => {
        const honest = await build('nb', MODEL('nb').replace('evidence I3, D1', 'evidence I3, D2'));
        expect(honest.paragraphs).toContain('Alle funnene om programmets effekter og samfunnseffekter bygger også på minst én uavhengig kilde.');
        expect(honest.paragraphs.join('\n')).not.toContain('bygger bare på kilder fra programmet');
    });

    it('words the same in nynorsk and English', async () => {
        const nn = (await build('nn')).paragraphs.join('\n');
        expect(nn).toContain('Funnet er triangulert: det byggjer på både intervju og dokument, frå programmet og frå uavhengige kjelder.');
        expect(nn).toContain('Funnet er ikkje triangulert: det byggjer på både intervju og dokument, men alle kjeldene kjem frå programmet sjølv.');
        expect(nn).toContain('Funnet er ikkje triangulert: det byggjer berre på to intervju, frå programmet og frå uavhengige kjelder.');
        expect(nn).toContain('frå minst to ulike ståstader: programmet sjølv, prosjekta eller uavhengige kjelder.');
        const en = await build('en');
        const all = en.paragraphs.join('\n');
        expect(all).toContain('The finding is triangulated: it draws on interviews and documents, from the programme and from independent sources.');
        expect(all).toContain('The finding is not triangulated: it draws on interviews and documents, but all its sources come from the programme itself.');
        expect(all).toContain('The finding is not triangulated: it draws only on literature, which does not count towards triangulation.');
        expect(all).toMatch(/By this definition, one of five findings \(20%\) is triangulated; [Aa]ppendix\u00a0A shows which\./);
        const matrix = en.tables.find(t => inlineText(t.caption).endsWith('Traceability matrix'))!;
        expect(matrix.header.map(h => inlineText(h)).slice(3, 6)).toEqual(['Source kinds', 'Standpoint', 'Triangulated']);
    });
});

/** "ni av tolv" → 9; digits as digits. */
const WORDS: Record<string, number> = { null: 0, ingen: 0, én: 1, ett: 1, eitt: 1, ein: 1, one: 1, to: 2, two: 2, tre: 3, three: 3, fire: 4, four: 4, fem: 5, five: 5, seks: 6, six: 6, sju: 7, seven: 7, åtte: 8, eight: 8, ni: 9, nine: 9, ti: 10, ten: 10, elleve: 11, eleven: 11, tolv: 12, twelve: 12 };
const num = (w: string) => /^\d/.test(w) ? Number(w.replace(/\D/g, '')) : WORDS[w.toLowerCase()];

describe.each(CORPUS.filter(r => r.kind !== 'interim'))('$name (docx): the method chapter\'s figure equals Vedlegg A\'s', r => {
    it('parses "n av m" from both and from the matrix rows', async () => {
        const document = (await docxOf(r))['word/document.xml'];
        const body = paragraphs(document).map(p => p.text);
        const sentence = body.find(p => /^(Etter denne definisjonen er|By this definition,) /.test(p));
        expect(sentence, 'the method chapter gives the figure').toBeDefined();
        const m = /(?:er|definition,) (\S+) (?:av|of) (\S+) (?:funn|findings?)/u.exec(sentence!)!;
        const [n, total] = [num(m[1]), num(m[2])];
        const all = tables(document);
        const coverage = all.find(t => /^(Mål|Measure)$/.test(t.header[0]))!;
        const triangulatedRow = coverage.rows.find(row => /triangul/i.test(row[0]))!;
        expect(triangulatedRow[1].replace(/\u00a0/g, ' ')).toBe(`${n} ${r.language === 'en' ? 'of' : 'av'} ${total}`);
        const matrix = all.find(t => t.header.includes('Triangulert') || t.header.includes('Triangulated'))!;
        const column = matrix.header.findIndex(h => /^(Triangulert|Triangulated)$/.test(h));
        expect(matrix.rows.length).toBe(total);
        expect(matrix.rows.filter(row => /^(Ja|Yes)$/.test(row[column])).length).toBe(n);
        // examples/pri has findings that are not triangulated by origin (V2) though they are by kind (v1).
        if (r.dir.endsWith('pri')) expect(n).toBeLessThan(total);
    });
});

describe.each(CORPUS.filter(r => r.kind === 'interim'))('$name (docx): the interim note defines what its findings\' sentences mean', r => {
    it('states the definition and the figure in Om datagrunnlaget', async () => {
        const body = paragraphs((await docxOf(r))['word/document.xml']).map(p => p.text);
        const said = body.filter(p => /^(Funnet er (ikkje |ikke )?triangulert|The finding is (not )?triangulated)/.test(p) || /(Funnet|The finding) (er|is) (ikkje |ikke |not )?triangul/.test(p)).length;
        expect(said).toBeGreaterThan(0);
        expect(body.some(p => /^(Vi regner et funn som triangulert|Vi reknar eit funn som triangulert|We count a finding as triangulated)/.test(p))).toBe(true);
        expect(body.some(p => /^(Etter denne definisjonen er|By this definition,) .*(triangulert|triangulated)\.$/.test(p))).toBe(true);
    });
});
