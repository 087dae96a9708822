/**
 * The neutral document as a Word file (the `docx` library): built-in Heading 1–3 styles,
 * a table-of-contents field after the front page, numbered captions with SEQ fields,
 * repeating table header rows, alt text on every picture, the document language set, core
 * properties holding only the title and the authors, and every timestamp (core properties
 * and zip entries) taken from the report's date, so the same input gives the same bytes.
 */
import {
    AlignmentType, Bookmark, BorderStyle, Document, ExternalHyperlink, Footer, Header, HeadingLevel, ImageRun,
    InternalHyperlink, LevelFormat, LineRuleType, Packer, PageNumber, Paragraph, SectionType, SequentialIdentifier, ShadingType,
    Table, TableCell, TableLayoutType, TableOfContents, TableRow, TextRun, WidthType,
    type IRunOptions, type ParagraphChild
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Block, Inline, ReportDocument, Section, Table as DocTable } from './document.js';
import { rasterise } from './raster.js';
import { NOT_XML_CHARS } from './logic-svg.js';

export interface DocxOptions {
    /** A reference .docx whose styles the document takes (`--template`). */
    readonly template?: Uint8Array;
}

/** A4 with 2.5 cm margins; text width 16 cm. */
const PAGE = { width: 11906, height: 16838, margin: 1418 };
const TEXT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.margin;
const TEXT_WIDTH_PX = Math.round(TEXT_WIDTH_TWIPS / 1440 * 96);
/** Figures are rasterised at 250 dpi for the text width. */
const FIGURE_DPI = 250;
/** Documents with more body blocks than this get an unfilled table of contents (see renderDocx). */
const ESTIMATE_LIMIT = 400;

const COLOURS = { accent: '1F3A5F', muted: '5A6B80', border: 'B8C4D2', stripe: 'F3F6F9', draft: 'B00020' };
const FONT = 'Calibri';

interface RunStyle { bold?: boolean; italics?: boolean; hyperlink?: boolean; colour?: string; size?: number }

export async function renderDocx(doc: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
    doc = xmlSafe(doc);
    const builder = new DocxBuilder(doc);
    const body = builder.body();
    const externalStyles = options.template ? templateStyles(options.template, doc.languageTag) : undefined;
    const draftHeader = doc.draftMark ? {
        default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.draftMark, bold: true, color: COLOURS.draft, size: 22 })] })] })
    } : undefined;
    const page = { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } };
    const document = new Document({
        title: doc.title,
        creator: doc.authors,
        revision: 1,
        features: { updateFields: true },
        // Laying the pages out to fill in the table of contents costs about 0.1 s a page; past
        // ESTIMATE_LIMIT blocks the contents field is left for Word to fill (updateFields).
        ...(body.length <= ESTIMATE_LIMIT ? { pageNumbers: estimatePageNumbers } : {}),
        ...(externalStyles ? { externalStyles } : {}),
        styles: styles(doc, externalStyles !== undefined),
        numbering: { config: builder.numberingConfig() },
        sections: [
            { properties: { page }, ...(draftHeader ? { headers: draftHeader } : {}), children: builder.frontPage() },
            {
                properties: { page: { ...page, pageNumbers: { start: 1 } }, type: SectionType.NEXT_PAGE },
                ...(draftHeader ? { headers: draftHeader } : {}),
                footers: {
                    default: new Footer({
                        children: [new Paragraph({
                            alignment: AlignmentType.CENTER,
                            children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, color: COLOURS.muted })]
                        })]
                    })
                },
                children: [
                    new Paragraph({ style: 'ContentsTitle', children: [new TextRun(doc.contentsTitle)] }),
                    new TableOfContents(doc.contentsTitle, { hyperlink: true, headingStyleRange: '1-2' }),
                    ...body
                ]
            }
        ]
    });
    const bytes = new Uint8Array(await Packer.toBuffer(document));
    return normaliseDocx(bytes, doc);
}

// -------------------------------------------------------------------------------------------
// Styles

function styles(doc: ReportDocument, external: boolean) {
    const language = { value: doc.languageTag };
    const heading = (size: number, before: number, after: number) => ({
        run: { font: FONT, size, bold: true, color: COLOURS.accent },
        paragraph: { spacing: { before, after }, keepNext: true, keepLines: true }
    });
    const own = [
        { id: 'FrontKind', name: 'Front Kind', basedOn: 'Normal', run: { size: 24, color: COLOURS.muted, allCaps: true, characterSpacing: 30 }, paragraph: { spacing: { before: 2400, after: 240 }, border: { top: { style: BorderStyle.SINGLE, size: 36, color: COLOURS.accent, space: 14 } } } },
        { id: 'FrontTitle', name: 'Front Title', basedOn: 'Normal', run: { size: 52, bold: true, color: COLOURS.accent }, paragraph: { spacing: { after: 240 } } },
        { id: 'FrontProgramme', name: 'Front Programme', basedOn: 'Normal', run: { size: 30, color: COLOURS.muted }, paragraph: { spacing: { after: 1200 } } },
        { id: 'FrontFact', name: 'Front Fact', basedOn: 'Normal', run: { size: 22 }, paragraph: { spacing: { after: 60 } } },
        { id: 'ContentsTitle', name: 'Contents Title', basedOn: 'Normal', run: { size: 32, bold: true, color: COLOURS.accent }, paragraph: { spacing: { after: 240 } } },
        { id: 'Meta', name: 'Meta', basedOn: 'Normal', run: { size: 19, color: '38465A' }, paragraph: { spacing: { before: 60, after: 120 }, shading: { type: ShadingType.CLEAR, fill: COLOURS.stripe, color: 'auto' } } },
        { id: 'BlockQuote', name: 'Block Quote', basedOn: 'Normal', run: { italics: true, color: '333333' }, paragraph: { indent: { left: 567 }, spacing: { after: 100 } } },
        { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', run: { size: 19, bold: true, color: COLOURS.accent }, paragraph: { spacing: { before: 160, after: 80 } } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'Reference', name: 'Reference', basedOn: 'Normal', paragraph: { indent: { left: 567, hanging: 567 }, spacing: { after: 100 } } }
    ];
    if (external) {
        // The template supplies Normal, headings and the rest; Sporbar adds only its own styles.
        return { paragraphStyles: own };
    }
    return {
        default: {
            document: {
                run: { font: FONT, size: 22, language },
                paragraph: { spacing: { after: 140, line: 276, lineRule: LineRuleType.AUTO } }
            },
            title: heading(52, 0, 240),
            heading1: heading(32, 240, 200),
            heading2: heading(26, 320, 120),
            heading3: heading(23, 240, 100),
            hyperlink: { run: { color: '0B5CAD', underline: {} } }
        },
        paragraphStyles: own
    };
}

/**
 * The styles part of a reference document, with the document language set in its run
 * defaults (`w:docDefaults/w:rPrDefault/w:rPr/w:lang`).
 */
export function templateStyles(template: Uint8Array, languageTag: string): string {
    let files: Record<string, Uint8Array>;
    try {
        files = unzipSync(template);
    } catch (err) {
        throw new Error(`the template is not a .docx file: ${(err as Error).message}`);
    }
    const styles = files['word/styles.xml'];
    if (!styles) throw new Error('the template has no word/styles.xml');
    let xml = strFromU8(styles);
    const lang = `<w:lang w:val="${languageTag}"/>`;
    if (/<w:rPrDefault>\s*<w:rPr>/.test(xml)) {
        xml = xml.replace(/(<w:rPrDefault>\s*<w:rPr>)([\s\S]*?)(<\/w:rPr>)/, (_m, open: string, inner: string, close: string) =>
            open + (/<w:lang\b[^>]*\/>/.test(inner) ? inner.replace(/<w:lang\b[^>]*\/>/, lang) : inner + lang) + close);
    } else if (/<w:docDefaults>/.test(xml)) {
        xml = xml.replace(/<w:docDefaults>/, `<w:docDefaults><w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault>`);
    } else {
        xml = xml.replace(/(<w:styles\b[^>]*>)/, `$1<w:docDefaults><w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault></w:docDefaults>`);
    }
    return xml;
}

// -------------------------------------------------------------------------------------------
// Content

class DocxBuilder {
    private listInstance = 0;
    private imageId = 0;

    constructor(private readonly doc: ReportDocument) {}

    numberingConfig() {
        const bulletChars = ['•', '–', '▪'];
        return [
            {
                reference: 'bullets',
                levels: [0, 1, 2].map(level => ({
                    level, format: LevelFormat.BULLET, text: bulletChars[level], alignment: AlignmentType.LEFT,
                    style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 283 } } }
                }))
            },
            {
                reference: 'numbers',
                levels: [0, 1, 2].map(level => ({
                    level, format: level === 1 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.LEFT,
                    style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 340 } } }
                }))
            }
        ];
    }

    frontPage(): Paragraph[] {
        const f = this.doc.front;
        const out: Paragraph[] = [];
        out.push(new Paragraph({ style: 'FrontKind', children: [new TextRun(f.kindTitle)] }));
        out.push(new Paragraph({ style: 'FrontTitle', children: [new TextRun(f.title)] }));
        if (f.programmeTitle) out.push(new Paragraph({ style: 'FrontProgramme', children: [new TextRun(f.programmeTitle)] }));
        for (const fact of f.facts) {
            out.push(new Paragraph({ style: 'FrontFact', children: [new TextRun({ text: `${fact.label}: `, bold: true }), new TextRun(fact.value)] }));
        }
        return out;
    }

    body(): (Paragraph | Table)[] {
        const out: (Paragraph | Table)[] = [];
        for (const section of this.doc.sections) this.section(section, out);
        return out;
    }

    private section(section: Section, out: (Paragraph | Table)[]): void {
        const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][section.level - 1];
        const title = section.number ? `${section.number} ${section.title}` : section.title;
        out.push(new Paragraph({
            heading,
            pageBreakBefore: section.level === 1 && this.doc.kind !== 'interim',
            children: [new Bookmark({ id: section.anchor, children: [new TextRun(title)] })]
        }));
        for (const block of section.blocks) out.push(...this.block(block, 0));
        for (const child of section.sections) this.section(child, out);
    }

    private block(block: Block, depth: number): (Paragraph | Table)[] {
        switch (block.type) {
            case 'paragraph':
                return [new Paragraph({ ...(block.role === 'meta' ? { style: 'Meta' } : {}), children: this.inlines(block.children, {}) })];
            case 'subheading': {
                const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][Math.min(3, block.level) - 1];
                return [new Paragraph({ heading, children: this.inlines(block.children, {}) })];
            }
            case 'list':
                return this.list(block.ordered, block.items, depth);
            case 'quote':
                return block.children.flatMap(b => b.type === 'paragraph'
                    ? [new Paragraph({ style: 'BlockQuote', children: this.inlines(b.children, {}) })]
                    : this.block(b, depth));
            case 'table':
                return this.table(block);
            case 'figure':
                return this.figure(block);
            case 'references':
                return block.entries.map(e => new Paragraph({ style: 'Reference', children: [new Bookmark({ id: e.anchor, children: this.inlines(e.children, {}) as never })] }));
        }
    }

    private list(ordered: boolean, items: readonly (readonly Block[])[], depth: number): (Paragraph | Table)[] {
        const instance = ++this.listInstance;
        const out: (Paragraph | Table)[] = [];
        for (const item of items) {
            item.forEach((b, i) => {
                if (b.type === 'paragraph' && i === 0) {
                    out.push(new Paragraph({
                        numbering: { reference: ordered ? 'numbers' : 'bullets', level: Math.min(depth, 2), ...(ordered ? { instance } : {}) },
                        spacing: { after: 60 },
                        children: this.inlines(b.children, {})
                    }));
                } else if (b.type === 'list') {
                    out.push(...this.list(b.ordered, b.items, depth + 1));
                } else if (b.type === 'paragraph') {
                    out.push(new Paragraph({ indent: { left: 567 * (depth + 1) }, children: this.inlines(b.children, {}) }));
                } else out.push(...this.block(b, depth + 1));
            });
        }
        return out;
    }

    private caption(word: string, anchor: string, caption: readonly Inline[], keepNext: boolean): Paragraph {
        return new Paragraph({
            style: 'Caption',
            keepNext,
            children: [new Bookmark({
                id: anchor,
                children: [new TextRun(`${word} `), new SequentialIdentifier(word), new TextRun(': '), ...this.inlines(caption, {})] as never
            })]
        });
    }

    private table(t: DocTable): (Paragraph | Table)[] {
        const columns = t.header.length;
        const weights = t.widths && t.widths.length === columns ? t.widths : Array(columns).fill(1);
        const total = weights.reduce((a, b) => a + b, 0);
        const widths = weights.map(w => Math.floor(TEXT_WIDTH_TWIPS * w / total));
        const border = { style: BorderStyle.SINGLE, size: 4, color: COLOURS.border };
        const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
        const cell = (content: readonly Inline[], i: number, header: boolean, stripe: boolean) => new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            ...(header ? { shading: { type: ShadingType.CLEAR, fill: COLOURS.accent, color: 'auto' } }
                : stripe ? { shading: { type: ShadingType.CLEAR, fill: COLOURS.stripe, color: 'auto' } } : {}),
            children: [new Paragraph({ style: 'TableText', ...(header ? { keepNext: true } : {}), children: this.inlines(content, header ? { bold: true, colour: 'FFFFFF' } : {}) })]
        });
        const rows = [
            new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((c, i) => cell(c, i, true, false)) }),
            ...t.rows.map((r, n) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false, n % 2 === 1)) }))
        ];
        return [
            this.caption(this.doc.captionWords.table, t.anchor, t.caption, true),
            new Table({ rows, width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders }),
            new Paragraph({ spacing: { after: 120 }, children: [] })
        ];
    }

    private figure(f: Extract<Block, { type: 'figure' }>): Paragraph[] {
        const widthPx = Math.min(TEXT_WIDTH_PX, Math.round(f.width * 0.75));
        const heightPx = Math.round(widthPx * f.height / f.width);
        const png = rasterise(f.svg, Math.round(widthPx / 96 * FIGURE_DPI));
        const id = ++this.imageId;
        return [
            new Paragraph({
                alignment: AlignmentType.CENTER,
                keepNext: true,
                children: [new ImageRun({
                    type: 'png', data: png,
                    transformation: { width: widthPx, height: heightPx },
                    altText: { id: String(id), name: `${this.doc.captionWords.figure} ${f.number}`, title: f.caption.map(c => c.type === 'text' ? c.text : '').join(''), description: f.alt }
                })]
            }),
            this.caption(this.doc.captionWords.figure, f.anchor, f.caption, false)
        ];
    }

    private inlines(children: readonly Inline[], style: RunStyle): ParagraphChild[] {
        const out: ParagraphChild[] = [];
        for (const c of children) {
            switch (c.type) {
                case 'text':
                    if (c.text) out.push(this.run(c.text, style));
                    break;
                case 'break':
                    out.push(new TextRun({ break: 1 }));
                    break;
                case 'emphasis':
                    out.push(...this.inlines(c.children, { ...style, italics: true }));
                    break;
                case 'strong':
                    out.push(...this.inlines(c.children, { ...style, bold: true }));
                    break;
                case 'link':
                    out.push(new ExternalHyperlink({ link: c.href, children: this.inlines(c.children, { ...style, hyperlink: true }) as TextRun[] }));
                    break;
                case 'xref':
                    out.push(new InternalHyperlink({ anchor: c.anchor, children: this.inlines(c.children, { ...style, hyperlink: true }) as TextRun[] }));
                    break;
                case 'citation':
                    out.push(c.anchor
                        ? new InternalHyperlink({ anchor: c.anchor, children: [this.run(c.text, { ...style, hyperlink: true })] })
                        : this.run(c.text, style));
                    break;
                case 'target':
                    out.push(new Bookmark({ id: c.anchor, children: this.inlines(c.children, style) as never }) as never);
                    break;
            }
        }
        return out;
    }

    private run(value: string, style: RunStyle): TextRun {
        const options: IRunOptions = {
            text: value,
            ...(style.bold ? { bold: true } : {}),
            ...(style.italics ? { italics: true } : {}),
            ...(style.hyperlink ? { style: 'Hyperlink' } : {}),
            ...(style.colour && !style.hyperlink ? { color: style.colour } : {})
        };
        return new TextRun(options);
    }
}

// -------------------------------------------------------------------------------------------
// Post-processing: fixed timestamps, nothing but title and authors in the core properties,
// stable numeric ids.

/**
 * Rewrites the package so that it depends on the input only: `docProps/core.xml` gets the
 * report's date as created and modified time and loses `lastModifiedBy`; bookmark ids are
 * renumbered in document order (docx counts them per process); every zip entry gets the
 * report's date as its modification time.
 */
export function normaliseDocx(bytes: Uint8Array, doc: Pick<ReportDocument, 'date'>): Uint8Array {
    const files = unzipSync(bytes);
    const stamp = `${doc.date}T00:00:00Z`;
    const core = files['docProps/core.xml'];
    if (core) {
        const xml = strFromU8(core)
            .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
            .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`)
            .replace(/<cp:lastModifiedBy\b[^>]*>[^<]*<\/cp:lastModifiedBy>|<cp:lastModifiedBy\/>/g, '')
            .replace(/<dc:description\b[^>]*>[^<]*<\/dc:description>|<dc:description\/>/g, '')
            .replace(/<cp:keywords\b[^>]*>[^<]*<\/cp:keywords>|<cp:keywords\/>/g, '')
            .replace(/<dc:subject\b[^>]*>[^<]*<\/dc:subject>|<dc:subject\/>/g, '');
        files['docProps/core.xml'] = strToU8(xml);
    }
    // Relationship ids docx makes random, and bookmark names it counts per process
    // (`_Toc113`), get numbers in document order.
    for (const rels of Object.keys(files).filter(n => /^word\/_rels\/[^/]+\.rels$/.test(n))) {
        const part = rels.replace('_rels/', '').replace(/\.rels$/, '');
        let relsXml = strFromU8(files[rels]);
        let partXml = files[part] ? strFromU8(files[part]) : '';
        const used = new Set([...relsXml.matchAll(/Id="rId(\d+)"/g)].map(m => Number(m[1])));
        let next = Math.max(0, ...used) + 1;
        const renamed = new Map<string, string>();
        for (const m of relsXml.matchAll(/<Relationship\b[^>]*?\sId="([^"]+)"/g)) {
            if (!/^rId\d+$/.test(m[1]) && !renamed.has(m[1])) renamed.set(m[1], `rId${next++}`);
        }
        const rename = (xml: string, attribute: RegExp) => xml.replace(attribute, (whole, prefix: string, id: string) => renamed.has(id) ? `${prefix}"${renamed.get(id)}"` : whole);
        relsXml = rename(relsXml, /(\sId=)"([^"]+)"/g);
        partXml = rename(partXml, /(\sr:(?:id|embed|link)=)"([^"]+)"/g);
        files[rels] = strToU8(relsXml);
        if (files[part]) files[part] = strToU8(partXml);
    }
    const tocNames = new Map<string, string>();
    const ids = new Map<string, number>();
    for (const part of Object.keys(files)) {
        if (!/^word\/(document|header\d*|footer\d*)\.xml$/.test(part)) continue;
        const xml = strFromU8(files[part])
            .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g, (_m, a: string, id: string, b: string) => {
                let n = ids.get(`${part}:${id}`);
                if (n === undefined) ids.set(`${part}:${id}`, n = ids.size + 1);
                return `${a}${n}${b}`;
            })
            .replace(/_Toc\d+/g, name => {
                let fresh = tocNames.get(name);
                if (fresh === undefined) tocNames.set(name, fresh = `_Toc${String(tocNames.size + 1).padStart(6, '0')}`);
                return fresh;
            });
        files[part] = strToU8(xml);
    }
    const [y, m, d] = doc.date.split('-').map(Number);
    const mtime = new Date(Date.UTC(y, (m || 1) - 1, d || 1, 12, 0, 0));
    const zippable: Zippable = {};
    for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime, level: 6 }];
    return zipSync(zippable);
}

/**
 * Every string of the document without the characters XML 1.0 forbids (C0 controls but tab
 * and line ends, U+FFFE/U+FFFF, lone surrogates): the docx library escapes markup but
 * writes these as they are, and Word and LibreOffice then refuse to open the file.
 */
function xmlSafe<T>(value: T): T {
    if (typeof value === 'string') return value.replace(NOT_XML_CHARS, '') as T;
    if (Array.isArray(value)) return value.map(xmlSafe) as T;
    if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = xmlSafe(v);
        return out as T;
    }
    return value;
}
