import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n, uiLanguage } from '../l10n.js';
import type { Location, LogicSvgResult, ServerApi } from '../protocol.js';
import { LivePanel } from './live-panel.js';
import { logicPage, ZOOM, type LogicPageInit } from './logic-page.js';
import { escapeHtml, nonce, page, sanitizeSvg } from './webview.js';

/**
 * "Sporbar: Show programme logic": the drawing the reports use (`logicSvg` of the report
 * package, run by the server, with level headings in the user's language). Every node
 * and assumption is a `<g data-id="ID">`: a click opens its declaration by that ID. The
 * page zooms (buttons, Ctrl+wheel, + − 0), pans (drag, scroll bars), fits the width, and
 * exports the drawing as SVG or PNG (rasterised by the webview itself).
 */
export class LogicView extends LivePanel<LogicSvgResult> {
    /** The nonce the page was rendered with: updates carry SVG whose styles need it. */
    private pageNonce = '';
    /** What the page shows now: an update with the same drawing is not sent. */
    private shown = '';
    /** What the page's HTML holds (a page hidden and shown again starts from it). */
    private rendered = '';

    constructor(context: vscode.ExtensionContext, private readonly api: ServerApi) {
        super(context, 'sporbar.logic', 'sporbar.showLogic');
    }

    protected title(): string {
        return l10n.t('Programme logic');
    }

    protected fetch(token: vscode.CancellationToken): Promise<LogicSvgResult> {
        return this.api.logicSvg({ language: uiLanguage() }, token);
    }

    protected locate(message: Record<string, unknown>): Location | undefined {
        const id = message.id;
        return typeof id === 'string' && this.data && Object.hasOwn(this.data.nodes, id) ? this.data.nodes[id] : undefined;
    }

    private figureHtml(data: LogicSvgResult, styleNonce: string): string {
        return data.svg ? sanitizeSvg(data.svg, styleNonce) : `<p class="empty">${escapeHtml(l10n.t('This workspace has no programme logic.'))}</p>`;
    }

    protected override pageLoaded(): void {
        this.shown = this.rendered;
    }

    protected override async update(webview: vscode.Webview, data: LogicSvgResult): Promise<boolean> {
        const figure = this.figureHtml(data, this.pageNonce);
        if (figure === this.shown) return true;
        const posted = await webview.postMessage({ type: 'update', svg: figure, titles: data.titles });
        if (posted) this.shown = figure;
        return posted;
    }

    protected render(webview: vscode.Webview, data: LogicSvgResult): string {
        const n = this.pageNonce = nonce();
        const init: LogicPageInit = {
            titles: data.titles,
            labels: { zoom: l10n.t('Zoom'), open: l10n.t('Open') }
        };
        const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
        const tool = (id: string, label: string, text: string) =>
            `<button id="${id}" type="button" title="${escapeHtml(label)}" aria-label="${escapeHtml(label)}">${escapeHtml(text)}</button>`;
        return page(webview, {
            nonce: n,
            title: this.title(),
            lang: uiLanguage(),
            style: `
                body { padding: 0; overflow: hidden; }
                .toolbar { display: flex; flex-wrap: wrap; gap: .3em; align-items: center; padding: .4em .8em; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
                .toolbar button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: .15em .6em; cursor: pointer; min-width: 2em; }
                .toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground); }
                .toolbar button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
                .toolbar .zoom-level { min-width: 4em; text-align: center; font-variant-numeric: tabular-nums; }
                .toolbar .separator { width: 1px; align-self: stretch; background: var(--vscode-panel-border, #8884); margin: 0 .3em; }
                .toolbar .status { margin: 0 0 0 .5em; flex: 1 1 16em; }
                .figure { height: calc(100vh - 2.6em); overflow: auto; cursor: grab; padding: 12px; box-sizing: border-box; touch-action: none; }
                .figure.panning { cursor: grabbing; user-select: none; }
                .figure svg { display: block; background: white; border-radius: 4px; }
                .figure .node { cursor: pointer; }
                .figure .node:hover rect, .figure .node:hover circle { stroke: #0066bf; stroke-width: 2.6; }
                .figure .node:focus { outline: none; }
                .figure .node:focus rect, .figure .node:focus circle { stroke: var(--vscode-focusBorder, #0066bf); stroke-width: 3; }
                .figure .empty { cursor: default; }`,
            body: `
                <div class="toolbar" role="toolbar" aria-label="${escapeHtml(l10n.t('Programme logic'))}">
                    ${tool('zoom-out', l10n.t('Zoom out (−)'), '−')}
                    <span id="zoom-level" class="zoom-level" aria-live="polite"></span>
                    ${tool('zoom-in', l10n.t('Zoom in (+)'), '+')}
                    ${tool('zoom-reset', l10n.t('Actual size (0)'), '100 %')}
                    ${tool('zoom-fit', l10n.t('Fit to width'), l10n.t('Fit width'))}
                    <span class="separator"></span>
                    ${tool('export-svg', l10n.t('Save the drawing as SVG'), 'SVG ↓')}
                    ${tool('export-png', l10n.t('Save the drawing as PNG'), 'PNG ↓')}
                    <p class="status">${escapeHtml(l10n.t('Click a node to open its declaration. Drag to pan, Ctrl+wheel to zoom.'))}</p>
                </div>
                <div class="figure" id="figure">${this.rendered = this.shown = this.figureHtml(data, n)}</div>`,
            script: `(${logicPage.toString()})(${json(init)}, ${json(ZOOM)});`
        });
    }

    protected override async onPageMessage(message: Record<string, unknown>): Promise<void> {
        if (message.type === 'export' && message.format === 'svg' && this.data?.svg) {
            await this.save('svg', new TextEncoder().encode(this.data.svg));
        } else if (message.type === 'png') {
            if (typeof message.data === 'string') await this.save('png', Buffer.from(message.data, 'base64'));
            else void vscode.window.showErrorMessage(l10n.t('The drawing could not be saved as PNG: {0}', String(message.error ?? '')));
        }
    }

    /** Asks where to save (by default the report folder, `out/`) and writes the file. */
    private async save(format: 'svg' | 'png', bytes: Uint8Array): Promise<void> {
        const base = l10n.t('programme-logic');
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const outputFolder = vscode.workspace.getConfiguration('sporbar', folder).get<string>('report.outputFolder', 'out') || 'out';
        const defaultUri = folder ? vscode.Uri.joinPath(folder, ...outputFolder.split(/[\\/]+/).filter(Boolean), `${base}.${format}`) : undefined;
        const target = await vscode.window.showSaveDialog({
            title: l10n.t('Save the programme logic'),
            defaultUri,
            filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] }
        });
        if (!target) return;
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
        await vscode.workspace.fs.writeFile(target, bytes);
        const open = l10n.t('Open');
        const shown = vscode.workspace.asRelativePath(target, false) || path.basename(target.path);
        const choice = await vscode.window.showInformationMessage(l10n.t('Programme logic saved: {0}', shown), open);
        if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
    }
}
