/**
 * What each document contributes to the workspace facts (its "part": citations, tested
 * and answered nodes, protected names, elements by type), how a part is collected from a
 * tree and patched after one element changed, and the large facts merged from the parts
 * and kept from build to build (prog-workspace-index.ts holds the facts; this module how
 * they are assembled).
 */
import type { AstNode, AstNodeDescription, ReferenceInfo, Reference } from 'langium';
import type { NamedElement } from '../references/prog-names.js';
import { isNamedElement } from '../references/prog-names.js';
import { collectTree, elementRun, elementStart, nodesOf, referencesOf } from '../model/prog-ast-walk.js';
import {
    Assessment, Chain, Finding, Indicator, isLogicNode, Programme, Project, reflection, Report, Source,
    type LogicNode, type Portfolio, type Question
} from '../generated/ast.js';
import { accessOf, cutoffOf, isInForce, isInformantSource, isJudgingReport } from '../model/prog-model.js';
import { RankedLists, rootOf } from '../model/prog-ranked-lists.js';
import type { Citation, ReportCutoff } from './prog-workspace-index.js';
/**
 * The large facts, kept from build to build and patched (prog-ranked-lists.ts). The maps
 * handed out in `WorkspaceIndexData` are these: read them within one build, as the checks
 * and requests do, and do not keep them across builds.
 */
export interface MergedFacts {
    /** The part each document contributed, by URI, in path order. */
    parts: ReadonlyMap<string, DocumentPart>;
    readonly citedBy: RankedLists<AstNode, Citation>;
    readonly testedBy: RankedLists<AstNode, Finding>;
    readonly answeredBy: RankedLists<Question, Finding>;
    readonly names: RankedLists<string, Source>;
    namePattern: RegExp | undefined;
}

export function newMergedFacts(): MergedFacts {
    return {
        parts: new Map(),
        citedBy: new RankedLists<AstNode, Citation>(citation => rootOf(citation.container)),
        testedBy: new RankedLists<AstNode, Finding>(rootOf),
        answeredBy: new RankedLists<Question, Finding>(rootOf),
        names: new RankedLists<string, Source>(rootOf),
        namePattern: undefined
    };
}

/** One operation on a large fact with the entries a part files there; true when a key came or went. */
export type FactOperation = <K, V>(ranked: RankedLists<K, V>, entries: Array<readonly [K, V]>, positionOf: (value: V) => number) => boolean;

/**
 * Applies `operation` to each large fact with what `lists` files there (`positionOf`: where
 * a value's top-level element starts). True when the protected names gained or lost a key.
 */
export function fileFacts(merged: MergedFacts, lists: PartLists, operation: FactOperation): boolean {
    operation(merged.citedBy, lists.citations, citation => elementStart(citation.container));
    operation(merged.testedBy, lists.tested, elementStart);
    operation(merged.answeredBy, lists.answered, elementStart);
    return operation(merged.names, lists.names, elementStart);
}

/** How many entries parts file in the large facts (roughly what patching them costs). */
export function sizeOf(parts: Iterable<PartLists>): number {
    let size = 0;
    for (const part of parts) size += part.named.length + part.citations.length;
    return size;
}

export function sameKeys<K>(a: ReadonlyMap<K, unknown>, b: ReadonlyMap<K, unknown>): boolean {
    if (a.size !== b.size) return false;
    for (const key of a.keys()) if (!b.has(key)) return false;
    return true;
}

export function declarationsByName(byName: ReadonlyMap<string, readonly AstNodeDescription[]>): Map<string, NamedElement[]> {
    const declarations = new Map<string, NamedElement[]>();
    for (const [name, descriptions] of byName) declarations.set(name, descriptions.map(description => description.node as NamedElement));
    return declarations;
}

/** The named elements of the parts by `$type`, in the parts' order, then document order. */
export function typesOf(parts: Iterable<PartLists>): Map<string, AstNode[]> {
    const byType = new Map<string, AstNode[]>();
    for (const part of parts) for (const node of part.named) push(byType, node.$type, node);
    return byType;
}

/** What one document contributes to the workspace facts, in document order. */
export interface DocumentPart extends PartLists {
    /** The tree it was collected from. */
    readonly root: AstNode;
}

export interface PartLists {
    readonly named: NamedElement[];
    readonly programmes: Programme[];
    readonly chains: Chain[];
    readonly answered: Array<[Question, Finding]>;
    readonly tested: Array<[AstNode, Finding]>;
    readonly indicated: Array<[Indicator, LogicNode]>;
    readonly projects: Array<[Portfolio, Project]>;
    readonly criteria: Array<[Assessment, string]>;
    readonly names: Array<[string, Source]>;
    readonly reports: ReportCutoff[];
    readonly judging: Report[];
    readonly informants: Source[];
    readonly citations: Array<[AstNode, Citation]>;
}

/** The types `collectPart` tells apart by `$type`: none of them has subtypes (checked at load). */
export const PART_TYPES = [Programme.$type, Chain.$type, Finding.$type, Indicator.$type, Project.$type, Assessment.$type, Source.$type, Report.$type];
for (const type of PART_TYPES) {
    if (reflection.getAllSubTypes(type).length !== 1) throw new Error(`prog-workspace-index: ${type} has subtypes; collectPart must test with reflection`);
}

export function emptyLists(): PartLists {
    return {
        named: [], programmes: [], chains: [], answered: [], tested: [], indicated: [], projects: [], criteria: [], names: [], reports: [],
        judging: [], informants: [], citations: []
    };
}

export function collectPart(root: AstNode): DocumentPart {
    const part: DocumentPart = { root, ...emptyLists() };
    collectInto(part, nodesOf(root), referencesOf(root));
    return part;
}

/** Files what the nodes and references contribute; in document order when they are. */
export function collectInto(part: PartLists, nodes: readonly AstNode[], references: readonly ReferenceInfo[]): void {
    for (const node of nodes) {
        if (isNamedElement(node)) part.named.push(node);
        // One switch on the type instead of a reflection test per type and node.
        switch (node.$type) {
            case Programme.$type:
                if ((node as Programme).name) part.programmes.push(node as Programme);
                break;
            case Chain.$type:
                part.chains.push(node as Chain);
                break;
            case Finding.$type: {
                const finding = node as Finding;
                if (!isInForce(finding)) break;
                for (const ref of finding.answers) if (ref.ref) part.answered.push([ref.ref, finding]);
                for (const ref of finding.supports) if (ref.ref) part.tested.push([ref.ref, finding]);
                for (const ref of finding.challenges) if (ref.ref) part.tested.push([ref.ref, finding]);
                break;
            }
            case Indicator.$type: {
                const indicator = node as Indicator;
                if (isLogicNode(indicator.$container)) part.indicated.push([indicator, indicator.$container]);
                if (indicator.node?.ref) part.indicated.push([indicator, indicator.node.ref]);
                break;
            }
            case Project.$type: {
                const project = node as Project;
                const portfolio = project.$container.$type === 'Portfolio' ? project.$container : project.portfolio?.ref;
                if (portfolio) part.projects.push([portfolio, project]);
                break;
            }
            case Assessment.$type: {
                const assessment = node as Assessment;
                if (assessment.criterion?.dac) part.criteria.push([assessment, assessment.criterion.dac]);
                break;
            }
            case Source.$type: {
                const source = node as Source;
                if (source.personName && source.personName.trim() && accessOf(source) !== 'public') part.names.push([normalizeName(source.personName), source]);
                if (isInformantSource(source)) part.informants.push(source);
                break;
            }
            case Report.$type: {
                const cutoff = cutoffOf(node as Report);
                if (cutoff) part.reports.push({ report: node as Report, cutoff });
                if (isJudgingReport(node as Report)) part.judging.push(node as Report);
                break;
            }
        }
    }
    // A Langium ReferenceInfo is a Citation (container, property, index): no copy.
    for (const info of references) {
        const target = (info.reference as Reference).ref;
        if (target) part.citations.push([target, info]);
    }
}

/**
 * After an edit that changed a few top-level elements of a document (prog-linker.ts tells
 * which), its part is the former part with the entries of those elements collected again.
 * A part's lists are grouped by top-level element in document order, so each element's
 * entries are one run, found by binary search on where the element starts.
 */
export interface ElementChange {
    /** The former tree of the document. */
    readonly previous: AstNode;
    /** Pairs of (former element, element now) at the same place; the same node when only its links changed. */
    readonly elements: ReadonlyArray<readonly [AstNode, AstNode]>;
}

/** Where each list's entries come from: the node whose top-level element they belong to. */
export const SOURCES: { readonly [F in keyof PartLists]: (entry: PartLists[F][number]) => AstNode } = {
    named: node => node,
    programmes: node => node,
    chains: node => node,
    answered: ([, finding]) => finding,
    tested: ([, finding]) => finding,
    indicated: ([indicator]) => indicator,
    projects: ([, project]) => project,
    criteria: ([assessment]) => assessment,
    names: ([, source]) => source,
    reports: cutoff => cutoff.report,
    judging: report => report,
    informants: source => source,
    citations: ([, info]) => info.container
};
export const FIELDS = Object.keys(SOURCES) as Array<keyof PartLists>;

/**
 * The part of `root` made from `before` by collecting the changed elements again, with the
 * entries taken out and filed; undefined when that cannot be done (then the part is collected whole).
 */
export function patchPart(before: DocumentPart, root: AstNode, change: ElementChange): { part: DocumentPart; removed: PartLists; added: PartLists } | undefined {
    const removed = emptyLists();
    const added = emptyLists();
    const part = { root, ...emptyLists() } as DocumentPart;
    // The changed elements in text order; the former and the present one start at the same offset.
    const elements = change.elements.map(([former, present]) => ({ former, present, at: present.$cstNode?.offset ?? -1 }))
        .sort((a, b) => a.at - b.at);
    if (elements.some(({ former, at }) => at < 0 || former.$cstNode?.offset !== at)) return undefined;
    const fresh = elements.map(({ present }) => {
        const lists = emptyLists();
        const { nodes, references } = collectTree(present);
        collectInto(lists, nodes, references);
        return lists;
    });
    for (const field of FIELDS) {
        const list = before[field] as unknown[];
        const source = SOURCES[field] as (entry: unknown) => AstNode;
        const out = part[field] as unknown[];
        let from = 0;
        elements.forEach(({ at }, k) => {
            const [start, end] = elementRun(list, at, source, from);
            for (let i = from; i < start; i++) out.push(list[i]);
            for (let i = start; i < end; i++) (removed[field] as unknown[]).push(list[i]);
            for (const entry of fresh[k][field] as unknown[]) {
                out.push(entry);
                (added[field] as unknown[]).push(entry);
            }
            from = end;
        });
        for (let i = from; i < list.length; i++) out.push(list[i]);
    }
    return { part, removed, added };
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
}


export function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for all protected names: whole names, longest first, words separated by any whitespace. */
export function namePattern(normalized: readonly string[]): RegExp | undefined {
    if (normalized.length === 0) return undefined;
    const alternatives = normalized.slice().sort((a, b) => b.length - a.length)
        .map(name => name.split(' ').map(escapeRegExp).join('\\s+'));
    // A whole name: not glued to a letter or digit before, nor after (a genitive -s is allowed).
    return new RegExp(`(?<![\\p{L}\\p{M}\\p{Nd}])(?:${alternatives.join('|')})(?=s?(?![\\p{L}\\p{M}\\p{Nd}]))`, 'giu');
}

/** Lower case, single spaces: how protected names are compared. */
export function normalizeName(name: string): string {
    return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('nb');
}
