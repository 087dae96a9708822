import { Command, Option } from 'commander';
import type { Io } from './cli-io.js';

/** Kept here (not imported) so that loading the CLI does not load the scaffold. */
const LANGUAGES = ['nb', 'nn', 'en'];

export interface InitOptions {
    lang: 'nb' | 'nn' | 'en';
    title?: string;
}

/** `sporbar init [folder]`: writes a small, valid, commented workspace to start from. */
export function initCommand(io: Io, setExitCode: (code: number) => void): Command {
    return new Command('init')
        .description('write a small, valid, commented workspace into a folder that has no .prog files yet')
        .argument('[folder]', 'the folder (made if missing)', '.')
        .addOption(new Option('--lang <language>', 'language of the comments, examples and report').choices(LANGUAGES).default('nb'))
        .option('--title <title>', "the programme's title")
        .action(async (folder: string, options: InitOptions) => {
            const { init } = await import('./init-run.js');
            setExitCode(await init(folder, options, io));
        });
}
