import * as vscode from 'vscode';
import type { Location } from '../protocol.js';
import { reveal } from '../location.js';
import { l10n, uiLanguage } from '../l10n.js';
import { escapeHtml } from './webview.js';

/**
 * A webview panel that shows something the server computes from the model, redraws it
 * (debounced) while .prog files are edited, and navigates when the page asks to. The
 * request in flight is cancelled when a newer one starts, so typing never waits for it.
 *
 * A view that can update its page in place (`update`) gets new data by message once the
 * page has said it is `ready`, so zoom, scroll and focus survive a redraw; otherwise
 * the page is rendered anew.
 */
export abstract class LivePanel<T> implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private pending: vscode.CancellationTokenSource | undefined;
    private pageReady = false;
    private readonly disposables: vscode.Disposable[] = [];
    protected data: T | undefined;

    constructor(protected readonly context: vscode.ExtensionContext, private readonly viewType: string, command: string) {
        this.disposables.push(
            vscode.commands.registerCommand(command, () => this.show()),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document.languageId === 'prog' && event.contentChanges.length > 0) this.schedule();
            }),
            vscode.workspace.onDidSaveTextDocument(document => {
                if (document.languageId === 'prog') this.schedule();
            })
        );
    }

    protected abstract title(): string;
    /** Asks the server for the data. */
    protected abstract fetch(token: vscode.CancellationToken): Promise<T>;
    /** The page for the data. */
    protected abstract render(webview: vscode.Webview, data: T): string;
    /** Where a message from the page points. */
    protected abstract locate(message: Record<string, unknown>): Location | undefined;
    /** Posts new data to a page that is ready; false when the page must be rendered anew. */
    protected update?(webview: vscode.Webview, data: T): Thenable<boolean>;
    /** The page (re)loaded from its HTML: it shows what `render` put there. */
    protected pageLoaded?(): void;
    /** Messages of the page other than `open` and `ready`. */
    protected onPageMessage?(message: Record<string, unknown>): void | Promise<void>;

    /** The panel, while it is open (for tests and subclasses). */
    protected get webviewPanel(): vscode.WebviewPanel | undefined {
        return this.panel;
    }

    async show(): Promise<void> {
        if (this.panel) {
            this.panel.reveal(undefined, true);
        } else {
            this.panel = vscode.window.createWebviewPanel(this.viewType, this.title(), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
                enableScripts: true,
                enableFindWidget: true,
                retainContextWhenHidden: false,
                localResourceRoots: []
            });
            this.pageReady = false;
            this.panel.onDidDispose(() => { this.panel = undefined; this.pageReady = false; this.pending?.cancel(); }, undefined, this.disposables);
            this.panel.webview.onDidReceiveMessage(message => this.onMessage(message), undefined, this.disposables);
            // Redrawn when it comes back into view (edits while hidden were not drawn), not
            // when it merely gains or loses focus (a click on a node moves the focus away).
            let visible = this.panel.visible;
            this.panel.onDidChangeViewState(event => {
                if (event.webviewPanel.visible && !visible) this.schedule(0);
                visible = event.webviewPanel.visible;
            }, undefined, this.disposables);
            this.panel.webview.html = this.message(l10n.t('Loading…'));
        }
        await this.refresh();
    }

    private schedule(delay = vscode.workspace.getConfiguration('sporbar').get<number>('logic.updateDelay', 400)): void {
        if (!this.panel) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, delay);
    }

    private async refresh(): Promise<void> {
        const panel = this.panel;
        if (!panel || !panel.visible) return;
        this.pending?.cancel();
        const source = this.pending = new vscode.CancellationTokenSource();
        try {
            const data = await this.fetch(source.token);
            if (source.token.isCancellationRequested || this.panel !== panel) return;
            this.data = data;
            panel.title = this.title();
            if (!(this.pageReady && this.update && await this.update(panel.webview, data))) {
                this.pageReady = false;
                panel.webview.html = this.render(panel.webview, data);
            }
        } catch (err) {
            if (source.token.isCancellationRequested || this.panel !== panel) return;
            this.pageReady = false;
            panel.webview.html = this.message(err instanceof Error ? err.message : String(err), true);
        } finally {
            if (this.pending === source) this.pending = undefined;
            source.dispose();
        }
    }

    private async onMessage(message: unknown): Promise<void> {
        if (typeof message !== 'object' || message === null) return;
        const record = message as Record<string, unknown>;
        if (record.type === 'ready') {
            // A page that was hidden is built again from the HTML it had: give it the latest data.
            this.pageReady = true;
            this.pageLoaded?.();
            if (this.panel && this.data !== undefined && this.update) await this.update(this.panel.webview, this.data);
            return;
        }
        if (record.type === 'open') {
            const location = this.locate(record);
            if (location) await reveal(location, vscode.ViewColumn.One);
            return;
        }
        await this.onPageMessage?.(record);
    }

    /** A page with one line of text (no script). */
    protected message(text: string, error = false): string {
        return `<!DOCTYPE html><html lang="${escapeHtml(uiLanguage())}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>`
            + `<body><p>${error ? '⚠ ' : ''}${escapeHtml(text)}</p></body></html>`;
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        this.pending?.cancel();
        this.panel?.dispose();
        for (const d of this.disposables) d.dispose();
    }
}
