/**
 * Funn (report-exemplar §3.3): one section per question; each finding under a heading
 * "Funn 4.1 Title (moderat tillit)", its text, its quotes attributed to labels, and a
 * paragraph that says what it rests on, how much we trust it and why, whether it is
 * triangulated, which other questions it answers and which earlier finding it replaces.
 * The interim note lists the findings new or revised since the previous report.
 */
import { dateOf, eventCount, evidenceSources, reportIncludes, sourcesOfEvidence, triangulationOf } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { para, text, type Block, type Inline } from '../document.js';
import { count, formatDate, formatMonth, listText } from '../labels.js';
import { hasId, previousReport, kindOf } from '../report-model.js';
import type { BuildContext } from './context.js';
import { dataUnderFinding } from './data.js';
import type { Draft } from './draft.js';
import { SOURCE_KIND_ORDER } from './method.js';
import { fill, findingList, joinList, questionRef, slot, sourceRef } from './naming.js';

export function findingsChapter(ctx: BuildContext): Draft {
    const l = ctx.l.findings;
    const children: Draft[] = [];
    ctx.questionList.forEach(q => {
        const here = ctx.shownFindings.filter(f => ctx.placement.get(f) === q);
        const elsewhere = ctx.shownFindings.filter(f => ctx.placement.get(f) !== q && f.answers.some(a => a.ref === q));
        const blocks: Block[] = [para([{ type: 'emphasis', children: [text(q.title ?? '')] }])];
        if (!here.length && !elsewhere.length) blocks.push(para([text(l.noFindings)]));
        if (elsewhere.length) {
            const sections = [...new Set(elsewhere.map(f => ctx.placement.get(f)).filter((x): x is ast.Question => x !== undefined))]
                .map(p => ctx.questionAnchor(p)).filter((a): a is string => a !== undefined).map(a => [ctx.sectionRef(a)]);
            blocks.push(para(fill(l.alsoHere(slot(0), slot(1)), findingList(ctx, elsewhere, true), joinList(ctx, sections))));
        }
        children.push({
            key: `question-${ctx.questionList.indexOf(q) + 1}`, anchor: ctx.questionAnchor(q), title: l.questionHeading(ctx.questionLabel(q)),
            blocks, children: here.map(f => findingDraft(ctx, f))
        });
    });
    const unplaced = ctx.shownFindings.filter(f => !ctx.placement.has(f));
    if (unplaced.length) children.push({ key: 'other-findings', title: l.otherFindings, blocks: [], children: unplaced.map(f => findingDraft(ctx, f)) });
    return {
        key: 'findings', title: ctx.l.chapters.findings, pageBreak: 'if-long',
        blocks: [para([text(l.lead(count(ctx.shownFindings.length, 'finding', ctx.language)))])], children
    };
}

/** Nye og reviderte funn (interim note): the findings dated after the previous report's cutoff. */
export function newFindingsChapter(ctx: BuildContext): Draft {
    const l = ctx.l.findings;
    const previous = previousReport(ctx.workspace, ctx.report);
    const revised = ctx.shownFindings.filter(f => f.replaces?.ref || f.status === 'revised').length;
    const lead = previous
        ? l.interimLead(`${ctx.l.kindDefinite[kindOf(previous)]}${previous.number ? ` (${previous.number})` : ''}`,
            formatDate(previous.cutoff ?? previous.date, ctx.language), l.newAndRevised(ctx.shownFindings.length - revised, revised))
        : l.interimLeadFirst(count(ctx.shownFindings.length, 'finding', ctx.language));
    return {
        key: 'new-findings', title: ctx.l.chapters.newFindings,
        blocks: [para([text(lead)])], children: ctx.shownFindings.map(f => findingDraft(ctx, f))
    };
}

const TIME_STAMP = /^\s*\d{1,2}:\d{2}(:\d{2})?\s*$/;

export function findingDraft(ctx: BuildContext, f: ast.Finding): Draft {
    const l = ctx.l.findings;
    const blocks: Block[] = [...ctx.slot(f.text, 3)];
    const [open, close] = ctx.l.quoteMarks;
    for (const e of f.evidence) {
        // A table or chart stands for its sources (V2 §8) until reports print tables.
        const s = sourcesOfEvidence(e)[0];
        if (!s || !e.quote) continue;
        blocks.push({ type: 'quote', children: [para([text(`${open}${e.quote}${close} (`), ...sourceRef(ctx, s), text(')')])] });
    }
    blocks.push(...dataUnderFinding(ctx, f));
    blocks.push(para(basisParagraph(ctx, f)));
    return {
        key: `finding-${ctx.findingPosition(f)}`, anchor: ctx.findingAnchor(f), unnumbered: true, title: '',
        titleLate: () => `${l.heading(ctx.findingNumberNow(f), f.title ?? '', f.confidence ? ctx.l.confidenceWords[f.confidence] : undefined)}${ctx.internal ? ` [${f.name}]` : ''}`,
        blocks, children: []
    };
}

/** What the finding rests on, the confidence and its reason, triangulation, other questions, what it replaces. */
function basisParagraph(ctx: BuildContext, f: ast.Finding): Inline[] {
    const l = ctx.l.findings;
    const out: Inline[] = [];
    const sentence = (inlines: Inline[]) => {
        if (out.length) out.push(text(' '));
        out.push(...inlines);
    };
    const groups = evidenceGroups(ctx, f);
    sentence(groups.length ? fill(l.basis(slot(0)), joinList(ctx, groups)) : [text(l.noEvidence)]);
    if (f.confidence) {
        const strengths: string[] = [];
        const concerns: string[] = [];
        for (const c of f.concerns) {
            const words = ctx.l.components[c.component];
            if (c.level === 'none' || c.level === 'minor') strengths.push(words.strength);
            else concerns.push(l.concern(ctx.l.concernLevels[c.level], words.name));
        }
        sentence([text(l.confidenceSentence(ctx.l.confidenceWords[f.confidence], strengths, concerns))]);
    }
    const row = ctx.matrixRow(f);
    if (row && row.evidenceCount > 0) sentence([text(triangulationSentence(ctx, f))]);
    const others = f.answers.map(a => a.ref).filter((q): q is ast.Question => q !== undefined && q !== ctx.placement.get(f));
    if (others.length) {
        const questions = joinList(ctx, others.map((q, i) => i === 0 ? questionRef(ctx, q) : questionRef(ctx, q, { bare: true })));
        const anchors = others.map(q => ctx.questionAnchor(q)).filter((a): a is string => a !== undefined);
        const sections = anchors.length ? joinList(ctx, anchors.map(a => [ctx.sectionRef(a)])) : undefined;
        sentence(fill(l.alsoAnswers(slot(0), sections ? slot(1) : undefined), questions, sections ?? []));
    }
    const old = f.replaces?.ref;
    if (old) {
        const earlier = earlierReportWith(ctx, old);
        const where = earlier ? ctx.l.reportOf(ctx.l.kindDefinite[kindOf(earlier)], formatMonth(earlier.date, ctx.language)) : undefined;
        sentence([text(l.replaces(old.title ?? '', where, old.confidence ? ctx.l.confidenceWords[old.confidence] : undefined))]);
    }
    return out;
}

/**
 * Why the finding is or is not triangulated, from the kinds and origins the matrix counts
 * (report-exemplar §3.4): "Funnet er triangulert: det bygger på både intervjuer og
 * dokumenter, fra programmet og fra uavhengige kilder." / "Funnet er ikke triangulert: det
 * bygger bare på tre intervjuer, alle fra programmet selv."
 */
export function triangulationSentence(ctx: BuildContext, f: ast.Finding): string {
    const l = ctx.l.findings;
    const t = triangulationOf(f, ctx.index);
    const kindWords = (kinds: readonly ast.SourceKind[]) => {
        const words = kinds.map(k => ctx.l.sourceKindPlural[k].toLowerCase());
        return words.length === 2 ? l.twoKinds(words[0], words[1]) : listText(words, ctx.language);
    };
    const originsFrom = listText(t.origins.map(o => l.originFrom[o]), ctx.language);
    if (t.triangulated) return l.triangulated(kindWords(t.kinds), originsFrom);
    let reason: string;
    if (!t.kinds.length) reason = l.onlyLiterature;
    else if (t.kinds.length === 1) {
        const sources = new Set(evidenceSources(f).filter(s => s.kind !== 'literature')).size;
        const origins = t.origins.length > 1 ? `, ${originsFrom}` : sources === 1 ? `, ${l.originOne[t.origins[0]]}` : `, ${l.originAll[t.origins[0]]}`;
        reason = l.oneKind(count(sources, t.kinds[0], ctx.language), origins);
    } else reason = l.oneOrigin(kindWords(t.kinds), l.originAllSources[t.origins[0]]);
    const out = l.notTriangulated(reason);
    return t.kinds.length && t.literature ? `${out} ${l.literatureNotCounted}` : out;
}

/**
 * The evidence by kind of source: "to intervjuer (intervju 2 og 4)", "dokument 1 (s. 7)",
 * "Patton (2011)". Interview time stamps are not printed (report-exemplar §3.3).
 */
function evidenceGroups(ctx: BuildContext, f: ast.Finding): Inline[][] {
    const items = new Map<ast.Source, string[]>();
    for (const e of f.evidence) for (const s of sourcesOfEvidence(e)) {
        const at = e.at && !TIME_STAMP.test(e.at) ? e.at : undefined;
        const list = items.get(s) ?? [];
        if (at && !list.includes(at)) list.push(at);
        items.set(s, list);
    }
    const groups: Inline[][] = [];
    for (const kind of SOURCE_KIND_ORDER) {
        const sources = [...items.keys()].filter(s => s.kind === kind);
        if (!sources.length) continue;
        const cited = sources.filter(s => ctx.citations.citeSource(s, 'narrative') !== undefined);
        for (const s of cited) groups.push(withLocators(sourceRef(ctx, s, { narrative: true }), items.get(s)!));
        const labelled = sources.filter(s => !cited.includes(s));
        if (!labelled.length) continue;
        if (labelled.length === 1) {
            groups.push(withLocators(sourceRef(ctx, labelled[0]), items.get(labelled[0])!));
            continue;
        }
        const anyLocator = labelled.some(s => items.get(s)!.length > 0);
        const compact = !anyLocator && !ctx.internal && labelled.every(s => ctx.sources.get(s)?.number !== undefined);
        const parts: Inline[][] = labelled.map((s, i) => {
            const p = ctx.sources.get(s)!;
            if (compact && i > 0) {
                ctx.usedSources.add(s);
                return [{ type: 'xref', anchor: p.anchor, children: [text(String(p.number))] }];
            }
            // Inside the group's parentheses a locator follows after a comma, not in parentheses of its own.
            const at = items.get(s)!;
            return at.length ? [...sourceRef(ctx, s), text(`, ${at.join(', ')}`)] : sourceRef(ctx, s);
        });
        // Items with locators are separated by semicolons: "dokument 1, s. 9; dokument 3, møte 5".
        const joined = anyLocator ? joinWith(ctx, parts, '; ') : joinList(ctx, parts);
        // Series count their events: "23 intervjuer (intervjuserie 1, intervjuserie 2 og intervju 1)" (V2 §8).
        groups.push([text(`${count(labelled.reduce((n, s) => n + eventCount(s), 0), kind, ctx.language)} (`), ...joined, text(')')]);
    }
    return groups;
}

function withLocators(label: Inline[], at: readonly string[]): Inline[] {
    return at.length ? [...label, text(` (${at.join('; ')})`)] : label;
}

/** The latest report before this one that included `old` (for "… i underveisnotatet fra juni 2021"). */
export function earlierReportWith(ctx: BuildContext, old: ast.Finding): ast.Report | undefined {
    const day = dateOf(ctx.report)?.first ?? '';
    return ctx.index.elementsOf<ast.Report>('Report')
        .filter(r => hasId(r) && r !== ctx.report && (dateOf(r)?.first ?? '') < day && reportIncludes(r, old))
        .sort((a, b) => (dateOf(b)?.first ?? '').localeCompare(dateOf(a)?.first ?? ''))[0];
}

/** Items joined by a separator, the last by "og"/"and": "a; b og c". */
function joinWith(ctx: BuildContext, items: Inline[][], separator: string): Inline[] {
    const out: Inline[] = [];
    items.forEach((item, i) => {
        if (i > 0) out.push(text(i === items.length - 1 ? ` ${ctx.l.and} ` : separator));
        out.push(...item);
    });
    return out;
}
