/** Funn: one section per question, each finding with its confidence, text, evidence and quotes. */
import type * as ast from '@sporbar/language';
import { para, text, type Block, type Inline } from '../document.js';
import { formatDate } from '../labels.js';
import { elementAnchor } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { capitalise, joinInlines } from './inlines.js';

export function findingsChapter(ctx: BuildContext): Draft {
    const l = ctx.l;
    const placed = new Map<ast.Finding, ast.Question>();
    for (const f of ctx.shownFindings) {
        const first = f.answers.map(a => a.ref).find((q): q is ast.Question => q !== undefined);
        if (first) placed.set(f, first);
    }
    const children: Draft[] = [];
    for (const q of ctx.questions()) {
        const here = ctx.shownFindings.filter(f => placed.get(f) === q);
        const elsewhere = ctx.shownFindings.filter(f => placed.get(f) !== q && f.answers.some(a => a.ref === q));
        const blocks: Block[] = [para([{ type: 'emphasis', children: [text(q.title)] }])];
        if (!here.length && !elsewhere.length) blocks.push(para([text({ nb: 'Ingen funn ennå.', nn: 'Ingen funn enno.', en: 'No findings yet.' }[ctx.language])]));
        if (elsewhere.length) {
            blocks.push(para([text(`${l.seeAlso} `), ...joinInlines(elsewhere.map(f => [
                ...ctx.findingRef(f, true),
                text(` (${l.questionWord} ${placed.get(f)?.name ?? ''})`)
            ]))]));
        }
        children.push({ key: `question-${q.name}`, title: `${capitalise(l.questionWord)} ${q.name}`, blocks, children: here.map(f => findingDraft(ctx, f)) });
    }
    const unplaced = ctx.shownFindings.filter(f => !placed.has(f));
    if (unplaced.length) children.push({ key: 'other-findings', title: l.otherFindings, blocks: [], children: unplaced.map(f => findingDraft(ctx, f)) });
    const n = ctx.shownFindings.length;
    const intro = {
        nb: `Kapitlet presenterer ${n} funn ordnet etter problemstilling. Et funn som svarer på flere problemstillinger, står under den første og er henvist til fra de andre.`,
        nn: `Kapittelet presenterer ${n} funn ordna etter problemstilling. Eit funn som svarar på fleire problemstillingar, står under den første og er vist til frå dei andre.`,
        en: `This chapter presents ${n} findings by research question. A finding that answers several questions appears under the first and is cross-referenced from the others.`
    }[ctx.language];
    return { key: 'findings', title: l.findings, blocks: [para([text(intro)])], children };
}

export function findingDraft(ctx: BuildContext, f: ast.Finding): Draft {
    const l = ctx.l;
    const meta: Inline[] = [];
    const add = (label: string, value: Inline[]) => {
        if (meta.length) meta.push(text(' · '));
        meta.push({ type: 'strong', children: [text(`${label}: `)] }, ...value);
    };
    add(l.confidence, [text(f.confidence ? l.confidenceWords[f.confidence] : '–')]);
    const concerns = f.concerns.filter(c => c.level !== 'none');
    if (concerns.length) add(l.concerns, [text(concerns.map(c => `${l.concernComponents[c.component]} (${l.concernLevels[c.level]})`).join(', '))]);
    if (f.date !== undefined) add(l.date, [text(formatDate(f.date, ctx.language))]);
    if (f.answers.length) add(l.answers, [text(f.answers.map(a => a.$refText).join(', '))]);
    const old = f.replaces?.ref;
    if (old && ctx.inclusion.replacedBy.get(old) === f) add(l.replaces, [text(`${old.name} «${old.title}»`)]);
    const blocks: Block[] = [para(meta, 'meta'), ...ctx.slot(f.text, 3)];
    const evidence: Inline[][] = [];
    const quotes: Block[] = [];
    for (const e of f.evidence) {
        const s = e.source?.ref;
        if (!s) continue;
        const label = ctx.sourceInline(s, false);
        evidence.push(e.at ? [...label, text(` (${e.at})`)] : label);
        if (e.quote) quotes.push({ type: 'quote', children: [para([text(`«${e.quote}»`), text(' – '), ...ctx.sourceInline(s, false)])] });
    }
    if (evidence.length) blocks.push(para([{ type: 'strong', children: [text(`${l.evidence}: `)] }, ...joinInlines(evidence, '; ')], 'meta'));
    blocks.push(...quotes);
    return { key: `finding-${f.name}`, anchor: elementAnchor(f), title: `${f.name} ${f.title}`, blocks, children: [] };
}
