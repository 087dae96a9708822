/**
 * Vurdering (report-exemplar §3.5): a table of the ratings, then one section per included
 * assessment — a lead sentence with the rating in words, the authored text, the basis by
 * finding number with each finding's confidence, and a caveat when every basis finding
 * has low confidence — and the preconditions: every assumption with its status and the
 * findings behind it.
 */
import type * as ast from '@sporbar/language';
import { para, text, type Block, type Cell, type Inline } from '../document.js';
import { dateOf } from '@sporbar/language';
import { capitalise, count, formatDate, formatMonth } from '../labels.js';
import { hasId, inclusionOf, kindOf } from '../report-model.js';
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
            // V2 §1: a criterion out of scope gives its reason where the others give their basis.
            a.notAssessed !== undefined ? [text(reasonText(a.notAssessed))] : basis(a).length ? findingList(ctx, basis(a), true) : [text('–')]
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

/** The latest report before this one that showed `old` among its assessments in force. */
export function earlierReportWithAssessment(ctx: BuildContext, old: ast.Assessment): ast.Report | undefined {
    const day = dateOf(ctx.report)?.first ?? '';
    return ctx.index.elementsOf<ast.Report>('Report')
        .filter(r => hasId(r) && r !== ctx.report && r.kind !== 'interim' && (dateOf(r)?.first ?? '') < day)
        .sort((a, b) => (dateOf(b)?.first ?? '').localeCompare(dateOf(a)?.first ?? ''))
        .find(r => inclusionOf(ctx.workspace, r).assessments.includes(old));
}

/** The reason of a `not-assessed`, ending with a full stop. */
function reasonText(reason: string): string {
    const r = reason.trim();
    return /[.!?]$/.test(r) ? r : `${r}.`;
}

/** An assessment's rating in words, lower case: "moderat", or "ikke vurdert". */
export function ratingWord(ctx: BuildContext, a: ast.Assessment): string | undefined {
    if (a.notAssessed !== undefined) return ctx.l.notAssessed.toLowerCase();
    return a.rating ? ctx.l.ratings[a.rating] : undefined;
}

const basis = (a: ast.Assessment): ast.Finding[] => a.basedOn.map(r => r.ref).filter((f): f is ast.Finding => f !== undefined);

/** The section's heading: the assessment's title, which names the criterion already when they are the same. */
function assessmentDraft(ctx: BuildContext, a: ast.Assessment): Draft {
    const l = ctx.l.assessment;
    const blocks: Block[] = [];
    // V2 §1: "Ikke vurdert" exactly so, then the reason.
    if (a.notAssessed !== undefined) blocks.push(para([{ type: 'strong', children: [text(`${ctx.l.notAssessed}.`)] }, text(` ${reasonText(a.notAssessed)}`)]));
    else if (a.rating) blocks.push(para([text(l.rating(a.criterion?.dac, a.criterion?.custom?.ref?.title ?? a.title, a.rating))]));
    // V2 §1 "Replacement": the assessment says which earlier one it replaces, with that one's date and rating.
    const older = a.replaces?.ref;
    if (older) {
        // Where the reader saw it: the latest earlier report that showed it ("i vurderingsgrunnlaget fra februar 2022"), else its date.
        const earlier = earlierReportWithAssessment(ctx, older);
        const where = earlier ? ctx.l.reportOf(ctx.l.kindDefinite[kindOf(earlier)], formatMonth(earlier.date, ctx.language)) : undefined;
        blocks.push(para([text(l.replaces(older.title ?? criterionName(ctx, older), older.date !== undefined ? formatDate(older.date, ctx.language) : undefined, ratingWord(ctx, older), where))]));
    }
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
