/** Referanser: the cited works, APA 7th edition. */
import { anchorName } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';

export function referencesChapter(ctx: BuildContext): Draft | undefined {
    const entries = ctx.citations.references();
    if (!entries.length) return undefined;
    return {
        key: 'references', title: ctx.l.references, numbering: 'plain',
        blocks: [{ type: 'references', entries: entries.map(e => ({ anchor: anchorName('ref', e.key), children: e.children })) }],
        children: []
    };
}
