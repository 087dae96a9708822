import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { defaultIo, UsageError, type Io } from './cli-io.js';
import { validateCommand } from './cmd-validate.js';
import { reportCommand } from './cmd-report.js';
import { matrixCommand } from './cmd-matrix.js';
import { lspCommand } from './cmd-lsp.js';
import { initCommand } from './cmd-init.js';

const require = createRequire(import.meta.url);
const VERSION: string = (require('../package.json') as { version: string }).version;

/** Runs the command line; resolves to the exit code (0 fine, 1 problems found, 2 usage). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
    let exitCode = 0;
    const setExitCode = (code: number) => { exitCode = code; };
    const program = new Command()
        .name('sporbar')
        .description('Check and report on .prog evaluation workspaces (Sporbar).')
        .version(VERSION, '-v, --version', 'print the version')
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
        .showHelpAfterError('(run sporbar --help for usage)');
    // One command per module (cmd-*.ts).
    program.addCommand(validateCommand(io, setExitCode));
    program.addCommand(reportCommand(io, setExitCode));
    program.addCommand(matrixCommand(io, setExitCode));
    program.addCommand(lspCommand(io, setExitCode));
    program.addCommand(initCommand(io, setExitCode));
    exitOverrideAll(program, io);

    try {
        await program.parseAsync(argv);
    } catch (err) {
        if (err instanceof CommanderError) {
            return err.exitCode === 0 ? 0 : 2;
        }
        if (err instanceof UsageError) {
            io.stderr(`sporbar: ${err.message}\n`);
            return 2;
        }
        throw err;
    }
    return exitCode;
}

/** Commander must throw instead of exiting, in every subcommand too, and print where we say. */
function exitOverrideAll(command: Command, io: Io): void {
    command.exitOverride();
    command.configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    for (const sub of command.commands) exitOverrideAll(sub, io);
}
