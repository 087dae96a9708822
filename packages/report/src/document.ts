/**
 * The neutral document model: what `buildDocument` produces and every renderer reads.
 * It knows nothing of docx, Markdown or HTML; it holds only what the report says.
 * Everything in it is client-facing: no element ID appears in a text, an anchor or a
 * property unless the report was built with `--internal`.
 */
import type { ReportLanguage } from './labels.js';

export type Inline =
    | { readonly type: 'text'; readonly text: string }
    | { readonly type: 'emphasis'; readonly children: readonly Inline[] }
    | { readonly type: 'strong'; readonly children: readonly Inline[] }
    /** A link to an address outside the document; its text names the destination. */
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
    /** `meta`: a small line of facts; `note`: a source or note line under a table or figure. */
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
    /** The caption number, per chapter: "2.1", "A.1". */
    readonly number: string;
    readonly caption: readonly Inline[];
    readonly header: readonly Cell[];
    readonly rows: readonly (readonly Cell[])[];
    /** Columns whose cells are numbers (right-aligned). */
    readonly numeric?: readonly boolean[];
    /** "Kilde: …" under the table, when it is built from sources. */
    readonly source?: readonly Inline[];
    /** "Merknad: …" under the table. */
    readonly note?: readonly Inline[];
}

export interface Figure {
    readonly type: 'figure';
    readonly anchor: string;
    /** The caption number, per chapter: "3.1". */
    readonly number: string;
    readonly caption: readonly Inline[];
    readonly svg: string;
    readonly width: number;
    readonly height: number;
    /** A short sentence; the long description is a list in an appendix. */
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
    /**
     * The heading's number as a reader sees it: "1", "2.3", "Vedlegg A"; none for
     * unnumbered sections. The docx renderer numbers headings with Word numbering instead.
     */
    readonly number?: string;
    /** Which numbering the heading belongs to: chapters (1, 1.1) or appendices (Vedlegg A). */
    readonly numbering?: 'chapter' | 'appendix';
    readonly title: string;
    /** 1 for chapters, 2 and 3 below. */
    readonly level: 1 | 2 | 3;
    /**
     * Where a page break may go before the heading (V2.md §7 "Layout"): `always` (front
     * matter, Sammendrag) or `if-long` (a chapter or appendix with more than half a page of
     * content); none runs on. The docx renderer leaves out a break that would leave a page
     * mostly empty (docs/reports.md).
     */
    readonly pageBreak?: 'always' | 'if-long';
    /** A section in another language than the document (the English summary: en-GB). */
    readonly languageTag?: string;
    readonly blocks: readonly Block[];
    readonly sections: readonly Section[];
}

/** A label and its value (front page, report information page, memo head). */
export interface Fact {
    readonly label: string;
    readonly value: string;
}

export interface FrontMatter {
    /** `cover`: front page and report information page (assessment, final); `memo`: a note's head (interim). */
    readonly layout: 'cover' | 'memo';
    /** "Vurderingsgrunnlag"; absent when the title already says it. */
    readonly kindTitle?: string;
    readonly title: string;
    readonly subtitle?: string;
    /** Lines of the front page (cover) or the memo head, in order. */
    readonly facts: readonly Fact[];
    /** The report information page (back of the cover). */
    readonly information: readonly Fact[];
    /** A closing line of the information page ("Publikasjonen kan siteres fritt …"). */
    readonly informationNote?: string;
    /** Sections before the contents (English summary, Forord), unnumbered, in order. */
    readonly sections: readonly Section[];
}

export interface ReportDocument {
    readonly language: ReportLanguage;
    /** BCP 47 tag: nb-NO, nn-NO, en-GB. */
    readonly languageTag: string;
    readonly title: string;
    /** The report kind: renderers keep an interim note compact. */
    readonly kind: 'interim' | 'assessment' | 'final';
    /** The authors string: with the title and keywords, all the document properties hold. */
    readonly authors: string;
    readonly keywords?: readonly string[];
    /** The report's date (YYYY-MM-DD); every timestamp in the output comes from it. */
    readonly date: string;
    /** "UTKAST / DRAFT" when generated with --force, else undefined. */
    readonly draftMark?: string;
    readonly front: FrontMatter;
    readonly contentsTitle: string;
    /** Heading levels the contents list: 1 for the interim note, else 2. */
    readonly contentsLevels: 1 | 2;
    readonly captionWords: { readonly table: string; readonly figure: string; readonly source: string; readonly note: string };
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

/** A heading's text as a reader sees it: number and title. */
export function headingText(s: Section): string {
    return s.number ? `${s.number} ${s.title}` : s.title;
}
