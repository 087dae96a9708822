/**
 * The report builder's pure helpers, tested on their output: naming, sentences with links,
 * numbers and dates in three languages, column widths, Title Case detection, and the notes
 * the author gets.
 */
import { describe, expect, it } from 'vitest';
import { count, countDefinite, formatDate, formatDateShort, formatNumber, formatPercent, listText, numeral, generateReport } from '@sporbar/report';
import { fill, isShortCode, slot } from '../../packages/report/src/build/naming.js';
import { kindAndTitle } from '../../packages/report/src/build/front-matter.js';
import { columnWidths, fitTable, wordsOf } from '../../packages/report/src/table-layout.js';
import { TABLE_FITS } from '../../packages/report/src/docx-body.js';
import { looksLikeTitleCase } from '../../packages/report/src/citations.js';
import { textTwips } from '../../packages/report/src/text-metrics.js';
import { inlineText, text, type Cell } from '../../packages/report/src/document.js';
import { REPORT_EN, REPORT_NN } from './corpus.js';
import { PRI, report, workspace } from './report-helpers.js';

describe('naming', () => {
    it('knows a short code (V2.md §7): one to three letters and up to three digits', () => {
        for (const id of ['a', 'KS', 'UU', 'q1', 'F01', 'FG12', 'R2']) expect(isShortCode(id), id).toBe(true);
        for (const id of ['VRelevans', 'FellesRetning', 'Denzin1978', 'Fremtidsverktøyet', 'F0001', 'ABCD1']) expect(isShortCode(id), id).toBe(false);
    });

    it('fills a label template with inline parts, links kept', () => {
        const out = fill(`${slot(0)} viser ${slot(1)}.`, [{ type: 'xref', anchor: 'tabell_1', children: [text('Tabell 2.1')] }], [text('dataene')]);
        expect(inlineText(out)).toBe('Tabell 2.1 viser dataene.');
        expect(out[0]).toMatchObject({ type: 'xref', anchor: 'tabell_1' });
    });

    it('shows the kind once: no "Sluttrapport: Sluttrapport", no kind line over a title that names it', () => {
        expect(kindAndTitle('Sluttrapport', 'Sluttrapport: Følgeforskning av PRI')).toEqual({ kindTitle: 'Sluttrapport', title: 'Følgeforskning av PRI' });
        expect(kindAndTitle('Vurderingsgrunnlag', 'Vurderingsgrunnlag for eventuell videreføring')).toEqual({ title: 'Vurderingsgrunnlag for eventuell videreføring' });
        expect(kindAndTitle('Underveisnotat', 'Notat til rådet')).toEqual({ kindTitle: 'Underveisnotat', title: 'Notat til rådet' });
    });
});

describe('numbers, counts and dates', () => {
    it('writes numerals up to twelve in words, agreeing in gender', () => {
        expect(count(1, 'interview', 'nb')).toBe('ett intervju');
        expect(count(4, 'interview', 'nb')).toBe('fire intervjuer');
        expect(count(1, 'focus-group', 'nb')).toBe('én fokusgruppe');
        expect(count(1, 'survey', 'nn')).toBe('ei spørjeundersøking');
        expect(count(1, 'observation', 'nn')).toBe('ein observasjon');
        expect(count(1, 'document', 'nn')).toBe('eitt dokument');
        expect(count(2, 'interview', 'nn')).toBe('to intervju');
        expect(count(13, 'interview', 'nb')).toBe('13 intervjuer');
        expect(count(1, 'recommendation', 'en')).toBe('one recommendation');
        expect(numeral(12, 'n', 'nb')).toBe('tolv');
        expect(countDefinite(8, 'question', 'nb')).toBe('de åtte problemstillingene');
        expect(countDefinite(8, 'question', 'nn')).toBe('dei åtte problemstillingane');
        expect(countDefinite(4, 'recommendation', 'en')).toBe('the four recommendations');
    });

    it('formats numbers, shares and dates the Norwegian way', () => {
        expect(formatNumber(2500000, 'nb')).toBe('2\u00a0500\u00a0000');
        expect(formatNumber(1500, 'nb')).toBe('1500');
        expect(formatNumber(2.5, 'nn', 1)).toBe('2,5');
        expect(formatNumber(2500000, 'en')).toBe('2,500,000');
        expect(formatPercent(146, 310, 'nb')).toBe('47\u00a0%');
        expect(formatPercent(146, 310, 'en')).toBe('47%');
        expect(formatDate('2022-01-15', 'nb')).toBe('15. januar 2022');
        expect(formatDate('2022-01-15', 'en')).toBe('15 January 2022');
        expect(formatDateShort('2022-01-15', 'nb')).toBe('15.01.2022');
        expect(formatDateShort('2021-06', 'nn')).toBe('juni\u00a02021');
        expect(listText(['a', 'b', 'c'], 'nb')).toBe('a, b og c');
        expect(listText(['a', 'b'], 'en')).toBe('a and b');
    });
});

describe('column widths', () => {
    const cells = (...values: string[]): Cell[] => values.map(v => [text(v)]);
    const header = cells('Nr.', 'Anbefaling', 'Rettet til', 'Prioritet', 'Tidshorisont', 'Grunnlag', 'Status');
    const rows = [
        cells('1', 'Videreføre programmet med en tidshorisont på minst fem år', 'Kommunedirektørutvalget og KS Hovedstyre', 'Høy', 'Kort sikt', 'Funn 4.1, 4.9 og 4.16', 'Gjennomført'),
        cells('2', 'Løfte systembarrierer systematisk til Kommunedirektørutvalget og departementene', 'Strategisk råd for innovasjon og forskning', 'Middels', 'Mellomlang sikt', 'Funn 4.2', 'Vedtatt')
    ];
    /** The longest word of a column (the header is bold). */
    const longest = (c: number, sizePt: number) => Math.max(...[[header[c], true] as const, ...rows.map(r => [r[c], false] as const)]
        .flatMap(([cell, bold]) => wordsOf(inlineText(cell)).map(w => textTwips(w, sizePt, bold))));

    it('gives every column at least its longest word, and the page width in all', () => {
        // Two columns holding "Kommunedirektørutvalget" do not fit at 9 pt in the report font: the table is set smaller.
        const fit = fitTable(header, rows, 9070, TABLE_FITS);
        expect(fit.sizePt).toBeLessThan(9);
        expect(fit.widths.reduce((a, b) => a + b, 0)).toBe(9070);
        for (let c = 0; c < header.length; c++) expect(fit.widths[c], inlineText(header[c])).toBeGreaterThan(longest(c, fit.sizePt) + fit.padding);
        // At 9 pt they would not fit: the widths are shared in proportion and some column is narrower than its longest word.
        const normal = columnWidths(header, rows, 9070, TABLE_FITS[0]);
        expect(normal.some((w, c) => w < longest(c, 9) + TABLE_FITS[0].padding)).toBe(true);
    });

    it('keeps the normal size and margins for a table that fits', () => {
        const narrow = [header[0], header[1], header[6]];
        const fit = fitTable(narrow, rows.map(r => [r[0], r[1], r[6]]), 9070, TABLE_FITS);
        expect(fit).toMatchObject(TABLE_FITS[0]);
        expect(fit.widths.reduce((a, b) => a + b, 0)).toBe(9070);
    });

    it('breaks a line after a hyphen but not at a no-break space', () => {
        expect(wordsOf('KS-midler og Funn\u00a04.10')).toEqual(['KS-', 'midler', 'og', 'Funn\u00a04.10']);
    });
});

describe('Title Case in the bibliography', () => {
    it('tells Title Case from sentence case and proper names', () => {
        expect(looksLikeTitleCase('Developmental Evaluation: Applying Complexity Concepts to Enhance Innovation and Use')).toBe(true);
        expect(looksLikeTitleCase('Communities of Practice: Learning, Meaning, and Identity')).toBe(true);
        expect(looksLikeTitleCase('Developmental evaluation: Applying complexity concepts to enhance innovation and use')).toBe(false);
        expect(looksLikeTitleCase('Mission-oriented research & innovation in the European Union: A problem-solving approach')).toBe(false);
        expect(looksLikeTitleCase('Klimatilpassing i kommunal planlegging')).toBe(false);
    });

    it('gives the author a note (never a silent rewrite) for a cited title in Title Case, and none for sentence case', async () => {
        const notes: string[] = [];
        const ws = await workspace(REPORT_NN);
        const md = new TextDecoder().decode(await generateReport(ws, report(ws, 'Notat'), { format: 'md', notices: m => notes.push(m) }));
        expect(notes).toHaveLength(1);
        expect(notes[0]).toMatch(/^references\.bib: wenger1998: the title "Communities of Practice: Learning, Meaning, and Identity" looks like Title Case; APA 7 /);
        expect(md).toContain('*Communities of Practice: Learning, Meaning, and Identity*');
        const quiet: string[] = [];
        for (const [dir, id] of [[PRI, 'Sluttrapport'], [REPORT_EN, 'Basis']] as const) {
            const w = await workspace(dir);
            await generateReport(w, report(w, id), { format: 'md', notices: m => quiet.push(m) });
        }
        expect(quiet).toEqual([]);
    });
});
