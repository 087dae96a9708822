import * as vscode from 'vscode';
import {
    CloseAction, ErrorAction, InlayHintRequest, LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions
} from 'vscode-languageclient/node';
import { serverApi } from './protocol.js';
import { registerGenerateReport } from './commands/generate-report.js';
import { registerValidateWorkspace } from './commands/validate-workspace.js';
import { registerNewWorkspace } from './commands/new-workspace.js';
import { registerOpenExample } from './commands/open-example.js';
import { ChartPreview } from './commands/preview-chart.js';
import { l10n } from './l10n.js';
import { ServerStatus } from './server-status.js';
import { LogicView } from './views/logic-view.js';
import { MatrixView } from './views/matrix-view.js';
import { ReferenceView } from './views/reference-view.js';

let client: LanguageClient | undefined;

/** A server that crashes this often within this window is given up on (and the user told). */
const CRASHES = { max: 3, windowMs: 3 * 60_000 };

/** Starts the .prog language server (bundled as dist/server.cjs) and registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('Sporbar', { log: true });
    context.subscriptions.push(output);

    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    let crashes: number[] = [];
    // Created before the client so that every handler below can tell it what happens
    // (restart() is a hoisted function declaration: it reads the client only when called).
    const status = new ServerStatus(output, restart);
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'prog' }, { scheme: 'untitled', language: 'prog' }],
        // File watching: the server registers its watchers (.prog files, sporbar.json, and
        // folders created or deleted) with the client (prog-workspace-watch.ts).
        synchronize: { configurationSection: 'sporbar' },
        outputChannel: output,
        // Hovers on keywords link to the language reference (and may run only that command).
        // `sporbar.language`: the server speaks it from the start; a change reaches it through
        // workspace/didChangeConfiguration (the `sporbar` section) and is applied without a restart.
        initializationOptions: { referenceCommand: 'sporbar.showReference', language: vscode.workspace.getConfiguration('sporbar').get<string>('language', 'auto') },
        markdown: { isTrusted: { enabledCommands: ['sporbar.showReference'] }, supportHtml: false },
        // A server that dies while starting is a crash like any other (closed() below), told
        // by the status item, not by a second notification of the client's own.
        initializationFailedHandler: error => {
            output.error(`language server initialization failed: ${error instanceof Error ? error.message : String(error)}`);
            return false;
        },
        errorHandler: {
            error: () => ({ action: ErrorAction.Continue, handled: true }),
            closed: () => {
                const now = Date.now();
                crashes = [...crashes.filter(t => now - t < CRASHES.windowMs), now];
                if (crashes.length < CRASHES.max) {
                    status.set('restarting');
                    output.warn(`language server stopped unexpectedly; restarting (${crashes.length} of ${CRASHES.max - 1})`);
                    return { action: CloseAction.Restart, handled: true };
                }
                void status.announceFailure(l10n.t('it stopped {0} times within three minutes', crashes.length));
                return { action: CloseAction.DoNotRestart, handled: true };
            }
        },
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
    async function restart(): Promise<void> {
        crashes = [];
        status.set('starting');
        if (!client) return;
        try {
            if (client.state === State.Stopped) await client.start();
            else await client.restart();
            vscode.window.setStatusBarMessage(l10n.t('Sporbar language server restarted'), 3000);
        } catch (err) {
            void status.announceFailure(String(err instanceof Error ? err.message : err));
        }
    }
    context.subscriptions.push(status, client.onDidChangeState(event => {
        if (event.newState === State.Running) status.set('ready');
        else if (event.newState === State.Starting && status.state !== 'restarting') status.set('starting');
    }));
    const starting = client.start();
    const getClient = async (): Promise<LanguageClient> => {
        await starting;
        if (!client) throw new Error(l10n.t('The Sporbar language server is not running.'));
        if (!client.isRunning()) await client.start();
        return client;
    };
    const api = serverApi(getClient);

    context.subscriptions.push(
        registerGenerateReport(api, output),
        registerValidateWorkspace(api),
        registerNewWorkspace(),
        registerOpenExample(context),
        new LogicView(context, api),
        new MatrixView(context, api),
        new ReferenceView(context),
        new ChartPreview(context, getClient),
        vscode.commands.registerCommand('sporbar.restartServer', restart),
        vscode.commands.registerCommand('sporbar.showLog', () => output.show(true)),
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
        status.set('ready');
    } catch (err) {
        output.error(String(err));
        void status.announceFailure(l10n.t('it did not start: {0}', err instanceof Error ? err.message : String(err)));
    }
}

export async function deactivate(): Promise<void> {
    const running = client;
    client = undefined;
    if (running) await running.stop();
}
