import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { chooseReport, generateReport, logicSvg, reportBlockers } from '@sporbar/report';
import { isInside, type LoadedWorkspace } from '@sporbar/language';
import { setReportBackend, type GenerateReportParams, type Problem } from '../../language/src/lsp/prog-commands.js';

/**
 * Plugs `@sporbar/report` into the server's commands: the same calls as `sporbar report`
 * (choose the report, refuse on blockers unless forced, build, render), with the file
 * written atomically (temporary file in the target folder, then renamed).
 */
export function installReportBackend(): void {
    setReportBackend({
        async generate(workspace: LoadedWorkspace, params: GenerateReportParams) {
            const choice = chooseReport(workspace, { id: params.report });
            if (!choice.ok) throw new Error(choice.message);
            const blockers = reportBlockers(workspace, choice.report);
            if (blockers.length > 0 && !params.force) {
                return {
                    ok: false as const,
                    problems: blockers.map((p): Problem => {
                        const file = path.resolve(workspace.root, p.file);
                        const position = { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
                        return { uri: URI.file(file).toString(), file: p.file, range: { start: position, end: position }, code: p.code, message: p.message };
                    })
                };
            }
            const output = path.resolve(params.output);
            if (output.endsWith('.prog')) throw new Error('The output path must not be a .prog file.');
            const template = templateOf(workspace);
            const bytes = await generateReport(workspace, choice.report, { format: params.format, draft: blockers.length > 0, template });
            writeAtomically(output, bytes);
            return { ok: true as const, warnings: [...(choice.note ? [choice.note] : []), ...(blockers.length > 0 ? [`generated as a draft despite ${blockers.length} problem(s)`] : [])] };
        },
        async logicSvg(workspace: LoadedWorkspace) {
            const hasNodes = workspace.services.workspace.WorkspaceIndex.elementsOf('LogicNode').length > 0;
            return hasNodes ? (await logicSvg(workspace)).svg : '';
        }
    });
}

/** `template` of sporbar.json: a reference .docx inside the workspace. */
function templateOf(workspace: LoadedWorkspace): Uint8Array | undefined {
    const template = workspace.services.workspace.Settings.config.template;
    if (!template) return undefined;
    const file = path.resolve(workspace.root, template);
    if (!isInside(workspace.root, file)) throw new Error(`sporbar.json: the template ${template} is outside the workspace`);
    return fs.readFileSync(file);
}

function writeAtomically(file: string, bytes: Uint8Array): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    try {
        fs.writeFileSync(temporary, bytes);
        fs.renameSync(temporary, file);
    } catch (err) {
        fs.rmSync(temporary, { force: true });
        throw err;
    }
}
