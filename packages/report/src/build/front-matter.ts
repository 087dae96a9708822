/**
 * The front matter (V2.md §7 "Front matter"): for an assessment basis and a final report, a
 * front page (title, subtitle, institution, report number, ISBN/ISSN, date, authors,
 * project leader, client, contract), a report information page (keywords, quality
 * assurance), the English summary marked en-GB, and the Forord; for an interim note, a
 * memo head (to, from, date, data cut-off).
 */
import type * as ast from '@sporbar/language';
import { dateOf } from '@sporbar/language';
import type { Fact, FrontMatter } from '../document.js';
import { capitalise, formatDate, formatMonth } from '../labels.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { reportFront } from './v2-fields.js';

/**
 * The kind and the title without a stutter: "Sluttrapport: Følgeforskning av …" shows the
 * kind once and the rest as the title; a title that names the kind anyway ("Underveisnotat
 * våren 2021") has no separate kind line.
 */
export function kindAndTitle(kindTitle: string, title: string): { kindTitle?: string; title: string } {
    const t = title.trim();
    const k = kindTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const prefixed = new RegExp(`^${k}\\s*[:–—-]\\s*(.+)$`, 'iu').exec(t);
    if (prefixed) return { kindTitle, title: prefixed[1] };
    if (new RegExp(`(^|[^\\p{L}])${k}([^\\p{L}]|$)`, 'iu').test(t)) return { title: t };
    return { kindTitle, title: t };
}

export function frontMatter(ctx: BuildContext, sections: FrontMatter['sections']): FrontMatter {
    const r = ctx.report, l = ctx.l, f = l.front;
    const v2 = reportFront(r);
    const { kindTitle, title } = kindAndTitle(l.kindTitle[ctx.kind], r.title ?? r.name);
    const client = ctx.programme?.client?.ref;
    const clientName = client ? client.title ?? '' : undefined;
    const contract = ctx.programme?.contract;
    const programmeTitle = ctx.programme?.title;
    const subtitle = programmeTitle && !title.toLowerCase().includes(programmeTitle.toLowerCase()) ? programmeTitle : undefined;
    const authors = r.authors.join(', ');
    const date = r.date !== undefined ? formatDate(r.date, ctx.language) : undefined;
    const facts: Fact[] = [];
    const add = (list: Fact[], label: string, value: string | undefined) => { if (value) list.push({ label, value }); };

    if (ctx.kind === 'interim') {
        add(facts, f.to, r.audience.map(a => a.ref?.title).filter((t): t is string => Boolean(t)).join('; '));
        add(facts, f.from, [v2.institution, v2.projectLeader ?? authors].filter(Boolean).join(', '));
        add(facts, f.date, date);
        add(facts, f.cutoff, formatDate(r.cutoff ?? r.date, ctx.language) || undefined);
        add(facts, f.reportNumber, r.number);
        add(facts, f.client, clientName && contract ? `${clientName} (${contract})` : clientName);
        return { layout: 'memo', ...(kindTitle ? { kindTitle } : {}), title, ...(subtitle ? { subtitle } : {}), facts, information: [], sections };
    }

    add(facts, '', v2.institution);
    add(facts, '', r.number);
    add(facts, '', r.date !== undefined ? capitalise(formatMonth(r.date, ctx.language)) : undefined);
    add(facts, '', authors);
    add(facts, f.projectLeader, v2.projectLeader);
    add(facts, '', clientName ? f.commissionedBy(clientName) : undefined);
    add(facts, '', contract);
    add(facts, f.isbn, v2.isbn);
    add(facts, f.issn, v2.issn);

    const information: Fact[] = [];
    add(information, f.title, [kindTitle, title].filter(Boolean).join(': '));
    add(information, f.authors, authors);
    add(information, f.institution, v2.institution);
    add(information, f.reportNumber, r.number);
    add(information, f.isbn, v2.isbn);
    add(information, f.issn, v2.issn);
    add(information, f.date, date);
    add(information, f.projectLeader, v2.projectLeader);
    add(information, f.client, clientName);
    add(information, f.clientReference, contract);
    add(information, f.qualityAssurance, v2.qualityAssurance);
    add(information, f.keywords, v2.keywords.join(', '));
    return {
        layout: 'cover', ...(kindTitle ? { kindTitle } : {}), title, ...(subtitle ? { subtitle } : {}),
        facts, information, informationNote: f.citeFreely, sections
    };
}

/** The sections before the contents: the English summary (Norwegian reports) and the Forord. */
export function frontSections(ctx: BuildContext): Draft[] {
    if (ctx.kind === 'interim') return [];
    const v2 = reportFront(ctx.report);
    const drafts: Draft[] = [];
    if (v2.summaryEn && ctx.language !== 'en') {
        // English text: its references in English ("finding 4.1").
        const blocks = ctx.inLanguage('en').slot(v2.summaryEn, 1);
        // On the report information page, after the facts (V2.md §7 "Front matter").
        if (blocks.length) drafts.push({ key: 'summary-en', title: ctx.l.summaryEnglish, blocks, children: [], numbering: 'plain', languageTag: 'en-GB' });
    }
    if (v2.preface) {
        const blocks = ctx.slot(v2.preface, 1);
        if (blocks.length) drafts.push({ key: 'preface', title: ctx.l.preface, blocks, children: [], numbering: 'plain', pageBreak: 'always' });
    }
    return drafts;
}

/** The report's date as YYYY-MM-DD (timestamps in the output). */
export function reportDay(report: ast.Report): string {
    return dateOf(report)?.first ?? '1980-01-01';
}
