/**
 * A small LSP client for the protocol tests: starts `sporbar lsp --stdio` as a child
 * process and talks JSON-RPC to it the way an editor does (workspace folder, open files,
 * edits applied to disk and reported back, configuration answered).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection
} from 'vscode-jsonrpc/node';
import {
    DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, ExitNotification,
    FileChangeType, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest,
    type Diagnostic, type InitializeResult, type PublishDiagnosticsParams, type TextEdit, type WorkspaceEdit
} from 'vscode-languageserver-protocol/node';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(REPO, 'packages', 'cli', 'bin', 'sporbar.js');

export function uriOf(file: string): string {
    return pathToFileURL(file).toString();
}

export function fileOf(uri: string): string {
    return fileURLToPath(uri);
}

/** A fresh copy of a folder in the temp directory. */
export function copyWorkspace(from: string, prefix = 'sporbar-lsp-'): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    fs.cpSync(from, dir, { recursive: true });
    return dir;
}

/** Applies text edits to a text (edits may come in any order; they must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const offsetAt = (p: { line: number; character: number }) =>
        p.line >= lineStarts.length ? text.length : Math.min(lineStarts[p.line] + p.character, p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] : text.length);
    const sorted = [...edits].map(e => ({ start: offsetAt(e.range.start), end: offsetAt(e.range.end), text: e.newText }))
        .sort((a, b) => b.start - a.start || b.end - a.end);
    let result = text;
    for (const edit of sorted) result = result.substring(0, edit.start) + edit.text + result.substring(edit.end);
    return result;
}

export interface ClientOptions {
    /** Answers to `workspace/configuration`, by section. */
    settings?: Record<string, unknown>;
    /** The client takes snippets in completion items (VS Code does). */
    snippetSupport?: boolean;
    /** Another server to start instead of `sporbar lsp --stdio` (the packaged extension's, say). */
    server?: { readonly args: readonly string[]; readonly cwd: string; readonly env?: NodeJS.ProcessEnv };
    /**
     * `initializationOptions` of the initialize request (the VS Code extension sends some).
     * The protocol tests speak English unless they say otherwise (`language: 'en'` is added
     * when not given): the server's default, `auto`, would choose the workspace's report
     * language, bokmål for most fixtures.
     */
    initializationOptions?: Record<string, unknown>;
}

export class TestClient {
    readonly connection: MessageConnection;
    readonly diagnostics = new Map<string, Diagnostic[]>();
    readonly registrations: { method: string; registerOptions?: unknown }[] = [];
    readonly stderr: string[] = [];
    /** Errors of the JSON-RPC stream (e.g. something other than JSON-RPC on stdout). */
    readonly protocolErrors: string[] = [];
    readonly versions = new Map<string, number>();
    readonly texts = new Map<string, string>();
    settings: Record<string, unknown>;
    initializeResult?: InitializeResult;
    private readonly waiters = new Set<() => void>();

    private constructor(private readonly process: ChildProcessWithoutNullStreams, readonly root: string, options: ClientOptions) {
        this.settings = options.settings ?? {};
        process.stderr.on('data', chunk => this.stderr.push(String(chunk)));
        this.connection = createMessageConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
        this.connection.onError(([error]) => { this.protocolErrors.push(String(error)); });
        this.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params.diagnostics);
            for (const waiter of [...this.waiters]) waiter();
        });
        this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
            params.items.map(item => (item.section ? this.settings[item.section] : undefined) ?? null));
        this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
            this.registrations.push(...params.registrations);
            return null;
        });
        for (const method of ['window/workDoneProgress/create', 'workspace/inlayHint/refresh', 'workspace/codeLens/refresh', 'workspace/semanticTokens/refresh', 'workspace/diagnostic/refresh']) {
            this.connection.onRequest(method, () => null);
        }
        this.connection.onNotification('window/logMessage', () => undefined);
        this.connection.onNotification('$/progress', () => undefined);
        this.connection.listen();
    }

    /** Starts the server on a workspace folder and waits until it has published diagnostics for the workspace. */
    static async start(root: string, options: ClientOptions = {}): Promise<TestClient> {
        const child = options.server
            ? spawn(process.execPath, [...options.server.args], { cwd: options.server.cwd, stdio: 'pipe', env: options.server.env ?? { ...process.env } })
            : spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: REPO, stdio: 'pipe', env: { ...process.env } });
        const client = new TestClient(child, root, options);
        client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            initializationOptions: { language: 'en', ...options.initializationOptions },
            rootUri: uriOf(root),
            workspaceFolders: [{ uri: uriOf(root), name: path.basename(root) }],
            capabilities: {
                workspace: {
                    configuration: true,
                    workspaceFolders: true,
                    applyEdit: true,
                    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
                    didChangeWatchedFiles: { dynamicRegistration: true },
                    didChangeConfiguration: { dynamicRegistration: true },
                    inlayHint: { refreshSupport: true },
                    codeLens: { refreshSupport: true },
                    symbol: {}
                },
                textDocument: {
                    synchronization: { didSave: true, dynamicRegistration: false },
                    completion: { completionItem: { snippetSupport: options.snippetSupport ?? false, labelDetailsSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    rename: { prepareSupport: true },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                    publishDiagnostics: { relatedInformation: true },
                    semanticTokens: {
                        requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'],
                        multilineTokenSupport: false, overlappingTokenSupport: false
                    },
                    inlayHint: {},
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }
                }
            }
        });
        await client.connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    /** Waits until `predicate` holds for the diagnostics of `uri` (checked now and on every publish). */
    waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean, timeout = 15_000): Promise<Diagnostic[]> {
        return new Promise((resolve, reject) => {
            const check = () => {
                const current = this.diagnostics.get(uri);
                if (current && predicate(current)) {
                    this.waiters.delete(check);
                    clearTimeout(timer);
                    resolve(current);
                    return true;
                }
                return false;
            };
            const timer = setTimeout(() => {
                this.waiters.delete(check);
                reject(new Error(`timeout waiting for diagnostics of ${uri}; last: ${JSON.stringify(this.diagnostics.get(uri)?.map(d => [d.code, d.message, d.range.start]))}`));
            }, timeout);
            if (!check()) this.waiters.add(check);
        });
    }

    /** Waits until every `.prog` file of the workspace has diagnostics published. */
    async waitForWorkspace(files: readonly string[], timeout = 20_000): Promise<void> {
        for (const file of files) await this.waitForDiagnostics(uriOf(file), () => true, timeout);
    }

    uri(relative: string): string {
        return uriOf(path.join(this.root, relative));
    }

    async open(relative: string): Promise<string> {
        const file = path.join(this.root, relative);
        const uri = uriOf(file);
        const text = fs.readFileSync(file, 'utf8');
        this.versions.set(uri, 1);
        this.texts.set(uri, text);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'prog', version: 1, text } });
        return uri;
    }

    text(uri: string): string {
        return this.texts.get(uri) ?? fs.readFileSync(fileOf(uri), 'utf8');
    }

    /** Replaces the whole text of an open document (and keeps the file on disk in step, as after a save). */
    async change(uri: string, text: string): Promise<void> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        this.texts.set(uri, text);
        fs.writeFileSync(fileOf(uri), text);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    /** Applies a workspace edit as VS Code does: open documents get didChange, other files are written and reported as changed. */
    async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<void> {
        const byUri = new Map<string, TextEdit[]>();
        const created: string[] = [];
        for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
        for (const change of edit.documentChanges ?? []) {
            if ('kind' in change) {
                if (change.kind === 'create') {
                    const file = fileOf(change.uri);
                    if (!fs.existsSync(file)) {
                        fs.writeFileSync(file, '');
                        created.push(change.uri);
                    }
                }
                continue;
            }
            byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...change.edits.filter((e): e is TextEdit => 'range' in e)]);
        }
        const watched: { uri: string; type: FileChangeType }[] = [];
        for (const [uri, edits] of byUri) {
            const next = applyEdits(this.text(uri), edits);
            if (this.versions.has(uri)) await this.change(uri, next);
            else {
                fs.writeFileSync(fileOf(uri), next);
                watched.push({ uri, type: created.includes(uri) ? FileChangeType.Created : FileChangeType.Changed });
            }
        }
        if (watched.length) await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: watched });
    }

    async request<R>(method: string, params: unknown): Promise<R> {
        return this.connection.sendRequest(method, params) as Promise<R>;
    }

    async stop(): Promise<void> {
        try {
            await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise(r => setTimeout(r, 2000))]);
            await this.connection.sendNotification(ExitNotification.type);
        } catch { /* already gone */ }
        this.connection.dispose();
        await new Promise<void>(resolve => {
            if (this.process.exitCode !== null) return resolve();
            const timer = setTimeout(() => { this.process.kill(); resolve(); }, 3000);
            this.process.once('exit', () => { clearTimeout(timer); resolve(); });
        });
    }
}

/** Every `.prog` file below a folder. */
export function progFiles(root: string): string[] {
    const result: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'out') continue;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.prog')) result.push(full);
        }
    };
    walk(root);
    return result.sort();
}
