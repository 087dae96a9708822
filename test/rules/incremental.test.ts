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
