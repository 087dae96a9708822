/**
 * Late-bound text: a reference such as "funn 4.1" or "tabell 2.3" is written before the
 * chapters are numbered, so its text is filled in once they are. `late(fn)` returns a
 * text run whose text `resolve()` sets; nothing reads the document before that.
 */
import type { Inline } from '../document.js';

export class LateTexts {
    private readonly pending: { node: { type: 'text'; text: string }; compute: () => string }[] = [];
    private resolved = false;

    text(compute: () => string): Inline {
        const node = { type: 'text' as const, text: '' };
        if (this.resolved) node.text = compute();
        else this.pending.push({ node, compute });
        return node;
    }

    resolve(): void {
        for (const p of this.pending) p.node.text = p.compute();
        this.pending.length = 0;
        this.resolved = true;
    }
}
