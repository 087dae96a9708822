/**
 * A section before numbering: what every chapter module returns. `numbering.ts` turns the
 * list of drafts into the document's numbered sections.
 */
import type { Block } from '../document.js';

export interface Draft {
    key: string;
    title: string;
    /** A title that holds a number known only after numbering ("Funn 4.1 …", "Beskrivelse av figur 3.1"). */
    titleLate?: () => string;
    blocks: Block[];
    children: Draft[];
    anchor?: string;
    /** `plain`: no number (front matter, summary, references); `appendix`: "Vedlegg A"; else a chapter number. */
    numbering?: 'plain' | 'appendix';
    /** No number although its parent has one (a finding's heading carries its own "Funn 4.1"). */
    unnumbered?: boolean;
    pageBreak?: 'always' | 'if-long';
    languageTag?: string;
}

/** A draft without subsections. */
export function chapter(key: string, title: string, blocks: Block[], extra: Partial<Draft> = {}): Draft {
    return { key, title, blocks, children: [], ...extra };
}
