/**
 * Narrative text (`"""` slots) to neutral blocks: Markdown through markdown-it (no raw
 * HTML), with every `@ID` handed to the caller, who decides what it becomes
 * (cross-reference, citation, source label or title).
 */
import MarkdownIt from 'markdown-it';
import type { AstNode } from 'langium';
import { stripText, type TextBlock } from '@sporbar/language';
import { inlineText, type Block, type Inline } from './document.js';

type Token = ReturnType<typeof md.parse>[number];

const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });

/** Where an `@ID` stands: inside an open "(", and the paragraph's text before it. */
export interface RefContext {
    readonly insideParentheses: boolean;
    readonly before: string;
}

/** Turns one `@ID` into inline content. */
export type RefRenderer = (target: AstNode | undefined, written: string, context: RefContext) => Inline[];

const OPEN = '\uE000', CLOSE = '\uE001';

/**
 * The Markdown of a text block with each `@ID` replaced by a placeholder, and the targets
 * in order. Works on the concrete syntax so that `\@` stays a literal `@`.
 */
function withPlaceholders(block: TextBlock): { markdown: string; refs: { target: AstNode | undefined; written: string }[] } {
    const cst = block.$cstNode;
    if (!cst) return { markdown: '', refs: [] };
    const start = cst.offset;
    let raw = cst.text;
    const refs: { target: AstNode | undefined; written: string }[] = [];
    const pieces: string[] = [];
    let at = 0;
    for (const part of block.parts) {
        if (part.$type !== 'TextRef' || !part.$cstNode) continue;
        const from = part.$cstNode.offset - start, to = part.$cstNode.end - start;
        pieces.push(raw.slice(at, from));
        pieces.push(`${OPEN}${refs.length}${CLOSE}`);
        refs.push({ target: part.ref?.ref, written: part.$cstNode.text.replace(/^@/, '') });
        at = to;
    }
    pieces.push(raw.slice(at));
    raw = pieces.join('');
    const inner = raw.startsWith('"""') ? raw.slice(3, raw.endsWith('"""') ? -3 : undefined) : raw;
    return { markdown: stripText(inner), refs };
}

/**
 * Blocks of a narrative slot. Headings inside the slot sit below `level` (the level of the
 * section the slot belongs to) and never deeper than 3.
 */
export function narrativeBlocks(block: TextBlock | undefined, level: number, render: RefRenderer): Block[] {
    if (!block) return [];
    const { markdown, refs } = withPlaceholders(block);
    const tokens = md.parse(markdown, {});
    const state = { i: 0 };
    return parseBlocks(tokens, state, undefined, level, (index, context) => {
        const ref = refs[index];
        return ref ? render(ref.target, ref.written, context) : [];
    });
}

type Resolve = (index: number, context: RefContext) => Inline[];
interface Running { depth: number; before: string }

function parseBlocks(tokens: Token[], state: { i: number }, until: string | undefined, level: number, resolve: Resolve): Block[] {
    const blocks: Block[] = [];
    while (state.i < tokens.length) {
        const token = tokens[state.i];
        if (until && token.type === until) {
            state.i++;
            return blocks;
        }
        state.i++;
        switch (token.type) {
            case 'paragraph_open': {
                const inline = tokens[state.i++];
                state.i++; // paragraph_close
                const children = inlines(inline.children ?? [], resolve);
                if (children.length > 0) blocks.push({ type: 'paragraph', children });
                break;
            }
            case 'heading_open': {
                const inline = tokens[state.i++];
                state.i++;
                const depth = Number(token.tag.slice(1));
                const sub = Math.min(3, level + depth);
                const children = inlines(inline.children ?? [], resolve);
                if (sub <= level) blocks.push({ type: 'paragraph', children: [{ type: 'strong', children }] });
                else blocks.push({ type: 'subheading', level: sub, children });
                break;
            }
            case 'bullet_list_open':
            case 'ordered_list_open': {
                const closing = token.type.replace('_open', '_close');
                const items: Block[][] = [];
                while (state.i < tokens.length && tokens[state.i].type !== closing) {
                    if (tokens[state.i].type === 'list_item_open') {
                        state.i++;
                        items.push(parseBlocks(tokens, state, 'list_item_close', level, resolve));
                    } else state.i++;
                }
                state.i++;
                blocks.push({ type: 'list', ordered: token.type === 'ordered_list_open', items });
                break;
            }
            case 'blockquote_open':
                blocks.push({ type: 'quote', children: parseBlocks(tokens, state, 'blockquote_close', level, resolve) });
                break;
            case 'fence':
            case 'code_block':
                blocks.push({ type: 'paragraph', children: placeholderText(token.content.replace(/\n$/, ''), resolve, { depth: 0, before: '' }) });
                break;
            default:
                break; // hr and anything else carries no text
        }
    }
    return blocks;
}

function inlines(tokens: Token[], resolve: Resolve): Inline[] {
    const paren: Running = { depth: 0, before: '' };
    const stack: { type: 'emphasis' | 'strong' | 'link'; href?: string; children: Inline[] }[] = [];
    const root: Inline[] = [];
    const out = () => (stack.length ? stack[stack.length - 1].children : root);
    for (const token of tokens) {
        switch (token.type) {
            case 'text':
            case 'code_inline':
                out().push(...placeholderText(token.content, resolve, paren));
                break;
            case 'softbreak':
                out().push({ type: 'text', text: ' ' });
                paren.before += ' ';
                break;
            case 'hardbreak':
                out().push({ type: 'break' });
                break;
            case 'em_open': stack.push({ type: 'emphasis', children: [] }); break;
            case 'strong_open': stack.push({ type: 'strong', children: [] }); break;
            case 'link_open': stack.push({ type: 'link', href: String(token.attrGet('href') ?? ''), children: [] }); break;
            case 'em_close':
            case 'strong_close':
            case 'link_close': {
                const frame = stack.pop();
                if (!frame) break;
                if (frame.type === 'link') {
                    if (/^(https?:|mailto:)/i.test(frame.href ?? '')) out().push({ type: 'link', href: frame.href!, children: frame.children });
                    else out().push(...frame.children);
                } else out().push({ type: frame.type, children: frame.children });
                break;
            }
            case 'image':
                out().push(...placeholderText(token.content, resolve, paren));
                break;
            default:
                break;
        }
    }
    while (stack.length) {
        const frame = stack.pop()!;
        out().push(...frame.children);
    }
    return merge(root);
}

/** Text with placeholders: plain runs and resolved references, tracking open parentheses. */
function placeholderText(value: string, resolve: Resolve, paren: Running): Inline[] {
    const result: Inline[] = [];
    const re = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
    let at = 0;
    const pushText = (s: string) => {
        if (!s) return;
        for (const ch of s) {
            if (ch === '(') paren.depth++;
            else if (ch === ')' && paren.depth > 0) paren.depth--;
        }
        paren.before += s;
        result.push({ type: 'text', text: s });
    };
    for (const m of value.matchAll(re)) {
        pushText(value.slice(at, m.index));
        const resolved = resolve(Number(m[1]), { insideParentheses: paren.depth > 0, before: paren.before });
        paren.before += inlineText(resolved);
        result.push(...resolved);
        at = m.index! + m[0].length;
    }
    pushText(value.slice(at));
    return result;
}

function merge(children: Inline[]): Inline[] {
    const out: Inline[] = [];
    for (const c of children) {
        const last = out[out.length - 1];
        if (c.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + c.text };
        else if (c.type !== 'text' || c.text !== '') out.push(c);
    }
    // A reference that named nothing new (see naming.ts) leaves no empty parentheses behind.
    return out.map((c, i) => {
        if (c.type !== 'text') return c;
        let t = c.text.replace(/\s*\((\s*,)*\s*\)/g, '').replace(/,\s*\)/g, ')');
        if (i + 1 < out.length && out[i + 1].type !== 'text') t = t.replace(/\(\s*,\s*$/, '(');
        return t === c.text ? c : { type: 'text' as const, text: t };
    }).filter(c => c.type !== 'text' || c.text !== '');
}
