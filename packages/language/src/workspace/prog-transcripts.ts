import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileKey, type DependencyKey } from './prog-dependencies.js';
import { resolveWorkspaceFile } from '../model/prog-model.js';
import { decodeSourceBytes, readRegularFileSync } from '../parser/prog-source-text.js';

/**
 * Quotes checked against transcripts (V2 §4, RULES.md `evidence/quote-not-in-source`,
 * `evidence/quote-not-at-locator`): the normalisation quote and file share, time stamps,
 * an index of the normalised text that finds a quote without scanning a 10 MB file, and
 * the closest passage for the quick fix. `ProgTranscripts` reads each file once per change
 * of that file (cache keyed by real path, modification time and size).
 */

/** Files whose quotes are checked: `.txt` and `.md` (any case). */
export function isTranscriptFile(written: string): boolean {
    return /\.(txt|md)$/i.test(written.trim());
}

const PUNCTUATION: Readonly<Record<string, string>> = {
    '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'",
    '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"',
    '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
    '\u2026': '...'
};
const PUNCTUATION_PATTERN = /[\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u00AB\u00BB\u2010-\u2015\u2212\u2026]/g;

/**
 * The normalised form of a text (RULES.md "Quotes"): Unicode NFC; ‘ ’ ‚ ‛ → `'`;
 * “ ” „ ‟ « » → `"`; ‐ ‑ ‒ – — ― − → `-`; … → `...`; every run of whitespace (line
 * breaks included) → one space. Case is kept; nothing is a wildcard.
 */
export function normalizeForQuote(text: string): string {
    return text.normalize('NFC').replace(PUNCTUATION_PATTERN, c => PUNCTUATION[c]).replace(/\s+/g, ' ');
}

/** A quote as compared: normalised and trimmed. */
export function normalizeQuote(quote: string): string {
    return normalizeForQuote(quote).trim();
}

/** A line with a code unit from U+0300 up may change under NFC; below that, nothing composes. */
const MAY_NEED_NFC = /[\u0300-\uffff]/;
const NEEDS_PUNCTUATION = /[\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u00AB\u00BB\u2010-\u2015\u2212\u2026]/;
/** Whitespace other than a single plain space. */
const NEEDS_SPACES = /[^\S ]| {2}/;

/** One line (already NFC) as the normalised text holds it: punctuation plain, whitespace runs one space, trimmed. */
function normalizeLine(line: string): string {
    let content = line;
    if (NEEDS_PUNCTUATION.test(content)) content = content.replace(PUNCTUATION_PATTERN, c => PUNCTUATION[c]);
    if (NEEDS_SPACES.test(content)) content = content.replace(/\s+/g, ' ');
    return content.trim();
}

const STAMP_TEXT = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The seconds of a time stamp `HH:MM:SS` or `MM:SS` (two digits each; minutes and seconds
 * below 60, except the minutes of `MM:SS`), or undefined. A locator is a time stamp when,
 * trimmed, it is exactly one.
 */
export function parseTimestamp(text: string): number | undefined {
    const m = STAMP_TEXT.exec(text.trim());
    if (!m) return undefined;
    const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
    if (c === undefined) return b < 60 ? a * 60 + b : undefined;
    return b < 60 && c < 60 ? a * 3600 + b * 60 + c : undefined;
}

/** A time stamp at a line start, bare or in square brackets; a bare one is not glued to more digits or colons. */
const LINE_STAMP = /^[ \t]*(?:\[(\d{2}:\d{2}(?::\d{2})?)\]|(\d{2}:\d{2}(?::\d{2})?)(?![\d:]))/;

/** One time stamp of a transcript. */
export interface TranscriptStamp {
    /** As written, without brackets (`00:12:40`). */
    readonly text: string;
    readonly seconds: number;
    /** 1-based line. */
    readonly line: number;
    /** Offsets in the normalised text: where the stamp (with its brackets) starts and ends. */
    readonly start: number;
    readonly end: number;
}

/** Where a quote was looked for and found. */
export type QuoteLookup =
    /** Found, and (when the locator is a time stamp and the file has stamps) in the locator's segment. */
    | { readonly found: 'yes' }
    | { readonly found: 'nowhere' }
    /** Found, but only outside the locator's segment. */
    | {
        readonly found: 'elsewhere';
        /** The stamp the segment starts at (undefined: the file's start) and the one it ends at (undefined: the file's end). */
        readonly from?: TranscriptStamp;
        readonly to?: TranscriptStamp;
        /** The first place it was found: its line and the stamp it follows (undefined: before the first stamp). */
        readonly line: number;
        readonly under?: TranscriptStamp;
    };

/** A passage of the transcript near a quote (the quick fix offers it). */
export interface ClosestPassage {
    /** Offsets in the normalised text. */
    readonly start: number;
    readonly end: number;
    /** Edit distance between the normalised quote and the passage as aligned (before widening to whole words). */
    readonly distance: number;
    /** 1-based line where the passage starts. */
    readonly line: number;
    /** The normalised passage. */
    readonly text: string;
}

/** Quotes longer than this get no closest passage (aligning them would take too long for a quick fix). */
const MAX_ALIGNED_QUOTE = 1500;

const BUCKET_BITS = 18;
const BUCKETS = 1 << BUCKET_BITS;
/** Characters of a word start that key the index. */
const KEY_LENGTH = 4;

function keyAt(text: string, at: number): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < KEY_LENGTH; i++) h = Math.imul(h ^ text.charCodeAt(at + i), 0x01000193);
    return (h >>> 0) & (BUCKETS - 1);
}

/**
 * A transcript, normalised and indexed: every word start (the text's start and each position
 * after a space) is filed under a hash of its first four characters. A quote is looked up
 * through the rarest word start inside it — a position after one of its own spaces, which
 * must be a word start in the text too — and confirmed by comparing the whole quote there,
 * so finding it costs a few comparisons, not a scan of the file.
 */
export class TranscriptIndex {
    /** The normalised text (lines trimmed and joined by single spaces). */
    readonly text: string;
    /** Per line (0-based), the offset in `text` where the line's content starts. */
    private readonly lineStarts: Int32Array;
    readonly stamps: readonly TranscriptStamp[];
    /** Bucket b holds `positions[bucketStart[b] .. bucketStart[b + 1])`, ascending. */
    private readonly bucketStart: Int32Array;
    private readonly positions: Int32Array;
    private readonly found = new Map<string, readonly number[]>();
    /** Indexes into `stamps`, ordered by time, then by place in the file. */
    private readonly byTime: Int32Array;
    /** Lookups by quote, then locator (no key string built per call: a file is validated on every edit). */
    private readonly looked = new Map<string, Map<string | undefined, QuoteLookup>>();
    private lookedSize = 0;
    /** True when the file was not valid UTF-8 (it was read with replacement characters). */
    readonly invalidUtf8: boolean;

    constructor(raw: string, invalidUtf8 = false) {
        this.invalidUtf8 = invalidUtf8;
        // Line by line: NFC never joins across a line break, and most lines need no work.
        const lines = raw.split(/\r\n|\r|\n/);
        const lineStarts = new Int32Array(lines.length);
        const parts: string[] = [];
        const stamps: TranscriptStamp[] = [];
        let length = 0;
        for (let i = 0; i < lines.length; i++) {
            const line = MAY_NEED_NFC.test(lines[i]) ? lines[i].normalize('NFC') : lines[i];
            const content = normalizeLine(line);
            // An empty line gets the start of the next content (after the space that will join it).
            const start = parts.length === 0 ? length : length + 1;
            lineStarts[i] = start;
            if (content === '') continue;
            const stamp = LINE_STAMP.exec(line);
            if (stamp) {
                const text = stamp[1] ?? stamp[2];
                const seconds = parseTimestamp(text);
                const written = stamp[0].trimStart();
                if (seconds !== undefined && content.startsWith(written)) {
                    stamps.push({ text, seconds, line: i + 1, start, end: start + written.length });
                }
            }
            if (parts.length > 0) length++;
            parts.push(content);
            length += content.length;
        }
        const text = parts.join(' ');
        this.text = text;
        this.lineStarts = lineStarts;
        this.stamps = stamps;
        // The stamps by time (then file order), for finding a locator's segment by binary search.
        this.byTime = Int32Array.from(stamps.keys()).sort((a, b) => stamps[a].seconds - stamps[b].seconds || a - b);
        // Word starts: the text's start and every position after its (single) spaces. Their
        // keys are counted per bucket, then the positions filed (a counting sort).
        let words = text.length > 0 ? 1 : 0;
        for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) words++;
        const starts = new Int32Array(words);
        const keys = new Int32Array(words);
        const counts = new Int32Array(BUCKETS + 1);
        for (let w = 0, at = 0; w < words; w++) {
            starts[w] = at;
            const key = keyAt(text, at);
            keys[w] = key;
            counts[key + 1]++;
            at = text.indexOf(' ', at) + 1;
        }
        for (let b = 0; b < BUCKETS; b++) counts[b + 1] += counts[b];
        const fill = counts.slice(0, BUCKETS);
        const positions = new Int32Array(words);
        for (let w = 0; w < words; w++) positions[fill[keys[w]]++] = starts[w];
        this.bucketStart = counts;
        this.positions = positions;
    }

    /** The 1-based line of an offset in the normalised text. */
    lineOf(offset: number): number {
        let lo = 0, hi = this.lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        // An empty line starts where the next line with content does: the last of equal starts is that line.
        return lo + 1;
    }

    /** Offset in the normalised text where a 1-based line's content starts. */
    lineStart(line: number): number {
        return this.lineStarts[Math.max(0, Math.min(this.lineStarts.length - 1, line - 1))];
    }

    private bucket(at: number, source: string): Int32Array {
        const b = keyAt(source, at);
        return this.positions.subarray(this.bucketStart[b], this.bucketStart[b + 1]);
    }

    /** Every offset where the normalised quote occurs, ascending (remembered per quote). */
    occurrences(quote: string): readonly number[] {
        const known = this.found.get(quote);
        if (known) return known;
        const result = this.search(quote);
        if (this.found.size > 10_000) this.found.clear();
        this.found.set(quote, result);
        return result;
    }

    private search(quote: string): number[] {
        const text = this.text;
        if (quote === '') return [];
        // The rarest anchor: a position after a space of the quote with four characters from it.
        let best: { at: number; candidates: Int32Array } | undefined;
        for (let j = 1; j + KEY_LENGTH <= quote.length; j++) {
            if (quote.charCodeAt(j - 1) !== 32) continue;
            const candidates = this.bucket(j, quote);
            if (!best || candidates.length < best.candidates.length) best = { at: j, candidates };
        }
        const out: number[] = [];
        if (best) {
            for (const p of best.candidates) {
                const start = p - best.at;
                if (start >= 0 && text.startsWith(quote, start)) out.push(start);
            }
            return out;
        }
        // A quote of one word (or one with too short a last word): a plain scan, once per quote.
        for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) out.push(at);
        return out;
    }

    /**
     * Looks a quote up (V2 §4 and RULES.md "Precise points"): it must occur in the text; when
     * `locator` is a time stamp and the file has stamps, it must lie after the latest stamp
     * at or before that time (else the file's start) and before the next stamp in the file
     * (else the file's end).
     */
    lookup(quote: string, locator: string | undefined): QuoteLookup {
        let byLocator = this.looked.get(quote);
        let result = byLocator?.get(locator);
        if (!result) {
            if (this.lookedSize > 10_000) {
                this.looked.clear();
                this.lookedSize = 0;
                byLocator = undefined;
            }
            if (!byLocator) this.looked.set(quote, byLocator = new Map());
            byLocator.set(locator, result = this.lookupAfresh(quote, locator));
            this.lookedSize++;
        }
        return result;
    }

    private lookupAfresh(quote: string, locator: string | undefined): QuoteLookup {
        const normalised = normalizeQuote(quote);
        const at = this.occurrences(normalised);
        if (at.length === 0) return { found: 'nowhere' };
        const seconds = locator === undefined ? undefined : parseTimestamp(locator);
        if (seconds === undefined || this.stamps.length === 0) return { found: 'yes' };
        const { from, to, start, end } = this.segment(seconds);
        if (at.some(p => p >= start && p + normalised.length <= end)) return { found: 'yes' };
        const first = at[0];
        // The last stamp (in file order) that starts at or before the quote.
        let lo = 0, hi = this.stamps.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.stamps[mid].start <= first) lo = mid + 1; else hi = mid;
        }
        const under = lo > 0 ? this.stamps[lo - 1] : undefined;
        return { found: 'elsewhere', from, to, line: this.lineOf(first), under };
    }

    /** The segment of a time: after the stamp with the greatest time at or before it (the last so timed), before the next stamp. */
    segment(seconds: number): { from?: TranscriptStamp; to?: TranscriptStamp; start: number; end: number } {
        // The last entry by time that is at or before `seconds`: the greatest time, the last in the file among equals.
        let lo = 0, hi = this.byTime.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.stamps[this.byTime[mid]].seconds <= seconds) lo = mid + 1; else hi = mid;
        }
        const index = lo > 0 ? this.byTime[lo - 1] : -1;
        const from = index >= 0 ? this.stamps[index] : undefined;
        const to = this.stamps[index + 1];
        return { from, to, start: from ? from.end : 0, end: to ? to.start : this.text.length };
    }

    /**
     * The passage nearest a quote that is not in the text, when one is near: at most a
     * quarter of the quote's characters differ (edit distance), else undefined — the fix
     * never guesses. Candidates come from the word index (each word start of the quote votes
     * for where the quote would begin); the best few are aligned with the quote (semi-global
     * edit distance), so a 10 MB transcript is never scanned whole. With `within` (the
     * segment of the quote's time-stamp locator), a near passage inside it is preferred.
     */
    closestPassage(quote: string, within?: { readonly start: number; readonly end: number }): ClosestPassage | undefined {
        const q = normalizeQuote(quote);
        if (q.length < 2 || q.length > MAX_ALIGNED_QUOTE) return undefined;
        const limit = Math.max(1, Math.floor(q.length / 4));
        const text = this.text;
        const votes = new Map<number, number>();
        const WINDOW = 16;
        const COMMON = 50_000;
        for (let j = 0; j + KEY_LENGTH <= q.length; j++) {
            if (j > 0 && q.charCodeAt(j - 1) !== 32) continue;
            const candidates = this.bucket(j, q);
            if (candidates.length > COMMON) continue;
            const voted = new Set<number>();
            for (const p of candidates) {
                const w = Math.floor((p - j) / WINDOW);
                if (voted.has(w)) continue;
                voted.add(w);
                votes.set(w, (votes.get(w) ?? 0) + 1);
            }
        }
        if (votes.size === 0) return undefined;
        const windows = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 12);
        type Aligned = { start: number; end: number; distance: number };
        const better = (a: Aligned, b: Aligned | undefined) => !b || a.distance < b.distance || (a.distance === b.distance && a.start < b.start);
        let overall: Aligned | undefined;
        let inside: Aligned | undefined;
        const slack = limit + WINDOW;
        for (const [w] of windows) {
            const from = Math.max(0, w * WINDOW - slack);
            const to = Math.min(text.length, w * WINDOW + q.length + 2 * slack);
            const aligned = align(q, text, from, to);
            if (!aligned || aligned.distance > limit) continue;
            if (better(aligned, overall)) overall = aligned;
            if (within && aligned.start >= within.start && aligned.end <= within.end && better(aligned, inside)) inside = aligned;
        }
        const best = inside ?? overall;
        if (!best) return undefined;
        // Widen to whole words where the alignment ends inside one.
        let { start, end } = best;
        for (let n = 0; start > 0 && text.charCodeAt(start - 1) !== 32 && n < 20; n++) start--;
        for (let n = 0; end < text.length && text.charCodeAt(end) !== 32 && n < 20; n++) end++;
        while (start < end && text.charCodeAt(start) === 32) start++;
        while (end > start && text.charCodeAt(end - 1) === 32) end--;
        return { start, end, distance: best.distance, line: this.lineOf(start), text: text.slice(start, end) };
    }
}

/**
 * Semi-global alignment (Sellers): the whole of `q` against the best-matching substring of
 * `text[from, to)`, by edit distance (substitution, insertion, deletion cost 1). Returns the
 * substring's offsets in `text` and the distance.
 */
function align(q: string, text: string, from: number, to: number): { start: number; end: number; distance: number } | undefined {
    const n = to - from, m = q.length;
    if (n <= 0) return undefined;
    let previous = new Int32Array(n + 1);
    let current = new Int32Array(n + 1);
    let previousStart = new Int32Array(n + 1);
    let currentStart = new Int32Array(n + 1);
    for (let j = 0; j <= n; j++) { previous[j] = 0; previousStart[j] = j; }
    for (let i = 1; i <= m; i++) {
        const qc = q.charCodeAt(i - 1);
        current[0] = i;
        currentStart[0] = 0;
        for (let j = 1; j <= n; j++) {
            const diagonal = previous[j - 1] + (text.charCodeAt(from + j - 1) === qc ? 0 : 1);
            const up = previous[j] + 1;
            const left = current[j - 1] + 1;
            if (diagonal <= up && diagonal <= left) { current[j] = diagonal; currentStart[j] = previousStart[j - 1]; }
            else if (up <= left) { current[j] = up; currentStart[j] = previousStart[j]; }
            else { current[j] = left; currentStart[j] = currentStart[j - 1]; }
        }
        [previous, current] = [current, previous];
        [previousStart, currentStart] = [currentStart, previousStart];
    }
    let bestJ = 0;
    for (let j = 1; j <= n; j++) if (previous[j] < previous[bestJ]) bestJ = j;
    return { start: from + previousStart[bestJ], end: from + bestJ, distance: previous[bestJ] };
}

/**
 * The text of the original file between two offsets of the normalised text, with its
 * whitespace runs made single spaces (typographic quotes and dashes kept as written):
 * what a quote should say when it quotes that passage.
 */
export function originalPassage(raw: string, index: TranscriptIndex, start: number, end: number): string {
    const lines = raw.split(/\r\n|\r|\n/);
    const first = index.lineOf(start) - 1;
    const last = index.lineOf(Math.max(start, end - 1)) - 1;
    const pieces: string[] = [];
    for (let i = first; i <= last && i < lines.length; i++) {
        const line = lines[i].normalize('NFC');
        // Walk the line as the normaliser does, mapping normalised offsets to characters of the line.
        let offset = index.lineStart(i + 1);
        const lead = line.length - line.trimStart().length;
        const body = line.slice(lead).trimEnd();
        let from = -1, to = -1;
        let inSpace = false;
        for (let c = 0; c < body.length; c++) {
            const ch = body[c];
            const isSpace = /\s/.test(ch);
            if (isSpace && inSpace) continue;
            inSpace = isSpace;
            const width = isSpace ? 1 : (PUNCTUATION[ch]?.length ?? 1);
            if (offset + width > start && offset < end) {
                if (from < 0) from = c;
                to = c + 1;
            }
            offset += width;
        }
        if (from >= 0) pieces.push(body.slice(from, to));
    }
    return pieces.join(' ').replace(/\s+/g, ' ').trim();
}

/** Why a file could not be read, without its path (messages never name a non-public source's file). */
function readProblem(err: NodeJS.ErrnoException): string {
    switch (err.code) {
        case 'EACCES': case 'EPERM': return 'permission denied';
        case 'ENOENT': return 'it does not exist';
        case 'EISDIR': return 'it is a folder';
        case 'ELOOP': return 'it is a symbolic link that loops';
        default: return /^it is not a regular file/.test(err.message) ? err.message : `it cannot be read${err.code ? ` (${err.code})` : ''}`;
    }
}

/** What reading a transcript gave. */
export type TranscriptResult =
    | { readonly ok: true; readonly path: string; readonly index: TranscriptIndex }
    /** `outside`/`missing`: the path rules (`source/file-*`) report it; `unreadable`: it could not be read. */
    | { readonly ok: false; readonly problem: 'outside' | 'missing' | 'unreadable'; readonly path?: string; readonly message: string };

/** A transcript as the quote rules see it in one build (see `ProgTranscripts.forQuotes`). */
export interface QuotedFile {
    /** The `file:` dependency keys of a validation reading it (absolute paths). */
    readonly keys: readonly DependencyKey[];
    /** Undefined when the path leaves the workspace or names no file (the path rules report that; nothing is read). */
    readonly transcript?: TranscriptResult;
}

interface CacheEntry {
    readonly mtimeMs: number;
    readonly size: number;
    readonly index: TranscriptIndex;
}

/** Transcripts larger than this are not read (their quotes are not checked). */
export const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;

/**
 * Reads transcripts for the quote rules and the quick fix. A file is resolved inside the
 * workspace (`resolveWorkspaceFile`: nothing outside is opened or even looked at), then
 * read, normalised and indexed once per change: the cache is keyed by real path and checked
 * against the file's modification time and size.
 */
export class ProgTranscripts {
    private readonly cache = new Map<string, CacheEntry>();
    /** Within one build: each written path resolved, stated and read once, whatever the number of quotes citing it (by root, then path). */
    private readonly inBuild = new Map<string, Map<string, QuotedFile>>();

    /** A new build begins (the document builder's update): files are looked at again. */
    newBuild(): void {
        this.inBuild.clear();
    }

    /**
     * The transcript behind a `file` written in the model, for the quote rules: resolved,
     * stated and (when changed) read once per build, however many quotes cite it. `keys` are
     * the paths a validation that reads it depends on (prog-dependencies.ts `file:`): the
     * path as written under the workspace folder, the real path, and the real path taken
     * under the folder as given (they differ when a symbolic link is on the way).
     */
    forQuotes(root: string, written: string): QuotedFile {
        let byPath = this.inBuild.get(root);
        if (!byPath) this.inBuild.set(root, byPath = new Map());
        let found = byPath.get(written);
        if (found) return found;
        const keys = [path.resolve(root, written.replace(/\\/g, '/'))];
        const resolution = resolveWorkspaceFile(root, written);
        let transcript: TranscriptResult | undefined;
        if (resolution.kind === 'file') {
            keys.push(resolution.path);
            const realRoot = this.realRoot(root);
            if (realRoot && realRoot !== root) keys.push(path.join(root, path.relative(realRoot, resolution.path)));
            transcript = this.loadFile(resolution.path);
        }
        found = { keys: keys.map(fileKey), transcript };
        byPath.set(written, found);
        return found;
    }

    private readonly realRoots = new Map<string, string | undefined>();

    /** The workspace folder's real path (remembered: the folder does not move under a running workspace). */
    private realRoot(root: string): string | undefined {
        if (!this.realRoots.has(root)) {
            let real: string | undefined;
            try { real = fs.realpathSync(root); } catch { real = undefined; }
            this.realRoots.set(root, real);
        }
        return this.realRoots.get(root);
    }

    /** The transcript `written` names, relative to the workspace `root`. */
    load(root: string, written: string): TranscriptResult {
        const resolution = resolveWorkspaceFile(root, written);
        if (resolution.kind !== 'file') return { ok: false, problem: resolution.kind, message: resolution.reason };
        return this.loadFile(resolution.path);
    }

    /** A transcript by its real path (inside the workspace: callers resolve first). */
    loadFile(file: string): TranscriptResult {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(file);
        } catch {
            this.cache.delete(file);
            return { ok: false, problem: 'missing', path: file, message: 'it cannot be found' };
        }
        const cached = this.cache.get(file);
        if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return { ok: true, path: file, index: cached.index };
        if (stat.size > MAX_TRANSCRIPT_BYTES) {
            this.cache.delete(file);
            return { ok: false, problem: 'unreadable', path: file, message: `it is larger than ${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB` };
        }
        let raw: string;
        let invalid = false;
        try {
            const decoded = decodeSourceBytes(readRegularFileSync(file));
            raw = decoded.text;
            invalid = decoded.problem !== undefined;
        } catch (err) {
            this.cache.delete(file);
            return { ok: false, problem: 'unreadable', path: file, message: readProblem(err as NodeJS.ErrnoException) };
        }
        const index = new TranscriptIndex(raw, invalid);
        this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, index });
        return { ok: true, path: file, index };
    }

    /** The cached transcripts at `folder` or below it (a folder deleted on disk: the quotes checked against them). */
    filesBelow(folder: string): string[] {
        const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
        return [...this.cache.keys()].filter(file => file === folder || file.startsWith(prefix));
    }

    /** The file's text as read now (the quick fix maps a passage back to the words as written). */
    readRaw(file: string): string | undefined {
        try {
            return decodeSourceBytes(readRegularFileSync(file)).text;
        } catch {
            return undefined;
        }
    }
}
