// The extension's pure parts behind the views and commands: where a new workspace may go,
// and the language reference's anchors for every topic a hover can link to.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgCoreServices } from '../../language/src/prog-module.js';
import { keywordMarkdown } from '../../language/src/lsp/prog-hover.js';
import { findModelConflict } from '../src/commands/new-workspace-check.js';
import { renderReference, topicKeys } from '../src/views/reference-render.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const roots: string[] = [];
afterAll(() => { for (const root of roots) fs.rmSync(root, { recursive: true, force: true }); });

function tree(files: Record<string, string>): string {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-newws-')));
    roots.push(root);
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        if (!file.endsWith('/')) fs.writeFileSync(path.join(root, file), text);
    }
    return root;
}

describe('New workspace: only where no .prog files are above or below', () => {
    it('accepts an empty folder, and one with other files', () => {
        const root = tree({ 'ny/': '', 'notater/les-meg.md': '# Notater\n' });
        expect(findModelConflict(path.join(root, 'ny'))).toBeUndefined();
        expect(findModelConflict(path.join(root, 'notater'))).toBeUndefined();
    });

    it('refuses a folder holding .prog files, also deep below, and names one', () => {
        const root = tree({ 'modell/a/b/logic.prog': 'need N "N"\n' });
        expect(findModelConflict(path.join(root, 'modell'))).toEqual({ kind: 'below', file: path.join(root, 'modell/a/b/logic.prog') });
    });

    it('ignores .prog files where the model never looks (out/, node_modules, dot-folders)', () => {
        const root = tree({ 'ny/out/gammel.prog': '', 'ny/node_modules/x/y.prog': '', 'ny/.git/z.prog': '' });
        expect(findModelConflict(path.join(root, 'ny'))).toBeUndefined();
    });

    it('refuses a folder inside a model (a folder above holds .prog files)', () => {
        const root = tree({ 'modell/programme.prog': 'programme P "P"\n', 'modell/kapitler/ny/': '' });
        expect(findModelConflict(path.join(root, 'modell/kapitler/ny'))).toEqual({ kind: 'above', folder: path.join(root, 'modell'), file: path.join(root, 'modell/programme.prog') });
    });

    it('refuses a folder in an open workspace folder that holds a model elsewhere (it would be read with it)', () => {
        const root = tree({ 'ws/modell-a/programme.prog': 'programme P "P"\n', 'ws/modell-b/': '' });
        const ws = path.join(root, 'ws');
        expect(findModelConflict(path.join(ws, 'modell-b'), [ws])).toEqual({ kind: 'workspace', folder: ws, file: path.join(ws, 'modell-a/programme.prog') });
        // The same folder opened on its own is fine.
        expect(findModelConflict(path.join(ws, 'modell-b'), [path.join(ws, 'modell-b')])).toBeUndefined();
    });
});

describe('Language reference', () => {
    const html = renderReference(fs.readFileSync(path.join(repo, 'docs/spec/LANGUAGE.md'), 'utf8'));
    const anchors = new Set([...html.matchAll(/data-topics="([^"]+)"/g)].flatMap(m => m[1].split(' ')));

    it('marks element sections, property rows and enumeration rows', () => {
        for (const key of ['element-finding', 'element-need', 'element-question', 'element-lesson', 'property-finding-confidence',
            'property-logic-node-horizon', 'property-programme-goal', 'enum-confidence', 'enum-source-kind']) {
            expect(anchors, key).toContain(key);
        }
    });

    it('has an anchor for every topic a hover on a keyword or value links to', () => {
        const grammar = createProgCoreServices(EmptyFileSystem).Prog.Grammar;
        const missing: string[] = [];
        let topics = 0;
        for (const node of AstUtils.streamAllContents(grammar)) {
            if (!GrammarAST.isKeyword(node)) continue;
            const hover = keywordMarkdown(node);
            if (!hover) continue;
            topics++;
            const keys = topicKeys(hover.topic);
            if (!keys.some(key => anchors.has(key))) missing.push(`${node.value}: ${keys.join(' / ')}`);
        }
        expect(topics).toBeGreaterThan(100);
        expect(missing).toEqual([]);
    });

    it('links a property whose value is an enumeration to that enumeration\'s row', () => {
        const row = /<tr data-topics="property-finding-confidence">([\s\S]*?)<\/tr>/.exec(html)![1];
        expect(row).toContain('<a href="#enum-confidence" data-goto="enum-confidence">confidence</a>');
    });

    it('renders no raw HTML from the Markdown', () => {
        expect(renderReference('a <script>alert(1)</script> b')).not.toContain('<script>');
    });
});
