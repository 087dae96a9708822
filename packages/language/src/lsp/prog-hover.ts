import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type MaybePromise } from 'langium';
import { AstNodeHoverProvider, type LangiumServices } from 'langium/lsp';
import type { Hover } from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import { today } from '../prog-dates.js';
import { accessOf, eventCount, evidenceSources, hasNonPublicSource, isInForce, isSeries, triangulationOf } from '../prog-model.js';
import { countColumn, parseCsvNumber } from '../prog-csv.js';
import type { TableFileResult } from '../prog-table-data.js';
import { followUpsAsOf, indicatorNode, latestMeasurement, recommendationHistory, responseRate, statusAsOf, todaySpan } from '../prog-time.js';
import { isNamedElement, kindWord } from '../prog-names.js';
import type { ProgServices } from '../prog-module.js';
import type { ProgWorkspaceIndex } from '../prog-workspace-index.js';
import { elementDoc, propertyDoc, valueDoc } from './prog-keyword-docs.js';
import { fileName, isKindKeyword, isPropertyKeyword, lineOf, titleOf } from './prog-lsp-util.js';

/**
 * A place in the language reference: an element kind, a property of one, or an
 * enumeration (by its name in LANGUAGE.md's tables). The editor opens the reference there.
 */
export type ReferenceTopic =
    | { readonly element: string; readonly property?: string }
    | { readonly enumeration: string };

/** The element's name in LANGUAGE.md's property table, by grammar rule. */
const TABLE_ELEMENT: Readonly<Record<string, string>> = {
    Programme: 'programme', Actor: 'actor', Need: 'need', Question: 'question', Logic: 'logic', LogicNode: 'logic node',
    Chain: 'logic', Assumption: 'assumption', AssumptionTarget: 'assumption', Indicator: 'indicator', Portfolio: 'portfolio',
    Project: 'project', Relation: 'project', Funding: 'project', Source: 'source', Finding: 'finding', Evidence: 'finding',
    Concern: 'finding', Criterion: 'criterion', Assessment: 'assessment', CriterionRef: 'assessment',
    Recommendation: 'recommendation', Lesson: 'lesson', Initiative: 'initiative', Report: 'report', Section: 'report',
    Table: 'table', Chart: 'chart', Measurement: 'indicator', FollowUp: 'recommendation'
};

/**
 * Where an element kind is described, when not in a section of its own: in the logic's
 * section, or as a row of the property table (`measured` under indicator).
 */
const KIND_TOPIC: Readonly<Record<string, ReferenceTopic>> = {
    assumption: { element: 'logic' }, indicator: { element: 'logic' },
    table: { element: 'table', property: 'from' }, chart: { element: 'chart', property: 'from' },
    measured: { element: 'indicator', property: 'measured' }, 'follow-up': { element: 'recommendation', property: 'follow-up' }
};

/**
 * Hover on a declaration, a reference or an `@ID` in text: kind, title and the facts an
 * evaluator asks first. Counts come from the workspace index (`citationsOf`), built once
 * per change — never a reference search per hover.
 */
export class ProgHoverProvider extends AstNodeHoverProvider {
    private readonly index: ProgWorkspaceIndex;
    private readonly prog: ProgServices;
    /**
     * The client's command that opens the language reference at a topic
     * (`initializationOptions.referenceCommand`; the VS Code extension sends
     * `sporbar.showReference`). Without it hovers have no reference link.
     */
    private referenceCommand: string | undefined;

    constructor(services: LangiumServices) {
        super(services);
        this.prog = services as ProgServices;
        this.index = this.prog.workspace.WorkspaceIndex;
        services.shared.lsp.LanguageServer.onInitialize(params => {
            const options = params.initializationOptions as { referenceCommand?: unknown } | undefined;
            this.referenceCommand = typeof options?.referenceCommand === 'string' && /^[\w.-]+$/.test(options.referenceCommand) ? options.referenceCommand : undefined;
        });
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (!isNamedElement(node)) return undefined;
        const root = this.prog.workspace.Settings.root;
        const table = (node.$type === 'Table' || node.$type === 'Chart') && root !== undefined
            ? this.prog.workspace.TableData.of(root, node as ast.Table | ast.Chart)
            : undefined;
        const text = hoverMarkdown(node, this.index, root, table);
        const kind = TABLE_ELEMENT[node.$type];
        const topic = kind === 'logic node' ? { element: 'logic' } : kind ? KIND_TOPIC[kind] ?? { element: kind } : undefined;
        const link = topic ? this.referenceLink(topic) : undefined;
        return link ? `${text}\n\n${link}` : text;
    }

    /** Keywords and values: what they mean, and a link to the language reference. */
    protected override getKeywordHoverContent(keyword: GrammarAST.AbstractElement): MaybePromise<Hover | undefined> {
        if (!GrammarAST.isKeyword(keyword)) return undefined;
        const text = keywordMarkdown(keyword);
        if (!text) return undefined;
        const link = this.referenceLink(text.topic);
        return { contents: { kind: 'markdown', value: link ? `${text.markdown}\n\n${link}` : text.markdown } };
    }

    private referenceLink(topic: ReferenceTopic): string | undefined {
        if (!this.referenceCommand) return undefined;
        const args = encodeURIComponent(JSON.stringify([topic]));
        return `[Language reference](command:${this.referenceCommand}?${args} "Open the .prog language reference here")`;
    }
}

/** The hover of a keyword by where it stands in the grammar: element kind, property or value. */
export function keywordMarkdown(keyword: GrammarAST.Keyword): { markdown: string; topic: ReferenceTopic } | undefined {
    const word = keyword.value;
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    if (!rule) return undefined;
    if (GrammarUtils.isDataTypeRule(rule)) {
        if (rule.name === 'Level') {
            const doc = elementDoc(word);
            return doc ? { markdown: `**${code(word)}** · logic level\n\n${doc}`, topic: { element: 'logic' } } : undefined;
        }
        const value = valueDoc(rule.name, word);
        if (!value) return undefined;
        const others = value.values.length > 1 ? `\n\nOne of ${value.values.map(code).join(', ')}.` : '';
        // Relations between projects are written like properties of a project.
        const topic: ReferenceTopic = rule.name === 'RelationKind' ? { element: 'project', property: word } : { enumeration: value.name };
        return { markdown: `**${code(word)}** · ${value.name}${value.text ? `: ${value.text}` : ''}${others}`, topic };
    }
    const element = TABLE_ELEMENT[rule.name];
    if (isKindKeyword(keyword)) {
        const doc = elementDoc(word);
        const topic = KIND_TOPIC[word] ?? { element: element ?? word };
        return doc ? { markdown: `**${code(word)}** · element\n\n${doc}`, topic } : undefined;
    }
    if (isPropertyKeyword(keyword)) {
        const doc = propertyDoc(rule.name, word);
        return doc ? { markdown: `**${code(word)}** · property of ${code(element ?? rule.name)}\n\n${doc}`, topic: { element: element ?? word, property: word } } : undefined;
    }
    const container = keyword.$container as AstNode;
    if (GrammarAST.isAssignment(container)) {
        // A fixed value such as `consent named`.
        const property = container.feature;
        const doc = propertyDoc(rule.name, property);
        return doc ? { markdown: `**${code(word)}** · value of ${code(property)}\n\n${doc}`, topic: { element: element ?? rule.name, property } } : undefined;
    }
    return undefined;
}

/** Rows of a table shown in its hover. */
export const HOVER_ROWS = 5;

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

/**
 * The hover text of one element, as Markdown (its file named relative to `root`); a table
 * or chart with its file's first rows (`table`).
 */
export function hoverMarkdown(node: ast.Element, index: ProgWorkspaceIndex, root?: string, table?: TableFileResult): string {
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
            const origin = index.originInfo(source);
            facts.push(`origin: ${origin.origin}${origin.written ? ' (written)' : ` — ${origin.reason}`}`);
            if (source.actor?.ref) facts.push(`actor: ${code(source.actor.ref.name)}`);
            if (isSeries(source)) facts.push(`series of ${eventCount(source)}`);
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
        case 'Table':
        case 'Chart': {
            const element = node as ast.Table | ast.Chart;
            const sources = unique(element.from.map(ref => ref.ref));
            facts.push(`from: ${sources.length ? sources.map(s => `${code(s.name)} ${s.title} (${s.kind}, ${accessOf(s)})`).join('; ') : '—'}`);
            facts.push(`file: ${element.file === undefined ? '—' : code(element.file)}`);
            if (element.$type === 'Chart') facts.push(`kind: ${element.kind ?? 'bar'}`);
            if (element.unit) facts.push(`unit: ${element.unit}`);
            if (element.note) facts.push(`note: ${element.note}`);
            facts.push(`cited by ${citations.length}`);
            const preview = table ? tablePreview(element, table) : undefined;
            if (preview) facts.push(preview);
            break;
        }
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
            if (finding.evidence.length > 0) {
                const t = triangulationOf(finding, index);
                const what = `${t.kinds.length ? t.kinds.join(', ') : 'no kind'}; ${t.origins.length ? t.origins.join(', ') : 'no origin'}${t.literature ? '; literature not counted' : ''}`;
                facts.push(`triangulated: ${t.triangulated ? 'yes' : 'no'} (${what})`);
            }
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
    if (facts.length) lines.push('', ...facts.map(f => f.startsWith('\n') ? f.slice(1) : `- ${f}`));
    lines.push('', `*${fileName(node, root)}:${lineOf(node) + 1}*`);
    return lines.join('\n');
}

/** Escapes a cell for a Markdown table: pipes, line breaks, and Markdown's own marks. */
function cell(text: string): string {
    const clean = text.replace(/\r?\n|\r/g, ' ').trim();
    const short = clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
    return short.replace(/[\\`*_[\]<>|]/g, c => `\\${c}`) || ' ';
}

/**
 * The first rows of a table's file as a small Markdown table (a line of its own, marked
 * with a leading newline), or what is wrong with the file. In a table from a non-public
 * source the hover shows small counts as the report will ("<5").
 */
function tablePreview(element: ast.Table | ast.Chart, result: TableFileResult): string {
    if (result.kind === 'unreadable') return `\n*The file cannot be read as a table: ${cell(result.problem.message)}*`;
    if (result.kind !== 'table') return result.kind === 'outside' ? `\n*The file lies outside the workspace and is not read.*` : `\n*No file to show (${cell(result.reason)}).*`;
    const { header, rows } = result.table;
    const count = element.$type === 'Table' && hasNonPublicSource(element) ? countColumn(result.table, element.counts) : undefined;
    const shown = rows.slice(0, HOVER_ROWS).map(row => row.map((value, c) => {
        if (c !== count) return cell(value);
        const n = parseCsvNumber(value);
        return n && !n.percent && Number.isInteger(n.value) && n.value >= 1 && n.value <= 4 ? '<5' : cell(value);
    }));
    const numeric = header.map((_, c) => rows.length > 0 && rows.slice(0, HOVER_ROWS).every(row => parseCsvNumber(row[c]) !== undefined));
    const lines = [
        `| ${header.map(cell).join(' | ')} |`,
        `| ${numeric.map(n => n ? '---:' : '---').join(' | ')} |`,
        ...shown.map(row => `| ${row.map(c => c === '<5' ? '\\<5' : c).join(' | ')} |`)
    ];
    const more = rows.length > HOVER_ROWS ? `\n\n*${HOVER_ROWS} of ${rows.length} rows*` : `\n\n*${rows.length} row${rows.length === 1 ? '' : 's'}*`;
    return `\n\n${lines.join('\n')}${more}`;
}
