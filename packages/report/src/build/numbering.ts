/**
 * Numbers the drafts: chapters 1, 2, …; sections 1.1, 1.2; appendices "Vedlegg A"; plain
 * sections (summary, references) and their children without a number.
 */
import type { Section } from '../document.js';
import { anchorName } from '../report-model.js';
import type { Draft } from './draft.js';

export function numberSections(drafts: readonly Draft[], appendixWord: string): Section[] {
    let chapter = 0, appendix = 0;
    const convert = (d: Draft, level: 1 | 2 | 3, number: string | undefined): Section => {
        let sub = 0;
        const children = d.children.map(c => {
            sub++;
            return convert(c, Math.min(3, level + 1) as 1 | 2 | 3, number && d.numbering !== 'plain' ? `${number}.${sub}` : undefined);
        });
        return {
            anchor: d.anchor ?? anchorName('kap', d.key),
            ...(number ? { number } : {}),
            title: d.title, level, blocks: d.blocks, sections: children
        };
    };
    return drafts.map(d => {
        if (d.numbering === 'plain') return convert(d, 1, undefined);
        if (d.numbering === 'appendix') {
            const letter = String.fromCharCode(65 + appendix++);
            return convert(d, 1, `${appendixWord} ${letter}`);
        }
        return convert(d, 1, String(++chapter));
    });
}
