import * as path from 'node:path';
import { Codes, isKnownCode, SEVERITIES, type SeverityOverride } from '../prog-codes.js';
import { readRegularFileSync } from '../parser/prog-source-text.js';
import { isUiLanguage, type UiLanguage } from '../l10n/prog-l10n.js';

export const CONFIG_FILE = 'sporbar.json';

/** A problem in `sporbar.json`, with a 1-based position. */
export interface ConfigProblem {
    readonly code: string;
    readonly severity: 'error' | 'warning';
    readonly message: string;
    readonly line: number;
    readonly column: number;
}

export interface WorkspaceConfig {
    /** Severity overrides by rule code. */
    readonly rules: ReadonlyMap<string, SeverityOverride>;
    /** A docx reference document for report styles, relative to the workspace. */
    readonly template?: string;
    /** The language of messages, hovers and the CLI's text (`"language": "nn"`); else the editor setting or report language decides. */
    readonly language?: UiLanguage;
    readonly problems: readonly ConfigProblem[];
}

export const EMPTY_CONFIG: WorkspaceConfig = { rules: new Map(), problems: [] };

function position(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
    const lines = before.split(/\r\n|\r|\n/);
    return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/**
 * Where JSON.parse failed. V8 gives a position for most errors but not for an unexpected
 * token ("Unexpected token 'o', ... is not valid JSON"): then it is the first occurrence
 * of that token outside a string.
 */
function jsonErrorOffset(source: string, message: string): number {
    const at = /position (\d+)/.exec(message);
    if (at) return Number(at[1]);
    if (/end of JSON input/i.test(message)) return source.length;
    const token = /Unexpected token '([^']+)'/u.exec(message)?.[1];
    if (token === undefined) return 0;
    let inString = false;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (inString) {
            if (c === '\\') i++;
            else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (source.startsWith(token, i)) return i;
    }
    return 0;
}

function positionOfKey(text: string, key: string, from = 0): { line: number; column: number } {
    const at = text.indexOf(JSON.stringify(key), from);
    return position(text, at < 0 ? 0 : at);
}

/** Reads `sporbar.json` from a workspace root; a missing file is no problem. */
export function loadConfig(root: string): WorkspaceConfig {
    const file = path.join(root, CONFIG_FILE);
    let text: string;
    try {
        text = new TextDecoder().decode(readRegularFileSync(file));
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_CONFIG;
        return { rules: new Map(), problems: [{ code: Codes.ConfigInvalid, severity: 'error', message: `${CONFIG_FILE} cannot be read: ${(err as Error).message}`, line: 1, column: 1 }] };
    }
    return parseConfig(text);
}

/** Parses the text of a `sporbar.json`; every problem comes back with its position. */
export function parseConfig(text: string): WorkspaceConfig {
    const problems: ConfigProblem[] = [];
    const source = text.replace(/^\uFEFF/, '');
    let json: unknown;
    try {
        json = JSON.parse(source);
    } catch (err) {
        const message = (err as Error).message;
        const lineCol = /line (\d+) column (\d+)/.exec(message);
        const pos = lineCol ? { line: Number(lineCol[1]), column: Number(lineCol[2]) } : position(source, jsonErrorOffset(source, message));
        problems.push({ code: Codes.ConfigInvalid, severity: 'error', message: `${CONFIG_FILE} is not valid JSON: ${message}`, ...pos });
        return { rules: new Map(), problems };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        problems.push({ code: Codes.ConfigInvalid, severity: 'error', message: `${CONFIG_FILE} must hold a JSON object such as { "rules": { "source/unused": "off" } }`, line: 1, column: 1 });
        return { rules: new Map(), problems };
    }
    const rules = new Map<string, SeverityOverride>();
    const obj = json as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
        if (key !== 'rules' && key !== 'template' && key !== 'language' && key !== '$schema') {
            problems.push({ code: Codes.ConfigInvalid, severity: 'error', message: `${CONFIG_FILE}: unknown setting "${key}" (known: "rules", "template", "language")`, ...positionOfKey(source, key) });
        }
    }
    const language = obj.language;
    if (language !== undefined && !isUiLanguage(language)) {
        problems.push({ code: Codes.ConfigInvalid, severity: 'error', message: `${CONFIG_FILE}: "language" must be one of "nb", "nn" or "en"`, ...positionOfKey(source, 'language') });
    }
    const template = obj.template;
    if (template !== undefined && typeof template !== 'string') {
        problems.push({ code: Codes.ConfigInvalid, severity: 'error', message: `${CONFIG_FILE}: "template" must be a path to a .docx file`, ...positionOfKey(source, 'template') });
    }
    if (obj.rules !== undefined) {
        if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
            problems.push({ code: Codes.ConfigInvalid, severity: 'error', message: `${CONFIG_FILE}: "rules" must be an object mapping rule codes to ${SEVERITIES.join('|')}`, ...positionOfKey(source, 'rules') });
        } else {
            const rulesAt = source.indexOf('"rules"');
            for (const [code, value] of Object.entries(obj.rules as Record<string, unknown>)) {
                const pos = positionOfKey(source, code, rulesAt);
                if (!isKnownCode(code)) {
                    problems.push({ code: Codes.ConfigUnknownRule, severity: 'warning', message: `${CONFIG_FILE}: unknown rule "${code}"; it is ignored`, ...pos });
                } else if (typeof value !== 'string' || !(SEVERITIES as readonly string[]).includes(value)) {
                    problems.push({ code: Codes.ConfigInvalid, severity: 'error', message: `${CONFIG_FILE}: rule "${code}" has severity ${JSON.stringify(value)}; use one of ${SEVERITIES.join(', ')}`, ...pos });
                } else {
                    rules.set(code, value as SeverityOverride);
                }
            }
        }
    }
    return { rules, template: typeof template === 'string' ? template : undefined, language: isUiLanguage(language) ? language : undefined, problems };
}
