/**
 * `buildDocument`: the loaded, validated workspace and one `report` element in, the
 * neutral document out (REPORTS.md "What each kind contains"). Everything the three
 * renderers print is decided here: inclusion, privacy, numbering, cross-references.
 */
import type { AstNode } from 'langium';
import {
    DAC_CRITERIA, LEVELS, accessOf, dateOf, evidenceSources, normalizeName, originOf, reportIncludes, sourceKinds, sourcesOfEvidence, traceabilityMatrix,
    type CoverageFigure, type LoadedWorkspace
} from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { createCitations, type Citations } from './citations.js';
import {
    para, text, type Block, type Cell, type FrontPage, type Inline, type ReportDocument, type Section
} from './document.js';
import { LANGUAGE_TAGS, formatDate, formatNumber, formatPercent, labelsFor, type Labels, type ReportLanguage } from './labels.js';
import { logicSvg } from './logic-svg.js';
import { narrativeBlocks, type RefContext } from './narrative.js';
import {
    anchorName, assumptionStatus, byName, elementAnchor, hasId, inclusionOf, indexOf, naturalCompare, newSince,
    presentSources, previousReport, type Inclusion, type SourcePresentation
} from './report-model.js';

export interface BuildOptions {
    /** Overrides the report's `language` (`--lang`). */
    readonly language?: ReportLanguage;
    /** Adds source IDs to the labels of non-public sources (`--internal`, for the team only). */
    readonly internal?: boolean;
    /** Marks the document "UTKAST / DRAFT" (`--force`). */
    readonly draft?: boolean;
}

/** A section before numbering. */
interface Draft {
    key: string;
    title: string;
    blocks: Block[];
    children: Draft[];
    anchor?: string;
    /** `plain`: no number (summary, references); `appendix`: "Vedlegg A". */
    numbering?: 'plain' | 'appendix';
}

const SOURCE_KIND_ORDER: readonly ast.SourceKind[] = ['interview', 'focus-group', 'observation', 'survey', 'workshop', 'document', 'dataset', 'literature'];

export async function buildDocument(workspace: LoadedWorkspace, report: ast.Report, options: BuildOptions = {}): Promise<ReportDocument> {
    return new DocumentBuilder(workspace, report, options).build();
}

class DocumentBuilder {
    private readonly language: ReportLanguage;
    private readonly l: Labels;
    private readonly kind: ast.ReportKind;
    private readonly programme: ast.Programme | undefined;
    private readonly inclusion: Inclusion;
    private readonly sources: Map<ast.Source, SourcePresentation>;
    private readonly citations: Citations;
    /** Findings shown in full (anchors exist for them). */
    private readonly shownFindings: ast.Finding[];
    private readonly anchors = new Set<string>();
    private readonly usedSources = new Set<ast.Source>();
    private tables = 0;
    private figures = 0;

    constructor(private readonly workspace: LoadedWorkspace, private readonly report: ast.Report, private readonly options: BuildOptions) {
        this.language = options.language ?? report.language ?? 'nb';
        this.l = labelsFor(this.language);
        this.kind = report.kind ?? 'assessment';
        this.programme = indexOf(workspace).data.programmes[0];
        this.inclusion = inclusionOf(workspace, report);
        this.sources = presentSources(workspace, this.l, options.internal ?? false);
        this.citations = createCitations(workspace, this.programme, this.language);
        this.shownFindings = this.kind === 'interim'
            ? newSince(this.inclusion.findings, previousReport(workspace, report))
            : [...this.inclusion.findings];
        for (const f of this.shownFindings) this.anchors.add(elementAnchor(f));
        for (const r of this.inclusion.recommendations) this.anchors.add(elementAnchor(r));
        if (this.kind !== 'interim') {
            for (const a of this.inclusion.assessments) this.anchors.add(elementAnchor(a));
        }
        if (this.kind === 'final') for (const lesson of this.inclusion.lessons) this.anchors.add(elementAnchor(lesson));
    }

    async build(): Promise<ReportDocument> {
        const r = this.report;
        const drafts: Draft[] = [];
        const summary = this.slot(r.summary, 1);
        if (summary.length) drafts.push({ key: 'summary', title: this.l.summary, blocks: summary, children: [], numbering: 'plain' });
        if (this.kind === 'interim') drafts.push(...this.interimChapters());
        else drafts.push(...await this.fullChapters());
        drafts.push(this.sourceOverview());
        const references = this.referencesChapter();
        if (references) drafts.push(references);
        const sections = this.finalise(drafts);
        return this.withoutProtectedNames({
            language: this.language,
            languageTag: LANGUAGE_TAGS[this.language],
            title: r.title ?? r.name,
            kind: this.kind,
            authors: r.authors.join(', '),
            date: dateOf(r)?.first ?? '1980-01-01',
            draftMark: this.options.draft ? this.l.draft : undefined,
            front: this.frontPage(),
            contentsTitle: this.l.contents,
            captionWords: { table: this.l.table, figure: this.l.figure },
            sections
        });
    }

    /**
     * REPORTS.md: no personal name from a non-public source appears anywhere in the output.
     * `privacy/quote-names-person` only warns, so a name left in a quote, a text or a title
     * is replaced here, in every string of the document (figures and properties included),
     * by the generated label of the source it belongs to.
     */
    private withoutProtectedNames<T>(doc: T): T {
        const { pattern, sources } = indexOf(this.workspace).data.protectedNames;
        if (!pattern) return doc;
        const replace = (s: string) => s.replace(pattern, match => {
            const source = sources.get(normalizeName(match))?.[0];
            const label = source ? this.sources.get(source)?.label : undefined;
            return `[${label ?? this.l.sourceKind.interview}]`;
        });
        const SKIP = new Set(['type', 'anchor', 'href', 'key', 'languageTag', 'kind', 'language', 'date']);
        const walk = (value: unknown): unknown => {
            if (typeof value === 'string') return replace(value);
            if (Array.isArray(value)) return value.map(walk);
            if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
                const out: Record<string, unknown> = {};
                for (const [k, v] of Object.entries(value)) out[k] = SKIP.has(k) ? v : walk(v);
                return out;
            }
            return value;
        };
        return walk(doc) as T;
    }

    // -----------------------------------------------------------------------------------
    // Structure

    private frontPage(): FrontPage {
        const r = this.report, l = this.l;
        const facts: { label: string; value: string }[] = [];
        const client = this.programme?.client?.ref;
        if (client) facts.push({ label: l.client, value: client.title ?? client.name });
        if (this.programme?.contract) facts.push({ label: l.contract, value: this.programme.contract });
        if (r.number) facts.push({ label: l.reportNumber, value: r.number });
        if (r.date !== undefined) facts.push({ label: l.date, value: formatDate(r.date, this.language) });
        if (r.authors.length) facts.push({ label: l.authors, value: r.authors.join(', ') });
        const audience = r.audience.map(a => a.ref?.title).filter((t): t is string => Boolean(t));
        if (audience.length) facts.push({ label: l.audience, value: audience.join('; ') });
        return { kindTitle: l.kindTitle[this.kind], title: r.title ?? r.name, programmeTitle: this.programme?.title, facts };
    }

    private finalise(drafts: Draft[]): Section[] {
        let chapter = 0, appendix = 0;
        const convert = (d: Draft, level: 1 | 2 | 3, number: string | undefined): Section => {
            let sub = 0;
            const children = d.children.map(c => {
                sub++;
                return convert(c, Math.min(3, level + 1) as 1 | 2 | 3, number && d.numbering !== 'plain' ? `${number}.${sub}` : undefined);
            });
            return {
                anchor: d.anchor ?? anchorName('kap', d.key),
                ...(number ? { number } : {}),
                title: d.title, level, blocks: d.blocks, sections: children
            };
        };
        return drafts.map(d => {
            if (d.numbering === 'plain') return convert(d, 1, undefined);
            if (d.numbering === 'appendix') {
                const letter = String.fromCharCode(65 + appendix++);
                return convert(d, 1, `${this.l.appendix} ${letter}`);
            }
            return convert(d, 1, String(++chapter));
        });
    }

    private slot(block: ast.TextBlock | undefined, level: number): Block[] {
        return narrativeBlocks(block, level, (target, written, context) => this.refInline(target, written, context));
    }

    private table(caption: string, header: string[], rows: Cell[][], widths?: number[]): Block {
        return { type: 'table', anchor: anchorName('tabell', String(++this.tables)), number: this.tables, caption: [text(caption)], header: header.map(h => [text(h)]), rows, ...(widths ? { widths } : {}) };
    }

    // -----------------------------------------------------------------------------------
    // Kinds

    private interimChapters(): Draft[] {
        const r = this.report, l = this.l;
        const chapters: Draft[] = [];
        const intro = this.slot(r.introduction, 1);
        if (intro.length) chapters.push({ key: 'introduction', title: l.introduction, blocks: intro, children: [] });
        chapters.push({
            key: 'method', title: l.method,
            blocks: [...this.slot(r.method, 1), ...this.cutoffBlocks(), ...this.protectionBlocks()],
            children: []
        });
        const previous = previousReport(this.workspace, r);
        const since = previous
            ? l.since(previous.number ?? previous.title, formatDate(previous.cutoff ?? previous.date, this.language))
            : l.sinceNone;
        chapters.push({
            key: 'new-findings', title: l.newFindings,
            blocks: [para([text(since)])],
            children: this.shownFindings.map(f => this.findingDraft(f))
        });
        const discussion = this.slot(r.discussion, 1);
        if (discussion.length) chapters.push({ key: 'discussion', title: l.discussion, blocks: discussion, children: [] });
        chapters.push(...this.extraSections(new Set()));
        chapters.push({ key: 'recommendations', title: l.recommendationStatus, blocks: this.recommendationBlocks(true), children: [] });
        const answered = new Set(this.inclusion.findings.flatMap(f => f.answers.map(a => a.ref)));
        const open = this.questions().filter(q => !answered.has(q));
        chapters.push({
            key: 'unanswered', title: l.unanswered,
            blocks: open.length
                ? [{ type: 'list', ordered: false, items: open.map(q => [para([{ type: 'strong', children: [text(q.name)] }, text(` ${q.title}`)])]) }]
                : [para([text(l.none)])],
            children: []
        });
        const next: Block[] = [...this.slot(r.conclusion, 1)];
        const following = this.nextReport();
        if (following) {
            next.push(para([text(`${l.deliverable}: `), { type: 'emphasis', children: [text(following.title)] },
                text(`${following.number ? ` (${following.number})` : ''}${following.date !== undefined ? `, ${formatDate(following.date, this.language)}` : ''}.`)]));
        }
        chapters.push({ key: 'next', title: l.nextSteps, blocks: next, children: [] });
        return chapters;
    }

    private async fullChapters(): Promise<Draft[]> {
        const r = this.report, l = this.l, final = this.kind === 'final';
        const chapters: Draft[] = [];
        const sectionTitles = new Map(r.sections.map(s => [s.title.trim().toLowerCase(), s]));
        const used = new Set<ast.Section>();
        /** A `section` titled like a generated final-report chapter fills that chapter's narrative. */
        const takeSection = (title: string, level: number): Block[] => {
            const s = sectionTitles.get(title.trim().toLowerCase());
            if (!s || !final) return [];
            used.add(s);
            return this.slot(s.text, level);
        };

        // Innledning
        chapters.push({
            key: 'introduction', title: l.introduction, blocks: this.slot(r.introduction, 1),
            children: [
                { key: 'programme-goal', title: l.goalAndDescription, blocks: this.programmeBlocks(), children: [] },
                { key: 'questions', title: l.questions, blocks: this.questionBlocks(), children: [] }
            ]
        });

        // Metode og datagrunnlag
        const method: Draft[] = [
            { key: 'sources-by-kind', title: l.sourcesByKind, blocks: this.sourcesByKindBlocks(), children: [] },
            { key: 'triangulation', title: l.triangulation, blocks: this.triangulationBlocks(), children: [] },
            { key: 'cutoff', title: l.dataCutoff, blocks: this.cutoffBlocks(), children: [] },
            { key: 'protection', title: l.protection, blocks: this.protectionBlocks(), children: [] }
        ];
        if (final) method.push({ key: 'method-choices', title: l.methodChoices, blocks: this.methodChoiceBlocks(), children: [] });
        chapters.push({ key: 'method', title: l.method, blocks: this.slot(r.method, 1), children: method });

        // Programmet
        const programme: Draft[] = [
            { key: 'organisation', title: l.organisation, blocks: this.organisationBlocks(), children: [] },
            { key: 'logic', title: l.logic, blocks: await this.logicBlocks(), children: [] },
            { key: 'portfolios', title: l.portfolios, blocks: this.portfolioBlocks(), children: [] }
        ];
        if (final) programme.push({ key: 'development', title: l.development, blocks: [...takeSection(l.development, 2), ...this.developmentBlocks()], children: [] });
        chapters.push({ key: 'programme', title: l.theProgramme, blocks: [], children: programme });

        // Funn
        chapters.push(this.findingsChapter());

        // Vurdering
        chapters.push({
            key: 'assessment', title: l.assessment, blocks: this.assessmentOverview(),
            children: [
                ...this.assessmentDrafts(),
                { key: 'preconditions', title: l.preconditions, blocks: this.preconditionBlocks(), children: [] }
            ]
        });

        const discussion = this.slot(r.discussion, 1);
        if (discussion.length) chapters.push({ key: 'discussion', title: l.discussion, blocks: discussion, children: [] });
        if (final) {
            chapters.push({ key: 'context', title: l.context, blocks: [...takeSection(l.context, 1), ...this.contextBlocks()], children: [] });
            chapters.push({ key: 'lessons', title: l.lessons, blocks: this.lessonBlocks(), children: [] });
        }
        chapters.push(...this.extraSections(used));
        const conclusion = this.slot(r.conclusion, 1);
        if (conclusion.length) chapters.push({ key: 'conclusion', title: l.conclusion, blocks: conclusion, children: [] });
        chapters.push({ key: 'recommendations', title: l.recommendations, blocks: this.recommendationBlocks(false), children: [] });
        chapters.push(this.matrixAppendix());
        return chapters;
    }

    private extraSections(used: Set<ast.Section>): Draft[] {
        return this.report.sections.filter(s => !used.has(s)).map((s, i) => ({
            key: `section-${i + 1}`, title: s.title, blocks: this.slot(s.text, 1), children: []
        }));
    }

    private nextReport(): ast.Report | undefined {
        const day = dateOf(this.report)?.first;
        if (!day) return undefined;
        return indexOf(this.workspace).elementsOf<ast.Report>('Report')
            .filter(x => hasId(x) && x !== this.report && (dateOf(x)?.first ?? '') > day)
            .sort((a, b) => (dateOf(a)!.first < dateOf(b)!.first ? -1 : 1))[0];
    }

    // -----------------------------------------------------------------------------------
    // Introduction

    private programmeBlocks(): Block[] {
        const p = this.programme;
        if (!p) return [];
        const blocks: Block[] = [];
        if (p.goal) blocks.push(para([{ type: 'strong', children: [text(`${this.goalWord()}: `)] }, text(p.goal)]));
        blocks.push(...this.slot(p.description, 2));
        const facts: Inline[] = [];
        if (p.period) facts.push(text(`${this.periodWord()}: ${formatDate(p.period.start, this.language)} – ${formatDate(p.period.end, this.language)}. `));
        if (p.sdgs.length) facts.push(text(`${this.sdgWord()}: ${p.sdgs.join(', ')}.`));
        if (facts.length) blocks.push(para(facts));
        return blocks;
    }

    private goalWord(): string { return { nb: 'Mål', nn: 'Mål', en: 'Goal' }[this.language]; }
    private periodWord(): string { return { nb: 'Programperiode', nn: 'Programperiode', en: 'Programme period' }[this.language]; }
    private sdgWord(): string { return { nb: 'FNs bærekraftsmål', nn: 'FNs berekraftsmål', en: 'UN Sustainable Development Goals' }[this.language]; }

    private questions(): ast.Question[] {
        return [...indexOf(this.workspace).elementsOf<ast.Question>('Question')].filter(q => q.name).sort(byName);
    }

    private questionBlocks(): Block[] {
        const l = this.l;
        const blocks: Block[] = [];
        const needs = indexOf(this.workspace).elementsOf<ast.Need>('Need').filter(hasId);
        if (needs.length) {
            blocks.push(para([text(`${l.needs}:`)]));
            blocks.push({
                type: 'list', ordered: false,
                items: needs.map(n => [para([{ type: 'strong', children: [text(n.title)] },
                    ...(n.weight ? [text(` (${l.priority.toLowerCase()}: ${l.priorities[n.weight]})`)] : [])])])
            });
        }
        const rows = this.questions().map(q => {
            const count = this.inclusion.findings.filter(f => f.answers.some(a => a.ref === q)).length;
            return [[text(q.name)], [text(q.title)], [text(q.needs.map(n => n.ref?.title ?? n.$refText).join('; '))], [text(String(count))]];
        });
        blocks.push(this.table(`${l.questions}`, [l.id, l.question, l.need, l.findingsCount], rows, [6, 58, 24, 12]));
        return blocks;
    }

    // -----------------------------------------------------------------------------------
    // Method

    /** Sources behind the report: cited by the shown findings' evidence. */
    private evidenceSources(): ast.Source[] {
        const set = new Set<ast.Source>();
        for (const f of this.inclusion.findings) for (const s of evidenceSources(f)) set.add(s);
        return [...set];
    }

    private sourcesByKindBlocks(): Block[] {
        const l = this.l;
        const sources = this.evidenceSources();
        const rows: Cell[][] = [];
        let total = 0, totalRespondents = 0;
        for (const kind of SOURCE_KIND_ORDER) {
            const of = sources.filter(s => s.kind === kind);
            if (!of.length) continue;
            total += of.length;
            const days = of.map(s => dateOf(s)).filter(d => d !== undefined);
            const first = days.map(d => d.first).sort()[0];
            const last = days.map(d => d.last).sort().reverse()[0];
            const [from, to] = first ? [formatDate(first.slice(0, 7), this.language), formatDate(last!.slice(0, 7), this.language)] : [];
            const range = !from ? '–' : from === to ? from : `${from} – ${to}`;
            const respondents = of.reduce((n, s) => n + (s.respondents ?? 0), 0);
            totalRespondents += respondents;
            rows.push([[text(l.sourceKindPlural[kind])], [text(String(of.length))], [text(range)], [text(respondents ? formatNumber(respondents, this.language) : '–')]]);
        }
        rows.push([[{ type: 'strong', children: [text(l.total)] }], [{ type: 'strong', children: [text(String(total))] }], [text('')],
            [{ type: 'strong', children: [text(totalRespondents ? formatNumber(totalRespondents, this.language) : '–')] }]]);
        return [this.table(l.sourcesByKind, [l.kind, l.count, l.dateRange, l.respondents], rows, [30, 11, 39, 20])];
    }

    private triangulationBlocks(): Block[] {
        const l = this.l;
        const findings = this.inclusion.findings;
        const triangulated = findings.filter(f => sourceKinds(f).size >= 2).length;
        const rows: Cell[][] = [];
        for (const c of ['high', 'moderate', 'low', 'very-low'] as ast.Confidence[]) {
            const of = findings.filter(f => f.confidence === c);
            rows.push([[text(capitalise(l.confidenceWords[c]))], [text(String(of.length))],
                [text(String(of.filter(f => sourceKinds(f).size >= 2).length))]]);
        }
        const none = findings.filter(f => !f.confidence).length;
        if (none) rows.push([[text('–')], [text(String(none))], [text('')]]);
        return [
            para([text(l.triangulationText(triangulated, findings.length))]),
            this.table(l.confidenceDistribution, [l.confidence, l.findingsCount, l.findingsTriangulated], rows, [40, 25, 35])
        ];
    }

    private cutoffBlocks(): Block[] {
        const cutoff = this.report.cutoff ?? this.report.date;
        return cutoff === undefined ? [] : [para([text(this.l.cutoffText(formatDate(cutoff, this.language)))])];
    }

    private protectionBlocks(): Block[] {
        const sources = this.evidenceSources();
        const confidential = sources.filter(s => accessOf(s) === 'confidential').length;
        const internal = sources.filter(s => accessOf(s) === 'internal').length;
        const count = {
            nb: `Rapporten bygger på ${confidential} konfidensielle og ${internal} interne kilder.`,
            nn: `Rapporten byggjer på ${confidential} konfidensielle og ${internal} interne kjelder.`,
            en: `The report rests on ${confidential} confidential and ${internal} internal sources.`
        }[this.language];
        return [...this.l.protectionText.map(t => para([text(t)])), para([text(count)])];
    }

    private methodChoiceBlocks(): Block[] {
        const l = this.l;
        let own = 0, all = 0;
        for (const f of this.inclusion.findings) for (const s of evidenceSources(f)) {
            all++;
            if (originOf(s) !== 'independent') own++;
        }
        const blocks: Block[] = [para([text(l.originShare(formatPercent(own, all, this.language)))])];
        const concerned = this.inclusion.findings.filter(f => f.concerns.some(c => c.level === 'moderate' || c.level === 'serious'));
        if (concerned.length) {
            blocks.push(para([text(`${l.seriousConcerns}:`)]));
            blocks.push({
                type: 'list', ordered: false,
                items: concerned.map(f => [para([...this.findingRef(f), text(': '),
                    text(f.concerns.filter(c => c.level === 'moderate' || c.level === 'serious')
                        .map(c => `${l.concernComponents[c.component]} (${l.concernLevels[c.level]})`).join(', '))])])
            });
        }
        return blocks;
    }

    // -----------------------------------------------------------------------------------
    // Programme

    private organisationBlocks(): Block[] {
        const l = this.l;
        const actors = indexOf(this.workspace).elementsOf<ast.Actor>('Actor').filter(a => a.name);
        const client = this.programme?.client?.ref;
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
            blocks.push(this.table(l.organisation, [l.actor, l.type, l.partOf, l.members],
                own.map(a => [[text(a.title)], [text(a.type ? l.actorTypes[a.type] : '')], [text(a.partOf?.ref?.title ?? '')], [text(a.members !== undefined ? String(a.members) : '')]]),
                [38, 20, 28, 14]));
        }
        // Other actors are listed when the programme names them (projects, recommendations,
        // findings, audience); an actor named only by sources is never listed, so that a
        // source's group cannot be read off the report.
        const named = (a: ast.Actor) => indexOf(this.workspace).citationsOf(a).some(c => c.container.$type !== 'Source' && c.container.$type !== 'Actor');
        const others = actors.filter(a => !inOrganisation(a) && named(a));
        const types = [...new Set(others.map(a => a.type).filter((t): t is ast.ActorType => t !== undefined))];
        if (types.length) {
            const lead = { nb: 'Andre aktører i programmet:', nn: 'Andre aktørar i programmet:', en: 'Other actors in the programme:' }[this.language];
            blocks.push(para([text(lead)]));
            blocks.push({
                type: 'list', ordered: false,
                items: types.map(t => [para([{ type: 'strong', children: [text(`${capitalise(l.actorTypes[t])}: `)] },
                    text(others.filter(a => a.type === t).map(a => a.title).join(', '))])])
            });
        }
        return blocks;
    }

    private assumptionState(a: ast.Assumption) {
        return assumptionStatus(a, this.inclusion.findings);
    }

    private async logicBlocks(): Promise<Block[]> {
        const l = this.l;
        const blocks: Block[] = [];
        for (const logic of indexOf(this.workspace).elementsOf<ast.Logic>('Logic').filter(hasId)) {
            if (!logic.nodes.length) continue;
            const drawing = await logicSvg(this.workspace, { language: this.language, logic, assumptionStatus: a => this.assumptionState(a) });
            blocks.push({
                type: 'figure', anchor: anchorName('figur', String(++this.figures)), number: this.figures,
                caption: [text(logic.title)], svg: drawing.svg, width: drawing.width, height: drawing.height, alt: drawing.alt
            });
            const rows: Cell[][] = [];
            for (const level of LEVELS) {
                for (const node of logic.nodes.filter(n => n.level === level)) {
                    const indicators = [...node.indicators, ...logic.indicators.filter(i => i.node?.ref === node)];
                    rows.push([[text(l.level_[level])], [text(node.name)], [text(node.title)],
                        indicators.length ? indicators.flatMap((ind, i) => [...(i ? [{ type: 'break' } as Inline] : []), text(this.indicatorText(ind))]) : [text('–')]]);
                }
            }
            blocks.push(this.table(`${l.logicNodes}: ${logic.title}`, [l.level, l.id, l.node, `${l.indicators} (${l.baseline.toLowerCase()} → ${l.target.toLowerCase()})`], rows, [13, 21, 34, 32]));
            if (logic.assumptions.length) {
                blocks.push(this.table(`${l.assumptions}: ${logic.title}`, ['#', l.assumptions, l.on, l.status],
                    logic.assumptions.map((a, i) => {
                        // Under --force the parser may have recovered `on` without its node (`on on -> A`).
                        const on = a.on;
                        const name = (ref: { $refText: string } | undefined) => ref?.$refText ?? '?';
                        const where = on ? (on.to ? `${name(on.from)} → ${name(on.to)}` : name(on.from)) : '';
                        return [[text(String(i + 1))], [text(a.title)], [text(where)], [text(l.assumptionStatuses[this.assumptionState(a)])]];
                    }), [5, 50, 30, 15]));
            }
        }
        return blocks;
    }

    private indicatorText(ind: ast.Indicator): string {
        const unit = ind.unit ? ` ${ind.unit}` : '';
        const values = ind.baseline !== undefined || ind.target !== undefined
            ? `: ${ind.baseline !== undefined ? formatNumber(ind.baseline, this.language) : '?'} → ${ind.target !== undefined ? formatNumber(ind.target, this.language) : '?'}${unit}`
            : unit ? ` (${ind.unit})` : '';
        return `${ind.title}${values}`;
    }

    private projectsOf(portfolio: ast.Portfolio | undefined): ast.Project[] {
        const all = indexOf(this.workspace).elementsOf<ast.Project>('Project').filter(p => p.name);
        return all.filter(p => {
            const owner = p.$container?.$type === 'Portfolio' ? p.$container as ast.Portfolio : p.portfolio?.ref;
            return owner === portfolio;
        });
    }

    private fundingTotal(p: ast.Project): string {
        const mnok = p.funding.reduce((sum, f) => sum + f.amount * ({ NOK: 1e-6, kNOK: 1e-3, MNOK: 1 }[f.unit] ?? 1), 0);
        if (!p.funding.length) return '–';
        return `${formatNumber(Math.round(mnok * 100) / 100, this.language, 2)} MNOK`;
    }

    private portfolioBlocks(): Block[] {
        const l = this.l;
        const blocks: Block[] = [];
        const portfolios: (ast.Portfolio | undefined)[] = [...indexOf(this.workspace).elementsOf<ast.Portfolio>('Portfolio').filter(p => p.name)];
        if (this.projectsOf(undefined).length) portfolios.push(undefined);
        const relations: Cell[][] = [];
        for (const portfolio of portfolios) {
            const projects = this.projectsOf(portfolio);
            if (portfolio) {
                const facts: Inline[] = [{ type: 'strong', children: [text(portfolio.title)] }];
                if (portfolio.vision) facts.push(text(`. ${{ nb: 'Visjon', nn: 'Visjon', en: 'Vision' }[this.language]}: «${portfolio.vision}»`));
                if (portfolio.owner?.ref) facts.push(text(`. ${l.owner}: ${portfolio.owner.ref.title}`));
                facts.push(text('.'));
                blocks.push(para(facts));
            }
            if (!projects.length) continue;
            blocks.push(this.table(portfolio ? `${l.portfolios}: ${portfolio.title}` : l.portfolios,
                [l.project, l.status, l.owner, l.partners, l.funding, l.contributes],
                projects.map(p => [
                    [{ type: 'strong', children: [text(p.name)] }, text(` ${p.title}`)],
                    [text(p.status ? l.projectStatuses[p.status] : '–')],
                    [text(p.owner?.ref?.title ?? '–')],
                    [text(p.partners.map(a => a.ref?.title ?? a.$refText).join('; ') || '–')],
                    [text(this.fundingTotal(p))],
                    [text(p.contributes.map(n => n.$refText).join(', ') || '–')]
                ]), [20, 11, 14, 29, 11, 15]));
            for (const p of projects) for (const rel of p.relations) {
                if (!rel.target) continue; // a relation the parser recovered without its project (--force)
                relations.push([[text(p.name)], [text(l.relationKinds[rel.kind])], [text(rel.target.$refText)], [text(rel.note ?? '')]]);
            }
        }
        if (relations.length) blocks.push(this.table(l.relations, [l.project, l.relation, l.project, l.note], relations, [14, 20, 14, 52]));
        return blocks;
    }

    private developmentBlocks(): Block[] {
        const l = this.l;
        const blocks: Block[] = [];
        const reports = [...indexOf(this.workspace).elementsOf<ast.Report>('Report')]
            .filter(x => hasId(x) && (dateOf(x)?.first ?? '') <= (dateOf(this.report)?.first ?? ''))
            .sort((a, b) => ((dateOf(a)?.first ?? '') < (dateOf(b)?.first ?? '') ? -1 : 1));
        blocks.push(this.table(l.earlierReports, [l.deliverable, l.reportNumber, l.date, l.cutoffOf],
            reports.map(x => [[text(`${l.kindTitle[x.kind ?? 'assessment']}: ${x.title}`)], [text(x.number ?? '–')],
                [text(formatDate(x.date, this.language))], [text(formatDate(x.cutoff, this.language) || '–')]]), [52, 16, 16, 16]));
        const pairs = [...this.inclusion.replacedBy.entries()].sort((a, b) => naturalCompare(a[1].name, b[1].name));
        if (pairs.length) {
            blocks.push(this.table(l.revisedPairs, [l.finding, l.replaces, l.date],
                pairs.map(([old, neu]) => [this.findingRef(neu, true), [text(`${old.name} ${old.title} (${formatDate(old.date, this.language)})`)], [text(formatDate(neu.date, this.language))]]),
                [40, 44, 16]));
        }
        return blocks;
    }

    // -----------------------------------------------------------------------------------
    // Findings

    private findingsChapter(): Draft {
        const l = this.l;
        const placed = new Map<ast.Finding, ast.Question>();
        for (const f of this.shownFindings) {
            const first = f.answers.map(a => a.ref).find((q): q is ast.Question => q !== undefined);
            if (first) placed.set(f, first);
        }
        const children: Draft[] = [];
        for (const q of this.questions()) {
            const here = this.shownFindings.filter(f => placed.get(f) === q);
            const elsewhere = this.shownFindings.filter(f => placed.get(f) !== q && f.answers.some(a => a.ref === q));
            const blocks: Block[] = [para([{ type: 'emphasis', children: [text(q.title)] }])];
            if (!here.length && !elsewhere.length) blocks.push(para([text({ nb: 'Ingen funn ennå.', nn: 'Ingen funn enno.', en: 'No findings yet.' }[this.language])]));
            if (elsewhere.length) {
                blocks.push(para([text(`${l.seeAlso} `), ...joinInlines(elsewhere.map(f => [
                    ...this.findingRef(f, true),
                    text(` (${l.questionWord} ${placed.get(f)?.name ?? ''})`)
                ]))]));
            }
            children.push({ key: `question-${q.name}`, title: `${capitalise(l.questionWord)} ${q.name}`, blocks, children: here.map(f => this.findingDraft(f)) });
        }
        const unplaced = this.shownFindings.filter(f => !placed.has(f));
        if (unplaced.length) children.push({ key: 'other-findings', title: l.otherFindings, blocks: [], children: unplaced.map(f => this.findingDraft(f)) });
        const intro = {
            nb: `Kapitlet presenterer ${this.shownFindings.length} funn ordnet etter problemstilling. Et funn som svarer på flere problemstillinger, står under den første og er henvist til fra de andre.`,
            nn: `Kapittelet presenterer ${this.shownFindings.length} funn ordna etter problemstilling. Eit funn som svarar på fleire problemstillingar, står under den første og er vist til frå dei andre.`,
            en: `This chapter presents ${this.shownFindings.length} findings by research question. A finding that answers several questions appears under the first and is cross-referenced from the others.`
        }[this.language];
        return { key: 'findings', title: l.findings, blocks: [para([text(intro)])], children };
    }

    private findingDraft(f: ast.Finding): Draft {
        const l = this.l;
        const meta: Inline[] = [];
        const add = (label: string, value: Inline[]) => {
            if (meta.length) meta.push(text(' · '));
            meta.push({ type: 'strong', children: [text(`${label}: `)] }, ...value);
        };
        add(l.confidence, [text(f.confidence ? l.confidenceWords[f.confidence] : '–')]);
        const concerns = f.concerns.filter(c => c.level !== 'none');
        if (concerns.length) add(l.concerns, [text(concerns.map(c => `${l.concernComponents[c.component]} (${l.concernLevels[c.level]})`).join(', '))]);
        if (f.date !== undefined) add(l.date, [text(formatDate(f.date, this.language))]);
        if (f.answers.length) add(l.answers, [text(f.answers.map(a => a.$refText).join(', '))]);
        const old = f.replaces?.ref;
        if (old && this.inclusion.replacedBy.get(old) === f) add(l.replaces, [text(`${old.name} «${old.title}»`)]);
        const blocks: Block[] = [para(meta, 'meta'), ...this.slot(f.text, 3)];
        const evidence: Inline[][] = [];
        const quotes: Block[] = [];
        for (const e of f.evidence) {
            // A table or chart stands for its sources here until reports print tables (V2 §8).
            for (const s of sourcesOfEvidence(e)) {
            const label = this.sourceInline(s, false);
            evidence.push(e.at ? [...label, text(` (${e.at})`)] : label);
            if (e.quote) quotes.push({ type: 'quote', children: [para([text(`«${e.quote}»`), text(' – '), ...this.sourceInline(s, false)])] });
            }
        }
        if (evidence.length) blocks.push(para([{ type: 'strong', children: [text(`${l.evidence}: `)] }, ...joinInlines(evidence, '; ')], 'meta'));
        blocks.push(...quotes);
        return { key: `finding-${f.name}`, anchor: elementAnchor(f), title: `${f.name} ${f.title}`, blocks, children: [] };
    }

    // -----------------------------------------------------------------------------------
    // Assessment

    private criterionTitle(a: ast.Assessment): string {
        const c = a.criterion;
        if (c?.dac) return `${this.l.dac[c.dac]} (OECD DAC)`;
        return c?.custom?.ref?.title ?? '–';
    }

    private sortedAssessments(): ast.Assessment[] {
        const rank = (a: ast.Assessment) => {
            const dac = a.criterion?.dac;
            return dac ? DAC_CRITERIA.indexOf(dac) : DAC_CRITERIA.length;
        };
        return [...this.inclusion.assessments].sort((a, b) => rank(a) - rank(b));
    }

    private assessmentOverview(): Block[] {
        const l = this.l;
        const list = this.sortedAssessments();
        if (!list.length) return [para([text(l.none)])];
        return [this.table(l.assessment, [l.criterion, l.rating, l.basis],
            list.map(a => [
                [{ type: 'xref', anchor: elementAnchor(a), children: [text(a.title)] }],
                [text(a.rating ? l.ratings[a.rating] : '–')],
                joinInlines(a.basedOn.map(f => f.ref ? this.findingRef(f.ref) : [text(f.$refText)]))
            ]), [40, 20, 40])];
    }

    private assessmentDrafts(): Draft[] {
        const l = this.l;
        return this.sortedAssessments().map(a => ({
            key: `assessment-${a.name}`, anchor: elementAnchor(a), title: a.title ?? a.name,
            blocks: [
                para([
                    { type: 'strong', children: [text(`${l.criterion}: `)] }, text(this.criterionTitle(a)), text(' · '),
                    { type: 'strong', children: [text(`${l.rating}: `)] }, text(a.rating ? l.ratings[a.rating] : '–'), text(' · '),
                    { type: 'strong', children: [text(`${l.basis}: `)] }, ...joinInlines(a.basedOn.map(f => f.ref ? this.findingRef(f.ref) : [text(f.$refText)]))
                ], 'meta'),
                ...this.slot(a.text, 2)
            ],
            children: []
        }));
    }

    private preconditionBlocks(): Block[] {
        const l = this.l;
        const assumptions = indexOf(this.workspace).elementsOf<ast.Assumption>('Assumption').filter(a => a.name);
        if (!assumptions.length) return [para([text(l.none)])];
        const rows = assumptions.map(a => {
            const supporting = this.inclusion.findings.filter(f => f.supports.some(r => r.ref === a));
            const challenging = this.inclusion.findings.filter(f => f.challenges.some(r => r.ref === a));
            const says: Inline[] = [];
            if (supporting.length) says.push(text(`${capitalise(l.supportedBy)} `), ...joinInlines(supporting.map(f => this.findingRef(f))), text('. '));
            if (challenging.length) says.push(text(`${capitalise(l.challengedBy)} `), ...joinInlines(challenging.map(f => this.findingRef(f))), text('.'));
            if (!says.length) says.push(text('–'));
            return [[text(a.title)], [text(l.assumptionStatuses[this.assumptionState(a)])], says];
        });
        const intro = {
            nb: 'Tabellen viser forutsetningene i programteorien og hva funnene sier om dem.',
            nn: 'Tabellen viser føresetnadene i programteorien og kva funna seier om dei.',
            en: 'The table shows the assumptions of the programme theory and what the findings say about them.'
        }[this.language];
        return [para([text(intro)]), this.table(l.preconditions, [l.assumptions, l.status, l.findings], rows, [46, 16, 38])];
    }

    // -----------------------------------------------------------------------------------
    // Final report

    private contextBlocks(): Block[] {
        const l = this.l;
        const initiatives = indexOf(this.workspace).elementsOf<ast.Initiative>('Initiative').filter(i => i.name);
        if (!initiatives.length) return [];
        return [this.table(l.context, [l.initiative, l.country, l.findings], initiatives.map(i => {
            const about = this.inclusion.findings.filter(f => f.about.some(r => r.ref === i));
            const title: Inline = i.url && /^https?:/.test(i.url) ? { type: 'link', href: i.url, children: [text(i.title)] } : text(i.title);
            return [[title], [text(i.country ?? '')], about.length ? joinInlines(about.map(f => this.findingRef(f))) : [text('–')]];
        }), [56, 12, 32])];
    }

    private lessonBlocks(): Block[] {
        const l = this.l;
        if (!this.inclusion.lessons.length) return [para([text(l.none)])];
        return [this.table(l.lessons, [l.id, l.lesson, l.basis], this.inclusion.lessons.map(x => [
            [{ type: 'target', anchor: elementAnchor(x), children: [text(x.name)] }],
            [text(x.title)],
            joinInlines(x.basedOn.map(f => f.ref ? this.findingRef(f.ref) : [text(f.$refText)]))
        ]), [8, 66, 26])];
    }

    private recommendationBlocks(short: boolean): Block[] {
        const l = this.l, final = this.kind === 'final';
        const recs = this.inclusion.recommendations;
        if (!recs.length) return [para([text(l.none)])];
        const header = short ? [l.id, l.recommendation, l.addressee, l.priority, l.status]
            : final ? [l.id, l.recommendation, l.addressee, l.priority, l.horizon, l.basis, l.status]
                : [l.id, l.recommendation, l.addressee, l.priority, l.horizon, l.basis];
        const rows = recs.map(rec => {
            const row: Cell[] = [
                [{ type: 'target', anchor: elementAnchor(rec), children: [text(rec.name)] }],
                [text(rec.title)],
                [text(rec.to.map(a => a.ref?.title ?? a.$refText).join('; ') || '–')],
                [text(rec.priority ? l.priorities[rec.priority] : '–')]
            ];
            if (!short) {
                row.push([text(rec.horizon ? l.horizons[rec.horizon] : '–')]);
                row.push(joinInlines(rec.basedOn.map(f => f.ref ? this.findingRef(f.ref) : [text(f.$refText)])));
            }
            if (short || final) row.push([text(rec.status ? l.recommendationStatuses[rec.status] : '–'), ...(rec.response ? [{ type: 'break' } as Inline, { type: 'emphasis', children: [text(rec.response)] } as Inline] : [])]);
            return row;
        });
        const widths = short ? [7, 45, 22, 10, 16] : final ? [6, 30, 18, 9, 9, 10, 18] : [7, 40, 22, 10, 10, 11];
        return [this.table(l.recommendations, header, rows, widths)];
    }

    // -----------------------------------------------------------------------------------
    // Appendices

    private matrixAppendix(): Draft {
        const l = this.l;
        const shown = new Set(this.inclusion.findings);
        const matrix = traceabilityMatrix(indexOf(this.workspace), { includeFinding: f => shown.has(f) && reportIncludes(this.report, f) });
        const figure = (name: string, c: CoverageFigure): Cell[] => [[text(name)], [text(c.share === null ? '–' : formatPercent(c.numerator, c.denominator, this.language))], [text(`${c.numerator} / ${c.denominator}`)]];
        const coverage = this.table(l.coverage, [l.coverage, l.share, l.count], [
            figure(l.questionsAnswered, matrix.coverage.questionsAnswered),
            figure(l.findingsTriangulated, matrix.coverage.findingsTriangulated),
            figure(l.outcomesWithEvidence, matrix.coverage.outcomesWithEvidence),
            figure(l.recommendationsWithBasis, matrix.coverage.recommendationsWithBasis)
        ], [60, 20, 20]);
        const byId = new Map(this.inclusion.findings.map(f => [f.name, f]));
        const present = (ids: readonly string[], kind: 'Assessment' | 'Recommendation' | 'Lesson'): Inline[][] => ids.map((id): Inline[] => {
            const el = indexOf(this.workspace).declarationsOf(id).find(d => d.$type === kind) as ast.Assessment | ast.Recommendation | ast.Lesson | undefined;
            return el && this.anchors.has(elementAnchor(el)) ? [{ type: 'xref', anchor: elementAnchor(el), children: [text(id)] }] : [];
        }).filter(x => x.length > 0);
        const rows = matrix.rows.map(row => {
            const f = byId.get(row.id)!;
            const kinds = Object.entries(row.evidence).map(([k, n]) => `${this.l.sourceKind[k as ast.SourceKind]}: ${n}`).join(', ');
            const usedBy = [...present(row.usedBy.assessments, 'Assessment'), ...present(row.usedBy.recommendations, 'Recommendation'), ...present(row.usedBy.lessons, 'Lesson')];
            return [
                [text(row.questions.join(', ') || '–')],
                this.findingRef(f, true),
                [text(row.confidence ? l.confidenceWords[row.confidence] : '–')],
                [text(kinds || '–')],
                usedBy.length ? joinInlines(usedBy) : [text('–')]
            ];
        });
        const intro = {
            nb: 'Matrisen viser for hvert funn i rapporten hvilke problemstillinger det svarer på, hvilke typer kilder det bygger på, og hvor det er brukt.',
            nn: 'Matrisa viser for kvart funn i rapporten kva problemstillingar det svarar på, kva typar kjelder det byggjer på, og kvar det er brukt.',
            en: 'For each finding in the report, the matrix shows the questions it answers, the kinds of source it rests on and where it is used.'
        }[this.language];
        return {
            key: 'matrix', title: l.matrix, numbering: 'appendix',
            blocks: [para([text(intro)]), coverage, this.table(l.matrix, [l.question, l.finding, l.confidence, `${l.sources} (${l.kind.toLowerCase()})`, l.usedBy], rows, [15, 34, 12, 22, 17])],
            children: []
        };
    }

    private sourceOverview(): Draft {
        const l = this.l;
        for (const s of this.evidenceSources()) this.usedSources.add(s);
        const list = [...this.usedSources].map(s => this.sources.get(s)!).sort((a, b) =>
            SOURCE_KIND_ORDER.indexOf(a.source.kind) - SOURCE_KIND_ORDER.indexOf(b.source.kind)
            || accessRank(a.access) - accessRank(b.access)
            || naturalCompare(a.label, b.label));
        const rows: Cell[][] = list.map(p => {
            const description: Inline[] = [];
            if (p.access === 'public') {
                description.push(text(p.title ?? ''));
                if (p.personName) description.push(text(`. ${p.personName}${p.role ? `, ${p.role}` : ''}`));
                else if (p.role && p.source.kind !== 'literature') description.push(text(`. ${l.role}: ${p.role}`));
                if (p.respondents) description.push(text(`. ${l.respondents}: ${p.respondents}`));
                if (p.url && /^https?:/.test(p.url)) description.push(text('. '), { type: 'link', href: p.url, children: [text(p.url)] });
            } else if (p.access === 'internal') {
                const parts: string[] = [];
                if (p.role) parts.push(`${l.role}: ${p.role}`);
                if (p.actorType) parts.push(`${l.actorType}: ${l.actorTypes[p.actorType]}`);
                if (p.respondents) parts.push(`${l.respondents}: ${p.respondents}`);
                description.push(text(parts.join('. ') || '–'));
            } else {
                description.push(text('–'));
            }
            return [
                [{ type: 'target', anchor: p.anchor, children: [text(p.label)] }],
                [text(l.sourceKind[p.source.kind])],
                description,
                [text(p.access === 'confidential' ? '–' : formatDate(p.date, this.language) || '–')],
                [text(l.accessWords[p.access])]
            ];
        });
        const intro = {
            nb: 'Oversikten viser alle kilder rapporten viser til. Konfidensielle kilder vises bare med betegnelse; interne kilder med rolle og aktørtype.',
            nn: 'Oversikta viser alle kjeldene rapporten viser til. Konfidensielle kjelder blir berre viste med nemning; interne kjelder med rolle og aktørtype.',
            en: 'The overview lists every source the report refers to. Confidential sources appear by label only; internal sources with role and actor type.'
        }[this.language];
        return {
            key: 'source-overview', title: l.sourceOverview, numbering: 'appendix',
            blocks: [para([text(intro)]), this.table(l.sourceOverview, [l.source, l.kind, l.title, l.date, l.access], rows, [16, 14, 44, 14, 12])],
            children: []
        };
    }

    private referencesChapter(): Draft | undefined {
        const entries = this.citations.references();
        if (!entries.length) return undefined;
        return {
            key: 'references', title: this.l.references, numbering: 'plain',
            blocks: [{ type: 'references', entries: entries.map(e => ({ anchor: anchorName('ref', e.key), children: e.children })) }],
            children: []
        };
    }

    // -----------------------------------------------------------------------------------
    // References inside text

    private findingRef(f: ast.Finding, withTitle = false): Inline[] {
        const shown = this.inclusion.replacedBy.get(f) ?? f;
        const label = withTitle ? `${f.name} ${f.title}` : f.name;
        const anchor = elementAnchor(shown);
        return this.anchors.has(anchor) ? [{ type: 'xref', anchor, children: [text(label)] }] : [text(label)];
    }

    /** A source as the text shows it: APA citation for literature, else its label linking to the source overview. */
    private sourceInline(s: ast.Source, narrative: boolean, insideParentheses = true): Inline[] {
        this.usedSources.add(s);
        if (s.kind === 'literature' && s.cite) {
            const cited = this.citations.cite(s, narrative ? (insideParentheses ? 'bare' : 'narrative') : 'bare');
            if (cited) return [{ type: 'citation', text: cited, anchor: anchorName('ref', s.cite) }];
        }
        const p = this.sources.get(s)!;
        return [{ type: 'xref', anchor: p.anchor, children: [text(p.label)] }];
    }

    private refInline(target: AstNode | undefined, written: string, context: RefContext): Inline[] {
        if (!target) return [text(`@${written}`)];
        switch (target.$type) {
            case 'Finding':
                return this.findingRef(target as ast.Finding);
            case 'Recommendation':
            case 'Assessment':
            case 'Lesson': {
                const el = target as ast.Recommendation | ast.Assessment | ast.Lesson;
                const anchor = elementAnchor(el);
                return this.anchors.has(anchor) ? [{ type: 'xref', anchor, children: [text(el.name)] }] : [text(el.title)];
            }
            case 'Source':
                return this.sourceInline(target as ast.Source, true, context.insideParentheses);
            case 'Question': {
                const q = target as ast.Question;
                const listed = new RegExp(`(problemstilling\\p{L}*|research questions?|questions?)\\s+([\\p{L}\\p{N}_]+(,\\s*|\\s+(og|eller|and|or)\\s+))*$`, 'iu');
                return [text(listed.test(context.before) ? q.name : `${this.l.questionWord} ${q.name}`)];
            }
            default:
                return [text((target as { title?: string }).title ?? written)];
        }
    }
}

function accessRank(a: ast.Access): number {
    return a === 'public' ? 0 : a === 'internal' ? 1 : 2;
}

function capitalise(s: string): string {
    return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function joinInlines(items: Inline[][], separator = ', '): Inline[] {
    const out: Inline[] = [];
    items.forEach((item, i) => {
        if (i) out.push(text(separator));
        out.push(...item);
    });
    return out;
}

