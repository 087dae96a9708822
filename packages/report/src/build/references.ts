/** Referanser: every cited work — literature and public documents and datasets — APA 7th edition, before the appendices. */
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';

export function referencesChapter(ctx: BuildContext): Draft | undefined {
    const entries = ctx.citations.references();
    if (!entries.length) return undefined;
    return {
        key: 'references', title: ctx.l.chapters.references, numbering: 'plain',
        blocks: [{ type: 'references', entries }],
        children: []
    };
}
