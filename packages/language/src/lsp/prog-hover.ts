import type { AstNode, MaybePromise } from 'langium';
import { AstNodeHoverProvider, type LangiumServices } from 'langium/lsp';
import type * as ast from '../generated/ast.js';
import { accessOf, evidenceSources, isInForce, triangulationOf } from '../prog-model.js';
import { isNamedElement, kindWord } from '../prog-names.js';
import type { ProgServices } from '../prog-module.js';
import type { ProgWorkspaceIndex } from '../prog-workspace-index.js';
import { fileName, lineOf, titleOf } from './prog-lsp-util.js';

/**
 * Hover on a declaration, a reference or an `@ID` in text: kind, title and the facts an
 * evaluator asks first. Counts come from the workspace index (`citationsOf`), built once
 * per change — never a reference search per hover.
 */
export class ProgHoverProvider extends AstNodeHoverProvider {
    private readonly index: ProgWorkspaceIndex;

    constructor(services: LangiumServices) {
        super(services);
        this.index = (services as ProgServices).workspace.WorkspaceIndex;
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (!isNamedElement(node)) return undefined;
        return hoverMarkdown(node, this.index);
    }
}

function code(text: string | number): string {
    return '`' + String(text).replace(/`/g, "'") + '`';
}

function list(nodes: readonly AstNode[], max = 8): string {
    const shown = nodes.slice(0, max).map(n => {
        const title = titleOf(n);
        return `${code((n as ast.Element).name)}${title ? ` ${title}` : ''}`;
    });
    const more = nodes.length > max ? `, … (${nodes.length - max} more)` : '';
    return shown.join('; ') + more;
}

function unique<T>(items: readonly (T | undefined)[]): T[] {
    return [...new Set(items.filter((i): i is T => i !== undefined))];
}

/** The hover text of one element, as Markdown. */
export function hoverMarkdown(node: ast.Element, index: ProgWorkspaceIndex): string {
    const kind = node.$type === 'Source' ? `source (${(node as ast.Source).kind})` : kindWord(node);
    const lines: string[] = [`**${kind}** ${code(node.name)}${titleOf(node) ? ` — ${titleOf(node)}` : ''}`];
    const facts: string[] = [];
    const citations = index.citationsOf(node);
    switch (node.$type) {
        case 'Source': {
            const source = node as ast.Source;
            facts.push(`kind: ${source.kind}`);
            facts.push(`date: ${source.date ?? '—'}`);
            facts.push(`access: ${accessOf(source)}${source.access ? '' : ' (default)'}`);
            const origin = index.originInfo(source);
            facts.push(`origin: ${origin.origin}${origin.written ? ' (written)' : ` — ${origin.reason}`}`);
            if (source.actor?.ref) facts.push(`actor: ${code(source.actor.ref.name)}`);
            facts.push(`cited by ${citations.length}`);
            break;
        }
        case 'Finding': {
            const finding = node as ast.Finding;
            facts.push(`confidence: ${finding.confidence ?? '—'}`);
            if (finding.status) facts.push(`status: ${finding.status}`);
            if (finding.date) facts.push(`date: ${finding.date}`);
            const sources = evidenceSources(finding);
            const byKind = new Map<string, number>();
            for (const source of sources) byKind.set(source.kind, (byKind.get(source.kind) ?? 0) + 1);
            const kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(', ');
            facts.push(`evidence: ${finding.evidence.length}${kinds ? ` (${kinds})` : ''}`);
            if (finding.evidence.length > 0) {
                const t = triangulationOf(finding, index);
                const what = `${t.kinds.length ? t.kinds.join(', ') : 'no kind'}; ${t.origins.length ? t.origins.join(', ') : 'no origin'}${t.literature ? '; literature not counted' : ''}`;
                facts.push(`triangulated: ${t.triangulated ? 'yes' : 'no'} (${what})`);
            }
            const questions = unique(finding.answers.map(a => a.ref));
            facts.push(`answers: ${questions.length ? list(questions) : '—'}`);
            facts.push(`cited by ${citations.length}`);
            break;
        }
        case 'Question': {
            const findings = unique(citations
                .filter(c => c.container.$type === 'Finding' && c.property === 'answers')
                .map(c => c.container as ast.Finding));
            const inForce = findings.filter(isInForce);
            facts.push(`answered by ${inForce.length} finding${inForce.length === 1 ? '' : 's'} in force${findings.length > inForce.length ? ` (${findings.length} in all)` : ''}`);
            if (findings.length) facts.push(`findings: ${list(findings)}`);
            break;
        }
        case 'Project': {
            const project = node as ast.Project;
            facts.push(`status: ${project.status ?? '—'}`);
            facts.push(`owner: ${project.owner?.ref ? `${code(project.owner.ref.name)} ${project.owner.ref.title}` : '—'}`);
            const portfolio = project.$container.$type === 'Portfolio' ? project.$container as ast.Portfolio : project.portfolio?.ref;
            facts.push(`portfolio: ${portfolio ? `${code(portfolio.name)} ${portfolio.title}` : '—'}`);
            break;
        }
        default:
            if (citations.length > 0) facts.push(`cited by ${citations.length}`);
    }
    if (facts.length) lines.push('', ...facts.map(f => `- ${f}`));
    lines.push('', `*${fileName(node)}:${lineOf(node) + 1}*`);
    return lines.join('\n');
}
