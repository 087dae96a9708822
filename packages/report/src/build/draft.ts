/**
 * A section before numbering: what every chapter module returns. `numbering.ts` turns the
 * list of drafts into the document's numbered sections.
 */
import type { Block } from '../document.js';

export interface Draft {
    key: string;
    title: string;
    blocks: Block[];
    children: Draft[];
    anchor?: string;
    /** `plain`: no number (summary, references); `appendix`: "Vedlegg A". */
    numbering?: 'plain' | 'appendix';
}

/** A draft without subsections. */
export function chapter(key: string, title: string, blocks: Block[], extra: Partial<Draft> = {}): Draft {
    return { key, title, blocks, children: [], ...extra };
}
