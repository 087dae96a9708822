/**
 * Time and measurement in the reports (issue 15, V2.md §1, §2, §5): each report kind shows
 * the assessments in force at its cutoff ("Ikke vurdert" with its reason, a replacing
 * assessment naming the one it replaces), the indicators' latest measured values, and the
 * final report the programme's development over time — each recommendation's dated history,
 * the assessments made anew and each indicator's series. Checked on the docx text and on
 * Markdown and HTML alike, in bokmål and in nynorsk or English.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GenerateOptions } from '@sporbar/report';
import { bodyText, headings, paragraphs, tables } from './docx-reader.js';
import { PRI, ROOT, docxParts, generate, text } from './report-helpers.js';

const V2 = path.join(ROOT, 'test/fixtures/v2');

const cache = new Map<string, Promise<string>>();
/** The docx body of a report (generated once per file and options). */
function documentOf(dir: string, id: string, options: Partial<GenerateOptions> = {}): Promise<string> {
    const key = `${dir}|${id}|docx|${JSON.stringify(options)}`;
    let doc = cache.get(key);
    if (!doc) cache.set(key, doc = generate(dir, id, { format: 'docx', ...options }).then(b => docxParts(b)['word/document.xml']));
    return doc;
}
/** The Markdown or HTML of a report, with HTML tags and Markdown links reduced to their text. */
function plainOf(dir: string, id: string, format: 'md' | 'html', options: Partial<GenerateOptions> = {}): Promise<string> {
    const key = `${dir}|${id}|${format}|${JSON.stringify(options)}`;
    let out = cache.get(key);
    if (!out) {
        cache.set(key, out = generate(dir, id, { format, ...options }).then(b => {
            const s = text(b);
            return format === 'html'
                ? s.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/&nbsp;|&#160;/g, '\u00a0').replace(/&amp;/g, '&')
                : s.replace(/\[([^\]]*)\]\(#[^)]*\)/g, '$1').replace(/\*\*/g, '');
        }));
    }
    return out;
}
const flat = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

/** The paragraphs of the section under a heading whose text matches. */
function sectionText(document: string, heading: RegExp): string {
    const ps = paragraphs(document);
    const start = ps.findIndex(p => /^Heading/.test(p.style ?? '') && heading.test(p.text));
    if (start < 0) return '';
    const level = Number(ps[start].style!.slice(-1));
    const out: string[] = [];
    for (let i = start + 1; i < ps.length; i++) {
        const s = ps[i].style ?? '';
        if (/^Heading[1-3]$/.test(s) && Number(s.slice(-1)) <= level) break;
        out.push(ps[i].text);
    }
    return out.join('\n');
}

const indicatorTable = (document: string) => tables(document).find(t => /^(Indikator|Indicator)$/.test(t.header[0]) && t.header.length === 6);

describe('assessments in force (V2.md §1)', () => {
    it('the final report of examples/pri has one sustainability chapter, the one made at the end, saying which it replaces', async () => {
        const document = await documentOf(PRI, 'Sluttrapport');
        const titles = headings(document).map(h => h.text.replace(/^\d+\.\d+ /, ''));
        expect(titles).toContain('Bærekraft ved programslutt');
        expect(titles).not.toContain('Bærekraft');
        const overview = tables(document).find(t => t.header[0] === 'Kriterium')!;
        expect(overview.rows.filter(r => r[0] === 'Bærekraft')).toHaveLength(1);
        expect(sectionText(document, /Bærekraft ved programslutt$/)).toContain('Vurderingen erstatter den tidligere vurderingen «Bærekraft» i vurderingsgrunnlaget fra februar 2022, som var moderat.');
        // The assessment basis of January 2022 has the 2022 assessment, and no word of a replacement.
        const basis = await documentOf(PRI, 'Vurderingsgrunnlag');
        const basisTitles = headings(basis).map(h => h.text.replace(/^\d+\.\d+ /, ''));
        expect(basisTitles).toContain('Bærekraft');
        expect(basisTitles).not.toContain('Bærekraft ved programslutt');
        expect(bodyText(basis)).not.toContain('erstatter den tidligere vurderingen');
    });

    it('a not-assessed criterion prints "Ikke vurdert" and its reason in the overview and in its section', async () => {
        const document = await documentOf(V2, 'Slutt');
        const overview = tables(document).find(t => t.header[0] === 'Kriterium')!;
        expect(overview.rows.find(r => r[0] === 'Effektivitet')).toEqual(['Effektivitet', 'Ikke vurdert', 'Ressursbruken lå utenfor mandatet for følgeforskningen.']);
        const section = sectionText(document, /^Effektivitet$/);
        expect(section).toContain('Ikke vurdert. Ressursbruken lå utenfor mandatet for følgeforskningen.');
        expect(section).not.toMatch(/Vurderingen bygger på|Vi vurderer/);
        // The replaced relevance assessment is gone; the one in force names it.
        expect(overview.rows.filter(r => r[0] === 'Relevans')).toHaveLength(1);
        expect(sectionText(document, /Relevans ved programslutt$/)).toContain('Vurderingen erstatter den tidligere vurderingen «Relevans» fra 1. desember 2022, som var høy.');
    });

    it('nynorsk and English: "Ikkje vurdert" and "Not assessed", and the replacement sentence', async () => {
        const nn = await documentOf(V2, 'Slutt', { language: 'nn' });
        expect(tables(nn).find(t => t.header[0] === 'Kriterium')!.rows.find(r => r[0] === 'Effektivitet')!.slice(1))
            .toEqual(['Ikkje vurdert', 'Ressursbruken lå utenfor mandatet for følgeforskningen.']);
        expect(bodyText(nn)).toContain('Vurderinga erstattar den tidlegare vurderinga «Relevans» frå 1. desember 2022, som var høg.');
        const en = await documentOf(V2, 'Slutt', { language: 'en' });
        expect(tables(en).find(t => t.header[0] === 'Criterion')!.rows.find(r => r[0] === 'Efficiency')![1]).toBe('Not assessed');
        expect(bodyText(en)).toContain('Not assessed. Ressursbruken lå utenfor mandatet for følgeforskningen.');
        expect(bodyText(en)).toContain('This assessment replaces the earlier assessment “Relevans” of 1 December 2022, which was high.');
    });

    it('Markdown and HTML say the same', async () => {
        for (const format of ['md', 'html'] as const) {
            const out = flat(await plainOf(V2, 'Slutt', format));
            expect(out, format).toContain('Ikke vurdert. Ressursbruken lå utenfor mandatet for følgeforskningen.');
            expect(out, format).toContain('Vurderingen erstatter den tidligere vurderingen «Relevans» fra 1. desember 2022, som var høy.');
        }
    });
});

describe('indicators: baseline → latest measurement as of the cutoff → target (V2.md §2)', () => {
    it('examples/pri: "Antall hovedprosjekter i gang" is 5 in the assessment basis and 6 in the final report', async () => {
        const basis = indicatorTable(await documentOf(PRI, 'Vurderingsgrunnlag'))!;
        expect(basis.header).toEqual(['Indikator', 'Utgangsverdi', 'Siste måling', 'Målt', 'Kilde', 'Mål']);
        expect(basis.rows.find(r => r[0].startsWith('Antall hovedprosjekter i gang'))).toEqual(['Antall hovedprosjekter i gang (prosjekter)', '0', '5', 'desember\u00a02021', 'dokument\u00a03, møte 6, sak 2', '6']);
        // Measured only after the basis's cutoff: "–" (nothing measured yet).
        expect(basis.rows.find(r => r[0].startsWith('Inngåtte samarbeidsavtaler'))!.slice(2, 5)).toEqual(['–', '–', '–']);
        const final = indicatorTable(await documentOf(PRI, 'Sluttrapport'))!;
        expect(final.rows.find(r => r[0].startsWith('Antall hovedprosjekter i gang'))!.slice(1)).toEqual(['0', '6', 'november\u00a02022', 'datasett\u00a01', '6']);
        // Never measured.
        expect(final.rows.find(r => r[0].startsWith('Andel unge 15–29 år'))!.slice(1)).toEqual(['–', '–', '–', '–', '–']);
    });

    it('the interim note shows no measurements', async () => {
        const note = await documentOf(PRI, 'Underveisnotat');
        expect(indicatorTable(note)).toBeUndefined();
        expect(bodyText(note)).not.toMatch(/Siste måling|Indikatorene er målt/);
        expect(flat(await plainOf(V2, 'N1', 'md'))).not.toMatch(/Siste måling|Indikatorene er målt/);
    });

    it('a measurement cites its source by the report label, and in English the table speaks English', async () => {
        const en = indicatorTable(await documentOf(V2, 'Slutt', { language: 'en' }))!;
        expect(en.header).toEqual(['Indicator', 'Baseline', 'Latest value', 'Measured', 'Source', 'Target']);
        expect(en.rows[0]).toEqual(['Andel kommuner med samskapingsprosjekt (prosent)', '10', '52', 'June\u00a02023', '“Kartlegging blant kommunene 2023”', '60']);
    });
});

describe('the final report: the programme\'s development over time', () => {
    it('examples/pri: each recommendation\'s dated history, the assessment made anew, each indicator\'s series', async () => {
        const development = flat(sectionText(await documentOf(PRI, 'Sluttrapport'), /^Programmets utvikling over tid$/));
        expect(development).toContain('Anbefaling 2 ble foreslått 31. mai 2021, vedtatt 15. september 2021 (oppdragsgiveren svarte: «Kjerneteamet prøver ut ordningen fra høstens rådsmøter.») og gjennomført 1. mars 2022 (oppdragsgiveren svarte: «Innspill leveres nå to uker før hvert rådsmøte, med egen sak på sakslista.»).');
        expect(development).toContain('Anbefaling 6 ble foreslått 15. januar 2022 og avvist 1. mars 2022');
        expect(development).toContain('Én vurdering er gjort på nytt:');
        expect(development).toMatch(/Vurderingen «Bærekraft» i vurderingsgrunnlaget fra februar 2022 \(moderat\) er erstattet av «Bærekraft ved programslutt» \(avsnitt 5\.\d\)\./);
        expect(development).toContain('Antall hovedprosjekter i gang: utgangsverdi 0 → 5 i desember 2021 (dokument 3, møte 6, sak 2) → 6 i november 2022 (datasett 1) → mål 6 prosjekter.');
        expect(development).toContain('Indikatoren «Andel unge 15–29 år utenfor arbeid, utdanning og opplæring» er ikke målt.');
        // Every recommendation the report includes has its history.
        const recs = tables(await documentOf(PRI, 'Sluttrapport')).find(t => t.header[0] === 'Nr.' && t.header[1] === 'Anbefaling')!;
        for (const row of recs.rows) expect(development).toContain(`Anbefaling ${row[0]} ble foreslått`);
    });

    it('the assessment basis has no development chapter; its status and response are those of its cutoff', async () => {
        const basis = bodyText(await documentOf(PRI, 'Vurderingsgrunnlag'));
        expect(basis).not.toContain('Slik er anbefalingene fulgt opp');
        expect(basis).not.toContain('gjennomført 1. mars 2022');
    });

    it('nynorsk and English, docx, Markdown and HTML', async () => {
        const nn = flat(bodyText(await documentOf(V2, 'Slutt', { language: 'nn' })));
        expect(nn).toContain('Tilråding 1 vart føreslått 1. oktober 2022, vedteken 15. desember 2022 (oppdragsgjevaren svarte: «Kjerneteamet prøver ut ordningen») og gjennomført 1. juni 2023 (oppdragsgjevaren svarte: «Kursene holdes nå i første kvartal»).');
        expect(nn).toContain('Vurderinga «Relevans» frå 1. desember 2022 (høg) er erstatta av «Relevans ved programslutt»');
        const en = flat(bodyText(await documentOf(V2, 'Slutt', { language: 'en' })));
        expect(en).toContain('Recommendation 1 was proposed on 1 October 2022, accepted on 15 December 2022 (the client replied: “Kjerneteamet prøver ut ordningen”) and implemented on 1 June 2023 (the client replied: “Kursene holdes nå i første kvartal”).');
        expect(en).toContain('Andel kommuner med samskapingsprosjekt: baseline 10 → 35 in June 2022 (“Kartlegging blant kommunene 2022”, tabell 2) → 52 in June 2023 (“Kartlegging blant kommunene 2023”) → target 60 prosent.');
        for (const format of ['md', 'html'] as const) {
            const out = flat(await plainOf(PRI, 'Sluttrapport', format));
            expect(out, format).toContain('ble foreslått 31. mai 2021, vedtatt 15. september 2021');
            expect(out, format).toMatch(/Antall hovedprosjekter i gang: utgangsverdi 0 → 5 i desember 2021 \(dokument 3, møte 6, sak 2\) → 6 i november 2022 \(datasett 1\) → mål 6 prosjekter\./);
        }
    });
});

describe('front matter, informant protection and response rate (V2.md §5)', () => {
    it('the front sheet and information page of test/fixtures/v2 give institution, project leader, ISBN/ISSN, quality assurance and keywords', async () => {
        const ps = paragraphs(await documentOf(V2, 'Slutt'));
        const front = ps.slice(0, ps.findIndex(p => p.xml.includes('<w:pageBreakBefore/>'))).map(p => p.text).join('\n');
        for (const s of ['Nordlandsforskning', 'Kari Forsker', '978-82-0000-000-0', '1504-6680']) expect(front).toContain(s);
        const info = ps.filter(p => p.style === 'InfoFact').map(p => p.text);
        expect(info).toContain('Kvalitetssikret av\tPer Kvalitet, forskningsleder');
        expect(info).toContain('Emneord\tsamskaping, følgeforskning, kommuner');
    });

    it('Vern av informanter has the ethics text and the deletion date; the source overview the response rate', async () => {
        const document = await documentOf(V2, 'Slutt');
        const protection = sectionText(document, /^Vern av informanter$/);
        expect(protection).toContain('Prosjektet er meldt til Sikt (ref. 123456).');
        expect(protection).toContain('Personopplysninger slettes senest 30. juni 2024.');
        const overview = tables(document).find(t => t.rows.some(r => r[0] === 'Kartlegging blant kommunene 2022'))!;
        expect(overview.rows.find(r => r[0] === 'Kartlegging blant kommunene 2022')).toContain('146 av 310 (47\u00a0%)');
        const pri = sectionText(await documentOf(PRI, 'Sluttrapport'), /^Vern av informanter$/);
        expect(pri).toContain('Behandlingen av personopplysninger i følgeforskningen er meldt til Sikt før første intervjurunde.');
        expect(pri).toContain('Personopplysninger slettes senest 30. juni 2023.');
    });
});
