import * as vscode from 'vscode';
import type { Location } from '../protocol.js';
import { reveal } from '../location.js';
import { escapeHtml } from './webview.js';

/**
 * A webview panel that shows something the server computes from the model, redraws it
 * (debounced) while .prog files are edited, and navigates when the page asks to. The
 * request in flight is cancelled when a newer one starts, so typing never waits for it.
 */
export abstract class LivePanel<T> implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private pending: vscode.CancellationTokenSource | undefined;
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
            this.panel.onDidDispose(() => { this.panel = undefined; this.pending?.cancel(); }, undefined, this.disposables);
            this.panel.webview.onDidReceiveMessage(message => this.onMessage(message), undefined, this.disposables);
            this.panel.onDidChangeViewState(event => { if (event.webviewPanel.visible) this.schedule(0); }, undefined, this.disposables);
            this.panel.webview.html = this.message(vscode.l10n.t('Loading…'));
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
            panel.webview.html = this.render(panel.webview, data);
        } catch (err) {
            if (source.token.isCancellationRequested || this.panel !== panel) return;
            panel.webview.html = this.message(err instanceof Error ? err.message : String(err), true);
        } finally {
            if (this.pending === source) this.pending = undefined;
            source.dispose();
        }
    }

    private async onMessage(message: unknown): Promise<void> {
        if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'open') return;
        const location = this.locate(message as Record<string, unknown>);
        if (location) await reveal(location, vscode.ViewColumn.One);
    }

    /** A page with one line of text (no script). */
    protected message(text: string, error = false): string {
        return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>`
            + `<body><p>${error ? '⚠ ' : ''}${escapeHtml(text)}</p></body></html>`;
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        this.pending?.cancel();
        this.panel?.dispose();
        for (const d of this.disposables) d.dispose();
    }
}
