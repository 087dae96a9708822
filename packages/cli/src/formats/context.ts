import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FileDiagnostic, RuleInfo, SeverityOverride, UiLanguage } from '@sporbar/language/core';
import { severityName, type SeverityName } from '../cli-format.js';

/** The text of one workspace file, keyed by its workspace-relative path. */
export interface FormatDocument {
    /** Path relative to the workspace root, `/`-separated (as in `FileDiagnostic.file`). */
    readonly file: string;
    /** The LSP URI, when the file is a loaded document (related information points at these). */
    readonly uri?: string;
    readonly text: string;
}

/**
 * What a CI output format needs besides the diagnostics. Everything is data, so the
 * formats stay pure functions `(diagnostics, context) => string`.
 */
export interface FormatContext {
    readonly version: string;
    /** Number of `.prog` files checked. */
    readonly files: number;
    /**
     * The workspace root as seen from the current directory, `/`-separated, `''` when they
     * are the same. CI formats print paths as `base/file`: CI runs from the repository root,
     * which is also SARIF's `%SRCROOT%`.
     */
    readonly base: string;
    /** `file:` URI of the current directory, ending in `/` (SARIF `originalUriBaseIds`). */
    readonly srcRoot: string;
    /** Text of every loaded document and of `sporbar.json` when present. */
    readonly documents: readonly FormatDocument[];
    /** Every rule (RULES in prog-codes.ts), whether it fired or not. */
    readonly rules: readonly RuleInfo[];
    /** Severity overrides from `sporbar.json`. */
    readonly overrides: ReadonlyMap<string, SeverityOverride>;
    /**
     * The language of the messages (`--lang`, else `sporbar.json`'s `language`, else en)
     * and how to translate into it (the language package's catalog, handed in by the
     * command so that the formats load no language code). Codes, fingerprints and the
     * English kept beside a translation do not depend on it.
     */
    readonly language?: UiLanguage;
    readonly translate?: Translate;
}

/** Messages into the context's language (`translateMessage`/`translateRelated` of the language package). */
export interface Translate {
    message(code: string | number | undefined, message: string): string;
    related(message: string): string;
}

/** A diagnostic's message in the context's language. */
export function messageOf(context: FormatContext, d: FileDiagnostic): string {
    const message = String(d.diagnostic.message);
    return context.translate ? context.translate.message(d.diagnostic.code, message) : message;
}

/** A related-information message in the context's language. */
export function relatedMessageOf(context: FormatContext, message: string): string {
    return context.translate ? context.translate.related(message) : message;
}

/**
 * The path a CI system shows for a workspace file: relative to the current directory,
 * `/`-separated — absolute (`D:/ws/a.prog`) for a workspace on another drive or share.
 */
export function displayPath(context: FormatContext, file: string): string {
    if (context.base === '') return file;
    const joined = path.posix.normalize(`${context.base}/${file}`);
    // posix normalize folds the `//` of a UNC share (`//server/share`) into one slash.
    return context.base.startsWith('//') && !joined.startsWith('//') ? `/${joined}` : joined;
}

/** Maps an LSP URI back to its workspace file, if it is one of the loaded documents. */
export function fileOfUri(context: FormatContext, uri: string): string | undefined {
    return context.documents.find(doc => doc.uri === uri)?.file;
}

export interface Position1 {
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
}

/** 1-based start and end; the end column is exclusive (the column after the last character). */
export function positionOf(diagnostic: FileDiagnostic['diagnostic']): Position1 {
    const { start, end } = diagnostic.range;
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function codeOf(d: FileDiagnostic): string {
    return d.diagnostic.code === undefined ? '' : String(d.diagnostic.code);
}

export function severityOf(d: FileDiagnostic): SeverityName {
    return severityName(d.diagnostic.severity);
}

function splitLines(text: string): string[] {
    return text.split(/\r\n|\r|\n/);
}

/** The text a range covers (LSP positions: 0-based lines, UTF-16 columns). */
export function rangeText(text: string, range: FileDiagnostic['diagnostic']['range']): string {
    const lines = splitLines(text);
    const { start, end } = range;
    if (start.line >= lines.length) return '';
    if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
    const parts = [lines[start.line].slice(start.character)];
    for (let l = start.line + 1; l < end.line && l < lines.length; l++) parts.push(lines[l]);
    if (end.line < lines.length) parts.push(lines[end.line].slice(0, end.character));
    return parts.join('\n');
}

/**
 * Messages may point at another place (`findings.prog:12`, `line 3 column 5`); those
 * numbers move when lines are inserted, so they are left out of the fingerprint.
 */
function messageForFingerprint(message: string): string {
    return message
        .replace(/(\.prog|\.json):\d+(?::\d+)?/g, '$1')
        .replace(/\b(line|column|position) \d+/gi, '$1');
}

function sha256(text: string): string {
    return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A fingerprint per diagnostic that survives line shifts: a hash of code, path, message
 * and the text of the offending range — never a line or column. Identical diagnostics in
 * one file (same code, message and text) are told apart by their order of occurrence.
 */
export function fingerprints(diagnostics: readonly FileDiagnostic[], context: FormatContext): string[] {
    const texts = new Map(context.documents.map(doc => [doc.file, doc.text]));
    const seen = new Map<string, number>();
    return diagnostics.map(d => {
        const text = texts.get(d.file);
        const covered = text === undefined ? '' : rangeText(text, d.diagnostic.range);
        const base = sha256([codeOf(d), displayPath(context, d.file), messageForFingerprint(String(d.diagnostic.message)), covered].join('\0'));
        const occurrence = (seen.get(base) ?? 0) + 1;
        seen.set(base, occurrence);
        return occurrence === 1 ? base : sha256(`${base}:${occurrence}`);
    });
}
