import { AstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CompositeCstNode, type CstNode, type ValidationAcceptor } from 'langium';
import { DiagnosticRelatedInformation, Location } from 'vscode-languageserver-protocol';
import type * as ast from '../generated/ast.js';
import { Codes } from '../prog-codes.js';
import { dateProblem, isoDateFor, parseDate } from '../model/prog-dates.js';
import { isNamedElement, kindWord } from '../references/prog-names.js';
import { mayRepeatProperty } from '../parser/prog-repeated-properties.js';
import { fieldsOf } from '../model/prog-ast-walk.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import type { ProgWorkspaceSettings } from '../workspace/prog-settings.js';
import { diagnose } from './prog-diagnose.js';
import { place } from './prog-locations.js';

/** Single-valued property keywords per element type (LANGUAGE.md property table). */
export const SINGLE_VALUED: Readonly<Record<string, readonly string[]>> = {
    Programme: ['client', 'contract', 'period', 'goal', 'bibliography', 'description', 'ethics', 'data-deletion'],
    Actor: ['type', 'members', 'part-of'],
    Need: ['weight'],
    LogicNode: ['horizon'],
    Assumption: ['on'],
    Indicator: ['for', 'baseline', 'target', 'unit'],
    Portfolio: ['challenge', 'vision', 'owner'],
    Project: ['status', 'owner', 'governance', 'period', 'portfolio'],
    Source: ['date', 'role', 'file', 'url', 'name', 'actor', 'access', 'consent', 'origin', 'respondents', 'population', 'cite', 'count'],
    Finding: ['confidence', 'date', 'status', 'replaces', 'text'],
    Assessment: ['criterion', 'rating', 'text', 'date', 'replaces', 'not-assessed'],
    Recommendation: ['priority', 'horizon', 'status', 'response', 'date'],
    Initiative: ['country', 'url'],
    Report: [
        'kind', 'date', 'cutoff', 'language', 'number', 'summary', 'introduction', 'method', 'discussion', 'conclusion',
        'institution', 'project-leader', 'quality-assurance', 'isbn', 'issn', 'preface', 'summary-en'
    ],
    Evidence: ['at', 'quote'],
    Table: ['file', 'note', 'unit', 'counts'],
    Chart: ['file', 'note', 'unit', 'kind']
};

const SINGLE_VALUED_SETS = new Map(Object.entries(SINGLE_VALUED).map(([type, words]) => [type, new Set(words)]));

export class StructureChecks {
    constructor(private readonly index: ProgWorkspaceIndex, private readonly settings?: ProgWorkspaceSettings) {}

    /**
     * `property/duplicate`: a single-valued property written twice (the second one reported).
     * Only nodes the parser assigned a property twice can have one (`mayRepeatProperty`);
     * their leaves are walked to find the keywords.
     */
    propertyShouldNotRepeat(node: AstNode, accept: ValidationAcceptor): void {
        const keywords = SINGLE_VALUED_SETS.get(node.$type);
        // mayRepeatProperty first: asking a lean CST node for its content builds the full tree (prog-lean-cst.ts).
        if (!keywords || !mayRepeatProperty(node)) return;
        const cst = node.$cstNode;
        if (!cst || !isCompositeCstNode(cst)) return;
        const first = new Map<string, CstNode>();
        forEachOwnLeaf(cst, node, leaf => {
            const source = leaf.grammarSource;
            if (!GrammarAST.isKeyword(source) || !keywords.has(source.value)) return;
            const earlier = first.get(source.value);
            if (!earlier) {
                first.set(source.value, leaf);
                return;
            }
            diagnose(accept, Codes.PropertyDuplicate, `\`${source.value}\` is written more than once; it takes one value`, {
                node, range: leaf.range,
                relatedInformation: relatedAt(node, earlier.range, `first \`${source.value}\``)
            });
        });
    }

    /** `id/duplicate`: IDs are unique in the workspace; both declarations are reported. */
    idShouldBeUnique(node: AstNode, accept: ValidationAcceptor): void {
        if (!isNamedElement(node) || !node.name || !this.index.isDeclaredTwice(node.name)) return;
        const all = this.index.declarationsOf(node.name);
        const others = all.filter(other => other !== node);
        diagnose(accept, Codes.IdDuplicate, `The ID '${node.name}' is declared ${all.length} times in the workspace (${others.map(o => `${kindWord(o)} in ${place(o, this.settings?.root)}`).join(', ')})`, {
            node, property: 'name',
            relatedInformation: others.map(other => DiagnosticRelatedInformation.create(
                Location.create(AstUtils.getDocument(other).uri.toString(), nameRange(other)),
                `'${node.name}' is also declared here`))
        });
    }

    /** `programme/missing` and `programme/multiple`: exactly one programme per workspace. */
    workspaceShouldHaveOneProgramme(model: ast.Model, accept: ValidationAcceptor): void {
        const documents = this.index.documentsInOrder();
        const programmes = this.index.programmes();
        const document = AstUtils.getDocument(model);
        if (programmes.length === 0 && documents[0] === document) {
            diagnose(accept, Codes.ProgrammeMissing, 'The workspace has no `programme`; every workspace needs exactly one', {
                node: model, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
            });
        }
        const [first, ...rest] = programmes;
        for (const programme of rest) {
            if (AstUtils.getDocument(programme) !== document) continue;
            diagnose(accept, Codes.ProgrammeMultiple, `A second programme: the workspace already has '${first.name}' (${place(first, this.settings?.root)})`, {
                node: programme, property: 'name',
                relatedInformation: [DiagnosticRelatedInformation.create(
                    Location.create(AstUtils.getDocument(first).uri.toString(), nameRange(first)), 'the first programme')]
            });
        }
    }

    /**
     * `date/invalid`: dates must exist (no month 13, no 30 February) and be written as ISO
     * dates; a date written another way (`20.05.2025`) gets its ISO form (`data.iso`, for the quick fix).
     */
    datesShouldExist(node: DatedNode, accept: ValidationAcceptor): void {
        const properties = DATE_PROPERTIES[node.$type];
        for (const property of properties) {
            const value = fieldsOf(node)[property];
            if (typeof value !== 'string' && typeof value !== 'number') continue;
            const problem = dateProblem(value);
            if (!problem) continue;
            const iso = isoDateFor(value);
            diagnose(accept, Codes.DateInvalid, problem, { node, property: property as never, ...(iso ? { data: { iso } } : {}) });
        }
    }

    /** `period/reversed` on a source series dated by a period (`date 2014-09 .. 2014-11`). */
    sourcePeriodShouldNotBeReversed(source: ast.Source, accept: ValidationAcceptor): void {
        if (source.dateEnd === undefined) return;
        const start = parseDate(source.date);
        const end = parseDate(source.dateEnd);
        if (start && end && end.last < start.first) {
            const range = rangeBetween(source, 'date', 'dateEnd');
            diagnose(accept, Codes.PeriodReversed, `The period ends (${source.dateEnd}) before it starts (${source.date}); write the earlier date first`,
                range ? { node: source, range } : { node: source, property: 'dateEnd' });
        }
    }

    /** `period/reversed`: a period ends on or after it starts. */
    periodShouldNotBeReversed(period: ast.Period, accept: ValidationAcceptor): void {
        const start = parseDate(period.start);
        const end = parseDate(period.end);
        if (start && end && end.last < start.first) {
            diagnose(accept, Codes.PeriodReversed, `The period ends (${period.end}) before it starts (${period.start})`, { node: period });
        }
    }

    /** `sdg/out-of-range`: the UN Sustainable Development Goals are numbered 1–17. */
    sdgsShouldBeInRange(node: ast.Programme | ast.LogicNode, accept: ValidationAcceptor): void {
        node.sdgs.forEach((sdg, index) => {
            if (!Number.isInteger(sdg) || sdg < 1 || sdg > 17) {
                diagnose(accept, Codes.SdgOutOfRange, `SDG ${sdg} does not exist; the goals are numbered 1 to 17`, { node, property: 'sdgs', index });
            }
        });
    }

    /** An assumption `on A -> B` needs that edge in some chain; else `ref/unresolved` on the edge. */
    assumptionEdgeShouldExist(target: ast.AssumptionTarget, accept: ValidationAcceptor): void {
        const from = target.from?.ref;
        const to = target.to?.ref;
        if (!from || !to) return;
        const declared = this.index.edgesFrom(from)?.has(to) ?? false;
        if (!declared) {
            const cst = target.$cstNode;
            diagnose(accept, Codes.RefUnresolved, `No edge ${target.from.$refText} -> ${target.to!.$refText} is declared in a chain`, {
                node: target, range: cst?.range
            });
        }
    }
}

/** Nodes that hold dates, and the properties that do (LANGUAGE.md: every date position). */
export type DatedNode = ast.Source | ast.Finding | ast.Report | ast.Period | ast.Programme | ast.Assessment | ast.Recommendation | ast.FollowUp | ast.Measurement;
const DATE_PROPERTIES: Readonly<Record<DatedNode['$type'], readonly string[]>> = {
    Source: ['date', 'dateEnd'],
    Finding: ['date'],
    Report: ['date', 'cutoff'],
    Period: ['start', 'end'],
    Programme: ['dataDeletion'],
    Assessment: ['date'],
    Recommendation: ['date'],
    FollowUp: ['date'],
    Measurement: ['date']
};

/** From the start of one property's value to the end of another's, when both are written. */
function rangeBetween(node: AstNode, from: string, to: string) {
    const start = GrammarUtils.findNodeForProperty(node.$cstNode, from)?.range.start;
    const end = GrammarUtils.findNodeForProperty(node.$cstNode, to)?.range.end;
    return start && end ? { start, end } : undefined;
}

/** Calls `visit` for the leaves that belong to `node` itself (not to nested elements), in text order. */
function forEachOwnLeaf(cst: CompositeCstNode, node: AstNode, visit: (leaf: CstNode) => void): void {
    for (const child of cst.content) {
        // A leaf belongs to the node its parent belongs to; only composite children (rule
        // calls) can start another node. (Asking a leaf for its node walks up the tree.)
        if (!isCompositeCstNode(child)) visit(child);
        else if (child.astNode === node) forEachOwnLeaf(child, node, visit);
    }
}

function nameRange(node: AstNode) {
    return GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range ?? node.$cstNode!.range;
}

function relatedAt(node: AstNode, range: ReturnType<typeof nameRange>, message: string): DiagnosticRelatedInformation[] {
    return [DiagnosticRelatedInformation.create(Location.create(AstUtils.getDocument(node).uri.toString(), range), message)];
}
