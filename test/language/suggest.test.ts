import { describe, expect, it } from 'vitest';
import { closestNames, isoDateRewrite } from '../../packages/language/src/references/prog-fix-suggest.js';
import { editDistance } from '../../packages/language/src/references/prog-suggest.js';

describe('closestNames (quick fix "Change to")', () => {
    const ids = ['Læringskapasitet', 'Samarbeid', 'Spredning', 'FellesRetning', 'I01', 'I02', 'I10', 'FG01'];

    it('finds an ID written without Norwegian letters, with a typo, a swap or a wrong case', () => {
        expect(closestNames('Laeringskapasitet', ids)[0]).toBe('Læringskapasitet');
        expect(closestNames('Samarbied', ids)[0]).toBe('Samarbeid');
        expect(closestNames('spredning', ids)[0]).toBe('Spredning');
        expect(closestNames('Læring', ids)).toEqual(['Læringskapasitet']);
    });

    it('offers nothing far off, never the written ID itself, at most three', () => {
        expect(closestNames('Økonomi', ids)).toEqual([]);
        expect(closestNames('Samarbeid', ids)).toEqual([]);
        expect(closestNames('I1', ids)).toEqual(['I01', 'I10']);
        expect(closestNames('I0', ['I01', 'I02', 'I03', 'I04', 'I05'])).toHaveLength(3);
    });

    it('edit distance counts a swap of neighbours as one', () => {
        expect(editDistance('abcd', 'abdc')).toBe(1);
        expect(editDistance('kitten', 'sitting')).toBe(3);
        expect(editDistance('a', 'abcdef', 2)).toBe(3);
    });
});

describe('isoDateRewrite (quick fix for date/invalid)', () => {
    it('rewrites unambiguous forms as YYYY-MM-DD or YYYY-MM', () => {
        expect(isoDateRewrite('2022-1-5')).toEqual({ value: '2022-01-05', reason: 'padded' });
        expect(isoDateRewrite('5-12-2022')).toEqual({ value: '2022-12-05', reason: 'day-month-year' });
        expect(isoDateRewrite('05-12-2022')).toEqual({ value: '2022-12-05', reason: 'day-month-year' });
        expect(isoDateRewrite('12-2022')).toEqual({ value: '2022-12', reason: 'month-year' });
        expect(isoDateRewrite('20221205')).toEqual({ value: '2022-12-05', reason: 'digits' });
        expect(isoDateRewrite('2022-13-05')).toEqual({ value: '2022-05-13', reason: 'day-and-month-swapped' });
        expect(isoDateRewrite('2021-02-30')).toEqual({ value: '2021-02', reason: 'month-only' });
    });

    it('leaves valid dates and what cannot be read alone', () => {
        expect(isoDateRewrite('2022-12-05')).toBeUndefined();
        expect(isoDateRewrite('2022')).toBeUndefined();
        expect(isoDateRewrite('31-02-2022')).toBeUndefined();
        expect(isoDateRewrite('2022-13')).toBeUndefined();
        expect(isoDateRewrite('2022-14-15')).toBeUndefined();
    });
});
