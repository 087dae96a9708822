import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { PRI, generate, text } from './report-helpers.js';

const GOLDEN = path.join(__dirname, 'golden');

describe('Markdown golden files (UPDATE_GOLDEN=1 refreshes them)', () => {
    for (const id of ['Underveisnotat', 'Vurderingsgrunnlag', 'Sluttrapport']) {
        it(id, async () => {
            const md = text(await generate(PRI, id, { format: 'md' }));
            const file = path.join(GOLDEN, `${id}.md`);
            if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, md);
            expect(md).toBe(fs.readFileSync(file, 'utf8'));
            // Every cross-reference has its anchor.
            const anchors = new Set([...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map(m => m[1]));
            for (const m of md.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors.has(m[1]), m[1]).toBe(true);
        });
    }

    it('never passes raw HTML from a slot through', async () => {
        const md = text(await generate(PRI, 'Sluttrapport', { format: 'md' }));
        expect(md).not.toMatch(/<(script|div|span|img)\b/i);
    });
});

describe('HTML', () => {
    it('is one well-formed, self-contained file with anchors and the SVG figure', async () => {
        const html = text(await generate(PRI, 'Vurderingsgrunnlag', { format: 'html' }));
        expect(XMLValidator.validate(html.replace(/^<!DOCTYPE html>\n/, ''))).toBe(true);
        const tree = new XMLParser({ ignoreAttributes: false }).parse(html.replace(/^<!DOCTYPE html>\n/, ''));
        expect(tree.html['@_lang']).toBe('nb-NO');
        expect(html).not.toMatch(/<script\b/i);
        expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\/[^"]*\.(css|js)"/);
        expect(html).not.toMatch(/<link\b/);
        expect(html).toMatch(/<figure id="figur_1">\s*<svg [^>]*role="img"/);
        const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map(m => m[1]));
        for (const f of ['funn_1', 'funn_16', 'anb_1', 'vurd_1', 'kap_summary_en']) expect(ids.has(f), f).toBe(true);
        // The English summary is marked as English (WCAG 3.1.2).
        expect(html).toMatch(/<section id="kap_summary_en" lang="en-GB">/);
        for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(ids.has(m[1]), m[1]).toBe(true);
    });
});
