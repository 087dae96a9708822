import type { FileDiagnostic, Severity } from '@sporbar/language/core';
import { codeOf, displayPath, fingerprints, messageOf, positionOf, severityOf, type FormatContext } from './context.js';

const SEVERITY: Record<Severity, string> = { hint: 'info', info: 'minor', warning: 'major', error: 'critical' };

export function gitlabSeverity(severity: Severity): string {
    return SEVERITY[severity];
}

/**
 * A GitLab Code Quality report: a JSON array (`[]` when there is nothing), one issue per
 * diagnostic, paths relative to the current directory (the project root in a pipeline).
 */
export function toGitlab(diagnostics: readonly FileDiagnostic[], context: FormatContext): string {
    const prints = fingerprints(diagnostics, context);
    const issues = diagnostics.map((d, i) => ({
        description: messageOf(context, d),
        check_name: codeOf(d),
        fingerprint: prints[i],
        severity: gitlabSeverity(severityOf(d)),
        location: {
            path: displayPath(context, d.file),
            lines: { begin: positionOf(d.diagnostic).line }
        }
    }));
    return JSON.stringify(issues, null, 2) + '\n';
}
