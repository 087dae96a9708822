import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type MaybePromise } from 'langium';
import { AstNodeHoverProvider, type LangiumServices } from 'langium/lsp';
import type { Hover } from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import { today } from '../model/prog-dates.js';
import { accessOf, eventCount, evidenceSources, hasNonPublicSource, isInForce, isSeries, triangulationOf } from '../model/prog-model.js';
import { countColumn, parseCsvNumber } from '../workspace/prog-csv.js';
import type { TableFileResult } from '../workspace/prog-table-data.js';
import { followUpsAsOf, indicatorNode, latestMeasurement, recommendationHistory, responseRate, statusAsOf, todaySpan } from '../model/prog-time.js';
import { isNamedElement, kindWord } from '../references/prog-names.js';
import type { ProgServices } from '../prog-module.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
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
import { HOVER, word, type HoverTexts } from '../l10n/editor-texts.js';
import { translateFragment, type UiLanguage } from '../l10n/prog-l10n.js';
import { uiLanguage } from './prog-ui-language.js';

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
        const language = uiLanguage(this.prog);
        const text = hoverMarkdown(node, this.index, root, table, language);
        const kind = TABLE_ELEMENT[node.$type];
        const topic = kind === 'logic node' ? { element: 'logic' } : kind ? KIND_TOPIC[kind] ?? { element: kind } : undefined;
        const link = topic ? this.referenceLink(topic, language) : undefined;
        return link ? `${text}\n\n${link}` : text;
    }

    /** Keywords and values: what they mean, and a link to the language reference, in the editor's language. */
    protected override getKeywordHoverContent(keyword: GrammarAST.AbstractElement): MaybePromise<Hover | undefined> {
        if (!GrammarAST.isKeyword(keyword)) return undefined;
        const language = uiLanguage(this.prog);
        const text = keywordMarkdown(keyword, language);
        if (!text) return undefined;
        const link = this.referenceLink(text.topic, language);
        return { contents: { kind: 'markdown', value: link ? `${text.markdown}\n\n${link}` : text.markdown } };
    }

    private referenceLink(topic: ReferenceTopic, language: UiLanguage): string | undefined {
        if (!this.referenceCommand) return undefined;
        const args = encodeURIComponent(JSON.stringify([topic]));
        const L = HOVER[language];
        return `[${L.reference}](command:${this.referenceCommand}?${args} "${L.referenceTooltip}")`;
    }
}

/**
 * The hover of a keyword by where it stands in the grammar: element kind, property or value,
 * in `language` (keywords and values stay as written; the topic is the English reference's).
 */
export function keywordMarkdown(keyword: GrammarAST.Keyword, language: UiLanguage = 'en'): { markdown: string; topic: ReferenceTopic } | undefined {
    const word = keyword.value;
    const L = HOVER[language];
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    if (!rule) return undefined;
    if (GrammarUtils.isDataTypeRule(rule)) {
        if (rule.name === 'Level') {
            const doc = elementDoc(word, language);
            return doc ? { markdown: `**${code(word)}** · ${L.logicLevel}\n\n${doc}`, topic: { element: 'logic' } } : undefined;
        }
        const value = valueDoc(rule.name, word, language);
        if (!value) return undefined;
        const others = value.values.length > 1 ? `\n\n${L.oneOf(value.values.map(code).join(', '))}` : '';
        // Relations between projects are written like properties of a project.
        const topic: ReferenceTopic = rule.name === 'RelationKind' ? { element: 'project', property: word } : { enumeration: value.name };
        return { markdown: `**${code(word)}** · ${value.label}${value.text ? `: ${value.text}` : ''}${others}`, topic };
    }
    const element = TABLE_ELEMENT[rule.name];
    if (isKindKeyword(keyword)) {
        const doc = elementDoc(word, language);
        const topic = KIND_TOPIC[word] ?? { element: element ?? word };
        return doc ? { markdown: `**${code(word)}** · ${L.element}\n\n${doc}`, topic } : undefined;
    }
    if (isPropertyKeyword(keyword)) {
        const doc = propertyDoc(rule.name, word, language);
        return doc ? { markdown: `**${code(word)}** · ${L.propertyOf(code(element ?? rule.name))}\n\n${doc}`, topic: { element: element ?? word, property: word } } : undefined;
    }
    const container = keyword.$container as AstNode;
    if (GrammarAST.isAssignment(container)) {
        // A fixed value such as `consent named`.
        const property = container.feature;
        const doc = propertyDoc(rule.name, property, language);
        return doc ? { markdown: `**${code(word)}** · ${L.valueOf(code(property))}\n\n${doc}`, topic: { element: element ?? rule.name, property } } : undefined;
    }
    return undefined;
}

/** Rows of a table shown in its hover. */
export const HOVER_ROWS = 5;

function code(text: string | number): string {
    return '`' + String(text).replace(/`/g, "'") + '`';
}

function list(nodes: readonly AstNode[], L: HoverTexts, max = 8): string {
    const shown = nodes.slice(0, max).map(n => {
        const title = titleOf(n);
        return `${code((n as ast.Element).name)}${title ? ` ${title}` : ''}`;
    });
    const more = nodes.length > max ? `, … (${L.more(nodes.length - max)})` : '';
    return shown.join('; ') + more;
}

function unique<T>(items: readonly (T | undefined)[]): T[] {
    return [...new Set(items.filter((i): i is T => i !== undefined))];
}

function quoted(text: string | undefined): string {
    return text ? ` — *${text.replace(/[*_`]/g, '\\$&')}*` : '';
}

/** Status as of today (what a report dated today would print) and the follow-up history. */
function recommendationFacts(recommendation: ast.Recommendation, L: HoverTexts, language: UiLanguage): string[] {
    const now = todaySpan();
    const state = statusAsOf(recommendation, now);
    const facts = [`${L.statusToday(today())}: **${word(state.status, language)}**${state.date ? ` (${state.followUp ? L.followUp : L.made} ${state.date})` : ''}${quoted(state.response)}`];
    if (recommendation.followUps.length === 0) {
        if (recommendation.date !== undefined) facts.push(`${L.made}: ${recommendation.date}`);
        return facts;
    }
    const history = recommendationHistory(recommendation, undefined);
    // A nested list under the fact (each fact becomes one `- ` item).
    facts.push([`${L.history}:`, ...history.map(h => `    - ${h.date ?? L.undated} ${word(h.status, language)}${quoted(h.response)}`)].join('\n'));
    const later = recommendation.followUps.length - followUpsAsOf(recommendation, now).length;
    if (later > 0) facts.push(L.laterFollowUps(later));
    return facts;
}

/** Baseline → latest value as of today (date, source) → target, and how many measurements. */
function indicatorFacts(indicator: ast.Indicator, L: HoverTexts, language: UiLanguage): string[] {
    const node = indicatorNode(indicator);
    const unit = indicator.unit ? ` ${indicator.unit}` : '';
    const latest = latestMeasurement(indicator, todaySpan());
    const value = latest ? `**${latest.value}** (${latest.date}${latest.source ? `, ${code(latest.source.$refText)}` : ''}${latest.at ? ` ${L.at} "${latest.at}"` : ''})` : '—';
    const facts: string[] = [];
    if (node) facts.push(`${L.for}: ${node.level ? word(node.level, language) : L.node} ${code(node.name)}`);
    facts.push(`${L.baseline} ${indicator.baseline ?? '—'} → ${L.latest} ${value} → ${L.target} ${indicator.target ?? '—'}${unit}`);
    facts.push(indicator.measurements.length === 0 ? L.noMeasuredValue : L.measuredTimes(indicator.measurements.length));
    return facts;
}

/** Rating or "not assessed", date, and what it replaces or is replaced by. */
function assessmentFacts(assessment: ast.Assessment, citations: ReturnType<ProgWorkspaceIndex['citationsOf']>, L: HoverTexts, language: UiLanguage): string[] {
    const facts: string[] = [];
    const criterion = assessment.criterion?.dac ?? assessment.criterion?.custom?.$refText;
    if (criterion) facts.push(`${L.criterion}: ${criterion}`);
    facts.push(assessment.notAssessed !== undefined ? `${L.notAssessed}${quoted(assessment.notAssessed)}` : `${L.rating}: ${word(assessment.rating, language)}`);
    if (assessment.date !== undefined) facts.push(`${L.date}: ${assessment.date}`);
    if (assessment.replaces?.ref) facts.push(`${L.replaces} ${code(assessment.replaces.ref.name)}`);
    const replacedBy = unique(citations.filter(c => c.property === 'replaces' && c.container.$type === 'Assessment').map(c => c.container as ast.Assessment));
    if (replacedBy.length > 0) facts.push(`${L.replacedBy} ${replacedBy.map(a => `${code(a.name)}${a.date !== undefined ? ` (${a.date})` : ''}`).join(', ')}`);
    return facts;
}

/**
 * The hover text of one element, as Markdown (its file named relative to `root`); a table
 * or chart with its file's first rows (`table`); labels and model words in `language`.
 */
export function hoverMarkdown(node: ast.Element, index: ProgWorkspaceIndex, root?: string, table?: TableFileResult, language: UiLanguage = 'en'): string {
    const L = HOVER[language];
    const kind = node.$type === 'Source' ? `${L.source} (${word((node as ast.Source).kind, language)})` : word(kindWord(node), language);
    const lines: string[] = [`**${kind}** ${code(node.name)}${titleOf(node) ? ` — ${titleOf(node)}` : ''}`];
    const facts: string[] = [];
    const citations = index.citationsOf(node);
    switch (node.$type) {
        case 'Source': {
            const source = node as ast.Source;
            facts.push(`${L.kind}: ${word(source.kind, language)}`);
            facts.push(`${L.date}: ${source.date ?? '—'}`);
            facts.push(`${L.access}: ${word(accessOf(source), language)}${source.access ? '' : ` (${L.default})`}`);
            const origin = index.originInfo(source);
            facts.push(`${L.origin}: ${word(origin.origin, language)}${origin.written ? ` (${L.written})` : ` — ${language === 'en' ? origin.reason : translateFragment(origin.reason, language)}`}`);
            if (source.actor?.ref) facts.push(`${L.actor}: ${code(source.actor.ref.name)}`);
            if (isSeries(source)) facts.push(L.seriesOf(eventCount(source)));
            const rate = responseRate(source);
            if (rate) facts.push(L.responseRate(rate.respondents, rate.population, rate.percent));
            facts.push(L.citedBy(citations.length));
            break;
        }
        case 'Recommendation':
            facts.push(...recommendationFacts(node as ast.Recommendation, L, language));
            break;
        case 'Indicator':
            facts.push(...indicatorFacts(node as ast.Indicator, L, language));
            break;
        case 'Assessment':
            facts.push(...assessmentFacts(node as ast.Assessment, citations, L, language));
            break;
        case 'Table':
        case 'Chart': {
            const element = node as ast.Table | ast.Chart;
            const sources = unique(element.from.map(ref => ref.ref));
            facts.push(`${L.from}: ${sources.length ? sources.map(s => `${code(s.name)} ${s.title} (${word(s.kind, language)}, ${word(accessOf(s), language)})`).join('; ') : '—'}`);
            facts.push(`${L.file}: ${element.file === undefined ? '—' : code(element.file)}`);
            if (element.$type === 'Chart') facts.push(`${L.kind}: ${word(element.kind ?? 'bar', language)}`);
            if (element.unit) facts.push(`${L.unit}: ${element.unit}`);
            if (element.note) facts.push(`${L.note}: ${element.note}`);
            facts.push(L.citedBy(citations.length));
            const preview = table ? tablePreview(element, table, L, language) : undefined;
            if (preview) facts.push(preview);
            break;
        }
        case 'Finding': {
            const finding = node as ast.Finding;
            facts.push(`${L.confidence}: ${word(finding.confidence, language)}`);
            if (finding.status) facts.push(`${L.status}: ${word(finding.status, language)}`);
            if (finding.date) facts.push(`${L.date}: ${finding.date}`);
            const sources = evidenceSources(finding);
            const byKind = new Map<string, number>();
            for (const source of sources) byKind.set(source.kind, (byKind.get(source.kind) ?? 0) + 1);
            const kinds = [...byKind].map(([k, n]) => `${word(k, language)} ${n}`).join(', ');
            facts.push(`${L.evidence}: ${finding.evidence.length}${kinds ? ` (${kinds})` : ''}`);
            if (finding.evidence.length > 0) {
                const t = triangulationOf(finding, index);
                const what = `${t.kinds.length ? t.kinds.map(k => word(k, language)).join(', ') : L.noKind}; ${t.origins.length ? t.origins.map(o => word(o, language)).join(', ') : L.noOrigin}${t.literature ? `; ${L.literatureNotCounted}` : ''}`;
                facts.push(`${L.triangulated}: ${t.triangulated ? L.yes : L.no} (${what})`);
            }
            const questions = unique(finding.answers.map(a => a.ref));
            facts.push(`${L.answers}: ${questions.length ? list(questions, L) : '—'}`);
            facts.push(L.citedBy(citations.length));
            break;
        }
        case 'Question': {
            const findings = unique(citations
                .filter(c => c.container.$type === 'Finding' && c.property === 'answers')
                .map(c => c.container as ast.Finding));
            const inForce = findings.filter(isInForce);
            facts.push(L.answeredBy(inForce.length, findings.length));
            if (findings.length) facts.push(`${L.findings}: ${list(findings, L)}`);
            break;
        }
        case 'Project': {
            const project = node as ast.Project;
            facts.push(`${L.status}: ${word(project.status, language)}`);
            facts.push(`${L.owner}: ${project.owner?.ref ? `${code(project.owner.ref.name)} ${project.owner.ref.title}` : '—'}`);
            const portfolio = project.$container.$type === 'Portfolio' ? project.$container as ast.Portfolio : project.portfolio?.ref;
            facts.push(`${L.portfolio}: ${portfolio ? `${code(portfolio.name)} ${portfolio.title}` : '—'}`);
            break;
        }
        default:
            if (citations.length > 0) facts.push(L.citedBy(citations.length));
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
function tablePreview(element: ast.Table | ast.Chart, result: TableFileResult, L: HoverTexts = HOVER.en, language: UiLanguage = 'en'): string {
    const fragment = (text: string) => translateFragment(text, language);
    if (result.kind === 'unreadable') return `\n*${L.fileUnreadable(cell(fragment(result.problem.message)))}*`;
    if (result.kind !== 'table') return result.kind === 'outside' ? `\n*${L.fileOutside}*` : `\n*${L.noFile(cell(fragment(result.reason)))}*`;
    const { header, rowCount } = result.table;
    // Only the rows shown become strings (a file of thousands of rows is not materialised).
    const rows = Array.from({ length: Math.min(rowCount, HOVER_ROWS) }, (_, r) => header.map((_, c) => result.table.cell(r, c)));
    const count = element.$type === 'Table' && hasNonPublicSource(element) ? countColumn(result.table, element.counts) : undefined;
    const shown = rows.map(row => row.map((value, c) => {
        if (c !== count) return cell(value);
        const n = parseCsvNumber(value);
        return n && !n.percent && Number.isInteger(n.value) && n.value >= 1 && n.value <= 4 ? '<5' : cell(value);
    }));
    const numeric = header.map((_, c) => rows.length > 0 && rows.every(row => parseCsvNumber(row[c]) !== undefined));
    const lines = [
        `| ${header.map(cell).join(' | ')} |`,
        `| ${numeric.map(n => n ? '---:' : '---').join(' | ')} |`,
        ...shown.map(row => `| ${row.map(c => c === '<5' ? '\\<5' : c).join(' | ')} |`)
    ];
    const more = rowCount > HOVER_ROWS ? `\n\n*${L.rowsShown(HOVER_ROWS, rowCount)}*` : `\n\n*${L.rows(rowCount)}*`;
    return `\n\n${lines.join('\n')}${more}`;
}
