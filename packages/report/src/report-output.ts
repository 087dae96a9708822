import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from '@sporbar/language';

/**
 * Where a report may be written, and how — shared by `sporbar report` and the language
 * server's "Generate report" so both refuse the same paths and never leave half a file.
 */

/** Why `out` may not receive a report (a `.prog` file, a folder, the workspace's `data/`); undefined when it may. */
export function outputProblem(out: string, workspaceRoot: string): string | undefined {
    if (out.toLowerCase().endsWith('.prog')) return `refusing to write a report to a .prog file: ${out}`;
    let stat: fs.Stats | undefined;
    try {
        stat = fs.statSync(out);
    } catch { /* does not exist yet: fine */ }
    if (stat?.isDirectory()) return `the output names an existing folder: ${out}; give a file name`;
    const data = path.join(workspaceRoot, 'data');
    const real = (p: string) => { try { return fs.realpathSync(p); } catch { return p; } };
    // `Data/` is the data folder too on a case-insensitive file system (Windows, macOS).
    const inside = (root: string, candidate: string) => isInside(root, candidate, path, { ignoreCase: true });
    if (inside(data, out) || inside(real(data), real(path.dirname(out)))) {
        return `refusing to write inside the workspace's data folder: ${out}`;
    }
    return undefined;
}

/** Reads a reference .docx for `--template` or `template` in sporbar.json. */
export function readTemplate(file: string): Uint8Array {
    try {
        return new Uint8Array(fs.readFileSync(file));
    } catch (err) {
        throw new Error(`cannot read the template ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
}

/**
 * Writes to a temporary file in the target folder and renames it into place, so the target
 * is always either the previous file or the complete new one. The temporary file is removed
 * when writing fails.
 */
export function writeFileAtomic(out: string, bytes: Uint8Array): void {
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
