import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { createProgServices, loadWorkspace, type Model } from '@sporbar/language';

/**
 * Workspace rules look across files: a change in file A must change the diagnostics of
 * file B. `ProgDocumentBuilder` revalidates every document on any update; these tests
 * prove it through `DocumentBuilder.update([A], [])`, the way an editor drives it.
 *
 * Langium 4.4: `update` re-reads a changed document from `TextDocuments` when there is
 * one (the language server), else from the `FileSystemProvider` (core services: the disk).
 * A document swapped in with `fromString` is therefore re-read from there, so the two
 * working ways are the LSP services' `TextDocuments.set(…)`, or the file changed on disk.
 */

const A = URI.parse('memory:/ws/a.prog');
const B = URI.parse('memory:/ws/b.prog');

const FILE_B = `programme P "Programme" { client KS }
actor KS "KS" { type association }
question Q "Question?"
source D1 document "Document" { date 2021-01-01 }
source D2 document "Second document" { date 2021-02-01 }
recommendation R1 "Act" {
    to KS
    based-on F1
}
`;
const A_BEFORE = `finding F1 "Finding" { answers Q  evidence D1  confidence low }\n`;
const A_CITES_D2 = `finding F1 "Finding" { answers Q  evidence D1, D2  confidence low }\n`;
const A_WITHDRAWN = `finding F1 "Finding" { answers Q  evidence D1, D2  confidence low  status withdrawn }\n`;

function codes(document: LangiumDocument | undefined): string[] {
    return (document?.diagnostics ?? []).map(d => `${d.range.start.line + 1} ${d.code}`).sort();
}

async function scenario(edit: (text: string) => Promise<void>, shared: LangiumSharedCoreServices, uriB = B, uriA = A): Promise<void> {
    const b = () => shared.workspace.LangiumDocuments.getDocument(uriB);
    expect(codes(b())).toEqual(['5 source/unused']);

    // A now cites D2, declared in B: B's `source/unused` goes away.
    await edit(A_CITES_D2);
    expect(codes(b())).toEqual([]);

    // A withdraws F1, which B's recommendation cites: `finding/withdrawn-cited` appears in B,
    // on the citing reference, and Q (answered only by F1) becomes unanswered.
    await edit(A_WITHDRAWN);
    expect(codes(b())).toEqual(['3 question/unanswered', '8 finding/withdrawn-cited']);
    expect(codes(shared.workspace.LangiumDocuments.getDocument(uriA))).toEqual([]);

    // And back.
    await edit(A_BEFORE);
    expect(codes(b())).toEqual(['5 source/unused']);
}

describe('cross-file rules update through the document builder', () => {
    it('language server services: the new text of A through TextDocuments, then update([A], [])', async () => {
        const { shared } = createProgServices(EmptyFileSystem);
        const textDocuments = shared.workspace.TextDocuments;
        let version = 1;
        textDocuments.set(TextDocument.create(A.toString(), 'prog', version, A_BEFORE));
        textDocuments.set(TextDocument.create(B.toString(), 'prog', version, FILE_B));
        const factory = shared.workspace.LangiumDocumentFactory;
        const docs = [factory.fromString<Model>(A_BEFORE, A), factory.fromString<Model>(FILE_B, B)];
        for (const doc of docs) shared.workspace.LangiumDocuments.addDocument(doc);
        await shared.workspace.DocumentBuilder.build(docs, { validation: true });
        await scenario(async text => {
            textDocuments.set(TextDocument.create(A.toString(), 'prog', ++version, text));
            await shared.workspace.DocumentBuilder.update([A], []);
        }, shared);
    });

    it('core services (CLI): A changed on disk, then update([A], [])', async () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-incremental-'));
        try {
            const fileA = path.join(root, 'a.prog');
            fs.writeFileSync(fileA, A_BEFORE);
            fs.writeFileSync(path.join(root, 'b.prog'), FILE_B);
            const workspace = await loadWorkspace(root);
            const shared = workspace.services.shared;
            const uriA = URI.file(fileA);
            await scenario(async text => {
                fs.writeFileSync(fileA, text);
                await shared.workspace.DocumentBuilder.update([uriA], []);
            }, shared, URI.file(path.join(root, 'b.prog')), uriA);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});

describe('tables: a finding depends on the sources of the tables it cites, a table on its CSV file', () => {
    // The programme (which every document's checks read) lives in a fourth file, so that
    // nothing but the table's sources ties a.prog to c.prog.
    const D = `programme P "Programme" { client KS }
actor KS "KS" { type association }
question Q "Question?"
`;
    const C_BEFORE = `source I1 interview "Interview" { date 2021-03-01 }
source I2 interview "Interview" { date 2021-03-02 }
`;
    const C_SERIES = C_BEFORE.replace('source I1 interview "Interview" { date 2021-03-01 }', 'source I1 interview "Interviews with 18 directors" { date 2021-03  count 18 }');
    const B_ONE = `table T1 "One interview as a table" { from I1  file "data/t.csv" }\n`;
    const B_TWO = `table T1 "Two interviews as a table" { from I1, I2  file "data/t.csv" }\n`;
    const A = `finding F1 "Finding" { answers Q  evidence T1  confidence moderate }\n`;

    it('editing a source in a third file, a table in another, or the CSV on disk updates the diagnostics as a cold build', async () => {
        const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-incremental-tables-')));
        try {
            fs.mkdirSync(path.join(root, 'data'));
            const csv = path.join(root, 'data', 't.csv');
            fs.writeFileSync(csv, 'Svar;n\nJa;10\nNei;12\n');
            const files = { a: path.join(root, 'a.prog'), b: path.join(root, 'b.prog'), c: path.join(root, 'c.prog') };
            fs.writeFileSync(files.a, A);
            fs.writeFileSync(files.b, B_ONE);
            fs.writeFileSync(files.c, C_BEFORE);
            fs.writeFileSync(path.join(root, 'd.prog'), D);
            const workspace = await loadWorkspace(root);
            const shared = workspace.services.shared;
            const builder = shared.workspace.DocumentBuilder as unknown as { update(changed: URI[], deleted: URI[]): Promise<void>; noteExternalChange(keys: string[]): void };
            const doc = (file: string) => shared.workspace.LangiumDocuments.getDocument(URI.file(file));
            const cold = async () => {
                const fresh = await loadWorkspace(root);
                return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, codes(fresh.services.shared.workspace.LangiumDocuments.getDocument(URI.file(f)))]));
            };
            const now = () => Object.fromEntries(Object.entries(files).map(([k, f]) => [k, codes(doc(f))]));
            // The table stands for one interview: F1 rests on one informant.
            const unused = ['2 source/unused']; // I2, until the table names it
            expect(now()).toEqual({ a: ['1 finding/single-informant'], b: [], c: unused });

            // I1 (in c.prog) becomes a series of 18: neither a.prog nor b.prog changed, and a.prog does not reference c.prog.
            fs.writeFileSync(files.c, C_SERIES);
            await builder.update([URI.file(files.c)], []);
            expect(now()).toEqual({ a: [], b: [], c: unused });
            expect(now()).toEqual(await cold());

            // Back, then the table (b.prog) gains a second interview.
            fs.writeFileSync(files.c, C_BEFORE);
            await builder.update([URI.file(files.c)], []);
            expect(now()).toEqual({ a: ['1 finding/single-informant'], b: [], c: unused });
            fs.writeFileSync(files.b, B_TWO);
            await builder.update([URI.file(files.b)], []);
            expect(now()).toEqual({ a: [], b: [], c: [] });
            expect(now()).toEqual(await cold());

            // The CSV turns ragged on disk: the language server's file watching drops the cached
            // table and tells the builder, which revalidates the tables reading a file of that name.
            fs.writeFileSync(csv, 'Svar;n\nJa;10\nNei\n');
            workspace.services.workspace.TableData.invalidate(csv);
            builder.noteExternalChange(['file:t.csv']);
            await builder.update([], []);
            expect(now()).toEqual({ a: [], b: ['1 table/unreadable'], c: [] });
            expect(now()).toEqual(await cold());
            fs.writeFileSync(csv, 'Svar;n\nJa;10\nNei;12\n');
            workspace.services.workspace.TableData.invalidate(csv);
            builder.noteExternalChange(['file:t.csv']);
            await builder.update([], []);
            expect(now()).toEqual({ a: [], b: [], c: [] });
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
