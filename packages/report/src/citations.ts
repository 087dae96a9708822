/**
 * APA 7th citations and references through citation-js (citeproc with the APA CSL style),
 * from the entries the language package's bibliography service parsed. Norwegian reports
 * use Sporbar's own nb-NO / nn-NO CSL locales. Only cited works are listed.
 */
import { Cite, plugins, type CSL } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { LoadedWorkspace } from '@sporbar/language';
import type * as ast from '@sporbar/language';
import { NORWEGIAN_LOCALES } from './csl-locales.js';
import type { Inline } from './document.js';
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

export interface Citations {
    /** The in-text citation of a literature source, or undefined when its key is not in the bibliography. */
    cite(source: ast.Source, mode: CitationMode): string | undefined;
    /** The reference list entries of every work cited so far, in APA order. */
    references(): { key: string; children: Inline[] }[];
    /** Problems found while loading the bibliography (shown on stderr, never in the report). */
    readonly problems: readonly string[];
}

export function createCitations(workspace: LoadedWorkspace, programme: ast.Programme | undefined, language: ReportLanguage): Citations {
    registerLocales();
    const lang = CSL_LANG[language];
    const problems: string[] = [];
    const entries = new Map<string, CSL>();
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
    const cited = new Set<string>();
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

    return {
        problems,
        cite(source, mode) {
            const key = source.cite;
            if (key === undefined || !entries.has(key)) return undefined;
            cited.add(key);
            if (mode === 'narrative') {
                const author = format(key, { 'author-only': true });
                const year = format(key, { 'suppress-author': true });
                return `${author} ${year}`;
            }
            const full = format(key, {});
            return mode === 'bare' ? full.replace(/^\((.*)\)$/s, '$1') : full;
        },
        references() {
            if (cited.size === 0) return [];
            const data = [...cited].sort().map(key => entries.get(key)!);
            const list = new Cite(data).format('bibliography', { style: 'apa', lang, format: 'html', hyperlinks: true, asEntryArray: true }) as unknown as [string, string][];
            return list.map(([key, html]) => ({ key, children: htmlToInlines(html) }));
        }
    };
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
