import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens } from 'vscode-languageserver-protocol';
import { createProgServices, findProgFiles, hoverMarkdown, isNamedElement, uiLanguage, type Model } from '@sporbar/language';
import { AstUtils, CstUtils, GrammarAST } from 'langium';
import { listFixtures } from '../rules/fixtures.js';
import { keywordMarkdown } from '../../packages/language/src/lsp/prog-hover.js';
import { elementSnippets } from '../../packages/language/src/lsp/prog-snippets.js';

/**
 * The editor's own texts in nb and nn, over every rule fixture and examples/pri: every
 * quick-fix title the server offers, every code lens and every hover label is translated.
 * A quick fix added later with an English title that l10n/editor-texts.ts does not know
 * fails here.
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STOP_WORDS = [' the ', ' and ', ' with ', ' to ', 'Create ', 'Add ', 'Remove ', 'Rename ', 'Disable ', 'Replace ', 'cited by', 'finding', 'basis'];

function leftovers(text: string): string[] {
    const prose = ` ${text.replace(/\b[a-z]+(?:-[a-z]+)*\/[a-z]+(?:-[a-z]+)*\b/g, 'CODE').replace(/`[^`]*`/g, '``').replace(/"[^"]*"/g, '""').replace(/'[^']*'/g, "''").replace(/«[^»]*»/g, '«»')} `;
    return STOP_WORDS.filter(word => prose.includes(word));
}

/** English that must not survive in a keyword's hover or a snippet's description (code and quotes are not checked; not ` to `: Norwegian for two). */
const DOC_STOP_WORDS = [' the ', ' and ', ' with ', ' for the ', ' of ', ' a ', ' an ', ' is ', ' or ', ' by ', ' which ', ' its ', ' from ', ' one ', ' in ',
    'property of', 'value of', 'logic level', 'One of', 'Language reference', 'Logic node', 'default'];

function docLeftovers(text: string): string[] {
    const prose = ` ${text.replace(/`[^`]*`/g, '``').replace(/"[^"]*"/g, '""').replace(/\([^)]*GRADE-CERQual\)|OECD DAC 2019/g, '')} `;
    return DOC_STOP_WORDS.filter(word => prose.includes(word));
}

async function load(root: string) {
    const { shared, Prog } = createProgServices(EmptyFileSystem);
    Prog.workspace.Settings.setRoot(root);
    const documents: LangiumDocument<Model>[] = [];
    for (const file of findProgFiles(root)) {
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(fs.readFileSync(file, 'utf8'), URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { Prog, documents };
}

const workspaces = [...listFixtures().map(f => ({ name: `${f.group}/${f.name}`, dir: f.dir })), { name: 'examples/pri', dir: path.join(repo, 'examples/pri') }];

describe('quick-fix titles, code lenses, hover labels and hovers on keywords in nb and nn', () => {
    let titles = 0;
    let keywordHovers = 0;
    it.each(workspaces)('$name', async ({ dir }) => {
        const { Prog, documents } = await load(dir);
        for (const language of ['nb', 'nn'] as const) {
            Prog.workspace.Settings.editorLanguage = language;
            for (const document of documents) {
                for (const diagnostic of document.diagnostics ?? []) {
                    const actions = await Prog.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
                    for (const action of actions ?? []) {
                        titles++;
                        expect(leftovers(action.title), `${language} ${diagnostic.code}: ${action.title}`).toEqual([]);
                    }
                }
                const lenses = await Prog.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) as CodeLens[];
                for (const lens of lenses ?? []) expect(leftovers(lens.command!.title), `${language} lens ${lens.command!.title}`).toEqual([]);
                // What each keyword and value of the file means (its hover).
                for (const leaf of CstUtils.streamCst(document.parseResult.value.$cstNode!)) {
                    if (!GrammarAST.isKeyword(leaf.grammarSource)) continue;
                    const hover = keywordMarkdown(leaf.grammarSource, language);
                    if (!hover) continue;
                    keywordHovers++;
                    expect(docLeftovers(hover.markdown), `${language} hover of the keyword ${leaf.text}: ${hover.markdown}`).toEqual([]);
                }
                for (const node of AstUtils.streamAst(document.parseResult.value)) {
                    if (!isNamedElement(node) || !node.name) continue;
                    // The labels of the facts (`- kind: …`): user titles and quotes are not checked.
                    const labels = hoverMarkdown(node, Prog.workspace.WorkspaceIndex, dir, undefined, language).split('\n')
                        .filter(line => line.startsWith('- ') || line.startsWith('**')).map(line => line.replace(/ — .*$/, '').replace(/`[^`]*`.*$/, ''));
                    for (const label of labels) {
                        expect(label, `${language} hover of ${node.name}`).not.toMatch(/\b(kind|date|access|origin|cited by|confidence|evidence|triangulated|answers|answered by|baseline|latest|target|status today|history|rating|replaces|owner|portfolio|source|finding|question|outcome|interview|default|written)\b/);
                    }
                }
            }
        }
    });
    it('offered quick fixes and keyword hovers at all', () => {
        expect(titles).toBeGreaterThan(100);
        expect(keywordHovers).toBeGreaterThan(1000);
    });
    it.each(['nb', 'nn'] as const)('the snippets\' descriptions in %s', language => {
        for (const snippet of elementSnippets(language)) expect(docLeftovers(snippet.description), `${language} ${snippet.label}: ${snippet.description}`).toEqual([]);
        // …and the check finds English where there is some.
        expect(elementSnippets('en').filter(s => docLeftovers(s.description).length > 0).length).toBeGreaterThan(10);
    });
    it('the check finds the English keyword hovers', () => {
        expect(docLeftovers('**`confidence`** · property of `finding`\n\nHow much confidence the finding deserves (GRADE-CERQual): `high`')).not.toEqual([]);
    });
});

describe("the language of 'auto'", () => {
    const nnDir = path.join(repo, 'test/fixtures/report-nn');

    it("is the reports' language when sporbar.json names none, and follows an edit of it", async () => {
        const { Prog, documents } = await load(nnDir);
        expect(Prog.workspace.Settings.editorLanguage).toBe('auto');
        expect(uiLanguage(Prog)).toBe('nn');
        // Every report rewritten to English, as an editor sends it: the next build's trees are read, not a stale answer.
        const shared = Prog.shared;
        const changed: URI[] = [];
        for (const document of documents) {
            const text = document.textDocument.getText();
            if (!/language\s+nn/.test(text)) continue;
            shared.workspace.TextDocuments!.set(TextDocument.create(document.uri.toString(), 'prog', 2, text.replace(/language\s+nn/g, 'language en')));
            changed.push(document.uri);
        }
        expect(changed.length).toBeGreaterThan(0);
        await shared.workspace.DocumentBuilder.update(changed, []);
        expect(uiLanguage(Prog)).toBe('en');
    });

    it('is bokmål in a workspace without reports', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-auto-'));
        fs.writeFileSync(path.join(dir, 'model.prog'), 'programme P "Programmet"\n');
        const { Prog } = await load(dir);
        expect(uiLanguage(Prog)).toBe('nb');
    });

    it('is the editor setting when it names one', async () => {
        const { Prog } = await load(nnDir);
        Prog.workspace.Settings.editorLanguage = 'en';
        expect(uiLanguage(Prog)).toBe('en');
    });
});
