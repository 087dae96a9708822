/**
 * Numbers the drafts: chapters 1, 2, …; sections 1.1, 1.2; appendices "Vedlegg A"; plain
 * parts (front matter, summary, references) and unnumbered drafts (a finding's own
 * heading) without a number. Then tables and figures per chapter ("Tabell 2.1",
 * "Figur 3.1", "Tabell A.1"), in document order. Every number is recorded in the
 * context, so late-bound references can be resolved.
 */
import type { Block, Figure, Section, Table } from '../document.js';
import { anchorName } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';

export function numberSections(ctx: BuildContext, drafts: readonly Draft[]): Section[] {
    let chapter = 0, appendix = 0;
    const convert = (d: Draft, level: 1 | 2 | 3, number: string | undefined, numbering: Section['numbering']): Section => {
        const anchor = d.anchor ?? anchorName('kap', d.key);
        if (number) ctx.numbers.byAnchor.set(anchor, number.replace(/^\D+ /, ''));
        let sub = 0;
        const children = d.children.map(c => {
            const own = number !== undefined && !c.unnumbered ? `${number.replace(/^\D+ /, '')}.${++sub}` : undefined;
            return convert(c, Math.min(3, level + 1) as 1 | 2 | 3, own, own ? numbering : undefined);
        });
        const section: Section = {
            anchor,
            ...(number ? { number, numbering } : {}),
            title: d.title, level, blocks: d.blocks, sections: children,
            ...(d.pageBreak ? { pageBreak: d.pageBreak } : {}),
            ...(d.languageTag ? { languageTag: d.languageTag } : {})
        };
        if (d.titleLate) {
            const late = d.titleLate;
            ctx.afterNumbering(() => { (section as { title: string }).title = late(); });
        }
        return section;
    };
    return drafts.map(d => {
        if (d.numbering === 'plain') return convert(d, 1, undefined, undefined);
        if (d.numbering === 'appendix') {
            const letter = String.fromCharCode(65 + appendix++);
            ctx.numbers.byKey.set(d.key, letter);
            return convert(d, 1, `${ctx.l.appendix} ${letter}`, 'appendix');
        }
        const n = String(++chapter);
        ctx.numbers.byKey.set(d.key, n);
        return convert(d, 1, n, 'chapter');
    });
}

/** Numbers tables and figures per chapter or appendix, in document order. */
export function numberCaptions(ctx: BuildContext, sections: readonly Section[]): void {
    let unnumbered = 0;
    for (const top of sections) {
        const prefix = top.number?.replace(/^\D+ /, '');
        let tables = 0, figures = 0;
        const visitBlocks = (blocks: readonly Block[]) => {
            for (const b of blocks) {
                if (b.type === 'table') setNumber(ctx, b, prefix ? `${prefix}.${++tables}` : String(++unnumbered));
                else if (b.type === 'figure') setNumber(ctx, b, prefix ? `${prefix}.${++figures}` : String(++unnumbered));
                else if (b.type === 'list') for (const item of b.items) visitBlocks(item);
                else if (b.type === 'quote') visitBlocks(b.children);
            }
        };
        const visit = (s: Section) => {
            visitBlocks(s.blocks);
            for (const c of s.sections) visit(c);
        };
        visit(top);
    }
}

function setNumber(ctx: BuildContext, block: Table | Figure, number: string): void {
    (block as { number: string }).number = number;
    ctx.numbers.byAnchor.set(block.anchor, number);
}
