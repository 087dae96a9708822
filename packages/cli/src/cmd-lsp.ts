import { Command } from 'commander';
import type { Io } from './cli-io.js';
import { UsageError } from './cli-io.js';

/**
 * `sporbar lsp --stdio`: the .prog language server (the same one the VS Code extension
 * runs), for any LSP client — Neovim, Helix, Emacs, … Over stdio, stdout carries JSON-RPC
 * only; nothing else is printed there.
 */
export function lspCommand(_io: Io, _setExitCode: (code: number) => void): Command {
    return new Command('lsp')
        .description('run the .prog language server (JSON-RPC over stdio, node IPC or a socket)')
        .option('--stdio', 'talk over stdin/stdout')
        .option('--node-ipc', 'talk over Node IPC (when started by a Node client)')
        .option('--socket <port>', 'talk over a socket on this port')
        .allowUnknownOption(true)
        .action(async (options: { stdio?: boolean; nodeIpc?: boolean; socket?: string }) => {
            if (!options.stdio && !options.nodeIpc && options.socket === undefined) {
                throw new UsageError('lsp needs a transport: --stdio, --node-ipc or --socket <port>');
            }
            if (options.socket !== undefined && !process.argv.some(a => a.startsWith('--socket='))) {
                // vscode-languageserver reads `--socket=N` from the command line.
                process.argv.push(`--socket=${options.socket}`);
            }
            const { main } = await import('@sporbar/language/server');
            // "Generate report" and the logic view run the report package in the server.
            const { installReportBackend } = await import('@sporbar/report');
            installReportBackend();
            main();
        });
}
