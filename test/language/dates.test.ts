import { describe, expect, it } from 'vitest';
import { dateProblem, isoDateFor, parseDate, today } from '../../packages/language/src/model/prog-dates.js';

describe('dates (prog-dates.ts)', () => {
    it('explain each kind of invalid date, also when asked again', () => {
        for (let round = 0; round < 2; round++) {
            expect(dateProblem('2021-13')).toBe("'2021-13' has month 13; months run from 01 to 12");
            expect(dateProblem('2023-02-29')).toBe("'2023-02-29' does not exist: 2023-02 has 28 days");
            expect(dateProblem('21.10.2021')).toBe("'21.10.2021' is not written as .prog writes dates — write 2021-10-21 (YYYY-MM-DD)");
            expect(dateProblem('31.02.2021')).toBe("'31.02.2021' is not written as .prog writes dates (YYYY-MM-DD), and 2021-02-31 does not exist: 2021-02 has 28 days");
            expect(dateProblem('2020-2023')).toBe("'2020-2023' is not a date; a period of years is written `2020 .. 2023`");
            expect(dateProblem('12-2021')).toBe("'12-2021' is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY");
            expect(dateProblem('2024-02-29')).toBeUndefined();
            expect(dateProblem(2021)).toBeUndefined();
        }
    });

    it('name the ISO date of a date written another way', () => {
        const cases: Array<[string, string | undefined]> = [
            ['20.05.2025', '2025-05-20'], ['5.6.2025', '2025-06-05'], ['5.6.25', '2025-06-05'], ['20/05/2025', '2025-05-20'],
            ['2025/05/20', '2025-05-20'], ['2025/5/2', '2025-05-02'], ['2025-5-20', '2025-05-20'], ['2025-5', '2025-05'],
            // Not a date that exists, already ISO, or nothing like a date: no ISO form to offer.
            ['31.02.2025', undefined], ['2025-05-20', undefined], ['2025', undefined], ['1.5', undefined], ['12-2021', undefined]
        ];
        for (const [value, iso] of cases) expect(isoDateFor(value), value).toBe(iso);
    });

    it('call a date valid exactly when it parses', () => {
        const values: (string | number)[] = [2021, 0, 99999];
        for (const year of ['1900', '2000', '2023', '2024', '999']) {
            values.push(year);
            for (let month = 0; month <= 13; month++) {
                const mm = String(month).padStart(2, '0');
                values.push(`${year}-${mm}`, `${year}-${month}`);
                for (const day of [0, 1, 28, 29, 30, 31, 32]) values.push(`${year}-${mm}-${String(day).padStart(2, '0')}`);
            }
        }
        for (const value of values) {
            expect(dateProblem(value) === undefined, String(value)).toBe(parseDate(value) !== undefined);
        }
    });
});

describe('today (prog-dates.ts)', () => {
    it('is SPORBAR_TODAY when that is a date, else the machine\'s date', () => {
        expect(today({ SPORBAR_TODAY: '2024-02-29' })).toBe('2024-02-29');
        const machine = new Date();
        const expected = `${machine.getFullYear()}-${String(machine.getMonth() + 1).padStart(2, '0')}-${String(machine.getDate()).padStart(2, '0')}`;
        expect([expected, today({})]).toContain(today({ SPORBAR_TODAY: '2023-02-29' }));
        expect(today({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
});
