import type { AstNode, MaybePromise } from 'langium';
import { AstNodeHoverProvider, type LangiumServices } from 'langium/lsp';
import type * as ast from '../generated/ast.js';
import { today } from '../prog-dates.js';
import { accessOf, evidenceSources, isInForce, originOf } from '../prog-model.js';
import { followUpsAsOf, indicatorNode, latestMeasurement, recommendationHistory, responseRate, statusAsOf, todaySpan } from '../prog-time.js';
import { isNamedElement, kindWord } from '../prog-names.js';
import type { ProgServices } from '../prog-module.js';
import type { ProgWorkspaceIndex } from '../prog-workspace-index.js';
import { fileName, lineOf, titleOf } from './prog-lsp-util.js';

/**
 * Hover on a declaration, a reference or an `@ID` in text: kind, title and the facts an
 * evaluator asks first. Counts come from the workspace index (`citationsOf`), built once
 * per change — never a reference search per hover.
 */
export class ProgHoverProvider extends AstNodeHoverProvider {
    private readonly index: ProgWorkspaceIndex;

    constructor(services: LangiumServices) {
        super(services);
        this.index = (services as ProgServices).workspace.WorkspaceIndex;
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (!isNamedElement(node)) return undefined;
        return hoverMarkdown(node, this.index);
    }
}

function code(text: string | number): string {
    return '`' + String(text).replace(/`/g, "'") + '`';
}

function list(nodes: readonly AstNode[], max = 8): string {
    const shown = nodes.slice(0, max).map(n => {
        const title = titleOf(n);
        return `${code((n as ast.Element).name)}${title ? ` ${title}` : ''}`;
    });
    const more = nodes.length > max ? `, … (${nodes.length - max} more)` : '';
    return shown.join('; ') + more;
}

function unique<T>(items: readonly (T | undefined)[]): T[] {
    return [...new Set(items.filter((i): i is T => i !== undefined))];
}

function quoted(text: string | undefined): string {
    return text ? ` — *${text.replace(/[*_`]/g, '\\$&')}*` : '';
}

/** Status as of today (what a report dated today would print) and the follow-up history. */
function recommendationFacts(recommendation: ast.Recommendation): string[] {
    const now = todaySpan();
    const state = statusAsOf(recommendation, now);
    const facts = [`status today (${today()}): **${state.status}**${state.date ? ` (${state.followUp ? 'follow-up' : 'made'} ${state.date})` : ''}${quoted(state.response)}`];
    if (recommendation.followUps.length === 0) {
        if (recommendation.date !== undefined) facts.push(`made: ${recommendation.date}`);
        return facts;
    }
    const history = recommendationHistory(recommendation, undefined);
    // A nested list under the fact (each fact becomes one `- ` item).
    facts.push(['history:', ...history.map(h => `    - ${h.date ?? 'undated'} ${h.status}${quoted(h.response)}`)].join('\n'));
    const later = recommendation.followUps.length - followUpsAsOf(recommendation, now).length;
    if (later > 0) facts.push(`${later} follow-up${later === 1 ? '' : 's'} dated after today`);
    return facts;
}

/** Baseline → latest value as of today (date, source) → target, and how many measurements. */
function indicatorFacts(indicator: ast.Indicator): string[] {
    const node = indicatorNode(indicator);
    const unit = indicator.unit ? ` ${indicator.unit}` : '';
    const latest = latestMeasurement(indicator, todaySpan());
    const value = latest ? `**${latest.value}** (${latest.date}${latest.source ? `, ${code(latest.source.$refText)}` : ''}${latest.at ? ` at "${latest.at}"` : ''})` : '—';
    const facts: string[] = [];
    if (node) facts.push(`for: ${node.level ?? 'node'} ${code(node.name)}`);
    facts.push(`baseline ${indicator.baseline ?? '—'} → latest ${value} → target ${indicator.target ?? '—'}${unit}`);
    facts.push(indicator.measurements.length === 0 ? 'no measured value' : `measured ${indicator.measurements.length} time${indicator.measurements.length === 1 ? '' : 's'}`);
    return facts;
}

/** Rating or "not assessed", date, and what it replaces or is replaced by. */
function assessmentFacts(assessment: ast.Assessment, citations: ReturnType<ProgWorkspaceIndex['citationsOf']>): string[] {
    const facts: string[] = [];
    const criterion = assessment.criterion?.dac ?? assessment.criterion?.custom?.$refText;
    if (criterion) facts.push(`criterion: ${criterion}`);
    facts.push(assessment.notAssessed !== undefined ? `not assessed${quoted(assessment.notAssessed)}` : `rating: ${assessment.rating ?? '—'}`);
    if (assessment.date !== undefined) facts.push(`date: ${assessment.date}`);
    if (assessment.replaces?.ref) facts.push(`replaces ${code(assessment.replaces.ref.name)}`);
    const replacedBy = unique(citations.filter(c => c.property === 'replaces' && c.container.$type === 'Assessment').map(c => c.container as ast.Assessment));
    if (replacedBy.length > 0) facts.push(`replaced by ${replacedBy.map(a => `${code(a.name)}${a.date !== undefined ? ` (${a.date})` : ''}`).join(', ')}`);
    return facts;
}

/** The hover text of one element, as Markdown. */
export function hoverMarkdown(node: ast.Element, index: ProgWorkspaceIndex): string {
    const kind = node.$type === 'Source' ? `source (${(node as ast.Source).kind})` : kindWord(node);
    const lines: string[] = [`**${kind}** ${code(node.name)}${titleOf(node) ? ` — ${titleOf(node)}` : ''}`];
    const facts: string[] = [];
    const citations = index.citationsOf(node);
    switch (node.$type) {
        case 'Source': {
            const source = node as ast.Source;
            facts.push(`kind: ${source.kind}`);
            facts.push(`date: ${source.date ?? '—'}`);
            facts.push(`access: ${accessOf(source)}${source.access ? '' : ' (default)'}`);
            if (source.origin) facts.push(`origin: ${originOf(source)}`);
            if (source.actor?.ref) facts.push(`actor: ${code(source.actor.ref.name)}`);
            const rate = responseRate(source);
            if (rate) facts.push(`response rate: ${rate.respondents} of ${rate.population} (${rate.percent}%)`);
            facts.push(`cited by ${citations.length}`);
            break;
        }
        case 'Recommendation':
            facts.push(...recommendationFacts(node as ast.Recommendation));
            break;
        case 'Indicator':
            facts.push(...indicatorFacts(node as ast.Indicator));
            break;
        case 'Assessment':
            facts.push(...assessmentFacts(node as ast.Assessment, citations));
            break;
        case 'Finding': {
            const finding = node as ast.Finding;
            facts.push(`confidence: ${finding.confidence ?? '—'}`);
            if (finding.status) facts.push(`status: ${finding.status}`);
            if (finding.date) facts.push(`date: ${finding.date}`);
            const sources = evidenceSources(finding);
            const byKind = new Map<string, number>();
            for (const source of sources) byKind.set(source.kind, (byKind.get(source.kind) ?? 0) + 1);
            const kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(', ');
            facts.push(`evidence: ${finding.evidence.length}${kinds ? ` (${kinds})` : ''}`);
            const questions = unique(finding.answers.map(a => a.ref));
            facts.push(`answers: ${questions.length ? list(questions) : '—'}`);
            facts.push(`cited by ${citations.length}`);
            break;
        }
        case 'Question': {
            const findings = unique(citations
                .filter(c => c.container.$type === 'Finding' && c.property === 'answers')
                .map(c => c.container as ast.Finding));
            const inForce = findings.filter(isInForce);
            facts.push(`answered by ${inForce.length} finding${inForce.length === 1 ? '' : 's'} in force${findings.length > inForce.length ? ` (${findings.length} in all)` : ''}`);
            if (findings.length) facts.push(`findings: ${list(findings)}`);
            break;
        }
        case 'Project': {
            const project = node as ast.Project;
            facts.push(`status: ${project.status ?? '—'}`);
            facts.push(`owner: ${project.owner?.ref ? `${code(project.owner.ref.name)} ${project.owner.ref.title}` : '—'}`);
            const portfolio = project.$container.$type === 'Portfolio' ? project.$container as ast.Portfolio : project.portfolio?.ref;
            facts.push(`portfolio: ${portfolio ? `${code(portfolio.name)} ${portfolio.title}` : '—'}`);
            break;
        }
        default:
            if (citations.length > 0) facts.push(`cited by ${citations.length}`);
    }
    if (facts.length) lines.push('', ...facts.map(f => `- ${f}`));
    lines.push('', `*${fileName(node)}:${lineOf(node) + 1}*`);
    return lines.join('\n');
}
