/** The appendices: the traceability matrix (assessment and final) and the source overview. */
import { reportIncludes, traceabilityMatrix, type CoverageFigure } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { para, text, type Cell, type Inline } from '../document.js';
import { formatDate, formatPercent } from '../labels.js';
import { elementAnchor, naturalCompare } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { accessRank, joinInlines } from './inlines.js';
import { SOURCE_KIND_ORDER } from './method.js';

export function matrixAppendix(ctx: BuildContext): Draft {
    const l = ctx.l;
    const shown = new Set(ctx.inclusion.findings);
    const matrix = traceabilityMatrix(ctx.index, { includeFinding: f => shown.has(f) && reportIncludes(ctx.report, f) });
    const figure = (name: string, c: CoverageFigure): Cell[] => [[text(name)], [text(c.share === null ? '–' : formatPercent(c.numerator, c.denominator, ctx.language))], [text(`${c.numerator} / ${c.denominator}`)]];
    const coverage = ctx.table(l.coverage, [l.coverage, l.share, l.count], [
        figure(l.questionsAnswered, matrix.coverage.questionsAnswered),
        figure(l.findingsTriangulated, matrix.coverage.findingsTriangulated),
        figure(l.outcomesWithEvidence, matrix.coverage.outcomesWithEvidence),
        figure(l.recommendationsWithBasis, matrix.coverage.recommendationsWithBasis)
    ], [60, 20, 20]);
    const byId = new Map(ctx.inclusion.findings.map(f => [f.name, f]));
    const present = (ids: readonly string[], kind: 'Assessment' | 'Recommendation' | 'Lesson'): Inline[][] => ids.map((id): Inline[] => {
        const el = ctx.index.declarationsOf(id).find(d => d.$type === kind) as ast.Assessment | ast.Recommendation | ast.Lesson | undefined;
        return el && ctx.anchors.has(elementAnchor(el)) ? [{ type: 'xref', anchor: elementAnchor(el), children: [text(id)] }] : [];
    }).filter(x => x.length > 0);
    const rows = matrix.rows.map(row => {
        const f = byId.get(row.id)!;
        const kinds = Object.entries(row.evidence).map(([k, n]) => `${l.sourceKind[k as ast.SourceKind]}: ${n}`).join(', ');
        const usedBy = [...present(row.usedBy.assessments, 'Assessment'), ...present(row.usedBy.recommendations, 'Recommendation'), ...present(row.usedBy.lessons, 'Lesson')];
        return [
            [text(row.questions.join(', ') || '–')],
            ctx.findingRef(f, true),
            [text(row.confidence ? l.confidenceWords[row.confidence] : '–')],
            [text(kinds || '–')],
            usedBy.length ? joinInlines(usedBy) : [text('–')]
        ];
    });
    const intro = {
        nb: 'Matrisen viser for hvert funn i rapporten hvilke problemstillinger det svarer på, hvilke typer kilder det bygger på, og hvor det er brukt.',
        nn: 'Matrisa viser for kvart funn i rapporten kva problemstillingar det svarar på, kva typar kjelder det byggjer på, og kvar det er brukt.',
        en: 'For each finding in the report, the matrix shows the questions it answers, the kinds of source it rests on and where it is used.'
    }[ctx.language];
    return {
        key: 'matrix', title: l.matrix, numbering: 'appendix',
        blocks: [para([text(intro)]), coverage, ctx.table(l.matrix, [l.question, l.finding, l.confidence, `${l.sources} (${l.kind.toLowerCase()})`, l.usedBy], rows, [15, 34, 12, 22, 17])],
        children: []
    };
}

export function sourceOverview(ctx: BuildContext): Draft {
    const l = ctx.l;
    for (const s of ctx.evidenceSources()) ctx.usedSources.add(s);
    const list = [...ctx.usedSources].map(s => ctx.sources.get(s)!).sort((a, b) =>
        SOURCE_KIND_ORDER.indexOf(a.source.kind) - SOURCE_KIND_ORDER.indexOf(b.source.kind)
        || accessRank(a.access) - accessRank(b.access)
        || naturalCompare(a.label, b.label));
    const rows: Cell[][] = list.map(p => {
        const description: Inline[] = [];
        if (p.access === 'public') {
            description.push(text(p.title ?? ''));
            if (p.personName) description.push(text(`. ${p.personName}${p.role ? `, ${p.role}` : ''}`));
            else if (p.role && p.source.kind !== 'literature') description.push(text(`. ${l.role}: ${p.role}`));
            if (p.respondents) description.push(text(`. ${l.respondents}: ${p.respondents}`));
            if (p.url && /^https?:/.test(p.url)) description.push(text('. '), { type: 'link', href: p.url, children: [text(p.url)] });
        } else if (p.access === 'internal') {
            const parts: string[] = [];
            if (p.role) parts.push(`${l.role}: ${p.role}`);
            if (p.actorType) parts.push(`${l.actorType}: ${l.actorTypes[p.actorType]}`);
            if (p.respondents) parts.push(`${l.respondents}: ${p.respondents}`);
            description.push(text(parts.join('. ') || '–'));
        } else {
            description.push(text('–'));
        }
        return [
            [{ type: 'target', anchor: p.anchor, children: [text(p.label)] }],
            [text(l.sourceKind[p.source.kind])],
            description,
            [text(p.access === 'confidential' ? '–' : formatDate(p.date, ctx.language) || '–')],
            [text(l.accessWords[p.access])]
        ];
    });
    const intro = {
        nb: 'Oversikten viser alle kilder rapporten viser til. Konfidensielle kilder vises bare med betegnelse; interne kilder med rolle og aktørtype.',
        nn: 'Oversikta viser alle kjeldene rapporten viser til. Konfidensielle kjelder blir berre viste med nemning; interne kjelder med rolle og aktørtype.',
        en: 'The overview lists every source the report refers to. Confidential sources appear by label only; internal sources with role and actor type.'
    }[ctx.language];
    return {
        key: 'source-overview', title: l.sourceOverview, numbering: 'appendix',
        blocks: [para([text(intro)]), ctx.table(l.sourceOverview, [l.source, l.kind, l.title, l.date, l.access], rows, [16, 14, 44, 14, 12])],
        children: []
    };
}
