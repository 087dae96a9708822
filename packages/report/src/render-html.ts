/**
 * The neutral document as one self-contained HTML file: CSS and SVG inline, no scripts,
 * no external resources, well-formed (every element closed), readable offline and in print.
 */
import { escapeXml as esc } from './xml-text.js';
import { headingText, type Block, type Fact, type Inline, type ReportDocument, type Section } from './document.js';
import { fontFaceCss, HTML_FONT_FAMILY } from './html-font.js';

const CSS = `
:root { color-scheme: light; }
body { font-family: ${HTML_FONT_FAMILY}; font-size: 11pt; line-height: 1.45;
  color: #1a1a1a; max-width: 52em; margin: 2em auto; padding: 0 1.5em; }
h1, h2, h3, h4 { color: #1f3a5f; line-height: 1.25; }
h2 { font-size: 1.55em; border-bottom: 2px solid #1f3a5f; padding-bottom: .2em; margin-top: 2.2em; }
h3 { font-size: 1.25em; margin-top: 1.6em; }
h4 { font-size: 1.08em; margin-top: 1.3em; }
.draft { border: 3px solid #b00020; color: #b00020; font-weight: bold; text-align: center; padding: .4em; letter-spacing: .1em; }
.front { border-bottom: 1px solid #c8d1dc; margin-bottom: 2em; padding-bottom: 1.5em; }
.front .kind { text-transform: uppercase; letter-spacing: .12em; color: #4a5a6e; font-size: .95em; margin: 0; }
.front h1 { font-size: 2.1em; margin: .3em 0; }
.front .programme { font-size: 1.2em; color: #3c4f66; margin: 0 0 1.2em; }
.front dl { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1.2em; }
.front dt { font-weight: bold; }
.front dd { margin: 0; }
nav.toc ol { list-style: none; padding-left: 1.2em; }
nav.toc > ol { padding-left: 0; }
p.meta { font-size: .92em; color: #38465a; background: #f3f6f9; padding: .35em .6em; border-left: 3px solid #8aa2bd; }
blockquote { margin: .6em 0 .6em 1.2em; padding-left: .8em; border-left: 3px solid #c8d1dc; color: #333; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1.4em; font-size: .92em; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: .3em 0; color: #1f3a5f; }
td.number, th.number { text-align: right; }
p.table-note { font-size: .9em; color: #38465a; margin-top: -.9em; }
.front.memo { margin-bottom: 1em; }
section.information dl { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1.2em; }
section.information dt { font-weight: bold; }
section.information dd { margin: 0; }
th, td { border: 1px solid #c8d1dc; padding: .3em .45em; vertical-align: top; text-align: left; }
thead th { background: #1f3a5f; color: #fff; }
tbody tr:nth-child(even) td { background: #f6f8fa; }
figure { margin: 1em 0 1.6em; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; color: #1f3a5f; margin-top: .4em; }
.references p { padding-left: 2em; text-indent: -2em; margin: .35em 0; }
a { color: #0b5cad; }
@media print { body { max-width: none; margin: 0; } section.page { break-before: page; } thead { display: table-header-group; } }
`;

const encoder = new TextEncoder();

export function renderHtml(doc: ReportDocument): Uint8Array {
    return encoder.encode(htmlText(doc));
}

export function htmlText(doc: ReportDocument): string {
    const out: string[] = [];
    out.push('<!DOCTYPE html>');
    out.push(`<html lang="${doc.languageTag}">`);
    out.push('<head>');
    out.push('<meta charset="utf-8"/>');
    out.push('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    out.push(`<meta name="author" content="${esc(doc.authors)}"/>`);
    out.push(`<title>${esc(doc.title)}</title>`);
    out.push(`<style>\n${fontFaceCss()}${CSS}</style>`);
    out.push('</head>');
    out.push('<body>');
    if (doc.draftMark) out.push(`<div class="draft" role="note">${esc(doc.draftMark)}</div>`);
    const f = doc.front;
    const facts = (list: readonly Fact[]) => `<dl>${list.map(x => `<dt>${esc(x.label)}</dt><dd>${esc(x.value)}</dd>`).join('')}</dl>`;
    out.push(`<header class="front ${f.layout}">`);
    if (f.kindTitle) out.push(`<p class="kind">${esc(f.kindTitle)}</p>`);
    out.push(`<h1>${esc(f.title)}</h1>`);
    if (f.subtitle) out.push(`<p class="programme">${esc(f.subtitle)}</p>`);
    if (f.facts.length) out.push(facts(f.facts));
    out.push('</header>');
    if (f.information.length) {
        out.push(`<section class="information">${facts(f.information)}${f.informationNote ? `<p class="note">${esc(f.informationNote)}</p>` : ''}</section>`);
    }
    for (const section of f.sections) renderSection(section, doc, out);
    out.push(`<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${esc(doc.contentsTitle)}</h2>`);
    out.push(tocList([...f.sections, ...doc.sections], doc.contentsLevels));
    out.push('</nav>');
    out.push('<main>');
    for (const section of doc.sections) renderSection(section, doc, out);
    out.push('</main>');
    out.push('</body>');
    out.push('</html>');
    return out.join('\n') + '\n';
}

function tocList(sections: readonly Section[], levels: number): string {
    const listed = sections.filter(s => s.level <= levels);
    if (!listed.length) return '';
    return `<ol>${listed.map(s => `<li><a href="#${s.anchor}">${esc(headingText(s))}</a>${tocList(s.sections, levels)}</li>`).join('')}</ol>`;
}

function renderSection(section: Section, doc: ReportDocument, out: string[]): void {
    const h = `h${section.level + 1}`;
    const attributes = `${section.languageTag ? ` lang="${section.languageTag}"` : ''}${section.pageBreak === 'always' ? ' class="page"' : ''}`;
    out.push(`<section id="${section.anchor}"${attributes}>`);
    out.push(`<${h}>${esc(headingText(section))}</${h}>`);
    for (const block of section.blocks) out.push(renderBlock(block, doc));
    for (const child of section.sections) renderSection(child, doc, out);
    out.push('</section>');
}

function renderBlock(block: Block, doc: ReportDocument): string {
    switch (block.type) {
        case 'paragraph':
            return `<p${block.role ? ` class="${block.role}"` : ''}>${inlines(block.children)}</p>`;
        case 'subheading': {
            const h = `h${Math.min(6, block.level + 1)}`;
            return `<${h}>${inlines(block.children)}</${h}>`;
        }
        case 'list': {
            const tag = block.ordered ? 'ol' : 'ul';
            return `<${tag}>${block.items.map(item => `<li>${item.map(b => renderBlock(b, doc)).join('')}</li>`).join('')}</${tag}>`;
        }
        case 'quote':
            return `<blockquote>${block.children.map(b => renderBlock(b, doc)).join('')}</blockquote>`;
        case 'table': {
            const cls = (i: number) => block.numeric?.[i] ? ' class="number"' : '';
            const notes = [
                ...(block.source ? [`<p class="table-note"><em>${esc(doc.captionWords.source)}</em> ${inlines(block.source)}</p>`] : []),
                ...(block.note ? [`<p class="table-note"><em>${esc(doc.captionWords.note)}</em> ${inlines(block.note)}</p>`] : [])
            ];
            return [
                `<table id="${block.anchor}">`,
                `<caption>${esc(doc.captionWords.table)} ${block.number} ${inlines(block.caption)}</caption>`,
                `<thead><tr>${block.header.map((c, i) => `<th scope="col"${cls(i)}>${inlines(c)}</th>`).join('')}</tr></thead>`,
                `<tbody>${block.rows.map(r => `<tr>${r.map((c, i) => `<td${cls(i)}>${inlines(c)}</td>`).join('')}</tr>`).join('')}</tbody>`,
                '</table>',
                ...notes
            ].join('\n');
        }
        case 'figure': {
            // Ids inside the SVG are made unique per figure.
            const prefix = `${block.anchor}_`;
            const svg = block.svg
                .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${prefix}${id}"`)
                .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}${id})`)
                .replace(/<svg([^>]*)>/, `<svg$1 aria-labelledby="${prefix}title"><title id="${prefix}title">${esc(block.alt)}</title>`);
            return `<figure id="${block.anchor}">\n${svg}\n<figcaption>${esc(doc.captionWords.figure)} ${block.number} ${inlines(block.caption)}</figcaption>\n</figure>`;
        }
        case 'references':
            return `<div class="references">${block.entries.map(e => `<p id="${e.anchor}">${inlines(e.children)}</p>`).join('')}</div>`;
    }
}

function inlines(children: readonly Inline[]): string {
    let out = '';
    for (const c of children) {
        switch (c.type) {
            case 'text': out += esc(c.text); break;
            case 'emphasis': out += `<em>${inlines(c.children)}</em>`; break;
            case 'strong': out += `<strong>${inlines(c.children)}</strong>`; break;
            case 'link': out += `<a href="${esc(c.href)}">${inlines(c.children)}</a>`; break;
            case 'xref': out += `<a href="#${c.anchor}">${inlines(c.children)}</a>`; break;
            case 'citation': out += c.anchor ? `<a href="#${c.anchor}">${esc(c.text)}</a>` : esc(c.text); break;
            case 'target': out += `<span id="${c.anchor}">${inlines(c.children)}</span>`; break;
            case 'break': out += '<br/>'; break;
        }
    }
    return out;
}

