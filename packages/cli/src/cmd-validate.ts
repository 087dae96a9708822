import { Command, InvalidArgumentError, Option } from 'commander';
import type { Io } from './cli-io.js';
import { CI_FORMATS } from './formats/index.js';

export const VALIDATE_FORMATS = ['stylish', 'json', ...Object.keys(CI_FORMATS)];

function parseCount(value: string): number {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expects a whole number of 0 or more');
    return n;
}

export interface ValidateOptions {
    format: string;
    maxWarnings?: number;
    /** The language of messages; `sporbar.json`'s `language`, else English, when not given. */
    lang?: 'nb' | 'nn' | 'en';
}

/** `sporbar validate [folder]`: exit 0 without errors, 1 with errors (or too many warnings). */
export function validateCommand(io: Io, setExitCode: (code: number) => void): Command {
    return new Command('validate')
        .description('load every .prog file under a folder as one model and report what is wrong')
        .argument('[folder]', 'the workspace folder', '.')
        .addOption(new Option('-f, --format <format>', 'output format').choices(VALIDATE_FORMATS).default('stylish'))
        .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
        .addOption(new Option('--lang <language>', 'language of the messages (default: "language" in sporbar.json, else en)').choices(['nb', 'nn', 'en']))
        .action(async (folder: string, options: ValidateOptions) => {
            // The language stack loads only when a command runs (`--version` and `--help` stay fast).
            const { validate } = await import('./validate-run.js');
            setExitCode(await validate(folder, options, io));
        });
}

