import * as vscode from 'vscode';
import { l10n, uiLanguage } from '../l10n.js';
import { REFERENCE_FILE, renderReference, topicKeys, type ReferenceTopic } from './reference-render.js';
import { escapeHtml, nonce, page } from './webview.js';

/**
 * "Sporbar: Open language reference": the `.prog` language reference (LANGUAGE.md, bundled
 * as `docs/language-reference.md`) in a page beside the editor. Hovers on keywords and
 * values link here with a topic; the page scrolls to the element's section, the
 * property's row of the property table or the enumeration's row and marks it.
 */
export class ReferenceView implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly context: vscode.ExtensionContext) {
        this.disposables.push(vscode.commands.registerCommand('sporbar.showReference', (topic?: ReferenceTopic | string) => this.show(topic)));
    }

    async show(topic?: ReferenceTopic | string): Promise<void> {
        const keys = topicKeys(topic);
        if (this.panel) {
            this.panel.reveal(undefined, true);
            await this.panel.webview.postMessage({ type: 'topic', keys });
            return;
        }
        const file = vscode.Uri.joinPath(this.context.extensionUri, ...REFERENCE_FILE.split('/'));
        let markdown: string;
        try {
            markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
        } catch (err) {
            void vscode.window.showErrorMessage(l10n.t('The language reference is missing from the extension: {0}', err instanceof Error ? err.message : String(err)));
            return;
        }
        this.panel = vscode.window.createWebviewPanel('sporbar.reference', l10n.t('Sporbar language reference'),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: true, localResourceRoots: [] });
        this.panel.onDidDispose(() => { this.panel = undefined; }, undefined, this.disposables);
        const n = nonce();
        this.panel.webview.html = page(this.panel.webview, {
            nonce: n,
            title: l10n.t('Sporbar language reference'),
            // The reference itself is in English.
            lang: 'en',
            style: `
                body { max-width: 60em; line-height: 1.5; }
                code { font-family: var(--vscode-editor-font-family); font-size: .95em; }
                pre { background: var(--vscode-textCodeBlock-background); padding: .6em .8em; overflow-x: auto; }
                table { border-collapse: collapse; margin: .5em 0 1em; }
                th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: .2em .5em; text-align: left; vertical-align: top; }
                a { color: var(--vscode-textLink-foreground); }
                .flash { outline: 2px solid var(--vscode-focusBorder); background: var(--vscode-editor-findMatchHighlightBackground); transition: background 2s; }
                .note { color: var(--vscode-descriptionForeground); }`,
            body: `<p class="note" lang="${escapeHtml(uiLanguage())}">${escapeHtml(l10n.t('The .prog language reference (LANGUAGE.md). Hover a keyword or value in a .prog file and follow "Language reference" to come here.'))}</p>
                ${renderReference(markdown)}`,
            script: `
                const keysOf = ${JSON.stringify(keys).replace(/</g, '\\u003c')};
                function go(keys) {
                    for (const key of keys) {
                        const target = Array.from(document.querySelectorAll('[data-topics]')).find(e => e.getAttribute('data-topics').split(' ').includes(key));
                        if (!target) continue;
                        for (const old of document.querySelectorAll('.flash')) old.classList.remove('flash');
                        target.scrollIntoView({ block: 'center' });
                        target.classList.add('flash');
                        return;
                    }
                }
                window.addEventListener('message', event => { if (event.data && event.data.type === 'topic') go(event.data.keys); });
                document.addEventListener('click', event => {
                    const link = event.target.closest && event.target.closest('a[data-goto]');
                    if (!link) return;
                    event.preventDefault();
                    go([link.getAttribute('data-goto')]);
                });
                go(keysOf);`
        });
    }

    dispose(): void {
        this.panel?.dispose();
        for (const d of this.disposables) d.dispose();
    }
}
