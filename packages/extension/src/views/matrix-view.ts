import * as vscode from 'vscode';
import { l10n, uiLanguage } from '../l10n.js';
import type { Location, MatrixView as Matrix, ServerApi } from '../protocol.js';
import { LivePanel } from './live-panel.js';
import { escapeHtml, page } from './webview.js';

/**
 * "Sporbar: Show traceability matrix": the matrix the reports use, as a table; click a row
 * or cell to navigate. The server sends keywords (`focus-group`, `moderate`, `confirmed`);
 * the table shows their labels in the user's language ("fokusgruppe", "moderat").
 */
export class MatrixView extends LivePanel<Matrix> {
    constructor(context: vscode.ExtensionContext, private readonly api: ServerApi) {
        super(context, 'sporbar.matrix', 'sporbar.showMatrix');
    }

    protected title(): string {
        return l10n.t('Traceability matrix');
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
        // Evidence counts by source kind: narrow columns with upright headings, so the table
        // fits beside the editor.
        const narrow = (c: string) => SOURCE_KIND_COLUMNS.has(c) || c === 'triangulated';
        const head = data.columns.map(c => `<th scope="col" data-column="${escapeHtml(c)}"${narrow(c) ? ' class="narrow"' : ''}><span>${escapeHtml(columnLabel(c))}</span></th>`).join('');
        const coverage = data.coverage.map(f => `<li>${escapeHtml(coverageLabel(f.key, f.label))}: ${escapeHtml(`${f.numerator}/${f.denominator}`)}${f.share === null ? '' : escapeHtml(` (${Math.round(f.share * 100)} %)`)}</li>`).join('');
        const rows = data.rows.map((row, r) => `<tr data-row="${r}" tabindex="0">${row.cells.map((cell, c) =>
            `<td data-cell="${c}" class="${[cell.location ? 'link' : '', narrow(data.columns[c]) ? 'narrow' : ''].join(' ').trim()}">${escapeHtml(cellLabel(data.columns[c], cell.text))}</td>`).join('')}</tr>`).join('\n');
        return page(webview, {
            title: this.title(),
            lang: uiLanguage(),
            style: `
                table { border-collapse: separate; border-spacing: 0; width: 100%; font-size: .95em; }
                th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: .3em .5em; text-align: left; vertical-align: top; }
                th { position: sticky; top: 0; background: var(--vscode-editor-background); z-index: 1; }
                /* The finding's ID stays in view when the table scrolls sideways. */
                th:first-child, td:first-child { position: sticky; left: 0; background: var(--vscode-editor-background); z-index: 2; }
                td:nth-child(2) { min-width: 12em; }
                tr { cursor: pointer; }
                tr:hover, tr:focus { background: var(--vscode-list-hoverBackground); outline: none; }
                td.link { text-decoration: underline dotted; }
                th.narrow { vertical-align: bottom; padding: .4em .25em; }
                th.narrow span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
                td.narrow { text-align: center; padding: .3em .25em; }`,
            body: `
                <p class="status">${escapeHtml(l10n.t('{0} findings. Click a row or cell to open its declaration.', data.rows.length))}</p>
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
                // A click does not give the page the focus: the editor it opens keeps it.
                table.addEventListener('mousedown', event => { if (event.target.closest('tr[data-row]')) event.preventDefault(); });
                table.addEventListener('keydown', event => { if (event.key === 'Enter') open(event.target); });`
        });
    }
}

const SOURCE_KIND_COLUMNS = new Set(['interview', 'focus-group', 'document', 'observation', 'survey', 'workshop', 'literature', 'dataset']);

/** Column headings: the matrix's own columns and the source kinds. */
export function columnLabel(key: string): string {
    const labels: Record<string, string> = {
        finding: l10n.t('Finding'), title: l10n.t('Title'), status: l10n.t('Status'),
        questions: l10n.t('Questions'), confidence: l10n.t('Confidence'), origins: l10n.t('Origins'), triangulated: l10n.t('Triangulated'),
        assessments: l10n.t('Assessments'), recommendations: l10n.t('Recommendations'), lessons: l10n.t('Lessons'),
        interview: l10n.t('interview'), 'focus-group': l10n.t('focus group'), document: l10n.t('document'),
        observation: l10n.t('observation'), survey: l10n.t('survey'), workshop: l10n.t('workshop'),
        literature: l10n.t('literature'), dataset: l10n.t('dataset')
    };
    return labels[key] ?? key;
}

/** Cell values that are keywords of the language: finding status, confidence, yes/no. */
export function cellLabel(column: string | undefined, text: string): string {
    const values: Record<string, Record<string, string>> = {
        status: {
            draft: l10n.t('draft'), confirmed: l10n.t('confirmed'), revised: l10n.t('revised'), withdrawn: l10n.t('withdrawn')
        },
        confidence: {
            high: l10n.t('high'), moderate: l10n.t('moderate'), low: l10n.t('low'), 'very-low': l10n.t('very low')
        },
        triangulated: { yes: l10n.t('yes'), no: l10n.t('no') }
    };
    // Origins are listed: "independent, programme".
    if (column === 'origins') {
        const origins: Record<string, string> = { programme: l10n.t('programme'), project: l10n.t('project'), independent: l10n.t('independent') };
        return text.split(', ').map(o => origins[o] ?? o).join(', ');
    }
    return (column && values[column]?.[text]) ?? text;
}

function coverageLabel(key: string, fallback: string): string {
    const labels: Record<string, string> = {
        questionsAnswered: l10n.t('Questions answered'),
        findingsTriangulated: l10n.t('Findings triangulated'),
        outcomesWithEvidence: l10n.t('Outcomes and impacts with evidence'),
        recommendationsWithBasis: l10n.t('Recommendations with a basis'),
        sourcesCited: l10n.t('Sources cited')
    };
    return labels[key] ?? fallback;
}
