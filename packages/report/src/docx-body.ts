/**
 * The body of the Word document — front page or memo head, report information page, the
 * front sections, contents, chapters, tables, figures, references — written as
 * WordprocessingML text in one pass. The `docx` library builds the package around it
 * (styles, numbering definitions, the section with its footer, properties; see
 * render-docx.ts); the body is written here because the library's object model costs about
 * 2 ms and a few hundred kilobytes of garbage per paragraph, which made a report of 5,000
 * findings take 25 s.
 *
 * Word craft (V2.md §7 "Layout"):
 * - Headings are numbered by Word numbering bound to the heading styles (render-docx.ts);
 *   the heading text holds the title only. Unnumbered headings switch the numbering off
 *   (`numId 0`); appendix headings use the appendix numbering ("Vedlegg A").
 * - A page break goes only before the front matter, Sammendrag, a chapter with more than
 *   half a page of content (unless the page it would leave is still mostly empty) and the
 *   appendices.
 * - Table columns follow their content (table-layout.ts).
 * - The contents is a TOC field whose result is written here: one entry per heading, with
 *   a PAGEREF field holding the page from a line-count estimate (`PageEstimate`, Carlito
 *   widths). Nothing asks Word to update fields on opening; Word's "Update table" and
 *   LibreOffice's index update recompute it from the headings.
 */
import type { Block, Fact, Inline, ReportDocument, Section, Table as DocTable } from './document.js';
import { allSections, headingText, inlineText } from './document.js';
import { fitTable, forEachWord, type TableMetrics } from './table-layout.js';
import { textTwips } from './text-metrics.js';
import { escapeXml } from './xml-text.js';

/** Page geometry and colours shared with render-docx.ts (colours meet WCAG 2.1 contrast 4.5:1 on white and on `stripe`). */
export const PAGE = { width: 11906, height: 16838, margin: 1418 };
export const TEXT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.margin;
export const COLOURS = { accent: '1F3A5F', muted: '4A5A6E', border: 'B8C4D2', stripe: 'F3F6F9', draft: 'B00020', meta: '38465A', link: '0B5CAD', text: '1A1A1A' };
/** Numbering ids of the body's lists start here, above the ones the library defines. */
export const FIRST_LIST_NUM_ID = 1000;
/** Numbering of chapter headings (bound to Heading 1–3) and of appendix headings. */
export const HEADING_NUM_ID = 900;
export const APPENDIX_NUM_ID = 901;

const EMU_PER_PX = 9525;
/**
 * Table text size and left plus right cell margin (twips), tried in order: the first at which
 * every column holds its longest word (table-layout.ts). 9 pt is the TableText style's size.
 */
export const TABLE_FITS: readonly TableMetrics[] = [
    { sizePt: 9, padding: 160 }, { sizePt: 8.5, padding: 160 }, { sizePt: 8, padding: 160 }, { sizePt: 8, padding: 100 }, { sizePt: 7.5, padding: 100 }
];
const TABLE_FONT_PT = 9;

/**
 * The paragraph style of table text at each size of `TABLE_FITS` (render-docx.ts defines them,
 * based on TableText): a table set smaller names its size once per paragraph, and an editor
 * changes the text of every such table in one style, not run by run.
 */
export const TABLE_TEXT_STYLES: ReadonlyMap<number, { readonly id: string; readonly name: string }> = new Map(
    [...new Set(TABLE_FITS.map(f => f.sizePt))].map(pt => [pt, pt === TABLE_FONT_PT
        ? { id: 'TableText', name: 'Table Text' }
        : { id: `TableText${String(pt).replace('.', '')}`, name: `Table Text ${pt} pt` }]));

export interface Picture {
    readonly png: Uint8Array;
    readonly widthPx: number;
    readonly heightPx: number;
}

export interface BodyXml {
    /**
     * The front matter, contents and every section, as `w:p`/`w:tbl`/`w:sdt` elements, in
     * UTF-8, in order. Written out a megabyte at a time: the body of 5,000 findings is 24 MB of
     * XML, and held as strings until the end it survived every young-generation collection
     * (copied each time) and was then copied twice more, into one string and into its bytes.
     */
    readonly xml: readonly Uint8Array[];
    /** External link targets with the relationship id the body uses for each. */
    readonly links: readonly { readonly id: string; readonly href: string }[];
    /** Pictures with their relationship id; picture i (from 1) is part `media/sporbar-figure{i}.png`. */
    readonly pictures: readonly (Picture & { readonly id: string })[];
    /** One entry per list: its numbering id is FIRST_LIST_NUM_ID + index; true when ordered. */
    readonly lists: readonly boolean[];
}

interface RunStyle { bold?: boolean; italics?: boolean; hyperlink?: boolean; colour?: string; lang?: string }

/** Paragraph properties, written in the schema's order. */
interface ParagraphProps {
    style?: string;
    keepNext?: boolean;
    pageBreakBefore?: boolean;
    /** `off`: numbering switched off (`numId 0`); else list level and instance. */
    numbering?: 'off' | { ilvl: number; numId: number };
    spacingBefore?: number;
    spacingAfter?: number;
    indentLeft?: number;
    align?: 'center' | 'right';
}

function pPr(p: ParagraphProps): string {
    let xml = '';
    if (p.style) xml += `<w:pStyle w:val="${p.style}"/>`;
    if (p.keepNext) xml += '<w:keepNext/>';
    if (p.pageBreakBefore) xml += '<w:pageBreakBefore/>';
    if (p.numbering === 'off') xml += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
    else if (p.numbering) xml += `<w:numPr><w:ilvl w:val="${p.numbering.ilvl}"/><w:numId w:val="${p.numbering.numId}"/></w:numPr>`;
    if (p.spacingBefore !== undefined || p.spacingAfter !== undefined) {
        xml += `<w:spacing${p.spacingBefore !== undefined ? ` w:before="${p.spacingBefore}"` : ''}${p.spacingAfter !== undefined ? ` w:after="${p.spacingAfter}"` : ''}/>`;
    }
    if (p.indentLeft !== undefined) xml += `<w:ind w:left="${p.indentLeft}"/>`;
    if (p.align) xml += `<w:jc w:val="${p.align}"/>`;
    return xml ? `<w:pPr>${xml}</w:pPr>` : '';
}

interface TocEntry { readonly level: 1 | 2 | 3; readonly text: string; readonly bookmark: string; page: number }

/**
 * Writes the body; `rasterise(svg, widthPx)` turns a figure into a PNG. Relationship ids
 * (links, pictures) are numbered from `firstRelationship`, above those of the package, so
 * that nothing has to rename them in the body afterwards.
 */
export function writeBody(doc: ReportDocument, rasterise: (svg: string, widthPx: number) => Uint8Array, figureDpi: number, firstRelationship = 1000): BodyXml {
    return new BodyWriter(doc, rasterise, figureDpi, firstRelationship).write();
}

/** Characters of XML the writer gathers before it encodes them (see `BodyXml.xml`). */
const CHUNK_CHARS = 1 << 20;

class BodyWriter {
    private readonly out = new XmlOut();
    private readonly links: { id: string; href: string }[] = [];
    private readonly linkIds = new Map<string, string>();
    private readonly pictures: (Picture & { id: string })[] = [];
    private nextRelationship: number;
    private readonly lists: boolean[] = [];
    private readonly toc: TocEntry[] = [];
    private bookmarkId = 0;
    private readonly pages = new PageEstimate();
    /** The next paragraph follows a table: it gets space before. */
    private afterTable = false;
    /** The contents is set without space between its lines (it then fits one page). */
    private tightContents = false;
    /** The contents ended with a few lines on a page of their own: the next part follows on that page. */
    private contentsTail = false;
    private lang: string | undefined;

    constructor(
        private readonly doc: ReportDocument,
        private readonly rasterise: (svg: string, widthPx: number) => Uint8Array,
        private readonly figureDpi: number,
        firstRelationship: number
    ) {
        this.nextRelationship = firstRelationship;
    }

    write(): BodyXml {
        this.front();
        for (const section of this.doc.front.sections) this.section(section);
        const front = this.out.take();
        // The contents is written last, when the page of every heading is known.
        this.contentsSpace();
        for (const section of this.doc.sections) this.section(section);
        const sections = this.out.take();
        this.out.push(this.contents());
        return { xml: [...front, ...this.out.take(), ...sections], links: this.links, pictures: this.pictures, lists: this.lists };
    }

    // ---------------------------------------------------------------------------------------
    // Front matter

    private front(): void {
        const f = this.doc.front;
        const cover = f.layout === 'cover';
        // The first line of a front page sits lower, under a rule.
        if (f.kindTitle) this.styled('FrontKind', f.kindTitle, cover ? FRONT_KIND : MEMO_KIND, cover);
        this.styled(cover ? 'FrontTitle' : 'MemoTitle', f.title, cover ? FRONT_TITLE : MEMO_TITLE, cover && !f.kindTitle);
        if (f.subtitle) this.styled('FrontSubtitle', f.subtitle, FRONT_SUBTITLE);
        if (!cover) {
            for (const fact of f.facts) this.fact('InfoFact', fact);
            return;
        }
        for (const fact of f.facts) this.fact('FrontFact', fact);
        // The report information page, on the back of the front page.
        this.pages.newPage();
        let first = true;
        for (const fact of f.information) {
            this.fact('InfoFact', fact, first);
            first = false;
        }
        if (f.informationNote) {
            this.pages.paragraph(f.informationNote, META);
            this.out.push(`<w:p><w:pPr><w:pStyle w:val="InfoNote"/></w:pPr>${run(f.informationNote, {})}</w:p>`);
        }
    }

    private styled(style: string, value: string, metrics: LineMetrics, top = false): void {
        this.pages.paragraph(value, top ? { ...metrics, before: FRONT_KIND.before } : metrics);
        const rule = top ? `<w:pBdr><w:top w:val="single" w:sz="36" w:space="14" w:color="${COLOURS.accent}"/></w:pBdr><w:spacing w:before="${FRONT_KIND.before}"/>` : '';
        this.out.push(`<w:p><w:pPr><w:pStyle w:val="${style}"/>${rule}</w:pPr>${run(value, {})}</w:p>`);
    }

    private fact(style: string, fact: Fact, pageBreak = false): void {
        this.pages.paragraph(`${fact.label} ${fact.value}`, META);
        const label = fact.label ? `${run(fact.label, { bold: true })}<w:r><w:tab/></w:r>` : '';
        this.out.push(`<w:p><w:pPr><w:pStyle w:val="${style}"/>${pageBreak ? '<w:pageBreakBefore/>' : ''}</w:pPr>${label}${run(fact.value, {})}</w:p>`);
    }

    // ---------------------------------------------------------------------------------------
    // Contents

    /** Entries the contents will hold: every heading down to the contents' depth. */
    private contentsEntries(): Section[] {
        const sections = [...allSections(this.doc.front.sections), ...allSections(this.doc.sections)];
        return sections.filter(s => s.level <= this.doc.contentsLevels);
    }

    /** Reserves the contents' place in the page estimate (written last, when the pages are known). */
    private contentsSpace(): void {
        if (this.doc.front.layout === 'cover') this.pages.newPage();
        const title = CONTENTS_TITLE.before + CONTENTS_TITLE.line + CONTENTS_TITLE.after;
        const lines = this.contentsEntries().map(s => ({ level: s.level, lines: wrapLines(headingText(s), TEXT_WIDTH_TWIPS - 1200 - (s.level - 1) * 284, s.level === 1 ? 11 : 10.5) }));
        const height = (spacing: boolean) => lines.reduce((h, e) => h + e.lines * (TOC_LINE[e.level] - TOC_AFTER[e.level]) + (spacing ? TOC_AFTER[e.level] : 0), title);
        // A contents that would spill a few lines onto a second page is set tighter instead.
        const room = PAGE_HEIGHT - this.pages.used;
        this.tightContents = height(true) > room && height(false) <= room;
        const startPage = this.pages.page;
        this.pages.block(title);
        for (const e of lines) this.pages.block(e.lines * (TOC_LINE[e.level] - (this.tightContents ? TOC_AFTER[e.level] : 0)));
        // A contents that ends with a few lines on a new page is followed by the summary on that page (no sparse page).
        this.contentsTail = this.pages.page > startPage && this.pages.used < PAGE_HEIGHT * 0.35;
    }

    private contents(): string {
        const pageBreak = this.doc.front.layout === 'cover' ? '<w:pageBreakBefore/>' : '';
        const title = `<w:p><w:pPr><w:pStyle w:val="ContentsTitle"/>${pageBreak}</w:pPr>${run(this.doc.contentsTitle, {})}</w:p>`;
        const tab = `<w:tabs><w:tab w:val="right" w:pos="${TEXT_WIDTH_TWIPS}" w:leader="dot"/></w:tabs>`;
        const begin = `<w:r><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">TOC \\o &quot;1-${this.doc.contentsLevels}&quot; \\h \\z \\u</w:instrText><w:fldChar w:fldCharType="separate"/></w:r>`;
        const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
        let xml = `${title}<w:sdt><w:sdtPr><w:alias w:val="${escapeXml(this.doc.contentsTitle)}"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>`;
        const entries = this.toc.filter(e => e.level <= this.doc.contentsLevels);
        if (entries.length === 0) xml += `<w:p><w:pPr><w:pStyle w:val="TOC1"/>${tab}</w:pPr>${begin}${end}</w:p>`;
        entries.forEach((entry, i) => {
            xml += `<w:p><w:pPr><w:pStyle w:val="TOC${entry.level}"/>${tab}${this.tightContents ? '<w:spacing w:after="0"/>' : ''}</w:pPr>${i === 0 ? begin : ''}`
                + `<w:hyperlink w:history="1" w:anchor="${entry.bookmark}">${run(entry.text, {})}<w:r><w:tab/></w:r>`
                + `<w:r><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">PAGEREF ${entry.bookmark} \\h</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>${entry.page}</w:t><w:fldChar w:fldCharType="end"/></w:r>`
                + `</w:hyperlink>${i === entries.length - 1 ? end : ''}</w:p>`;
        });
        return xml + '</w:sdtContent></w:sdt>';
    }

    // ---------------------------------------------------------------------------------------
    // Sections and blocks

    private section(section: Section): void {
        const metrics = HEADING_METRICS[section.level - 1];
        // A break that would leave a page mostly empty is not made; near the end of a page the
        // text flows on (keep-with-next moves the heading if it must), so that an estimate a few
        // lines off never leaves a page holding only the tail of the previous chapter.
        let pageBreak = false;
        const used = this.pages.used;
        if (section.pageBreak === 'always') pageBreak = used > 0 && !this.contentsTail;
        else if (section.pageBreak === 'if-long') pageBreak = used > PAGE_HEIGHT * 0.35 && used < PAGE_HEIGHT * 0.85 && measureSection(section) > PAGE_HEIGHT / 2;
        this.contentsTail = false;
        if (pageBreak) this.pages.newPage();
        this.pages.keepWithNext(section.title, metrics);
        const toc = `_Toc${String(this.toc.length + 1).padStart(6, '0')}`;
        this.toc.push({ level: section.level, text: headingText(section), bookmark: toc, page: this.pages.page });
        const id = ++this.bookmarkId, tocId = ++this.bookmarkId;
        const numbering = section.numbering === 'chapter' ? ''
            : section.numbering === 'appendix' ? `<w:numPr><w:ilvl w:val="${section.level - 1}"/><w:numId w:val="${APPENDIX_NUM_ID}"/></w:numPr>`
                : '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
        const previousLang = this.lang;
        if (section.languageTag) this.lang = section.languageTag;
        this.out.push(`<w:p><w:pPr><w:pStyle w:val="Heading${section.level}"/>${pageBreak ? '<w:pageBreakBefore/>' : ''}${numbering}</w:pPr>`
            + `<w:bookmarkStart w:name="${toc}" w:id="${tocId}"/><w:bookmarkStart w:name="${escapeXml(section.anchor)}" w:id="${id}"/>`
            + `${run(section.title, { lang: this.lang })}<w:bookmarkEnd w:id="${id}"/><w:bookmarkEnd w:id="${tocId}"/></w:p>`);
        this.afterTable = false;
        for (const block of section.blocks) this.block(block, 0);
        for (const child of section.sections) this.section(child);
        this.lang = previousLang;
    }

    private block(block: Block, depth: number): void {
        switch (block.type) {
            case 'paragraph':
                if (block.role === 'meta') this.paragraph({ style: 'Meta' }, block.children, {}, META);
                else if (block.role === 'note') this.paragraph({ style: 'TableNote' }, block.children, {}, META);
                else this.paragraph({}, block.children, {}, NORMAL);
                return;
            case 'subheading': {
                const level = Math.min(3, block.level) as 1 | 2 | 3;
                this.paragraph({ style: `Heading${level}`, numbering: 'off' }, block.children, {}, HEADING_METRICS[level - 1], true);
                return;
            }
            case 'list':
                this.list(block.ordered, block.items, depth);
                return;
            case 'quote':
                for (const b of block.children) {
                    if (b.type === 'paragraph') this.paragraph({ style: 'BlockQuote' }, b.children, {}, QUOTE);
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
                    this.pages.paragraph(inlineText(entry.children), REFERENCE);
                    this.out.push(`<w:p><w:pPr><w:pStyle w:val="Reference"/></w:pPr><w:bookmarkStart w:name="${escapeXml(entry.anchor)}" w:id="${id}"/>`
                        + `${this.inlines(entry.children, { lang: this.lang })}<w:bookmarkEnd w:id="${id}"/></w:p>`);
                }
                this.afterTable = false;
                return;
        }
    }

    private paragraph(props: ParagraphProps, children: readonly Inline[], style: RunStyle, metrics: LineMetrics, keepNext = false): void {
        if (this.afterTable) {
            props = { ...props, spacingBefore: 200 };
            this.pages.block(200);
        }
        this.afterTable = false;
        if (keepNext) this.pages.keepWithNext(inlineText(children), metrics);
        else this.pages.paragraph(inlineText(children), metrics);
        this.out.push(`<w:p>${pPr(props)}${this.inlines(children, { ...style, lang: this.lang })}</w:p>`);
    }

    private list(ordered: boolean, items: readonly (readonly Block[])[], depth: number): void {
        const numId = FIRST_LIST_NUM_ID + this.lists.length;
        this.lists.push(ordered);
        const level = Math.min(depth, 2);
        items.forEach((item, n) => {
            // The last item of a top-level list keeps a normal paragraph's space after it.
            const after = n === items.length - 1 && depth === 0 ? 140 : 60;
            item.forEach((b, i) => {
                if (b.type === 'paragraph' && i === 0) {
                    // An item that heads a nested list stays with it.
                    const heads = item[1]?.type === 'list';
                    this.paragraph({ style: 'ListParagraph', keepNext: heads, numbering: { ilvl: level, numId }, spacingAfter: after },
                        b.children, {}, { ...LIST, indent: 567 * (level + 1) });
                } else if (b.type === 'list') {
                    this.list(b.ordered, b.items, depth + 1);
                } else if (b.type === 'paragraph') {
                    this.paragraph({ indentLeft: 567 * (depth + 1) }, b.children, {}, { ...NORMAL, indent: 567 * (depth + 1) });
                } else this.block(b, depth + 1);
            });
        });
    }

    /** "Tabell 2.1 Title": the number is plain text like the rest of the caption (see docs/reports.md). */
    private caption(word: string, anchor: string, number: string, caption: readonly Inline[], keepNext: boolean): void {
        const id = ++this.bookmarkId;
        const label = `${word}\u00a0${number}`;
        if (keepNext) this.pages.keepWithNext(`${label} ${inlineText(caption)}`, CAPTION);
        else this.pages.paragraph(`${label} ${inlineText(caption)}`, CAPTION);
        this.out.push(`<w:p><w:pPr><w:pStyle w:val="Caption"/>${keepNext ? '<w:keepNext/>' : ''}</w:pPr>`
            + `<w:bookmarkStart w:name="${escapeXml(anchor)}" w:id="${id}"/>${run(`${label} `, { lang: this.lang })}`
            + `${this.inlines(caption, { lang: this.lang })}<w:bookmarkEnd w:id="${id}"/></w:p>`);
        this.afterTable = false;
    }

    private table(t: DocTable): void {
        const fit = fitTable(t.header, t.rows, TEXT_WIDTH_TWIPS, TABLE_FITS);
        const widths = fit.widths;
        const margin = fit.padding / 2;
        const textStyle = TABLE_TEXT_STYLES.get(fit.sizePt)?.id ?? 'TableText';
        const lineHeight = Math.round(TABLE_LINE * fit.sizePt / TABLE_FONT_PT);
        this.caption(this.doc.captionWords.table, t.anchor, t.number, t.caption, true);
        const border = `w:val="single" w:color="${COLOURS.border}" w:sz="4"`;
        const title = `${this.doc.captionWords.table}\u00a0${t.number} ${inlineText(t.caption)}`;
        // Row by row into the body: a table of 5,000 rows joined on its own was copied once more.
        this.out.push(`<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH_TWIPS}"/><w:tblBorders>`
            + `<w:top ${border}/><w:left ${border}/><w:bottom ${border}/><w:right ${border}/><w:insideH ${border}/><w:insideV ${border}/>`
            + `</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="${margin}" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="${margin}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>`
            + `<w:tblCaption w:val="${escapeXml(title)}"/></w:tblPr><w:tblGrid>${widths.map(w => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`);
        // The lines each body cell takes, per column and text (columns repeat their values).
        const linesOf = widths.map(() => new Map<string, number>());
        const row = (cells: readonly (readonly Inline[])[], header: boolean, stripe: boolean) => {
            const fill = header ? COLOURS.accent : stripe ? COLOURS.stripe : undefined;
            const style: RunStyle = header ? { bold: true, colour: 'FFFFFF', lang: this.lang } : { lang: this.lang };
            let lines = 1;
            let xml = `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>`;
            cells.forEach((content, i) => {
                const text = inlineText(content);
                let cellLines = header ? undefined : linesOf[i].get(text);
                if (cellLines === undefined) {
                    cellLines = text.split('\n').reduce((n, line) => n + wrapLines(line, widths[i] - fit.padding, fit.sizePt, header), 0);
                    if (!header) linesOf[i].set(text, cellLines);
                }
                lines = Math.max(lines, cellLines);
                const align = t.numeric?.[i] ? '<w:jc w:val="right"/>' : '';
                xml += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[i]}"/>${fill ? `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>` : ''}</w:tcPr>`
                    + `<w:p><w:pPr><w:pStyle w:val="${textStyle}"/>${header ? '<w:keepNext/>' : ''}${align}</w:pPr>${this.inlines(content, style)}</w:p></w:tc>`;
            });
            this.pages.block(lines * lineHeight + TABLE_ROW_EXTRA);
            return xml + '</w:tr>';
        };
        this.out.push(row(t.header, true, false));
        t.rows.forEach((r, n) => this.out.push(row(r, false, n % 2 === 1)));
        this.out.push('</w:tbl>');
        this.afterTable = this.notes(t) === 0;
    }

    /** "Kilde: …" and "Merknad: …" under a table or a figure's caption; returns how many. */
    private notes(b: { source?: readonly Inline[]; sourceLabel?: string; note?: readonly Inline[] }): number {
        const notes: [string, readonly Inline[]][] = [];
        if (b.source) notes.push([b.sourceLabel ?? this.doc.captionWords.source, b.source]);
        if (b.note) notes.push([this.doc.captionWords.note, b.note]);
        notes.forEach(([word, content], i) => {
            const spacing = i === 0 ? '<w:spacing w:before="80"/>' : '';
            this.pages.paragraph(`${word} ${inlineText(content)}`, META);
            this.out.push(`<w:p><w:pPr><w:pStyle w:val="TableNote"/>${spacing}</w:pPr>${run(`${word} `, { italics: true, lang: this.lang })}${this.inlines(content, { lang: this.lang })}</w:p>`);
        });
        return notes.length;
    }

    private figure(f: Extract<Block, { type: 'figure' }>): void {
        const textWidthPx = Math.round(TEXT_WIDTH_TWIPS / 1440 * 96);
        const widthPx = Math.min(textWidthPx, Math.round(f.width * 0.75));
        const heightPx = Math.round(widthPx * f.height / f.width);
        const png = this.rasterise(f.svg, Math.round(widthPx / 96 * this.figureDpi));
        const relationship = `rId${this.nextRelationship++}`;
        this.pictures.push({ png, widthPx, heightPx, id: relationship });
        const n = this.pictures.length;
        const cx = widthPx * EMU_PER_PX, cy = heightPx * EMU_PER_PX;
        const name = `${this.doc.captionWords.figure}\u00a0${f.number}`;
        const title = `${name} ${inlineText(f.caption)}`;
        const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';
        const height = Math.round(heightPx / 96 * 1440) + 140;
        this.pages.block(height + CAPTION.before + CAPTION.line + CAPTION.after);
        this.out.push(`<w:p>${pPr({ keepNext: true, ...(this.afterTable ? { spacingBefore: 200 } : {}), align: 'center' })}<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`
            + `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>`
            + `<wp:docPr id="${n}" name="${escapeXml(name)}" descr="${escapeXml(f.alt)}" title="${escapeXml(title)}"/>`
            + `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>`
            + `<a:graphic xmlns:a="${a}"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">`
            + `<pic:nvPicPr><pic:cNvPr id="0" name="${escapeXml(name)}" descr="${escapeXml(f.alt)}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>`
            + `<pic:blipFill><a:blip r:embed="${relationship}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`
            + `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`
            + `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`);
        this.afterTable = false;
        const id = ++this.bookmarkId;
        const noted = Boolean(f.source || f.note);
        this.out.push(`<w:p><w:pPr><w:pStyle w:val="Caption"/>${noted ? '<w:keepNext/>' : ''}</w:pPr><w:bookmarkStart w:name="${escapeXml(f.anchor)}" w:id="${id}"/>`
            + `${run(`${name} `, { lang: this.lang })}${this.inlines(f.caption, { lang: this.lang })}<w:bookmarkEnd w:id="${id}"/></w:p>`);
        this.notes(f);
    }

    // ---------------------------------------------------------------------------------------
    // Inline content

    private inlines(children: readonly Inline[], style: RunStyle): string {
        let xml = '';
        for (let i = 0; i < children.length; i++) {
            const c = children[i];
            switch (c.type) {
                case 'text': {
                    // Adjacent texts are one run: Word's own documents do not split text of one format.
                    let text = c.text;
                    for (let next = children[i + 1]; next?.type === 'text'; next = children[i + 1]) {
                        text += next.text;
                        i++;
                    }
                    if (text) xml += run(text, style);
                    break;
                }
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
                    xml += `<w:hyperlink w:history="1" r:id="${this.link(c.href)}">${this.inlines(c.children, { ...style, hyperlink: true })}</w:hyperlink>`;
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

    /** The relationship id of an external link target (one relationship per distinct target). */
    private link(href: string): string {
        let id = this.linkIds.get(href);
        if (id === undefined) {
            id = `rId${this.nextRelationship++}`;
            this.links.push({ id, href });
            this.linkIds.set(href, id);
        }
        return id;
    }
}

const SPACE_TO_KEEP = /^\s|\s$|\s\s/;

function run(value: string, style: RunStyle): string {
    let properties = '';
    if (style.hyperlink) properties += '<w:rStyle w:val="Hyperlink"/>';
    if (style.bold) properties += '<w:b/><w:bCs/>';
    if (style.italics) properties += '<w:i/><w:iCs/>';
    if (style.colour && !style.hyperlink) properties += `<w:color w:val="${style.colour}"/>`;
    if (style.lang) properties += `<w:lang w:val="${style.lang}"/>`;
    // Without xml:space="preserve" a reader may drop spaces at either end and collapse runs of them.
    const space = SPACE_TO_KEEP.test(value) ? ' xml:space="preserve"' : '';
    return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t${space}>${escapeXml(value)}</w:t></w:r>`;
}

// -------------------------------------------------------------------------------------------
// Page estimate for the contents: lines of text at the styles' sizes, in twips.

interface LineMetrics {
    /** Height of one line. */
    readonly line: number;
    /** Space before and after the paragraph. */
    readonly before: number;
    readonly after: number;
    /** Font size in points and weight, for the line breaks (the report font's widths). */
    readonly sizePt: number;
    readonly bold?: boolean;
    /** Indent taken from the text width. */
    readonly indent?: number;
}

/**
 * The line heights below were measured with Calibri's metric twin Carlito, whose line is
 * 1.221 em (ascent + descent); the report font's (DejaVu Sans, assets/fonts: 1901 + 483 of
 * 2048 units) is 1.164 em. Every line height is scaled by their ratio.
 */
const LINE_RATIO = 1.164 / 1.221;
const lineOf = (twips: number): number => Math.round(twips * LINE_RATIO);

const NORMAL: LineMetrics = { line: lineOf(309), before: 0, after: 140, sizePt: 11 };
const QUOTE: LineMetrics = { line: lineOf(309), before: 0, after: 100, sizePt: 11, indent: 567 };
const META: LineMetrics = { line: lineOf(267), before: 40, after: 100, sizePt: 9.5 };
const LIST: LineMetrics = { line: lineOf(309), before: 0, after: 60, sizePt: 11, indent: 567 };
const REFERENCE: LineMetrics = { line: lineOf(309), before: 0, after: 100, sizePt: 11, indent: 567 };
const CAPTION: LineMetrics = { line: lineOf(267), before: 160, after: 80, sizePt: 9.5, bold: true };
const CONTENTS_TITLE: LineMetrics = { line: lineOf(470), before: 0, after: 240, sizePt: 16, bold: true };
const FRONT_KIND: LineMetrics = { line: lineOf(350), before: 2400, after: 240, sizePt: 12 };
const MEMO_KIND: LineMetrics = { line: lineOf(350), before: 0, after: 120, sizePt: 12 };
const FRONT_TITLE: LineMetrics = { line: lineOf(760), before: 0, after: 240, sizePt: 26, bold: true };
const MEMO_TITLE: LineMetrics = { line: lineOf(530), before: 0, after: 160, sizePt: 18, bold: true };
const FRONT_SUBTITLE: LineMetrics = { line: lineOf(440), before: 0, after: 600, sizePt: 15 };
/** Contents lines (styles TOC1, TOC2 in render-docx.ts): 11 and 10.5 pt, single spacing, 60 and 40 twips after. */
const TOC_LINE: Record<1 | 2 | 3, number> = { 1: lineOf(328), 2: lineOf(296), 3: lineOf(296) };
const TOC_AFTER: Record<1 | 2 | 3, number> = { 1: 60, 2: 40, 3: 40 };
/** Table text: 9 pt single spaced, 20 + 20 twips around the paragraph and 40 + 40 cell margin. */
const TABLE_LINE = lineOf(220);
const TABLE_ROW_EXTRA = 120;
const HEADING_METRICS: readonly LineMetrics[] = [
    { line: lineOf(449), before: 360, after: 200, sizePt: 16, bold: true },
    { line: lineOf(364), before: 320, after: 120, sizePt: 13, bold: true },
    { line: lineOf(323), before: 240, after: 100, sizePt: 11.5, bold: true }
];
const PAGE_HEIGHT = PAGE.height - 2 * PAGE.margin;

/** Lines a text takes at a width, broken greedily at spaces and hyphens. */
export function wrapLines(text: string, width: number, sizePt: number, bold = false): number {
    if (!text.trim()) return 1;
    const scale = sizePt * 20 / 1000;
    const space = textTwips(' ', sizePt, bold);
    let lines = 1, used = 0;
    forEachWord(text, bold, ems => {
        const w = ems * scale;
        if (used > 0 && used + space + w > width) {
            lines++;
            used = w;
        } else used += (used > 0 ? space : 0) + w;
        while (used > width) {
            lines++;
            used -= width;
        }
    });
    return lines;
}

function paragraphHeight(text: string, m: LineMetrics): number {
    return m.before + wrapLines(text, TEXT_WIDTH_TWIPS - (m.indent ?? 0), m.sizePt, m.bold) * m.line + m.after;
}

/** Height of a section's content, to decide whether it is "more than half a page". */
function measureSection(section: Section): number {
    let h = paragraphHeight(section.title, HEADING_METRICS[section.level - 1]);
    const blocks = (list: readonly Block[]): void => {
        for (const b of list) {
            if (b.type === 'paragraph') h += paragraphHeight(inlineText(b.children), NORMAL);
            else if (b.type === 'subheading') h += paragraphHeight(inlineText(b.children), HEADING_METRICS[Math.min(3, b.level) - 1]);
            else if (b.type === 'list') for (const item of b.items) blocks(item);
            else if (b.type === 'quote') blocks(b.children);
            else if (b.type === 'table') h += 600 + (b.rows.length + 1) * (TABLE_LINE * 2 + TABLE_ROW_EXTRA);
            else if (b.type === 'figure') h += 3000;
            else if (b.type === 'references') h += b.entries.length * 600;
            if (h > PAGE_HEIGHT) return;
        }
    };
    blocks(section.blocks);
    for (const child of section.sections) {
        if (h > PAGE_HEIGHT) break;
        h += measureSection(child);
    }
    return h;
}

/** Which page the text has reached, counting from the first page of the document. */
class PageEstimate {
    page = 1;
    used = 0;

    /** A paragraph: its lines may run on to the next page. */
    paragraph(text: string, m: LineMetrics): void {
        this.flow(paragraphHeight(text, m));
    }

    /** A heading or caption: kept with what follows, so it moves to the next page when little room is left. */
    keepWithNext(text: string, m: LineMetrics): void {
        const height = paragraphHeight(text, m);
        if (this.used > 0 && this.used + height + 3 * NORMAL.line > PAGE_HEIGHT) this.newPage();
        this.flow(this.used === 0 ? height - m.before : height);
    }

    private flow(height: number): void {
        this.used += height;
        while (this.used > PAGE_HEIGHT) {
            this.page++;
            this.used -= PAGE_HEIGHT;
        }
    }

    /** A block that does not split (a table row, a picture, a contents line). */
    block(height: number): void {
        if (this.used + height <= PAGE_HEIGHT) {
            this.used += height;
            return;
        }
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
}

/** XML gathered as strings and encoded to UTF-8 about every `CHUNK_CHARS` characters. */
class XmlOut {
    private parts: string[] = [];
    private chars = 0;
    private chunks: Uint8Array[] = [];

    push(xml: string): void {
        this.parts.push(xml);
        this.chars += xml.length;
        if (this.chars >= CHUNK_CHARS) this.flush();
    }

    /** Everything pushed since the last `take`, as UTF-8 chunks. */
    take(): Uint8Array[] {
        this.flush();
        const chunks = this.chunks;
        this.chunks = [];
        return chunks;
    }

    private flush(): void {
        if (this.parts.length === 0) return;
        this.chunks.push(Buffer.from(this.parts.join(''), 'utf8'));
        this.parts = [];
        this.chars = 0;
    }
}
