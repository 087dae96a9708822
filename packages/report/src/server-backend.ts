import * as path from 'node:path';
import { URI } from 'langium';
import { isInForce, isInside, setReportBackend, type Finding, type LoadedWorkspace } from '@sporbar/language';
import { chooseReport, generateReport, reportBlockers } from './generate.js';
import { logicSvg } from './logic-svg.js';
import { dataOf, drawChart } from './report-data.js';
import { outputProblem, readTemplate, writeFileAtomic } from './report-output.js';
import { assumptionStatus } from './report-model.js';

/**
 * Plugs the report package into the language server's commands (`sporbar.server.generateReport`,
 * `sporbar.server.logicSvg`): the same calls as `sporbar report` — choose the report, refuse
 * on errors unless forced, build, render, write atomically. The language package cannot
 * import the report package (it depends on it), so every server entry calls this: the VS Code
 * extension's bundled server and `sporbar lsp`.
 */
export function installReportBackend(): void {
    setReportBackend({
        async generate(workspace: LoadedWorkspace, params) {
            const choice = chooseReport(workspace, { id: params.report });
            if (!choice.ok) throw new Error(choice.message);
            const blockers = reportBlockers(workspace, choice.report);
            if (blockers.length > 0 && !params.force) {
                return {
                    ok: false as const,
                    problems: blockers.map(p => {
                        const file = path.resolve(workspace.root, p.file);
                        const position = { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
                        return { uri: URI.file(file).toString(), file: p.file, range: { start: position, end: position }, code: p.code, message: p.message };
                    })
                };
            }
            const output = path.resolve(params.output);
            const problem = outputProblem(output, workspace.root);
            if (problem) throw new Error(problem);
            const configured = workspace.services.workspace.Settings.config.template;
            let template: Uint8Array | undefined;
            if (configured && params.format === 'docx') {
                const file = path.resolve(workspace.root, configured);
                if (!isInside(workspace.root, file)) throw new Error(`sporbar.json: the template ${configured} is outside the workspace`);
                template = readTemplate(file);
            }
            const notices: string[] = [];
            const bytes = await generateReport(workspace, choice.report, { format: params.format, draft: blockers.length > 0, template, notices: m => notices.push(m) });
            writeFileAtomic(output, bytes);
            return { ok: true as const, warnings: [...(choice.note ? [choice.note] : []), ...(blockers.length > 0 ? [`generated as a draft despite ${blockers.length} problem(s)`] : []), ...notices] };
        },
        async logicSvg(workspace: LoadedWorkspace, options = {}) {
            const hasNodes = workspace.services.workspace.WorkspaceIndex.elementsOf('LogicNode').length > 0;
            if (!hasNodes) return '';
            // Assumptions as tested by the findings in force now (a report counts those it includes).
            const findings = workspace.services.workspace.WorkspaceIndex.elementsOf<Finding>('Finding').filter(isInForce);
            // The editor's view navigates by ID: every node and assumption is a <g data-id>.
            return (await logicSvg(workspace, { language: options.language, nodeIds: true, assumptionStatus: a => assumptionStatus(a, findings) })).svg;
        },
        async chartSvg(workspace, chart, language) {
            const data = dataOf(workspace, chart);
            if (!data.ok) throw new Error(data.message);
            const drawing = drawChart(data.csv, chart, language, `chart-${chart.name.replace(/[^A-Za-z0-9_-]/g, '_')}`);
            return { svg: drawing.svg, alt: drawing.alt };
        }
    });
}
