import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor, type LangiumServices } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import { isNamedElement } from '../references/prog-names.js';

/**
 * Folding: element blocks, `"""` texts, report sections, `/* … *\/` comments and runs of
 * two or more `//` comment lines.
 */
export class ProgFoldingRangeProvider extends DefaultFoldingRangeProvider {
    constructor(services: LangiumServices) {
        super(services);
    }

    protected override shouldProcess(node: AstNode): boolean {
        return isNamedElement(node) || node.$type === 'TextBlock' || node.$type === 'Section';
    }

    protected override collectObjectFolding(_document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        const cst = node.$cstNode;
        if (!cst) return;
        const { start, end } = cst.range;
        if (end.line <= start.line) return;
        // A block folds up to the line before its closing brace; a text up to its last line.
        const text = cst.text;
        const endLine = text.endsWith('}') ? end.line - 1 : end.line;
        if (endLine > start.line) acceptor(FoldingRange.create(start.line, endLine));
    }

    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        const cst = node.$cstNode;
        if (!cst) return;
        let runStart = -1;
        let runEnd = -1;
        const flush = () => {
            if (runStart >= 0 && runEnd > runStart) acceptor(FoldingRange.create(runStart, runEnd, undefined, undefined, FoldingRangeKind.Comment));
            runStart = runEnd = -1;
        };
        for (const leaf of CstUtils.flattenCst(cst)) {
            const name = leaf.tokenType.name;
            if (name === 'ML_COMMENT') {
                flush();
                const { start, end } = leaf.range;
                if (end.line > start.line) acceptor(FoldingRange.create(start.line, end.line, undefined, undefined, FoldingRangeKind.Comment));
            } else if (name === 'SL_COMMENT') {
                const line = leaf.range.start.line;
                const ownLine = document.textDocument.getText({ start: { line, character: 0 }, end: leaf.range.start }).trim() === '';
                if (ownLine && runStart >= 0 && line === runEnd + 1) runEnd = line;
                else {
                    flush();
                    if (ownLine) runStart = runEnd = line;
                }
            } else if (!leaf.hidden) {
                flush();
            }
        }
        flush();
    }
}
