import * as vscode from 'vscode';
import { InlayHintRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverApi } from './protocol.js';
import { registerGenerateReport } from './commands/generate-report.js';
import { registerValidateWorkspace } from './commands/validate-workspace.js';
import { registerNewWorkspace } from './commands/new-workspace.js';
import { ChartPreview } from './commands/preview-chart.js';
import { LogicView } from './views/logic-view.js';
import { MatrixView } from './views/matrix-view.js';

let client: LanguageClient | undefined;

/** Starts the .prog language server (bundled as dist/server.cjs) and registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('Sporbar', { log: true });
    context.subscriptions.push(output);

    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/{*.prog,sporbar.json}');
    context.subscriptions.push(watcher);
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'prog' }, { scheme: 'untitled', language: 'prog' }],
        synchronize: { fileEvents: watcher, configurationSection: 'sporbar' },
        // `sporbar.language`: the server speaks it from the start; a change reaches it through
        // workspace/didChangeConfiguration (the `sporbar` section) and is applied without a restart.
        initializationOptions: { language: vscode.workspace.getConfiguration('sporbar').get<string>('language', 'auto') },
        outputChannel: output,
        middleware: {
            // `sporbar.inlayHints.titles`: the server's inlay hints are the titles of referenced elements.
            provideInlayHints: async (document, range, token, next) => {
                if (!vscode.workspace.getConfiguration('sporbar', document.uri).get<boolean>('inlayHints.titles', true)) return [];
                return next(document, range, token);
            }
        }
    };
    // The ID `sporbar` makes the client read `sporbar.trace.server`.
    client = new LanguageClient('sporbar', 'Sporbar', serverOptions, clientOptions);
    const starting = client.start();
    const getClient = async (): Promise<LanguageClient> => {
        await starting;
        if (!client) throw new Error(vscode.l10n.t('The Sporbar language server is not running.'));
        if (!client.isRunning()) await client.start();
        return client;
    };
    const api = serverApi(getClient);

    context.subscriptions.push(
        registerGenerateReport(api, output),
        registerValidateWorkspace(api),
        registerNewWorkspace(),
        new LogicView(context, api),
        new MatrixView(context, api),
        new ChartPreview(context, getClient),
        vscode.commands.registerCommand('sporbar.restartServer', async () => {
            await (await getClient()).restart();
            vscode.window.setStatusBarMessage(vscode.l10n.t('Sporbar language server restarted'), 3000);
        }),
        vscode.workspace.onDidChangeConfiguration(event => {
            if (event.affectsConfiguration('sporbar.inlayHints')) {
                // Ask the editor to fetch inlay hints again.
                const feature = client?.getFeature(InlayHintRequest.method);
                for (const editor of vscode.window.visibleTextEditors) {
                    feature?.getProvider(editor.document)?.onDidChangeInlayHints.fire();
                }
            }
        })
    );
    try {
        await starting;
    } catch (err) {
        output.error(String(err));
        void vscode.window.showErrorMessage(vscode.l10n.t('The Sporbar language server did not start: {0}', String(err)));
    }
}

export async function deactivate(): Promise<void> {
    const running = client;
    client = undefined;
    if (running) await running.stop();
}
