/**
 * The reviewer's checklist of report-exemplar §5, one test per item the model supports,
 * on the docx of examples/pri and the two fixture workspaces (docs/reports.md lists all 39
 * items: how each is met, where it is tested, or why it is not).
 */
import { describe, expect, it } from 'vitest';
import { COLOURS } from '../../packages/report/src/docx-body.js';
import { INFO_TAB } from '../../packages/report/src/render-docx.js';
import { textTwips } from '../../packages/report/src/text-metrics.js';
import { LEVEL_FILL, LEVEL_STROKE, STATUS_FILL } from '../../packages/report/src/logic-svg.js';
import { CORPUS, docxOf, type CorpusReport } from './corpus.js';
import { bodyText, bookmarks, headings, internalLinks, paragraphs, pictureTexts, runText, tables } from './docx-reader.js';

const byName = (name: string) => CORPUS.find(r => r.name === name)!;
const judging = CORPUS.filter(r => r.kind !== 'interim');
const documentOf = async (r: CorpusReport) => (await docxOf(r))['word/document.xml'];

/** The paragraphs of the section under a heading (up to the next heading of the same or a higher level). */
function sectionText(document: string, heading: string | RegExp): string[] {
    const ps = paragraphs(document);
    const start = ps.findIndex(p => /^Heading/.test(p.style ?? '') && (typeof heading === 'string' ? p.text === heading : heading.test(p.text)));
    if (start < 0) return [];
    const level = Number(ps[start].style!.slice(-1));
    const out: string[] = [];
    for (let i = start + 1; i < ps.length; i++) {
        const s = ps[i].style ?? '';
        if (/^Heading[1-3]$/.test(s) && Number(s.slice(-1)) <= level) break;
        out.push(ps[i].text);
    }
    return out;
}

/** WCAG 2.1 contrast ratio of two colours given as hex. */
function contrast(a: string, b: string): number {
    const lum = (hex: string) => {
        const [r, g, bl] = [0, 2, 4].map(i => parseInt(hex.replace('#', '').slice(i, i + 2), 16) / 255)
            .map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
}
const blend = (hex: string, alpha: number) => '#' + [0, 2, 4].map(i => Math.round(255 - (255 - parseInt(hex.replace('#', '').slice(i, i + 2), 16)) * alpha).toString(16).padStart(2, '0')).join('');

describe('report-exemplar §5: front matter and summary', () => {
    it('item 1: the front page shows title, institution, report number, month and year, authors, client and contract', async () => {
        const ps = paragraphs(await documentOf(byName('pri/Vurderingsgrunnlag')));
        const front = ps.slice(0, ps.findIndex(p => p.xml.includes('<w:pageBreakBefore/>'))).map(p => p.text).join('\n');
        for (const s of ['Vurderingsgrunnlag for eventuell videreføring', 'Senter for følgeforskning', 'Rapport 2022:1', 'Februar 2022', 'Følgeforskningsteamet',
            'Utført på oppdrag fra KS – Kommunesektorens organisasjon', 'KS FoU-prosjekt 204019']) expect(front).toContain(s);
    });

    it('item 2: the information page gives ISBN and ISSN, project leader, quality assurance and the keywords', async () => {
        const info = paragraphs(await documentOf(byName('nn/Grunnlag'))).filter(p => p.style === 'InfoFact').map(p => p.text);
        for (const [label, value] of [['ISBN', '978-82-0000-003-7'], ['ISSN', '1504-6680'], ['Prosjektleiar', 'Kari Nordmann'],
            ['Kvalitetssikra av', 'Jens Nordmann, forskingsleiar'], ['Emneord', 'klimatilpassing, arealplanlegging, interkommunalt samarbeid']]) {
            expect(info).toContain(`${label}\t${value}`);
        }
    });

    it('item 2: every label of the information page ends before the tab stop where the values start', async () => {
        for (const r of CORPUS) {
            const labels = paragraphs(await documentOf(r)).filter(p => p.style === 'InfoFact').map(p => p.text.split('\t')[0]);
            expect(labels.length, r.name).toBeGreaterThan(0);
            // Bold 10 pt (the InfoFact style) and at least 1 mm to spare.
            for (const label of labels) expect(textTwips(label, 10, true) + 57, `${r.name}: ${label}`).toBeLessThan(INFO_TAB);
        }
    });

    it('item 3: the Forord comes before the contents, as written (dated and signed by the authors)', async () => {
        const document = await documentOf(byName('pri/Sluttrapport'));
        const preface = sectionText(document, 'Forord');
        expect(preface.join(' ')).toContain('Oslo, 25. januar 2023');
        expect(document.indexOf('>Forord<')).toBeLessThan(document.indexOf('TOC \\o'));
    });

    it('item 5: the summary says which questions the report does not answer', async () => {
        const summary = sectionText(await documentOf(byName('nn/Grunnlag')), 'Samandrag').join(' ');
        expect(summary).toMatch(/Problemstilling d er ikkje svart på i denne rapporten; sjå avsnitt\u00a0\d\.4\./);
    });

    it('item 6: the summary names every high-priority recommendation and its addressee', async () => {
        for (const r of judging) {
            const summary = sectionText(await documentOf(r), { nb: 'Sammendrag', nn: 'Samandrag', en: 'Summary' }[r.language]).join('\n');
            const recs = tables(await documentOf(r)).find(t => t.header[0] === ({ nb: 'Nr.', nn: 'Nr.', en: 'No.' }[r.language]) && t.header.length === 7);
            if (!recs) continue; // (nn/Grunnlag includes no recommendation: their basis lies after its cut-off)
            const high = recs.rows.filter(row => /^(Høy|Høg|High)$/.test(row[3]));
            expect(high.length, r.name).toBeGreaterThan(0);
            for (const row of high) expect(summary, r.name).toContain(`${row[1]}.`);
            for (const row of high) expect(summary, r.name).toContain(row[2].split(' og ')[0].split(' and ')[0]);
        }
    });

    it('item 7: the English summary is there and marked as English', async () => {
        for (const r of judging.filter(x => x.language !== 'en' && x.dir.endsWith('pri') || x.name === 'nn/Grunnlag')) {
            const ps = paragraphs(await documentOf(r));
            const at = ps.findIndex(p => p.text === 'Summary' && /^Heading1$/.test(p.style ?? ''));
            expect(at, r.name).toBeGreaterThan(0);
            expect(ps[at].xml).toContain('<w:lang w:val="en-GB"/>');
            expect(ps[at + 1].xml).toContain('<w:lang w:val="en-GB"/>');
            // Its references are English too: "finding 4.1", not "funn 4.1".
            const summary = sectionText(await documentOf(r), 'Summary').join(' ');
            expect(summary, r.name).not.toMatch(/\b(funn|anbefaling|tilråding|læringspunkt|avsnitt)\u00a0\d/i);
        }
        const basis = sectionText(await documentOf(byName('pri/Vurderingsgrunnlag')), 'Summary').join(' ');
        expect(basis).toContain('(finding\u00a04.1)');
        expect(basis).toContain('(recommendation\u00a01)');
    });
});

describe('report-exemplar §5: method', () => {
    it('item 8: the confidence and rating scales are defined in words, "uklar" apart from "Ikke vurdert"', async () => {
        const method = paragraphs(await documentOf(byName('pri/Vurderingsgrunnlag'))).map(p => p.text).join('\n');
        for (const s of ['Høy: det er svært sannsynlig at funnet', 'Svært lav: det er uklart om funnet', 'Uklar: datagrunnlaget er for tynt',
            'Ikke vurdert: kriteriet lå utenfor oppdraget', '«Uklar» er ikke et midtpunkt på skalaen']) expect(method).toContain(s);
        // CERQual terms that do not clash with the DAC criterion "samstemthet".
        expect(method).toContain('Samsvar i dataene: om kildene peker i samme retning.');
        expect(method).not.toMatch(/Samstemthet: om kildene/);
    });

    it('item 9: the triangulation definition is stated with its figure (recounted in counts.test.ts)', async () => {
        const text = bodyText(await documentOf(byName('pri/Vurderingsgrunnlag')));
        expect(text).toContain('Vi regner et funn som triangulert når det bygger på minst to ulike kildetyper');
        expect(text).toMatch(/Etter denne definisjonen er \d+ av \d+ funn \(\d+\u00a0%\) triangulert; vedlegg\u00a0A viser hvilke\./);
    });

    it('item 10: the cut-off date is stated, and no source in the source overview is dated after it', async () => {
        const cutoffs: Record<string, string> = { 'pri/Vurderingsgrunnlag': '2022-01-15', 'nn/Grunnlag': '2023-03-20', 'en/Basis': '2023-03-31', 'pri/Underveisnotat': '2021-05-31' };
        for (const [name, cutoff] of Object.entries(cutoffs)) {
            const document = await documentOf(byName(name));
            const overview = tables(document).find(t => /^(Kilde|Kjelde|Source)$/.test(t.header[0]))!;
            for (const row of overview.rows) {
                const d = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(row[3]);
                if (d) expect(`${d[3]}-${d[2]}-${d[1]}` <= cutoff, `${name}: ${row.join(' | ')}`).toBe(true);
            }
            expect(bodyText(document)).toMatch(/(ble avsluttet|vart avslutta|closed on) \d+\.? [\p{L}]+ \d{4}/u);
        }
    });

    it('item 11: the limitations name the low-confidence findings', async () => {
        const limits = sectionText(await documentOf(byName('pri/Vurderingsgrunnlag')), 'Begrensninger').join(' ');
        const low = headings(await documentOf(byName('pri/Vurderingsgrunnlag'))).filter(h => /\((lav|svært lav) tillit\)$/.test(h.text)).map(h => /^Funn\u00a0(\d+\.\d+)/.exec(h.text)![1]);
        expect(low.length).toBeGreaterThan(0);
        for (const n of low) expect(limits).toContain(n);
    });

    it('item 12: Vern av informanter prints the ethics text, the unnamed actors and the deletion date', async () => {
        const protection = sectionText(await documentOf(byName('nn/Grunnlag')), 'Vern av informantar').join(' ');
        expect(protection).toContain('Evalueringa er meld til Sikt, som har vurdert behandlinga av personopplysningar (ref. 654321).');
        expect(protection).toMatch(/Av omsyn til informantane er (ein aktør ikkje namngjeven|[\p{L}\d]+ aktørar ikkje namngjevne) i rapporten\./u);
        expect(protection).toContain('Personopplysningar blir sletta seinast 31. desember 2024.');
    });

    it('item 13: a table shows the sources by kind with counts and date range, and the response rate', async () => {
        const data = tables(await documentOf(byName('en/Basis'))).find(t => t.header[0] === 'Kind of source')!;
        expect(data.header).toEqual(['Kind of source', 'Number', 'Period', 'Respondents']);
        expect(data.rows.find(r => r[0] === 'Surveys')).toEqual(['Surveys', '1', 'February 2023', '146 of 310 (47%)']);
        expect(data.rows.find(r => r[0] === 'Interviews')![2]).toBe('September 2022–March 2023');
    });
});

describe('report-exemplar §5: findings, assessments, recommendations', () => {
    it('item 14: each question has its own section, with findings or a sentence saying why not', async () => {
        for (const r of judging) {
            const document = await documentOf(r);
            const qs = headings(document).filter(h => h.level === 2 && /^(Problemstilling|Research question)\u00a0/.test(h.text));
            expect(qs.length, r.name).toBeGreaterThan(3);
            for (const q of qs) {
                const body = sectionText(document, q.text);
                const answered = headings(document).length && body.some(t => /^(Funn|Finding)\u00a0/.test(t)) || body.some(t => /also|også|òg|ingen funn|no findings/.test(t));
                expect(answered, `${r.name}: ${q.text}`).toBeTruthy();
            }
        }
    });

    it('item 15: every finding shows number, title, confidence in words, its basis and the reason for the confidence', async () => {
        for (const r of CORPUS) {
            const ps = paragraphs(await documentOf(r));
            const findings = ps.map((p, i) => ({ p, i })).filter(x => /^Heading[23]$/.test(x.p.style ?? '') && /^(Funn|Finding)\u00a0\d+\.\d+ /.test(x.p.text));
            expect(findings.length, r.name).toBeGreaterThan(1);
            for (const { p, i } of findings) {
                expect(p.text, r.name).toMatch(/\((høy|moderat|lav|svært lav|høg|låg|svært låg|high|moderate|low|very low) (tillit|confidence)\)$/);
                const rest = ps.slice(i + 1, ps.findIndex((q, j) => j > i && /^Heading/.test(q.style ?? ''))).map(q => q.text).join(' ');
                expect(rest, p.text).toMatch(/(Funnet bygger på|Funnet byggjer på|The finding draws on) /);
                expect(rest, p.text).toMatch(/(Vi vurderer tilliten til funnet som|We rate our confidence in this finding as) /);
            }
        }
    });

    it('item 16: no finding with high confidence rests on one kind of source (the rule finding/untriangulated; shown in the matrix)', async () => {
        for (const r of judging) {
            const matrix = tables(await documentOf(r)).find(t => /^(Funn|Finding)$/.test(t.header[0]) && t.header.some(h => /^(Triangulert|Triangulated)$/.test(h)))!;
            const column = matrix.header.findIndex(h => /^(Triangulert|Triangulated)$/.test(h));
            for (const row of matrix.rows.filter(x => /^(Høy|Høg|High)$/.test(x[2]))) expect(row[column], `${r.name}: ${row[0]}`).toMatch(/^(Ja|Yes)$/);
        }
    });

    it('item 17: quotes use « » (“ ” in English) and are attributed only to labels', async () => {
        for (const r of CORPUS) {
            // Quotes from the evidence (an author's own block quotes in a text are theirs).
            const quotes = paragraphs(await documentOf(r)).filter(p => p.style === 'BlockQuote' && /w:anchor="kilde_/.test(p.xml)).map(p => p.text);
            if (r.dir.endsWith('pri')) expect(quotes.length).toBeGreaterThan(3);
            for (const q of quotes) expect(q, r.name).toMatch(r.language === 'en' ? /^“[^”]+” \((interview|focus group|observation|workshop|document)\u00a0\d+\)$/ : /^«[^»]+» \((intervju|fokusgruppe|observasjon|verksted|verkstad|dokument)\u00a0\d+\)$/);
        }
    });

    it('item 18: each of the six DAC criteria has a rating and basis findings', async () => {
        // (nn/Grunnlag includes three assessments: the others rest on findings after its cut-off.)
        for (const r of judging.filter(x => x.name !== 'nn/Grunnlag')) {
            const table = tables(await documentOf(r)).find(t => t.header.length === 3 && /^(Kriterium|Criterion)$/.test(t.header[0]))!;
            const dac = r.language === 'en' ? ['Relevance', 'Coherence', 'Effectiveness', 'Efficiency', 'Impact', 'Sustainability']
                : r.language === 'nn' ? ['Relevans', 'Samstemmigheit', 'Måloppnåing', 'Effektivitet', 'Verknader', 'Berekraft'] : ['Relevans', 'Samstemthet', 'Måloppnåelse', 'Effektivitet', 'Virkninger', 'Bærekraft'];
            for (const c of dac) {
                const row = table.rows.find(x => x[0] === c);
                expect(row, `${r.name}: ${c}`).toBeDefined();
                expect(row![1]).toMatch(/^(Høy|Høg|High|Moderat|Moderate|Lav|Låg|Low|Uklar|Unclear|Ikke vurdert|Ikkje vurdert|Not assessed)$/);
                expect(row![2]).toMatch(/^(Funn|Finding)\u00a0\d+\.\d+/);
            }
        }
    });

    it('item 19: every basis finding cited under Vurdering exists in chapter 4 and its link lands on it', async () => {
        for (const r of judging) {
            const document = await documentOf(r);
            const marks = new Set(bookmarks(document));
            const links = internalLinks(document);
            for (const l of links.filter(x => x.startsWith('funn_'))) expect(marks.has(l), `${r.name}: ${l}`).toBe(true);
            const assessment = document.slice(document.indexOf('w:name="kap_assessment"'), document.indexOf('w:name="kap_preconditions"'));
            const cited = [...assessment.matchAll(/w:anchor="(funn_\d+)"/g)].map(m => m[1]);
            expect(cited.length, r.name).toBeGreaterThan(3);
            const findingsChapter = document.slice(document.indexOf('w:name="kap_findings"'), document.indexOf('w:name="kap_assessment"'));
            for (const a of cited) expect(findingsChapter, `${r.name}: ${a}`).toContain(`w:name="${a}"`);
        }
    });

    it('item 20: every assumption of the programme logic is listed as supported, challenged or not examined', async () => {
        const pre = sectionText(await documentOf(byName('pri/Vurderingsgrunnlag')), 'Forutsetninger for måloppnåelse');
        const items = pre.filter(t => t.startsWith('Forutsetningen «'));
        expect(items.length).toBe(6);
        for (const t of items) expect(t).toMatch(/ er (støttet|utfordret|ikke undersøkt)/);
    });

    it('item 21: every recommendation has number, addressee, priority, horizon, basis and status', async () => {
        for (const r of judging.filter(x => x.name !== 'nn/Grunnlag')) {
            const recs = tables(await documentOf(r)).find(t => t.header.length === 7)!;
            expect(recs.header).toEqual(r.language === 'en' ? ['No.', 'Recommendation', 'Addressed to', 'Priority', 'Horizon', 'Basis', 'Status']
                : r.language === 'nn' ? ['Nr.', 'Tilråding', 'Retta til', 'Prioritet', 'Tidshorisont', 'Grunnlag', 'Status'] : ['Nr.', 'Anbefaling', 'Rettet til', 'Prioritet', 'Tidshorisont', 'Grunnlag', 'Status']);
            for (const row of recs.rows) for (const c of row) expect(c.trim(), `${r.name}: ${row.join(' | ')}`).not.toBe('');
        }
    });

    it('item 21: the status column is the status as of each report\'s cutoff, from the dated follow-ups', async () => {
        // examples/pri's R2: made 2021-05-31 (proposed), accepted 2021-09-15, implemented 2022-03-01.
        const expected: [string, string][] = [['pri/Underveisnotat', 'Foreslått'], ['pri/Vurderingsgrunnlag', 'Vedtatt'], ['pri/Sluttrapport', 'Gjennomført']];
        for (const [name, status] of expected) {
            const recs = tables(await documentOf(byName(name))).find(t => t.header[0] === 'Nr.' && t.header[1] === 'Anbefaling')!;
            const row = recs.rows.find(x => x[1] === 'Knytte følgeforskningens innspill til rådets møtekalender')!;
            expect(row, name).toBeDefined();
            expect(row[row.length - 1], name).toBe(status);
        }
        // Each recommendation of the final report shows its latest follow-up on or before the cutoff.
        const final = tables(await documentOf(byName('pri/Sluttrapport'))).find(t => t.header[0] === 'Nr.' && t.header[1] === 'Anbefaling')!;
        expect(final.rows.map(x => x[x.length - 1])).toEqual(['Vedtatt', 'Gjennomført', 'Vedtatt', 'Foreslått', 'Vedtatt', 'Avvist', 'Foreslått']);
    });

    it('item 22: recommendations are numbered 1…n without gaps, and every "anbefaling n" in the text exists', async () => {
        for (const r of CORPUS) {
            const document = await documentOf(r);
            const recs = tables(document).find(t => /^(Nr\.|No\.)$/.test(t.header[0]) && t.header.length >= 5 && /^(Anbefaling|Tilråding|Recommendation)$/.test(t.header[1]));
            if (!recs) continue;
            expect(recs.rows.map(x => x[0]), r.name).toEqual(recs.rows.map((_, i) => String(i + 1)));
            for (const m of bodyText(document).matchAll(/(?:anbefaling|tilråding|recommendation)\u00a0(\d+)/giu)) expect(Number(m[1]), r.name).toBeLessThanOrEqual(recs.rows.length);
        }
    });

    it('item 23: the client\'s responses are quoted verbatim', async () => {
        // The response of the latest follow-up on or before each report's cutoff (V2.md "Status shown").
        const basis = bodyText(await documentOf(byName('pri/Vurderingsgrunnlag')));
        expect(basis).toContain('Anbefaling\u00a02 er vedtatt; oppdragsgiveren svarte: «Kjerneteamet prøver ut ordningen fra høstens rådsmøter.»');
        expect(basis).not.toContain('Innspill leveres nå');
        // The final report tells each recommendation's history, every change dated (V2.md "Status shown").
        const final = bodyText(await documentOf(byName('pri/Sluttrapport')));
        expect(final).toContain('Anbefaling\u00a02 ble foreslått 31. mai 2021, vedtatt 15. september 2021 (oppdragsgiveren svarte: «Kjerneteamet prøver ut ordningen fra høstens rådsmøter.») og gjennomført 1. mars 2022 (oppdragsgiveren svarte: «Innspill leveres nå to uker før hvert rådsmøte, med egen sak på sakslista.»).');
        // A follow-up that keeps the status says so.
        expect(final).toContain('Anbefaling\u00a04 ble foreslått 15. januar 2022 og var fortsatt foreslått 15. juni 2022 (oppdragsgiveren svarte: «Under vurdering i kjerneteamet.»).');
    });

    it('item 24: a revised finding says which earlier finding it replaces', async () => {
        const text = bodyText(await documentOf(byName('nn/Grunnlag')));
        expect(text).toContain('Funnet erstattar funnet «Samarbeidet med Statsforvaltaren er godt, men uformelt» i undervegsnotatet frå november 2022, der vi vurderte tilliten som låg.');
        // A basis that names the replaced finding names the newer one and says it replaces the older (V2.md §7).
        const coherence = sectionText(await documentOf(byName('nn/Grunnlag')), 'Samstemmigheit med statlege krav').join(' ');
        expect(coherence).toMatch(/Samarbeidet med Statsforvaltaren var uformelt \(det tidlegare funnet «Samarbeidet med Statsforvaltaren er godt, men uformelt» \(erstatta av funn\u00a0\d\.\d\)\)/);
        expect(coherence).toMatch(/Vurderinga byggjer på funn\u00a0(\d\.\d) \(moderat tillit\)\. Funn\u00a0\1 erstattar funnet «Samarbeidet med Statsforvaltaren er godt, men uformelt»\./);
        const final = bodyText(await documentOf(byName('pri/Sluttrapport')));
        // The earlier finding was last shown in the assessment basis.
        expect(final).toMatch(/Funn\u00a0\d+\.\d+ erstatter funnet «Ulik finansiering skaper foreløpig ikke problemer for samspillet» i vurderingsgrunnlaget fra februar 2022\./);
    });
});

describe('report-exemplar §5: conventions, privacy, accessibility', () => {
    it('item 26: every table has "Tabell x.y" with a title and a marked header row; the data table names its source', async () => {
        for (const r of CORPUS) {
            const document = await documentOf(r);
            const ts = tables(document);
            for (const t of ts) {
                expect(t.xml, r.name).toMatch(/<w:tblCaption w:val="(Tabell|Table)\u00a0[\dA-Z]+\.\d+ [^"]+"\/>/);
                expect(t.xml.match(/<w:tblHeader\/>/g)?.length, r.name).toBe(1);
            }
            if (r.kind !== 'interim') expect(paragraphs(document).some(p => p.style === 'TableNote' && /^(Kilde|Kjelde|Source): /.test(p.text)), r.name).toBe(true);
        }
    });

    it('item 27: every figure has "Figur x.y", alt text that is a sentence, and a long description in an appendix', async () => {
        for (const r of judging) {
            const document = await documentOf(r);
            for (const pic of pictureTexts(document).filter(p => p.startsWith('<wp:docPr'))) {
                const alt = /descr="([^"]+)"/.exec(pic)![1];
                expect(alt, r.name).toMatch(/^[\p{Lu}].{30,250}\.$/u);
                // The logic figure's long description is Vedlegg C; a chart's numbers are in the appendix of tables and figures.
                expect(alt, r.name).toMatch(/(vedlegg|appendix)\u00a0[C-Z]\.$/);
            }
            expect(headings(document).some(h => /^(Beskrivelse av figur|Skildring av figur|Description of figure)\u00a0\d+\.1$/.test(h.text)), r.name).toBe(true);
        }
    });

    it('item 28: numbers with a space for thousands and a decimal comma, "47 %", dates as "15. januar 2022"', async () => {
        for (const r of CORPUS.filter(x => x.language !== 'en')) {
            const text = bodyText(await documentOf(r));
            expect(text, r.name).not.toMatch(/\b\d+%/);
            if (r.kind !== 'interim') expect(text, r.name).toMatch(/\d\u00a0%/);
            expect(text, r.name).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
            expect(text, r.name).toMatch(/\b\d{1,2}\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember) \d{4}\b/);
        }
    });

    it('item 29: every citation has an entry in Referanser and every entry is cited', async () => {
        for (const r of CORPUS) {
            const document = await documentOf(r);
            const entries = new Set(paragraphs(document).filter(p => p.style === 'Reference').map(p => /w:name="(ref_\d+)"/.exec(p.xml)![1]));
            const cited = new Set(internalLinks(document).filter(a => a.startsWith('ref_')));
            expect([...cited].sort(), r.name).toEqual([...entries].sort());
            expect(entries.size, r.name).toBeGreaterThan(0);
        }
    });

    it('item 31: a confidential source shows no role, actor or date in the source overview', async () => {
        for (const r of CORPUS) {
            const overview = tables(await documentOf(r)).find(t => /^(Kilde|Kjelde|Source)$/.test(t.header[0]))!;
            for (const row of overview.rows.filter(x => /^(Konfidensiell|Confidential)$/.test(x[4]))) expect(row.slice(2, 4), r.name).toEqual(['–', '–']);
        }
    });

    it('item 32: headings are real Heading 1–3 with no skipped level', async () => {
        for (const r of CORPUS) {
            let previous = 0;
            for (const h of headings(await documentOf(r))) {
                expect(h.level - previous, `${r.name}: ${h.text}`).toBeLessThanOrEqual(1);
                previous = h.level;
            }
        }
    });

    it('item 33: the document language is set, and text in another language is marked', async () => {
        for (const r of CORPUS) {
            const styles = (await docxOf(r))['word/styles.xml'];
            expect(styles, r.name).toContain(`<w:lang w:val="${{ nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' }[r.language]}"/>`);
        }
    });

    it('item 34: table header rows repeat, and no data table has merged or empty cells', async () => {
        for (const r of CORPUS) {
            for (const t of tables(await documentOf(r))) {
                expect(t.xml, r.name).not.toMatch(/w:gridSpan|w:vMerge|w:hMerge/);
                for (const row of [t.header, ...t.rows]) for (const c of row) expect(c.trim(), `${r.name}: ${row.join(' | ')}`).not.toBe('');
            }
        }
    });

    it('item 35: link texts name their destination; none reads "her" or a code', async () => {
        for (const r of CORPUS) {
            const document = await documentOf(r);
            for (const m of document.matchAll(/<w:hyperlink [^>]*>([\s\S]*?)<\/w:hyperlink>/g)) {
                const t = runText(m[1]).trim();
                expect(t, r.name).not.toMatch(/^(her|here|lenke|link|klikk her|click here)$/i);
                expect(t.length, r.name).toBeGreaterThan(0);
                // A code would be letters fused with digits (F01, VRelevans2); labels have a space: "funn 4.1", "intervju 3".
                expect(t, r.name).not.toMatch(/^[\p{L}]+\d+$/u);
            }
        }
    });

    it('item 36: text colours meet WCAG 2.1 contrast 4.5:1, in the document and in the figure', () => {
        for (const [fg, bg] of [[COLOURS.accent, 'FFFFFF'], [COLOURS.muted, 'FFFFFF'], [COLOURS.meta, COLOURS.stripe], [COLOURS.meta, 'FFFFFF'],
            [COLOURS.link, 'FFFFFF'], [COLOURS.link, COLOURS.stripe], ['FFFFFF', COLOURS.accent], [COLOURS.text, COLOURS.stripe], [COLOURS.draft, 'FFFFFF']]) {
            expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
        for (const level of Object.keys(LEVEL_STROKE) as (keyof typeof LEVEL_STROKE)[]) {
            // Column headings sit on the level's band: its fill at 45 % over white.
            expect(contrast(LEVEL_STROKE[level], blend(LEVEL_FILL[level], 0.45)), level).toBeGreaterThanOrEqual(4.5);
        }
        for (const fill of Object.values(STATUS_FILL)) expect(contrast('#ffffff', fill), fill).toBeGreaterThanOrEqual(4.5);
    });

    it('item 38: no English enum words, "null", "undefined" or "N/A" in a Norwegian report', async () => {
        for (const r of CORPUS.filter(x => x.language !== 'en')) {
            const text = bodyText(await documentOf(r));
            expect(text, r.name).not.toMatch(/\b(proposed|accepted|rejected|implemented|very-low|unclear|null|undefined|NaN|N\/A)\b/);
        }
    });
});
