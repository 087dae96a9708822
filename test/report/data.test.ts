import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, parseCsvText, type CsvTable, type Finding, type LoadedWorkspace, type Report, type Source, type Table, type Chart } from '@sporbar/language';
import {
    chartPng, chartSvg, dataCaption, dataLabelsFor, dataOf, drawChart, formatDataNumber, formatTable, methodRows, niceScale,
    placeDataElements, SERIES_COLOURS, seriesLabels, tableCells, sectionsBySlot, gradesConfidence
} from '@sporbar/report';
import { SVG_FONT_FAMILY } from '../../packages/report/src/logic-svg.js';
import { AXIS_COLOUR, TEXT_COLOUR } from '../../packages/report/src/chart-svg.js';

function csv(text: string): CsvTable {
    const result = parseCsvText(text);
    if (!result.ok) throw new Error(result.problem.message);
    return result.table;
}

const SURVEY = csv('Tjeneste;2022;2023;n\nHelse og omsorg;35,5 %;52,0 %;146\nOppvekst;28,1 %;44,4 %;3\nTeknisk;1 234,5;-2;12\n'.replace('1 234,5', '1234,5'));

describe('numbers in the report language', () => {
    it('nb and nn: decimal comma, no-break space before % and between thousands; en: point, comma, no space', () => {
        expect(formatDataNumber(47.5, 1, 'nb')).toBe('47,5');
        expect(formatDataNumber(47.5, 1, 'en')).toBe('47.5');
        expect(formatDataNumber(12345.25, 2, 'nn')).toBe('12\u00a0345,25');
        expect(formatDataNumber(12345.25, 2, 'en')).toBe('12,345.25');
        expect(formatDataNumber(1234, 0, 'nb')).toBe('1234');
        expect(formatDataNumber(1234, 0, 'en')).toBe('1,234');
        expect(formatDataNumber(-3.5, 1, 'nb')).toBe('-3,5');
        expect(formatDataNumber(52, 1, 'nb')).toBe('52,0');
    });
});

describe('formatTable: the cells a report prints', () => {
    it('formats numbers per language with their written decimals, right-aligned; text stays left', () => {
        const nb = formatTable(SURVEY, { language: 'nb', suppressSmallCounts: false });
        expect(nb.rows[0].map(c => c.text)).toEqual(['Helse og omsorg', '35,5\u00a0%', '52,0\u00a0%', '146']);
        expect(nb.rows[0].map(c => c.align)).toEqual(['left', 'right', 'right', 'right']);
        expect(nb.header.map(c => c.align)).toEqual(['left', 'right', 'right', 'right']);
        expect(nb.numericColumns).toEqual([1, 2, 3]);
        expect(nb.rows[2].map(c => c.text)).toEqual(['Teknisk', '1234,5', '-2', '12']);
        const en = formatTable(SURVEY, { language: 'en', suppressSmallCounts: false });
        expect(en.rows[0].slice(1).map(c => c.text)).toEqual(['35.5%', '52.0%', '146']);
        expect(en.rows[2][1].text).toBe('1,234.5');
        expect(nb.suppressedRows).toEqual([]);
        expect(nb.countColumn).toBe(3);
    });

    it('from a non-public source: a count of 1–4 becomes "<5" and the shares of its row "–"; other rows untouched', () => {
        const t = formatTable(SURVEY, { language: 'nb', suppressSmallCounts: true });
        expect(t.suppressedRows).toEqual([1]);
        expect(t.rows[1].map(c => c.text)).toEqual(['Oppvekst', '–', '–', '<5']);
        expect(t.rows[1].slice(1).every(c => c.suppressed && c.number === undefined)).toBe(true);
        expect(t.rows[0].map(c => c.text)).toEqual(['Helse og omsorg', '35,5\u00a0%', '52,0\u00a0%', '146']);
        // A share column by its header, without % in the cells.
        const shares = formatTable(csv('Enhet;Andel svar;Snitt;Antall\nA;12,5;3,2;2\nB;40;4,1;20\n'), { language: 'en', suppressSmallCounts: true, counts: 'Antall' });
        expect(shares.rows[0].map(c => c.text)).toEqual(['A', '–', '3.2', '<5']);
        expect(shares.rows[1].map(c => c.text)).toEqual(['B', '40', '4.1', '20']);
        // 0 and 5 are not small; a percentage in the count column is not a count.
        const edges = formatTable(csv('G;n;Andel\nA;0;0 %\nB;5;10 %\nC;4 %;1 %\n'), { language: 'nb', suppressSmallCounts: true });
        expect(edges.suppressedRows).toEqual([]);
    });
});

describe('chartSvg', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: name => ['rect', 'text', 'pattern', 'polyline', 'circle', 'path', 'line', 'g', 'title'].includes(name) });
    const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(m => m[1]);

    it('bars: one bar per value, series told apart by pattern, value labels and ticks in the language, legend, the logic figure font', () => {
        const drawing = chartSvg(SURVEY, { language: 'nb', unit: 'prosent' });
        expect(XMLValidator.validate(drawing.svg)).toBe(true);
        const svg = parser.parse(drawing.svg).svg;
        expect(svg['font-family']).toBe(SVG_FONT_FAMILY);
        expect(svg.role).toBe('img');
        expect(svg['aria-label']).toBe(drawing.alt);
        expect(Number(svg.width)).toBe(drawing.width);
        // 3 categories × 3 series ("2022", "2023", "n") bars, plus the background and 2 legend swatches.
        const bars = (svg.rect as Array<{ title?: unknown }>).filter(r => r.title);
        expect(bars).toHaveLength(9);
        expect(svg.defs.pattern.map((p: { id: string }) => p.id)).toEqual(['sporbar-chart-p1', 'sporbar-chart-p2']);
        const words = texts(drawing.svg);
        expect(words).toEqual(expect.arrayContaining(['prosent', 'Helse og omsorg', '35,5\u00a0%', '52,0\u00a0%', '2022', '2023', 'n']));
        expect(words).not.toContain('35.5%');
        // No title inside the drawing: the caption is the report's.
        expect(drawing.svg).not.toContain('Tjeneste');
        expect(drawing.orientation).toBe('vertical');
        const en = chartSvg(SURVEY, { language: 'en' });
        expect(texts(en.svg)).toEqual(expect.arrayContaining(['35.5%', '52.0%', '1,234.5']));
    });

    it('one series: no legend and no patterns; a line chart: one line per series, each with its own dash and marker shape', () => {
        const one = chartSvg(csv('År;Andel\n2022;35\n2023;52\n'), { language: 'nb' });
        expect(one.svg).not.toContain('<pattern');
        expect(texts(one.svg)).toEqual(['0', '20', '40', '60', '2022', '2023', '35', '52']);
        const line = chartSvg(csv('År;KS;Staten;Kommunene\n2020;1,5;0,5;0\n2021;2;1;0,25\n2022;2,5;1;0,5\n'), { language: 'nb', kind: 'line', unit: 'MNOK' });
        const svg = parser.parse(line.svg).svg;
        expect(svg.polyline).toHaveLength(3);
        expect(new Set(svg.polyline.map((p: Record<string, string>) => p['stroke-dasharray'] ?? 'solid')).size).toBe(3);
        expect(new Set(svg.polyline.map((p: Record<string, string>) => p.stroke)).size).toBe(3);
        // Markers: circles for the first series, squares (rect) for the second, triangles (path) for the third.
        expect((svg.circle ?? []).length).toBeGreaterThanOrEqual(3);
        expect((svg.path ?? []).length).toBeGreaterThanOrEqual(3);
        expect(texts(line.svg)).toEqual(expect.arrayContaining(['MNOK', 'KS', 'Staten', 'Kommunene', '2,5', '0,0']));
    });

    it('long or many categories lay the bars sideways', () => {
        const counties = ['Agder', 'Innlandet', 'Møre og Romsdal', 'Nordland', 'Oslo', 'Rogaland', 'Troms og Finnmark', 'Trøndelag', 'Vestfold og Telemark', 'Vestland', 'Viken', 'Svalbard', 'Jan Mayen'];
        const drawing = chartSvg(csv(`Fylke;Andel\n${counties.map((c, i) => `${c};${10 + i}`).join('\n')}\n`), { language: 'nb' });
        expect(drawing.orientation).toBe('horizontal');
        expect(texts(drawing.svg)).toEqual(expect.arrayContaining(counties));
    });

    it('the alt text is one sentence naming the highest and lowest category, in nb, nn and en', () => {
        const data = csv('Tjeneste;2022;2023\nHelse og omsorg;35,5 %;52,0 %\nOppvekst;28,1 %;44,4 %\n');
        expect(chartSvg(data, { language: 'nb', unit: 'prosent' }).alt).toBe(
            'Stolpediagram over 2 serier («2022» og «2023») for 2 kategorier, i prosent: høyest er Helse og omsorg (2023) med 52,0\u00a0%, lavest er Oppvekst (2022) med 28,1\u00a0%.');
        expect(chartSvg(data, { language: 'nn', kind: 'line' }).alt).toBe(
            'Linjediagram over 2 seriar («2022» og «2023») for 2 kategoriar: høgast er Helse og omsorg (2023) med 52,0\u00a0%, lågast er Oppvekst (2022) med 28,1\u00a0%.');
        expect(chartSvg(csv('År;Andel\n2022;35\n2023;52\n2024;41\n'), { language: 'en' }).alt).toBe(
            'Bar chart of "Andel" for 3 categories: the highest is 2023 at 52, the lowest 2022 at 35.');
        expect(chartSvg(csv('År;Andel\n2022;7\n2023;7\n'), { language: 'nb' }).alt).toBe('Stolpediagram over «Andel» for 2 kategorier: alle verdiene er 7.');
    });

    it('every colour of text and marks has at least 4.5:1 contrast against white', () => {
        const luminance = (hex: string) => {
            const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16) / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const contrast = (hex: string) => 1.05 / (luminance(hex) + 0.05);
        // Negative control: a light grey fails.
        expect(contrast('#aaaaaa')).toBeLessThan(4.5);
        for (const colour of [...SERIES_COLOURS, TEXT_COLOUR, AXIS_COLOUR]) expect(contrast(colour), colour).toBeGreaterThanOrEqual(4.5);
        // And the drawing uses only those for text.
        const drawing = chartSvg(SURVEY, { language: 'nb' });
        const fills = new Set([...drawing.svg.matchAll(/<text[^>]* fill="([^"]+)"/g)].map(m => m[1]));
        for (const fill of fills) expect([TEXT_COLOUR, AXIS_COLOUR]).toContain(fill);
    });

    it('is deterministic, keeps ids under its prefix, and rasterises through the logic figure pipeline', async () => {
        const a = chartSvg(SURVEY, { language: 'nb', idPrefix: 'figur-4-1' });
        expect(chartSvg(SURVEY, { language: 'nb', idPrefix: 'figur-4-1' }).svg).toBe(a.svg);
        const ids = [...a.svg.matchAll(/ id="([^"]+)"/g)].map(m => m[1]);
        expect(ids.length).toBeGreaterThan(0);
        expect(ids.every(id => id.startsWith('figur-4-1-'))).toBe(true);
        const png = await chartPng(a, 800);
        expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(800);
    });

    it('the value axis: from 0 (or below) to a round number, ticks of 1, 2, 2.5 or 5 × 10ⁿ', () => {
        expect(niceScale([35, 52])).toMatchObject({ min: 0, max: 60, step: 20, ticks: [0, 20, 40, 60] });
        expect(niceScale([35, 48])).toMatchObject({ min: 0, max: 50, step: 10 });
        expect(niceScale([0.5, 2.5])).toMatchObject({ min: 0, max: 2.5, step: 0.5, decimals: 1 });
        expect(niceScale([-3.5, 16])).toMatchObject({ min: -5, max: 20, step: 5 });
        expect(niceScale([])).toMatchObject({ min: 0, max: 1 });
    });

    it('its data table for the appendix is the formatted table', () => {
        const drawing = chartSvg(SURVEY, { language: 'en' });
        expect(drawing.dataTable.rows[0].map(c => c.text)).toEqual(['Helse og omsorg', '35.5%', '52.0%', '146']);
    });
});

describe('placement, captions and series in a workspace', () => {
    let root: string;
    let ws: LoadedWorkspace;
    const find = <T>(id: string) => ws.services.workspace.WorkspaceIndex.declarationsOf(id)[0] as T;

    beforeAll(async () => {
        root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-report-data-')));
        fs.mkdirSync(path.join(root, 'data'));
        fs.writeFileSync(path.join(root, 'data', 'enheter.csv'), 'Enhet;Andel;n\nSentral;40 %;22\nBarnehage;25 %;3\n');
        fs.writeFileSync(path.join(root, 'data', 'plan.csv'), 'År;Andel\n2010;35\n2014;52\n');
        fs.writeFileSync(path.join(root, 'model.prog'), `
programme P "P" { client KS }
actor KS "KS" { type association }
question Q "Q?"
source S10 survey "Kartlegging 2010" { date 2010-11  respondents 251  access internal }
source S14 survey "Kartlegging 2014" { date 2014-11  respondents 280 }
source S20 survey "Kartlegging 2020" { date 2020-11  respondents 300 }
source IK interview "Intervjuer med kommunedirektører" { date 2014-09 .. 2014-11  count 18 }
source IK2 interview "Intervjuer med ordførere" { date 2014-10  count 4 }
source I1 interview "Intervju med fylkesdirektør" { date 2014-10 }
source G1 focus-group "Fokusgruppe" { date 2014-10 }
table T1 "Enheter" { from S10, S14  file "data/enheter.csv"  note "Andel som svarer «god»." }
chart C1 "Plan" { from S14  file "data/plan.csv"  kind line  unit "prosent" }
chart C2 "Nobody cites this" { from S14  file "data/plan.csv" }
table T3 "Cited only by the report" { from S10  file "data/enheter.csv" }
table T4 "Cited only by a late finding" { from S14  file "data/enheter.csv" }
table T5 "After the cutoff" { from S20  file "data/plan.csv" }
finding F1 "First" { answers Q  evidence IK, I1  confidence moderate  text """ Se @C1 og @T1. """ }
finding F2 "Second" { answers Q  evidence T1, C1, G1  confidence moderate }
finding F9 "Late" { answers Q  evidence T4  confidence low  date 2016-01-01 }
finding F8 "Ungraded" { answers Q  evidence S14 }
report R "R" {
    kind final  date 2015-01-01  cutoff 2015-01-01  summary """ Se @T3. """
    section "Først" """ a """
    section "Status ved oppstart" after method """ b """
    section "Sist" """ c """
    section "Etter metode, nummer to" after method """ d """
}
`);
        ws = await loadWorkspace(root);
    });
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it('places a table or chart under the first included finding that cites it, the rest in the appendix', () => {
        const [f1, f2] = [find<Finding>('F1'), find<Finding>('F2')];
        const placement = placeDataElements(ws, find<Report>('R'), [f2, f1]);
        // F2 comes first in this report's order: it gets T1 and C1 (evidence order); F1 gets nothing.
        expect([...placement.underFinding].map(([f, e]) => [f.name, e.map(x => x.name)])).toEqual([['F2', ['T1', 'C1']]]);
        // C2: cited by nothing; T3: by the report's own text; T4: only by a finding after the cutoff; T5: its source after the cutoff.
        expect(placement.appendix.map(e => e.name)).toEqual(['C2', 'T3']);
        expect(placement.charts.map(c => c.name)).toEqual(['C1', 'C2']);
        const again = placeDataElements(ws, find<Report>('R'), [f1, f2]);
        expect([...again.underFinding].map(([f, e]) => [f.name, e.map(x => x.name)])).toEqual([['F1', ['C1', 'T1']]]);
    });

    it('prints the cells with small counts suppressed (a source is internal), and a caption with Kilde and the note', () => {
        const table = find<Table>('T1');
        const data = dataOf(ws, table);
        expect(data.ok).toBe(true);
        if (!data.ok) return;
        const cells = tableCells(data.csv, table, 'nb');
        expect(cells.rows[1].map(c => c.text)).toEqual(['Barnehage', '–', '<5']);
        const label = (s: Source) => s.title;
        expect(dataCaption(table, label, 'nb', cells)).toEqual({
            sourceLine: 'Kilder: Kartlegging 2010 og Kartlegging 2014.',
            note: 'Andel som svarer «god».',
            suppressedNote: dataLabelsFor('nb').suppressedNote
        });
        expect(dataCaption(find<Chart>('C1'), label, 'en')).toEqual({ sourceLine: 'Source: Kartlegging 2014.' });
        // A table only from public sources keeps its small counts.
        const chart = find<Chart>('C1');
        const plan = dataOf(ws, chart);
        if (plan.ok) expect(drawChart(plan.csv, chart, 'nb').alt).toContain('Linjediagram over «Andel» for 2 kategorier, i prosent');
    });

    it('labels series "Intervjuserie 1 (18 intervjuer)" and sums the method table "18 + 4 + 1"', () => {
        const labels = seriesLabels(ws, 'nb');
        expect(labels.get(find<Source>('IK'))).toBe('Intervjuserie 1 (18 intervjuer)');
        expect(labels.get(find<Source>('IK2'))).toBe('Intervjuserie 2 (4 intervjuer)');
        expect(labels.has(find<Source>('I1'))).toBe(false);
        expect(seriesLabels(ws, 'nn').get(find<Source>('IK'))).toBe('Intervjuserie 1 (18 intervju)');
        expect(seriesLabels(ws, 'en').get(find<Source>('IK'))).toBe('Interview series 1 (18 interviews)');
        const sources = ['IK', 'IK2', 'I1', 'G1', 'S10'].map(id => find<Source>(id));
        const rows = methodRows(sources, 'nb');
        expect(rows.map(r => [r.kind, r.sources, r.events, r.eventsText])).toEqual([
            ['interview', 3, 23, '18 + 4 + 1'], ['focus-group', 1, 1, '1'], ['survey', 1, 1, '1']
        ]);
    });

    it('groups sections by their slot in written order, and tells whether the report grades confidence', () => {
        const slots = sectionsBySlot(find<Report>('R'));
        expect([...slots].map(([slot, list]) => [slot, list.map(x => x.title)])).toEqual([
            ['default', ['Først', 'Sist']], ['method', ['Status ved oppstart', 'Etter metode, nummer to']]
        ]);
        expect(gradesConfidence([find<Finding>('F8'), find<Finding>('F9')])).toBe(true);
        expect(gradesConfidence([find<Finding>('F8')])).toBe(false);
    });
});
