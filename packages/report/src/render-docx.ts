/**
 * The neutral document as a Word file: the `docx` library builds the package — built-in
 * Heading 1–3 styles, the Sporbar styles, numbering definitions, the front page, sections
 * with page numbers in the footer, the document language — and the body (contents,
 * chapters, tables with repeating header rows, numbered captions with SEQ fields, pictures
 * with alt text) is written by docx-body.ts into its place. Core properties hold only the
 * title and the authors, and every timestamp (core properties and zip entries) is taken from
 * the report's date, so the same input gives the same bytes.
 */
import { AlignmentType, Document, Footer, Header, LevelFormat, LineRuleType, Packer, PageNumber, Paragraph, SectionType, ShadingType, BorderStyle, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { ReportDocument } from './document.js';
import { COLOURS, FIRST_LIST_NUM_ID, PAGE, writeBody, type BodyXml } from './docx-body.js';
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

/** The report font (docx-font.ts): every style's font, embedded unless a template brings its own. */
const FONT = DOCX_FONT;

export async function renderDocx(doc: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
    const body = writeBody(doc, await rasteriserFor(doc), FIGURE_DPI);
    // The body's strings are cleaned as they are escaped (docx-body.ts); these are the ones the library writes.
    doc = { ...doc, title: xmlSafe(doc.title), authors: xmlSafe(doc.authors), contentsTitle: xmlSafe(doc.contentsTitle),
        front: xmlSafe(doc.front), ...(doc.draftMark ? { draftMark: xmlSafe(doc.draftMark) } : {}) };
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
        ...(externalStyles ? { externalStyles } : { fonts: embeddedFonts() }),
        styles: styles(doc, externalStyles !== undefined),
        numbering: { config: numberingConfig() },
        sections: [
            { properties: { page }, ...(draftHeader ? { headers: draftHeader } : {}), children: frontPage(doc) },
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
                    // The library adds the list paragraph style only when a paragraph uses a list.
                    new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun(BODY_MARK)] })
                ]
            }
        ]
    });
    const parts = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
    stableFontKeys(parts);
    const files = new PackageParts(parts);
    insertBody(files, body);
    return normaliseDocx(files, doc);
}

/** resvg is loaded only for a document with a figure (raster.ts). */
async function rasteriserFor(doc: ReportDocument): Promise<Rasterise> {
    const hasFigure = (value: unknown): boolean => Array.isArray(value) ? value.some(hasFigure)
        : typeof value === 'object' && value !== null && ((value as { type?: unknown }).type === 'figure' || Object.values(value).some(hasFigure));
    if (hasFigure(doc.sections)) return loadRasteriser();
    return () => { throw new Error('a figure was found that the document did not list'); };
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
    files.setText('word/document.xml', document.slice(0, start) + body.xml + document.slice(end));

    const relsName = 'word/_rels/document.xml.rels';
    let rels = files.text(relsName);
    const added: string[] = [];
    body.links.forEach((href, i) => added.push(`<Relationship Id="rIdSporbarLink${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escapeXml(href)}" TargetMode="External"/>`));
    body.pictures.forEach((picture, i) => {
        files.setBytes(`word/media/sporbar-figure${i + 1}.png`, picture.png);
        added.push(`<Relationship Id="rIdSporbarImage${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/sporbar-figure${i + 1}.png"/>`);
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

/** The parts of the package, each decoded to text at most once and encoded once when zipped. */
class PackageParts {
    private readonly texts = new Map<string, string>();

    constructor(private readonly bytes: Record<string, Uint8Array>) {}

    names(): string[] {
        return Object.keys(this.bytes);
    }

    has(name: string): boolean {
        return name in this.bytes;
    }

    text(name: string): string {
        let text = this.texts.get(name);
        if (text === undefined) this.texts.set(name, text = strFromU8(this.bytes[name]));
        return text;
    }

    setText(name: string, text: string): void {
        if (!(name in this.bytes)) this.bytes[name] = new Uint8Array(0);
        this.texts.set(name, text);
    }

    setBytes(name: string, data: Uint8Array): void {
        this.bytes[name] = data;
        this.texts.delete(name);
    }

    zip(mtime: Date): Uint8Array {
        const zippable: Zippable = {};
        for (const [name, data] of Object.entries(this.bytes)) {
            const text = this.texts.get(name);
            zippable[name] = [text === undefined ? data : strToU8(text), { mtime, level: 6 }];
        }
        return zipSync(zippable);
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
// Front page and numbering definitions

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

function frontPage(doc: ReportDocument): Paragraph[] {
    const f = doc.front;
    const out: Paragraph[] = [];
    out.push(new Paragraph({ style: 'FrontKind', children: [new TextRun(f.kindTitle)] }));
    out.push(new Paragraph({ style: 'FrontTitle', children: [new TextRun(f.title)] }));
    if (f.programmeTitle) out.push(new Paragraph({ style: 'FrontProgramme', children: [new TextRun(f.programmeTitle)] }));
    for (const fact of f.facts) {
        out.push(new Paragraph({ style: 'FrontFact', children: [new TextRun({ text: `${fact.label}: `, bold: true }), new TextRun(fact.value)] }));
    }
    return out;
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
function normaliseDocx(files: PackageParts, doc: Pick<ReportDocument, 'date'>): Uint8Array {
    const stamp = `${doc.date}T00:00:00Z`;
    if (files.has('docProps/core.xml')) {
        const xml = files.text('docProps/core.xml')
            .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
            .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`)
            .replace(/<cp:lastModifiedBy\b[^>]*>[^<]*<\/cp:lastModifiedBy>|<cp:lastModifiedBy\/>/g, '')
            .replace(/<dc:description\b[^>]*>[^<]*<\/dc:description>|<dc:description\/>/g, '')
            .replace(/<cp:keywords\b[^>]*>[^<]*<\/cp:keywords>|<cp:keywords\/>/g, '')
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
    return files.zip(mtime);
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
