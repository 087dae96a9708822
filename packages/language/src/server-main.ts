import '../polyfill.cjs';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createProgServices } from './lsp/prog-services.js';
import { startProgServer } from './prog-server.js';

/**
 * Starts the .prog language server on the connection given by the command line
 * (`--stdio`, `--node-ipc`, `--socket=N`). Importing this module starts nothing; the
 * entry that starts the server on import is `server-start.ts`.
 *
 * Over stdio, stdout carries JSON-RPC only: `console.log`/`console.info` are redirected to
 * the connection's log (stderr before the connection exists), so no stray output can
 * corrupt the stream.
 */
export function main(): void {
    const stdio = process.argv.includes('--stdio');
    if (stdio) {
        const toStderr = (...args: unknown[]) => { process.stderr.write(args.map(String).join(' ') + '\n'); };
        console.log = toStderr;
        console.info = toStderr;
        console.debug = toStderr;
    }
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Prog } = createProgServices({ connection, ...NodeFileSystem });
    startProgServer(shared, Prog);
    startLanguageServer(shared);
}
