/**
 * Programmet: organisation (actors), the programme-logic figure with its elements,
 * indicators and assumptions, and the portfolios with their projects and relations.
 * Everything is named by its title; the figure's alt text is one sentence, its long
 * description a list in an appendix (figure-description.ts).
 */
import { LEVELS, latestMeasurement, reportShowsMeasurements, supportedNode } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { para, text, type Block, type Cell, type Figure, type Inline } from '../document.js';
import { capitalise, count, formatDate, formatDateShort, formatNumber, listText } from '../labels.js';
import { logicSvg } from '../logic-svg.js';
import { hasId } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { figureAlt } from './figure-description.js';
import { isPartOfClient } from './method.js';
import { fill, findingList, slot, sourceRef } from './naming.js';

/** A drawn programme logic: the figure and the logic it shows (for the appendix that describes it). */
export interface DrawnLogic {
    readonly logic: ast.Logic;
    readonly figure: Figure;
}

export async function programmeChapter(ctx: BuildContext, drawn: DrawnLogic[]): Promise<Draft> {
    const l = ctx.l.programme;
    const children: Draft[] = [];
    const organisation = organisationBlocks(ctx);
    if (organisation.length) children.push({ key: 'organisation', title: l.organisation, blocks: organisation, children: [] });
    const logic = await logicBlocks(ctx, drawn);
    if (logic.length) children.push({ key: 'logic', title: l.logic, blocks: logic, children: [] });
    const portfolios = portfolioBlocks(ctx);
    if (portfolios.length) children.push({ key: 'portfolios', title: l.portfolios, blocks: portfolios, children: [] });
    return { key: 'programme', title: ctx.l.chapters.programme, blocks: [], children, pageBreak: 'if-long' };
}

export function organisationBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l.programme;
    const actors = ctx.index.elementsOf<ast.Actor>('Actor').filter(hasId);
    const client = ctx.programme?.client?.ref;
    const own = actors.filter(a => a !== client && isPartOfClient(ctx, a));
    const blocks: Block[] = [];
    if (own.length) {
        // "Del av" only says something when the organisation has more than one level below the client.
        const showPartOf = own.some(a => a.partOf?.ref !== client);
        const h = l.organisationHeaders;
        const header = [h.actor, h.type, ...(showPartOf ? [h.partOf] : []), h.members];
        const table = ctx.table(l.organisationCaption, header,
            own.map(a => [[text(a.title ?? '')], [text(a.type ? capitalise(ctx.l.actorTypes[a.type]) : '–')],
                ...(showPartOf ? [[text(a.partOf?.ref?.title ?? '–')]] : []), [text(a.members !== undefined ? String(a.members) : '–')]]),
            { numeric: header.map(x => x === h.members) });
        blocks.push(para(fill(l.organisationLead(slot(0), client?.title ?? ''), [ctx.captionRef(table, true)])), table);
    }
    // Other actors are listed when the programme names them (projects, recommendations,
    // findings, audience); an actor named only by sources is never listed, so that a
    // source's group cannot be read off the report.
    const named = (a: ast.Actor) => ctx.index.citationsOf(a).some(c => c.container.$type !== 'Source' && c.container.$type !== 'Actor');
    const others = actors.filter(a => !isPartOfClient(ctx, a) && named(a));
    const types = [...new Set(others.map(a => a.type ?? 'other'))];
    if (types.length) {
        blocks.push(para([text(l.otherActors)]));
        blocks.push({
            type: 'list', ordered: false,
            items: types.map(t => [para([{ type: 'strong', children: [text(`${capitalise(ctx.l.actorTypesPlural[t])}: `)] },
                text(listText(others.filter(a => (a.type ?? 'other') === t).map(a => a.title ?? ''), ctx.language))])])
        });
    }
    return blocks;
}

async function logicBlocks(ctx: BuildContext, drawn: DrawnLogic[]): Promise<Block[]> {
    const l = ctx.l.programme;
    const blocks: Block[] = [];
    for (const logic of ctx.index.elementsOf<ast.Logic>('Logic').filter(hasId)) {
        if (!logic.nodes.length) continue;
        const drawing = await logicSvg(ctx.workspace, { language: ctx.language, logic, assumptionStatus: a => ctx.assumptionState(a) });
        const figure: Figure = {
            type: 'figure', anchor: ctx.figureAnchor(), number: '',
            caption: [text(logic.title ?? '')], svg: drawing.svg, width: drawing.width, height: drawing.height,
            alt: ''
        };
        const key = `figure-description-${drawn.length + 1}`;
        drawn.push({ logic, figure });
        // The alt text names the appendix that describes the figure: known once the appendices are numbered.
        const alt = ctx.late.text(() => figureAlt(ctx, logic, ctx.partRefText(key)()));
        ctx.afterNumbering(() => { (figure as { alt: string }).alt = (alt as { text: string }).text; });
        blocks.push(para(fill(l.figureLead(slot(0), slot(1)), [ctx.captionRef(figure, true)], [ctx.partRef(key, true)])));
        blocks.push(figure);

        const rows: Cell[][] = [];
        const measured = reportShowsMeasurements(ctx.report);
        const allIndicators: ast.Indicator[] = [];
        for (const level of LEVELS) {
            for (const node of logic.nodes.filter(n => n.level === level)) {
                const indicators = [...node.indicators, ...logic.indicators.filter(i => i.node?.ref === node)];
                allIndicators.push(...indicators);
                // A finding on one of the node's indicators is a finding on the node (V2 "Indicators").
                const about = ctx.shownFindings.filter(f => [...f.supports, ...f.challenges].some(r => supportedNode(r.ref) === node));
                rows.push([
                    [text(ctx.l.level[level])],
                    [text(node.title ?? '')],
                    // With measurements the values are in the indicator table; the node table names the indicators.
                    indicators.length ? indicators.flatMap((ind, i) => [...(i ? [{ type: 'break' } as Inline] : []), text(measured ? ind.title ?? '' : indicatorText(ctx, ind))]) : [text('–')],
                    about.length ? findingList(ctx, about, true) : [text('–')]
                ]);
            }
        }
        const table = ctx.table(l.nodesCaption(logic.title ?? ''), [l.nodesHeaders.level, l.nodesHeaders.node, l.nodesHeaders.indicators, l.nodesHeaders.findings], rows);
        blocks.push(para(fill(l.nodesLead(slot(0)), [ctx.captionRef(table, true)])), table);
        if (measured && allIndicators.length) blocks.push(...indicatorTableBlocks(ctx, logic, allIndicators));
        if (logic.assumptions.length) {
            const assumptions = ctx.table(l.assumptionsCaption(logic.title ?? ''), [l.assumptionsHeaders.number, l.assumptionsHeaders.assumption, l.assumptionsHeaders.on, l.assumptionsHeaders.status],
                logic.assumptions.map((a, i) => [[text(String(i + 1))], [text(a.title ?? '')], [text(assumptionTarget(a) || '–')], [text(capitalise(ctx.l.assumptionStatuses[ctx.assumptionState(a)]))]]),
                { numeric: [true, false, false, false] });
            blocks.push(para(fill(l.assumptionsLead(count(logic.assumptions.length, 'assumption', ctx.language), slot(0)), [ctx.captionRef(assumptions, false)])), assumptions);
        }
    }
    return blocks;
}

/** Where an assumption sits: "A → B" or "A", by the nodes' titles. */
export function assumptionTarget(a: ast.Assumption): string {
    // Under --force the parser may have recovered `on` without its node (`on on -> A`).
    const on = a.on;
    const name = (ref: { ref?: ast.LogicNode } | undefined) => ref?.ref?.title ?? '?';
    return on ? (on.to ? `${name(on.from)} → ${name(on.to)}` : name(on.from)) : '';
}

/**
 * An indicator value in the report's number format, with the indicator's unit when asked:
 * "6 prosjekter". The unit is authored in one form ("prosjekter"), so a text gives it once
 * per indicator (after the target, or the last value), never beside "1".
 */
export function indicatorValue(ctx: BuildContext, ind: ast.Indicator, value: number | undefined, withUnit = false): string {
    if (value === undefined) return '–';
    return `${formatNumber(value, ctx.language)}${withUnit && ind.unit ? ` ${ind.unit}` : ''}`;
}

/** Where a measurement comes from: the source by its report label (privacy applies), then the locator. */
export function measurementSource(ctx: BuildContext, m: ast.Measurement): Inline[] {
    const source = m.source?.ref;
    if (!source) return [text('–')];
    return m.at ? [...sourceRef(ctx, source), text(`, ${m.at}`)] : sourceRef(ctx, source);
}

/**
 * The indicator table (V2.md "Indicators"): per indicator its baseline, the latest value
 * measured on or before the report's cutoff with its date and source, and its target;
 * "–" where nothing is given or measured.
 */
function indicatorTableBlocks(ctx: BuildContext, logic: ast.Logic, indicators: readonly ast.Indicator[]): Block[] {
    const l = ctx.l.programme, h = l.indicatorsHeaders;
    const cutoff = formatDate(ctx.report.cutoff ?? ctx.report.date, ctx.language);
    const rows: Cell[][] = indicators.map(ind => {
        const m = latestMeasurement(ind, ctx.inclusion.cutoff);
        return [
            [text(`${ind.title ?? ''}${ind.unit ? ` (${ind.unit})` : ''}`)],
            [text(indicatorValue(ctx, ind, ind.baseline))],
            [text(indicatorValue(ctx, ind, m?.value))],
            [text(m ? formatDateShort(m.date, ctx.language) : '–')],
            m ? measurementSource(ctx, m) : [text('–')],
            [text(indicatorValue(ctx, ind, ind.target))]
        ];
    });
    const table = ctx.table(l.indicatorsCaption(logic.title ?? '', cutoff), [h.indicator, h.baseline, h.latest, h.measured, h.source, h.target], rows,
        { numeric: [false, true, true, false, false, true] });
    return [para(fill(l.indicatorsLead(slot(0), cutoff), [ctx.captionRef(table, true)])), table];
}

export function indicatorText(ctx: BuildContext, ind: ast.Indicator): string {
    const l = ctx.l.programme;
    const unit = ind.unit ? ` ${ind.unit}` : '';
    const values: string[] = [];
    if (ind.baseline !== undefined) values.push(`${l.baseline} ${formatNumber(ind.baseline, ctx.language)}`);
    if (ind.target !== undefined) values.push(`${l.target} ${formatNumber(ind.target, ctx.language)}${unit}`);
    else if (values.length && unit) values[values.length - 1] += unit;
    return l.indicator(ind.title ?? '', values.join(', '));
}

export function projectsOf(ctx: BuildContext, portfolio: ast.Portfolio | undefined): ast.Project[] {
    const all = ctx.index.elementsOf<ast.Project>('Project').filter(hasId);
    return all.filter(p => {
        const owner = p.$container?.$type === 'Portfolio' ? p.$container as ast.Portfolio : p.portfolio?.ref;
        return owner === portfolio;
    });
}

function fundingMillions(ctx: BuildContext, p: ast.Project): string {
    if (!p.funding.length) return '–';
    const mnok = p.funding.reduce((sum, f) => sum + f.amount * ({ NOK: 1e-6, kNOK: 1e-3, MNOK: 1 }[f.unit] ?? 1), 0);
    return formatNumber(Math.round(mnok * 10) / 10, ctx.language, 1);
}

export function portfolioBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l.programme;
    const blocks: Block[] = [];
    const portfolios: (ast.Portfolio | undefined)[] = [...ctx.index.elementsOf<ast.Portfolio>('Portfolio').filter(hasId)];
    if (projectsOf(ctx, undefined).length) portfolios.push(undefined);
    const relations: string[] = [];
    for (const portfolio of portfolios) {
        const projects = projectsOf(ctx, portfolio);
        const owners = [...new Set(projects.map(p => p.owner?.ref?.title ?? ''))];
        // One owner for every project is said once, in the sentence, not in every row.
        const sharedOwner = owners.length === 1 && owners[0] ? owners[0] : undefined;
        if (portfolio) {
            const ownerOfPortfolio = portfolio.owner?.ref?.title ?? sharedOwner;
            const sentences = [l.portfolioLead(portfolio.title ?? '', ownerOfPortfolio, count(projects.length, 'project', ctx.language))];
            // A challenge that only repeats the portfolio's title says nothing new.
            if (portfolio.challenge && portfolio.challenge.trim().toLowerCase() !== (portfolio.title ?? '').trim().toLowerCase()) sentences.push(l.challenge(portfolio.challenge));
            if (portfolio.vision) sentences.push(l.vision(portfolio.vision));
            blocks.push(para([text(sentences.join(' '))]));
        }
        if (!projects.length) continue;
        const showOwner = !sharedOwner || (portfolio?.owner?.ref?.title !== undefined && portfolio.owner.ref.title !== sharedOwner);
        const header = [l.projectsHeaders.project, l.projectsHeaders.status, ...(showOwner ? [l.projectsHeaders.owner] : []), l.projectsHeaders.partners, l.projectsHeaders.funding, l.projectsHeaders.contributes];
        const rows: Cell[][] = projects.map(p => [
            [text(p.title ?? '')],
            [text(p.status ? capitalise(ctx.l.projectStatuses[p.status]) : '–')],
            ...(showOwner ? [[text(p.owner?.ref?.title ?? '–')]] : []),
            [text(listText(p.partners.map(a => a.ref?.title ?? '').filter(Boolean), ctx.language) || '–')],
            [text(fundingMillions(ctx, p))],
            [text(listText(p.contributes.map(n => n.ref?.title ?? '').filter(Boolean), ctx.language) || '–')]
        ]);
        const numeric = header.map(h => h === l.projectsHeaders.funding);
        blocks.push(ctx.table(l.projectsCaption(portfolio?.title), header, rows, { numeric }));
        for (const p of projects) for (const rel of p.relations) {
            const target = rel.target?.ref;
            if (!target) continue; // a relation the parser recovered without its project (--force)
            relations.push(`${l.relation[rel.kind](p.title ?? '', target.title ?? '')}${rel.note ? `: ${rel.note}` : ''}.`);
        }
    }
    if (relations.length) {
        blocks.push(para([text(l.relationsLead)]));
        blocks.push({ type: 'list', ordered: false, items: relations.map(r => [para([text(capitalise(r))])]) });
    }
    return blocks;
}
