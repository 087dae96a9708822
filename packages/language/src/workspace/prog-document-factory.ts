import { DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type ParseResult, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { parseIncrementally, type IncrementalOrigin, type IncrementalParse } from '../parser/prog-incremental-parse.js';

/**
 * Documents parse again after an edit by re-parsing only the top-level element the edit
 * lies in when that is safe (prog-incremental-parse.ts), and the whole text otherwise. In
 * a file of 10,000 elements, parsing the whole text on every keystroke took a third of a
 * second and left as much garbage to collect.
 */
export class ProgDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse result a document had before `update`, while `update` runs. */
    private readonly former = new Map<string, { result: ParseResult<AstNode>; text: string }>();
    /** How documents were parsed again (tests and benchmarks read it). */
    readonly stats = { incremental: 0, whole: 0 };
    /** Where each tree made by re-parsing one element came from, until the linker takes it. */
    private readonly origins = new WeakMap<AstNode, IncrementalOrigin>();

    /**
     * How `root` was made from a former tree, when it was made by re-parsing one element —
     * told once: the entry holds the former tree (and its text), which must not be kept
     * alive by the next tree, and the next, after the document is linked.
     */
    takeIncrementalOrigin(root: AstNode): IncrementalOrigin | undefined {
        const origin = this.origins.get(root);
        this.origins.delete(root);
        return origin;
    }

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        const result: ParseResult<AstNode> = document.parseResult;
        const text = result.value?.$cstNode?.root.fullText;
        if (text !== undefined) this.former.set(key, { result, text });
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.former.delete(key);
        }
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const former = this.former.get(uri.toString());
        if (former) {
            const parser = this.serviceRegistry.getServices(uri).parser.LangiumParser;
            let parsed: IncrementalParse<T> | undefined;
            try {
                parsed = parseIncrementally<T>(parser, former.result, former.text, text);
            } catch (err) {
                // Never worse than a whole-text parse (the former tree is dropped either way).
                console.error(`Sporbar: parsing ${uri.path} again from the edited element failed; the whole text is parsed:`, err);
            }
            if (parsed) {
                this.stats.incremental++;
                this.origins.set(parsed.result.value, parsed.origin);
                return parsed.result;
            }
        }
        this.stats.whole++;
        return super.parseAsync(uri, text, cancellationToken);
    }
}
