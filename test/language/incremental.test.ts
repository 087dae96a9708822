import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AstUtils, URI, type AstNode } from 'langium';
import { collectDiagnostics, dependsOn, findProgFiles, loadWorkspace, ProgDocumentFactory, ProgWorkspaceIndex, DependencyKeys, type Citation, type DependencyKey, type FileDiagnostic, type ProgDocumentBuilder, type WorkspaceIndexData } from '@sporbar/language';
import type { ProgLinker } from '../../packages/language/src/references/prog-linker.js';
import { prng as seeded } from '../seeded.mjs';
import { generateWorkspace, writeWorkspace as writeGenerated } from '../../bench/generate.mjs';

const root = path.resolve(__dirname, '../..');


function key(d: FileDiagnostic): string {
    const r = d.diagnostic.range;
    return `${d.file}:${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.diagnostic.severity} ${d.diagnostic.code} ${d.diagnostic.message}`;
}

/** Edits that change what other files see: statuses, IDs, references, whole elements. */
function mutate(text: string, random: () => number, ids: string[]): string {
    const lines = text.split('\n');
    const i = Math.floor(random() * lines.length);
    const pickId = () => ids[Math.floor(random() * ids.length)];
    switch (Math.floor(random() * 6)) {
        case 0: lines.splice(i, 1); break;
        case 1: lines.splice(i, 0, lines[Math.floor(random() * lines.length)]); break;
        case 2: lines[i] = lines[i].replace(/\b(confirmed|revised|draft)\b/, 'withdrawn'); break;
        case 3: lines[i] = lines[i].replace(/\b([A-ZÆØÅ][\p{L}\d_]*)\b/u, () => pickId()); break;
        case 4: lines.push(`finding X${Math.floor(random() * 1000)} "ny" { answers ${pickId()} evidence ${pickId()} confidence high supports ${pickId()} }`); break;
        case 5: lines[i] = lines[i].replace(/@([\p{L}][\p{L}\d_]*)/u, () => '@' + pickId()); break;
    }
    return lines.join('\n');
}

describe('incremental builds equal cold builds', () => {
    it('after each of 40 random cross-file edits, every file has the diagnostics a cold validation gives', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-incr-'));
        fs.cpSync(path.join(root, 'examples/pri'), dir, { recursive: true });
        const workspace = await loadWorkspace(dir);
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        const ids = [...workspace.services.workspace.WorkspaceIndex.data.declarations.keys()];
        const files = findProgFiles(dir);
        const random = seeded(20261128);
        for (let step = 0; step < 40; step++) {
            const file = files[Math.floor(random() * files.length)];
            fs.writeFileSync(file, mutate(fs.readFileSync(file, 'utf8'), random, ids));
            await builder.update([URI.file(file)], []);
            const incremental = collectDiagnostics({ ...workspace, documents: workspace.services.shared.workspace.LangiumDocuments.all.toArray() as typeof workspace.documents }).map(key).sort();
            const cold = collectDiagnostics(await loadWorkspace(dir)).map(key).sort();
            expect(incremental, `step ${step}: ${path.basename(file)}`).toEqual(cold);
        }
        fs.rmSync(dir, { recursive: true, force: true });
    });
});

describe('edits inside one element (re-parsed alone, other links kept) equal cold builds', () => {
    // The examples (most references cross files) and one generated file that cites itself.
    it.each(['examples/pri', 'one generated file'])('%s: after each of 60 renamed IDs and references, every file has the diagnostics a cold validation gives', async setup => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-incr-'));
        if (setup === 'examples/pri') fs.cpSync(path.join(root, 'examples/pri'), dir, { recursive: true });
        else writeGenerated(dir, generateWorkspace({ files: 1, perFile: 60, single: true }));
        const workspace = await loadWorkspace(dir);
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        const factory = workspace.services.shared.workspace.LangiumDocumentFactory as ProgDocumentFactory;
        const shared = workspace.services.shared;
        const index = workspace.services.workspace.WorkspaceIndex;
        const locator = workspace.services.workspace.AstNodeLocator;
        const locate = (node: AstNode) => `${AstUtils.getDocument(node).uri.path.slice(dir.length)}#${locator.getAstNodePath(node)}`;
        const ids = [...index.data.declarations.keys()];
        const files = findProgFiles(dir);
        const random = seeded(20261130);
        for (let step = 0; step < 60; step++) {
            const file = files[Math.floor(random() * files.length)];
            const text = fs.readFileSync(file, 'utf8');
            // An ID or a reference, not at the start of a line: declared names and cited ones alike.
            const words = [...text.matchAll(/(?<=[ ,])[A-ZÆØÅ][\p{L}\d_]*/gu)];
            if (words.length === 0) continue;
            const word = words[Math.floor(random() * words.length)];
            const other = ids[Math.floor(random() * ids.length)];
            const replacement = random() < 0.3 ? `${word[0]}x` : other;
            fs.writeFileSync(file, text.slice(0, word.index) + replacement + text.slice(word.index! + word[0].length));
            await builder.update([URI.file(file)], []);
            const incremental = collectDiagnostics({ ...workspace, documents: workspace.services.shared.workspace.LangiumDocuments.all.toArray() as typeof workspace.documents }).map(key).sort();
            const cold = collectDiagnostics(await loadWorkspace(dir)).map(key).sort();
            expect(incremental, `step ${step}: ${path.basename(file)}, ${word[0]} -> ${replacement}`).toEqual(cold);
            // The workspace facts, patched element by element, equal facts merged afresh.
            expect(describeFacts(index.data, locate), `step ${step}: facts`).toEqual(describeFacts(new ProgWorkspaceIndex(shared, () => workspace.services.references.Linker as ProgLinker).data, locate));
        }
        // Most of these edits took the element-level path, in the parser and in the index.
        expect(factory.stats.incremental).toBeGreaterThan(30);
        expect(index.stats.elementPatches).toBeGreaterThan(30);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});

describe('origins and transcripts: incremental builds equal cold builds', () => {
    /** Edits that change an actor's origin without touching the findings that depend on it. */
    const ORIGIN_EDITS: Array<[string, (text: string) => string]> = [
        // The evaluators' observations fall back to their actors' origin (programme).
        ['sources-feltarbeid.prog', t => t.replace(/ {4}origin independent\n/g, '')],
        // BFD becomes the client: KS only owns portfolios, and what is part of KS is no longer the programme's.
        ['programme.prog', t => t.replace('client KS', 'client BFD')],
        ['actors.prog', t => t.replace('{ type council  members 10  part-of KS }', '{ type council  members 10 }')],
        ['programme.prog', t => t.replace('client BFD', 'client KS')],
        // Vista leaves DEM1's partners (it stays a partner of DEM4); Designit owns UU1.
        ['portfolio-demografi.prog', t => t.replace('partners Vista, Fredrikstad, Rana, Salangen', 'partners Fredrikstad, Rana, Salangen')],
        ['portfolio-uu.prog', t => t.replace(/(project UU1 "[^"]*" \{\s*status \w+\s*)owner KS/, '$1owner Designit')],
        ['actors.prog', t => t.replace('{ type council  members 10 }', '{ type council  members 10  part-of KS }')],
        ['actors.prog', t => t.replace('actor KDD "Kommunal- og distriktsdepartementet (KMD fram til 2022)" { type state }', 'actor KDD "Kommunal- og distriktsdepartementet (KMD fram til 2022)" { type state  part-of Kjerneteamet }')]
    ];

    it('after edits of clients, part-of, owners and partners in other files, every file has the diagnostics a cold validation gives', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-origins-'));
        fs.cpSync(path.join(root, 'examples/pri'), dir, { recursive: true });
        const workspace = await loadWorkspace(dir);
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        const inFindings = (keys: string[]) => keys.filter(k => k.startsWith('findings.prog')).join('\n');
        let previous = inFindings(collectDiagnostics(workspace).map(key).sort());
        let changed = 0;
        for (const [name, edit] of ORIGIN_EDITS) {
            const file = path.join(dir, name);
            const text = fs.readFileSync(file, 'utf8');
            expect(edit(text), name).not.toBe(text);
            fs.writeFileSync(file, edit(text));
            await builder.update([URI.file(file)], []);
            const incremental = collectDiagnostics({ ...workspace, documents: workspace.services.shared.workspace.LangiumDocuments.all.toArray() as typeof workspace.documents }).map(key).sort();
            const cold = collectDiagnostics(await loadWorkspace(dir)).map(key).sort();
            expect(incremental, name).toEqual(cold);
            if (inFindings(cold) !== previous) changed++;
            previous = inFindings(cold);
        }
        // The edits did change what findings.prog reports, which is never edited.
        expect(changed).toBeGreaterThanOrEqual(4);
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('after a transcript changes on disk and is reported changed, the quotes citing it equal a cold validation', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-transcripts-'));
        fs.cpSync(path.join(root, 'examples/pri'), dir, { recursive: true });
        const workspace = await loadWorkspace(dir);
        const builder = workspace.services.shared.workspace.DocumentBuilder as ProgDocumentBuilder;
        const transcript = path.join(dir, 'data/intervjuer/I02.txt');
        const original = fs.readFileSync(transcript, 'utf8');
        const quoteCodes = (diagnostics: FileDiagnostic[]) => diagnostics.filter(d => String(d.diagnostic.code).startsWith('evidence/')).map(key).sort();
        const edits = [
            original.replace('Vi er få i kjerneteamet', 'Vi er for få i kjerneteamet'),
            original.replace('[00:40:35]', '[00:03:00] I: Noe annet.\n[00:41:00]'),
            original.replace(/\[00:09:30\].*\n/, ''),
            original
        ];
        for (const [step, text] of edits.entries()) {
            // A file with the same size and the same modification time would look unchanged: move the time on.
            fs.writeFileSync(transcript, text);
            const when = new Date(Date.now() + (step + 1) * 2000);
            fs.utimesSync(transcript, when, when);
            builder.noteFilesChanged([transcript]);
            await builder.update([], []);
            const incremental = collectDiagnostics({ ...workspace, documents: workspace.services.shared.workspace.LangiumDocuments.all.toArray() as typeof workspace.documents });
            const cold = collectDiagnostics(await loadWorkspace(dir));
            expect(incremental.map(key).sort(), `step ${step}`).toEqual(cold.map(key).sort());
            expect(quoteCodes(cold).length > 0, `step ${step} changes what the quotes say`).toBe(step < 3);
        }
        fs.rmSync(dir, { recursive: true, force: true });
    });
});

/** The workspace facts as plain data: every map sorted by key, every list in its order. */
function describeFacts(data: WorkspaceIndexData, locate: (node: AstNode) => string): unknown {
    const name = (value: unknown): string => typeof value === 'string' ? value
        : value && typeof value === 'object' && '$type' in value ? locate(value as AstNode)
        : value && typeof value === 'object' && 'container' in value ? `${locate((value as Citation).container)}.${(value as Citation).property}[${(value as Citation).index ?? ''}]`
        : String(value);
    const map = (m: ReadonlyMap<unknown, readonly unknown[]>) => [...m].map(([k, list]) => [name(k), list.map(name)] as const)
        .sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    return {
        documents: data.documents.map(d => d.uri.path),
        declarations: map(data.declarations), byType: map(data.byType), citedBy: map(data.citedBy),
        testedBy: map(data.testedBy), answeredBy: map(data.answeredBy), names: map(data.protectedNames.sources),
        pattern: String(data.protectedNames.pattern), programmes: data.programmes.map(name),
        reports: data.reportsByCutoff.map(r => name(r.report)), criteria: [...data.assessedCriteria].sort(),
        portfolios: map(data.portfolioProjects), chained: [...data.chained].map(name).sort(), indicated: [...data.indicated].map(name).sort(),
        judgingReports: data.judgingReports.map(name), indicatorsOf: map(data.indicatorsOf), informants: data.informantSources.map(name)
    };
}

describe('the workspace index, patched document by document', () => {
    it('merges afresh, and right, when the edited element holds most of the entries', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-index-'));
        const sources = Array.from({ length: 12 }, (_, i) => `source S${i} document "Kilde ${i}"`).join('\n');
        const finding = (cited: string) => `finding F1 "Funn" { evidence ${cited} confidence low }`;
        const file = path.join(dir, 'a.prog');
        fs.writeFileSync(file, `programme P "P"\n${sources}\n${finding('S0, S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11')}\n`);
        const workspace = await loadWorkspace(dir);
        const shared = workspace.services.shared;
        const index = workspace.services.workspace.WorkspaceIndex;
        const locator = workspace.services.workspace.AstNodeLocator;
        const locate = (node: AstNode) => `${AstUtils.getDocument(node).uri.path.slice(dir.length)}#${locator.getAstNodePath(node)}`;
        expect(index.data.citedBy.size).toBe(12);
        for (const cited of ['S11, S10, S9, S8, S7, S6, S5, S4, S3, S2, S1, S0', 'S0, S0, S1', 'S0, S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11']) {
            const patches = index.stats.elementPatches;
            fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/finding F1 .*/, finding(cited)));
            await shared.workspace.DocumentBuilder.update([URI.file(file)], []);
            expect(describeFacts(index.data, locate), cited).toEqual(describeFacts(new ProgWorkspaceIndex(shared, () => workspace.services.references.Linker as ProgLinker).data, locate));
            // The element path was taken; with most entries changed the lists were merged afresh.
            expect(index.stats.elementPatches).toBe(patches + 1);
        }
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('after each of 60 random edits, file creations and deletions, equals an index merged afresh', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-index-'));
        fs.cpSync(path.join(root, 'examples/pri'), dir, { recursive: true });
        const workspace = await loadWorkspace(dir);
        const shared = workspace.services.shared;
        const index = workspace.services.workspace.WorkspaceIndex;
        const locator = workspace.services.workspace.AstNodeLocator;
        const locate = (node: AstNode) => `${AstUtils.getDocument(node).uri.path.slice(dir.length)}#${locator.getAstNodePath(node)}`;
        const ids = [...index.data.declarations.keys()];
        const random = seeded(20261129);
        let created = 0;
        for (let step = 0; step < 60; step++) {
            const files = findProgFiles(dir);
            const choice = random();
            if (choice < 0.1 && files.length > 3) {
                const file = files[Math.floor(random() * files.length)];
                fs.rmSync(file);
                await shared.workspace.DocumentBuilder.update([], [URI.file(file)]);
            } else if (choice < 0.2) {
                // A new file, sorted somewhere between the others, with duplicated and new IDs.
                const file = path.join(dir, `${String.fromCharCode(97 + Math.floor(random() * 26))}-ny${created++}.prog`);
                fs.writeFileSync(file, mutate(fs.readFileSync(files[Math.floor(random() * files.length)], 'utf8'), random, ids));
                await shared.workspace.DocumentBuilder.update([URI.file(file)], []);
            } else {
                const file = files[Math.floor(random() * files.length)];
                fs.writeFileSync(file, mutate(fs.readFileSync(file, 'utf8'), random, ids));
                await shared.workspace.DocumentBuilder.update([URI.file(file)], []);
            }
            const patched = describeFacts(index.data, locate);
            const fresh = describeFacts(new ProgWorkspaceIndex(shared, () => workspace.services.references.Linker as ProgLinker).data, locate);
            expect(patched, `step ${step}`).toEqual(fresh);
        }
        fs.rmSync(dir, { recursive: true, force: true });
    });
});

describe('what a document depends on', () => {
    const keys = (...list: DependencyKey[]) => {
        const set = new DependencyKeys();
        for (const key of list) set.add(key);
        return set;
    };
    const read = keys('edges', 'decl:F1', 'ref:S1', 'ref:Q2');

    it('matches a changed key of each kind, whichever side is smaller', () => {
        const padding = Array.from({ length: 10 }, (_, i) => `decl:Z${i}` as const);
        for (const changed of [['decl:F1'], ['ref:S1'], ['edges'], ['ref:Q2', ...padding]] as DependencyKey[][]) {
            expect(dependsOn(read, keys(...changed)), changed.join(' ')).toBe(true);
        }
        // Names of the other kind, and other plain keys, do not match.
        for (const changed of [['ref:F1'], ['decl:S1'], ['programmes'], ['decl:Q2', 'ref:edges', ...padding]] as DependencyKey[][]) {
            expect(dependsOn(read, keys(...changed)), changed.join(' ')).toBe(false);
        }
    });

    it('a document that read everything depends on every change', () => {
        expect(dependsOn(keys('*'), keys('decl:X'))).toBe(true);
    });
});
