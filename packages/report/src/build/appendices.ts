/**
 * The appendices: the traceability matrix (assessment and final: coverage figures, then
 * one row per finding with its questions, confidence, sources, triangulation and where it
 * is used) and the source overview (every source the report cites, privacy-filtered,
 * literature aside: it is in Referanser).
 */
import type * as ast from '@sporbar/language';
import { para, text, type Cell, type Inline } from '../document.js';
import { capitalise, count, formatDateShort, formatNumber, formatPercent, listText } from '../labels.js';
import { naturalCompare } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { accessRank } from './inlines.js';
import { listedSources, SOURCE_KIND_ORDER } from './method.js';
import { findingRef, joinList, lessonRef, recommendationRef, sectionRefTo } from './naming.js';

export function matrixAppendix(ctx: BuildContext): Draft {
    const l = ctx.l.matrix;
    const matrix = ctx.matrix();
    const shown = ctx.shownFindings;
    const figure = (name: string, n: number, m: number): Cell[] =>
        [[text(name)], [text(l.of(String(n), String(m)))], [text(m ? formatPercent(n, m, ctx.language) : '–')]];
    const c = matrix.coverage;
    const coverage = ctx.table(l.coverageCaption, [l.coverageHeaders.measure, l.coverageHeaders.count, l.coverageHeaders.share], [
        figure(l.questionsAnswered, c.questionsAnswered.numerator, c.questionsAnswered.denominator),
        figure(l.findingsTriangulated, shown.filter(f => ctx.matrixRow(f)?.triangulated).length, shown.length),
        figure(l.outcomesWithEvidence, c.outcomesWithEvidence.numerator, c.outcomesWithEvidence.denominator)
    ], { numeric: [false, true, true] });
    const rows: Cell[][] = shown.map(f => {
        const row = ctx.matrixRow(f);
        const questions = f.answers.map(a => a.ref).filter((q): q is ast.Question => q !== undefined).map(q => ctx.questionLabel(q));
        const kinds = row ? Object.entries(row.evidence).map(([k, n]) => count(n ?? 0, k as ast.SourceKind, ctx.language).replace(/^\S+/, String(n))) : [];
        const users: Inline[][] = [];
        for (const c of ctx.index.citationsOf(f)) {
            if (c.property !== 'basedOn') continue;
            const user = c.container;
            const first = users.length === 0;
            if (user.$type === 'Assessment') {
                const anchor = ctx.assessmentAnchor(user as ast.Assessment);
                if (anchor) users.push([sectionRefTo(ctx, anchor, first)]);
            } else if (user.$type === 'Recommendation' && ctx.recommendationNumber(user as ast.Recommendation)) {
                users.push(recommendationRef(ctx, user as ast.Recommendation, first));
            } else if (user.$type === 'Lesson' && ctx.lessonNumber(user as ast.Lesson)) {
                users.push(lessonRef(ctx, user as ast.Lesson, first));
            }
        }
        return [
            [...findingRef(ctx, f, { capital: true }), text(` ${f.title ?? ''}`)],
            [text(questions.join(', ') || '–')],
            [text(f.confidence ? capitalise(ctx.l.confidenceWords[f.confidence]) : '–')],
            [text(listText(kinds, ctx.language) || '–')],
            [text(row?.triangulated ? l.yes : l.no)],
            users.length ? joinList(ctx, users) : [text('–')]
        ];
    });
    const h = l.headers;
    return {
        key: 'matrix', title: ctx.l.chapters.matrix, numbering: 'appendix', pageBreak: 'if-long',
        blocks: [para([text(l.lead)]), coverage, ctx.table(l.caption, [h.finding, h.question, h.confidence, h.sources, h.triangulated, h.usedBy], rows)],
        children: []
    };
}

export function sourceOverview(ctx: BuildContext): Draft {
    const l = ctx.l.sources;
    const list = listedSources(ctx).map(s => ctx.sources.get(s)!).sort((a, b) =>
        SOURCE_KIND_ORDER.indexOf(a.source.kind) - SOURCE_KIND_ORDER.indexOf(b.source.kind)
        || accessRank(a.access) - accessRank(b.access)
        || (a.number ?? 0) - (b.number ?? 0)
        || naturalCompare(a.label, b.label));
    const rows: Cell[][] = list.map(p => {
        const description: Inline[] = [];
        const facts: string[] = [];
        if (p.access === 'public') {
            if (p.personName) facts.push(`${p.personName}${p.role ? `, ${p.role}` : ''}`);
            else if (p.role) facts.push(l.role(p.role));
        } else if (p.access === 'internal') {
            if (p.role) facts.push(l.role(p.role));
            if (p.actorType) facts.push(l.actorType(ctx.l.actorTypes[p.actorType]));
        }
        if (p.access !== 'confidential' && p.respondents) {
            facts.push(p.source.population
                ? l.responseRate(formatNumber(p.respondents, ctx.language), formatNumber(p.source.population, ctx.language), formatPercent(p.respondents, p.source.population, ctx.language))
                : l.respondents(formatNumber(p.respondents, ctx.language)));
        }
        description.push(text(facts.join('. ')));
        if (p.access === 'public' && p.url && /^https?:/.test(p.url)) {
            if (facts.length) description.push(text('. '));
            // The link text names where it leads (WCAG 2.4.4): the site, as the title is in the first column.
            description.push({ type: 'link', href: p.url, children: [text(siteOf(p.url))] });
        }
        if (!description.some(d => d.type !== 'text' || d.text)) description.splice(0, description.length, text('–'));
        return [
            [{ type: 'target', anchor: p.anchor, children: [text(p.label)] }],
            [text(ctx.l.sourceKind[p.source.kind])],
            description,
            [text(p.access === 'confidential' ? '–' : formatDateShort(p.date, ctx.language) || '–')],
            [text(capitalise(ctx.l.accessWords[p.access]))]
        ];
    });
    const h = l.headers;
    return {
        key: 'source-overview', title: ctx.l.chapters.sourceOverview, numbering: 'appendix', pageBreak: 'if-long',
        blocks: [para([text(l.lead)]), ctx.table(l.caption, [h.source, h.kind, h.description, h.date, h.access], rows)],
        children: []
    };
}

/** "https://www.ks.no/fou/204019" → "ks.no". */
export function siteOf(url: string): string {
    try {
        return new URL(url).host.replace(/^www\./, '');
    } catch {
        return url;
    }
}
