/**
 * The neutral document as a Word file: the `docx` library builds the package — built-in
 * Heading 1–3 styles, the Sporbar styles, list numbering, one section with page numbers in
 * the footer (none on a front page), the document language — and the body (front matter,
 * contents, chapters, tables with repeating header rows, captions, pictures with alt text)
 * is written by docx-body.ts into its place. Heading numbers come from a multilevel list
 * bound to the heading styles, added here to numbering.xml and styles.xml, so editing keeps
 * them. Nothing asks Word to update fields when the file opens. Core properties hold the
 * title, the authors and the keywords; every timestamp (core properties and zip entries)
 * is taken from the report's date, so the same input gives the same bytes.
 */
import { AlignmentType, Document, Footer, Header, LevelFormat, LineRuleType, Packer, PageNumber, Paragraph, ShadingType, TabStopType, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { zipParts } from './docx-zip.js';
import type { Block, ReportDocument, Section } from './document.js';
import { APPENDIX_NUM_ID, COLOURS, FIRST_LIST_NUM_ID, HEADING_NUM_ID, PAGE, TABLE_TEXT_STYLES, writeBody, type BodyXml } from './docx-body.js';
import { embeddedFonts, DOCX_FONT, stableFontKeys } from './docx-font.js';
import { loadRasteriser, type Rasterise } from './raster.js';
import { escapeXml, NOT_XML_CHARS } from './xml-text.js';

export interface DocxOptions {
    /** A reference .docx whose styles the document takes (`--template`). */
    readonly template?: Uint8Array;
}

/** Figures are rasterised at 250 dpi for the text width. */
const FIGURE_DPI = 250;
/** The paragraph the body replaces in the package the library writes. */
const BODY_MARK = 'SPORBAR-BODY-9f1c2e';

/**
 * Where the values of the information page start: 6 cm, past the longest label in bold
 * 10 pt of the report font ("Oppdragsgivers referanse", 5.2 cm; test/report/docx.test.ts).
 */
export const INFO_TAB = 3402;

/** The report font (docx-font.ts): every style's font, embedded unless a template brings its own. */
const FONT = DOCX_FONT;

export async function renderDocx(doc: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
    const rasterise = await rasteriserFor(doc);
    // The body's strings are cleaned as they are escaped (docx-body.ts); these are the ones the library writes.
    doc = { ...doc, title: xmlSafe(doc.title), authors: xmlSafe(doc.authors), ...(doc.keywords ? { keywords: xmlSafe(doc.keywords) } : {}),
        ...(doc.draftMark ? { draftMark: xmlSafe(doc.draftMark) } : {}) };
    const externalStyles = options.template ? templateStyles(options.template, doc.languageTag) : undefined;
    const draft = () => new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.draftMark!, bold: true, color: COLOURS.draft, size: 22 })] })] });
    const cover = doc.front.layout === 'cover';
    const pageNumber = () => new Footer({
        children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT], size: 18, color: COLOURS.muted })]
        })]
    });
    const page = { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } };
    const document = new Document({
        title: doc.title,
        creator: doc.authors,
        ...(doc.keywords?.length ? { keywords: doc.keywords.join(', ') } : {}),
        revision: 1,
        ...(externalStyles ? { externalStyles } : { fonts: embeddedFonts() }),
        styles: styles(doc, externalStyles !== undefined),
        numbering: { config: numberingConfig() },
        sections: [{
            // The front page has no page number (a different first page); the count starts there.
            properties: { page, ...(cover ? { titlePage: true } : {}) },
            ...(doc.draftMark ? { headers: { default: draft(), ...(cover ? { first: draft() } : {}) } } : {}),
            footers: { default: pageNumber(), ...(cover ? { first: new Footer({ children: [new Paragraph({ children: [] })] }) } : {}) },
            // The library adds the list paragraph style only when a paragraph uses a list.
            children: [new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun(BODY_MARK)] })]
        }]
    });
    const parts = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
    stableFontKeys(parts);
    const files = new PackageParts(parts);
    // The package the library wrote is made deterministic before the body goes in, so that
    // no pass over the (large) body is needed; the body's relationship ids follow the package's.
    const mtime = normalisePackage(files, doc);
    const relationships = [...files.text('word/_rels/document.xml.rels').matchAll(/Id="rId(\d+)"/g)].map(m => Number(m[1]));
    const body = writeBody(doc, rasterise, FIGURE_DPI, Math.max(0, ...relationships) + 1);
    insertBody(files, body);
    numberHeadings(files, doc);
    return files.zip(mtime);
}

/**
 * Heading numbers by Word numbering: a multilevel list "1", "1.1", "1.1.1" whose levels are
 * bound to Heading 1–3 (each style names the list, each level its style), and one for the
 * appendices ("Vedlegg A", "A.1") that appendix headings name directly. Unnumbered
 * headings switch numbering off with `numId 0` (docx-body.ts).
 */
function numberHeadings(files: PackageParts, doc: ReportDocument): void {
    const appendixWord = escapeXml(doc.sections.find(s => s.numbering === 'appendix')?.number?.replace(/ [A-Z]$/, '') ?? 'Vedlegg');
    const level = (ilvl: number, format: string, text: string, style?: string) =>
        `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${style ? `<w:pStyle w:val="${style}"/>` : ''}`
        + `<w:suff w:val="space"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>`;
    const chapters = `<w:abstractNum w:abstractNumId="${HEADING_NUM_ID}"><w:multiLevelType w:val="multilevel"/>`
        + level(0, 'decimal', '%1', 'Heading1') + level(1, 'decimal', '%1.%2', 'Heading2') + level(2, 'decimal', '%1.%2.%3', 'Heading3') + '</w:abstractNum>';
    const appendices = `<w:abstractNum w:abstractNumId="${APPENDIX_NUM_ID}"><w:multiLevelType w:val="multilevel"/>`
        + level(0, 'upperLetter', `${appendixWord} %1`) + level(1, 'decimal', '%1.%2') + level(2, 'decimal', '%1.%2.%3') + '</w:abstractNum>';
    let numbering = files.text('word/numbering.xml');
    // Abstract definitions come before the instances (the schema's order).
    numbering = numbering.replace(/(<w:abstractNum\b)/, `${chapters}${appendices}$1`)
        .replace('</w:numbering>', `<w:num w:numId="${HEADING_NUM_ID}"><w:abstractNumId w:val="${HEADING_NUM_ID}"/></w:num><w:num w:numId="${APPENDIX_NUM_ID}"><w:abstractNumId w:val="${APPENDIX_NUM_ID}"/></w:num></w:numbering>`);
    files.setText('word/numbering.xml', numbering);

    let styles = files.text('word/styles.xml');
    for (const [i, id] of ['Heading1', 'Heading2', 'Heading3'].entries()) {
        const numPr = `<w:numPr>${i ? `<w:ilvl w:val="${i}"/>` : ''}<w:numId w:val="${HEADING_NUM_ID}"/></w:numPr>`;
        styles = styles.replace(new RegExp(`(<w:style\\b[^>]*w:styleId="${id}"[^>]*>)([\\s\\S]*?)(</w:style>)`), (_m, open: string, inner: string, close: string) => {
            const cleaned = inner.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, '');
            let withNum: string;
            if (/<w:pPr>/.test(cleaned)) {
                // numPr comes after keepNext, keepLines, pageBreakBefore, framePr and widowControl (the schema's order).
                withNum = cleaned.replace(/<w:pPr>((?:<w:(?:keepNext|keepLines|pageBreakBefore|framePr|widowControl)\b[^>]*\/>)*)/, (_x, lead: string) => `<w:pPr>${lead}${numPr}`);
            } else if (/<w:pPr\/>/.test(cleaned)) {
                withNum = cleaned.replace('<w:pPr/>', `<w:pPr>${numPr}</w:pPr>`);
            } else {
                withNum = /<w:rPr>/.test(cleaned) ? cleaned.replace('<w:rPr>', `<w:pPr>${numPr}</w:pPr><w:rPr>`) : `${cleaned}<w:pPr>${numPr}</w:pPr>`;
            }
            return open + withNum + close;
        });
    }
    files.setText('word/styles.xml', styles);
}

/** resvg is loaded only for a document with a figure (raster.ts). */
async function rasteriserFor(doc: ReportDocument): Promise<Rasterise> {
    if (hasFigure(doc.front.sections) || hasFigure(doc.sections)) return loadRasteriser();
    return () => { throw new Error('a figure was found that the document did not list'); };
}

/** Figures are blocks of a section, of a quote or of a list item (document.ts). */
function hasFigure(sections: readonly Section[]): boolean {
    const inBlocks = (blocks: readonly Block[]): boolean => blocks.some(b => b.type === 'figure'
        || (b.type === 'quote' && inBlocks(b.children)) || (b.type === 'list' && b.items.some(inBlocks)));
    return sections.some(s => inBlocks(s.blocks) || hasFigure(s.sections));
}

/**
 * Puts the body in place of its mark, with a relationship per external link and picture,
 * the pictures themselves, and one numbering instance per list (bulleted lists share the
 * bullet definition; each ordered list starts again at 1).
 */
function insertBody(files: PackageParts, body: BodyXml): void {
    const document = files.text('word/document.xml');
    const mark = document.indexOf(BODY_MARK);
    const start = document.lastIndexOf('<w:p>', mark);
    const end = document.indexOf('</w:p>', mark) + '</w:p>'.length;
    if (mark < 0 || start < 0) throw new Error('the docx package has no place for the body');
    const encode = (text: string): Uint8Array => Buffer.from(text, 'utf8');
    files.setChunks('word/document.xml', [encode(document.slice(0, start)), ...body.xml, encode(document.slice(end))]);

    const relsName = 'word/_rels/document.xml.rels';
    let rels = files.text(relsName);
    const added: string[] = [];
    for (const link of body.links) added.push(`<Relationship Id="${link.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escapeXml(link.href)}" TargetMode="External"/>`);
    body.pictures.forEach((picture, i) => {
        files.setBytes(`word/media/sporbar-figure${i + 1}.png`, picture.png);
        added.push(`<Relationship Id="${picture.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/sporbar-figure${i + 1}.png"/>`);
    });
    rels = rels.replace('</Relationships>', `${added.join('')}</Relationships>`);
    files.setText(relsName, rels);

    const types = files.text('[Content_Types].xml');
    if (body.pictures.length > 0 && !/Extension="png"/.test(types)) {
        files.setText('[Content_Types].xml', types.replace('</Types>', '<Default ContentType="image/png" Extension="png"/></Types>'));
    }

    let numbering = files.text('word/numbering.xml');
    const bullets = abstractNumId(numbering, '•');
    const numbers = abstractNumId(numbering, '%1.');
    const instances = body.lists.map((ordered, i) => ordered
        ? `<w:num w:numId="${FIRST_LIST_NUM_ID + i}"><w:abstractNumId w:val="${numbers}"/>${[0, 1, 2].map(l => `<w:lvlOverride w:ilvl="${l}"><w:startOverride w:val="1"/></w:lvlOverride>`).join('')}</w:num>`
        : `<w:num w:numId="${FIRST_LIST_NUM_ID + i}"><w:abstractNumId w:val="${bullets}"/></w:num>`);
    numbering = numbering.replace('</w:numbering>', `${instances.join('')}</w:numbering>`);
    files.setText('word/numbering.xml', numbering);
}


/**
 * The parts of the package, each decoded to text at most once and encoded once when zipped;
 * the document part is set as the body writer's UTF-8 chunks and never becomes one string.
 */
class PackageParts {
    private readonly texts = new Map<string, string>();
    private readonly chunks = new Map<string, readonly Uint8Array[]>();

    constructor(private readonly bytes: Record<string, Uint8Array>) {}

    names(): string[] {
        return Object.keys(this.bytes);
    }

    has(name: string): boolean {
        return name in this.bytes;
    }

    text(name: string): string {
        if (this.chunks.has(name)) throw new Error(`${name} was set in chunks and is not read again`);
        let text = this.texts.get(name);
        if (text === undefined) this.texts.set(name, text = strFromU8(this.bytes[name]));
        return text;
    }

    setText(name: string, text: string): void {
        if (!(name in this.bytes)) this.bytes[name] = new Uint8Array(0);
        this.texts.set(name, text);
        this.chunks.delete(name);
    }

    setBytes(name: string, data: Uint8Array): void {
        this.bytes[name] = data;
        this.texts.delete(name);
        this.chunks.delete(name);
    }

    setChunks(name: string, chunks: readonly Uint8Array[]): void {
        if (!(name in this.bytes)) this.bytes[name] = new Uint8Array(0);
        this.texts.delete(name);
        this.chunks.set(name, chunks);
    }

    zip(mtime: Date): Uint8Array {
        return zipParts(Object.entries(this.bytes).map(([name, data]) => [name, this.chunks.get(name) ?? this.texts.get(name) ?? data] as const), mtime);
    }
}

/** The id of the abstract numbering whose first level shows `text` (our `bullets` or `numbers`). */
function abstractNumId(numbering: string, text: string): string {
    for (const m of numbering.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
        const first = /<w:lvl\b[^>]*w:ilvl="0"[^>]*>([\s\S]*?)<\/w:lvl>/.exec(m[2]);
        if (first && first[1].includes(`<w:lvlText w:val="${text}"/>`) && m[2].includes(`w:left="567"`)) return m[1];
    }
    throw new Error(`the docx package has no numbering definition for "${text}"`);
}

// -------------------------------------------------------------------------------------------
// Styles

function styles(doc: ReportDocument, external: boolean) {
    const language = { value: doc.languageTag };
    const heading = (size: number, before: number, after: number) => ({
        run: { font: FONT, size, bold: true, color: COLOURS.accent },
        paragraph: { spacing: { before, after }, keepNext: true, keepLines: true }
    });
    const tab = (pos: number) => ({ type: TabStopType.LEFT, position: pos });
    const own = [
        { id: 'FrontKind', name: 'Front Kind', basedOn: 'Normal', run: { size: 24, color: COLOURS.muted, allCaps: true, characterSpacing: 30 }, paragraph: { spacing: { after: doc.front.layout === 'cover' ? 240 : 120 } } },
        { id: 'FrontTitle', name: 'Front Title', basedOn: 'Normal', run: { size: 52, bold: true, color: COLOURS.accent }, paragraph: { spacing: { after: 240, line: 264, lineRule: LineRuleType.AUTO } } },
        { id: 'MemoTitle', name: 'Memo Title', basedOn: 'Normal', run: { size: 36, bold: true, color: COLOURS.accent }, paragraph: { spacing: { after: 160 } } },
        { id: 'FrontSubtitle', name: 'Front Subtitle', basedOn: 'Normal', run: { size: 30, color: COLOURS.muted }, paragraph: { spacing: { after: doc.front.layout === 'cover' ? 600 : 240 } } },
        { id: 'FrontFact', name: 'Front Fact', basedOn: 'Normal', run: { size: 22, color: COLOURS.meta }, paragraph: { spacing: { after: 60 }, tabStops: [tab(2268)] } },
        { id: 'InfoFact', name: 'Information Fact', basedOn: 'Normal', run: { size: 20 }, paragraph: { spacing: { after: 80 }, tabStops: [tab(INFO_TAB)], indent: { left: INFO_TAB, hanging: INFO_TAB } } },
        { id: 'InfoNote', name: 'Information Note', basedOn: 'Normal', run: { size: 19, italics: true, color: COLOURS.meta }, paragraph: { spacing: { before: 360 } } },
        { id: 'ContentsTitle', name: 'Contents Title', basedOn: 'Normal', run: { size: 32, bold: true, color: COLOURS.accent }, paragraph: { spacing: { before: doc.front.layout === 'memo' ? 360 : 0, after: 240 } } },
        { id: 'Meta', name: 'Meta', basedOn: 'Normal', run: { size: 19, color: COLOURS.meta }, paragraph: { spacing: { before: 40, after: 100 }, shading: { type: ShadingType.CLEAR, fill: COLOURS.stripe, color: 'auto' } } },
        { id: 'BlockQuote', name: 'Block Quote', basedOn: 'Normal', run: { italics: true, color: '333333' }, paragraph: { indent: { left: 567 }, spacing: { after: 100 } } },
        { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', run: { size: 19, bold: true, color: COLOURS.accent }, paragraph: { spacing: { before: 160, after: 80 } } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } } },
        ...[...TABLE_TEXT_STYLES].filter(([, s]) => s.id !== 'TableText')
            .map(([pt, s]) => ({ id: s.id, name: s.name, basedOn: 'TableText', run: { size: Math.round(pt * 2) } })),
        { id: 'TableNote', name: 'Table Note', basedOn: 'Normal', run: { size: 18, color: COLOURS.meta }, paragraph: { spacing: { after: 200 } } },
        { id: 'Reference', name: 'Reference', basedOn: 'Normal', paragraph: { indent: { left: 567, hanging: 567 }, spacing: { after: 100 } } },
        // The contents, compact so that it keeps to as few pages as it can (docx-body.ts estimates its height from these).
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { size: 22 }, paragraph: { spacing: { before: 0, after: 60, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', run: { size: 21 }, paragraph: { indent: { left: 284 }, spacing: { before: 0, after: 40, line: 240, lineRule: LineRuleType.AUTO } } }
    ];
    if (external) {
        // The template supplies Normal, headings and the rest; Sporbar adds only its own styles.
        return { paragraphStyles: own };
    }
    return {
        default: {
            document: {
                run: { font: FONT, size: 22, language, color: COLOURS.text },
                paragraph: { spacing: { after: 140, line: 276, lineRule: LineRuleType.AUTO } }
            },
            title: heading(52, 0, 240),
            heading1: heading(32, 360, 200),
            heading2: heading(26, 320, 120),
            heading3: heading(23, 240, 100),
            hyperlink: { run: { color: COLOURS.link, underline: {} } }
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
// List numbering definitions

function numberingConfig() {
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

// -------------------------------------------------------------------------------------------
// Post-processing: fixed timestamps, nothing but title, authors and keywords in the core properties,
// stable numeric ids.

/**
 * Rewrites the package the library wrote (before the body goes in) so that it depends on
 * the input only: `docProps/core.xml` gets the report's date as created and modified time
 * and loses `lastModifiedBy`; random relationship ids and per-process bookmark ids get
 * numbers in document order. Returns the report's date as the zip entries' modification time.
 */
function normalisePackage(files: PackageParts, doc: Pick<ReportDocument, 'date'>): Date {
    const stamp = `${doc.date}T00:00:00Z`;
    if (files.has('docProps/core.xml')) {
        const xml = files.text('docProps/core.xml')
            .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
            .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`)
            .replace(/<cp:lastModifiedBy\b[^>]*>[^<]*<\/cp:lastModifiedBy>|<cp:lastModifiedBy\/>/g, '')
            .replace(/<dc:description\b[^>]*>[^<]*<\/dc:description>|<dc:description\/>/g, '')
            .replace(/<cp:keywords\b[^>]*>\s*<\/cp:keywords>|<cp:keywords\/>/g, '')
            .replace(/<dc:subject\b[^>]*>[^<]*<\/dc:subject>|<dc:subject\/>/g, '');
        files.setText('docProps/core.xml', xml);
    }
    // Relationship ids docx makes random, and bookmark names it counts per process
    // (`_Toc113`), get numbers in document order.
    for (const rels of files.names().filter(n => /^word\/_rels\/[^/]+\.rels$/.test(n))) {
        const part = rels.replace('_rels/', '').replace(/\.rels$/, '');
        let relsXml = files.text(rels);
        let partXml = files.has(part) ? files.text(part) : '';
        const used = new Set([...relsXml.matchAll(/Id="rId(\d+)"/g)].map(m => Number(m[1])));
        let next = Math.max(0, ...used) + 1;
        const renamed = new Map<string, string>();
        for (const m of relsXml.matchAll(/<Relationship\b[^>]*?\sId="([^"]+)"/g)) {
            if (!/^rId\d+$/.test(m[1]) && !renamed.has(m[1])) renamed.set(m[1], `rId${next++}`);
        }
        const rename = (xml: string, attribute: RegExp) => xml.replace(attribute, (whole, prefix: string, id: string) => renamed.has(id) ? `${prefix}"${renamed.get(id)}"` : whole);
        relsXml = rename(relsXml, /(\sId=)"([^"]+)"/g);
        partXml = rename(partXml, /(\sr:(?:id|embed|link)=)"([^"]+)"/g);
        files.setText(rels, relsXml);
        if (files.has(part)) files.setText(part, partXml);
    }
    const tocNames = new Map<string, string>();
    const ids = new Map<string, number>();
    for (const part of files.names()) {
        if (!/^word\/(document|header\d*|footer\d*)\.xml$/.test(part)) continue;
        const xml = files.text(part)
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
        files.setText(part, xml);
    }
    // Zip entries can only hold 1980–2099; a report dated outside (`date 9999-12-31`, under
    // --force) gets the nearest end of that range.
    const [y, m, d] = doc.date.split('-').map(Number);
    let mtime = new Date(Date.UTC(y, (m || 1) - 1, d || 1, 12, 0, 0));
    if (!(mtime.getUTCFullYear() >= 1980)) mtime = new Date(Date.UTC(1980, 0, 1, 12, 0, 0));
    else if (mtime.getUTCFullYear() > 2099) mtime = new Date(Date.UTC(2099, 11, 31, 12, 0, 0));
    return mtime;
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
