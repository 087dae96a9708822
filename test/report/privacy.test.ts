import { describe, expect, it } from 'vitest';
import { CANARY, docxParts, generate, text } from './report-helpers.js';

/**
 * Every confidential and internal source of the canary workspace carries unique strings in
 * its ID, title, role, person name, actor and file path. None may reach any output.
 */
const CANARIES = [
    'CnryConfIdA1', 'CnryConfIdA2', 'CnryFocusIdB3', 'CnryIntIdC4', 'CnryActorConfQ7', 'CnryActorIntQ7',
    'CANARY_TITLE_CONF_Pv93', 'CANARY_TITLE_CONF2_Rd19', 'CANARY_TITLE_FOCUS_Nn31', 'CANARY_TITLE_INT_Gg66',
    'CANARY_ROLE_CONF_Lm27', 'CANARY_ROLE_CONF2_Ke08', 'CANARY_ROLE_FOCUS_Uu72',
    'Canaria Confidentia Hx55', 'Canarius Internus Jj20',
    'CANARY_ACTOR_CONF_Zq81', 'CANARY_ACTOR_INT_Wk42',
    'canary-conf-file-Tb64', 'canary-int-file-Ws47', 'data/canary'
];
/** Unique tails too, so that a split or re-cased canary is still caught. */
const TAILS = ['Pv93', 'Rd19', 'Nn31', 'Gg66', 'Lm27', 'Ke08', 'Uu72', 'Hx55', 'Jj20', 'Zq81', 'Wk42', 'Tb64', 'Ws47', 'Cnry'];

function assertNoCanary(where: string, content: string): void {
    const lower = content.toLowerCase();
    for (const c of [...CANARIES, ...TAILS]) expect(lower.includes(c.toLowerCase()), `${c} in ${where}`).toBe(false);
}

describe('privacy canary', () => {
    for (const id of ['Notat', 'Grunnlag', 'Slutt']) {
        for (const language of [undefined, 'en'] as const) {
            it(`${id}${language ? ` (--lang ${language})` : ''}: no canary in docx (every part), Markdown or HTML`, async () => {
                const docx = docxParts(await generate(CANARY, id, { format: 'docx', language }));
                expect(Object.keys(docx)).toContain('docProps/core.xml');
                for (const [part, content] of Object.entries(docx)) assertNoCanary(`${id}.docx:${part}`, content);
                const md = text(await generate(CANARY, id, { format: 'md', language }));
                const html = text(await generate(CANARY, id, { format: 'html', language }));
                assertNoCanary(`${id}.md`, md);
                assertNoCanary(`${id}.html`, html);
                // Confidential sources appear by generated label, public ones by title, never by ID.
                expect(md).toMatch(/\[(intervju|interview)\u00a01\]\(#kilde_interview_1\)/);
                expect(html).toContain('Åpent foredrag om tjenesteutvikling');
                expect(html).not.toContain('PubTalk1');
            });
        }
    }

    it('shows the name of a public source with consent, and role and actor type of an internal one', async () => {
        const md = text(await generate(CANARY, 'Grunnlag', { format: 'md' }));
        expect(md).toContain('Publica Visibilis');
        expect(md).toMatch(/Dokument\u00a01 \| Dokument \| Rolle: Rådgiver i stab\. Aktørtype: team/);
        // Labels are numbered per kind among the non-public sources of the workspace (natural ID order).
        expect(md).toMatch(/\[intervju\u00a02\]\(#kilde_interview_2\)/);
    });

    it('--internal adds the source IDs, for the team only', async () => {
        const md = text(await generate(CANARY, 'Grunnlag', { format: 'md', internal: true }));
        expect(md).toContain('Intervju\u00a01 \\[CnryConfIdA1\\]');
    });
});

describe('APA citations and references', () => {
    it('nb: "&", "s.", "red.", "utg." and "u.å." from the Norwegian locale; only cited works', async () => {
        const md = text(await generate(CANARY, 'Grunnlag', { format: 'md' }));
        const refs = md.slice(md.indexOf('## Referanser'));
        expect(refs).toContain('Dahl, P., & Lund, S. (2019). Tjenesteutvikling i kommunene. I E. Lie (Red.), *Kommunal innovasjon* (2. utg., s. 10–20). Fagbokforlaget.');
        expect(refs).toContain('Hansen, K. (u.å.). *Tjenester uten årstall*. Universitetsforlaget.');
        expect(refs.indexOf('Dahl')).toBeLessThan(refs.indexOf('Hansen'));
        // Anchors of reference entries are numbered in order of first citation, never named by a cite key.
        expect(md).toContain('[Dahl & Lund, 2019](#ref_1)');
        expect(md).toContain('[Hansen, u.å.](#ref_2)');
        expect(md).toContain('[Dahl & Lund (2019)](#ref_1)');
        // A public document cited as evidence has its APA entry (V2.md §7).
        expect(refs).toContain('*Offentlig evalueringsnotat*. (2021). [https://example.org/notat](https://example.org/notat)');
    });

    it('en: "In", "Ed.", "ed.", "pp." and "n.d."', async () => {
        const md = text(await generate(CANARY, 'Grunnlag', { format: 'md', language: 'en' }));
        const refs = md.slice(md.indexOf('## References'));
        expect(refs).toContain('Dahl, P., & Lund, S. (2019). Tjenesteutvikling i kommunene. In E. Lie (Ed.), *Kommunal innovasjon* (2nd ed., pp. 10–20). Fagbokforlaget.');
        expect(refs).toContain('Hansen, K. (n.d.).');
    });

    it('nn: Norwegian terms and nynorsk headings', async () => {
        const md = text(await generate(CANARY, 'Slutt', { format: 'md' }));
        expect(md).toContain('## Referansar');
        expect(md).toContain('## Samandrag');
        expect(md).toMatch(/^## \d+ Tilrådingar$/m);
        expect(md).toContain('## Vedlegg B Kjeldeoversikt');
        expect(md).toContain('(u.å.)');
    });
});
