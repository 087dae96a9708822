import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inclusionOf } from '@sporbar/report';
import { PRI, docxParts, dosDate, generate, report, workspace, zipTimestamps } from './report-helpers.js';

describe('docx', async () => {
    const bytes = await generate(PRI, 'Vurderingsgrunnlag', { format: 'docx' });
    const parts = docxParts(bytes);
    const document = parts['word/document.xml'];

    it('uses the built-in heading styles and a table-of-contents field after the front matter, without asking to update fields', () => {
        for (const h of ['Heading1', 'Heading2', 'Heading3']) expect(document).toContain(`<w:pStyle w:val="${h}"/>`);
        const toc = document.indexOf('TOC \\');
        expect(toc).toBeGreaterThan(0);
        expect(toc).toBeGreaterThan(document.indexOf('Vurderingsgrunnlag for eventuell videreføring'));
        // Forord and the English summary come before the contents; Sammendrag after.
        expect(toc).toBeGreaterThan(document.indexOf('>Forord<'));
        expect(toc).toBeLessThan(document.indexOf('>Sammendrag<'));
        expect(parts['word/settings.xml']).not.toMatch(/updateFields/);
    });

    it('numbers captions per chapter, gives each table a title for assistive technology and repeats header rows', () => {
        expect(document).toMatch(/<w:pStyle w:val="Caption"\/><w:keepNext\/><\/w:pPr><w:bookmarkStart w:name="tabell_1" w:id="\d+"\/><w:r><w:t xml:space="preserve">Tabell\u00a01\.1 <\/w:t>/);
        expect(document).toMatch(/<w:t xml:space="preserve">Figur\u00a03\.1 <\/w:t>/);
        const tables = document.match(/<w:tbl>/g)?.length ?? 0;
        expect(tables).toBeGreaterThan(10);
        expect(document.match(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1)"\/>/g)?.length).toBe(tables);
        expect(document.match(/<w:tblCaption w:val="Tabell\u00a0[\dA-Z]+\.\d+ [^"]+"\/>/g)?.length).toBe(tables);
    });

    it('gives every picture an alt text that is one sentence and points to the long description', () => {
        const pictures = [...document.matchAll(/<wp:docPr\b[^>]*>/g)].map(m => m[0]);
        expect(pictures.length).toBeGreaterThan(0);
        for (const p of pictures) expect(p).toMatch(/descr="[^"]{40,300}"/);
        expect(pictures[0]).toContain('descr="Programteorien «Programteori for Partnerskap for radikal innovasjon» i fem nivåer fra innsatsfaktorer til samfunnseffekter, med seks forutsetninger markert; full beskrivelse i vedlegg\u00a0C."');
        // The long description is a list in that appendix.
        expect(document).toMatch(/<w:t>Beskrivelse av figur\u00a03\.1<\/w:t>/);
    });

    it('sets the document language', () => {
        expect(parts['word/styles.xml']).toContain('<w:lang w:val="nb-NO"/>');
    });

    it('keeps only title, authors and keywords in the core properties, with timestamps from the report date', () => {
        const core = parts['docProps/core.xml'];
        expect(core).toContain('<dc:title>Vurderingsgrunnlag for eventuell videreføring</dc:title>');
        expect(core).toContain('<dc:creator>Følgeforskningsteamet</dc:creator>');
        expect(core).toContain('<cp:keywords>følgeforskning, systeminnovasjon, oppdragsorientert innovasjon, porteføljestyring, kommunesektoren</cp:keywords>');
        expect(core).not.toMatch(/lastModifiedBy|dc:description|dc:subject/);
        expect(core.match(/\d{4}-\d\d-\d\dT[\d:]+Z/g)).toEqual(['2022-02-01T00:00:00Z', '2022-02-01T00:00:00Z']);
        const stamps = zipTimestamps(bytes);
        expect(stamps.length).toBe(Object.keys(parts).length);
        for (const s of stamps) expect(s.date, s.name).toBe(dosDate('2022-02-01'));
    });

    it('bookmarks every included finding by its position and links to it', async () => {
        const ws = await workspace(PRI);
        const findings = inclusionOf(ws, report(ws, 'Vurderingsgrunnlag')).findings;
        expect(findings.length).toBeGreaterThan(10);
        for (let n = 1; n <= findings.length; n++) {
            expect(document).toContain(`w:name="funn_${n}"`);
            expect(document).toMatch(new RegExp(`<w:hyperlink [^>]*w:anchor="funn_${n}"`));
        }
        expect(document).not.toContain(`w:name="funn_${findings.length + 1}"`);
        // Every internal hyperlink has its bookmark (the table of contents' too).
        const names = new Set([...document.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map(m => m[1]));
        for (const m of document.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)) expect(names.has(m[1]), m[1]).toBe(true);
    });

    it('leaves out draft and withdrawn findings', () => {
        expect(document).toContain('Programmet har skapt en felles retning');
        expect(document).not.toContain('Kommunene i forsøket ønsker én fast statlig kontaktperson');
    });

    it('is byte-identical when generated twice', async () => {
        const again = await generate(PRI, 'Vurderingsgrunnlag', { format: 'docx' });
        expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    });

    it('takes its styles from a reference document (--template), with the document language set', async () => {
        const files = unzipSync(bytes);
        files['word/styles.xml'] = strToU8(strFromU8(files['word/styles.xml'])
            .replace('<w:lang w:val="nb-NO"/>', '<w:lang w:val="en-US"/>')
            .replace('<w:name w:val="Normal"/>', '<w:name w:val="Normal"/><w:uiPriority w:val="7"/>')
            .replace('</w:styles>', '<w:style w:type="paragraph" w:styleId="ClientBrand"><w:name w:val="Client Brand"/></w:style></w:styles>'));
        const template = zipSync(files);
        const styled = docxParts(await generate(PRI, 'Underveisnotat', { format: 'docx', template }));
        expect(styled['word/styles.xml']).toContain('w:styleId="ClientBrand"');
        expect(styled['word/styles.xml']).toContain('<w:lang w:val="nb-NO"/>');
        expect(styled['word/styles.xml']).not.toContain('en-US');
    });
});

describe('docx body markup', async () => {
    const { renderDocx } = await import('@sporbar/report');
    const t = (value: string) => ({ type: 'text', text: value }) as const;
    const p = (value: string) => ({ type: 'paragraph', children: [t(value)] }) as const;
    const doc = {
        language: 'nb', languageTag: 'nb-NO', title: 'Prøve', kind: 'interim', authors: 'A', date: '2024-05-01',
        front: { layout: 'memo', kindTitle: 'Notat', title: 'Prøve', facts: [], information: [], sections: [] }, contentsTitle: 'Innhold', contentsLevels: 1,
        captionWords: { table: 'Tabell', figure: 'Figur', source: 'Kilde:', note: 'Merknad:' },
        sections: [{
            anchor: 'kap_en', number: '1', numbering: 'chapter', title: 'En', level: 1, sections: [],
            blocks: [
                { type: 'list', ordered: true, items: [[p('første')], [p('andre'), { type: 'list', ordered: false, items: [[p('punkt')]] }]] },
                { type: 'list', ordered: true, items: [[p('igjen fra 1')]] },
                { type: 'paragraph', children: [{ type: 'link', href: 'https://example.org/?a=1&b=<2>', children: [t('lenke')] }, t(' og '), { type: 'link', href: 'https://example.org/?a=1&b=<2>', children: [t('samme')] }] },
                { type: 'paragraph', children: [t('Funn '), t('4.3'), t(' bygger på'), { type: 'emphasis', children: [t(' to  kilder')] }, t('.')] },
                // Eight columns of long words: too wide for 9 pt.
                { type: 'table', anchor: 'tabell_1', number: '1.1', caption: [t('Bred')], header: Array.from({ length: 8 }, (_, i) => [t(`Kolonne${i}`)]),
                    rows: [Array.from({ length: 8 }, () => [t('Kommunedirektørutv')])] }
            ]
        }]
    } as const;
    const parts = docxParts(await renderDocx(doc as never));
    const document = parts['word/document.xml'];
    const numbering = parts['word/numbering.xml'];
    const rels = parts['word/_rels/document.xml.rels'];

    it('gives every list its own numbering instance, ordered lists starting again at 1', () => {
        const used = [...new Set([...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map(m => m[1]))];
        expect(used).toHaveLength(3);
        const abstractOf = (numId: string) => new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>(.*?)</w:num>`).exec(numbering);
        const [first, nested, second] = used.map(abstractOf);
        for (const n of [first, nested, second]) expect(n, 'defined in numbering.xml').not.toBeNull();
        expect(first![1]).toBe(second![1]);
        expect(first![2]).toContain('<w:startOverride w:val="1"/>');
        expect(second![2]).toContain('<w:startOverride w:val="1"/>');
        expect(nested![1]).not.toBe(first![1]);
        const decimal = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${first![1]}"[^>]*>.*?<w:numFmt w:val="decimal"/>`).test(numbering);
        expect(decimal).toBe(true);
        // The nested bullet list sits one level deeper.
        expect(document).toMatch(/<w:ilvl w:val="1"\/><w:numId w:val="\d+"\/>/);
    });

    it('resolves every relationship id of the body, one per distinct external link, escaped', () => {
        const ids = new Set([...rels.matchAll(/\sId="([^"]+)"/g)].map(m => m[1]));
        const refs = [...document.matchAll(/\sr:(?:id|embed)="([^"]+)"/g)].map(m => m[1]);
        expect(refs.length).toBeGreaterThanOrEqual(3);
        for (const id of refs) expect(ids.has(id), id).toBe(true);
        const links = [...rels.matchAll(/<Relationship [^>]*Target="([^"]*)" TargetMode="External"\/>/g)].map(m => m[1]);
        expect(links).toEqual(['https://example.org/?a=1&amp;b=&lt;2&gt;']);
    });

    it('writes text of one format as one run, keeping spaces only where they would be lost', () => {
        expect(document).toContain('<w:r><w:t>Funn 4.3 bygger på</w:t></w:r><w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve"> to  kilder</w:t></w:r><w:r><w:t>.</w:t></w:r>');
    });

    it('sets a table too wide for 9 pt in a smaller table text style, not run by run', () => {
        const table = document.slice(document.indexOf('<w:tbl>'), document.indexOf('</w:tbl>'));
        const used = new Set([...table.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map(m => m[1]));
        expect(used.size).toBe(1);
        const [style] = used;
        expect(style).toMatch(/^TableText\d+$/);
        expect(table).not.toContain('<w:sz ');
        const definition = new RegExp(`<w:style w:type="paragraph" w:styleId="${style}">(.*?)</w:style>`).exec(parts['word/styles.xml']);
        expect(definition?.[1]).toContain('<w:basedOn w:val="TableText"/>');
        expect(definition?.[1]).toMatch(/<w:sz w:val="1[5-7]"\/>/);
    });

    it('fills the contents with the chapter and its estimated page, and numbers the heading with Word numbering', () => {
        expect(document).toMatch(/<w:hyperlink w:history="1" w:anchor="_Toc000001"><w:r><w:t>1 En<\/w:t><\/w:r><w:r><w:tab\/><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve">PAGEREF _Toc000001 \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t>1<\/w:t>/);
        expect(document).toContain('<w:bookmarkStart w:name="_Toc000001"');
        // The heading holds the title only; its number "1" comes from the heading style's list.
        expect(document).toMatch(/<w:pStyle w:val="Heading1"\/><\/w:pPr><w:bookmarkStart w:name="_Toc000001" w:id="\d+"\/><w:bookmarkStart w:name="kap_en" w:id="\d+"\/><w:r><w:t>En<\/w:t>/);
    });
});
