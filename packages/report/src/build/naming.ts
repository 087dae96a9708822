/**
 * How an element is named in client-facing text — one place for every chapter and for
 * `@ID` in narratives. No element ID appears (V2.md §7, report-exemplar §4.1): a finding is
 * "funn 4.1", a recommendation "anbefaling 2", a lesson "læringspunkt 1", an assessment
 * "vurderingen av relevans (avsnitt 5.1)", a question "problemstilling c", a source its
 * label ("intervju 3") or APA citation, anything else its title. `--internal` adds the ID
 * in square brackets, for the team.
 */
import type { AstNode } from 'langium';
import type * as ast from '@sporbar/language';
import { text, type Inline } from '../document.js';
import { capitalise, lowerFirst } from '../labels.js';
import type { RefContext } from '../narrative.js';
import type { BuildContext } from './context.js';

/** A no-break space between a label and its number ("funn 4.1", "tabell 2.3"): the pair never splits over two lines. */
export const NBSP = '\u00a0';

/** V2.md §7: one to three letters and up to three digits (`a`, `KS`, `F01`, `FG12`): the team's own numbering. */
export const SHORT_CODE = /^\p{L}{1,3}\p{Nd}{0,3}$/u;

export function isShortCode(id: string): boolean {
    return SHORT_CODE.test(id);
}

// ---------------------------------------------------------------------------------------
// Sentences with links: a label's template holds placeholders that become inline content.

const OPEN = '\uE010', CLOSE = '\uE011';

/** The placeholder for the i-th part of a sentence (see `fill`). */
export function slot(i: number): string {
    return `${OPEN}${i}${CLOSE}`;
}

/** A sentence from a label template with `slot(i)` replaced by `parts[i]`. */
export function fill(template: string, ...parts: Inline[][]): Inline[] {
    const out: Inline[] = [];
    let at = 0;
    for (const m of template.matchAll(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'))) {
        if (m.index! > at) out.push(text(template.slice(at, m.index)));
        out.push(...(parts[Number(m[1])] ?? []));
        at = m.index! + m[0].length;
    }
    if (at < template.length) out.push(text(template.slice(at)));
    return out;
}

/** Inline lists joined as "a, b og c". */
export function joinList(ctx: BuildContext, items: Inline[][]): Inline[] {
    const out: Inline[] = [];
    items.forEach((item, i) => {
        if (i > 0) out.push(text(i === items.length - 1 ? ` ${ctx.l.and} ` : ', '));
        out.push(...item);
    });
    return out;
}

const internalId = (ctx: BuildContext, node: { name?: string }): Inline[] => ctx.internal && node.name ? [text(` [${node.name}]`)] : [];

// ---------------------------------------------------------------------------------------
// Findings

/**
 * A finding as a reference: "funn 4.1" linking to it. A finding this report shows under
 * the finding that replaces it is named as the earlier finding, replaced by the new one;
 * a finding the report does not show at all is named by its title.
 */
export function findingRef(ctx: BuildContext, f: ast.Finding, options: { capital?: boolean; replacedContext?: boolean } = {}): Inline[] {
    const shown = ctx.shownFor(f);
    if (!shown) return [text(`«${f.title ?? ''}»`)];
    if (shown !== f) {
        const earlier = ctx.l.findings.earlierFinding(f.title ?? '');
        const lead = options.capital ? capitalise(earlier) : earlier;
        if (options.replacedContext) return [text(lead)];
        return [text(`${lead} (`), ...fill(ctx.l.findings.replacedBy(slot(0)), findingRef(ctx, shown)), text(')')];
    }
    const word = options.capital ? capitalise(ctx.l.findingWord) : ctx.l.findingWord;
    return [{ type: 'xref', anchor: ctx.findingAnchor(f)!, children: [text(`${word}${NBSP}`), ctx.findingNumber(f)] }, ...internalId(ctx, f)];
}

/**
 * Several findings: "funn 4.1, 4.3 og 4.7", each number a link. Replaced findings are
 * named by their replacement; findings the report does not show, by title.
 */
export function findingList(ctx: BuildContext, findings: readonly ast.Finding[], capital = false): Inline[] {
    const shown: ast.Finding[] = [];
    const absent: ast.Finding[] = [];
    for (const f of findings) {
        const s = ctx.shownFor(f);
        if (s) { if (!shown.includes(s)) shown.push(s); } else if (!absent.includes(f)) absent.push(f);
    }
    shown.sort((a, b) => (ctx.findingPosition(a) ?? 0) - (ctx.findingPosition(b) ?? 0));
    const items: Inline[][] = shown.map((f, i) => {
        const number: Inline[] = [ctx.findingNumber(f)];
        const word = i === 0 ? [text(`${capital ? capitalise(ctx.l.findingWord) : ctx.l.findingWord}${NBSP}`)] : [];
        return [{ type: 'xref', anchor: ctx.findingAnchor(f)!, children: [...word, ...number] }, ...internalId(ctx, f)];
    });
    for (const f of absent) items.push([text(`«${f.title ?? ''}»`)]);
    return joinList(ctx, items);
}

/** Shown findings in a basis that replace the finding the basis names: old → new. */
export function replacedInBasis(ctx: BuildContext, findings: readonly ast.Finding[]): [ast.Finding, ast.Finding][] {
    const out: [ast.Finding, ast.Finding][] = [];
    for (const f of findings) {
        const s = ctx.shownFor(f);
        if (s && s !== f) out.push([f, s]);
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// Recommendations, lessons, assessments, questions

export function recommendationRef(ctx: BuildContext, r: ast.Recommendation, capital = false): Inline[] {
    const n = ctx.recommendationNumber(r);
    if (n === undefined) return [text(`«${r.title ?? ''}»`)];
    const word = capital ? capitalise(ctx.l.recommendationWord) : ctx.l.recommendationWord;
    return [{ type: 'xref', anchor: ctx.recommendationAnchor(r)!, children: [text(`${word}${NBSP}${n}`)] }, ...internalId(ctx, r)];
}

export function lessonRef(ctx: BuildContext, x: ast.Lesson, capital = false): Inline[] {
    const n = ctx.lessonNumber(x);
    if (n === undefined) return [text(`«${x.title ?? ''}»`)];
    const word = capital ? capitalise(ctx.l.lessonWord) : ctx.l.lessonWord;
    return [{ type: 'xref', anchor: ctx.lessonAnchor(x)!, children: [text(`${word}${NBSP}${n}`)] }, ...internalId(ctx, x)];
}

/** The criterion's name: the DAC name in the report's language, or the custom criterion's title. */
export function criterionName(ctx: BuildContext, a: ast.Assessment): string {
    const c = a.criterion;
    if (c?.dac) return ctx.l.dac[c.dac];
    return c?.custom?.ref?.title ?? a.title ?? '';
}

/**
 * An assessment: inside parentheses "avsnitt 5.1"; in running text "vurderingen av
 * relevans (avsnitt 5.1)". An assessment the report does not include is named by its title.
 */
export function assessmentRef(ctx: BuildContext, a: ast.Assessment, options: { capital?: boolean; insideParentheses?: boolean } = {}): Inline[] {
    const anchor = ctx.assessmentAnchor(a);
    if (!anchor) return [text(`«${a.title ?? ''}»`)];
    if (options.insideParentheses) return [ctx.sectionRef(anchor, options.capital), ...internalId(ctx, a)];
    const phrase = ctx.l.assessmentOf(lowerFirst(criterionName(ctx, a)));
    return [text(`${options.capital ? capitalise(phrase) : phrase} (`), ctx.sectionRef(anchor), text(')'), ...internalId(ctx, a)];
}

/** "problemstilling c", linking to its section of the findings chapter where there is one. */
export function questionRef(ctx: BuildContext, q: ast.Question, options: { capital?: boolean; bare?: boolean } = {}): Inline[] {
    const label = ctx.questionLabel(q);
    const word = options.capital ? capitalise(ctx.l.questionWord) : ctx.l.questionWord;
    const shown = options.bare ? label : `${word}${NBSP}${label}`;
    const anchor = ctx.questionAnchor(q);
    return anchor ? [{ type: 'xref', anchor, children: [text(shown)] }] : [text(shown)];
}

// ---------------------------------------------------------------------------------------
// Sources

/**
 * A source: literature and public documents and datasets by their APA citation (linking
 * to the reference list), other sources by their label ("intervju 3", linking to the
 * source overview); a public source without a reference entry by its title.
 */
export function sourceRef(ctx: BuildContext, s: ast.Source, options: { capital?: boolean; narrative?: boolean } = {}): Inline[] {
    ctx.usedSources.add(s);
    const cited = ctx.citations.citeSource(s, options.narrative ? 'narrative' : 'bare');
    if (cited) return [{ type: 'citation', text: cited.text, anchor: cited.anchor }];
    const p = ctx.sources.get(s)!;
    const label = options.capital ? capitalise(p.label) : p.labelInText;
    return [{ type: 'xref', anchor: p.anchor, children: [text(label)] }];
}

// ---------------------------------------------------------------------------------------
// `@ID` in a narrative

/** Whether the text before an opening parenthesis ends with `title` (ignoring emphasis and case). */
function repeatsTitle(before: string, title: string): boolean {
    const lead = before.replace(/[\s(]+$/u, '').replace(/[*_]+$/u, '').trim().toLowerCase();
    return lead.endsWith(title.trim().toLowerCase());
}

/** A reference starts a sentence when nothing or a full stop precedes it. */
function startsSentence(context: RefContext): boolean {
    const before = context.before.replace(/[\s«"“(]+$/u, '');
    return before === '' || /[.!?]$/.test(before);
}

const REPLACES = /(erstatter|erstattar|replaces|replace)\s*$/iu;
const LISTED_QUESTIONS = /(problemstilling\p{L}*|research questions?|questions?)\s+([\p{L}\p{N}_]+(,\s*|\s+(og|eller|and|or)\s+))*$/iu;

/** The single function that decides what `@ID` becomes in a report's text. */
export function nameInText(ctx: BuildContext, target: AstNode | undefined, written: string, context: RefContext): Inline[] {
    // Only under --force (a draft): an unresolved reference keeps what was written.
    if (!target) return [text(written)];
    const capital = startsSentence(context);
    switch (target.$type) {
        case 'Finding':
            return findingRef(ctx, target as ast.Finding, { capital, replacedContext: REPLACES.test(context.before) });
        case 'Recommendation':
            return recommendationRef(ctx, target as ast.Recommendation, capital);
        case 'Lesson':
            return lessonRef(ctx, target as ast.Lesson, capital);
        case 'Assessment':
            return assessmentRef(ctx, target as ast.Assessment, { capital, insideParentheses: context.insideParentheses });
        case 'Source':
            return sourceRef(ctx, target as ast.Source, { capital, narrative: !context.insideParentheses });
        case 'Question':
            return questionRef(ctx, target as ast.Question, { capital, bare: LISTED_QUESTIONS.test(context.before) });
        default: {
            const title = (target as { title?: string }).title ?? '';
            // "Ungt utenforskap (@UU)": the title right before the parenthesis already names it;
            // the reference gives nothing, and narrative.ts drops the empty parentheses.
            if (context.insideParentheses && title && repeatsTitle(context.before, title)) return [];
            return [text(title || (ctx.internal ? written : ''))];
        }
    }
}

/** "Avsnitt 5.1" linking to a section (a table cell naming where a finding is used). */
export function sectionRefTo(ctx: BuildContext, anchor: string, capital = false): Inline {
    return ctx.sectionRef(anchor, capital);
}
