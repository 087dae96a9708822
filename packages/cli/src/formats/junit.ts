import type { FileDiagnostic } from '@sporbar/language/core';
import { codeOf, displayPath, messageOf, positionOf, severityOf, type FormatContext } from './context.js';

/** Characters XML 1.0 does not allow at all (controls other than tab/LF/CR, lone surrogates, U+FFFE/F). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlText(text: string): string {
    return text.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
    return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function attributes(values: Record<string, string | number>): string {
    return Object.entries(values).map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`).join('');
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface Case {
    readonly code: string;
    readonly group: string;
    readonly off: boolean;
    readonly diagnostics: FileDiagnostic[];
}

/**
 * JUnit XML: one `<testsuite>` per rule group, one `<testcase>` per rule (every rule,
 * whether it fired or not). A rule fails when it produced an error or a warning: its one
 * `<failure>` lists every diagnostic as `path:line:col message`. Infos and hints do not
 * fail; they are listed in the test case's `<system-out>`. A rule set to `off` in
 * sporbar.json is `<skipped>`. Codes that are in no group land in a suite `other`.
 */
export function toJunit(diagnostics: readonly FileDiagnostic[], context: FormatContext): string {
    const cases = new Map<string, Case>();
    const add = (rule: { code: string; group: string }) => {
        const c: Case = { code: rule.code, group: rule.group, off: context.overrides.get(rule.code) === 'off', diagnostics: [] };
        cases.set(rule.code, c);
        return c;
    };
    for (const rule of context.rules) add(rule);
    for (const d of diagnostics) {
        const code = codeOf(d);
        (cases.get(code) ?? add({ code, group: 'other' })).diagnostics.push(d);
    }
    const groups = new Map<string, Case[]>();
    for (const c of cases.values()) {
        const list = groups.get(c.group);
        if (list) list.push(c); else groups.set(c.group, [c]);
    }

    const line = (d: FileDiagnostic) => {
        const p = positionOf(d.diagnostic);
        return `${displayPath(context, d.file)}:${p.line}:${p.column} ${messageOf(context, d)}`;
    };
    const fails = (c: Case) => c.diagnostics.some(d => { const s = severityOf(d); return s === 'error' || s === 'warning'; });

    const out: string[] = [];
    let tests = 0, failures = 0, skipped = 0;
    const suites: string[] = [];
    for (const [group, list] of groups) {
        const suiteFailures = list.filter(fails).length;
        const suiteSkipped = list.filter(c => c.off && c.diagnostics.length === 0).length;
        tests += list.length; failures += suiteFailures; skipped += suiteSkipped;
        suites.push(`  <testsuite${attributes({ name: group, tests: list.length, failures: suiteFailures, errors: 0, skipped: suiteSkipped })}>`);
        for (const c of list) {
            const open = `    <testcase${attributes({ name: c.code, classname: c.group })}`;
            if (fails(c)) {
                const errors = c.diagnostics.filter(d => severityOf(d) === 'error').length;
                const warnings = c.diagnostics.filter(d => severityOf(d) === 'warning').length;
                const others = c.diagnostics.length - errors - warnings;
                const summary = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning'), others && plural(others, 'other diagnostic')].filter(Boolean).join(', ');
                suites.push(`${open}>`);
                suites.push(`      <failure${attributes({ message: summary, type: errors > 0 ? 'error' : 'warning' })}>${escapeXmlText(c.diagnostics.map(line).join('\n'))}</failure>`);
                suites.push('    </testcase>');
            } else if (c.diagnostics.length > 0) {
                suites.push(`${open}>`);
                suites.push(`      <system-out>${escapeXmlText(c.diagnostics.map(d => `${severityOf(d)}: ${line(d)}`).join('\n'))}</system-out>`);
                suites.push('    </testcase>');
            } else if (c.off) {
                suites.push(`${open}>`);
                suites.push(`      <skipped${attributes({ message: 'off in sporbar.json' })}/>`);
                suites.push('    </testcase>');
            } else {
                suites.push(`${open}/>`);
            }
        }
        suites.push('  </testsuite>');
    }
    out.push('<?xml version="1.0" encoding="UTF-8"?>');
    out.push(`<testsuites${attributes({ name: 'sporbar', tests, failures, errors: 0, skipped })}>`);
    out.push(...suites);
    out.push('</testsuites>');
    return out.join('\n') + '\n';
}
