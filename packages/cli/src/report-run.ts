import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside, loadWorkspace } from '@sporbar/language';
import { UsageError, type Io } from './cli-io.js';
import { resolveWorkspace } from './cli-workspace.js';
import type { ReportOptions } from './cmd-report.js';

/** Runs `sporbar report`; resolves to the exit code. */
export async function report(folder: string, options: ReportOptions, io: Io): Promise<number> {
    const { root, files } = resolveWorkspace(folder);
    if (options.out !== undefined) checkOut(path.resolve(options.out), root);
    io.stderr(`sporbar: loading ${files.length} .prog file${files.length === 1 ? '' : 's'} from ${folder}\n`);
    const workspace = await loadWorkspace(root, files);
    const reports = await import('@sporbar/report');
    const choice = reports.chooseReport(workspace, { id: options.report, kind: options.kind });
    if (!choice.ok) throw new UsageError(choice.message);
    if (choice.note) io.stderr(`sporbar: ${choice.note}\n`);
    const chosen = choice.report;

    const out = path.resolve(options.out ?? path.join('out', `${chosen.name}.${options.format}`));
    checkOut(out, root);

    const blockers = reports.reportBlockers(workspace, chosen);
    if (blockers.length > 0) {
        for (const p of blockers) io.stderr(`${p.file}:${p.line}:${p.column}  ${p.code}  ${p.message}\n`);
        if (!options.force) {
            io.stderr(`sporbar: report ${chosen.name} not generated: ${blockers.length} error${blockers.length === 1 ? '' : 's'} (fix them, or use --force for a draft marked UTKAST / DRAFT)\n`);
            return 1;
        }
        io.stderr(`sporbar: --force: generating a draft despite ${blockers.length} error${blockers.length === 1 ? '' : 's'}\n`);
    }

    const template = options.format === 'docx' ? readTemplate(options.template, workspace.services.workspace.Settings.config.template, root) : undefined;
    io.stderr(`sporbar: building ${chosen.name} (${chosen.kind ?? 'assessment'}) as ${options.format}\n`);
    const started = Date.now();
    const bytes = await reports.generateReport(workspace, chosen, {
        format: options.format,
        language: options.lang,
        internal: options.internal,
        draft: blockers.length > 0,
        template
    });
    writeAtomically(out, bytes);
    io.stderr(`sporbar: wrote ${bytes.length} bytes in ${Date.now() - started} ms\n`);
    io.stdout(`${path.relative(process.cwd(), out) || out}\n`);
    return 0;
}

/** Refuses an output path that would overwrite model files, a folder, or evidence data. */
function checkOut(out: string, root: string): void {
    if (out.toLowerCase().endsWith('.prog')) throw new UsageError(`refusing to write a report to a .prog file: ${out}`);
    let stat: fs.Stats | undefined;
    try {
        stat = fs.statSync(out);
    } catch { /* does not exist yet: fine */ }
    if (stat?.isDirectory()) throw new UsageError(`--out names an existing folder: ${out}; give a file name`);
    const data = path.join(root, 'data');
    const real = (p: string) => { try { return fs.realpathSync(p); } catch { return p; } };
    if (isInside(data, out) || isInside(real(data), real(path.dirname(out)))) {
        throw new UsageError(`refusing to write inside the workspace's data folder: ${out}`);
    }
}

function readTemplate(option: string | undefined, configured: string | undefined, root: string): Uint8Array | undefined {
    const file = option !== undefined ? path.resolve(option) : configured !== undefined ? path.resolve(root, configured) : undefined;
    if (file === undefined) return undefined;
    try {
        return new Uint8Array(fs.readFileSync(file));
    } catch (err) {
        throw new UsageError(`cannot read the template ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
}

/** Writes to a temporary file beside the target and renames it into place. */
function writeAtomically(out: string, bytes: Uint8Array): void {
    const dir = path.dirname(out);
    fs.mkdirSync(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(out)}.${process.pid}.tmp`);
    try {
        fs.writeFileSync(temp, bytes);
        fs.renameSync(temp, out);
    } catch (err) {
        fs.rmSync(temp, { force: true });
        throw err;
    }
}
