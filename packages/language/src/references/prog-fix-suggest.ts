/**
 * Suggestions the editor computes when a quick fix is asked for (prog-suggest.ts has the
 * did-you-mean the diagnostics carry): "Change to 'X'" (a misspelt ID) and "Write the date
 * as YYYY-MM-DD" (a date in another order or without zero padding). Pure functions: the
 * code-action provider gives them the candidates and the text.
 */
import { parseDate } from '../model/prog-dates.js';
import { editDistance } from './prog-suggest.js';

/** Folds an ID for comparison: case, accents and the Norwegian letters (`æ` ~ `ae`, `ø` ~ `o`, `å` ~ `a`). */
function fold(id: string): string {
    return id.normalize('NFC').toLocaleLowerCase('nb')
        .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
        .normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * The candidates closest to a misspelt `written` ID, best first (at most `max`): within an
 * edit distance of a third of the ID's length (at least 1, at most 3) after folding case and
 * accents, or equal to it once folded (`Laeringskapasitet` → `Læringskapasitet`), or a
 * candidate that starts with what was written (at least four characters: `Læring` →
 * `Læringskapasitet`). Ties are broken by the distance before folding, then alphabetically.
 */
export function closestNames(written: string, candidates: Iterable<string>, max = 3): string[] {
    const target = fold(written);
    const limit = Math.max(1, Math.min(3, Math.floor(target.length / 3)));
    const scored: { name: string; score: number; raw: number }[] = [];
    const seen = new Set<string>();
    for (const name of candidates) {
        if (name === written || seen.has(name)) continue;
        seen.add(name);
        const folded = fold(name);
        let score = editDistance(target, folded, limit);
        if (score > limit && target.length >= 4 && folded.startsWith(target)) score = limit;
        if (score > limit) continue;
        scored.push({ name, score, raw: editDistance(written, name) });
    }
    scored.sort((x, y) => x.score - y.score || x.raw - y.raw || x.name.localeCompare(y.name, 'nb'));
    return scored.slice(0, max).map(s => s.name);
}

/** What an invalid date may have meant, in the form the language takes. */
export interface DateRewrite {
    readonly value: string;
    /** Why this rewrite, for the quick fix's title. */
    readonly reason: 'padded' | 'day-month-year' | 'month-year' | 'digits' | 'day-and-month-swapped' | 'month-only';
}

const pad = (n: string, width = 2) => n.padStart(width, '0');

/**
 * The ISO form of a date written otherwise, when it is unambiguous: `2022-1-5` →
 * `2022-01-05`, `5-12-2022` (day-month-year, as Norwegians write it) → `2022-12-05`,
 * `12-2022` → `2022-12`, `20221205` → `2022-12-05`, `2022-13-05` (day and month swapped,
 * the day 13 or more) → `2022-05-13`; for a day that does not exist (`2021-02-30`) the month
 * alone (`2021-02`), which is true and invents no day. Undefined when nothing fits.
 */
export function isoDateRewrite(written: string): DateRewrite | undefined {
    const text = written.trim();
    if (parseDate(text)) return undefined;
    const valid = (value: string) => parseDate(value) !== undefined;
    let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
    if (m) {
        const [, year, month, day] = m;
        const padded = day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
        if (padded !== text && valid(padded)) return { value: padded, reason: 'padded' };
        if (day !== undefined) {
            const swapped = `${year}-${pad(day)}-${pad(month)}`;
            if (Number(month) > 12 && valid(swapped)) return { value: swapped, reason: 'day-and-month-swapped' };
            const monthOnly = `${year}-${pad(month)}`;
            if (valid(monthOnly)) return { value: monthOnly, reason: 'month-only' };
        }
        return undefined;
    }
    m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
    if (m) {
        const value = `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
        return valid(value) ? { value, reason: 'day-month-year' } : undefined;
    }
    m = /^(\d{1,2})-(\d{4})$/.exec(text);
    if (m) {
        const value = `${m[2]}-${pad(m[1])}`;
        return valid(value) ? { value, reason: 'month-year' } : undefined;
    }
    m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    if (m) {
        const value = `${m[1]}-${m[2]}-${m[3]}`;
        return valid(value) ? { value, reason: 'digits' } : undefined;
    }
    return undefined;
}
