/** Small helpers for inline content shared by the chapter modules. */
import { text, type Inline } from '../document.js';
import type * as ast from '@sporbar/language';

export function capitalise(s: string): string {
    return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Items joined by a separator ("a, b, c"). */
export function joinInlines(items: Inline[][], separator = ', '): Inline[] {
    const out: Inline[] = [];
    items.forEach((item, i) => {
        if (i) out.push(text(separator));
        out.push(...item);
    });
    return out;
}

/** Sort rank of an access level: public first. */
export function accessRank(a: ast.Access): number {
    return a === 'public' ? 0 : a === 'internal' ? 1 : 2;
}
