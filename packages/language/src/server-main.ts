import './prog-module.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createProgServices } from './prog-module.js';
import { startProgServer } from './prog-server.js';

/** Starts the .prog language server on the connection given by the command line (`--stdio`, `--node-ipc`). */
export function main(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Prog } = createProgServices({ connection, ...NodeFileSystem });
    startProgServer(shared, Prog);
    startLanguageServer(shared);
}

main();
