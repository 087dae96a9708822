import type { LangiumDocument } from 'langium';
import type { CodeLensProvider, LangiumServices } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import type { ProgServices } from '../prog-module.js';
import type { ProgWorkspaceIndex } from '../prog-workspace-index.js';
import { nameNode } from './prog-lsp-util.js';

/**
 * Code lenses from the workspace index: "cited by N" on sources, "N findings" on questions
 * (findings that answer it), "basis: N findings" on recommendations.
 */
export class ProgCodeLensProvider implements CodeLensProvider {
    private readonly index: ProgWorkspaceIndex;

    constructor(services: LangiumServices) {
        this.index = (services as ProgServices).workspace.WorkspaceIndex;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const lenses: CodeLens[] = [];
        const model = document.parseResult.value as ast.Model;
        for (const element of model.elements ?? []) {
            const title = this.lensTitle(element);
            const range = nameNode(element)?.range;
            if (title === undefined || !range) continue;
            lenses.push({ range, command: { title, command: '' } });
        }
        return lenses;
    }

    private lensTitle(element: ast.TopElement): string | undefined {
        switch (element.$type) {
            case 'Source': {
                const n = this.index.citationsOf(element).length;
                return `cited by ${n}`;
            }
            case 'Question': {
                const findings = new Set(this.index.citationsOf(element)
                    .filter(c => c.container.$type === 'Finding' && c.property === 'answers').map(c => c.container));
                return `${findings.size} finding${findings.size === 1 ? '' : 's'}`;
            }
            case 'Recommendation': {
                const basis = new Set((element as ast.Recommendation).basedOn.map(r => r.ref).filter(f => f !== undefined));
                return `basis: ${basis.size} finding${basis.size === 1 ? '' : 's'}`;
            }
            default:
                return undefined;
        }
    }
}
