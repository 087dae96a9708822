import type { NamedElement } from './prog-names.js';
import { allowedDistance, editDistance, looseForm } from './prog-suggest.js';

/** A declared ID offered for an unresolved reference; `title` when it was found by its title. */
export interface IdSuggestion {
    readonly id: string;
    readonly title?: string;
}

/**
 * The declared IDs an unresolved reference most likely means (docs/rules.md
 * "Suggestions"), best first, at most three: IDs within a few edits of it (`Læringskapsitet`
 * → `Læringskapasitet`; case, diacritics, `-`, `_` and spaces do not count), then elements
 * whose title it matches or starts (`Laeringskapasitet` → `L1` "Læringskapasitet i kommunene").
 */
export function suggestIds(refText: string, candidates: readonly NamedElement[]): IdSuggestion[] {
    const wanted = looseForm(refText);
    if (wanted.length === 0) return [];
    const limit = allowedDistance(wanted.length);
    const scored: Array<{ suggestion: IdSuggestion; score: number }> = [];
    const seen = new Set<string>();
    for (const element of candidates) {
        const id = element.name;
        if (!id || id === refText || seen.has(id)) continue;
        const forms = looseForms(element);
        const byId = editDistance(wanted, forms.id, limit);
        const title = (element as { title?: unknown }).title;
        let byTitle = limit + 1;
        if (typeof title === 'string' && wanted.length >= 4) {
            const loose = forms.title ?? '';
            byTitle = loose === wanted ? 0
                : loose.startsWith(wanted) ? 1
                : editDistance(wanted, loose, limit);
        }
        const score = Math.min(byId, byTitle + 0.5);
        if (score > limit) continue;
        seen.add(id);
        scored.push({ suggestion: byId <= byTitle || typeof title !== 'string' ? { id } : { id, title }, score });
    }
    scored.sort((a, b) => a.score - b.score || a.suggestion.id.localeCompare(b.suggestion.id));
    return scored.slice(0, 3).map(s => s.suggestion);
}

/** The loose forms of an element's ID and title, once per element (a reparse makes new elements). */
const LOOSE = new WeakMap<NamedElement, { readonly id: string; readonly title?: string }>();

function looseForms(element: NamedElement): { readonly id: string; readonly title?: string } {
    let forms = LOOSE.get(element);
    if (!forms) {
        const title = (element as { title?: unknown }).title;
        forms = { id: looseForm(element.name ?? ''), title: typeof title === 'string' ? looseForm(title) : undefined };
        LOOSE.set(element, forms);
    }
    return forms;
}
