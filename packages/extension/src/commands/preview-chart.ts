import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ChartPreviewParams, ChartPreviewResult } from '../../../language/src/lsp/prog-commands.js';
import { runServerCommand, ServerCommands, type Location } from '../protocol.js';
import { l10n, uiLanguage } from '../l10n.js';
import { LivePanel } from '../views/live-panel.js';
import { escapeHtml, nonce, page, sanitizeSvg } from '../views/webview.js';

/**
 * "Sporbar: Preview chart": the chart under the cursor (its declaration, or a reference to
 * it in `evidence` or `@C1`), else one picked from the workspace's charts, drawn by the
 * server exactly as the reports draw it (`sporbar.server.chartSvg`), with its alt text.
 * The preview follows edits of .prog files; clicking the title opens the declaration.
 */
export class ChartPreview extends LivePanel<ChartPreviewResult> {
    private target: string | undefined;

    constructor(context: vscode.ExtensionContext, private readonly client: () => Promise<LanguageClient>) {
        super(context, 'sporbar.chart', 'sporbar.previewChart');
    }

    private request(params: ChartPreviewParams, token?: vscode.CancellationToken): Promise<ChartPreviewResult> {
        return this.client().then(client => runServerCommand<ChartPreviewResult>(client, ServerCommands.chartSvg, [params], token));
    }

    override async show(): Promise<void> {
        const target = await this.pick();
        if (!target) return;
        this.target = target;
        await super.show();
    }

    /** The chart at the cursor, else one the user picks. */
    private async pick(): Promise<string | undefined> {
        const editor = vscode.window.activeTextEditor;
        if (editor?.document.languageId === 'prog') {
            const position = editor.selection.active;
            const here = await this.request({ uri: editor.document.uri.toString(), position: { line: position.line, character: position.character } });
            if (here.chart) return here.chart.id;
        }
        const { charts } = await this.request({});
        if (charts.length === 0) {
            void vscode.window.showInformationMessage(l10n.t('This workspace has no chart.'));
            return undefined;
        }
        if (charts.length === 1) return charts[0].id;
        const choice = await vscode.window.showQuickPick(charts.map(c => ({ label: c.id, description: c.title })), { placeHolder: l10n.t('Chart to preview') });
        return choice?.label;
    }

    protected title(): string {
        return this.data?.chart ? l10n.t('Chart {0}', this.data.chart.id) : l10n.t('Chart');
    }

    protected fetch(token: vscode.CancellationToken): Promise<ChartPreviewResult> {
        return this.request({ chart: this.target }, token);
    }

    protected locate(message: Record<string, unknown>): Location | undefined {
        return message.id === this.data?.chart?.id ? this.data?.chart?.location : undefined;
    }

    protected render(webview: vscode.Webview, data: ChartPreviewResult): string {
        const n = nonce();
        const chart = data.chart;
        const body = !chart
            ? `<p>${escapeHtml(l10n.t('The chart {0} no longer exists.', this.target ?? ''))}</p>`
            : `<h2><a href="#" id="open">${escapeHtml(chart.title)}</a></h2>
               ${chart.problem ? `<p class="error">${escapeHtml(chart.problem)}</p>` : `<div class="figure">${sanitizeSvg(chart.svg, n)}</div>`}
               ${chart.alt ? `<p class="status"><strong>${escapeHtml(l10n.t('Alt text:'))}</strong> ${escapeHtml(chart.alt)}</p>` : ''}`;
        return page(webview, {
            nonce: n,
            title: this.title(),
            lang: uiLanguage(),
            style: `.figure svg { max-width: 100%; height: auto; background: white; } h2 a { color: var(--vscode-textLink-foreground); }`,
            body,
            script: `
                const vscode = acquireVsCodeApi();
                const open = document.getElementById('open');
                if (open) open.addEventListener('click', event => { event.preventDefault(); vscode.postMessage({ type: 'open', id: ${JSON.stringify(chart?.id ?? '').replace(/</g, '\\u003c')} }); });
                // The click does not give the page the focus: the editor it opens keeps it.
                if (open) open.addEventListener('mousedown', event => event.preventDefault());`
        });
    }
}
