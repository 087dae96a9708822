import { CstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import type { ProgWorkspaceSettings } from '../workspace/prog-settings.js';
import { isTranscriptFile, originalPassage, parseTimestamp, type ProgTranscripts, type TranscriptIndex } from '../workspace/prog-transcripts.js';

/**
 * Quick fixes of the quote rules (RULES.md "Quick fixes"): for `evidence/quote-not-in-source`
 * the closest passage of the transcript when one is near — shown in the title with its line,
 * never applied silently, none offered when nothing is near; for
 * `evidence/quote-not-at-locator` the time stamp the quote lies under. Both read the
 * transcript through `ProgTranscripts` (inside the workspace only, indexed once per change).
 */
export class QuoteFixes {
    constructor(private readonly settings: ProgWorkspaceSettings, private readonly transcripts: ProgTranscripts) {}

    /** `evidence/quote-not-in-source`: replace the quote with the nearest passage. */
    closestPassage(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const found = this.evidenceAt(document, diagnostic);
        if (!found) return [];
        const { evidence, index, file } = found;
        const quoteNode = GrammarUtils.findNodeForProperty(evidence.$cstNode, 'quote');
        if (!quoteNode || evidence.quote === undefined) return [];
        const seconds = evidence.at === undefined ? undefined : parseTimestamp(evidence.at);
        const within = seconds !== undefined && index.stamps.length > 0 ? index.segment(seconds) : undefined;
        const passage = index.closestPassage(evidence.quote, within);
        if (!passage) return [];
        const raw = this.transcripts.readRaw(file);
        // The file changed since it was indexed: offer nothing rather than a passage from the wrong text.
        const current = raw === undefined ? undefined : this.transcripts.loadFile(file);
        if (raw === undefined || !current?.ok || current.index !== index) return [];
        const words = originalPassage(raw, index, passage.start, passage.end);
        if (words === '' || words === evidence.quote) return [];
        return [{
            title: `Replace with «${shorten(words)}» (line ${passage.line})`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [document.textDocument.uri]: [{ range: quoteNode.range, newText: stringLiteral(words) }] } }
        }];
    }

    /** `evidence/quote-not-at-locator`: set the locator to the stamp the quote lies under. */
    locatorOfQuote(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const found = this.evidenceAt(document, diagnostic);
        const quote = found?.evidence.quote;
        if (!found || quote === undefined) return [];
        const { evidence, index } = found;
        const lookup = index.lookup(quote, evidence.at);
        const atNode = GrammarUtils.findNodeForProperty(evidence.$cstNode, 'at');
        if (lookup.found !== 'elsewhere' || !lookup.under || lookup.under === lookup.from || !atNode) return [];
        return [{
            title: `Set the locator to "${lookup.under.text}" (line ${lookup.line})`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [document.textDocument.uri]: [{ range: atNode.range, newText: `"${lookup.under.text}"` }] } }
        }];
    }

    /** The evidence item whose quote the diagnostic sits on, with its source's transcript. */
    private evidenceAt(document: LangiumDocument, diagnostic: Diagnostic): { evidence: ast.Evidence; index: TranscriptIndex; file: string } | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start)) : undefined;
        const evidence = leaf?.astNode;
        if (!evidence || evidence.$type !== 'Evidence') return undefined;
        const source = (evidence as ast.Evidence).source?.ref;
        const workspace = this.settings.root;
        if (!source || source.$type !== 'Source' || !source.file || !workspace || !isTranscriptFile(source.file)) return undefined;
        const transcript = this.transcripts.load(workspace, source.file);
        if (!transcript.ok) return undefined;
        return { evidence: evidence as ast.Evidence, index: transcript.index, file: transcript.path };
    }
}

/** A `.prog` string: `"` and `\` escaped. */
function stringLiteral(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** At most 80 characters: the beginning and the end of a longer passage, `…` between. */
function shorten(text: string): string {
    const chars = [...text];
    return chars.length <= 80 ? text : `${chars.slice(0, 55).join('')} … ${chars.slice(-20).join('')}`;
}
