/**
 * The neutral document as Markdown (CommonMark with GFM tables), for review and diffs.
 * Anchors are explicit (`<a id="…"></a>`), so cross-references work on any renderer that
 * keeps HTML anchors; figures are embedded SVG data URIs.
 */
import { allSections, headingText, type Block, type Fact, type Inline, type ReportDocument, type Section } from './document.js';

const encoder = new TextEncoder();

export function renderMarkdown(doc: ReportDocument): Uint8Array {
    return encoder.encode(markdownText(doc));
}

export function markdownText(doc: ReportDocument): string {
    const out: string[] = [];
    const f = doc.front;
    if (doc.draftMark) out.push(`> **${escapeText(doc.draftMark)}**`, '');
    if (f.kindTitle) out.push(`**${escapeText(f.kindTitle)}**`, '');
    out.push(`# ${escapeText(f.title)}`, '');
    if (f.subtitle) out.push(`*${escapeText(f.subtitle)}*`, '');
    const facts = (list: readonly Fact[]) => list.map(x => x.label ? `**${escapeText(x.label)}:** ${escapeText(x.value)}` : escapeText(x.value)).join('  \n');
    if (f.facts.length) out.push(facts(f.facts), '');
    if (f.information.length) {
        out.push('---', '', facts(f.information), '');
        if (f.informationNote) out.push(`*${escapeText(f.informationNote)}*`, '');
    }
    for (const section of f.sections) renderSection(section, doc, out);
    out.push(`## ${escapeText(doc.contentsTitle)}`, '');
    for (const s of [...allSections(f.sections), ...allSections(doc.sections)]) {
        if (s.level > doc.contentsLevels) continue;
        out.push(`${'  '.repeat(s.level - 1)}- [${escapeText(headingText(s))}](#${s.anchor})`);
    }
    out.push('');
    for (const section of doc.sections) renderSection(section, doc, out);
    return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\s+$/, '') + '\n';
}

function renderSection(section: Section, doc: ReportDocument, out: string[]): void {
    out.push(`<a id="${section.anchor}"></a>`, '');
    out.push(`${'#'.repeat(section.level + 1)} ${escapeText(headingText(section))}`, '');
    for (const block of section.blocks) out.push(...renderBlock(block, doc), '');
    for (const child of section.sections) renderSection(child, doc, out);
}

function renderBlock(block: Block, doc: ReportDocument): string[] {
    switch (block.type) {
        case 'paragraph':
            return [escapeLineStart(inlines(block.children))];
        case 'subheading':
            return [`${'#'.repeat(block.level + 1)} ${inlines(block.children)}`];
        case 'list': {
            const lines: string[] = [];
            block.items.forEach((item, i) => {
                const marker = block.ordered ? `${i + 1}. ` : '- ';
                const pad = ' '.repeat(marker.length);
                item.forEach((b, j) => {
                    const rendered = renderBlock(b, doc);
                    rendered.forEach((line, k) => {
                        if (j === 0 && k === 0) lines.push(marker + line);
                        else lines.push(line ? pad + line : '');
                    });
                    if (j < item.length - 1) lines.push('');
                });
            });
            return lines;
        }
        case 'quote':
            return block.children.flatMap((b, i) => [...(i ? ['>'] : []), ...renderBlock(b, doc).map(line => `> ${line}`)]);
        case 'table': {
            const row = (cells: readonly (readonly Inline[])[]) => `| ${cells.map(c => cell(c)).join(' | ')} |`;
            const notes: string[] = [];
            if (block.source) notes.push('', `*${escapeText(doc.captionWords.source)}* ${inlines(block.source)}`);
            if (block.note) notes.push('', `*${escapeText(doc.captionWords.note)}* ${inlines(block.note)}`);
            return [
                `<a id="${block.anchor}"></a>`,
                '',
                `**${escapeText(doc.captionWords.table)} ${block.number} ${inlines(block.caption)}**`,
                '',
                row(block.header),
                `|${block.header.map((_, i) => block.numeric?.[i] ? ' ---: ' : ' --- ').join('|')}|`,
                ...block.rows.map(row),
                ...notes
            ];
        }
        case 'figure': {
            const data = Buffer.from(block.svg, 'utf8').toString('base64');
            return [
                `<a id="${block.anchor}"></a>`,
                '',
                `![${escapeText(block.alt)}](data:image/svg+xml;base64,${data})`,
                '',
                `**${escapeText(doc.captionWords.figure)} ${block.number} ${inlines(block.caption)}**`
            ];
        }
        case 'references':
            return block.entries.flatMap((e, i) => [...(i ? [''] : []), `<a id="${e.anchor}"></a>${inlines(e.children)}`]);
    }
}

function cell(children: readonly Inline[]): string {
    return inlines(children).replace(/\|/g, '\\|').replace(/\n/g, '<br>') || ' ';
}

function inlines(children: readonly Inline[]): string {
    let out = '';
    for (const c of children) {
        switch (c.type) {
            case 'text': out += escapeText(c.text); break;
            case 'emphasis': out += wrapMark('*', inlines(c.children)); break;
            case 'strong': out += wrapMark('**', inlines(c.children)); break;
            case 'link': out += `[${inlines(c.children)}](${linkDestination(c.href)})`; break;
            case 'xref': out += `[${inlines(c.children)}](#${c.anchor})`; break;
            case 'citation': out += c.anchor ? `[${escapeText(c.text)}](#${c.anchor})` : escapeText(c.text); break;
            case 'target': out += `<a id="${c.anchor}"></a>${inlines(c.children)}`; break;
            case 'break': out += '\n'; break;
        }
    }
    return out;
}

/** Emphasis markers must touch the text: leading and trailing spaces move outside. */
function wrapMark(mark: string, inner: string): string {
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
    return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : inner;
}

/**
 * A URL as a link destination that cannot end early: encodeURIComponent leaves `(` and `)`
 * as they are, so a `)` in a URL closed the link and what followed (`<script>`…) became raw
 * HTML in the Markdown. Brackets, angle brackets and white space are percent-encoded.
 */
function linkDestination(href: string): string {
    return href.replace(/[()<>\s]/gu, ch => (ch === '(' ? '%28' : ch === ')' ? '%29' : encodeURIComponent(ch)));
}

function escapeText(s: string): string {
    return s.replace(/[\\`*_[\]<>]/g, c => `\\${c}`);
}

/** A paragraph that starts like a heading, list item or quote is escaped so it stays a paragraph. */
function escapeLineStart(s: string): string {
    return s.replace(/^([#+>-])(?=\s)/, '\\$1').replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
}
