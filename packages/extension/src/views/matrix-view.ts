import * as vscode from 'vscode';
import type { Location, MatrixView as Matrix, ServerApi } from '../protocol.js';
import { LivePanel } from './live-panel.js';
import { escapeHtml, page } from './webview.js';

/** "Sporbar: Show traceability matrix": the matrix the reports use, as a table; click a row or cell to navigate. */
export class MatrixView extends LivePanel<Matrix> {
    constructor(context: vscode.ExtensionContext, private readonly api: ServerApi) {
        super(context, 'sporbar.matrix', 'sporbar.showMatrix');
    }

    protected title(): string {
        return vscode.l10n.t('Traceability matrix');
    }

    protected fetch(token: vscode.CancellationToken): Promise<Matrix> {
        return this.api.matrix(token);
    }

    protected locate(message: Record<string, unknown>): Location | undefined {
        const row = typeof message.row === 'number' ? this.data?.rows[message.row] : undefined;
        if (!row) return undefined;
        const cell = typeof message.cell === 'number' ? row.cells[message.cell] : undefined;
        return cell?.location ?? row.location;
    }

    protected render(webview: vscode.Webview, data: Matrix): string {
        const head = data.columns.map(c => `<th scope="col">${escapeHtml(columnLabel(c))}</th>`).join('');
        const coverage = data.coverage.map(f => `<li>${escapeHtml(coverageLabel(f.key, f.label))}: ${escapeHtml(`${f.numerator}/${f.denominator}`)}${f.share === null ? '' : escapeHtml(` (${Math.round(f.share * 100)} %)`)}</li>`).join('');
        const rows = data.rows.map((row, r) => `<tr data-row="${r}" tabindex="0">${row.cells.map((cell, c) =>
            `<td data-cell="${c}"${cell.location ? ' class="link"' : ''}>${escapeHtml(cell.text)}</td>`).join('')}</tr>`).join('\n');
        return page(webview, {
            title: this.title(),
            lang: vscode.env.language,
            style: `
                table { border-collapse: collapse; width: 100%; }
                th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: .3em .5em; text-align: left; vertical-align: top; }
                th { position: sticky; top: 0; background: var(--vscode-editor-background); }
                tr { cursor: pointer; }
                tr:hover, tr:focus { background: var(--vscode-list-hoverBackground); outline: none; }
                td.link { text-decoration: underline dotted; }`,
            body: `
                <p class="status">${escapeHtml(vscode.l10n.t('{0} row(s). Click a row or cell to open its declaration.', data.rows.length))}</p>
                <ul class="coverage">${coverage}</ul>
                <table id="matrix"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`,
            script: `
                const vscode = acquireVsCodeApi();
                function open(target) {
                    const row = target.closest('tr[data-row]');
                    if (!row) return;
                    const cell = target.closest('td[data-cell]');
                    vscode.postMessage({ type: 'open', row: Number(row.dataset.row), cell: cell ? Number(cell.dataset.cell) : undefined });
                }
                const table = document.getElementById('matrix');
                table.addEventListener('click', event => open(event.target));
                table.addEventListener('keydown', event => { if (event.key === 'Enter') open(event.target); });`
        });
    }
}

function columnLabel(key: string): string {
    const labels: Record<string, string> = {
        finding: vscode.l10n.t('Finding'), title: vscode.l10n.t('Title'), status: vscode.l10n.t('Status'),
        questions: vscode.l10n.t('Questions'), confidence: vscode.l10n.t('Confidence'), origins: vscode.l10n.t('Origins'), triangulated: vscode.l10n.t('Triangulated'),
        assessments: vscode.l10n.t('Assessments'), recommendations: vscode.l10n.t('Recommendations'), lessons: vscode.l10n.t('Lessons')
    };
    return labels[key] ?? key;
}

function coverageLabel(key: string, fallback: string): string {
    const labels: Record<string, string> = {
        questionsAnswered: vscode.l10n.t('Questions answered'),
        findingsTriangulated: vscode.l10n.t('Findings triangulated'),
        outcomesWithEvidence: vscode.l10n.t('Outcomes and impacts with evidence'),
        recommendationsWithBasis: vscode.l10n.t('Recommendations with a basis'),
        sourcesCited: vscode.l10n.t('Sources cited')
    };
    return labels[key] ?? fallback;
}
