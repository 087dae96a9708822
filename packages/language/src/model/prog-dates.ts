/**
 * Dates in `.prog` (LANGUAGE.md): `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. A partial date stands
 * for its whole month or year, so it has a first and a last day.
 */
export interface DateSpan {
    /** First day as `YYYY-MM-DD`. */
    readonly first: string;
    /** Last day as `YYYY-MM-DD`. */
    readonly last: string;
}

const FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function pad(n: number, width = 2): string {
    return String(n).padStart(width, '0');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
    if (month !== 2) return DAYS_IN_MONTH[month - 1];
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Parses a date value; undefined when it is malformed or impossible. */
export function parseDate(value: string | number | undefined): DateSpan | undefined {
    if (value === undefined) return undefined;
    const text = String(value);
    // Checks parse the same few dates over and over (a source's date once per citation).
    let span = parsed.get(text);
    if (span === undefined && !parsed.has(text)) {
        if (parsed.size >= 10_000) parsed.clear();
        parsed.set(text, span = parseDateText(text));
    }
    return span;
}

const parsed = new Map<string, DateSpan | undefined>();

function parseDateText(value: string): DateSpan | undefined {
    const m = FORM.exec(value);
    if (!m) return undefined;
    const year = Number(m[1]);
    if (m[2] === undefined) return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    const last = daysInMonth(year, month);
    if (m[3] === undefined) return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${pad(last)}` };
    const day = Number(m[3]);
    if (day < 1 || day > last) return undefined;
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    return { first: iso, last: iso };
}

/**
 * The ISO form of a date written another way (LANGUAGE.md "Dates"): `20.05.2025`,
 * `5.6.2025` and `20/05/2025` (day first), `5.6.25` (a two-digit year is 20yy),
 * `2025/05/20`, `2025-5-20`, `2025-5`. Undefined when the value is none of these; the
 * date it names may not exist (`dateProblem` says so).
 */
export function isoFormOf(value: string): string | undefined {
    let m = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(value);
    if (m) return `${m[3].length === 2 ? '20' + m[3] : m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
    m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
    if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    m = /^(\d{4})-(\d)$/.exec(value);
    if (m) return `${m[1]}-${pad(Number(m[2]))}`;
    return undefined;
}

/** The ISO date a wrongly written date stands for, when that date exists (the quick fix writes it). */
export function isoDateFor(value: string | number): string | undefined {
    const iso = isoFormOf(String(value));
    return iso !== undefined && iso !== String(value) && parseDate(iso) !== undefined ? iso : undefined;
}

/** Why a date is invalid, for the `date/invalid` message; undefined when it is valid. */
export function dateProblem(value: string | number): string | undefined {
    // Valid dates are the common case, and parseDate remembers the few a workspace has.
    if (parseDate(value) !== undefined) return undefined;
    const text = String(value);
    const iso = isoFormOf(text);
    if (iso !== undefined && iso !== text) {
        const problem = dateProblem(iso);
        return problem === undefined
            ? `'${text}' is not written as .prog writes dates — write ${iso} (YYYY-MM-DD)`
            : `'${text}' is not written as .prog writes dates (YYYY-MM-DD), and ${problem.replace(/^'[^']*'/, iso)}`;
    }
    const m = FORM.exec(text);
    const years = /^(\d{4})-(\d{4})$/.exec(text);
    if (years) return `'${text}' is not a date; a period of years is written \`${years[1]} .. ${years[2]}\``;
    if (!m) return `'${text}' is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY`;
    if (m[2] !== undefined) {
        const month = Number(m[2]);
        if (month < 1 || month > 12) return `'${text}' has month ${m[2]}; months run from 01 to 12`;
        if (m[3] !== undefined) {
            const last = daysInMonth(Number(m[1]), month);
            const day = Number(m[3]);
            if (day < 1 || day > last) return `'${text}' does not exist: ${m[1]}-${m[2]} has ${last} days`;
        }
    }
    return undefined;
}

/** Today's date as `YYYY-MM-DD`: `SPORBAR_TODAY` when set (tests pin it), else the machine's date. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
    // Checks ask once per source: the environment (slow to read) and the machine's date
    // are looked up at most once a second.
    const now = Date.now();
    const own = env === process.env;
    if (own && now - lastToday.at < 1000 && now >= lastToday.at) return lastToday.value;
    const pinned = env.SPORBAR_TODAY;
    let value: string;
    if (pinned && parseDate(pinned)?.first === pinned) {
        value = pinned;
    } else {
        const date = new Date(now);
        value = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    }
    if (own) lastToday = { at: now, value };
    return value;
}

let lastToday = { at: -Infinity, value: '' };
