import * as path from 'node:path';
import { loadWorkspace } from '@sporbar/language/core';
import { UsageError, type Io } from './cli-io.js';
import { resolveWorkspace, shownPath } from './cli-workspace.js';
import type { ReportOptions } from './cmd-report.js';

/** Runs `sporbar report`; resolves to the exit code. */
export async function report(folder: string, options: ReportOptions, io: Io): Promise<number> {
    const { root, files } = resolveWorkspace(folder);
    const { outputProblem, readTemplate, writeFileAtomic } = await import('@sporbar/report');
    const checkOut = (out: string) => {
        const problem = outputProblem(out, root);
        if (problem) throw new UsageError(problem);
    };
    if (options.out !== undefined) checkOut(path.resolve(options.out));
    io.stderr(`sporbar: loading ${files.length} .prog file${files.length === 1 ? '' : 's'} from ${folder}\n`);
    // One build that nothing edits afterwards (workspace/prog-build-profile.ts): no dependencies
    // recorded for a rebuild, and CST nodes made only where the report reads them.
    const workspace = await loadWorkspace(root, files, { oneShot: true, leanTrees: true });
    const reports = await import('@sporbar/report');
    const choice = reports.chooseReport(workspace, { id: options.report, kind: options.kind });
    if (!choice.ok) throw new UsageError(choice.message);
    if (choice.note) io.stderr(`sporbar: ${choice.note}\n`);
    const chosen = choice.report;

    const out = path.resolve(options.out ?? path.join('out', `${chosen.name}.${options.format}`));
    checkOut(out);

    const blockers = reports.reportBlockers(workspace, chosen);
    if (blockers.length > 0) {
        for (const p of blockers) io.stderr(`${p.file}:${p.line}:${p.column}  ${p.code}  ${p.message}\n`);
        if (!options.force) {
            io.stderr(`sporbar: report ${chosen.name} not generated: ${blockers.length} error${blockers.length === 1 ? '' : 's'} (fix them, or use --force for a draft marked UTKAST / DRAFT)\n`);
            return 1;
        }
        io.stderr(`sporbar: --force: generating a draft despite ${blockers.length} error${blockers.length === 1 ? '' : 's'}\n`);
    }

    const configured = workspace.services.workspace.Settings.config.template;
    const templateFile = options.template !== undefined ? path.resolve(options.template) : configured !== undefined ? path.resolve(root, configured) : undefined;
    let template: Uint8Array | undefined;
    if (options.format === 'docx' && templateFile !== undefined) {
        try {
            template = readTemplate(templateFile);
        } catch (err) {
            throw new UsageError((err as Error).message);
        }
    }
    io.stderr(`sporbar: building ${chosen.name} (${chosen.kind ?? 'assessment'}) as ${options.format}\n`);
    const started = Date.now();
    const bytes = await reports.generateReport(workspace, chosen, {
        format: options.format,
        language: options.lang,
        internal: options.internal,
        draft: blockers.length > 0,
        template,
        notices: message => io.stderr(`sporbar: note: ${message}\n`)
    });
    writeFileAtomic(out, bytes);
    io.stderr(`sporbar: wrote ${bytes.length} bytes in ${Date.now() - started} ms\n`);
    io.stdout(`${shownPath(process.cwd(), out)}\n`);
    return 0;
}
