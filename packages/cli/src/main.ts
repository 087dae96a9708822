import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { collectDiagnostics, findProgFiles, loadWorkspace } from '@sporbar/language';
import { summarise, toJson, toStylish, type Colours } from './cli-format.js';

const require = createRequire(import.meta.url);
const VERSION: string = (require('../package.json') as { version: string }).version;

/** A usage problem: a clear one-line message and exit code 2. */
export class UsageError extends Error {}

interface Io {
    stdout: (s: string) => void;
    stderr: (s: string) => void;
    isTTY: boolean;
}

const defaultIo: Io = {
    stdout: s => { process.stdout.write(s); },
    stderr: s => { process.stderr.write(s); },
    isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
};

function parseCount(value: string): number {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expects a whole number of 0 or more');
    return n;
}

async function colours(io: Io): Promise<Colours | undefined> {
    if (!io.isTTY) return undefined;
    const pc = (await import('picocolors')).default;
    return { red: pc.red, yellow: pc.yellow, blue: pc.blue, dim: pc.dim, bold: pc.bold };
}

/** Resolves a workspace folder argument; a missing folder or one without `.prog` files is a usage error. */
export function resolveWorkspace(folder: string): { root: string; files: string[] } {
    const root = path.resolve(folder);
    let stat: fs.Stats;
    try {
        stat = fs.statSync(root);
    } catch {
        throw new UsageError(`folder not found: ${folder}`);
    }
    if (!stat.isDirectory()) throw new UsageError(`not a folder: ${folder}`);
    const files = findProgFiles(root);
    if (files.length === 0) throw new UsageError(`no .prog files in ${folder}`);
    return { root, files };
}

async function validate(folder: string, options: { format: string; maxWarnings?: number }, io: Io): Promise<number> {
    const { root, files } = resolveWorkspace(folder);
    const workspace = await loadWorkspace(root, files);
    const diagnostics = collectDiagnostics(workspace);
    const summary = summarise(diagnostics, files.length);
    if (options.format === 'json') io.stdout(toJson(diagnostics, summary));
    else io.stdout(toStylish(diagnostics, summary, await colours(io)));
    if (summary.errors > 0) return 1;
    if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
        io.stderr(`sporbar: ${summary.warnings} warnings exceed --max-warnings ${options.maxWarnings}\n`);
        return 1;
    }
    return 0;
}

/** Runs the command line; resolves to the exit code (0 fine, 1 problems found, 2 usage). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
    let exitCode = 0;
    const program = new Command()
        .name('sporbar')
        .description('Check and report on .prog evaluation workspaces (Sporbar).')
        .version(VERSION, '-v, --version', 'print the version')
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
        .showHelpAfterError('(run sporbar --help for usage)');

    program.command('validate')
        .description('load every .prog file under a folder as one model and report what is wrong')
        .argument('[folder]', 'the workspace folder', '.')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
        .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
        .action(async (folder: string, options: { format: string; maxWarnings?: number }) => {
            exitCode = await validate(folder, options, io);
        });

    try {
        await program.parseAsync(argv);
    } catch (err) {
        if (err instanceof CommanderError) {
            if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
            return 2;
        }
        if (err instanceof UsageError) {
            io.stderr(`sporbar: ${err.message}\n`);
            return 2;
        }
        throw err;
    }
    return exitCode;
}
