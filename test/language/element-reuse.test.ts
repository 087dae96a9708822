import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { collectDiagnostics, findProgFiles, loadWorkspace, type FileDiagnostic, type ProgDocumentBuilder, type ProgDocumentFactory } from '@sporbar/language';
import type { ProgDocumentValidator } from '../../packages/language/src/workspace/prog-document-validator.js';
import { prng as seeded } from '../seeded.mjs';

const root = path.resolve(__dirname, '../..');

/** A diagnostic in full: range, severity, code, message, related places and the data quick fixes read. */
function key(d: FileDiagnostic): string {
    const r = d.diagnostic.range;
    return `${d.file}:${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.diagnostic.severity} ${d.diagnostic.code} ${d.diagnostic.message}`
        + ` ${JSON.stringify(d.diagnostic.relatedInformation ?? null)} ${JSON.stringify(d.diagnostic.data ?? null)}`;
}

/**
 * Edits inside one element of a large file: IDs and references, statuses, confidences,
 * dates, numbers, `@` references in text, and lines added or removed inside an element.
 */
function edit(text: string, random: () => number, ids: readonly string[]): string {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const replaceOne = (pattern: RegExp, by: (m: RegExpMatchArray) => string): string => {
        const matches = [...text.matchAll(pattern)];
        if (matches.length === 0) return text;
        const m = pick(matches);
        return text.slice(0, m.index) + by(m) + text.slice(m.index! + m[0].length);
    };
    switch (Math.floor(random() * 8)) {
        case 0: return replaceOne(/(?<=[ ,])[A-ZÆØÅ][\p{L}\d_]*/gu, m => random() < 0.3 ? `${m[0]}x` : pick(ids));
        case 1: return replaceOne(/\b(confirmed|revised|draft|withdrawn)\b/g, () => pick(['confirmed', 'revised', 'draft', 'withdrawn']));
        case 2: return replaceOne(/\bconfidence (high|moderate|low)\b/g, () => `confidence ${pick(['high', 'moderate', 'low'])}`);
        case 3: return replaceOne(/\b20(1\d|2\d)(?=-\d\d)/g, () => pick(['2012', '2019', '2021', '2022', '2024', '2031']));
        case 4: return replaceOne(/(?<=\s)\d+(?=\s)/g, m => String(Number(m[0]) + 1 + Math.floor(random() * 20)));
        case 5: return replaceOne(/@[\p{L}][\p{L}\d_]*/gu, () => `@${pick(ids)}`);
        // A line inside an element, repeated or dropped: the lines after it move.
        case 6: return replaceOne(/\n( {4}(?:evidence|supports|answers|confidence|date|status) [^\n]*)/g, m => `\n${m[1]}\n${m[1]}`);
        default: return replaceOne(/\n {4}(?:supports|challenges|date|confidence) [^\n]*/g, () => '');
    }
}

/** A diagnostic whose range its check works out itself (not from a node and property). */
const REVERSED = 'source ZZOmvendt observation "Omvendt periode" {\n    date 2022-11 .. 2022-09\n}\n';

/** A temporary copy of examples/pri; `merge` puts its .prog files into one, `alt.prog`, by the function given. */
function copyOfPri(merge?: (texts: string[]) => string): { dir: string; file: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-reuse-'));
    fs.cpSync(path.join(root, 'examples/pri'), dir, { recursive: true });
    const file = path.join(dir, 'alt.prog');
    if (merge) {
        const files = findProgFiles(dir);
        const merged = merge(files.map(f => fs.readFileSync(f, 'utf8')));
        for (const f of files) fs.rmSync(f);
        fs.writeFileSync(file, merged);
    }
    return { dir, file };
}

/** The diagnostics of a workspace kept up to date by its builder, and those of a cold load of its folder. */
async function incrementalAndCold(workspace: Awaited<ReturnType<typeof loadWorkspace>>, dir: string): Promise<{ incremental: FileDiagnostic[]; cold: FileDiagnostic[] }> {
    const incremental = collectDiagnostics({ ...workspace, documents: workspace.services.shared.workspace.LangiumDocuments.all.toArray() as typeof workspace.documents });
    return { incremental, cold: collectDiagnostics(await loadWorkspace(dir)) };
}

describe('diagnostics kept per element after an edit inside one element equal a cold validation', () => {
    it('examples/pri as one file: after each of 80 edits, the file has the diagnostics (ranges, related places and fix data) a cold validation gives', async () => {
        // Last, the diagnostic with a range of its own: every edit that adds or removes a line moves it.
        const { dir, file } = copyOfPri(texts => [...texts, REVERSED].join('\n'));
        const merged = fs.readFileSync(file, 'utf8');
        const workspace = await loadWorkspace(dir);
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        const factory = workspace.services.shared.workspace.LangiumDocumentFactory as ProgDocumentFactory;
        const validator = workspace.services.validation.DocumentValidator as ProgDocumentValidator;
        const ids = [...workspace.services.workspace.WorkspaceIndex.data.declarations.keys()];
        const random = seeded(20261207);
        let text = merged;
        for (let step = 0; step < 80; step++) {
            const next = edit(text, random, ids);
            if (next === text) continue;
            text = next;
            fs.writeFileSync(file, text);
            await builder.update([URI.file(file)], []);
            const { incremental, cold } = await incrementalAndCold(workspace, dir);
            expect(incremental.map(key).sort(), `step ${step}`).toEqual(cold.map(key).sort());
            expect(cold.some(d => d.diagnostic.code === 'period/reversed'), `step ${step}`).toBe(true);
        }
        // Most edits took the element path, and most elements kept their diagnostics.
        expect(factory.stats.incremental).toBeGreaterThan(30);
        expect(validator.stats.reusedElements).toBeGreaterThan(30 * 100);
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('a transcript changed on disk in the same update as an edit inside another element: the quotes citing it are checked again', async () => {
        const { dir } = copyOfPri();
        const workspace = await loadWorkspace(dir);
        const builder = workspace.services.shared.workspace.DocumentBuilder as ProgDocumentBuilder;
        const validator = workspace.services.validation.DocumentValidator as ProgDocumentValidator;
        const transcript = path.join(dir, 'data/intervjuer/I02.txt');
        const findings = path.join(dir, 'findings.prog');
        const quoteCodes = (diagnostics: FileDiagnostic[]) => diagnostics.filter(d => String(d.diagnostic.code).startsWith('evidence/')).map(key);
        expect(quoteCodes(collectDiagnostics(workspace))).toEqual([]);
        // An edit inside the first finding: validated with the categories of an update (a load validates all).
        const edit = (from: string, to: string) => {
            const text = fs.readFileSync(findings, 'utf8');
            const at = text.indexOf(from);
            fs.writeFileSync(findings, text.slice(0, at) + to + text.slice(at + from.length));
        };
        edit('confidence moderate', 'confidence low');
        await builder.update([URI.file(findings)], []);
        // The quoted sentence changes in the transcript, and the same finding again in findings.prog, in one update.
        fs.writeFileSync(transcript, fs.readFileSync(transcript, 'utf8').replace('Vi er få i kjerneteamet', 'Vi er for få i kjerneteamet'));
        const when = new Date(Date.now() + 5000);
        fs.utimesSync(transcript, when, when);
        edit('confidence low', 'confidence high');
        const reused = validator.stats.reusedElements;
        builder.noteFilesChanged([transcript]);
        await builder.update([URI.file(findings)], []);
        expect(validator.stats.reusedElements, 'the other findings kept their diagnostics').toBeGreaterThan(reused);
        const { incremental, cold } = await incrementalAndCold(workspace, dir);
        expect(quoteCodes(cold).length, 'the changed sentence no longer matches the quote').toBeGreaterThan(0);
        expect(incremental.map(key).sort()).toEqual(cold.map(key).sort());
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('after a validation cancelled by the next edit, the next one still reuses, across both edits (one adds a line, one removes one)', async () => {
        // The diagnostic with a range of its own after the first finding, so between the two edits below.
        const { dir, file } = copyOfPri(texts => {
            const all = texts.join('\n');
            const second = all.indexOf('\nfinding ', all.indexOf('confidence moderate'));
            return `${all.slice(0, second)}\n${REVERSED}${all.slice(second)}`;
        });
        const workspace = await loadWorkspace(dir);
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        const validator = workspace.services.validation.DocumentValidator as ProgDocumentValidator;
        const replaceFirst = (from: string, to: string, after = 0) => {
            const text = fs.readFileSync(file, 'utf8');
            const at = text.indexOf(from, after);
            expect(at, from).toBeGreaterThanOrEqual(0);
            fs.writeFileSync(file, text.slice(0, at) + to + text.slice(at + from.length));
        };
        // Validated once with the categories of an update.
        replaceFirst('confidence moderate', 'confidence low');
        await builder.update([URI.file(file)], []);
        // An edit that adds a line early in the file; its validation is cancelled as it starts.
        replaceFirst('confidence low', 'confidence low\n    date 2022-03-01');
        const source = new CancellationTokenSource();
        const validate = validator.validateDocument.bind(validator);
        validator.validateDocument = (document, options, token) => {
            source.cancel();
            return validate(document, options, token);
        };
        await expect(builder.update([URI.file(file)], [], source.token)).rejects.toThrow();
        validator.validateDocument = validate;
        // A second edit removes a line near the end (the file has as many lines as before); this build finishes.
        const last = fs.readFileSync(file, 'utf8').lastIndexOf('\n    confidence moderate');
        expect(last).toBeGreaterThan(fs.readFileSync(file, 'utf8').indexOf('ZZOmvendt'));
        replaceFirst('\n    confidence moderate', '', last);
        const reused = validator.stats.reusedElements;
        await builder.update([URI.file(file)], []);
        expect(validator.stats.reusedElements - reused, 'elements before the first edit kept their diagnostics').toBeGreaterThan(0);
        const { incremental, cold } = await incrementalAndCold(workspace, dir);
        expect(cold.some(d => d.diagnostic.code === 'period/reversed')).toBe(true);
        expect(incremental.map(key).sort()).toEqual(cold.map(key).sort());
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
