/** Programmet: organisation, programme logic (figure and tables), portfolios and projects. */
import { LEVELS } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { para, text, type Block, type Cell, type Inline } from '../document.js';
import { formatNumber } from '../labels.js';
import { logicSvg } from '../logic-svg.js';
import { anchorName, hasId } from '../report-model.js';
import type { BuildContext } from './context.js';
import type { Draft } from './draft.js';
import { capitalise } from './inlines.js';

/** The chapter's subsections; the final report adds its development section (development.ts). */
export async function programmeSections(ctx: BuildContext): Promise<Draft[]> {
    const l = ctx.l;
    return [
        { key: 'organisation', title: l.organisation, blocks: organisationBlocks(ctx), children: [] },
        { key: 'logic', title: l.logic, blocks: await logicBlocks(ctx), children: [] },
        { key: 'portfolios', title: l.portfolios, blocks: portfolioBlocks(ctx), children: [] }
    ];
}

export function organisationBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l;
    const actors = ctx.index.elementsOf<ast.Actor>('Actor').filter(a => a.name);
    const client = ctx.programme?.client?.ref;
    const inOrganisation = (a: ast.Actor): boolean => {
        const seen = new Set<ast.Actor>();
        for (let x: ast.Actor | undefined = a; x && !seen.has(x); x = x.partOf?.ref) {
            if (x === client) return true;
            seen.add(x);
        }
        return false;
    };
    const own = actors.filter(inOrganisation);
    const blocks: Block[] = [];
    if (own.length) {
        blocks.push(ctx.table(l.organisation, [l.actor, l.type, l.partOf, l.members],
            own.map(a => [[text(a.title)], [text(a.type ? l.actorTypes[a.type] : '')], [text(a.partOf?.ref?.title ?? '')], [text(a.members !== undefined ? String(a.members) : '')]]),
            [38, 20, 28, 14]));
    }
    // Other actors are listed when the programme names them (projects, recommendations,
    // findings, audience); an actor named only by sources is never listed, so that a
    // source's group cannot be read off the report.
    const named = (a: ast.Actor) => ctx.index.citationsOf(a).some(c => c.container.$type !== 'Source' && c.container.$type !== 'Actor');
    const others = actors.filter(a => !inOrganisation(a) && named(a));
    const types = [...new Set(others.map(a => a.type).filter((t): t is ast.ActorType => t !== undefined))];
    if (types.length) {
        const lead = { nb: 'Andre aktører i programmet:', nn: 'Andre aktørar i programmet:', en: 'Other actors in the programme:' }[ctx.language];
        blocks.push(para([text(lead)]));
        blocks.push({
            type: 'list', ordered: false,
            items: types.map(t => [para([{ type: 'strong', children: [text(`${capitalise(l.actorTypes[t])}: `)] },
                text(others.filter(a => a.type === t).map(a => a.title).join(', '))])])
        });
    }
    return blocks;
}

export async function logicBlocks(ctx: BuildContext): Promise<Block[]> {
    const l = ctx.l;
    const blocks: Block[] = [];
    for (const logic of ctx.index.elementsOf<ast.Logic>('Logic').filter(hasId)) {
        if (!logic.nodes.length) continue;
        const drawing = await logicSvg(ctx.workspace, { language: ctx.language, logic, assumptionStatus: a => ctx.assumptionState(a) });
        blocks.push({
            type: 'figure', anchor: anchorName('figur', String(++ctx.figures)), number: ctx.figures,
            caption: [text(logic.title)], svg: drawing.svg, width: drawing.width, height: drawing.height, alt: drawing.alt
        });
        const rows: Cell[][] = [];
        for (const level of LEVELS) {
            for (const node of logic.nodes.filter(n => n.level === level)) {
                const indicators = [...node.indicators, ...logic.indicators.filter(i => i.node?.ref === node)];
                rows.push([[text(l.level_[level])], [text(node.name)], [text(node.title)],
                    indicators.length ? indicators.flatMap((ind, i) => [...(i ? [{ type: 'break' } as Inline] : []), text(indicatorText(ctx, ind))]) : [text('–')]]);
            }
        }
        blocks.push(ctx.table(`${l.logicNodes}: ${logic.title}`, [l.level, l.id, l.node, `${l.indicators} (${l.baseline.toLowerCase()} → ${l.target.toLowerCase()})`], rows, [13, 21, 34, 32]));
        if (logic.assumptions.length) {
            blocks.push(ctx.table(`${l.assumptions}: ${logic.title}`, ['#', l.assumptions, l.on, l.status],
                logic.assumptions.map((a, i) => {
                    // Under --force the parser may have recovered `on` without its node (`on on -> A`).
                    const on = a.on;
                    const name = (ref: { $refText: string } | undefined) => ref?.$refText ?? '?';
                    const where = on ? (on.to ? `${name(on.from)} → ${name(on.to)}` : name(on.from)) : '';
                    return [[text(String(i + 1))], [text(a.title)], [text(where)], [text(l.assumptionStatuses[ctx.assumptionState(a)])]];
                }), [5, 50, 30, 15]));
        }
    }
    return blocks;
}

export function indicatorText(ctx: BuildContext, ind: ast.Indicator): string {
    const unit = ind.unit ? ` ${ind.unit}` : '';
    const values = ind.baseline !== undefined || ind.target !== undefined
        ? `: ${ind.baseline !== undefined ? formatNumber(ind.baseline, ctx.language) : '?'} → ${ind.target !== undefined ? formatNumber(ind.target, ctx.language) : '?'}${unit}`
        : unit ? ` (${ind.unit})` : '';
    return `${ind.title}${values}`;
}

export function projectsOf(ctx: BuildContext, portfolio: ast.Portfolio | undefined): ast.Project[] {
    const all = ctx.index.elementsOf<ast.Project>('Project').filter(p => p.name);
    return all.filter(p => {
        const owner = p.$container?.$type === 'Portfolio' ? p.$container as ast.Portfolio : p.portfolio?.ref;
        return owner === portfolio;
    });
}

function fundingTotal(ctx: BuildContext, p: ast.Project): string {
    const mnok = p.funding.reduce((sum, f) => sum + f.amount * ({ NOK: 1e-6, kNOK: 1e-3, MNOK: 1 }[f.unit] ?? 1), 0);
    if (!p.funding.length) return '–';
    return `${formatNumber(Math.round(mnok * 100) / 100, ctx.language, 2)} MNOK`;
}

export function portfolioBlocks(ctx: BuildContext): Block[] {
    const l = ctx.l;
    const blocks: Block[] = [];
    const portfolios: (ast.Portfolio | undefined)[] = [...ctx.index.elementsOf<ast.Portfolio>('Portfolio').filter(p => p.name)];
    if (projectsOf(ctx, undefined).length) portfolios.push(undefined);
    const relations: Cell[][] = [];
    for (const portfolio of portfolios) {
        const projects = projectsOf(ctx, portfolio);
        if (portfolio) {
            const facts: Inline[] = [{ type: 'strong', children: [text(portfolio.title)] }];
            if (portfolio.vision) facts.push(text(`. ${{ nb: 'Visjon', nn: 'Visjon', en: 'Vision' }[ctx.language]}: «${portfolio.vision}»`));
            if (portfolio.owner?.ref) facts.push(text(`. ${l.owner}: ${portfolio.owner.ref.title}`));
            facts.push(text('.'));
            blocks.push(para(facts));
        }
        if (!projects.length) continue;
        blocks.push(ctx.table(portfolio ? `${l.portfolios}: ${portfolio.title}` : l.portfolios,
            [l.project, l.status, l.owner, l.partners, l.funding, l.contributes],
            projects.map(p => [
                [{ type: 'strong', children: [text(p.name)] }, text(` ${p.title}`)],
                [text(p.status ? l.projectStatuses[p.status] : '–')],
                [text(p.owner?.ref?.title ?? '–')],
                [text(p.partners.map(a => a.ref?.title ?? a.$refText).join('; ') || '–')],
                [text(fundingTotal(ctx, p))],
                [text(p.contributes.map(n => n.$refText).join(', ') || '–')]
            ]), [20, 11, 14, 29, 11, 15]));
        for (const p of projects) for (const rel of p.relations) {
            if (!rel.target) continue; // a relation the parser recovered without its project (--force)
            relations.push([[text(p.name)], [text(l.relationKinds[rel.kind])], [text(rel.target.$refText)], [text(rel.note ?? '')]]);
        }
    }
    if (relations.length) blocks.push(ctx.table(l.relations, [l.project, l.relation, l.project, l.note], relations, [14, 20, 14, 52]));
    return blocks;
}
