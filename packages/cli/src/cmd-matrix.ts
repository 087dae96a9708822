import { Command, Option } from 'commander';
import { collectDiagnostics, loadWorkspace, reportIncludes, traceabilityMatrix, type Finding, type Report } from '@sporbar/language';
import { resolveWorkspace, UsageError, type Io } from './cli-io.js';
import { matrixCsv, matrixJson, matrixTable } from './matrix-format.js';

export const MATRIX_FORMATS = ['table', 'json', 'csv'];

interface MatrixOptions {
    format: string;
    report?: string;
}

/** `sporbar matrix [folder]`: the traceability matrix and its coverage figures. */
export function matrixCommand(io: Io, setExitCode: (code: number) => void): Command {
    return new Command('matrix')
        .description('print the traceability matrix: one row per finding, with coverage figures')
        .argument('[folder]', 'the workspace folder', '.')
        .addOption(new Option('-f, --format <format>', 'output format').choices(MATRIX_FORMATS).default('table'))
        .option('-r, --report <id>', "only the findings this report includes (in force, dated on or before its cutoff)")
        .action(async (folder: string, options: MatrixOptions) => {
            setExitCode(await matrix(folder, options, io));
        });
}

async function matrix(folder: string, options: MatrixOptions, io: Io): Promise<number> {
    const { root, files } = resolveWorkspace(folder);
    const workspace = await loadWorkspace(root, files);
    const index = workspace.services.workspace.WorkspaceIndex;
    let includeFinding: ((finding: Finding) => boolean) | undefined;
    if (options.report !== undefined) {
        const report = index.declarationsOf(options.report.normalize('NFC')).find((e): e is Report => e.$type === 'Report');
        if (!report) throw new UsageError(`no report '${options.report}' in ${folder}`);
        includeFinding = finding => reportIncludes(report, finding);
    }
    const result = traceabilityMatrix(index, { includeFinding });
    io.stdout(options.format === 'json' ? matrixJson(result) : options.format === 'csv' ? matrixCsv(result) : matrixTable(result));
    const errors = collectDiagnostics(workspace).filter(d => (d.diagnostic.severity ?? 1) === 1).length;
    if (errors > 0) io.stderr(`sporbar: the workspace has ${errors} error${errors === 1 ? '' : 's'}; the matrix may be incomplete (run sporbar validate)\n`);
    return 0;
}
