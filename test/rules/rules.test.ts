import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '@sporbar/language';
import { actualKey, fixtureDiagnostics, key, listFixtures, SEVERITY_NAMES, slug } from './fixtures.js';

const fixtures = listFixtures();

describe('rule fixtures: the diagnostics are exactly the expected ones', () => {
    for (const fixture of fixtures) {
        it(`${fixture.group}/${fixture.name}`, async () => {
            const diagnostics = await fixtureDiagnostics(fixture.dir);
            const actual = [...new Set(diagnostics.map(actualKey))].sort();
            const expected = [...new Set(fixture.expected.map(key))].sort();
            // Both directions: a missing and an unexpected diagnostic fail alike.
            expect(actual).toEqual(expected);
            for (const e of fixture.expected.filter(e => e.severity)) {
                const found = diagnostics.find(d => actualKey(d) === key(e));
                expect(SEVERITY_NAMES[found!.diagnostic.severity!], key(e)).toBe(e.severity);
            }
            for (const d of diagnostics) {
                expect(d.diagnostic.message.length, actualKey(d)).toBeGreaterThan(20);
            }
        });
    }
});

describe('every rule has a fixture that fires it and a clean one', () => {
    const codes = RULES.filter(r => r.group !== 'syntax' && r.group !== 'configuration').map(r => r.code);
    const byName = new Map(fixtures.map(f => [f.name, f]));

    it('prog-codes.ts has exactly the codes of the RULES.md tables', () => {
        const rulesMd = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs/spec/RULES.md'), 'utf8');
        const tableCodes = [...rulesMd.matchAll(/^\| `([a-z-]+\/[a-z-]+)` \|/gm)].map(m => m[1]);
        expect(tableCodes.length).toBe(66);
        expect([...codes].sort()).toEqual([...tableCodes].sort());
    });
    for (const code of codes) {
        it(code, () => {
            const fires = byName.get(slug(code));
            const clean = byName.get(`${slug(code)}--clean`);
            expect(fires, `fixture ${slug(code)}`).toBeDefined();
            expect(clean, `fixture ${slug(code)}--clean`).toBeDefined();
            expect(fires!.expected.some(e => e.code === code), `${slug(code)} expects ${code}`).toBe(true);
            expect(clean!.expected.some(e => e.code === code), `${slug(code)}--clean does not expect ${code}`).toBe(false);
        });
    }
    it('every expected code exists', () => {
        const known = new Set(RULES.map(r => r.code));
        const unknown = fixtures.flatMap(f => f.expected.map(e => e.code)).filter(code => !known.has(code));
        expect(unknown).toEqual([]);
    });
});

describe('docs/rules.md', () => {
    it('has one section per code, headed by the code', () => {
        const docs = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs/rules.md'), 'utf8');
        const headings = [...docs.matchAll(/^### (\S+)$/gm)].map(m => m[1]);
        expect([...headings].sort()).toEqual(RULES.map(r => r.code).sort());
        for (const rule of RULES) {
            const section = docs.slice(docs.indexOf(`### ${rule.code}\n`)).split('\n### ')[0];
            expect(section, rule.code).toContain(`**Default:** ${rule.severity}.`);
        }
    });
});

describe('property/duplicate inside nested nodes', () => {
    it('is reported for an indicator inside a logic and an evidence inside a finding, once each', async () => {
        const { diagnose } = await import('../language/helpers.js');
        const model = [
            'programme P "P" { client KS }',
            'actor KS "KS" { type association }',
            'logic L "L" {',
            '    outcome U "U" { indicator UI "Andel" { baseline 0 baseline 1 } }',
            '}',
            'source S1 document "S" { date 2024 }',
            'finding F1 "F" { evidence S1 at "p. 1" at "p. 2" confidence high }',
            'finding F2 "G" { evidence S1 at "p. 3" confidence high confidence low }'
        ].join('\n');
        const duplicates = (await diagnose({ 'model.prog': model }))
            .filter(d => d.diagnostic.code === 'property/duplicate')
            .map(d => `${d.diagnostic.range.start.line + 1}:${d.diagnostic.range.start.character + 1}`);
        expect(duplicates).toEqual(['4:55', '7:40', '8:56']);
    });
});
