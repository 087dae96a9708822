/**
 * Tables, charts, source series, placed sections and ungraded evaluations in the generated
 * reports (V2 §8, issue 22): what docx, Markdown and HTML print, in nb, nn and en, for a
 * workspace of our own, for examples/pri and for the v2 fixture.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type LoadedWorkspace } from '@sporbar/language';
import { generateReport, type GenerateOptions } from '@sporbar/report';
import { bodyText, headings, internalLinks, paragraphs, pictureTexts, tables } from './docx-reader.js';
import { PRI, ROOT, docxParts, report, text } from './report-helpers.js';

const NBSP = '\u00a0';
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

const MODEL = `
programme P "Samskaping i kommunene" { client KS  period 2020-01 .. 2023-12 }
actor KS "KS" { type association }
actor Kommune "Deltakende kommuner" { type municipality  members 40 }
question q1 "Samskaper kommunene mer?"
question q2 "Hvordan er programmet finansiert?"
source S1 survey "Hemmelig kartlegging blant enhetsledere" { date 2022-06  respondents 146  access internal  actor Kommune }
source S2 survey "Kartlegging blant kommunene 2023" { date 2023-06  respondents 160  actor Kommune }
source IK interview "Intervjuer med kommunedirektører" { date 2022-09 .. 2022-11  count 18  actor Kommune }
source IK2 interview "Intervjuer med ordførere" { date 2022-10  count 4  actor Kommune }
source I1 interview "Intervju med fylkesdirektør" { date 2022-10  actor Kommune }
source D1 document "Programplan" { date 2021-02  actor KS  origin programme }
table T1 "Andel enheter som samskaper, 2022 og 2023" {
    from S1, S2
    file "data/andel.csv"
    counts "n"
    note "Andel som svarer «i stor grad»."
}
chart C1 "Finansiering per år" { from D1  file "data/finansiering.csv"  kind bar  unit "MNOK" }
table T2 "Kommuner i programmet" { from D1  file "data/kommuner.csv" }
finding F1 "Kommunene samskaper mer i 2023 enn i 2022" {
    answers q1
    evidence T1, IK, IK2, I1
    CONFIDENCE_1
    date 2023-08-01
    text """
        Andelen økte fra 2022 til 2023.
    """
}
finding F2 "KS finansierer det meste" {
    answers q2
    evidence D1, C1
    CONFIDENCE_2
    date 2023-08-01
    text """
        KS står for det meste av finansieringen (@C1), og den økte hvert år.
    """
}
report Slutt "Samskaping i kommunene" {
    kind final
    date 2023-10-01
    cutoff 2023-09-15
    language nb
    summary """
        Kommunene samskaper mer. @T2 viser hvilke kommuner som er med.
    """
    section "Status ved oppstart" after method """
        Ved oppstart hadde få kommuner erfaring med samskaping.
    """
    section "Drøfting av funnene" after findings """
        Funnene peker i samme retning.
    """
    section "Uten plass" """
        En del uten egen plass.
    """
}
`;

async function makeWorkspace(graded: boolean): Promise<{ root: string; ws: LoadedWorkspace }> {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `sporbar-data-report-${graded ? 'g' : 'u'}-`)));
    fs.mkdirSync(path.join(root, 'data'));
    fs.writeFileSync(path.join(root, 'data', 'andel.csv'), 'Tjeneste;2022;2023;n\nHelse og omsorg;35,5 %;52,0 %;146\nOppvekst;28,1 %;44,4 %;3\nTeknisk;12345,5;20,0 %;40\n');
    fs.writeFileSync(path.join(root, 'data', 'finansiering.csv'), 'År;KS;Stat\n2021;1,5;0,5\n2022;2,0;1,0\n2023;2,5;0,25\n');
    fs.writeFileSync(path.join(root, 'data', 'kommuner.csv'), 'Kommune,Innbyggere\nBodø,52000\nVefsn,13000\n');
    const model = MODEL
        .replace('CONFIDENCE_1', graded ? 'confidence moderate' : '')
        .replace('CONFIDENCE_2', graded ? 'confidence low' : '');
    fs.writeFileSync(path.join(root, 'model.prog'), model);
    return { root, ws: await loadWorkspace(root) };
}

describe('tables, charts, series and sections in a report of our own', () => {
    let root: string;
    let ws: LoadedWorkspace;
    const out = new Map<string, Promise<Uint8Array>>();
    const gen = (options: GenerateOptions) => {
        const key = JSON.stringify(options);
        if (!out.has(key)) out.set(key, generateReport(ws, report(ws, 'Slutt'), options));
        return out.get(key)!;
    };
    const docx = async (options: Partial<GenerateOptions> = {}) => docxParts(await gen({ format: 'docx', ...options }))['word/document.xml'];
    /** The findings chapter's number (a section placed after the method chapter moves it). */
    const findingsChapter = async () => /^- \[(\d+) Funn\]/m.exec(text(await gen({ format: 'md' })))![1];

    beforeAll(async () => {
        ({ root, ws } = await makeWorkspace(true));
    });
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it('validates without errors', () => {
        const errors = ws.documents.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1).map(x => x.message));
        expect(errors).toEqual([]);
    });

    it('docx: the table under the finding that cites it, numbered in the findings chapter, caption above, cells formatted and right-aligned, small counts suppressed, Kilde with the report labels and the note', async () => {
        const doc = await docx();
        const chapter = await findingsChapter();
        const paras = paragraphs(doc).filter(p => !p.inTable);
        const at = (re: RegExp) => paras.findIndex(p => re.test(p.text));
        const caption = at(new RegExp(`^Tabell${NBSP}${chapter}\\.1 Andel enheter som samskaper`));
        expect(caption).toBeGreaterThan(at(new RegExp(`^Funn${NBSP}${chapter}\\.1 `)));
        expect(caption).toBeLessThan(at(new RegExp(`^Funn${NBSP}${chapter}\\.2 `)));
        expect(paras[caption].style).toBe('Caption');
        // Introduced: the finding's text does not name it.
        expect(paras.some(p => p.text === `Tabell${NBSP}${chapter}.1 viser datagrunnlaget for funnet.`)).toBe(true);
        const table = tables(doc).find(t => t.header[0] === 'Tjeneste')!;
        expect(table.header).toEqual(['Tjeneste', '2022', '2023', 'n']);
        expect(table.rows).toEqual([
            ['Helse og omsorg', `35,5${NBSP}%`, `52,0${NBSP}%`, '146'],
            ['Oppvekst', '–', '–', '<5'],
            ['Teknisk', `12${NBSP}345,5`, `20,0${NBSP}%`, '40']
        ]);
        // Every cell of the numeric columns right-aligned, the text column not.
        const cells = [...table.xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(m => m[0]);
        cells.forEach((cell, i) => expect(cell.includes('<w:jc w:val="right"/>')).toBe(i % 4 !== 0));
        // Under it: the non-public survey by its label, never its title; the public one by its title; the note and what "<5" means.
        const notes = paras.slice(caption + 1, caption + 4).map(p => p.text);
        expect(notes[0]).toBe(`Kilder: Spørreundersøkelse${NBSP}1 og Kartlegging blant kommunene 2023.`);
        expect(notes[1]).toMatch(/^Merknad: Andel som svarer «i stor grad»\. Antall under 5 er vist som «<5»/);
        expect(bodyText(doc)).not.toContain('Hemmelig kartlegging');
    });

    it('docx: the chart is a picture under the finding whose text cites it, "@C1" a link "figur 4.1", alt text one sentence, caption, Kilde; its data in the appendix', async () => {
        const doc = await docx();
        const chapter = await findingsChapter();
        const paras = paragraphs(doc).filter(p => !p.inTable);
        const text2 = paras.find(p => p.text.startsWith('KS står for det meste'))!;
        expect(text2.text).toBe(`KS står for det meste av finansieringen (figur${NBSP}${chapter}.1), og den økte hvert år.`);
        expect(text2.xml).toMatch(/<w:hyperlink [^>]*w:anchor="figur_data_\d+"/);
        const pictures = pictureTexts(doc).filter(p => p.includes('Finansiering per år'));
        expect(pictures.length).toBeGreaterThan(0);
        expect(pictures[0]).toContain('descr="Stolpediagram over 2 serier («KS» og «Stat») for 3 kategorier, i MNOK: høyest er 2023 (KS) med 2,5, lavest er 2023 (Stat) med 0,25; tallene står i vedlegg\u00a0C."');
        const caption = paras.findIndex(p => p.text === `Figur${NBSP}${chapter}.1 Finansiering per år`);
        expect(caption).toBeGreaterThan(paras.indexOf(text2));
        // A public document: its APA citation, linking to Referanser.
        expect(paras[caption + 1].text).toBe('Kilde: KS (2021).');
        expect(docxParts(await gen({ format: 'docx' }))['word/media/sporbar-figure1.png']).toBeDefined();
        // The appendix: the table only the summary cites, then the chart's data.
        const appendix = headings(doc).find(h => /Tabeller og figurer fra datagrunnlaget$/.test(h.text))!;
        const letter = /^- \[Vedlegg ([A-Z]) Tabeller og figurer fra datagrunnlaget\]/m.exec(plain(text(await gen({ format: 'md' }))))![1];
        const all = paras.map(p => p.text);
        expect(all.indexOf(`Tabell${NBSP}${letter}.1 Kommuner i programmet`)).toBeGreaterThan(all.indexOf(appendix.text));
        expect(all).toContain(`Tabell${NBSP}${letter}.2 Data for figur${NBSP}${chapter}.1`);
        const data = tables(doc).find(t => t.header.join('|') === 'År|KS|Stat')!;
        expect(data.rows).toEqual([['2021', '1,5', '0,5'], ['2022', '2,0', '1,0'], ['2023', '2,5', '0,25']]);
        // "@T2" in the summary is "Tabell D.1", linking to it; it is printed once.
        const summary = paras.find(p => p.text.startsWith('Kommunene samskaper mer.'))!;
        expect(summary.text).toBe(`Kommunene samskaper mer. Tabell${NBSP}${letter}.1 viser hvilke kommuner som er med.`);
        expect(all.filter(t => t.endsWith('Kommuner i programmet')).length).toBe(1);
        expect(internalLinks(doc).filter(a => a.startsWith('tabell_data_') || a.startsWith('figur_data_')).length).toBeGreaterThanOrEqual(2);
    });

    it('docx: series labels in the source overview and in the text; the method table sums the events "18 + 4 + 1"', async () => {
        const doc = await docx();
        const overview = tables(doc).find(t => t.header[0] === 'Kilde')!;
        const labels = overview.rows.map(r => r[0]);
        expect(labels).toContain(`Intervjuserie${NBSP}1 (18 intervjuer)`);
        expect(labels).toContain(`Intervjuserie${NBSP}2 (4 intervjuer)`);
        // The single interview keeps its own number.
        expect(labels).toContain(`Intervju${NBSP}1`);
        const method = tables(doc).find(t => t.header[0] === 'Kildetype')!;
        expect(method.rows.find(r => r[0] === 'Intervjuer')![1]).toBe('18 + 4 + 1');
        expect(method.rows.find(r => r[0] === 'I alt')![1]).toBe('26');
        // A finding on the series counts their interviews, not the sources.
        expect(plain(bodyText(doc))).toContain('Funnet bygger på 23 intervjuer (intervjuserie 1, intervjuserie 2 og intervju 1)');
    });

    it('sections placed after their chapter, in docx, md and html', async () => {
        const titles = headings(await docx()).filter(h => h.level === 1).map(h => h.text.replace(/^\d+ /, ''));
        const after = (a: string, b: string) => expect(titles.indexOf(b)).toBe(titles.indexOf(a) + 1);
        after('Metode og datagrunnlag', 'Status ved oppstart');
        after('Funn', 'Drøfting av funnene');
        expect(titles.indexOf('Uten plass')).toBeGreaterThan(titles.indexOf('Vurdering'));
        const md = text(await gen({ format: 'md' }));
        const mdTitles = [...md.matchAll(/^## (?:\d+ )?(.+)$/gm)].map(m => m[1]);
        expect(mdTitles.indexOf('Status ved oppstart')).toBe(mdTitles.indexOf('Metode og datagrunnlag') + 1);
        expect(mdTitles.indexOf('Drøfting av funnene')).toBe(mdTitles.indexOf('Funn') + 1);
        const html = text(await gen({ format: 'html' }));
        const h2 = [...html.matchAll(/<h2[^>]*>(?:<span[^>]*>[^<]*<\/span>\s*)?(?:\d+ )?([^<]+)<\/h2>/g)].map(m => m[1].trim());
        expect(h2.indexOf('Status ved oppstart')).toBe(h2.indexOf('Metode og datagrunnlag') + 1);
    });

    it('md and html: the table with caption and Kilde, the chart inline (SVG in html, an image in md) with its alt text', async () => {
        const md = plain(text(await gen({ format: 'md' })));
        expect(md).toMatch(/\*\*Tabell \d\.1 Andel enheter som samskaper, 2022 og 2023\*\*\n\n\| Tjeneste \| 2022 \| 2023 \| n \|\n\| --- \| ---: \| ---: \| ---: \|\n\| Helse og omsorg \| 35,5 % \| 52,0 % \| 146 \|\n\| Oppvekst \| – \| – \| \\<5 \|/);
        expect(md).toMatch(/\*Kilder:\* \[Spørreundersøkelse 1\]\(#kilde_survey_1\) og \[Kartlegging blant kommunene 2023\]\(#kilde_offentlig_\d+\)\./);
        expect(md).toMatch(/!\[Stolpediagram over 2 serier[^\]]*\]\(data:image\/svg\+xml;base64,/);
        expect(md).toMatch(/\*\*Figur \d\.1 Finansiering per år\*\*\n\n\*Kilde:\* \[KS \(2021\)\]\(#ref_1\)\./);
        expect(md).toContain('**Tabell');
        expect(md).not.toContain('Hemmelig kartlegging');
        const html = plain(text(await gen({ format: 'html' })));
        expect(html).toMatch(/<figure id="figur_data_\d+">\n<svg[^>]*role="img"/);
        expect(html).toMatch(/<figcaption>Figur \d\.1 Finansiering per år<\/figcaption>\n<p class="table-note"><em>Kilde:<\/em> <a href="#ref_1">KS \(2021\)<\/a>\.<\/p>/);
        expect(html).toMatch(/<td class="number">&lt;5<\/td>/);
        expect(html).toMatch(/<a href="#tabell_data_\d+">Tabell [A-Z]\.1<\/a> viser hvilke kommuner/);
    });

    it('en and nn: numbers, words and series labels in the language', async () => {
        const en = await docx({ language: 'en' });
        const enTable = tables(en).find(t => t.header[0] === 'Tjeneste')!;
        expect(enTable.rows[0]).toEqual(['Helse og omsorg', '35.5%', '52.0%', '146']);
        expect(enTable.rows[2][1]).toBe('12,345.5');
        const enText = bodyText(en);
        expect(enText).toMatch(/Sources: Survey\u00a01 and Kartlegging blant kommunene 2023\./);
        expect(enText).toContain('Tables and figures from the data');
        expect(enText).toMatch(/Data for figure\u00a0\d\.1/);
        expect(tables(en).find(t => t.header[0] === 'Source')!.rows.map(r => r[0])).toContain(`Interview series${NBSP}1 (18 interviews)`);
        const nn = bodyText(await docx({ language: 'nn' }));
        expect(nn).toContain('Tabellar og figurar frå datagrunnlaget');
        expect(nn).toMatch(/Kjelder: Spørjeundersøking\u00a01 og Kartlegging blant kommunene 2023\./);
        expect(nn).toContain(`Intervjuserie${NBSP}1 (18 intervju)`);
    });
});

describe('a report of a team that does not grade confidence', () => {
    let root: string;
    let ws: LoadedWorkspace;
    beforeAll(async () => {
        ({ root, ws } = await makeWorkspace(false));
    });
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    for (const language of ['nb', 'nn', 'en'] as const) {
        it(`${language}: no confidence line, column, table or scale anywhere (docx, md, html)`, async () => {
            const word = language === 'en' ? /confidence|CERQual/i : /tillit|CERQual/i;
            const doc = docxParts(await generateReport(ws, report(ws, 'Slutt'), { format: 'docx', language }))['word/document.xml'];
            expect(bodyText(doc)).not.toMatch(word);
            const matrix = tables(doc).find(t => t.header[0] === (language === 'en' ? 'Finding' : 'Funn'))!;
            expect(matrix.header).toHaveLength(6); // finding, question, kinds, origins, triangulated, used by: no confidence column;
            for (const format of ['md', 'html'] as const) {
                expect(text(await generateReport(ws, report(ws, 'Slutt'), { format, language }))).not.toMatch(word);
            }
        });
    }
});

describe('examples/pri and the v2 fixture print their tables and charts', () => {
    it('pri Sluttrapport: the chart under finding 4.7 with its source, the survey table in the appendix, "@T1" a link to it', async () => {
        const pri = await loadWorkspace(PRI);
        const doc = docxParts(await generateReport(pri, report(pri, 'Sluttrapport'), { format: 'docx' }))['word/document.xml'];
        const all = paragraphs(doc).filter(p => !p.inTable).map(p => p.text);
        const caption = all.indexOf(`Figur${NBSP}4.1 Finansiering per prosjekt etter finansieringskilde`);
        expect(caption).toBeGreaterThan(all.findIndex(t => t.startsWith(`Funn${NBSP}4.7 Ulik finansiering`)));
        expect(caption).toBeLessThan(all.findIndex(t => t.startsWith(`Funn${NBSP}4.8 `)));
        expect(all[caption + 1]).toBe(`Kilde: Datasett${NBSP}1.`);
        expect(pictureTexts(doc).some(p => /descr="Stolpediagram over 3 serier/.test(p))).toBe(true);
        expect(all).toContain(`Tabell${NBSP}D.1 Spørreundersøkelsene til prosjektdeltakerne`);
        expect(all).toContain(`Tabell${NBSP}D.2 Data for figur${NBSP}4.1`);
        expect(all.find(t => t.includes('svarene i tabell'))).toContain(`svarene i tabell${NBSP}D.1`);
        const survey = tables(doc).find(t => t.header.join('|') === 'Undersøkelse|Gjennomført|Svar (n)')!;
        expect(survey.rows.map(r => r[2])).toEqual(['64', '71']);
    });

    it('the v2 fixture: its series label, the sum in the method table, the table and chart under F1', async () => {
        const v2 = await loadWorkspace(path.join(ROOT, 'test/fixtures/v2'));
        const md = plain(text(await generateReport(v2, report(v2, 'Slutt'), { format: 'md' })));
        expect(md).toContain('Intervjuserie 1 (8 intervjuer)');
        expect(md).toMatch(/\| Intervjuer \| 8 \|/);
        expect(md).toMatch(/Andelen økte fra 2022 til 2023 \(\[tabell 5\.1\]\(#tabell_data_1\), \[figur 5\.1\]\(#figur_data_2\)\)\./);
        expect(md).toMatch(/\*\*Tabell 5\.1 Andel kommuner som samskaper, 2022 og 2023\*\*/);
        expect(md).toContain('Data for figur 5.1');
    });
});
