import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as ast from '../generated/ast.js';
import { parseDate, type DateSpan } from './prog-dates.js';
import { isInside } from '../workspace/prog-paths.js';

/**
 * Questions the rules, the matrix and the reports ask of the model, answered in one place
 * so that all three read the model the same way (RULES.md "Precise points").
 */

/** A finding is in force when its status is `confirmed` (the default) or `revised`. */
export function isInForce(finding: ast.Finding): boolean {
    return finding.status === undefined || finding.status === 'confirmed' || finding.status === 'revised';
}

/** Access of a source: interviews and focus groups default to `confidential`, the rest to `public`. */
export function accessOf(source: ast.Source): ast.Access {
    return source.access ?? (source.kind === 'interview' || source.kind === 'focus-group' ? 'confidential' : 'public');
}

/**
 * Whose perspective a source gives (LANGUAGE.md `origin`): a written `origin` always stands;
 * otherwise it follows from the source's `actor` and the workspace's programme, portfolios
 * and projects (see `OriginLookup`; the workspace index is one).
 */
export interface OriginInfo {
    readonly origin: ast.Origin;
    /** True when the source writes `origin` itself. */
    readonly written: boolean;
    /** Why, in words, e.g. "KS is the client of the programme PRI" (no leading origin word). */
    readonly reason: string;
}

/** Answers the default origin of a source; `ProgWorkspaceIndex` is one (it knows the client, portfolios and projects). */
export interface OriginLookup {
    originInfo(source: ast.Source): OriginInfo;
}

/**
 * Origin of a source. With `origins` (the workspace index) the V2 default applies: a written
 * `origin` stands; else `programme` when its actor is the programme's client, part of it at
 * any depth, or owns a portfolio; `project` when its actor owns or is a partner of a
 * project; else `independent`. Without `origins` only a written origin is known, and
 * everything else counts as `independent` (the v1 default) — pass the index.
 */
export function originOf(source: ast.Source, origins?: OriginLookup): ast.Origin {
    if (origins) return origins.originInfo(source).origin;
    return source.origin ?? 'independent';
}

export function dateOf(node: { date?: string | number; dateEnd?: string | number }): DateSpan | undefined {
    const start = parseDate(node.date === undefined ? undefined : String(node.date));
    if (!start || node.dateEnd === undefined) return start;
    // A source series dated by a period (V2 §8) spans from its start's first day to its end's last day.
    const end = parseDate(String(node.dateEnd));
    return end ? { ...start, last: end.last > start.last ? end.last : start.last } : start;
}

/** `a` is after `b` when a's first day is after b's last day (a partial date stands for its whole month or year). */
export function isAfter(a: DateSpan, b: DateSpan): boolean {
    return a.first > b.last;
}

/** The last day of admissible evidence of a report: its `cutoff`, or its `date` when it has none. */
export function cutoffOf(report: ast.Report): DateSpan | undefined {
    return parseDate(report.cutoff === undefined ? (report.date === undefined ? undefined : String(report.date)) : String(report.cutoff));
}

/**
 * A report includes a finding when it is in force and has no date or is dated on or before
 * the report's cutoff (RULES.md `report/after-cutoff`, REPORTS.md "Inclusion").
 */
export function reportIncludes(report: ast.Report, finding: ast.Finding): boolean {
    if (!isInForce(finding)) return false;
    const date = dateOf(finding);
    const cutoff = cutoffOf(report);
    return !date || !cutoff || !isAfter(date, cutoff);
}

/**
 * The sources one evidence item stands for: its source, or the `from` sources of the table
 * or chart it names (V2 §8: a table counts as evidence from each of its sources), resolved.
 */
export function sourcesOfEvidence(item: ast.Evidence): ast.Source[] {
    return addSourcesOf(item, []);
}

/** Adds the resolved sources of one evidence item to `sources` (a table or chart: its `from` sources). */
function addSourcesOf(item: ast.Evidence, sources: ast.Source[]): ast.Source[] {
    const target = item.source?.ref;
    if (!target) return sources;
    if (target.$type === 'Source') sources.push(target);
    else for (const ref of target.from) if (ref.ref) sources.push(ref.ref);
    return sources;
}

/** The sources of a finding's evidence, resolved, in order (duplicates kept). */
export function evidenceSources(finding: ast.Finding): ast.Source[] {
    // One array for the finding (not one per item and a flatMap): checks ask for every finding on every edit.
    const sources: ast.Source[] = [];
    for (const item of finding.evidence) addSourcesOf(item, sources);
    return sources;
}

/** Distinct source kinds behind a finding (literature included: for triangulation see `triangulationOf`). */
export function sourceKinds(finding: ast.Finding): Set<ast.SourceKind> {
    return new Set(evidenceSources(finding).map(s => s.kind));
}

/** Source kinds in the order LANGUAGE.md lists them (matrix columns, kinds in triangulation). */
export const SOURCE_KINDS: readonly ast.SourceKind[] = [
    'interview', 'focus-group', 'document', 'observation', 'survey', 'workshop', 'literature', 'dataset'
];

/** Origins in their order of listing: the programme's own, its projects', independent. */
export const ORIGINS: readonly ast.Origin[] = ['programme', 'project', 'independent'];

/** What a finding's evidence is triangulated from (RULES.md "Triangulation"). */
export interface Triangulation {
    /** Distinct kinds of the evidence sources, literature left out, in `SOURCE_KINDS` order. */
    readonly kinds: readonly ast.SourceKind[];
    /** Distinct origins of the same sources (literature left out), in `ORIGINS` order. */
    readonly origins: readonly ast.Origin[];
    /** Evidence sources of kind `literature` (they support the finding but triangulate nothing). */
    readonly literature: number;
    /** At least two kinds and at least two origins. */
    readonly triangulated: boolean;
}

/**
 * Triangulation (V2 §3): the evidence, not counting `literature`, comes from at least two
 * source kinds and at least two origins (`programme` and `project` are two origins). A table
 * or chart counts as evidence from each of its `from` sources. The one definition used by
 * `finding/untriangulated`, the matrix and the reports.
 */
export function triangulationOf(finding: ast.Finding, origins: OriginLookup): Triangulation {
    const kinds = new Set<ast.SourceKind>();
    const seen = new Set<ast.Origin>();
    let literature = 0;
    for (const source of evidenceSources(finding)) {
        if (source.kind === 'literature') {
            literature++;
            continue;
        }
        kinds.add(source.kind);
        seen.add(origins.originInfo(source).origin);
    }
    const orderedKinds = SOURCE_KINDS.filter(kind => kinds.has(kind));
    const orderedOrigins = ORIGINS.filter(origin => seen.has(origin));
    return { kinds: orderedKinds, origins: orderedOrigins, literature, triangulated: orderedKinds.length >= 2 && orderedOrigins.length >= 2 };
}

/** The six OECD DAC criteria (2019), in their usual order. */
export const DAC_CRITERIA: readonly ast.DacCriterion[] = ['relevance', 'coherence', 'effectiveness', 'efficiency', 'impact', 'sustainability'];

/** Logic levels, low to high. */
export const LEVELS: readonly ast.Level[] = ['input', 'activity', 'output', 'outcome', 'impact'];
export function levelRank(level: ast.Level): number {
    return LEVELS.indexOf(level) + 1;
}

/** `outcome` and `impact`: the levels that need indicators and evidence. */
export function isResultLevel(level: ast.Level | undefined): boolean {
    return level === 'outcome' || level === 'impact';
}

/** Source kinds that happen at a time and so need a `date` (`source/no-date`). */
export const EVENT_SOURCE_KINDS: ReadonlySet<ast.SourceKind> = new Set<ast.SourceKind>(['interview', 'focus-group', 'observation', 'survey', 'workshop']);

/** Source kinds that are one informant (or one group speaking together) (`finding/single-informant`). */
export const INFORMANT_SOURCE_KINDS: ReadonlySet<ast.SourceKind> = new Set<ast.SourceKind>(['interview', 'focus-group']);

/**
 * An interview or focus group that is not `public`: personal data about informants, which
 * calls for an ethics statement on the programme (`privacy/no-ethics-statement`).
 */
export function isInformantSource(source: ast.Source): boolean {
    return INFORMANT_SOURCE_KINDS.has(source.kind) && accessOf(source) !== 'public';
}

/** A source the programme or one of its projects produced about itself (origin by the V2 default when `origins` is given). */
export function isSelfReported(source: ast.Source, origins?: OriginLookup): boolean {
    const origin = originOf(source, origins);
    return origin === 'programme' || origin === 'project';
}

/**
 * Every source behind the finding's evidence (literature too) is the programme's or a
 * project's own (`finding/self-reported-only`, the reports' method limitations: "n funn om
 * programmets virkninger bygger bare på kilder fra programmet selv"). False without evidence.
 */
export function restsOnSelfReportedSources(finding: ast.Finding, origins: OriginLookup): boolean {
    const sources = evidenceSources(finding);
    return sources.length > 0 && sources.every(source => isSelfReported(source, origins));
}

/** GRADE-CERQual confidence, low to high. */
export const CONFIDENCE_LEVELS: readonly ast.Confidence[] = ['very-low', 'low', 'moderate', 'high'];
export function confidenceRank(confidence: ast.Confidence): number {
    return CONFIDENCE_LEVELS.indexOf(confidence) + 1;
}

/** Reports that pass judgement (`assessment` and `final`): they need a summary and all DAC criteria. */
export function isJudgingReport(report: ast.Report): boolean {
    return report.kind === 'assessment' || report.kind === 'final';
}

/**
 * True when every evidence item names a source that resolved, and every table or chart it
 * names has `from` sources that all resolved (no cascade on unresolved references, nor on
 * `table/no-source`).
 */
export function evidenceResolved(finding: ast.Finding): boolean {
    return finding.evidence.every(item => {
        const target = item.source?.ref;
        if (!target) return false;
        return target.$type === 'Source' || (target.from.length > 0 && target.from.every(ref => ref.ref !== undefined));
    });
}

/** Source kinds whose one source may stand for a series of events with `count N` (V2 §8). */
export const SERIES_SOURCE_KINDS: ReadonlySet<ast.SourceKind> = new Set<ast.SourceKind>(['interview', 'focus-group', 'observation', 'workshop']);

/**
 * How many events a source stands for: its `count` on a series kind (a whole number ≥ 1),
 * else 1. A `count` on another kind is an error (`source/count-invalid`) and counts as 1.
 */
export function eventCount(source: ast.Source): number {
    const count = source.count;
    if (count === undefined || !SERIES_SOURCE_KINDS.has(source.kind) || !Number.isInteger(count) || count < 1) return 1;
    return count;
}

/** A source that stands for two or more events (`count` ≥ 2 on a series kind): not a single informant. */
export function isSeries(source: ast.Source): boolean {
    return eventCount(source) >= 2;
}

/** How many sources of one kind a report rests on, and how many events they stand for. */
export interface KindCount {
    readonly kind: ast.SourceKind;
    /** Sources (a series is one). */
    readonly sources: number;
    /** Events: a series counts its `count`, any other source 1. */
    readonly events: number;
    /**
     * The parts of `events` as the method table prints them ("Intervjuer: 18 + 4"): each
     * series' count in the order given, then the single sources of the kind together.
     */
    readonly parts: readonly number[];
}

/**
 * Sources and events per kind, kinds in the order first met (V2 §8: the method table sums
 * counts). A source with `count 1` is a single source.
 */
export function eventCountsByKind(sources: readonly ast.Source[]): Map<ast.SourceKind, KindCount> {
    const series = new Map<ast.SourceKind, number[]>();
    const singles = new Map<ast.SourceKind, number>();
    const kinds: ast.SourceKind[] = [];
    for (const source of new Set(sources)) {
        if (!series.has(source.kind)) { series.set(source.kind, []); singles.set(source.kind, 0); kinds.push(source.kind); }
        if (isSeries(source)) series.get(source.kind)!.push(eventCount(source));
        else singles.set(source.kind, singles.get(source.kind)! + 1);
    }
    const result = new Map<ast.SourceKind, KindCount>();
    for (const kind of kinds) {
        const counts = series.get(kind)!;
        const single = singles.get(kind)!;
        const parts = single > 0 ? [...counts, single] : counts;
        result.set(kind, { kind, sources: counts.length + single, events: parts.reduce((a, b) => a + b, 0), parts });
    }
    return result;
}

/**
 * The number of each series among the series of its kind (1, 2, …), in the order given
 * (the report side passes the workspace's sources in natural ID order, so a series has the
 * same number in every report): "Intervjuserie 1 (18 intervjuer)".
 */
export function seriesNumbers(sources: readonly ast.Source[]): Map<ast.Source, number> {
    const counters = new Map<ast.SourceKind, number>();
    const result = new Map<ast.Source, number>();
    for (const source of sources) {
        if (!isSeries(source) || result.has(source)) continue;
        const n = (counters.get(source.kind) ?? 0) + 1;
        counters.set(source.kind, n);
        result.set(source, n);
    }
    return result;
}

/** The `from` sources of a table or chart, resolved, in order. */
export function tableSources(element: ast.Table | ast.Chart): ast.Source[] {
    return element.from.map(ref => ref.ref).filter((s): s is ast.Source => s !== undefined);
}

/** A table or chart whose numbers come (in part) from a non-public source: its small counts are suppressed (V2 §8). */
export function hasNonPublicSource(element: ast.Table | ast.Chart): boolean {
    return tableSources(element).some(source => accessOf(source) !== 'public');
}

/** Where a `file` (or `bibliography`) path leads (LANGUAGE.md "Precise points": `file`). */
export type FileResolution =
    | { readonly kind: 'file'; readonly path: string }
    | { readonly kind: 'missing'; readonly reason: string }
    | { readonly kind: 'outside'; readonly reason: string };

const MAX_LINKS = 40;

/**
 * Resolves a path written in the model against the workspace root without ever touching
 * anything outside it. Absolute paths, drive letters (`C:\`), UNC paths (`\\server`), `~`,
 * URLs, a `..` that climbs above the root and URL-encoded forms of these (`%2e%2e/`) are
 * refused by their text alone; then the path is walked one component at a time inside the
 * real root, and a symbolic link whose target lies outside is refused without following it.
 * `\` counts as a separator, so a model means the same on every system.
 */
export function resolveWorkspaceFile(root: string, written: string): FileResolution {
    if (written.trim() === '') return { kind: 'missing', reason: 'the path is empty' };
    const forms = [written];
    if (/%[0-9a-f]{2}/i.test(written)) {
        try {
            forms.push(decodeURIComponent(written));
        } catch {
            return { kind: 'outside', reason: 'it contains a malformed URL escape' };
        }
    }
    let segments: string[] = [];
    for (const form of forms) {
        const refusal = lexicalRefusal(form);
        if (refusal) return { kind: 'outside', reason: form === written ? refusal : `decoded, ${refusal}` };
    }
    segments = written.split(/[\\/]+/).filter(s => s !== '' && s !== '.');
    let realRoot: string;
    try {
        realRoot = fs.realpathSync(root);
    } catch {
        return { kind: 'missing', reason: 'the workspace folder cannot be read' };
    }
    let current = realRoot;
    let links = 0;
    while (segments.length > 0) {
        const segment = segments.shift()!;
        if (segment === '..') {
            const parent = path.dirname(current);
            if (!isInside(realRoot, parent)) return { kind: 'outside', reason: 'it climbs above the workspace folder' };
            current = parent;
            continue;
        }
        const next = path.join(current, segment);
        let stat: fs.Stats;
        try {
            stat = fs.lstatSync(next);
        } catch {
            return { kind: 'missing', reason: `${path.relative(realRoot, next).split(path.sep).join('/')} does not exist` };
        }
        if (stat.isSymbolicLink()) {
            if (++links > MAX_LINKS) return { kind: 'missing', reason: 'it runs through too many symbolic links' };
            const target = path.resolve(current, fs.readlinkSync(next));
            if (!isInside(realRoot, target)) return { kind: 'outside', reason: `the symbolic link ${path.relative(realRoot, next).split(path.sep).join('/')} points outside the workspace` };
            segments = [...path.relative(realRoot, target).split(path.sep).filter(s => s !== ''), ...segments];
            current = realRoot;
            continue;
        }
        if (segments.length > 0 && !stat.isDirectory()) return { kind: 'missing', reason: `${path.relative(realRoot, next).split(path.sep).join('/')} is not a folder` };
        if (segments.length === 0 && !stat.isFile()) return { kind: 'missing', reason: 'it names a folder, not a file' };
        current = next;
    }
    if (current === realRoot) return { kind: 'missing', reason: 'it names the workspace folder, not a file' };
    return { kind: 'file', path: current };
}

function lexicalRefusal(form: string): string | undefined {
    if (form.includes('\0')) return 'it contains a NUL character';
    if (/^[\\/]{2}/.test(form)) return 'it is a UNC network path';
    if (/^[\\/]/.test(form)) return 'it is an absolute path';
    if (/^[A-Za-z]:/.test(form)) return 'it starts with a drive letter';
    if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(form)) return 'it is a URL, not a path in the workspace';
    if (/^~/.test(form)) return 'it starts at the home folder';
    let depth = 0;
    for (const segment of form.split(/[\\/]+/)) {
        if (segment === '..') {
            if (--depth < 0) return 'its `..` climbs above the workspace folder';
        } else if (segment !== '' && segment !== '.') depth++;
    }
    return undefined;
}
