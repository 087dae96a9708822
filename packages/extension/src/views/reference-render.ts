/**
 * The language reference as HTML with anchors for hover topics (no editor API: tested on
 * its own). See reference-view.ts.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import type { ReferenceTopic } from '../../../language/src/lsp/prog-hover.js';

export type { ReferenceTopic };

export const REFERENCE_FILE = 'docs/language-reference.md';

/** The anchor key of a topic; `property-…` falls back to `element-…` in the page. */
export function topicKeys(topic: ReferenceTopic | string | undefined): string[] {
    if (topic === undefined) return [];
    if (typeof topic === 'string') return [`element-${slug(topic)}`, `enum-${slug(topic)}`];
    if ('enumeration' in topic) return [`enum-${slug(topic.enumeration)}`];
    const keys = topic.property ? [`property-${slug(topic.element)}-${slug(topic.property)}`] : [];
    return [...keys, `element-${slug(topic.element)}`];
}

function slug(text: string): string {
    return text.trim().toLowerCase().replace(/\s+/g, '-');
}

/**
 * Renders the reference with `data-topics` on what topics point at: `### finding — …`
 * headings (`element-finding`; `### need and question` gives both), the rows of the
 * property table (`property-finding-confidence`) and of the enumerations table
 * (`enum-confidence`). Raw HTML in the Markdown is not rendered.
 */
export function renderReference(markdown: string): string {
    const md = new MarkdownIt({ html: false, linkify: false });
    const tokens = md.parse(markdown, {});
    let table: 'property' | 'enumeration' | undefined;
    let element = '';
    const enumerations = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        if (token.type === 'heading_open' && token.tag === 'h3') {
            const text = tokens[i + 1]?.content ?? '';
            const words = (text.split(' — ')[0] ?? '').split(/,\s*|\s+and\s+|\s+/).filter(w => /^[a-z-]+$/.test(w));
            if (words.length) token.attrSet('data-topics', words.map(w => `element-${w}`).join(' '));
        } else if (token.type === 'table_open') {
            // The header's first cell names the table.
            const first = tokens.slice(i, i + 6).find(t => t.type === 'inline')?.content.trim();
            table = first === 'element' ? 'property' : first === 'name' ? 'enumeration' : undefined;
            element = '';
        } else if (token.type === 'table_close') {
            table = undefined;
        } else if (token.type === 'tr_open' && table && tokens[i - 1]?.type !== 'thead_open') {
            const cells: string[] = [];
            for (let j = i + 1; j < tokens.length && tokens[j].type !== 'tr_close'; j++) {
                if (tokens[j].type === 'inline') cells.push(tokens[j].content.trim());
            }
            if (table === 'enumeration' && cells[0]) {
                token.attrSet('data-topics', `enum-${slug(cells[0])}`);
                enumerations.add(slug(cells[0]));
            } else if (table === 'property') {
                if (cells[0]) element = slug(cells[0]);
                const properties = [...(cells[1] ?? '').matchAll(/`([^`]+)`/g)].map(m => m[1]);
                if (element && properties.length) token.attrSet('data-topics', properties.map(p => `property-${element}-${slug(p)}`).join(' '));
                // A value that is an enumeration ("confidence") links to its values.
                const value = slug(cells[2] ?? '');
                if (enumerations.has(value)) linkCell(tokens, i, 2, `enum-${value}`);
            }
        }
    }
    return md.renderer.render(tokens, md.options, {});
}

/** Makes the `cell`-th cell of the row at `row` a link to a topic (`data-goto`, followed by the page). */
function linkCell(tokens: Token[], row: number, cell: number, topic: string): void {
    let seen = -1;
    for (let j = row + 1; j < tokens.length && tokens[j].type !== 'tr_close'; j++) {
        if (tokens[j].type !== 'inline' || ++seen !== cell) continue;
        const inline = tokens[j];
        const open = new MarkdownIt.Token('link_open', 'a', 1);
        open.attrSet('href', `#${topic}`);
        open.attrSet('data-goto', topic);
        inline.children = [open, ...(inline.children ?? []), new MarkdownIt.Token('link_close', 'a', -1)];
        return;
    }
}
