/**
 * Reads the WordprocessingML Sporbar writes (no nested tables, no text boxes) into what the
 * report tests check: paragraphs with their style, numbering and text; tables with their
 * header row and rows; bookmarks, internal links and picture descriptions.
 */
export interface DocxParagraph {
    readonly style?: string;
    /** `w:numId` of the paragraph's own numbering, if any. */
    readonly numId?: string;
    readonly text: string;
    readonly xml: string;
    /** Inside a table cell. */
    readonly inTable: boolean;
}

export interface DocxTable {
    readonly header: string[];
    readonly rows: string[][];
    readonly xml: string;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function runText(xml: string): string {
    let out = '';
    for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) out += m[1] !== undefined ? unescape(m[1]) : m[0] === '<w:tab/>' ? '\t' : '\n';
    return out;
}

export function paragraphs(document: string): DocxParagraph[] {
    const tables: [number, number][] = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(m => [m.index!, m.index! + m[0].length]);
    return [...document.matchAll(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g)].map(m => {
        const xml = m[0];
        const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(xml)?.[1];
        const numId = /<w:pPr>[\s\S]*?<w:numId w:val="(\d+)"\/>[\s\S]*?<\/w:pPr>/.exec(xml)?.[1];
        return { style, numId, text: runText(xml), xml, inTable: tables.some(([a, b]) => m.index! > a && m.index! < b) };
    });
}

export function tables(document: string): DocxTable[] {
    return [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(m => {
        const rows = [...m[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(r => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(c => runText(c[0])));
        return { header: rows[0] ?? [], rows: rows.slice(1), xml: m[0] };
    });
}

export function headings(document: string): (DocxParagraph & { level: number })[] {
    return paragraphs(document).filter(p => /^Heading[1-3]$/.test(p.style ?? '')).map(p => ({ ...p, level: Number(p.style!.slice(-1)) }));
}

export const bookmarks = (document: string) => [...document.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map(m => m[1]);
export const internalLinks = (document: string) => [...document.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map(m => m[1]);
export const pictureTexts = (document: string) => [...document.matchAll(/<(?:wp:docPr|pic:cNvPr) [^>]*>/g)].map(m => m[0]);

/** All the text of the document body, paragraph by paragraph. */
export function bodyText(document: string): string {
    return paragraphs(document).map(p => p.text).join('\n');
}
