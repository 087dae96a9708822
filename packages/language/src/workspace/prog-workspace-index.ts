import { DocumentState, WorkspaceCache, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { NamedElement } from '../references/prog-names.js';
import { DependencyKeys, fileKey, KeyRecorder, refKey, type DependencyKey, type ElementKeys } from './prog-dependencies.js';
import { buildProfileOf } from './prog-build-profile.js';
import {
    Chain, Finding, Indicator, isReport, Programme, Project, reflection, Report, Source,
    type Actor, type Assumption, type LogicNode, type Model, type Portfolio, type Question
} from '../generated/ast.js';
import type { OriginInfo, OriginLookup } from '../model/prog-model.js';
import type { DateSpan } from '../model/prog-dates.js';
import type { ProgIndexManager } from '../references/prog-index-manager.js';
import { hasSyntaxErrors, unreadNamesOf, type UnreadNames } from '../parser/prog-syntax-damage.js';
import type { ProgLinker } from '../references/prog-linker.js';
import { collectPart, declarationsByName, fileFacts, namePattern, newMergedFacts, patchPart, push, sameKeys, sizeOf, typesOf, type DocumentPart, type ElementChange, type MergedFacts, type PartLists } from './prog-workspace-parts.js';
import { findCycles, type EdgeSite, type LogicCycle } from '../model/prog-logic-cycles.js';
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

export type { EdgeSite, LogicCycle } from '../model/prog-logic-cycles.js';

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

export { normalizeName } from './prog-workspace-parts.js';

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

    /** The linker, which knows each document's unresolved references (asked lazily: the linker depends on this index). */
    private readonly linker: () => ProgLinker;

    constructor(shared: LangiumSharedCoreServices, linker: () => ProgLinker) {
        this.linker = linker;
        this.recordDependencies = !buildProfileOf(shared).oneShot;
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

    private recording: KeyRecorder | undefined;

    /**
     * All workspace facts. Read during validation, this makes the document depend on the
     * whole workspace (key `*`); checks read through the accessors below (`programmes`,
     * `isTested`, …), `citationsOf` and `declarationsOf` instead, which record what they
     * depend on (see prog-dependencies.ts).
     */
    get data(): WorkspaceIndexData {
        this.recording?.add('*');
        return this.facts();
    }

    /** The workspace facts, recording that the document being validated depends on `key`. */
    private read(key: DependencyKey): WorkspaceIndexData {
        this.recording?.add(key);
        return this.facts();
    }

    // What the checks read of the facts. Each accessor records the dependency key of what it
    // returns (prog-dependencies.ts), so a check cannot read one fact under another's key.
    // Facts about an element that other elements point at by name (`ref:NAME`) change when
    // a reference to that name comes or goes; the others have a key of their own.

    /** Every programme, in path then document order (key `programmes`). */
    programmes(): readonly Programme[] {
        return this.read('programmes').programmes;
    }

    /** The `.prog` documents in path order (key `documents`). */
    documentsInOrder(): readonly LangiumDocument<Model>[] {
        return this.read('documents').documents;
    }

    /** The nodes a chain line leads `node` to, in any chain (key `edges`). */
    edgesFrom(node: LogicNode): ReadonlySet<LogicNode> | undefined {
        return this.read('edges').edges.get(node);
    }

    /** Whether `node` is named in some chain line (key `edges`). */
    isChained(node: LogicNode): boolean {
        return this.read('edges').chained.has(node);
    }

    /** The edges of `chain` that lie on a cycle, by edge index (key `edges`). */
    cyclesOf(chain: Chain): ReadonlyMap<number, LogicCycle> | undefined {
        return this.read('edges').cyclicEdges.get(chain);
    }

    /** Whether a logic node has an indicator, nested or naming it with `for` (key `ref:NAME`). */
    isIndicated(node: LogicNode): boolean {
        return this.read(refKey(node.name)).indicated.has(node);
    }

    /** The indicators of a logic node, nested or naming it with `for` (key `ref:NAME`). */
    indicatorsOf(node: LogicNode): readonly Indicator[] {
        return this.read(refKey(node.name)).indicatorsOf.get(node) ?? [];
    }

    /** Whether an in-force finding supports or challenges a logic node, assumption or indicator (key `ref:NAME`). */
    isTested(node: LogicNode | Assumption | Indicator): boolean {
        return this.read(refKey(node.name)).testedBy.has(node);
    }

    /** Whether an in-force finding answers a question (key `ref:NAME`). */
    isAnswered(question: Question): boolean {
        return this.read(refKey(question.name)).answeredBy.has(question);
    }

    /** The projects of a portfolio: nested ones, and top-level ones naming it (key `ref:NAME`). */
    projectsOf(portfolio: Portfolio): readonly Project[] {
        return this.read(refKey(portfolio.name)).portfolioProjects.get(portfolio) ?? [];
    }

    /** The sources that are informants (interviews, focus groups; key `informants`). */
    informantSources(): readonly Source[] {
        return this.read('informants').informantSources;
    }

    /** The names of people the sources protect (key `names`). */
    protectedNames(): ProtectedNames {
        return this.read('names').protectedNames;
    }

    /** The reports with their cutoffs (key `reports`). */
    reportsByCutoff(): readonly ReportCutoff[] {
        return this.read('reports').reportsByCutoff;
    }

    /** The reports that judge (assessment and final reports; key `reports`). */
    judgingReports(): readonly Report[] {
        return this.read('reports').judgingReports;
    }

    /** The DAC criteria that some assessment covers (key `criteria`). */
    assessedCriteria(): ReadonlySet<string> {
        return this.read('criteria').assessedCriteria;
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
     * (`dependenciesOf`): not in a one-shot build (workspace/prog-build-profile.ts).
     */
    private readonly recordDependencies: boolean;

    /** Starts recording the dependency keys that a document's validation reads. */
    startRecording(): void {
        if (this.recordDependencies) this.recording = new KeyRecorder();
    }

    /** Whether validations record what they read (not in a one-shot build): only then can an element's diagnostics be used again. */
    get recordsDependencies(): boolean {
        return this.recordDependencies;
    }

    /**
     * While the validator checks one top-level element, what the checks read is also kept
     * as that element's keys (`undefined`: no element open). Only while recording.
     */
    recordElement(keys: ElementKeys | undefined): void {
        if (this.recording) this.recording.element = keys;
    }

    /** An element's diagnostics were used again: what its checks read counts for the document as if read now. */
    replayElement(keys: ElementKeys): void {
        this.recording?.addElement(keys);
    }

    /** Stops recording and keeps what the document's validation read. */
    stopRecording(uri: string): void {
        if (!this.recordDependencies) return;
        this.dependencies.set(uri, this.recording?.document ?? new DependencyKeys());
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
        if (name) this.recording?.referenced(name); else this.recording?.other('*');
        return this.facts().citedBy.get(node) ?? EMPTY;
    }

    /** Records that the document being validated read the file at this absolute path (see `fileKey`). */
    dependOnFile(file: string): void {
        this.recording?.other(fileKey(file));
    }

    /** Records `file:` keys made beforehand with `fileKey` (a check that runs per quote builds no string). */
    dependOnFileKeys(keys: readonly DependencyKey[]): void {
        if (this.recording) for (const key of keys) this.recording.other(key);
    }

    /** Every element of one type, e.g. `elementsOf<Finding>('Finding')`, in path order. */
    elementsOf<T extends AstNode>(type: T['$type']): readonly T[] {
        return (this.data.byType.get(type) ?? []) as readonly T[];
    }

    /** The declarations of an ID, in path order then document order. */
    declarationsOf(name: string): readonly NamedElement[] {
        this.recording?.declared(name);
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
                if (document.state >= DocumentState.Linked) {
                    for (const reference of this.linker().unresolvedReferences(document)) {
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
                for (const element of model?.elements ?? []) if (isReport(element)) languages.push(element.language);
            }
            return languages;
        });
    }

    /** Whether an ID is declared more than once in the workspace. */
    isDeclaredTwice(name: string): boolean {
        this.recording?.declared(name);
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
            this.recording?.declared(source.actor.$refText);
            return { origin: 'independent', written: false, reason: `its actor ${source.actor.$refText} is not declared` };
        }
        const facts = this.facts();
        let memo = this.actorOrigins.get(facts);
        if (!memo) this.actorOrigins.set(facts, memo = new Map());
        let found = memo.get(actor);
        if (!found) memo.set(actor, found = this.actorOrigin(actor, facts));
        if (this.recording) {
            for (const name of found.declared) this.recording.declared(name);
            this.recording.referenced(found.referenced);
            this.recording.other('programmes');
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

/** Path order: plain code-point order of the path, so it is the same on every machine. */
export function comparePaths(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
