import { Command, Option } from 'commander';
import type { ReportKind } from '@sporbar/language/core';
import type { Io } from './cli-io.js';

/** Kept here (not imported) so that loading the CLI does not load the report stack. */
export const REPORT_FORMATS = ['docx', 'md', 'html'] as const;
export type Format = typeof REPORT_FORMATS[number];
const REPORT_KINDS = ['interim', 'assessment', 'final'];
const LANGUAGES = ['nb', 'nn', 'en'];

export interface ReportOptions {
    report?: string;
    kind?: ReportKind;
    format: Format;
    out?: string;
    lang?: 'nb' | 'nn' | 'en';
    internal?: boolean;
    force?: boolean;
    template?: string;
}

/** `sporbar report [folder]`: writes one report as docx, Markdown or HTML. */
export function reportCommand(io: Io, setExitCode: (code: number) => void): Command {
    return new Command('report')
        .description('generate a report (docx, Markdown or HTML) from a report element of the workspace')
        .argument('[folder]', 'the workspace folder', '.')
        .option('-r, --report <id>', 'the report element to generate')
        .addOption(new Option('-k, --kind <kind>', 'the report of this kind (the latest by date when there are several)').choices(REPORT_KINDS))
        .addOption(new Option('-f, --format <format>', 'output format').choices([...REPORT_FORMATS]).default('docx'))
        .option('-o, --out <path>', 'output file (default: out/<report-id>.<ext> in the current folder)')
        .addOption(new Option('--lang <language>', "labels in this language instead of the report's").choices(LANGUAGES))
        .option('--internal', 'add source IDs to source labels (for the evaluation team only)')
        .option('--force', 'generate despite errors; every page is marked UTKAST / DRAFT')
        .option('--template <file>', 'a reference .docx whose styles the report takes (default: "template" in sporbar.json)')
        .action(async (folder: string, options: ReportOptions) => {
            const { report } = await import('./report-run.js');
            setExitCode(await report(folder, options, io));
        });
}

