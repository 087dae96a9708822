/**
 * REPORTS.md: no personal name from a non-public source appears anywhere in the output.
 * `privacy/quote-names-person` only warns, so a name left in a quote, a text or a title is
 * replaced here, in every string of the document (figures and properties included), by the
 * generated label of the source it belongs to.
 */
import { normalizeName } from '@sporbar/language';
import type { BuildContext } from './context.js';

const SKIP = new Set(['type', 'anchor', 'href', 'key', 'languageTag', 'kind', 'language', 'date']);

export function withoutProtectedNames<T>(ctx: BuildContext, doc: T): T {
    const { pattern, sources } = ctx.index.data.protectedNames;
    if (!pattern) return doc;
    const replace = (s: string) => s.replace(pattern, match => {
        const source = sources.get(normalizeName(match))?.[0];
        const label = source ? ctx.sources.get(source)?.label : undefined;
        return `[${label ?? ctx.l.sourceKind.interview}]`;
    });
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
