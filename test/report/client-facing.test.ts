/**
 * Issue 16 "Done when", asserted on the docx XML of every kind of examples/pri and of two
 * further workspaces of other programmes (nynorsk and English): no element ID in
 * client-facing text, alt text, anchors, bookmarks, link targets or properties; no stutter;
 * no typed heading numbers; no prompt to update fields; Referanser before the appendices;
 * every generated label in the report's language.
 */
import { AstUtils, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { CORPUS, docxOf, type CorpusReport } from './corpus.js';
import { bodyText, bookmarks, headings, internalLinks, paragraphs, pictureTexts, runText, tables } from './docx-reader.js';
import { generate, text, workspace } from './report-helpers.js';

/** Anchors and bookmarks the generator makes: from positions and generated keys, never from an ID. */
const ANCHOR = /^(_Toc\d{6}|kap_[a-z0-9_]+|funn_\d+|anb_\d+|laer_\d+|vurd_\d+|tabell_\d+|figur_\d+|ref_\d+|kilde_(interview|focus_group|observation|survey|workshop|document|dataset|literature)_\d+|kilde_offentlig_\d+)$/;

interface Ids {
    /** IDs to look for: every element ID longer than one character that the authors do not also use as a word. */
    readonly checked: string[];
}

const idCache = new Map<string, Promise<Ids>>();

/**
 * Every element ID of the workspace, less those that are also ordinary words of the authored
 * text (an actor `Rådet` next to "rådet" in a sentence): those cannot be told apart.
 */
function idsOf(dir: string): Promise<Ids> {
    let ids = idCache.get(dir);
    if (!ids) idCache.set(dir, ids = (async () => {
        const ws = await workspace(dir);
        const names = new Set<string>();
        const words = new Set<string>();
        for (const doc of ws.services.shared.workspace.LangiumDocuments.all) {
            for (const node of AstUtils.streamAst(doc.parseResult.value as AstNode)) {
                for (const [key, value] of Object.entries(node)) {
                    if (key.startsWith('$')) continue;
                    if (key === 'name' && typeof value === 'string') names.add(value);
                    else if (typeof value === 'string' && !(key === 'cite')) for (const w of value.split(/[^\p{L}\p{N}_]+/u)) if (w) words.add(w.toLowerCase());
                }
            }
        }
        return { checked: [...names].filter(n => n.length > 1 && !words.has(n.toLowerCase())) };
    })());
    return ids;
}

function findIds(where: string, content: string, ids: readonly string[]): string[] {
    const found: string[] = [];
    for (const id of ids) {
        const re = new RegExp(`(?<![\\p{L}\\p{N}_])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'u');
        if (re.test(content)) found.push(`${id} in ${where}`);
    }
    return found;
}

const REFERENCES = { nb: 'Referanser', nn: 'Referansar', en: 'References' };
const APPENDIX_NUM_ID = '901';

describe.each(CORPUS)('$name', (r: CorpusReport) => {
    it('shows no element ID in text, alt text, properties, anchors, bookmarks or link targets', async () => {
        const parts = await docxOf(r);
        const document = parts['word/document.xml'];
        const { checked } = await idsOf(r.dir);
        expect(checked.length).toBeGreaterThan(5);
        const found = [
            ...findIds('text', bodyText(document), checked),
            ...findIds('pictures', pictureTexts(document).join('\n'), checked),
            ...findIds('core.xml', parts['docProps/core.xml'], checked),
            ...findIds('app.xml', parts['docProps/app.xml'] ?? '', checked),
            ...Object.keys(parts).filter(p => /^word\/(header|footer)\d*\.xml$/.test(p)).flatMap(p => findIds(p, parts[p], checked))
        ];
        expect(found).toEqual([]);
        for (const name of [...bookmarks(document), ...internalLinks(document)]) expect(name, 'anchor').toMatch(ANCHOR);
        // External link targets are addresses written in the model, never an ID.
        const targets = [...parts['word/_rels/document.xml.rels'].matchAll(/Target="([^"]+)" TargetMode="External"/g)].map(m => m[1]);
        for (const t of targets) expect(t).toMatch(/^(https?:|mailto:)/);
        // Markdown and HTML too.
        const md = text(await generate(r.dir, r.id, { format: 'md' }));
        expect(findIds('md', md.replace(/\(data:image[^)]*\)/g, ''), checked)).toEqual([]);
        for (const m of md.matchAll(/<a id="([^"]+)">/g)) expect(m[1]).toMatch(ANCHOR);
    });

    it('has no stutter: no "X: X" and no "X (X)"', async () => {
        const document = (await docxOf(r))['word/document.xml'];
        for (const p of paragraphs(document)) {
            expect(p.text, p.text).not.toMatch(/(?:^|[.!?]\s+)([\p{Lu}][\p{L}\s-]{3,60}?):\s+\1(?![\p{L}])/u);
            expect(p.text, p.text).not.toMatch(/(?<![\p{L}])([\p{L}][\p{L} -]{3,60}?)\s+\(\1\)/iu);
        }
    });

    it('numbers headings with Word numbering, never with typed numbers', async () => {
        const parts = await docxOf(r);
        const document = parts['word/document.xml'];
        const hs = headings(document);
        expect(hs.length).toBeGreaterThan(5);
        for (const h of hs) expect(h.text, h.text).not.toMatch(/^\s*(\d+(\.\d+)*|[A-Z](\.\d+)+|(Vedlegg|Appendix)\s+[A-Z])\s/);
        // The numbered chapters take their numbers from the heading styles' list.
        const chapters = hs.filter(h => h.level === 1 && h.numId === undefined);
        expect(chapters.length).toBeGreaterThan(3);
        expect(parts['word/styles.xml']).toMatch(/w:styleId="Heading1"[\s\S]*?<w:numPr><w:numId w:val="900"\/><\/w:numPr>/);
        expect(parts['word/numbering.xml']).toMatch(/<w:abstractNum w:abstractNumId="900">[\s\S]*?<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:pStyle w:val="Heading2"\/>/);
        expect(parts['word/numbering.xml']).toContain('<w:num w:numId="900"><w:abstractNumId w:val="900"/></w:num>');
        // Unnumbered headings switch the numbering off.
        for (const h of hs.filter(x => x.numId === '0')) expect(h.text).not.toMatch(/^\d/);
    });

    it('does not ask to update fields when opened', async () => {
        const parts = await docxOf(r);
        expect(parts['word/settings.xml']).not.toMatch(/updateFields/);
        for (const [name, xml] of Object.entries(parts)) if (name.endsWith('.xml')) expect(xml, name).not.toMatch(/w:dirty="(true|1)"/);
        // The contents still works: a TOC field whose result is written.
        expect(parts['word/document.xml']).toMatch(/TOC \\o &quot;1-[12]&quot; \\h/);
    });

    it('puts Referanser before the appendices', async () => {
        const hs = headings((await docxOf(r))['word/document.xml']);
        const refs = hs.findIndex(h => h.text === REFERENCES[r.language]);
        const appendix = hs.findIndex(h => h.numId === APPENDIX_NUM_ID);
        expect(refs, 'references heading').toBeGreaterThan(0);
        expect(appendix, 'first appendix').toBeGreaterThan(refs);
    });

    it('prints every generated label in the report\'s language', async () => {
        const document = (await docxOf(r))['word/document.xml'];
        const headers = tables(document).flatMap(t => t.header).join(' ');
        const captions = paragraphs(document).filter(p => p.style === 'Caption').map(p => p.text);
        const words = { nb: 'Tabell|Figur', nn: 'Tabell|Figur', en: 'Table|Figure' }[r.language];
        for (const c of captions) expect(c).toMatch(new RegExp(`^(${words})\\u00a0([A-Z]|\\d+)\\.\\d+ `));
        expect(foreignWords(headers, r.language), headers).toEqual([]);
        // The fixture workspaces are written in the report's language: the whole text must be.
        // (Titles of works in the reference list and the English summary, marked en-GB, are not the report's language.)
        if (r.language !== 'nb') expect(foreignWords(ownLanguageText(document), r.language)).toEqual([]);
    });
});

/** The body text without the reference list and without runs marked as another language (the English summary). */
function ownLanguageText(document: string): string {
    return paragraphs(document).filter(p => p.style !== 'Reference')
        .map(p => [...p.xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].filter(m => !/<w:lang w:val="en-GB"\/>/.test(m[1])).map(m => runText(m[1])).join(''))
        .join('\n');
}

/** Words that betray another language: bokmål in nynorsk, Norwegian in English. */
const BOKMAAL_ONLY = ['ikke', 'hvordan', 'hvilke', 'hvilken', 'hva', 'ble', 'bare', 'kilder', 'kilde', 'bygger', 'uten', 'fra', 'noen', 'disse', 'være', 'vært', 'hvor', 'hver', 'høy', 'lav', 'mye', 'samme', 'ennå', 'sammen', 'kommer', 'dem', 'jeg', 'deres', 'gjøre', 'spørreundersøkelse', 'anbefaling', 'anbefalinger', 'vurderingen', 'innhold', 'sammendrag', 'oppdragsgiver', 'forutsetninger', 'begrensninger', 'innledning'];
const NORWEGIAN = ['og', 'ikke', 'ikkje', 'funn', 'kilde', 'kjelde', 'tabell', 'vedlegg', 'problemstilling', 'anbefaling', 'tilråding', 'tillit', 'vurdering', 'sammendrag', 'samandrag', 'innhold', 'innhald', 'oppdragsgiver', 'oppdragsgjevar', 'rapporten', 'programmet', 'bygger', 'byggjer', 'på', 'som', 'det', 'har', 'ble', 'vart', 'av', 'med', 'er', 'frå', 'fra', 'eller', 'ingen', 'funnet', 'kildetype', 'antall', 'tal'];
const ENGLISH = ['the', 'and', 'of', 'with', 'findings', 'finding', 'source', 'table', 'appendix', 'contents', 'assessment', 'recommendation'];

export function foreignWords(content: string, language: 'nb' | 'nn' | 'en'): string[] {
    const words = new Set(content.toLowerCase().split(/[^\p{L}]+/u));
    const bad = language === 'nn' ? [...BOKMAAL_ONLY, ...ENGLISH] : language === 'en' ? NORWEGIAN : ENGLISH;
    return bad.filter(w => words.has(w));
}

describe('examples/pri with --lang en and --lang nn', () => {
    for (const lang of ['en', 'nn'] as const) {
        it(`--lang ${lang}: every generated label and heading of each kind is in ${lang}`, async () => {
            for (const r of CORPUS.filter(c => c.dir.endsWith('examples/pri'))) {
                const document = (await docxOf(r, { language: lang }))['word/document.xml'];
                const headers = tables(document).flatMap(t => t.header).join(' ');
                expect(foreignWords(headers, lang), `${r.name}: ${headers}`).toEqual([]);
                // Generated headings (those the model's titles do not supply) and captions' words.
                const generated = headings(document).filter(h => h.level <= 2 && !/«|Funn|Finding/.test(h.text)).map(h => h.text);
                const expected = { en: ['Contents', 'References'], nn: ['Innhald', 'Referansar'] }[lang];
                const all = paragraphs(document).map(p => p.text);
                for (const e of expected) expect(all, `${r.name}: ${e}`).toContain(e);
                expect(generated.join(' | ')).not.toMatch(lang === 'en' ? /\b(Sammendrag|Innledning|Metode|Funn|Vurdering|Anbefalinger|Vedlegg|Kildeoversikt)\b/ : /\b(Sammendrag|Innledning|Anbefalinger|Kildeoversikt|Referanser|Innhold)\b/);
            }
        });
    }
});
