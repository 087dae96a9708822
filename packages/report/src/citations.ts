/**
 * APA 7th citations and references through citation-js (citeproc with the APA CSL style).
 * Two kinds of work are cited: literature, from the entries the language package's
 * bibliography service parsed, and public documents and datasets cited as evidence
 * (V2.md §7 "References"), from the source's own facts (author or actor, year, title, URL).
 * Norwegian reports use Sporbar's nb-NO / nn-NO CSL locales (csl-locales.ts). Only cited
 * works are listed. Titles are printed as the author wrote them; a title in Title Case
 * gives a notice to the author (APA 7 wants sentence case), never a silent rewrite.
 */
import { Cite, plugins, type CSL } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { accessOf, type LoadedWorkspace } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { NORWEGIAN_LOCALES } from './csl-locales.js';
import { inlineText, type Inline } from './document.js';
import type { ReportLanguage } from './labels.js';

const CSL_LANG: Record<ReportLanguage, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-US' };

let localesRegistered = false;
function registerLocales(): void {
    if (localesRegistered) return;
    const config = plugins.config.get('@csl') as { locales: { add(name: string, xml: string): void } };
    for (const [tag, xml] of Object.entries(NORWEGIAN_LOCALES)) config.locales.add(tag, xml);
    localesRegistered = true;
}

/** BibTeX entry types citation-js copies into `genre`; they are not a genre the author wrote. */
const ENTRY_TYPE_GENRES = new Set(['techreport', 'mastersthesis', 'phdthesis', 'misc', 'unpublished', 'manual', 'booklet']);

export type CitationMode = 'parenthetical' | 'bare' | 'narrative';

export interface Citation {
    readonly text: string;
    /** The anchor of the work's entry in the reference list (`ref_1`, … in order of first citation). */
    readonly anchor: string;
}

export interface Citations {
    /**
     * The in-text citation of a source that has a reference entry — literature with a known
     * key, or a public document or dataset — or undefined for any other source.
     */
    citeSource(source: ast.Source, mode: CitationMode): Citation | undefined;
    /** The reference list entries of every work cited so far, in APA order. */
    references(): { anchor: string; children: Inline[] }[];
    /** Notes for the author found so far (bibliography problems, Title Case titles); never printed in the report. */
    readonly problems: readonly string[];
}

/** Sources cited as works (V2.md §7): public documents and datasets (literature has its own entries). */
export function isCitedAsWork(source: ast.Source): boolean {
    return (source.kind === 'document' || source.kind === 'dataset') && accessOf(source) === 'public';
}

export function createCitations(workspace: LoadedWorkspace, programme: ast.Programme | undefined, language: ReportLanguage): Citations {
    registerLocales();
    const lang = CSL_LANG[language];
    const problems: string[] = [];
    const entries = new Map<string, CSL>();
    const bibliographyName = programme?.bibliography;
    if (programme?.bibliography) {
        const result = workspace.services.workspace.Bibliography.load(workspace.root, programme.bibliography);
        if (result.ok) {
            for (const entry of result.bibliography.entries) {
                const copy: CSL = { ...entry };
                delete (copy as Record<string, unknown>)._graph;
                if (typeof copy.genre === 'string' && ENTRY_TYPE_GENRES.has(copy.genre.toLowerCase())) delete copy.genre;
                entries.set(String(copy.id), copy);
            }
        } else {
            problems.push(result.message);
        }
    }
    /** Public documents and datasets: their APA citation and entry are made here, without citeproc. */
    const works = new Map<ast.Source, SourceWork>();
    /** Cited works in order of first citation: a bibliography key or a source, with its anchor. */
    const cited = new Map<string | ast.Source, string>();
    const cache = new Map<string, string>();

    const format = (key: string, item: Record<string, unknown>): string => {
        const cacheKey = `${key}|${JSON.stringify(item)}`;
        let out = cache.get(cacheKey);
        if (out === undefined) {
            out = String(new Cite([entries.get(key)!]).format('citation', { style: 'apa', lang, format: 'text', entry: [{ id: key, ...item }], citationsPre: [], citationsPost: [] }));
            cache.set(cacheKey, out);
        }
        return out;
    };

    const anchorFor = (key: string | ast.Source): string => {
        let anchor = cited.get(key);
        if (anchor === undefined) cited.set(key, anchor = `ref_${cited.size + 1}`);
        return anchor;
    };

    return {
        problems,
        citeSource(source, mode) {
            const key = source.cite !== undefined && entries.has(source.cite) && (source.kind === 'literature' || isCitedAsWork(source)) ? source.cite : undefined;
            if (key === undefined) {
                if (!isCitedAsWork(source)) return undefined;
                let work = works.get(source);
                if (!work) works.set(source, work = sourceWork(source, language));
                const anchor = anchorFor(source);
                const who = work.author ?? work.title;
                return { text: mode === 'narrative' ? `${who} (${work.year})` : `${who}, ${work.year}`, anchor };
            }
            const first = !cited.has(key);
            const anchor = anchorFor(key);
            if (first) {
                const entry = entries.get(key)!;
                if (looksLikeTitleCase(String(entry.title ?? ''))) {
                    problems.push(`${bibliographyName ?? 'bibliography'}: ${key}: the title "${entry.title}" looks like Title Case; APA 7 writes titles of works in sentence case (capitals only for the first word, the first word after a colon and proper names). The report prints the title as written: change it in the bibliography.`);
                }
            }
            let shown: string;
            if (mode === 'narrative') {
                const author = format(key, { 'author-only': true });
                const year = format(key, { 'suppress-author': true });
                shown = `${author} ${year}`;
            } else {
                const full = format(key, {});
                shown = mode === 'bare' ? full.replace(/^\((.*)\)$/s, '$1') : full;
            }
            return { text: shown, anchor };
        },
        references() {
            if (cited.size === 0) return [];
            const out: { sort: string; anchor: string; children: Inline[] }[] = [];
            const keys = [...cited.keys()].filter((k): k is string => typeof k === 'string').sort();
            if (keys.length) {
                const data = keys.map(key => entries.get(key)!);
                const list = new Cite(data).format('bibliography', { style: 'apa', lang, format: 'html', hyperlinks: true, asEntryArray: true }) as unknown as [string, string][];
                for (const [key, html] of list) {
                    const children = htmlToInlines(html);
                    out.push({ sort: sortKey(inlineText(children)), anchor: cited.get(key)!, children });
                }
            }
            for (const [source, anchor] of cited) {
                if (typeof source === 'string') continue;
                const work = works.get(source)!;
                out.push({ sort: sortKey(`${work.authorEntry ?? work.title} ${work.year}`), anchor, children: work.entry });
            }
            // APA orders the list by author (or title), then year.
            return out.sort((x, y) => x.sort.localeCompare(y.sort, language === 'en' ? 'en' : 'nb')).map(({ anchor, children }) => ({ anchor, children }));
        }
    };
}

function sortKey(s: string): string {
    return s.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase();
}

interface SourceWork {
    /** The author as cited in text ("KS", "Nordmann"); undefined puts the title in its place. */
    readonly author?: string;
    /** The author as the entry begins ("KS", "Nordmann, O."). */
    readonly authorEntry?: string;
    readonly title: string;
    readonly year: string;
    readonly entry: Inline[];
}

/**
 * The APA 7 citation and entry of a public document or dataset (V2.md §7: author or actor,
 * year, title, publisher, URL): "KS. (2020). *Tittel*. https://…"; a dataset adds
 * "[Datasett]"; a named person (with consent) is the author and the actor the publisher;
 * without an author the title takes the author's place: "*Tittel*. (2020)." Made here rather
 * than by citeproc: a report may cite thousands of such sources, and each citeproc call
 * costs milliseconds.
 */
function sourceWork(source: ast.Source, language: ReportLanguage): SourceWork {
    const actor = source.actor?.ref?.title;
    const title = source.title ?? '';
    const year = /^(\d{4})/.exec(String(source.date ?? ''))?.[1] ?? { nb: 'u.å.', nn: 'u.å.', en: 'n.d.' }[language];
    let author: string | undefined, authorEntry: string | undefined, publisher: string | undefined;
    if (source.consent === 'named' && source.personName) {
        const parts = source.personName.trim().split(/\s+/);
        author = parts[parts.length - 1];
        authorEntry = parts.length > 1 ? `${author}, ${parts.slice(0, -1).map(g => `${g[0]}.`).join(' ')}` : author;
        publisher = actor;
    } else if (actor) {
        author = actor;
        authorEntry = actor;
    }
    const period = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
    const entry: Inline[] = [];
    if (authorEntry) entry.push({ type: 'text', text: `${period(authorEntry)} (${year}). ` });
    entry.push({ type: 'emphasis', children: [{ type: 'text', text: title }] });
    const kind = source.kind === 'dataset' ? ` [${{ nb: 'Datasett', nn: 'Datasett', en: 'Data set' }[language]}]` : '';
    entry.push({ type: 'text', text: `${kind}.${authorEntry ? '' : ` (${year}).`}${publisher ? ` ${period(publisher)}` : ''}` });
    if (source.url && /^https?:/.test(source.url)) entry.push({ type: 'text', text: ' ' }, { type: 'link', href: source.url, children: [{ type: 'text', text: source.url }] });
    return { author, authorEntry, title, year, entry };
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'on', 'or', 'the', 'to', 'with', 'og', 'i', 'på', 'av', 'til', 'med', 'om', 'en', 'et', 'ei']);

/**
 * A title in Title Case: at least three capitalised words that APA would write in lower
 * case (not the first word, not the first word after a colon, not acronyms, not short
 * words), and at least 60 % of such words capitalised.
 */
export function looksLikeTitleCase(title: string): boolean {
    const words = title.split(/\s+/).filter(Boolean);
    let capitalised = 0, counted = 0;
    for (let i = 1; i < words.length; i++) {
        if (/[:.?!]$/.test(words[i - 1])) continue;
        const w = words[i].replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
        if (w.length < 4 || SMALL_WORDS.has(w.toLowerCase()) || w === w.toUpperCase()) continue;
        counted++;
        if (/^\p{Lu}/u.test(w)) capitalised++;
    }
    return capitalised >= 3 && capitalised / counted >= 0.6;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
    return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
        if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
        return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/**
 * citeproc's HTML output (a `div` with `i`, `b`, `span style`, `a href`, `sup`, `sub`) as
 * inline runs. Unknown tags keep their text only.
 */
export function htmlToInlines(html: string): Inline[] {
    interface Frame { kind: 'root' | 'emphasis' | 'strong' | 'link' | 'plain'; href?: string; children: Inline[] }
    const stack: Frame[] = [{ kind: 'root', children: [] }];
    const re = /<(\/?)([a-z]+)([^>]*)>|([^<]+)/gi;
    for (const m of html.matchAll(re)) {
        const top = stack[stack.length - 1];
        if (m[4] !== undefined) {
            const value = decodeEntities(m[4]).replace(/\s*\n\s*/g, ' ');
            if (value) top.children.push({ type: 'text', text: value });
            continue;
        }
        const closing = m[1] === '/';
        const tag = m[2].toLowerCase();
        const attrs = m[3];
        if (tag === 'div' || tag === 'br') continue;
        if (!closing) {
            let kind: Frame['kind'] = 'plain';
            let href: string | undefined;
            if (tag === 'i' || tag === 'em' || (tag === 'span' && /font-style:\s*italic/.test(attrs))) kind = 'emphasis';
            else if (tag === 'b' || tag === 'strong' || (tag === 'span' && /font-weight:\s*bold/.test(attrs))) kind = 'strong';
            else if (tag === 'a') {
                kind = 'link';
                href = decodeEntities(/href="([^"]*)"/.exec(attrs)?.[1] ?? '');
            }
            stack.push({ kind, href, children: [] });
        } else if (stack.length > 1) {
            const frame = stack.pop()!;
            const parent = stack[stack.length - 1];
            if (frame.kind === 'emphasis') parent.children.push({ type: 'emphasis', children: frame.children });
            else if (frame.kind === 'strong') parent.children.push({ type: 'strong', children: frame.children });
            else if (frame.kind === 'link' && frame.href && /^https?:/.test(frame.href)) parent.children.push({ type: 'link', href: frame.href, children: frame.children });
            else parent.children.push(...frame.children);
        }
    }
    while (stack.length > 1) {
        const frame = stack.pop()!;
        stack[stack.length - 1].children.push(...frame.children);
    }
    return mergeText(stack[0].children);
}

function mergeText(children: Inline[]): Inline[] {
    const out: Inline[] = [];
    for (const c of children) {
        const last = out[out.length - 1];
        if (c.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + c.text };
        else out.push(c);
    }
    if (out[0]?.type === 'text') out[0] = { type: 'text', text: out[0].text.replace(/^\s+/, '') };
    const end = out.length - 1;
    if (out[end]?.type === 'text') out[end] = { type: 'text', text: (out[end] as { text: string }).text.replace(/\s+$/, '') };
    return out;
}
