import type { FileDiagnostic, UiLanguage } from '@sporbar/language/core';

/** A message into the output's language (the language package's `translateMessage`, bound to it). */
export type TranslateMessage = (code: string | number | undefined, message: string) => string;

const untranslated: TranslateMessage = (_code, message) => message;

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';
const NAMES: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function severityName(severity: number | undefined): SeverityName {
    return NAMES[severity ?? 1] ?? 'error';
}

export interface Summary {
    files: number;
    errors: number;
    warnings: number;
    infos: number;
    hints: number;
}

export function summarise(diagnostics: readonly FileDiagnostic[], files: number): Summary {
    const summary: Summary = { files, errors: 0, warnings: 0, infos: 0, hints: 0 };
    for (const { diagnostic } of diagnostics) {
        switch (severityName(diagnostic.severity)) {
            case 'error': summary.errors++; break;
            case 'warning': summary.warnings++; break;
            case 'info': summary.infos++; break;
            case 'hint': summary.hints++; break;
        }
    }
    return summary;
}

/**
 * The `--format json` document: one object, 1-based positions, sorted by file, line,
 * column. In nb or nn, `message` is translated and `messageEn` keeps the checks' English.
 */
export function toJson(diagnostics: readonly FileDiagnostic[], summary: Summary, language: UiLanguage = 'en', translate: TranslateMessage = untranslated): string {
    return JSON.stringify({
        ...(language === 'en' ? {} : { language }),
        diagnostics: diagnostics.map(({ file, diagnostic }) => ({
            file,
            line: diagnostic.range.start.line + 1,
            column: diagnostic.range.start.character + 1,
            endLine: diagnostic.range.end.line + 1,
            endColumn: diagnostic.range.end.character + 1,
            severity: severityName(diagnostic.severity),
            code: String(diagnostic.code ?? ''),
            message: translate(diagnostic.code, String(diagnostic.message)),
            ...(language === 'en' ? {} : { messageEn: String(diagnostic.message) })
        })),
        summary
    }, null, 2) + '\n';
}

export interface Colours {
    red(s: string): string;
    yellow(s: string): string;
    blue(s: string): string;
    dim(s: string): string;
    bold(s: string): string;
}

const plain: Colours = { red: s => s, yellow: s => s, blue: s => s, dim: s => s, bold: s => s };

/** `path:line:col  severity  code  message` per diagnostic, then a one-line summary. */
export function toStylish(diagnostics: readonly FileDiagnostic[], summary: Summary, colours: Colours = plain, language: UiLanguage = 'en', translate: TranslateMessage = untranslated): string {
    const lines = diagnostics.map(({ file, diagnostic }) => {
        const where = `${file}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
        const severity = severityName(diagnostic.severity);
        const paint = severity === 'error' ? colours.red : severity === 'warning' ? colours.yellow : colours.blue;
        const message = translate(diagnostic.code, String(diagnostic.message));
        return `${where}  ${paint(severity.padEnd(7))}  ${colours.dim(String(diagnostic.code ?? ''))}  ${message.replace(/\r?\n/g, " ")}`;
    });
    lines.push(summaryLine(summary, colours, language));
    return lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The summary line's words in Norwegian: `3 filer kontrollert: 1 feil, 2 advarsler, …`. */
const SUMMARY_WORDS: Record<'nb' | 'nn', { files: [string, string]; checked: string; error: [string, string]; warning: [string, string]; info: [string, string]; hint: [string, string] }> = {
    nb: { files: ['fil', 'filer'], checked: 'kontrollert', error: ['feil', 'feil'], warning: ['advarsel', 'advarsler'], info: ['info', 'info'], hint: ['hint', 'hint'] },
    nn: { files: ['fil', 'filer'], checked: 'kontrollerte', error: ['feil', 'feil'], warning: ['åtvaring', 'åtvaringar'], info: ['info', 'info'], hint: ['hint', 'hint'] }
};

export function summaryLine(summary: Summary, colours: Colours = plain, language: UiLanguage = 'en'): string {
    let text: string;
    if (language === 'en') {
        const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), plural(summary.infos, 'info'), plural(summary.hints, 'hint')];
        text = `${plural(summary.files, 'file')} checked: ${parts.join(', ')}`;
    } else {
        const w = SUMMARY_WORDS[language];
        const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;
        text = `${count(summary.files, w.files)} ${w.checked}: ${[count(summary.errors, w.error), count(summary.warnings, w.warning), count(summary.infos, w.info), count(summary.hints, w.hint)].join(', ')}`;
    }
    return summary.errors > 0 ? colours.bold(colours.red(text)) : colours.bold(text);
}
