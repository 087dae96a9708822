import { AstUtils, GrammarUtils, type AstNode, type CstNode, type ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import { Codes } from '../prog-codes.js';
import { accessOf } from '../model/prog-model.js';
import { normalizeName, type ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { diagnose } from './prog-diagnose.js';
import { relatedTo } from './prog-locations.js';

/** No one can be re-identified: names only with consent, small groups, names in quotes and texts. */
export class PrivacyChecks {
    constructor(private readonly index: ProgWorkspaceIndex) {}

    /** `privacy/name-without-consent`: a person's name only with `consent named`. */
    nameShouldHaveConsent(source: ast.Source, accept: ValidationAcceptor): void {
        if (source.personName === undefined || source.consent === 'named') return;
        diagnose(accept, Codes.PrivacyNameWithoutConsent,
            `The source ${source.name} names a person without recorded consent; add \`consent named\` if the person agreed to be named, or remove \`name\` and describe the informant by role`,
            { node: source, property: 'personName' });
    }

    /**
     * `privacy/small-group`: a confidential or internal informant is not hidden in a group of
     * fewer than five (V2 §6: internal sources reach the client's staff, who know the group).
     */
    smallGroupShouldNotIdentify(source: ast.Source, accept: ValidationAcceptor): void {
        const actor = source.actor?.ref;
        const access = accessOf(source);
        if (!actor || access === 'public' || actor.members === undefined || actor.members >= 5) return;
        diagnose(accept, Codes.PrivacySmallGroup,
            `The ${access} source ${source.name} belongs to ${actor.name}, which has ${actor.members} member${actor.members === 1 ? '' : 's'}: role and actor may identify the person. Name a larger actor (e.g. the one it is part of), make the source \`access public\` if it may be, or record that the informant accepts the risk`,
            { node: source, property: 'actor', relatedInformation: [relatedTo(actor, `${actor.name} has ${actor.members} members`, 'members')] });
    }

    /**
     * `privacy/no-ethics-statement`: a workspace with personal data from informants (a
     * non-public interview or focus group) states on its programme how that data is handled.
     */
    programmeShouldStateEthics(programme: ast.Programme, accept: ValidationAcceptor): void {
        if (!programme.name || programme.ethics !== undefined) return;
        const informants = this.index.informantSources();
        if (informants.length === 0) return;
        const first = informants[0];
        const others = informants.length - 1;
        diagnose(accept, Codes.PrivacyNoEthicsStatement,
            `The workspace holds personal data from informants (${first.kind} ${first.name}${others > 0 ? ` and ${others} more` : ''}, access ${accessOf(first)}) but the programme ${programme.name} has no ethics statement; add \`ethics """…"""\` saying how the processing was notified (Sikt), how consent was given and how the data is stored, and \`data-deletion DATE\``,
            { node: programme, property: 'name', relatedInformation: informants.slice(0, 3).map(s => relatedTo(s, `${s.kind} ${s.name} (access ${accessOf(s)})`)) });
    }

    /** `privacy/quote-names-person` in a `"""` text: on the name itself. */
    textShouldNotNamePerson(block: ast.TextBlock, accept: ValidationAcceptor): void {
        this.scan(block, () => block.$cstNode, accept, 'text');
    }

    /** `privacy/quote-names-person` in an evidence quote. */
    quoteShouldNotNamePerson(evidence: ast.Evidence, accept: ValidationAcceptor): void {
        if (evidence.quote === undefined) return;
        this.scan(evidence, () => GrammarUtils.findNodeForProperty(evidence.$cstNode, 'quote'), accept, 'quote', evidence.quote);
    }

    /** `privacy/quote-names-person` in the title of an element or a report section. */
    titleShouldNotNamePerson(node: ast.Element | ast.Section, accept: ValidationAcceptor): void {
        if (!('title' in node) || node.title === undefined) return;
        this.scan(node, () => GrammarUtils.findNodeForProperty(node.$cstNode, 'title'), accept, 'title', node.title);
    }

    /**
     * `cstOf` is called only when the workspace has protected names at all, and, when the
     * scanned text is a string, its `value` holds one. The positions come from the string
     * as written, but a name without `"` or `\` is in the one exactly when it is in the
     * other: strings escape only those two, and neither is a letter or digit, so the whole-
     * name boundaries agree. Finding a property's CST node builds the full tree of a
     * lean document (prog-lean-cst.ts), which the value test spares the clean case.
     */
    private scan(node: AstNode, cstOf: () => CstNode | undefined, accept: ValidationAcceptor, where: string, value?: string): void {
        const { pattern, sources } = this.index.protectedNames();
        if (!pattern) return;
        if (value !== undefined) {
            pattern.lastIndex = 0;
            const named = pattern.test(value);
            pattern.lastIndex = 0;
            if (!named) return;
        }
        const cst = cstOf();
        if (!cst) return;
        const document = AstUtils.getDocument(node).textDocument;
        const text = cst.text;
        pattern.lastIndex = 0;
        for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
            const named = sources.get(normalizeName(match[0])) ?? [];
            if (named.length === 0) continue;
            const start = document.positionAt(cst.offset + match.index);
            const end = document.positionAt(cst.offset + match.index + match[0].length);
            const first = named[0];
            diagnose(accept, Codes.PrivacyQuoteNamesPerson,
                `This ${where} contains the name of the informant behind ${named.map(s => s.name).join(', ')}, whose access is ${accessOf(first)}; replace the name with a role or the source's ID`,
                { node, range: { start, end }, relatedInformation: named.map(s => relatedTo(s, `${s.name} (${accessOf(s)}) names this person`, 'personName')) });
        }
    }
}
