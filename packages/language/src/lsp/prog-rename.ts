import { CstUtils, type AstNode, type Grammar, type LangiumDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ErrorCodes, ResponseError, TextEdit, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import { isNamedElement } from '../references/prog-names.js';
import type { ProgServices } from '../prog-module.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { idProblem, idRange } from './prog-lsp-util.js';

/**
 * Rename an element everywhere in the workspace: its declaration, every reference and every
 * `@ID` in text (the `@` stays: reference segments cover the ID only). A new name that is
 * not a valid ID, is a reserved word or is already taken is refused with a `ResponseError`.
 */
export class ProgRenameProvider extends DefaultRenameProvider {
    private readonly index: ProgWorkspaceIndex;
    private readonly grammar: Grammar;
    private readonly prog: ProgServices;

    constructor(services: LangiumServices) {
        super(services);
        this.prog = services as ProgServices;
        this.index = (services as ProgServices).workspace.WorkspaceIndex;
        this.grammar = services.Grammar;
    }

    override async rename(document: LangiumDocument, params: RenameParams, _cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        if (!target) return undefined;
        const newName = params.newName.normalize('NFC');
        const problem = idProblem(newName, this.grammar, name => this.index.declarationsOf(name), target, this.prog.workspace.Settings.root);
        if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
        const changes: Record<string, TextEdit[]> = {};
        for (const ref of this.references.findReferences(target, { includeDeclaration: true })) {
            const uri = ref.sourceUri.toString();
            (changes[uri] ??= []).push(TextEdit.replace(ref.segment.range, newName));
        }
        return { changes };
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams, _cancelToken?: CancellationToken): Range | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        if (!leaf) return undefined;
        const targets = this.references.findDeclarations(leaf);
        if (targets.length > 0 && isNamedElement(targets[0])) return idRange(leaf);
        return undefined;
    }

    private targetAt(document: LangiumDocument, position: RenameParams['position']): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        const target = leaf ? this.references.findDeclarations(leaf)[0] : undefined;
        return target && isNamedElement(target) ? target : undefined;
    }
}
