import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyEdits, copyWorkspace, progFiles, REPO, TestClient } from './lsp-client.js';

/**
 * The last texts of the editor that follow `sporbar.language`, over the protocol on a copy
 * of test/fixtures/lsp/quickfix: the hovers on keywords and values (what a word means, the
 * labels around it, the link to the language reference), the element snippets
 * (placeholders and description; keywords and values stay English) and the title of the
 * element the create-element quick fix writes — in nb, nn and en.
 */
interface Expected {
    readonly confidence: readonly string[];
    readonly moderate: readonly string[];
    readonly finding: readonly string[];
    readonly link: string;
    readonly snippet: readonly string[];
    readonly description: string;
    readonly stub: string;
    /** Words that belong to the other languages and must not show. */
    readonly absent: readonly string[];
}

const EXPECTED: Record<'nb' | 'nn' | 'en', Expected> = {
    nb: {
        confidence: ['**`confidence`** · egenskap ved `finding`', 'Hvor stor tillit funnet fortjener (GRADE-CERQual): `high`, `moderate`, `low` eller `very-low`.'],
        moderate: ['**`moderate`** · tillit: det er sannsynlig at funnet gir et rimelig bilde av forholdet det beskriver (GRADE-CERQual)', 'Mulige verdier: `high`, `moderate`, `low`, `very-low`.'],
        finding: ['**`finding`** · element', 'En påstand med belegg: `finding ID "claim" { answers … evidence … confidence … }`.'],
        link: '[Språkreferanse](command:sporbar.showReference?',
        snippet: ['finding ${1:ID} "${2:Påstand}" {', 'answers ${3:Problemstilling}', 'evidence ${4:Kilde} at "${5:Sted i kilden}"', 'confidence ${6|moderate,', '${9:Tekst med henvisninger som @${4}.}'],
        description: 'Funn med belegg',
        stub: '\nsource Kilde9 document "Tittel"\n',
        absent: ['property of', 'Language reference', 'sannsynleg', 'Kjelde', 'Claim']
    },
    nn: {
        confidence: ['**`confidence`** · eigenskap ved `finding`', 'Kor stor tillit funnet fortener (GRADE-CERQual): `high`, `moderate`, `low` eller `very-low`.'],
        moderate: ['**`moderate`** · tillit: det er sannsynleg at funnet gir eit rimeleg bilete av forholdet det skildrar (GRADE-CERQual)', 'Moglege verdiar: `high`, `moderate`, `low`, `very-low`.'],
        finding: ['**`finding`** · element', 'Ein påstand med belegg: `finding ID "claim" { answers … evidence … confidence … }`.'],
        link: '[Språkreferanse](command:sporbar.showReference?',
        snippet: ['finding ${1:ID} "${2:Påstand}" {', 'answers ${3:Problemstilling}', 'evidence ${4:Kjelde} at "${5:Stad i kjelda}"', 'confidence ${6|moderate,', '${9:Tekst med tilvisingar som @${4}.}'],
        description: 'Funn med belegg',
        stub: '\nsource Kilde9 document "Tittel"\n',
        absent: ['property of', 'Language reference', 'sannsynlig', 'henvisninger', 'Claim']
    },
    en: {
        confidence: ['**`confidence`** · property of `finding`', 'How much confidence the finding deserves (GRADE-CERQual): `high`, `moderate`, `low` or `very-low`.'],
        moderate: ['**`moderate`** · confidence: it is likely that the finding is a reasonable representation (GRADE-CERQual)', 'One of `high`, `moderate`, `low`, `very-low`.'],
        finding: ['**`finding`** · element', 'A claim backed by evidence: `finding ID "claim" { answers … evidence … confidence … }`.'],
        link: '[Language reference](command:sporbar.showReference?',
        snippet: ['finding ${1:ID} "${2:Claim}" {', 'answers ${3:Question}', 'evidence ${4:Source} at "${5:Place in the source}"', 'confidence ${6|moderate,', '${9:Text with references such as @${4}.}'],
        description: 'Finding backed by evidence',
        stub: '\nsource Kilde9 document "Title"\n',
        absent: ['egenskap', 'Språkreferanse', 'Påstand', 'Tittel']
    }
};

describe.each(['nb', 'nn', 'en'] as const)('sporbar.language %s', language => {
    const expected = EXPECTED[language];
    let root: string;
    let client: TestClient;
    let uri: string;
    let scratch: string;

    beforeAll(async () => {
        root = copyWorkspace(path.join(REPO, 'test', 'fixtures', 'lsp', 'quickfix'), `sporbar-l10n-${language}-`);
        fs.writeFileSync(path.join(root, 'kladd.prog'), '');
        client = await TestClient.start(root, {
            snippetSupport: true,
            initializationOptions: { language, referenceCommand: 'sporbar.showReference' },
            settings: { sporbar: { language } }
        });
        await client.waitForWorkspace(progFiles(root));
        uri = await client.open('findings.prog');
        scratch = await client.open('kladd.prog');
    });

    afterAll(async () => {
        await client?.stop();
        if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    /** The hover one character into `needle` (or `offset` characters into it). */
    async function hoverAt(needle: string, offset = 1): Promise<string> {
        const lines = client.text(uri).split('\n');
        const line = lines.findIndex(l => l.includes(needle));
        expect(line).toBeGreaterThanOrEqual(0);
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line].indexOf(needle) + offset } });
        return (hover?.contents as MarkupContent | undefined)?.value ?? '';
    }

    function expectAll(text: string, parts: readonly string[]): void {
        for (const part of parts) expect(text).toContain(part);
        for (const word of expected.absent) expect(text).not.toContain(word);
    }

    it('a hover on a property keyword (`confidence`): what it means, in which element, and the reference link', async () => {
        const text = await hoverAt('confidence moderate');
        expectAll(text, [...expected.confidence, expected.link]);
        // The reference's topic stays the English one (the page's anchors).
        expect(decodeURIComponent(/command:sporbar\.showReference\?([^ )]+)/.exec(text)![1])).toBe('[{"element":"finding","property":"confidence"}]');
    });

    it('a hover on a value (`moderate`): its enumeration and meaning, and the other values', async () => {
        const text = await hoverAt('confidence moderate', 'confidence '.length + 2);
        expectAll(text, [...expected.moderate, expected.link]);
        expect(decodeURIComponent(/command:sporbar\.showReference\?([^ )]+)/.exec(text)![1])).toBe('[{"enumeration":"confidence"}]');
    });

    it('a hover on an element kind (`finding`)', async () => {
        const text = await hoverAt('finding F2');
        expectAll(text, [...expected.finding, expected.link]);
    });

    it('the `finding` snippet: placeholders and description in the language, keywords and values English', async () => {
        await client.change(scratch, 'fin');
        const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri: scratch }, position: { line: 0, character: 3 } });
        const items = Array.isArray(result) ? result : result.items;
        const finding = items.filter(i => i.label === 'finding');
        expect(finding.map(i => i.kind)).toEqual([15]);
        const body = (finding[0].textEdit as { newText: string } | undefined)?.newText ?? finding[0].insertText!;
        for (const part of expected.snippet) expect(body).toContain(part);
        expect(finding[0].detail).toBe(expected.description);
        // The preview shows the defaults in the same language.
        const preview = (finding[0].documentation as MarkupContent).value;
        expect(preview).toContain(expected.snippet[2].replace(/\$\{\d+:([^}]*)\}/g, '$1'));
    });

    it('the create-element quick fix titles the new element in the language', async () => {
        const original = client.text(uri);
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'ref/unresolved' && x.message.includes('Kilde9')));
        const unresolved = diagnostics.find((x: Diagnostic) => x.code === 'ref/unresolved' && x.message.includes('Kilde9'))!;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unresolved.range, context: { diagnostics: [unresolved] } });
        const create = actions.find(a => a.edit && a.title.includes("'Kilde9'") && !a.title.includes('sporbar.json'))!;
        expect(create).toBeDefined();
        const text = applyEdits(original, create.edit!.changes![uri]);
        expect(text.substring(original.length)).toBe(expected.stub);
    });
});
