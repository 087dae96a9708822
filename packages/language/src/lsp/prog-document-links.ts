import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, GrammarUtils, URI, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentLinkProvider, LangiumServices } from 'langium/lsp';
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import type { ProgServices } from '../prog-module.js';
import type { ProgWorkspaceSettings } from '../workspace/prog-settings.js';
import { isInside } from '../workspace/prog-workspace.js';
import { fieldsOf } from '../model/prog-ast-walk.js';

const FILE_PROPERTIES: Readonly<Record<string, string>> = { Source: 'file', Programme: 'bibliography' };
const URL_PROPERTIES: Readonly<Record<string, string>> = { Source: 'url', Initiative: 'url' };

/**
 * Links: `file` (and the programme's `bibliography`) open the file when it exists and
 * resolves inside the workspace — a path that leaves it is never probed; `url` opens
 * http(s) addresses.
 */
export class ProgDocumentLinkProvider implements DocumentLinkProvider {
    private readonly settings: ProgWorkspaceSettings;

    constructor(services: LangiumServices) {
        this.settings = (services as ProgServices).workspace.Settings;
    }

    getDocumentLinks(document: LangiumDocument, _params: DocumentLinkParams): DocumentLink[] {
        const links: DocumentLink[] = [];
        const root = this.settings.root;
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            const fileProperty = FILE_PROPERTIES[node.$type];
            const file = fileProperty ? fieldsOf(node)[fileProperty] : undefined;
            if (typeof file === 'string' && root) {
                const target = resolveInside(root, file);
                if (target) this.push(links, document, node, fileProperty, URI.file(target).toString(), file);
            }
            const urlProperty = URL_PROPERTIES[node.$type];
            const url = urlProperty ? fieldsOf(node)[urlProperty] : undefined;
            if (typeof url === 'string' && /^https?:\/\/\S+$/i.test(url)) this.push(links, document, node, urlProperty, url, url);
        }
        return links;
    }

    private push(links: DocumentLink[], document: LangiumDocument, node: AstNode, property: string, target: string, tooltip: string): void {
        const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
        if (!cst) return;
        const inner = cst.text.startsWith('"') && cst.text.endsWith('"') && cst.length >= 2;
        const start = document.textDocument.positionAt(cst.offset + (inner ? 1 : 0));
        const end = document.textDocument.positionAt(cst.end - (inner ? 1 : 0));
        links.push({ range: { start, end }, target, tooltip });
    }
}

/** The real path of a workspace-relative file, when it exists and stays inside the workspace. */
export function resolveInside(root: string, file: string): string | undefined {
    if (path.isAbsolute(file)) return undefined;
    const candidate = path.resolve(root, file);
    if (!isInside(root, candidate)) return undefined;
    try {
        const realRoot = fs.realpathSync(root);
        const real = fs.realpathSync(candidate);
        if (!isInside(realRoot, real) || !fs.statSync(real).isFile()) return undefined;
        return candidate;
    } catch {
        return undefined;
    }
}
