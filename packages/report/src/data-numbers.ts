/**
 * Numbers from the team's data files, written in the report's language (V2 §8): `47,5 %`
 * in nb and nn (decimal comma, a no-break space before `%` and between groups of
 * thousands), `47.5%` in en (decimal point, comma between thousands). The number of
 * decimals is the one written in the file: the team chose its precision.
 */
import type { CsvNumber } from '@sporbar/language';
import type { ReportLanguage } from './labels.js';

/** `value` with `decimals` digits after the decimal mark, grouped by thousands. */
export function formatDataNumber(value: number, decimals: number, language: ReportLanguage): string {
    const negative = value < 0 || Object.is(value, -0);
    const text = Math.abs(value).toFixed(Math.max(0, Math.min(20, decimals)));
    const [int, frac] = text.split('.');
    const grouped = int.length > 4 || (language === 'en' && int.length > 3)
        ? int.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : '\u00a0')
        : int;
    const body = frac === undefined ? grouped : `${grouped}${language === 'en' ? '.' : ','}${frac}`;
    return negative && Number(text) !== 0 ? `-${body}` : body;
}

/** A number as read from a cell, percent sign kept: `47,5 %` / `47.5%`. */
export function formatCsvNumber(number: CsvNumber, language: ReportLanguage): string {
    const text = formatDataNumber(number.value, number.decimals, language);
    return number.percent ? withPercent(text, language) : text;
}

export function withPercent(text: string, language: ReportLanguage): string {
    return language === 'en' ? `${text}%` : `${text}\u00a0%`;
}
