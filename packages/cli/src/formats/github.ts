import type { FileDiagnostic } from '@sporbar/language/core';
import { codeOf, displayPath, messageOf, positionOf, severityOf, type FormatContext } from './context.js';

/** Escapes the message of a workflow command (GitHub's `escapeData`). */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (GitHub's `escapeProperty`). */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one line per diagnostic:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`. Info and
 * hint become `notice`. Paths are relative to the current directory (the repository root
 * in a workflow).
 */
export function toGithub(diagnostics: readonly FileDiagnostic[], context: FormatContext): string {
    return diagnostics.map(d => {
        const severity = severityOf(d);
        const command = severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
        const p = positionOf(d.diagnostic);
        const properties: [string, string | number][] = [
            ['file', displayPath(context, d.file)],
            ['line', p.line], ['col', p.column], ['endLine', p.endLine], ['endColumn', p.endColumn]
        ];
        const code = codeOf(d);
        if (code) properties.push(['title', code]);
        const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
        return `::${command} ${props}::${escapeData(messageOf(context, d))}\n`;
    }).join('');
}
