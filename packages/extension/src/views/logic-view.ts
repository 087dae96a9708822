import * as vscode from 'vscode';
import type { Location, LogicSvgResult, ServerApi } from '../protocol.js';
import { LivePanel } from './live-panel.js';
import { escapeHtml, nonce, page, sanitizeSvg } from './webview.js';

/**
 * "Sporbar: Show programme logic": the drawing the reports use (`logicSvg` of the report
 * package, run by the server). Clicking a node opens its declaration: the page looks for
 * the nearest element whose `data-id`, `id` or `<title>` names a node the server listed.
 */
export class LogicView extends LivePanel<LogicSvgResult> {
    constructor(context: vscode.ExtensionContext, private readonly api: ServerApi) {
        super(context, 'sporbar.logic', 'sporbar.showLogic');
    }

    protected title(): string {
        return vscode.l10n.t('Programme logic');
    }

    protected fetch(token: vscode.CancellationToken): Promise<LogicSvgResult> {
        return this.api.logicSvg(undefined, token);
    }

    protected locate(message: Record<string, unknown>): Location | undefined {
        const id = message.id;
        return typeof id === 'string' && this.data && Object.hasOwn(this.data.nodes, id) ? this.data.nodes[id] : undefined;
    }

    protected render(webview: vscode.Webview, data: LogicSvgResult): string {
        const n = nonce();
        const ids = Object.keys(data.nodes);
        const byTitle: Record<string, string> = {};
        for (const [id, title] of Object.entries(data.titles)) byTitle[title.replace(/\s+/g, ' ').trim()] = id;
        return page(webview, {
            nonce: n,
            title: this.title(),
            lang: vscode.env.language,
            style: `
                .figure svg { max-width: 100%; height: auto; background: white; }
                .figure [data-sporbar-node] { cursor: pointer; }
                .figure [data-sporbar-node]:hover { opacity: .8; }`,
            body: `
                <p class="status">${escapeHtml(vscode.l10n.t('Click a node to open its declaration. The drawing follows your edits.'))}</p>
                <div class="figure" id="figure">${data.svg ? sanitizeSvg(data.svg, n) : `<p>${escapeHtml(vscode.l10n.t('This workspace has no programme logic.'))}</p>`}</div>`,
            script: `
                const vscode = acquireVsCodeApi();
                const ids = new Set(${JSON.stringify(ids).replace(/</g, '\\u003c')});
                const byTitle = new Map(Object.entries(${JSON.stringify(byTitle).replace(/</g, '\\u003c')}));
                /** The node box under a point: the smallest rect holding it, named by the text lines inside it. */
                function boxAt(x, y) {
                    let best, area = Infinity;
                    for (const rect of document.querySelectorAll('#figure svg rect')) {
                        const b = rect.getBoundingClientRect();
                        if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom && b.width * b.height < area) { best = b; area = b.width * b.height; }
                    }
                    if (!best) return undefined;
                    const words = [];
                    for (const text of document.querySelectorAll('#figure svg text')) {
                        const t = text.getBoundingClientRect();
                        const cx = (t.left + t.right) / 2, cy = (t.top + t.bottom) / 2;
                        if (cx >= best.left && cx <= best.right && cy >= best.top && cy <= best.bottom) words.push(text.textContent);
                    }
                    const title = words.join(' ').replace(/\s+/g, ' ').trim();
                    return byTitle.get(title);
                }
                function nodeId(el) {
                    for (; el && el.nodeType === 1 && el.id !== 'figure'; el = el.parentNode) {
                        for (const candidate of [el.getAttribute('data-id'), el.getAttribute('data-node'), el.id]) {
                            if (candidate && ids.has(candidate)) return candidate;
                            if (candidate) { const tail = candidate.replace(/^(node|logic|n)[-_:]/, ''); if (ids.has(tail)) return tail; }
                        }
                        const title = Array.from(el.children || []).find(c => c.tagName && c.tagName.toLowerCase() === 'title');
                        if (title) {
                            const text = title.textContent.trim();
                            if (ids.has(text)) return text;
                            const first = text.split(/[\\s:]/)[0];
                            if (ids.has(first)) return first;
                        }
                    }
                    return undefined;
                }
                for (const el of document.querySelectorAll('#figure svg *')) {
                    const id = nodeId(el);
                    if (id && !el.parentNode.closest('[data-sporbar-node]')) el.setAttribute('data-sporbar-node', id);
                }
                document.getElementById('figure').addEventListener('click', event => {
                    const id = nodeId(event.target) || boxAt(event.clientX, event.clientY);
                    if (id) vscode.postMessage({ type: 'open', id });
                });`
        });
    }
}
