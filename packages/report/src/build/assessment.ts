/** Vurdering: an overview table, one section per assessment, and the preconditions (assumptions). */
import type * as ast from '@sporbar/language';
import { para, text, type Block, type Inline } from '../document.js';
import { elementAnchor } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { capitalise, joinInlines } from './inlines.js';

export function assessmentChapter(ctx: BuildContext): Draft {
    return {
        key: 'assessment', title: ctx.l.assessment, blocks: assessmentOverview(ctx),
        children: [
            ...assessmentDrafts(ctx),
            { key: 'preconditions', title: ctx.l.preconditions, blocks: preconditionBlocks(ctx), children: [] }
        ]
    };
}

function basisRefs(ctx: BuildContext, a: ast.Assessment): Inline[] {
    return joinInlines(a.basedOn.map(f => f.ref ? ctx.findingRef(f.ref) : [text(f.$refText)]));
}

export function assessmentOverview(ctx: BuildContext): Block[] {
    const l = ctx.l;
    const list = ctx.sortedAssessments();
    if (!list.length) return [para([text(l.none)])];
    return [ctx.table(l.assessment, [l.criterion, l.rating, l.basis],
        list.map(a => [
            [{ type: 'xref', anchor: elementAnchor(a), children: [text(a.title)] }],
            [text(a.rating ? l.ratings[a.rating] : '–')],
            basisRefs(ctx, a)
        ]), [40, 20, 40])];
}

export function assessmentDrafts(ctx: BuildContext): Draft[] {
    const l = ctx.l;
    return ctx.sortedAssessments().map(a => ({
        key: `assessment-${a.name}`, anchor: elementAnchor(a), title: a.title ?? a.name,
        blocks: [
            para([
                { type: 'strong', children: [text(`${l.criterion}: `)] }, text(ctx.criterionTitle(a)), text(' · '),
                { type: 'strong', children: [text(`${l.rating}: `)] }, text(a.rating ? l.ratings[a.rating] : '–'), text(' · '),
                { type: 'strong', children: [text(`${l.basis}: `)] }, ...basisRefs(ctx, a)
            ], 'meta'),
            ...ctx.slot(a.text, 2)
        ],
        children: []
    }));
}

export function preconditionBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l;
    const assumptions = ctx.index.elementsOf<ast.Assumption>('Assumption').filter(a => a.name);
    if (!assumptions.length) return [para([text(l.none)])];
    const rows = assumptions.map(a => {
        const supporting = ctx.inclusion.findings.filter(f => f.supports.some(r => r.ref === a));
        const challenging = ctx.inclusion.findings.filter(f => f.challenges.some(r => r.ref === a));
        const says: Inline[] = [];
        if (supporting.length) says.push(text(`${capitalise(l.supportedBy)} `), ...joinInlines(supporting.map(f => ctx.findingRef(f))), text('. '));
        if (challenging.length) says.push(text(`${capitalise(l.challengedBy)} `), ...joinInlines(challenging.map(f => ctx.findingRef(f))), text('.'));
        if (!says.length) says.push(text('–'));
        return [[text(a.title)], [text(l.assumptionStatuses[ctx.assumptionState(a)])], says];
    });
    const intro = {
        nb: 'Tabellen viser forutsetningene i programteorien og hva funnene sier om dem.',
        nn: 'Tabellen viser føresetnadene i programteorien og kva funna seier om dei.',
        en: 'The table shows the assumptions of the programme theory and what the findings say about them.'
    }[ctx.language];
    return [para([text(intro)]), ctx.table(l.preconditions, [l.assumptions, l.status, l.findings], rows, [46, 16, 38])];
}
