import { DocumentState, WorkspaceCache, type AstNode, type AstNodeDescription, type LangiumDocument, type LangiumDocuments, type Reference, type ReferenceInfo } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { NamedElement } from '../references/prog-names.js';
import { isNamedElement } from '../references/prog-names.js';
import { collectTree, elementRun, elementStart, nodesOf, referencesOf } from '../model/prog-ast-walk.js';
import { DependencyKeys, fileKey, type DependencyKey } from './prog-dependencies.js';
import {
    Assessment, Chain, Finding, Indicator, isLogicNode, Programme, Project, reflection, Report, Source,
    type Actor, type LogicNode, type Model, type Portfolio, type Question
} from '../generated/ast.js';
import { accessOf, cutoffOf, isInForce, isInformantSource, isJudgingReport, type OriginInfo, type OriginLookup } from '../model/prog-model.js';
import type { DateSpan } from '../model/prog-dates.js';
import { RankedLists, rootOf } from '../model/prog-ranked-lists.js';
import type { ProgIndexManager } from '../references/prog-index-manager.js';
import { hasSyntaxErrors, unreadNamesOf, type UnreadNames } from '../parser/prog-syntax-damage.js';
import { hasLinkingErrors } from '../references/prog-linker.js';
import { suggestIds, type IdSuggestion } from '../references/prog-id-suggestions.js';

/** One reference from one element to another, as written in the model. */
export interface Citation {
    readonly container: AstNode;
    readonly property: string;
    readonly index?: number;
}

export interface WorkspaceIndexData {
    /** The `.prog` documents in path order. */
    readonly documents: readonly LangiumDocument<Model>[];
    /** Every declaration by (NFC) ID, in path order then document order. */
    readonly declarations: ReadonlyMap<string, readonly NamedElement[]>;
    /** Every programme, in path order then document order. */
    readonly programmes: readonly Programme[];
    /** Who references each element (reverse-reference index, built once per build). */
    readonly citedBy: ReadonlyMap<AstNode, readonly Citation[]>;
    /** The programme-logic edges of every chain: node -> the nodes it leads to. */
    readonly edges: ReadonlyMap<LogicNode, ReadonlySet<LogicNode>>;
    /** Every element by `$type` (`Finding`, `Source`, `LogicNode`, …), in path then document order. */
    readonly byType: ReadonlyMap<string, readonly AstNode[]>;
    /** Logic nodes named in at least one chain line (whether or not the other end resolves). */
    readonly chained: ReadonlySet<LogicNode>;
    /** Logic nodes that have an indicator, nested or by `for`. */
    readonly indicated: ReadonlySet<LogicNode>;
    /** In-force findings that `supports` or `challenges` each logic node or assumption. */
    readonly testedBy: ReadonlyMap<AstNode, readonly Finding[]>;
    /** In-force findings that answer each question. */
    readonly answeredBy: ReadonlyMap<Question, readonly Finding[]>;
    /** The projects of each portfolio: nested ones, and top-level ones with `portfolio P`. */
    readonly portfolioProjects: ReadonlyMap<Portfolio, readonly Project[]>;
    /** The DAC criteria that at least one assessment covers. */
    readonly assessedCriteria: ReadonlySet<string>;
    /** Every chain edge that lies on a cycle, by chain and edge index (edge i is nodes[i] -> nodes[i+1]). */
    readonly cyclicEdges: ReadonlyMap<Chain, ReadonlyMap<number, LogicCycle>>;
    /** Person names of sources whose access is not `public` (see `protectedNamePattern`). */
    readonly protectedNames: ProtectedNames;
    /** Reports that have a cutoff (or a date), sorted by the last day of that cutoff. */
    readonly reportsByCutoff: readonly ReportCutoff[];
    /** The `assessment` and `final` reports, in path then document order (dependency key `reports`). */
    readonly judgingReports: readonly Report[];
    /** The indicators of each logic node: nested ones and top-level ones with `for` (dependency key `ref:NODE`). */
    readonly indicatorsOf: ReadonlyMap<LogicNode, readonly Indicator[]>;
    /** Interview and focus-group sources whose access is not `public` (dependency key `informants`). */
    readonly informantSources: readonly Source[];
}

/** An actor's origin, and the dependency keys computing it read (`decl:` names, one `ref:` name, `programmes`). */
interface ActorOrigin {
    readonly info: OriginInfo;
    readonly declared: readonly string[];
    readonly referenced: string;
}

/** One `A -> B` written in a chain line. */
export interface EdgeSite {
    readonly chain: Chain;
    /** The edge runs from `chain.nodes[index]` to `chain.nodes[index + 1]`. */
    readonly index: number;
    readonly from: LogicNode;
    readonly to: LogicNode;
}

/** A strongly connected set of logic nodes, and every written edge inside it. */
export interface LogicCycle {
    readonly nodes: readonly LogicNode[];
    readonly edges: readonly EdgeSite[];
}

export interface ProtectedNames {
    /** Matches any protected name as a whole (case-insensitive, any whitespace between its words); undefined when there is none. */
    readonly pattern: RegExp | undefined;
    /** Sources by their normalised name (`normalizeName`). */
    readonly sources: ReadonlyMap<string, readonly Source[]>;
}

export interface ReportCutoff {
    readonly report: Report;
    readonly cutoff: DateSpan;
}

/** Lower case, single spaces: how protected names are compared. */
export function normalizeName(name: string): string {
    return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('nb');
}

const EMPTY: readonly Citation[] = [];
const EMPTY_NAMES: ReadonlySet<string> = new Set();
const ALL = new DependencyKeys();
ALL.add('*');

/**
 * Workspace-wide facts computed once per build and shared by every check, the matrix and
 * the editor features — never a `findAllReferences` per element. The cache is dropped
 * whenever a document changes.
 */
export class ProgWorkspaceIndex implements OriginLookup {
    private readonly documents: LangiumDocuments;
    /** Its declarations by name are the workspace's (prog-index-manager.ts). */
    private readonly indexManager: ProgIndexManager;
    private readonly cache: WorkspaceCache<string, WorkspaceIndexData>;

    /** Between an update's start and the end of its linking, facts may be read on a half-built workspace. */
    private building = false;
    private readEarly = false;

    /** The names unreadable input may declare or cite, per build (see `unreadNames`). */
    private readonly unreadCache: WorkspaceCache<string, UnreadNames & { readonly meant: ReadonlySet<string> }>;
    /** Did-you-mean IDs per unresolved reference text and expected type, per build (see `suggestionsFor`). */
    private readonly suggestionCache: WorkspaceCache<string, readonly IdSuggestion[]>;
    /** The reports' languages, per build (see `reportLanguages`). */
    private readonly languageCache: WorkspaceCache<string, readonly (string | undefined)[]>;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.indexManager = shared.workspace.IndexManager as ProgIndexManager;
        this.cache = new WorkspaceCache(shared);
        this.unreadCache = new WorkspaceCache(shared);
        this.suggestionCache = new WorkspaceCache(shared);
        this.languageCache = new WorkspaceCache(shared, DocumentState.Parsed);
        // A request answered during a build (hover, code lens …) may read the facts before
        // every changed document is parsed and linked; such facts are dropped once linking
        // is done, so validation and later requests see the finished workspace.
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate(() => { this.building = true; });
        builder.onBuildPhase(DocumentState.IndexedReferences, () => {
            if (this.readEarly) this.cache.clear();
            this.building = false;
            this.readEarly = false;
        });
    }

    private recording: DependencyKeys | undefined;

    /**
     * All workspace facts. Read during validation, this makes the document depend on the
     * whole workspace (key `*`); checks read through `read(key)`, `citationsOf` and
     * `declarationsOf` instead, which record what they depend on (see prog-dependencies.ts).
     */
    get data(): WorkspaceIndexData {
        this.recording?.add('*');
        return this.facts();
    }

    /** The workspace facts, recording that the document being validated depends on `key`. */
    read(key: DependencyKey): WorkspaceIndexData {
        this.recording?.add(key);
        return this.facts();
    }

    /**
     * Records that the document being validated depends on `key` without reading the facts:
     * a data file it read (`file:NAME`), or a declaration it followed through another
     * element's reference (`decl:X` for the `from` sources of a table its evidence names).
     */
    depend(key: DependencyKey): void {
        this.recording?.add(key);
    }

    private readonly dependencies = new Map<string, DependencyKeys>();
    private readonly parts = new WeakMap<AstNode, DocumentPart>();

    /**
     * Whether validation records what each document read. Only a later rebuild asks
     * (`dependenciesOf`): a one-shot build (`sporbar validate`) turns it off.
     */
    recordDependencies = true;

    /** Starts recording the dependency keys that a document's validation reads. */
    startRecording(): void {
        if (this.recordDependencies) this.recording = new DependencyKeys();
    }

    /** Stops recording and keeps what the document's validation read. */
    stopRecording(uri: string): void {
        if (!this.recordDependencies) return;
        this.dependencies.set(uri, this.recording ?? new DependencyKeys());
        this.recording = undefined;
    }

    /** The keys a document's last validation read; `*` when it was never validated. */
    dependenciesOf(uri: string): DependencyKeys {
        return this.dependencies.get(uri) ?? ALL;
    }

    forgetDependencies(uri: string): void {
        this.dependencies.delete(uri);
    }

    private facts(): WorkspaceIndexData {
        return this.cache.get('data', () => {
            if (this.building) this.readEarly = true;
            return this.build();
        });
    }

    citationsOf(node: AstNode): readonly Citation[] {
        const name = (node as { name?: string }).name;
        if (name) this.recording?.referenced.add(name); else this.recording?.other.add('*');
        return this.facts().citedBy.get(node) ?? EMPTY;
    }

    /** Records that the document being validated read the file at this absolute path (see `fileKey`). */
    dependOnFile(file: string): void {
        if (this.recording) this.recording.other.add(fileKey(file));
    }

    /** Records `file:` keys made beforehand with `fileKey` (a check that runs per quote builds no string). */
    dependOnFileKeys(keys: readonly DependencyKey[]): void {
        if (this.recording) for (const key of keys) this.recording.other.add(key);
    }

    /** Every element of one type, e.g. `elementsOf<Finding>('Finding')`, in path order. */
    elementsOf<T extends AstNode>(type: T['$type']): readonly T[] {
        return (this.data.byType.get(type) ?? []) as readonly T[];
    }

    /** The declarations of an ID, in path order then document order. */
    declarationsOf(name: string): readonly NamedElement[] {
        this.recording?.declared.add(name);
        return this.indexManager.byName.get(name)?.map(description => description.node as NamedElement) ?? [];
    }

    /**
     * The IDs that the unreadable input of documents with syntax errors may declare or cite
     * (prog-syntax-damage.ts): a reference to a `declared` one is not reported as
     * unresolved, and an element `mentioned` there is not reported as cited by nothing.
     * Empty in a workspace without parser errors. (What depends on it is validated again
     * when it changes: documents with unresolved references always are, and a tree with
     * unreadable input contributes the names as dependency keys: prog-dependencies.ts.)
     */
    unreadNames(): UnreadNames & { readonly meant: ReadonlySet<string> } {
        return this.unreadCache.get('unread', () => {
            let declared: Set<string> | undefined;
            let mentioned: Set<string> | undefined;
            let meant: Set<string> | undefined;
            for (const document of this.documents.all) {
                if (document.parseResult && hasSyntaxErrors(document.parseResult)) {
                    const names = unreadNamesOf(document.parseResult.value);
                    for (const name of names.declared) (declared ??= new Set()).add(name);
                    for (const name of names.mentioned) (mentioned ??= new Set()).add(name);
                }
                // A misspelled reference most likely cites the ID it is closest to (prog-id-suggestions.ts).
                if (document.state >= DocumentState.Linked && hasLinkingErrors(document)) {
                    for (const reference of document.references) {
                        const error = reference.error;
                        if (!error) continue;
                        const [best] = this.suggest(reference.$refText, reflection.getReferenceType(error.info));
                        if (best) (meant ??= new Set()).add(best.id);
                    }
                }
            }
            return { declared: declared ?? EMPTY_NAMES, mentioned: mentioned ?? EMPTY_NAMES, meant: meant ?? EMPTY_NAMES };
        });
    }

    /**
     * The declared IDs an unresolved reference most likely means (prog-id-suggestions.ts),
     * computed once per text, expected type and build: the reference's diagnostic and
     * `unreadNames` both ask, and each asking compares the text with every declared ID.
     * Reading it makes the document depend on every declaration (key `*`).
     */
    suggestionsFor(refText: string, referenceType: string): readonly IdSuggestion[] {
        this.recording?.add('*');
        return this.suggest(refText, referenceType);
    }

    private suggest(refText: string, referenceType: string): readonly IdSuggestion[] {
        return this.suggestionCache.get(`${referenceType}\u0000${refText}`, () => {
            const byType = this.facts().byType;
            return suggestIds(refText, reflection.getAllSubTypes(referenceType).flatMap(type => (byType.get(type) ?? []) as NamedElement[]));
        });
    }

    /**
     * The `language` written in each report (undefined where none is), read from the parsed
     * trees rather than the facts: the language server asks whenever it publishes
     * diagnostics, in the middle of a build, and computing the facts then (on a half-linked
     * workspace) made the first diagnostics of W1 arrive after 14 s instead of 2 s. Reports
     * are top-level elements. Computed once per build, once every document is parsed.
     */
    reportLanguages(): readonly (string | undefined)[] {
        return this.languageCache.get('languages', () => {
            const languages: (string | undefined)[] = [];
            for (const document of this.documents.all) {
                const model = document.parseResult?.value as Model | undefined;
                for (const element of model?.elements ?? []) if (element.$type === Report.$type) languages.push((element as Report).language);
            }
            return languages;
        });
    }

    /** Whether an ID is declared more than once in the workspace. */
    isDeclaredTwice(name: string): boolean {
        this.recording?.declared.add(name);
        return (this.indexManager.byName.get(name)?.length ?? 0) > 1;
    }

    /** Origins that depend on the source alone: written, or no actor. */
    private readonly plainOrigins = new WeakMap<Source, OriginInfo>();

    /** The origins of actors found in this build, with the keys each one read (replayed on every hit). */
    private readonly actorOrigins = new WeakMap<WorkspaceIndexData, Map<Actor, ActorOrigin>>();

    /**
     * The origin of a source and why (LANGUAGE.md `origin`, V2 §3): a written `origin`
     * stands; otherwise, from its actor, `programme` is tried first (the programme's client,
     * an actor `part-of` it at any depth, a portfolio owner), then `project` (an owner or
     * partner of a project; `funding` alone does not count), else `independent`; no actor
     * gives `independent`. Computed once per actor and build; a validation that asks
     * depends on the actor's declaration and those of its `part-of` chain (`decl:`), on who
     * references the actor (`ref:`: portfolios and projects) and on the programmes.
     */
    originInfo(source: Source): OriginInfo {
        if (source.origin || !source.actor) {
            // Nothing else is read: remembered per source node (a tree never changes).
            let info = this.plainOrigins.get(source);
            if (!info) {
                info = source.origin
                    ? { origin: source.origin, written: true, reason: `written on ${source.name}` }
                    : { origin: 'independent', written: false, reason: `${source.name} names no actor` };
                this.plainOrigins.set(source, info);
            }
            return info;
        }
        const actor = source.actor.ref;
        if (!actor) {
            // An actor that does not resolve yet may be declared later (in another file).
            this.recording?.declared.add(source.actor.$refText);
            return { origin: 'independent', written: false, reason: `its actor ${source.actor.$refText} is not declared` };
        }
        const facts = this.facts();
        let memo = this.actorOrigins.get(facts);
        if (!memo) this.actorOrigins.set(facts, memo = new Map());
        let found = memo.get(actor);
        if (!found) memo.set(actor, found = this.actorOrigin(actor, facts));
        if (this.recording) {
            for (const name of found.declared) this.recording.declared.add(name);
            this.recording.referenced.add(found.referenced);
            this.recording.other.add('programmes');
        }
        return found.info;
    }

    private actorOrigin(actor: Actor, facts: WorkspaceIndexData): ActorOrigin {
        const declared: string[] = [];
        const clients = new Map<Actor, Programme>();
        for (const programme of facts.programmes) {
            const client = programme.client?.ref;
            if (client && !clients.has(client)) clients.set(client, programme);
        }
        const result = (origin: OriginInfo['origin'], reason: string): ActorOrigin => ({ info: { origin, written: false, reason }, declared, referenced: actor.name });
        // The actor, then what it is part of, up the chain (a cycle ends the walk).
        const seen = new Set<Actor>();
        let through: Actor | undefined = actor;
        let partOf: { $refText: string; ref?: Actor } | undefined;
        while (through && !seen.has(through)) {
            seen.add(through);
            declared.push(through.name);
            const programme = clients.get(through);
            if (programme) {
                return result('programme', through === actor
                    ? `${actor.name} is the client of the programme ${programme.name}`
                    : `${actor.name} is part of ${through.name}, the client of the programme ${programme.name}`);
            }
            partOf = through.partOf;
            through = partOf?.ref;
        }
        if (partOf && !partOf.ref) declared.push(partOf.$refText);
        const citations = facts.citedBy.get(actor) ?? EMPTY;
        const portfolio = citations.find(c => c.property === 'owner' && c.container.$type === 'Portfolio');
        if (portfolio) return result('programme', `${actor.name} owns the portfolio ${(portfolio.container as Portfolio).name}`);
        const project = citations.find(c => (c.property === 'owner' || c.property === 'partners') && c.container.$type === 'Project');
        if (project) {
            const name = (project.container as Project).name;
            return result('project', project.property === 'owner' ? `${actor.name} owns the project ${name}` : `${actor.name} is a partner in the project ${name}`);
        }
        return result('independent', `${actor.name} is neither the client nor part of it, and owns no portfolio or project and is a partner in none`);
    }

    /** Drops what was collected from a document; its references are about to be resolved again. */
    invalidate(root: AstNode): void {
        this.parts.delete(root);
        this.changes.delete(root);
    }

    /** How often a document's part was patched element by element instead of collected whole. */
    readonly stats = { elementPatches: 0 };

    /** How trees made by re-parsing one element differ from their former trees (see `ElementChange`). */
    private readonly changes = new WeakMap<AstNode, ElementChange>();

    /**
     * Tells that `root` is `previous` with only these top-level elements changed: each pair
     * is (former element, element now) at the same place, the same node when only its links
     * changed (prog-linker.ts). The next build then collects only these elements again.
     */
    noteElementChange(root: AstNode, previous: AstNode, elements: ReadonlyArray<readonly [AstNode, AstNode]>): void {
        // The former tree's own entry goes: when builds are cancelled before their facts are
        // read, entries must not chain every former tree of a document to the newest one.
        this.changes.delete(previous);
        this.changes.set(root, { previous, elements });
    }

    /** The facts of the last build, to be patched by the next one. */
    private merged: MergedFacts | undefined;

    /**
     * The facts are merged from one part per document, in path order. A part is collected
     * once per parse and link of its document (prog-linker.ts invalidates it), and the
     * merged lists are patched: the parts of the documents that changed since the last
     * build are taken out and their new parts filed in, so an edit costs what the edited
     * (and relinked) documents contribute, however large the workspace. When many documents
     * changed, the facts are merged afresh.
     */
    private build(): WorkspaceIndexData {
        const documents = this.documents.all
            .filter(doc => doc.uri.path.endsWith('.prog') && doc.parseResult?.value?.$type === 'Model')
            .toArray()
            .sort((a, b) => comparePaths(a.uri.path, b.uri.path)) as LangiumDocument<Model>[];
        const previous = this.merged;
        const ranks = new Map<AstNode, number>();
        const parts = new Map<string, DocumentPart>();
        // Documents whose part was patched element by element: what left it and what joined it.
        const patched = new Map<string, { readonly rank: number; readonly removed: PartLists; readonly added: PartLists }>();
        for (const doc of documents) {
            const root = doc.parseResult.value;
            const uri = doc.uri.toString();
            ranks.set(root, ranks.size);
            let part = this.parts.get(root);
            if (!part) {
                const change = this.changes.get(root);
                this.changes.delete(root);
                const before = change && previous?.parts.get(uri);
                const patch = before && before.root === change.previous ? patchPart(before, root, change) : undefined;
                if (patch) {
                    patched.set(uri, { rank: ranks.size - 1, removed: patch.removed, added: patch.added });
                    this.stats.elementPatches++;
                }
                this.parts.set(root, part = patch?.part ?? collectPart(root));
            }
            parts.set(uri, part);
        }
        const stale: DocumentPart[] = [];
        let fresh: Array<[number, DocumentPart]> = [];
        [...parts].forEach(([uri, part], rank) => {
            const before = previous?.parts.get(uri);
            if (before === part || patched.has(uri)) return;
            if (before) stale.push(before);
            fresh.push([rank, part]);
        });
        if (previous) for (const [uri, part] of previous.parts) if (!parts.has(uri)) stale.push(part);
        // Patch when few documents changed and they hold a small share of the entries; a
        // fresh merge appends every entry and is cheaper than taking out and filing again
        // most of them (an edit in a workspace of one large file, re-parsed whole).
        const patchedLists = [...patched.values()].flatMap(({ removed, added }) => [removed, added]);
        const changedSize = sizeOf(stale) + sizeOf(fresh.map(([, part]) => part)) + sizeOf(patchedLists);
        const patch = previous !== undefined && stale.length + fresh.length + patched.size <= Math.max(32, documents.length / 8)
            && changedSize * 2 <= sizeOf(parts.values()) + sizeOf(stale);
        const merged = patch ? previous : newMergedFacts();
        // A fresh merge files every part whole; a patch files the changed ones and element runs.
        const elementPatches = patch ? [...patched.values()] : [];
        if (!patch) {
            fresh = [...parts.values()].map((part, rank) => [rank, part]);
            stale.length = 0;
        }
        const rankOf = (root: AstNode) => ranks.get(root) ?? -1;
        let namesChanged = !patch;
        // Out: the parts of changed documents, and the runs of changed elements.
        for (const lists of [...stale, ...elementPatches.map(({ removed }) => removed)]) {
            if (fileFacts(merged, lists, (ranked, entries) => ranked.remove(entries))) namesChanged = true;
        }
        // In: changed elements at their place; whole documents after the lower ranks (a fresh
        // merge adds every document in rank order, so each value is appended).
        for (const { rank, added } of elementPatches) {
            if (fileFacts(merged, added, (ranked, entries, positionOf) => ranked.insert(rank, entries, rankOf, positionOf))) namesChanged = true;
        }
        const inOrder = !patch;
        for (const [at, part] of fresh) {
            if (fileFacts(merged, part, (ranked, entries) => ranked.add(at, entries, rankOf, inOrder))) namesChanged = true;
        }
        merged.parts = parts;
        if (namesChanged) {
            // A fresh merge of the same names keeps the pattern (compiling it is not free).
            const same = previous !== undefined && previous !== merged && sameKeys(previous.names.map, merged.names.map);
            merged.namePattern = same ? previous.namePattern : namePattern([...merged.names.map.keys()]);
        }
        this.merged = merged;

        // The small facts: merged afresh from every part.
        const programmes: Programme[] = [];
        const edges = new Map<LogicNode, Set<LogicNode>>();
        const chained = new Set<LogicNode>();
        const indicated = new Set<LogicNode>();
        const portfolioProjects = new Map<Portfolio, Project[]>();
        const assessedCriteria = new Set<string>();
        const edgeSites: EdgeSite[] = [];
        const reportsByCutoff: ReportCutoff[] = [];
        const judgingReports: Report[] = [];
        const indicatorsOf = new Map<LogicNode, Indicator[]>();
        const informantSources: Source[] = [];
        for (const part of parts.values()) {
            programmes.push(...part.programmes);
            for (const chain of part.chains) {
                for (const ref of chain.nodes) if (ref.ref) chained.add(ref.ref);
                for (let i = 0; i + 1 < chain.nodes.length; i++) {
                    const from = chain.nodes[i].ref, to = chain.nodes[i + 1].ref;
                    if (!from || !to) continue;
                    let targets = edges.get(from);
                    if (!targets) edges.set(from, targets = new Set());
                    targets.add(to);
                    edgeSites.push({ chain, index: i, from, to });
                }
            }
            for (const [indicator, node] of part.indicated) {
                indicated.add(node);
                push(indicatorsOf, node, indicator);
            }
            for (const [portfolio, project] of part.projects) push(portfolioProjects, portfolio, project);
            for (const [, criterion] of part.criteria) assessedCriteria.add(criterion);
            reportsByCutoff.push(...part.reports);
            judgingReports.push(...part.judging);
            informantSources.push(...part.informants);
        }
        reportsByCutoff.sort((a, b) => comparePaths(a.cutoff.last, b.cutoff.last));
        // Elements by type: only reports, the matrix and editor requests ask (no check does),
        // so they are sorted out when first asked for, from the parts in path order.
        let byType: Map<string, AstNode[]> | undefined;
        // Declarations by ID: the index manager keeps them (for the scopes), in the same
        // order; only completion and commands ask for all of them at once.
        let declarations: Map<string, NamedElement[]> | undefined;
        const byName = this.indexManager.byName;
        return {
            documents, programmes, citedBy: merged.citedBy.map, edges,
            get declarations() { return declarations ??= declarationsByName(byName); },
            get byType() { return byType ??= typesOf(parts.values()); },
            chained, indicated, testedBy: merged.testedBy.map, answeredBy: merged.answeredBy.map,
            portfolioProjects, assessedCriteria, cyclicEdges: findCycles(edges, edgeSites),
            protectedNames: { pattern: merged.namePattern, sources: merged.names.map }, reportsByCutoff,
            judgingReports, indicatorsOf, informantSources
        };
    }
}

/**
 * The large facts, kept from build to build and patched (prog-ranked-lists.ts). The maps
 * handed out in `WorkspaceIndexData` are these: read them within one build, as the checks
 * and requests do, and do not keep them across builds.
 */
interface MergedFacts {
    /** The part each document contributed, by URI, in path order. */
    parts: ReadonlyMap<string, DocumentPart>;
    readonly citedBy: RankedLists<AstNode, Citation>;
    readonly testedBy: RankedLists<AstNode, Finding>;
    readonly answeredBy: RankedLists<Question, Finding>;
    readonly names: RankedLists<string, Source>;
    namePattern: RegExp | undefined;
}

function newMergedFacts(): MergedFacts {
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
type FactOperation = <K, V>(ranked: RankedLists<K, V>, entries: Array<readonly [K, V]>, positionOf: (value: V) => number) => boolean;

/**
 * Applies `operation` to each large fact with what `lists` files there (`positionOf`: where
 * a value's top-level element starts). True when the protected names gained or lost a key.
 */
function fileFacts(merged: MergedFacts, lists: PartLists, operation: FactOperation): boolean {
    operation(merged.citedBy, lists.citations, citation => elementStart(citation.container));
    operation(merged.testedBy, lists.tested, elementStart);
    operation(merged.answeredBy, lists.answered, elementStart);
    return operation(merged.names, lists.names, elementStart);
}

/** How many entries parts file in the large facts (roughly what patching them costs). */
function sizeOf(parts: Iterable<PartLists>): number {
    let size = 0;
    for (const part of parts) size += part.named.length + part.citations.length;
    return size;
}

function sameKeys<K>(a: ReadonlyMap<K, unknown>, b: ReadonlyMap<K, unknown>): boolean {
    if (a.size !== b.size) return false;
    for (const key of a.keys()) if (!b.has(key)) return false;
    return true;
}

function declarationsByName(byName: ReadonlyMap<string, readonly AstNodeDescription[]>): Map<string, NamedElement[]> {
    const declarations = new Map<string, NamedElement[]>();
    for (const [name, descriptions] of byName) declarations.set(name, descriptions.map(description => description.node as NamedElement));
    return declarations;
}

/** The named elements of the parts by `$type`, in the parts' order, then document order. */
function typesOf(parts: Iterable<PartLists>): Map<string, AstNode[]> {
    const byType = new Map<string, AstNode[]>();
    for (const part of parts) for (const node of part.named) push(byType, node.$type, node);
    return byType;
}

/** What one document contributes to the workspace facts, in document order. */
interface DocumentPart extends PartLists {
    /** The tree it was collected from. */
    readonly root: AstNode;
}

interface PartLists {
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
const PART_TYPES = [Programme.$type, Chain.$type, Finding.$type, Indicator.$type, Project.$type, Assessment.$type, Source.$type, Report.$type];
for (const type of PART_TYPES) {
    if (reflection.getAllSubTypes(type).length !== 1) throw new Error(`prog-workspace-index: ${type} has subtypes; collectPart must test with reflection`);
}

function emptyLists(): PartLists {
    return {
        named: [], programmes: [], chains: [], answered: [], tested: [], indicated: [], projects: [], criteria: [], names: [], reports: [],
        judging: [], informants: [], citations: []
    };
}

function collectPart(root: AstNode): DocumentPart {
    const part: DocumentPart = { root, ...emptyLists() };
    collectInto(part, nodesOf(root), referencesOf(root));
    return part;
}

/** Files what the nodes and references contribute; in document order when they are. */
function collectInto(part: PartLists, nodes: readonly AstNode[], references: readonly ReferenceInfo[]): void {
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
interface ElementChange {
    /** The former tree of the document. */
    readonly previous: AstNode;
    /** Pairs of (former element, element now) at the same place; the same node when only its links changed. */
    readonly elements: ReadonlyArray<readonly [AstNode, AstNode]>;
}

/** Where each list's entries come from: the node whose top-level element they belong to. */
const SOURCES: { readonly [F in keyof PartLists]: (entry: PartLists[F][number]) => AstNode } = {
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
const FIELDS = Object.keys(SOURCES) as Array<keyof PartLists>;

/**
 * The part of `root` made from `before` by collecting the changed elements again, with the
 * entries taken out and filed; undefined when that cannot be done (then the part is collected whole).
 */
function patchPart(before: DocumentPart, root: AstNode, change: ElementChange): { part: DocumentPart; removed: PartLists; added: PartLists } | undefined {
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
}

/**
 * The edges that lie on a cycle: an edge A -> B does when A and B are in the same strongly
 * connected component (Tarjan's algorithm, iterative, linear in nodes + edges), or A is B.
 */
function findCycles(edges: ReadonlyMap<LogicNode, ReadonlySet<LogicNode>>, sites: readonly EdgeSite[]): Map<Chain, Map<number, LogicCycle>> {
    const indexOf = new Map<LogicNode, number>();
    const low = new Map<LogicNode, number>();
    const onStack = new Set<LogicNode>();
    const stack: LogicNode[] = [];
    const component = new Map<LogicNode, LogicNode[]>();
    let counter = 0;
    for (const start of edges.keys()) {
        if (indexOf.has(start)) continue;
        const work: Array<{ node: LogicNode; next: Iterator<LogicNode> }> = [];
        const open = (node: LogicNode) => {
            indexOf.set(node, counter); low.set(node, counter); counter++;
            stack.push(node); onStack.add(node);
            work.push({ node, next: (edges.get(node) ?? new Set<LogicNode>()).values() });
        };
        open(start);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const step = frame.next.next();
            if (!step.done) {
                const target = step.value;
                if (!indexOf.has(target)) open(target);
                else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, indexOf.get(target)!));
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === indexOf.get(frame.node)) {
                const members: LogicNode[] = [];
                let member: LogicNode;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    members.push(member);
                } while (member !== frame.node);
                for (const m of members) component.set(m, members);
            }
        }
    }
    const cycles = new Map<LogicNode[], { nodes: LogicNode[]; edges: EdgeSite[] }>();
    const result = new Map<Chain, Map<number, LogicCycle>>();
    for (const site of sites) {
        const members = component.get(site.from);
        if (!members || component.get(site.to) !== members || (members.length === 1 && site.from !== site.to)) continue;
        let cycle = cycles.get(members);
        if (!cycle) cycles.set(members, cycle = { nodes: members.slice().reverse(), edges: [] });
        cycle.edges.push(site);
        let byIndex = result.get(site.chain);
        if (!byIndex) result.set(site.chain, byIndex = new Map());
        byIndex.set(site.index, cycle);
    }
    return result;
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for all protected names: whole names, longest first, words separated by any whitespace. */
function namePattern(normalized: readonly string[]): RegExp | undefined {
    if (normalized.length === 0) return undefined;
    const alternatives = normalized.slice().sort((a, b) => b.length - a.length)
        .map(name => name.split(' ').map(escapeRegExp).join('\\s+'));
    // A whole name: not glued to a letter or digit before, nor after (a genitive -s is allowed).
    return new RegExp(`(?<![\\p{L}\\p{M}\\p{Nd}])(?:${alternatives.join('|')})(?=s?(?![\\p{L}\\p{M}\\p{Nd}]))`, 'giu');
}

/** Path order: plain code-point order of the path, so it is the same on every machine. */
export function comparePaths(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
