import { Command, Option } from 'commander';
import type { Io } from './cli-io.js';

export const MATRIX_FORMATS = ['table', 'json', 'csv'];

export interface MatrixOptions {
    format: string;
    report?: string;
    /** The language of the table; `sporbar.json`'s `language`, else English, when not given. */
    lang?: 'nb' | 'nn' | 'en';
}

/** `sporbar matrix [folder]`: the traceability matrix and its coverage figures. */
export function matrixCommand(io: Io, setExitCode: (code: number) => void): Command {
    return new Command('matrix')
        .description('print the traceability matrix: one row per finding, with coverage figures')
        .argument('[folder]', 'the workspace folder', '.')
        .addOption(new Option('-f, --format <format>', 'output format').choices(MATRIX_FORMATS).default('table'))
        .option('-r, --report <id>', "only the findings this report includes (in force, dated on or before its cutoff)")
        .addOption(new Option('--lang <language>', 'language of the table (default: "language" in sporbar.json, else en)').choices(['nb', 'nn', 'en']))
        .action(async (folder: string, options: MatrixOptions) => {
            const { matrix } = await import('./matrix-run.js');
            setExitCode(await matrix(folder, options, io));
        });
}

