import * as vscode from 'vscode';
import { l10n } from './l10n.js';

export type ServerState = 'starting' | 'ready' | 'restarting' | 'failed';

/**
 * The language server's state in the status bar: starting, ready, restarting after a
 * crash, or failed. A failed server is shown in the error colour and announced with
 * "Show log" and "Restart", because without it the Problems view says "No problems" about
 * files that were never checked.
 */
export class ServerStatus implements vscode.Disposable {
    private readonly item: vscode.StatusBarItem;
    private current: ServerState = 'starting';
    private reason = '';
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly output: vscode.LogOutputChannel, private readonly restart: () => Promise<void>) {
        this.item = vscode.window.createStatusBarItem('sporbar.serverStatus', vscode.StatusBarAlignment.Left, 10);
        this.item.name = l10n.t('Sporbar language server');
        this.disposables.push(this.item, vscode.commands.registerCommand('sporbar.serverStatus', () => this.explain()));
        this.set('starting');
        this.item.show();
    }

    get state(): ServerState {
        return this.current;
    }

    set(state: ServerState, reason = ''): void {
        this.current = state;
        this.reason = reason;
        const item = this.item;
        item.command = 'sporbar.serverStatus';
        item.backgroundColor = undefined;
        switch (state) {
            case 'starting':
                item.text = `$(sync~spin) ${l10n.t('Sporbar: starting')}`;
                item.tooltip = l10n.t('The Sporbar language server is starting and reading the workspace.');
                break;
            case 'restarting':
                item.text = `$(sync~spin) ${l10n.t('Sporbar: restarting')}`;
                item.tooltip = l10n.t('The Sporbar language server stopped unexpectedly and is being restarted.');
                break;
            case 'ready':
                item.text = `$(check) ${l10n.t('Sporbar')}`;
                item.tooltip = l10n.t('The Sporbar language server is running. Click for its log.');
                break;
            case 'failed':
                item.text = `$(error) ${l10n.t('Sporbar: stopped')}`;
                item.tooltip = l10n.t('The Sporbar language server has stopped: .prog files are not checked, and the Problems view does not show their problems. Click for what to do.');
                item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
                break;
        }
        // Readable by tests and screen readers alike.
        item.accessibilityInformation = { label: `${item.text.replace(/\$\([^)]*\)\s*/g, '')}. ${typeof item.tooltip === 'string' ? item.tooltip : ''}` };
    }

    /** Announces a failed server (once per failure) with the way out. */
    async announceFailure(reason: string): Promise<void> {
        this.set('failed', reason);
        this.output.error(`language server stopped: ${reason}`);
        await this.explain();
    }

    private async explain(): Promise<void> {
        if (this.current !== 'failed') {
            this.output.show(true);
            return;
        }
        const showLog = l10n.t('Show log');
        const restart = l10n.t('Restart');
        const choice = await vscode.window.showErrorMessage(
            l10n.t('The Sporbar language server has stopped ({0}). The .prog files are no longer checked: "No problems" does not mean there are none.', this.reason || l10n.t('no reason given')),
            showLog, restart);
        if (choice === showLog) this.output.show(true);
        else if (choice === restart) await this.restart();
    }

    dispose(): void {
        for (const d of this.disposables) d.dispose();
    }
}
