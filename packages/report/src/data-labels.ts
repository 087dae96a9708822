/**
 * The words of tables, charts and source series (V2 §8) in nb, nn and en: kept apart from
 * labels.ts so the data features can be merged without touching the report's other words.
 * Every string a chart, a data table, a series label or a method-table sum prints is here.
 */
import type * as ast from '@sporbar/language';
import { formatDataNumber } from './data-numbers.js';
import type { ReportLanguage } from './labels.js';

/** Source kinds that may be a series (`count N`). */
export type SeriesKind = 'interview' | 'focus-group' | 'observation' | 'workshop';

export interface DataLabels {
    /** "Kilde" before the labels of a table's or chart's sources. */
    readonly source: string;
    /** "Kilder" when there are several. */
    readonly sources: string;
    /** Printed instead of a count from 1 to 4 from a non-public source. */
    readonly smallCount: string;
    /** Printed instead of the shares of a row whose count is suppressed. */
    readonly suppressed: string;
    /** The note under a table with suppressed cells. */
    readonly suppressedNote: string;
    /** The appendix of tables and charts not printed under a finding, and of chart data. */
    readonly appendixTitle: string;
    /** "Data for figur 4.1" (the chart's number as the report gives it). */
    readonly chartData: (figure: string) => string;
    /** A series source's label: "Intervjuserie 1 (18 intervjuer)". */
    readonly seriesLabel: (kind: SeriesKind, number: number, count: number) => string;
    /** "18 intervjuer". */
    readonly events: (kind: SeriesKind, count: number) => string;
    /** The chart kind, capitalised, as alt text starts: "Stolpediagram". */
    readonly chartKind: Record<ast.ChartKind, string>;
    /** One sentence about a chart: kind, what it shows, the highest and the lowest value. */
    readonly chartAlt: (parts: ChartAltParts) => string;
    /** Under a finding whose text does not name the table or figure printed under it: "Tabell 4.2 viser datagrunnlaget for funnet." */
    readonly shownUnder: (reference: string) => string;
    /** A chart's alt text with where its numbers are: "…, lavest er … med 0,25; tallene står i vedlegg D." */
    readonly altWithData: (alt: string, appendix: string) => string;
    /** The first paragraph of the appendix of tables and figures. */
    readonly appendixLead: string;
    /** The matrix appendix's lead when the report grades no confidence (V2 §8). */
    readonly matrixLeadUngraded: string;
    /** The limitations when nothing is missing and the report grades no confidence. */
    readonly noLimitationsUngraded: string;
}

export interface ChartAltParts {
    readonly kind: ast.ChartKind;
    /** Series names (the columns after the first). */
    readonly series: readonly string[];
    readonly categories: number;
    /** "Helse og omsorg" or "Helse og omsorg, 2023" (category, and the series when there are several). */
    readonly highest: string;
    readonly highestValue: string;
    readonly lowest: string;
    readonly lowestValue: string;
    /** The chart's `unit`, if any. */
    readonly unit?: string;
    /** True when every value is the same (no highest or lowest to tell). */
    readonly flat: boolean;
}

const NB_EVENTS: Record<SeriesKind, [string, string]> = {
    interview: ['intervju', 'intervjuer'], 'focus-group': ['fokusgruppe', 'fokusgrupper'],
    observation: ['observasjon', 'observasjoner'], workshop: ['verksted', 'verksteder']
};
const NN_EVENTS: Record<SeriesKind, [string, string]> = {
    interview: ['intervju', 'intervju'], 'focus-group': ['fokusgruppe', 'fokusgrupper'],
    observation: ['observasjon', 'observasjonar'], workshop: ['verkstad', 'verkstader']
};
const EN_EVENTS: Record<SeriesKind, [string, string]> = {
    interview: ['interview', 'interviews'], 'focus-group': ['focus group', 'focus groups'],
    observation: ['observation', 'observations'], workshop: ['workshop', 'workshops']
};

const NB_SERIES: Record<SeriesKind, string> = { interview: 'Intervjuserie', 'focus-group': 'Fokusgruppeserie', observation: 'Observasjonsserie', workshop: 'Verkstedserie' };
const NN_SERIES: Record<SeriesKind, string> = { interview: 'Intervjuserie', 'focus-group': 'Fokusgruppeserie', observation: 'Observasjonsserie', workshop: 'Verkstadserie' };
const EN_SERIES: Record<SeriesKind, string> = { interview: 'Interview series', 'focus-group': 'Focus group series', observation: 'Observation series', workshop: 'Workshop series' };

function count(words: Record<SeriesKind, [string, string]>, kind: SeriesKind, n: number, language: ReportLanguage): string {
    const number = formatDataNumber(n, 0, language);
    return `${number} ${words[kind][n === 1 ? 0 : 1]}`;
}

function listNb(items: readonly string[], and: string): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

const nb: DataLabels = {
    source: 'Kilde',
    sources: 'Kilder',
    smallCount: '<5',
    suppressed: '–',
    suppressedNote: 'Antall under 5 er vist som «<5» og andelene i raden som «–», for å verne informantene.',
    appendixTitle: 'Tabeller og figurer fra datagrunnlaget',
    chartData: figure => `Data for ${figure.charAt(0).toLowerCase()}${figure.slice(1)}`,
    seriesLabel: (kind, number, n) => `${NB_SERIES[kind]} ${number} (${count(NB_EVENTS, kind, n, 'nb')})`,
    events: (kind, n) => count(NB_EVENTS, kind, n, 'nb'),
    chartKind: { bar: 'Stolpediagram', line: 'Linjediagram' },
    shownUnder: ref => `${ref} viser datagrunnlaget for funnet.`,
    altWithData: (alt, appendix) => `${alt.replace(/\.$/, '')}; tallene står i ${appendix}.`,
    appendixLead: 'Vedlegget viser tabellene og figurene fra datagrunnlaget som ikke står under et funn, og tallene bak hver figur i rapporten.',
    matrixLeadUngraded: 'Matrisen viser for hvert funn i rapporten hvilke problemstillinger det svarer på, hvilke kilder det bygger på, og hvor det brukes.',
    noLimitationsUngraded: 'Alle problemstillingene har funn.',
    chartAlt: p => {
        const what = p.series.length === 1 ? `«${p.series[0]}»` : `${p.series.length} serier (${listNb(p.series.map(s => `«${s}»`), 'og')})`;
        const unit = p.unit ? `, i ${p.unit}` : '';
        const range = p.flat ? `alle verdiene er ${p.highestValue}` : `høyest er ${p.highest} med ${p.highestValue}, lavest er ${p.lowest} med ${p.lowestValue}`;
        return `${nb.chartKind[p.kind]} over ${what} for ${p.categories} ${p.categories === 1 ? 'kategori' : 'kategorier'}${unit}: ${range}.`;
    }
};

const nn: DataLabels = {
    source: 'Kjelde',
    sources: 'Kjelder',
    smallCount: '<5',
    suppressed: '–',
    suppressedNote: 'Tal under 5 er viste som «<5» og delane i rada som «–», for å verne informantane.',
    appendixTitle: 'Tabellar og figurar frå datagrunnlaget',
    chartData: figure => `Data for ${figure.charAt(0).toLowerCase()}${figure.slice(1)}`,
    seriesLabel: (kind, number, n) => `${NN_SERIES[kind]} ${number} (${count(NN_EVENTS, kind, n, 'nn')})`,
    events: (kind, n) => count(NN_EVENTS, kind, n, 'nn'),
    chartKind: { bar: 'Stolpediagram', line: 'Linjediagram' },
    shownUnder: ref => `${ref} viser datagrunnlaget for funnet.`,
    altWithData: (alt, appendix) => `${alt.replace(/\.$/, '')}; tala står i ${appendix}.`,
    appendixLead: 'Vedlegget viser tabellane og figurane frå datagrunnlaget som ikkje står under eit funn, og tala bak kvar figur i rapporten.',
    matrixLeadUngraded: 'Matrisa viser for kvart funn i rapporten kva problemstillingar det svarar på, kva kjelder det byggjer på, og kvar det blir brukt.',
    noLimitationsUngraded: 'Alle problemstillingane har funn.',
    chartAlt: p => {
        const what = p.series.length === 1 ? `«${p.series[0]}»` : `${p.series.length} seriar (${listNb(p.series.map(s => `«${s}»`), 'og')})`;
        const unit = p.unit ? `, i ${p.unit}` : '';
        const range = p.flat ? `alle verdiane er ${p.highestValue}` : `høgast er ${p.highest} med ${p.highestValue}, lågast er ${p.lowest} med ${p.lowestValue}`;
        return `${nn.chartKind[p.kind]} over ${what} for ${p.categories} ${p.categories === 1 ? 'kategori' : 'kategoriar'}${unit}: ${range}.`;
    }
};

const en: DataLabels = {
    source: 'Source',
    sources: 'Sources',
    smallCount: '<5',
    suppressed: '–',
    suppressedNote: 'Counts below 5 are shown as "<5" and the shares in their row as "–", to protect the informants.',
    appendixTitle: 'Tables and figures from the data',
    chartData: figure => `Data for ${figure.charAt(0).toLowerCase()}${figure.slice(1)}`,
    seriesLabel: (kind, number, n) => `${EN_SERIES[kind]} ${number} (${count(EN_EVENTS, kind, n, 'en')})`,
    events: (kind, n) => count(EN_EVENTS, kind, n, 'en'),
    chartKind: { bar: 'Bar chart', line: 'Line chart' },
    shownUnder: ref => `${ref} shows the data behind the finding.`,
    altWithData: (alt, appendix) => `${alt.replace(/\.$/, '')}; the numbers are in ${appendix}.`,
    appendixLead: 'This appendix shows the tables and figures from the data that are not printed under a finding, and the numbers behind each figure in the report.',
    matrixLeadUngraded: 'For each finding in the report, the matrix shows the research questions it answers, the sources it draws on and where it is used.',
    noLimitationsUngraded: 'Every research question has findings.',
    chartAlt: p => {
        const what = p.series.length === 1 ? `"${p.series[0]}"` : `${p.series.length} series (${listNb(p.series.map(s => `"${s}"`), 'and')})`;
        const unit = p.unit ? `, in ${p.unit}` : '';
        const range = p.flat ? `every value is ${p.highestValue}` : `the highest is ${p.highest} at ${p.highestValue}, the lowest ${p.lowest} at ${p.lowestValue}`;
        return `${en.chartKind[p.kind]} of ${what} for ${p.categories} ${p.categories === 1 ? 'category' : 'categories'}${unit}: ${range}.`;
    }
};

const ALL: Record<ReportLanguage, DataLabels> = { nb, nn, en };

export function dataLabelsFor(language: ReportLanguage): DataLabels {
    return ALL[language];
}
