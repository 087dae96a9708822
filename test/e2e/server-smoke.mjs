// Starts a bundled language server with `--stdio`, sends `initialize` (rooted at a
// workspace folder), opens one file and waits for its diagnostics.
//   node test/e2e/server-smoke.mjs <dist/server.cjs> <workspace folder> <file.prog>
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function smoke(server, folder, file, { timeoutMs = 30_000, commands = [] } = {}) {
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let buffer = Buffer.alloc(0);
    let stderr = '';
    const waiting = new Map();
    const notifications = [];
    let onNotification = () => undefined;
    child.stderr.on('data', d => { stderr += d; });
    child.stdout.on('data', chunk => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
            const headerEnd = buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
            if (buffer.length < headerEnd + 4 + length) return;
            const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
            buffer = buffer.subarray(headerEnd + 4 + length);
            if (message.id !== undefined && waiting.has(message.id) && message.method === undefined) {
                waiting.get(message.id)(message);
                waiting.delete(message.id);
            } else if (message.id !== undefined && message.method) {
                // A request from the server (workspace/configuration, registerCapability …).
                const result = message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null;
                send({ jsonrpc: '2.0', id: message.id, result });
            } else {
                notifications.push(message);
                onNotification(message);
            }
        }
    });
    const send = message => {
        const body = Buffer.from(JSON.stringify(message), 'utf8');
        child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        child.stdin.write(body);
    };
    let nextId = 1;
    const request = (method, params) => new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => reject(new Error(`${method}: no answer in ${timeoutMs} ms\n${stderr}`)), timeoutMs);
        waiting.set(id, message => { clearTimeout(timer); if (message.error) reject(new Error(`${method}: ${message.error.message}`)); else resolve(message.result); });
        send({ jsonrpc: '2.0', id, method, params });
    });
    try {
        const rootUri = pathToFileURL(path.resolve(folder)).href;
        const init = await request('initialize', {
            processId: process.pid, rootUri, capabilities: { workspace: { configuration: true } },
            workspaceFolders: [{ uri: rootUri, name: path.basename(folder) }]
        });
        send({ jsonrpc: '2.0', method: 'initialized', params: {} });
        const uri = pathToFileURL(path.resolve(file)).href;
        const diagnostics = new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms\n${stderr}`)), timeoutMs);
            const check = m => { if (m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri) { clearTimeout(timer); resolve(m.params.diagnostics); } };
            notifications.forEach(check);
            onNotification = check;
        });
        send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'prog', version: 1, text: fs.readFileSync(file, 'utf8') } } });
        const published = await diagnostics;
        const results = {};
        for (const [command, args] of commands) results[command] = await request('workspace/executeCommand', { command, arguments: args });
        await request('shutdown', null);
        send({ jsonrpc: '2.0', method: 'exit' });
        return { capabilities: init.capabilities, diagnostics: published, results, stderr };
    } finally {
        setTimeout(() => child.kill(), 500).unref();
    }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    const [server, folder, file, ...commandNames] = process.argv.slice(2);
    const started = Date.now();
    const result = await smoke(server, folder, file, { commands: commandNames.map(c => [c, []]) });
    console.log(JSON.stringify({
        ms: Date.now() - started,
        executeCommands: result.capabilities.executeCommandProvider?.commands ?? [],
        diagnostics: result.diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`),
        results: result.results
    }, null, 2));
}
