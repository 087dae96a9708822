/**
 * The neutral document model: what `buildDocument` produces and every renderer reads.
 * It knows nothing of docx, Markdown or HTML; it holds only what the report says.
 */
import type { ReportLanguage } from './labels.js';

export type Inline =
    | { readonly type: 'text'; readonly text: string }
    | { readonly type: 'emphasis'; readonly children: readonly Inline[] }
    | { readonly type: 'strong'; readonly children: readonly Inline[] }
    /** A link to an address outside the document. */
    | { readonly type: 'link'; readonly href: string; readonly children: readonly Inline[] }
    /** A cross-reference to an anchor inside the document. */
    | { readonly type: 'xref'; readonly anchor: string; readonly children: readonly Inline[] }
    /** An APA in-text citation, already formatted; it points at the references list. */
    | { readonly type: 'citation'; readonly text: string; readonly anchor?: string }
    /** A place other content links to (a bookmark around its children). */
    | { readonly type: 'target'; readonly anchor: string; readonly children: readonly Inline[] }
    | { readonly type: 'break' };

export interface Paragraph {
    readonly type: 'paragraph';
    readonly children: readonly Inline[];
    /** `meta`: a small line of facts under a heading; `lead`: the opening line of a block. */
    readonly role?: 'meta' | 'note';
}

export interface List {
    readonly type: 'list';
    readonly ordered: boolean;
    readonly items: readonly (readonly Block[])[];
}

export interface Quote {
    readonly type: 'quote';
    readonly children: readonly Block[];
}

/** A heading inside a narrative slot (a Markdown heading), one level below the chapter it sits in. */
export interface SubHeading {
    readonly type: 'subheading';
    readonly level: number;
    readonly children: readonly Inline[];
}

export type Cell = readonly Inline[];

export interface Table {
    readonly type: 'table';
    readonly anchor: string;
    /** The caption number: "Tabell n" counts tables in document order. */
    readonly number: number;
    readonly caption: readonly Inline[];
    readonly header: readonly Cell[];
    readonly rows: readonly (readonly Cell[])[];
    /** Relative column widths (any unit); the renderers scale them to the page. */
    readonly widths?: readonly number[];
}

export interface Figure {
    readonly type: 'figure';
    readonly anchor: string;
    /** The caption number: "Figur n" counts figures in document order. */
    readonly number: number;
    readonly caption: readonly Inline[];
    readonly svg: string;
    readonly width: number;
    readonly height: number;
    readonly alt: string;
}

export interface ReferenceList {
    readonly type: 'references';
    readonly entries: readonly { readonly anchor: string; readonly children: readonly Inline[] }[];
}

export type Block = Paragraph | List | Quote | SubHeading | Table | Figure | ReferenceList;

export interface Section {
    /** A stable anchor (bookmark name): ASCII letters, digits and `_`, at most 40 characters. */
    readonly anchor: string;
    /** "1", "2.3", "A" for appendices; none for unnumbered sections. */
    readonly number?: string;
    readonly title: string;
    /** 1 for chapters, 2 and 3 below. */
    readonly level: 1 | 2 | 3;
    readonly blocks: readonly Block[];
    readonly sections: readonly Section[];
}

export interface FrontPage {
    readonly kindTitle: string;
    readonly title: string;
    readonly programmeTitle?: string;
    /** Label/value lines: client, contract, report number, date, authors. */
    readonly facts: readonly { readonly label: string; readonly value: string }[];
}

export interface ReportDocument {
    readonly language: ReportLanguage;
    /** BCP 47 tag: nb-NO, nn-NO, en-GB. */
    readonly languageTag: string;
    readonly title: string;
    /** The report kind: renderers keep an interim note compact. */
    readonly kind: 'interim' | 'assessment' | 'final';
    /** The authors string: the only other thing the document properties hold. */
    readonly authors: string;
    /** The report's date (YYYY-MM-DD); every timestamp in the output comes from it. */
    readonly date: string;
    /** "UTKAST / DRAFT" when generated with --force, else undefined. */
    readonly draftMark?: string;
    readonly front: FrontPage;
    readonly contentsTitle: string;
    readonly captionWords: { readonly table: string; readonly figure: string };
    readonly sections: readonly Section[];
}

/** A text run; a value a parse error left undefined (possible under --force) becomes empty. */
export const text = (value: string | undefined): Inline => ({ type: 'text', text: value ?? '' });
export const para = (children: readonly Inline[], role?: Paragraph['role']): Paragraph => role ? { type: 'paragraph', children, role } : { type: 'paragraph', children };
export const plain = (value: string): Paragraph => para([text(value)]);

/** The plain text of inline content (for alt texts, tables of contents and tests). */
export function inlineText(children: readonly Inline[]): string {
    let out = '';
    for (const c of children) {
        switch (c.type) {
            case 'text': out += c.text; break;
            case 'citation': out += c.text; break;
            case 'break': out += '\n'; break;
            default: out += inlineText(c.children);
        }
    }
    return out;
}

/** Every section, depth first, in document order. */
export function* allSections(sections: readonly Section[]): Generator<Section> {
    for (const s of sections) {
        yield s;
        yield* allSections(s.sections);
    }
}
