import { COVERAGE_LABELS, MATRIX_SOURCE_KINDS, modelWord, type CoverageFigure, type MatrixCoverage, type MatrixRow, type SourceKind, type TraceabilityMatrix, type UiLanguage } from '@sporbar/language/core';

/** The table's words in nb and nn (`--lang`, else sporbar.json's `language`, else English); terms as in the reports. */
interface TableWords {
    readonly header: readonly string[];
    readonly noFindings: string;
    readonly evidence: string;
    readonly triangulationNote: string;
    readonly coverage: string;
    readonly coverageLabels: Readonly<Record<keyof MatrixCoverage, string>>;
    readonly assessments: string;
    readonly notAssessed: string;
    readonly replaces: string;
    readonly indicators: string;
    readonly yes: string;
    readonly no: string;
}

const TABLE_WORDS: Record<UiLanguage, TableWords> = {
    en: {
        header: ['ID', 'Finding', 'Status', 'Questions', 'Confidence', 'Evidence', 'Origins', 'Triangulated', 'Used by'],
        noFindings: '(no findings)', evidence: 'Evidence',
        triangulationNote: 'Triangulated: evidence from at least two source kinds and at least two origins, literature not counted; Origins: those of the evidence other than literature.',
        coverage: 'Coverage', coverageLabels: COVERAGE_LABELS, assessments: 'Assessments in force', notAssessed: 'not assessed', replaces: 'replaces',
        indicators: 'Indicators (baseline → latest → target)', yes: 'yes', no: 'no'
    },
    nb: {
        header: ['ID', 'Funn', 'Status', 'Problemstillinger', 'Tillit', 'Belegg', 'Opphav', 'Triangulert', 'Brukt i'],
        noFindings: '(ingen funn)', evidence: 'Belegg',
        triangulationNote: 'Triangulert: belegg fra minst to kildetyper og minst to opphav, litteratur ikke medregnet; Opphav: opphavet til belegget utenom litteratur.',
        coverage: 'Dekning',
        coverageLabels: {
            questionsAnswered: 'problemstillinger som er besvart', findingsTriangulated: 'funn som er triangulert',
            outcomesWithEvidence: 'effekter og samfunnseffekter som funn belyser', recommendationsWithBasis: 'anbefalinger med grunnlag', sourcesCited: 'kilder det er vist til'
        },
        assessments: 'Gjeldende vurderinger', notAssessed: 'ikke vurdert', replaces: 'erstatter',
        indicators: 'Indikatorer (utgangsverdi → siste → mål)', yes: 'ja', no: 'nei'
    },
    nn: {
        header: ['ID', 'Funn', 'Status', 'Problemstillingar', 'Tillit', 'Belegg', 'Opphav', 'Triangulert', 'Brukt i'],
        noFindings: '(ingen funn)', evidence: 'Belegg',
        triangulationNote: 'Triangulert: belegg frå minst to kjeldetypar og minst to opphav, litteratur ikkje medrekna; Opphav: opphavet til belegget utanom litteratur.',
        coverage: 'Dekning',
        coverageLabels: {
            questionsAnswered: 'problemstillingar som er svarte på', findingsTriangulated: 'funn som er triangulerte',
            outcomesWithEvidence: 'effektar og samfunnseffektar som funn kastar lys over', recommendationsWithBasis: 'tilrådingar med grunnlag', sourcesCited: 'kjelder det er vist til'
        },
        assessments: 'Gjeldande vurderingar', notAssessed: 'ikkje vurdert', replaces: 'erstattar',
        indicators: 'Indikatorar (utgangsverdi → siste → mål)', yes: 'ja', no: 'nei'
    }
};

/** Short names of the source kinds in the table's evidence column (a legend follows the table). */
const KIND_ABBREVIATIONS: Readonly<Record<SourceKind, string>> = {
    interview: 'int', 'focus-group': 'fg', document: 'doc', observation: 'obs',
    survey: 'sur', workshop: 'ws', literature: 'lit', dataset: 'data'
};

export const TITLE_WIDTH = 48;

/** Cuts a text to `width` characters (code points), ending in `…` when cut. */
export function truncate(text: string, width: number): string {
    const chars = [...text.replace(/\s+/g, ' ').trim()];
    return chars.length <= width ? chars.join('') : chars.slice(0, width - 1).join('') + '…';
}

function width(text: string): number {
    return [...text].length;
}

function pad(text: string, to: number): string {
    return text + ' '.repeat(Math.max(0, to - width(text)));
}

function percent(share: number | null): string {
    return share === null ? '–' : `${Math.round(share * 100)}%`;
}

function evidenceCell(row: MatrixRow): string {
    const parts = MATRIX_SOURCE_KINDS.filter(kind => row.evidence[kind]).map(kind => `${KIND_ABBREVIATIONS[kind]}:${row.evidence[kind]}`);
    return parts.length > 0 ? parts.join(' ') : '–';
}

function usedByCell(row: MatrixRow): string {
    // Replaced assessments no longer use the finding (the JSON keeps them in `usedBy.assessments`).
    const ids = [...row.usedBy.assessmentsInForce, ...row.usedBy.recommendations, ...row.usedBy.lessons];
    return ids.length > 0 ? ids.join(', ') : '–';
}

function list(items: readonly string[]): string {
    return items.length > 0 ? items.join(', ') : '–';
}

/** The definition the Triangulated column and the coverage figure use (RULES.md "Triangulation"). */
export const TRIANGULATION_NOTE = TABLE_WORDS.en.triangulationNote;

/** Aligned columns for a terminal: titles cut to TITLE_WIDTH, then the coverage figures; words in `language`. */
export function matrixTable(matrix: TraceabilityMatrix, language: UiLanguage = 'en'): string {
    const w = TABLE_WORDS[language];
    const word = (value: string) => modelWord(value, language);
    const header = [...w.header];
    const body = matrix.rows.map(row => [
        row.id, truncate(row.title, TITLE_WIDTH), word(row.status), list(row.questions), row.confidence ? word(row.confidence) : '–', evidenceCell(row),
        list(row.triangulation.origins.map(word)), row.triangulated ? w.yes : w.no, usedByCell(row)
    ]);
    const widths = header.map((h, i) => Math.max(width(h), ...body.map(cells => width(cells[i]))));
    const line = (cells: string[]) => cells.map((c, i) => i === cells.length - 1 ? c : pad(c, widths[i])).join('  ').trimEnd();
    const out = [line(header), line(widths.map(w => '-'.repeat(w))), ...body.map(line)];
    if (matrix.rows.length === 0) out.push(w.noFindings);
    const used = MATRIX_SOURCE_KINDS.filter(kind => matrix.rows.some(row => row.evidence[kind]));
    if (used.length > 0) out.push('', `${w.evidence}: ${used.map(kind => `${KIND_ABBREVIATIONS[kind]} = ${word(kind)}`).join(', ')}`);
    if (matrix.rows.length > 0) out.push(w.triangulationNote);
    out.push('', w.coverage);
    const entries = Object.entries(w.coverageLabels) as [keyof MatrixCoverage, string][];
    const labelWidth = Math.max(...entries.map(([, label]) => width(label)));
    const fractions = entries.map(([key]) => `${matrix.coverage[key].numerator}/${matrix.coverage[key].denominator}`);
    const fractionWidth = Math.max(...fractions.map(width));
    entries.forEach(([key, label], i) => {
        const figure: CoverageFigure = matrix.coverage[key];
        out.push(`  ${pad(label, labelWidth)}  ${' '.repeat(fractionWidth - width(fractions[i]))}${fractions[i]}  ${percent(figure.share).padStart(4)}`);
    });
    if (matrix.assessments.length > 0) {
        out.push('', w.assessments);
        out.push(...columns(matrix.assessments.map(a => [
            a.id, a.criterion ?? '–', a.notAssessed !== undefined ? `${w.notAssessed}: ${truncate(a.notAssessed, TITLE_WIDTH)}` : a.rating ? word(a.rating) : '–',
            a.date ?? '', a.replaces ? `${w.replaces} ${a.replaces}` : ''
        ])));
    }
    if (matrix.indicators.length > 0) {
        out.push('', w.indicators);
        out.push(...columns(matrix.indicators.map(i => [
            i.id, i.node ? `${i.level ? word(i.level) : ''} ${i.node}`.trim() : '–',
            `${i.baseline ?? '–'} → ${i.latest ? `${i.latest.value} (${i.latest.date}${i.latest.source ? `, ${i.latest.source}` : ''})` : '–'} → ${i.target ?? '–'}${i.unit ? ` ${i.unit}` : ''}`
        ])));
    }
    return out.join('\n') + '\n';
}

/** Rows of cells as aligned, indented lines. */
function columns(rows: readonly string[][]): string[] {
    const widths = rows[0].map((_, i) => Math.max(...rows.map(cells => width(cells[i]))));
    return rows.map(cells => ('  ' + cells.map((c, i) => i === cells.length - 1 ? c : pad(c, widths[i])).join('  ')).trimEnd());
}

/** One JSON object: `rows`, `coverage`, the `assessments` in force and the `indicators` with their latest values. */
export function matrixJson(matrix: TraceabilityMatrix): string {
    return JSON.stringify({ rows: matrix.rows, coverage: matrix.coverage, assessments: matrix.assessments, indicators: matrix.indicators }, null, 2) + '\n';
}

/** RFC 4180: a field is quoted when it holds a quote, comma, CR or LF; quotes are doubled. */
export function csvField(value: string | number | boolean): string {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = [
    'id', 'title', 'status', 'in_force', 'date', 'questions', 'confidence', 'evidence',
    ...MATRIX_SOURCE_KINDS, 'source_kinds', 'triangulated', 'assessments', 'recommendations', 'lessons',
    'triangulation_kinds', 'triangulation_origins'
];

/** RFC 4180 CSV: a header row, one row per finding, CRLF line ends; lists are joined with `, `. */
export function matrixCsv(matrix: TraceabilityMatrix): string {
    const rows = matrix.rows.map(row => [
        row.id, row.title, row.status, row.inForce, row.date ?? '', row.questions.join(', '), row.confidence ?? '', row.evidenceCount,
        ...MATRIX_SOURCE_KINDS.map(kind => row.evidence[kind] ?? 0), row.sourceKinds, row.triangulated,
        row.usedBy.assessments.join(', '), row.usedBy.recommendations.join(', '), row.usedBy.lessons.join(', '),
        row.triangulation.kinds.join(', '), row.triangulation.origins.join(', ')
    ]);
    return [CSV_HEADER, ...rows].map(cells => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}
