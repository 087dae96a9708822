import type { FileDiagnostic, RuleInfo, Severity } from '@sporbar/language/core';
// The lean entry: the formats load with the command line, before any language code.
import { isAbsoluteSlashPath } from '@sporbar/language/paths';
import { REPOSITORY_URL, ruleHelpUri } from '../cli-about.js';
import { codeOf, displayPath, fileOfUri, fingerprints, messageOf, positionOf, relatedMessageOf, severityOf, type FormatContext } from './context.js';

/** SARIF has three levels; info and hint are both `note`. */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
    return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function uriReference(relativePath: string): string {
    return relativePath.split('/').map(encodeURIComponent).join('/');
}

type Range = FileDiagnostic['diagnostic']['range'];

function region(range: Range) {
    const p = positionOf({ range } as FileDiagnostic['diagnostic']);
    return { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn };
}

/**
 * Where a workspace file is for SARIF: relative to `%SRCROOT%` (the current directory), or —
 * for a workspace on another drive or share, which has no path relative to it — its absolute
 * `file:` URI (`file:///D:/ws/a.prog`, `file://server/share/a.prog`).
 */
export function artifactLocation(context: FormatContext, file: string): { uri: string; uriBaseId?: string } {
    const shown = displayPath(context, file);
    if (!isAbsoluteSlashPath(shown)) return { uri: uriReference(shown), uriBaseId: '%SRCROOT%' };
    const unc = /^\/\/([^/]+)(\/.*)?$/.exec(shown);
    if (unc) return { uri: `file://${encodeURIComponent(unc[1])}${uriReference(unc[2] ?? '/')}` };
    const drive = /^([A-Za-z]:)(\/.*)$/.exec(shown);
    return { uri: drive ? `file:///${drive[1]}${uriReference(drive[2])}` : `file://${uriReference(shown)}` };
}

function physicalLocation(context: FormatContext, file: string, range: Range) {
    return { artifactLocation: artifactLocation(context, file), region: region(range) };
}

function ruleDescriptor(rule: RuleInfo) {
    return {
        id: rule.code,
        shortDescription: { text: rule.description },
        defaultConfiguration: { level: sarifLevel(rule.severity) },
        helpUri: ruleHelpUri(rule.code),
        properties: { tags: [rule.group] }
    };
}

/**
 * SARIF 2.1.0: one run of the `sporbar` driver with every rule of prog-codes.ts and one
 * result per diagnostic. Paths are relative to `%SRCROOT%`, the current directory.
 */
/** SARIF `run.language`: the language of the messages (RFC 5646). */
const LANGUAGE_TAGS = { nb: 'nb-NO', nn: 'nn-NO', en: 'en' } as const;

export function toSarif(diagnostics: readonly FileDiagnostic[], context: FormatContext): string {
    const ruleIndex = new Map(context.rules.map((rule, i) => [rule.code, i]));
    const prints = fingerprints(diagnostics, context);
    const language = context.language ?? 'en';
    const results = diagnostics.map((d, i) => {
        const code = codeOf(d);
        const index = ruleIndex.get(code);
        const severity = severityOf(d);
        const related = (d.diagnostic.relatedInformation ?? []).map((info, id) => {
            const file = fileOfUri(context, info.location.uri);
            return {
                id,
                message: { text: relatedMessageOf(context, info.message) },
                physicalLocation: file !== undefined
                    ? physicalLocation(context, file, info.location.range)
                    : { artifactLocation: { uri: info.location.uri }, region: region(info.location.range) }
            };
        });
        return {
            ...(code ? { ruleId: code } : {}),
            ...(index !== undefined ? { ruleIndex: index } : {}),
            level: sarifLevel(severity),
            message: { text: messageOf(context, d) },
            locations: [{ physicalLocation: physicalLocation(context, d.file, d.diagnostic.range) }],
            ...(related.length > 0 ? { relatedLocations: related } : {}),
            partialFingerprints: { 'sporbar/v1': prints[i] },
            // The checks' English beside a translated message: stable for scripts and search.
            properties: language === 'en' ? { severity } : { severity, messageEn: String(d.diagnostic.message) }
        };
    });
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'sporbar',
                    version: context.version,
                    semanticVersion: context.version,
                    informationUri: REPOSITORY_URL,
                    rules: context.rules.map(ruleDescriptor)
                }
            },
            originalUriBaseIds: { '%SRCROOT%': { uri: context.srcRoot } },
            language: LANGUAGE_TAGS[language],
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}
