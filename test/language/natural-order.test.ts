import { describe, expect, it } from 'vitest';
import { compareIdsNaturally } from '../../packages/language/src/model/prog-matrix.js';

/** The order as first written (cut into runs with a regular expression): the specification. */
function reference(a: string, b: string): number {
    const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
    const x = chunks(a), y = chunks(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const p = x[i], q = y[i];
        if (/^\d/.test(p) && /^\d/.test(q)) {
            const diff = BigInt(p) - BigInt(q);
            if (diff !== 0n) return diff < 0n ? -1 : 1;
            if (p.length !== q.length) return p.length - q.length;
        } else if (p !== q) {
            return p < q ? -1 : 1;
        }
    }
    return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

describe('natural ID order (compareIdsNaturally)', () => {
    it('sorts digit runs by value and the rest by code point', () => {
        const ids = ['F10', 'F2', 'F02', 'F1a', 'F1', 'Kilde_3_10', 'Kilde_3_9', 'Ø1', 'A', 'F0010', 'F9999999999999999999999', 'F10000000000000000000000', ''];
        expect([...ids].sort(compareIdsNaturally)).toEqual(
            ['', 'A', 'F1', 'F1a', 'F2', 'F02', 'F10', 'F0010', 'F9999999999999999999999', 'F10000000000000000000000', 'Kilde_3_9', 'Kilde_3_10', 'Ø1']);
    });

    it('orders every pair as the run-by-run definition does', () => {
        // Short strings over an alphabet that meets every case: digits with leading zeros,
        // characters below and above the digits ('.', '_'), letters, one beyond Latin-1.
        const alphabet = ['0', '1', '9', '00', '.', '_', 'a', 'B', 'ø', '–'];
        let seed = 7;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        const word = () => Array.from({ length: Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
        for (let n = 0; n < 20000; n++) {
            const a = word(), b = random() < 0.3 ? a : word();
            expect(Math.sign(compareIdsNaturally(a, b)), `${a} vs ${b}`).toBe(Math.sign(reference(a, b)));
        }
    });
});
