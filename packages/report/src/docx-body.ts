/**
 * The body of the Word document — contents, chapters, tables, figures, references — written
 * as WordprocessingML text in one pass. The `docx` library builds the package around it
 * (styles, numbering definitions, sections, footer, properties; see render-docx.ts); the
 * body is written here because the library's object model costs about 2 ms and a few
 * hundred kilobytes of garbage per paragraph, which made a report of 5,000 findings take
 * 25 s. The markup is the one the library wrote for the same content.
 *
 * The table of contents is a TOC field whose entries are filled in with page numbers from
 * a simple line-count estimate (`PageEstimate`); Word updates the field when the document
 * is opened (`updateFields`), other viewers show the estimate.
 */
import type { Block, Inline, ReportDocument, Section, Table as DocTable } from './document.js';
import { inlineText } from './document.js';
import { escapeXml } from './xml-text.js';

/** Page geometry and colours shared with render-docx.ts. */
export const PAGE = { width: 11906, height: 16838, margin: 1418 };
export const TEXT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.margin;
export const COLOURS = { accent: '1F3A5F', muted: '5A6B80', border: 'B8C4D2', stripe: 'F3F6F9', draft: 'B00020' };
/** Numbering ids of the body's lists start here, above the ones the library defines. */
export const FIRST_LIST_NUM_ID = 1000;

const EMU_PER_PX = 9525;

export interface Picture {
    readonly png: Uint8Array;
    readonly widthPx: number;
    readonly heightPx: number;
}

export interface BodyXml {
    /** The contents field and every section, as `w:p`/`w:tbl`/`w:sdt` elements. */
    readonly xml: string;
    /** External link targets; link i is relationship `rIdSporbarLink{i}`. */
    readonly links: readonly string[];
    /** Pictures; picture i is relationship `rIdSporbarImage{i}`, part `media/sporbar-figure{i}.png`. */
    readonly pictures: readonly Picture[];
    /** One entry per list: its numbering id is FIRST_LIST_NUM_ID + index; true when ordered. */
    readonly lists: readonly boolean[];
}

interface RunStyle { bold?: boolean; italics?: boolean; hyperlink?: boolean; colour?: string }

interface TocEntry { readonly level: 1 | 2; readonly text: string; readonly bookmark: string; page: number }

/** Writes the body; `rasterise(svg, widthPx)` turns a figure into a PNG. */
export function writeBody(doc: ReportDocument, rasterise: (svg: string, widthPx: number) => Uint8Array, figureDpi: number): BodyXml {
    const writer = new BodyWriter(doc, rasterise, figureDpi);
    return writer.write();
}

class BodyWriter {
    private out: string[] = [];
    private readonly links: string[] = [];
    private readonly linkIds = new Map<string, number>();
    private readonly pictures: Picture[] = [];
    private readonly lists: boolean[] = [];
    private readonly toc: TocEntry[] = [];
    private bookmarkId = 0;
    private readonly pages = new PageEstimate();

    constructor(
        private readonly doc: ReportDocument,
        private readonly rasterise: (svg: string, widthPx: number) => Uint8Array,
        private readonly figureDpi: number
    ) {}

    write(): BodyXml {
        for (const section of this.doc.sections) this.section(section);
        const body = this.out.join('');
        // The contents come first but are known last; their own length shifts every page.
        // Chapters start on a new page after the contents; an interim note runs on after them.
        const tocPages = this.pages.tocPages(this.toc.length) - (this.doc.kind === 'interim' ? 1 : 0);
        for (const entry of this.toc) entry.page += tocPages;
        return { xml: this.contents() + body, links: this.links, pictures: this.pictures, lists: this.lists };
    }

    // ---------------------------------------------------------------------------------------
    // Contents

    private contents(): string {
        const tab = `<w:tabs><w:tab w:val="right" w:pos="${TEXT_WIDTH_TWIPS}" w:leader="dot"/></w:tabs>`;
        const begin = '<w:r><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;</w:instrText><w:fldChar w:fldCharType="separate"/></w:r>';
        const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
        let xml = `<w:sdt><w:sdtPr><w:alias w:val="${escapeXml(this.doc.contentsTitle)}"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>`;
        if (this.toc.length === 0) xml += `<w:p><w:pPr><w:pStyle w:val="TOC1"/>${tab}</w:pPr>${begin}${end}</w:p>`;
        this.toc.forEach((entry, i) => {
            xml += `<w:p><w:pPr><w:pStyle w:val="TOC${entry.level}"/>${tab}</w:pPr>${i === 0 ? begin : ''}`
                + `<w:hyperlink w:history="1" w:anchor="${entry.bookmark}">${run(entry.text, {})}<w:r><w:tab/></w:r>`
                + `<w:r><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">PAGEREF ${entry.bookmark} \\h</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>${entry.page}</w:t><w:fldChar w:fldCharType="end"/></w:r>`
                + `</w:hyperlink>${i === this.toc.length - 1 ? end : ''}</w:p>`;
        });
        return xml + '</w:sdtContent></w:sdt>';
    }

    // ---------------------------------------------------------------------------------------
    // Sections and blocks

    private section(section: Section): void {
        const title = section.number ? `${section.number} ${section.title}` : section.title;
        const pageBreak = section.level === 1 && this.doc.kind !== 'interim';
        if (pageBreak) this.pages.newPage();
        this.pages.paragraph(title.length, HEADING_METRICS[section.level - 1], true);
        let marks = '';
        let ends = '';
        if (section.level <= 2) {
            const bookmark = `_Toc${String(this.toc.length + 1).padStart(6, '0')}`;
            this.toc.push({ level: section.level as 1 | 2, text: title, bookmark, page: this.pages.page });
            const id = ++this.bookmarkId;
            marks += `<w:bookmarkStart w:name="${bookmark}" w:id="${id}"/>`;
            ends = `<w:bookmarkEnd w:id="${id}"/>`;
        }
        const id = ++this.bookmarkId;
        this.out.push(`<w:p><w:pPr><w:pStyle w:val="Heading${section.level}"/>${pageBreak ? '<w:pageBreakBefore/>' : ''}</w:pPr>`
            + `${marks}<w:bookmarkStart w:name="${escapeXml(section.anchor)}" w:id="${id}"/>${run(title, {})}<w:bookmarkEnd w:id="${id}"/>${ends}</w:p>`);
        for (const block of section.blocks) this.block(block, 0);
        for (const child of section.sections) this.section(child);
    }

    private block(block: Block, depth: number): void {
        switch (block.type) {
            case 'paragraph':
                this.paragraph(block.role === 'meta' ? '<w:pStyle w:val="Meta"/>' : '', block.children, {}, block.role === 'meta' ? META : NORMAL);
                return;
            case 'subheading': {
                const level = Math.min(3, block.level) as 1 | 2 | 3;
                this.paragraph(`<w:pStyle w:val="Heading${level}"/>`, block.children, {}, HEADING_METRICS[level - 1]);
                return;
            }
            case 'list':
                this.list(block.ordered, block.items, depth);
                return;
            case 'quote':
                for (const b of block.children) {
                    if (b.type === 'paragraph') this.paragraph('<w:pStyle w:val="BlockQuote"/>', b.children, {}, NORMAL);
                    else this.block(b, depth);
                }
                return;
            case 'table':
                this.table(block);
                return;
            case 'figure':
                this.figure(block);
                return;
            case 'references':
                for (const entry of block.entries) {
                    const id = ++this.bookmarkId;
                    this.pages.paragraph(inlineText(entry.children).length, NORMAL);
                    this.out.push(`<w:p><w:pPr><w:pStyle w:val="Reference"/></w:pPr><w:bookmarkStart w:name="${escapeXml(entry.anchor)}" w:id="${id}"/>`
                        + `${this.inlines(entry.children, {})}<w:bookmarkEnd w:id="${id}"/></w:p>`);
                }
                return;
        }
    }

    private paragraph(properties: string, children: readonly Inline[], style: RunStyle, metrics: LineMetrics): void {
        this.pages.paragraph(inlineText(children).length, metrics);
        this.out.push(`<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${this.inlines(children, style)}</w:p>`);
    }

    private list(ordered: boolean, items: readonly (readonly Block[])[], depth: number): void {
        const numId = FIRST_LIST_NUM_ID + this.lists.length;
        this.lists.push(ordered);
        const level = Math.min(depth, 2);
        for (const item of items) {
            item.forEach((b, i) => {
                if (b.type === 'paragraph' && i === 0) {
                    this.paragraph(`<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr><w:spacing w:after="60"/>`,
                        b.children, {}, LIST);
                } else if (b.type === 'list') {
                    this.list(b.ordered, b.items, depth + 1);
                } else if (b.type === 'paragraph') {
                    this.paragraph(`<w:ind w:left="${567 * (depth + 1)}"/>`, b.children, {}, NORMAL);
                } else this.block(b, depth + 1);
            });
        }
    }

    private caption(word: string, anchor: string, number: number, caption: readonly Inline[], keepNext: boolean): void {
        const id = ++this.bookmarkId;
        this.pages.paragraph(word.length + 4 + inlineText(caption).length, CAPTION, true);
        this.out.push(`<w:p><w:pPr><w:pStyle w:val="Caption"/>${keepNext ? '<w:keepNext/>' : ''}</w:pPr>`
            + `<w:bookmarkStart w:name="${escapeXml(anchor)}" w:id="${id}"/>${run(`${word} `, {})}`
            + `<w:r><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">SEQ ${escapeXml(word)}</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>${number}</w:t><w:fldChar w:fldCharType="end"/></w:r>`
            + `${run(': ', {})}${this.inlines(caption, {})}<w:bookmarkEnd w:id="${id}"/></w:p>`);
    }

    private table(t: DocTable): void {
        const columns = t.header.length;
        const weights = t.widths && t.widths.length === columns ? t.widths : Array<number>(columns).fill(1);
        const total = weights.reduce((a, b) => a + b, 0);
        const widths = weights.map(w => Math.floor(TEXT_WIDTH_TWIPS * w / total));
        this.caption(this.doc.captionWords.table, t.anchor, t.number, t.caption, true);
        const border = `w:val="single" w:color="${COLOURS.border}" w:sz="4"`;
        const parts: string[] = [`<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH_TWIPS}"/><w:tblBorders>`
            + `<w:top ${border}/><w:left ${border}/><w:bottom ${border}/><w:right ${border}/><w:insideH ${border}/><w:insideV ${border}/>`
            + `</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map(w => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`];
        const margins = '<w:tcMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tcMar>';
        const row = (cells: readonly (readonly Inline[])[], header: boolean, stripe: boolean) => {
            const fill = header ? COLOURS.accent : stripe ? COLOURS.stripe : undefined;
            const style: RunStyle = header ? { bold: true, colour: 'FFFFFF' } : {};
            let lines = 1;
            let xml = `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>`;
            cells.forEach((content, i) => {
                lines = Math.max(lines, Math.ceil(inlineText(content).length / Math.max(1, (widths[i] - 160) / TABLE.twipsPerChar)));
                xml += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[i]}"/>${fill ? `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>` : ''}${margins}</w:tcPr>`
                    + `<w:p><w:pPr><w:pStyle w:val="TableText"/>${header ? '<w:keepNext/>' : ''}</w:pPr>${this.inlines(content, style)}</w:p></w:tc>`;
            });
            this.pages.block(lines * TABLE.line + TABLE.after + 80);
            return xml + '</w:tr>';
        };
        parts.push(row(t.header, true, false));
        t.rows.forEach((r, n) => parts.push(row(r, false, n % 2 === 1)));
        parts.push('</w:tbl>');
        this.out.push(parts.join(''));
        this.pages.block(120);
        this.out.push('<w:p><w:pPr><w:spacing w:after="120"/></w:pPr></w:p>');
    }

    private figure(f: Extract<Block, { type: 'figure' }>): void {
        const textWidthPx = Math.round(TEXT_WIDTH_TWIPS / 1440 * 96);
        const widthPx = Math.min(textWidthPx, Math.round(f.width * 0.75));
        const heightPx = Math.round(widthPx * f.height / f.width);
        const png = this.rasterise(f.svg, Math.round(widthPx / 96 * this.figureDpi));
        this.pictures.push({ png, widthPx, heightPx });
        const n = this.pictures.length;
        const cx = widthPx * EMU_PER_PX, cy = heightPx * EMU_PER_PX;
        const name = `${this.doc.captionWords.figure} ${f.number}`;
        const title = f.caption.map(c => c.type === 'text' ? c.text : '').join('');
        const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';
        this.pages.block(Math.round(heightPx / 96 * 1440) + 140);
        this.out.push(`<w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`
            + `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>`
            + `<wp:docPr id="${n}" name="${escapeXml(name)}" descr="${escapeXml(f.alt)}" title="${escapeXml(title)}"/>`
            + `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>`
            + `<a:graphic xmlns:a="${a}"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">`
            + `<pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>`
            + `<pic:blipFill><a:blip r:embed="rIdSporbarImage${n}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`
            + `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`
            + `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`);
        this.caption(this.doc.captionWords.figure, f.anchor, f.number, f.caption, false);
    }

    // ---------------------------------------------------------------------------------------
    // Inline content

    private inlines(children: readonly Inline[], style: RunStyle): string {
        let xml = '';
        for (const c of children) {
            switch (c.type) {
                case 'text':
                    if (c.text) xml += run(c.text, style);
                    break;
                case 'break':
                    xml += '<w:r><w:br/></w:r>';
                    break;
                case 'emphasis':
                    xml += this.inlines(c.children, { ...style, italics: true });
                    break;
                case 'strong':
                    xml += this.inlines(c.children, { ...style, bold: true });
                    break;
                case 'link':
                    xml += `<w:hyperlink w:history="1" r:id="rIdSporbarLink${this.link(c.href)}">${this.inlines(c.children, { ...style, hyperlink: true })}</w:hyperlink>`;
                    break;
                case 'xref':
                    xml += `<w:hyperlink w:history="1" w:anchor="${escapeXml(c.anchor)}">${this.inlines(c.children, { ...style, hyperlink: true })}</w:hyperlink>`;
                    break;
                case 'citation':
                    xml += c.anchor
                        ? `<w:hyperlink w:history="1" w:anchor="${escapeXml(c.anchor)}">${run(c.text, { ...style, hyperlink: true })}</w:hyperlink>`
                        : run(c.text, style);
                    break;
                case 'target': {
                    const id = ++this.bookmarkId;
                    xml += `<w:bookmarkStart w:name="${escapeXml(c.anchor)}" w:id="${id}"/>${this.inlines(c.children, style)}<w:bookmarkEnd w:id="${id}"/>`;
                    break;
                }
            }
        }
        return xml;
    }

    /** The number of an external link target (one relationship per distinct target). */
    private link(href: string): number {
        let n = this.linkIds.get(href);
        if (n === undefined) {
            this.links.push(href);
            this.linkIds.set(href, n = this.links.length);
        }
        return n;
    }
}

function run(value: string, style: RunStyle): string {
    let properties = '';
    if (style.hyperlink) properties += '<w:rStyle w:val="Hyperlink"/>';
    if (style.bold) properties += '<w:b/><w:bCs/>';
    if (style.italics) properties += '<w:i/><w:iCs/>';
    if (style.colour && !style.hyperlink) properties += `<w:color w:val="${style.colour}"/>`;
    return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(value)}</w:t></w:r>`;
}

// -------------------------------------------------------------------------------------------
// Page estimate for the contents: lines of text at the styles' sizes, in twips.

interface LineMetrics {
    /** Height of one line. */
    readonly line: number;
    /** Space before and after the paragraph. */
    readonly before: number;
    readonly after: number;
    /**
     * Average width of one character with the wrap's waste. The report font (DejaVu Sans)
     * averages 0.50 em a character in examples/pri against Calibri's 0.39 em; these are the
     * Calibri-era values times that ratio, 1.27 (the contents' estimate then meets
     * LibreOffice's pages within one, mostly exactly).
     */
    readonly twipsPerChar: number;
    /** Indent taken from the text width. */
    readonly indent?: number;
}

const NORMAL: LineMetrics = { line: 305, before: 0, after: 140, twipsPerChar: 122 };
const META: LineMetrics = { line: 265, before: 60, after: 120, twipsPerChar: 107 };
const LIST: LineMetrics = { line: 305, before: 0, after: 60, twipsPerChar: 122, indent: 567 };
const CAPTION: LineMetrics = { line: 265, before: 160, after: 80, twipsPerChar: 122 };
const TABLE = { line: 225, after: 40, twipsPerChar: 110 };
const HEADING_METRICS: readonly LineMetrics[] = [
    { line: 470, before: 240, after: 200, twipsPerChar: 210 },
    { line: 385, before: 320, after: 120, twipsPerChar: 171 },
    { line: 340, before: 240, after: 100, twipsPerChar: 152 }
];
const PAGE_HEIGHT = PAGE.height - 2 * PAGE.margin;

/** Which page the text has reached, counting from the first page after the contents. */
class PageEstimate {
    page = 1;
    private used = 0;

    /** A paragraph: its lines may run on to the next page. */
    paragraph(characters: number, m: LineMetrics, keep = false): void {
        const perLine = Math.max(1, Math.floor((TEXT_WIDTH_TWIPS - (m.indent ?? 0)) / m.twipsPerChar));
        const height = m.before + Math.max(1, Math.ceil(characters / perLine)) * m.line + m.after;
        if (keep) {
            this.block(height);
            return;
        }
        this.used += height;
        while (this.used > PAGE_HEIGHT) {
            this.page++;
            this.used -= PAGE_HEIGHT;
        }
    }

    block(height: number): void {
        if (this.used + height <= PAGE_HEIGHT) {
            this.used += height;
            return;
        }
        // It does not fit: it goes on at the top of the next page (and over more pages when longer).
        if (this.used > 0) this.page++;
        while (height > PAGE_HEIGHT) {
            this.page++;
            height -= PAGE_HEIGHT;
        }
        this.used = height;
    }

    newPage(): void {
        if (this.used > 0) {
            this.page++;
            this.used = 0;
        }
    }

    /** Pages the contents take (one line per entry, after the contents title). */
    tocPages(entries: number): number {
        const height = 600 + entries * 445;
        return Math.max(1, Math.ceil(height / PAGE_HEIGHT));
    }
}
