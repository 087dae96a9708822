import type { LangiumDocument } from 'langium';
import type { CodeLensProvider, LangiumServices } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import type { ProgServices } from '../prog-module.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { nameNode } from './prog-lsp-util.js';
import { LENS, type LensTexts } from '../l10n/editor-texts.js';
import { uiLanguage } from './prog-ui-language.js';

/**
 * Code lenses from the workspace index: "cited by N" on sources, "N findings" on questions
 * (findings that answer it), "basis: N findings" on recommendations.
 */
export class ProgCodeLensProvider implements CodeLensProvider {
    private readonly index: ProgWorkspaceIndex;
    private readonly services: ProgServices;

    constructor(services: LangiumServices) {
        this.services = services as ProgServices;
        this.index = this.services.workspace.WorkspaceIndex;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const lenses: CodeLens[] = [];
        const model = document.parseResult.value as ast.Model;
        const texts = LENS[uiLanguage(this.services)];
        for (const element of model.elements ?? []) {
            const title = this.lensTitle(element, texts);
            const range = nameNode(element)?.range;
            if (title === undefined || !range) continue;
            lenses.push({ range, command: { title, command: '' } });
        }
        return lenses;
    }

    private lensTitle(element: ast.TopElement, texts: LensTexts): string | undefined {
        switch (element.$type) {
            case 'Source': {
                const n = this.index.citationsOf(element).length;
                return texts.citedBy(n);
            }
            case 'Question': {
                const findings = new Set(this.index.citationsOf(element)
                    .filter(c => c.container.$type === 'Finding' && c.property === 'answers').map(c => c.container));
                return texts.findings(findings.size);
            }
            case 'Recommendation': {
                const basis = new Set((element as ast.Recommendation).basedOn.map(r => r.ref).filter(f => f !== undefined));
                return texts.basis(basis.size);
            }
            default:
                return undefined;
        }
    }
}
