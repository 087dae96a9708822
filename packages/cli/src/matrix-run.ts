import { collectDiagnostics, loadWorkspace, reportIncludes, todaySpan, traceabilityMatrix, type Finding, type Report } from '@sporbar/language/core';
import { UsageError, type Io } from './cli-io.js';
import { resolveWorkspace } from './cli-workspace.js';
import type { MatrixOptions } from './cmd-matrix.js';
import { matrixCsv, matrixJson, matrixTable } from './matrix-format.js';

/** Runs `sporbar matrix`; resolves to the exit code. */
export async function matrix(folder: string, options: MatrixOptions, io: Io): Promise<number> {
    const { root, files } = resolveWorkspace(folder);
    // One build that nothing edits afterwards (workspace/prog-build-profile.ts).
    const workspace = await loadWorkspace(root, files, { oneShot: true, leanTrees: true });
    const index = workspace.services.workspace.WorkspaceIndex;
    let includeFinding: ((finding: Finding) => boolean) | undefined;
    let report: Report | undefined;
    if (options.report !== undefined) {
        const chosen = index.declarationsOf(options.report.normalize('NFC')).find((e): e is Report => e.$type === 'Report');
        if (!chosen) throw new UsageError(`no report '${options.report}' in ${folder}`);
        report = chosen;
        includeFinding = finding => reportIncludes(chosen, finding);
    }
    // As of the report's cutoff, else as of today: assessments in force, latest measured values.
    const result = traceabilityMatrix(index, report ? { includeFinding, report } : { cutoff: todaySpan() });
    // The table is for people: `--lang`, else sporbar.json's `language`, else English (JSON and CSV are data).
    const language = options.lang ?? workspace.services.workspace.Settings.config.language ?? 'en';
    io.stdout(options.format === 'json' ? matrixJson(result) : options.format === 'csv' ? matrixCsv(result) : matrixTable(result, language));
    const errors = collectDiagnostics(workspace).filter(d => (d.diagnostic.severity ?? 1) === 1).length;
    if (errors > 0) io.stderr(`sporbar: the workspace has ${errors} error${errors === 1 ? '' : 's'}; the matrix may be incomplete (run sporbar validate)\n`);
    return 0;
}
