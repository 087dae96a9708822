import { describe, expect, it } from 'vitest';
import { brief, diagnose, PROGRAMME } from './helpers.js';

/**
 * A syntax error stays in its element (issue 19, RULES.md "Syntax errors"): no other check
 * runs on the element that did not parse, and what it declares is not missing elsewhere.
 */
describe('a syntax error does not spread', () => {
    it('references into a broken element whose declarations are still recognisable are not ref/unresolved; a name declared nowhere still is', async () => {
        const diagnostics = await diagnose({
            'a.prog': PROGRAMME + 'logic L "l" {\n    outcome O "o" { indicator I1 "i" { baseline x } }\n    activity A "a"\n    A -> O\n}\n',
            'b.prog': 'finding F1 "f" {\n    supports O, A, I1\n    challenges Zz\n}\n'
        });
        // The parser skips the rest of the logic after the error (A is not in its tree); A is
        // still recognisable as declared (`activity A "a"`), so `supports A` is not reported.
        const lines = brief(diagnostics).filter(d => /syntax|ref\//.test(d));
        expect(lines).toEqual(['a.prog:4:49 syntax/parse', 'b.prog:3:16 ref/unresolved']);
    });

    it('no check runs on an element that did not parse; the same element parsed gets its checks', async () => {
        const broken = await diagnose({ 'a.prog': PROGRAMME + 'finding F1 "f" { confidance low }\nfinding F2 "g" { confidence low }\n' });
        expect(brief(broken).filter(d => d.startsWith('a.prog:3:'))).toEqual(['a.prog:3:18 syntax/parse']);
        // The sibling that parsed is checked as always (no evidence, no question).
        expect(brief(broken).filter(d => d.startsWith('a.prog:4:')).length).toBeGreaterThan(0);
        const fixed = await diagnose({ 'a.prog': PROGRAMME + 'finding F1 "f" { confidence low }\n' });
        expect(brief(fixed).filter(d => d.startsWith('a.prog:3:')).length).toBeGreaterThan(0);
    });
});
