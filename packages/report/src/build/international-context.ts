/** Programmet i norsk og internasjonal sammenheng (final report): the initiatives and what the findings say about them. */
import type * as ast from '@sporbar/language';
import { para, text, type Block, type Inline } from '../document.js';
import { countDefinite } from '../labels.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { fill, findingList, slot } from './naming.js';

/** A country written as an ISO code ("SE", "EU") in the report's language; anything else as written. */
export function countryName(ctx: BuildContext, country: string | undefined): string {
    if (!country) return '–';
    if (!/^[A-Z]{2}$/.test(country.trim())) return country;
    try {
        const names = new Intl.DisplayNames([ctx.language === 'en' ? 'en-GB' : ctx.language === 'nn' ? 'nn' : 'nb'], { type: 'region' });
        return names.of(country.trim()) ?? country;
    } catch {
        return country;
    }
}

export function contextChapter(ctx: BuildContext, authored: Block[]): Draft {
    const l = ctx.l.context;
    const blocks: Block[] = [...authored];
    const initiatives = ctx.index.elementsOf<ast.Initiative>('Initiative').filter(i => i.name);
    if (initiatives.length) {
        const table = ctx.table(l.caption, [l.headers.initiative, l.headers.country, l.headers.findings], initiatives.map(i => {
            const about = ctx.inclusion.findings.filter(f => f.about.some(r => r.ref === i));
            const title: Inline = i.url && /^https?:/.test(i.url) ? { type: 'link', href: i.url, children: [text(i.title ?? '')] } : text(i.title ?? '');
            return [[title], [text(countryName(ctx, i.country))], about.length ? findingList(ctx, about, true) : [text('–')]];
        }));
        blocks.push(para(fill(l.lead(countDefinite(initiatives.length, 'initiative', ctx.language), slot(0)), [ctx.captionRef(table, true)])), table);
    }
    return { key: 'context', title: ctx.l.chapters.context, blocks, children: [], pageBreak: 'if-long' };
}
