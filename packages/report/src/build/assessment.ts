/**
 * Vurdering (report-exemplar §3.5): a table of the ratings, then one section per included
 * assessment — a lead sentence with the rating in words, the authored text, the basis by
 * finding number with each finding's confidence, and a caveat when every basis finding
 * has low confidence — and the preconditions: every assumption with its status and the
 * findings behind it.
 */
import type * as ast from '@sporbar/language';
import { para, text, type Block, type Cell, type Inline } from '../document.js';
import { capitalise, count } from '../labels.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { criterionName, fill, findingList, findingRef, joinList, replacedInBasis, slot } from './naming.js';

export function assessmentChapter(ctx: BuildContext): Draft {
    const l = ctx.l.assessment;
    const blocks: Block[] = [];
    const list = ctx.assessments;
    if (list.length) {
        const rows: Cell[][] = list.map(a => [
            [{ type: 'xref', anchor: ctx.assessmentAnchor(a)!, children: [text(criterionName(ctx, a))] }],
            [text(a.rating && !a.notAssessed ? capitalise(ctx.l.ratings[a.rating]) : ctx.l.notAssessed)],
            basis(a).length ? findingList(ctx, basis(a), true) : [text('–')]
        ]);
        const table = ctx.table(l.caption, [l.headers.criterion, l.headers.rating, l.headers.basis], rows);
        blocks.push(para(fill(l.lead(count(list.length, 'criterion', ctx.language), slot(0)), [ctx.captionRef(table, true)])), table);
    } else {
        blocks.push(para([text(l.noneIncluded)]));
    }
    return {
        key: 'assessment', title: ctx.l.chapters.assessment, blocks, pageBreak: 'if-long',
        children: [
            ...list.map(a => assessmentDraft(ctx, a)),
            { key: 'preconditions', title: l.preconditions, blocks: preconditionBlocks(ctx), children: [] }
        ]
    };
}

const basis = (a: ast.Assessment): ast.Finding[] => a.basedOn.map(r => r.ref).filter((f): f is ast.Finding => f !== undefined);

/** The section's heading: the assessment's title, which names the criterion already when they are the same. */
function assessmentDraft(ctx: BuildContext, a: ast.Assessment): Draft {
    const l = ctx.l.assessment;
    const blocks: Block[] = [];
    // V2 §1: "Ikke vurdert" exactly so, then the reason.
    if (a.notAssessed !== undefined) blocks.push(para([{ type: 'strong', children: [text(`${ctx.l.notAssessed}.`)] }, text(` ${a.notAssessed.trim()}${/[.!?]$/.test(a.notAssessed.trim()) ? '' : '.'}`)]));
    else if (a.rating) blocks.push(para([text(l.rating(a.criterion?.dac, a.criterion?.custom?.ref?.title ?? a.title, a.rating))]));
    blocks.push(...ctx.slot(a.text, 2));
    const findings = basis(a);
    if (findings.length) {
        const items: Inline[][] = [];
        const seen = new Set<ast.Finding>();
        const shown = findings.map(f => ctx.shownFor(f)).filter((f): f is ast.Finding => f !== undefined && !seen.has(f) && (seen.add(f), true));
        shown.sort((x, y) => (ctx.findingPosition(x) ?? 0) - (ctx.findingPosition(y) ?? 0));
        shown.forEach((f, i) => {
            const ref = i === 0 ? findingRef(ctx, f) : [{ type: 'xref' as const, anchor: ctx.findingAnchor(f)!, children: [ctx.findingNumber(f)] }];
            items.push(f.confidence ? [...ref, text(` (${ctx.l.confidenceWords[f.confidence]} ${ctx.language === 'en' ? 'confidence' : 'tillit'})`)] : ref);
        });
        const out: Inline[] = fill(l.basis(slot(0)), joinList(ctx, items));
        for (const [old, neu] of replacedInBasis(ctx, findings)) {
            out.push(text(' '), ...fill(ctx.l.development.revised(slot(0), old.title ?? '', undefined), findingRef(ctx, neu, { capital: true })));
        }
        if (shown.length && shown.every(f => f.confidence === 'low' || f.confidence === 'very-low')) out.push(text(` ${l.weakBasis}`));
        blocks.push(para(out));
    }
    if (a.criterion?.custom?.ref) blocks.push(para(fill(l.customNote(slot(0)), [ctx.sectionRef('kap_criteria')])));
    return { key: `assessment-${ctx.assessments.indexOf(a) + 1}`, anchor: ctx.assessmentAnchor(a), title: a.title ?? criterionName(ctx, a), blocks, children: [] };
}

export function preconditionBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l.assessment;
    const assumptions = ctx.index.elementsOf<ast.Assumption>('Assumption').filter(a => a.name);
    if (!assumptions.length) return [para([text(l.noAssumptions)])];
    const states = assumptions.map(a => ctx.assumptionState(a));
    const n = (s: string) => states.filter(x => x === s).length;
    const items: Block[][] = assumptions.map((a, i) => {
        const supporting = ctx.inclusion.findings.filter(f => f.supports.some(r => r.ref === a));
        const challenging = ctx.inclusion.findings.filter(f => f.challenges.some(r => r.ref === a));
        return [para(fill(l.assumption(a.title ?? '', states[i], supporting.length ? slot(0) : '', challenging.length ? slot(1) : ''), findingList(ctx, supporting), findingList(ctx, challenging)))];
    });
    return [
        para([text(l.preconditionsLead(count(assumptions.length, 'assumption', ctx.language), n('supported'), n('challenged'), n('untested')))]),
        { type: 'list', ordered: false, items }
    ];
}
