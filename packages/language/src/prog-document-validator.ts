import { DefaultDocumentValidator, DocumentValidator, interruptAndCheck, type AstNode, type AstReflection, type LangiumDocument, type ValidationAcceptor, type ValidationCheck, type ValidationOptions } from 'langium';
import { nodesOf } from './prog-ast-walk.js';
import type { Diagnostic } from 'vscode-languageserver';
import { CancellationToken, DiagnosticSeverity } from 'vscode-languageserver-protocol';
import type { ProgServices } from './prog-module.js';
import { Codes, type SeverityOverride } from './prog-codes.js';
import { expectedKindWords, kindWord } from './prog-names.js';
import type { ProgWorkspaceIndex } from './prog-workspace-index.js';
import type { ProgWorkspaceSettings } from './prog-settings.js';
import { ProgFileSystemProvider } from './prog-file-system.js';

const SEVERITY: Record<Exclude<SeverityOverride, 'off'>, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint
};

const PROPERTY_WORDS: Record<string, string> = {
    partOf: 'part-of', basedOn: 'based-on', node: 'for', from: 'on', to: 'to', funder: 'funding',
    target: 'relation', nodes: 'chain', custom: 'criterion', source: 'evidence'
};

/**
 * Gives every diagnostic its stable code (RULES.md): lexer and parser errors, unresolved
 * references (`ref/unresolved`, or `text/unresolved-ref` for `@X` in text) and the custom
 * checks; then applies the severities of `sporbar.json`.
 */
export class ProgDocumentValidator extends DefaultDocumentValidator {
    private readonly reflection: AstReflection;
    private readonly index: ProgWorkspaceIndex;
    private readonly settings: ProgWorkspaceSettings;
    private readonly fileSystem: unknown;

    constructor(services: ProgServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
        this.index = services.workspace.WorkspaceIndex;
        this.settings = services.workspace.Settings;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        this.index.startRecording();
        let diagnostics: Diagnostic[];
        try {
            diagnostics = await super.validateDocument(document, options, cancelToken);
        } finally {
            this.index.stopRecording(document.uri.toString());
        }
        this.addSourceTextProblem(document, diagnostics);
        const overrides = this.settings.config.rules;
        const result: Diagnostic[] = [];
        const text = document.textDocument;
        for (const diagnostic of diagnostics) {
            // A parse error at the end of the file sits after the previous token; when that token
            // ends with \r\n, Chevrotain's end column points past the line's end. Every range is
            // put inside the document.
            diagnostic.range = { start: text.positionAt(text.offsetAt(diagnostic.range.start)), end: text.positionAt(text.offsetAt(diagnostic.range.end)) };
            const code = diagnostic.code === undefined ? builtInCode(diagnostic) : String(diagnostic.code);
            diagnostic.code = code;
            diagnostic.data = { ...(diagnostic.data ?? {}), code };
            const override = overrides.get(code);
            if (override === 'off') continue;
            if (override) diagnostic.severity = SEVERITY[override];
            result.push(diagnostic);
        }
        return result;
    }

    /**
     * One plain pass over the tree (see prog-ast-walk.ts); a check returns a promise only when
     * it is asynchronous, and cancellation is looked at every 1,000 nodes.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        const nodes = nodesOf(rootNode);
        const checksByType = this.checksFor(options.categories);
        for (let i = 0; i < nodes.length; i++) {
            if (i % 1000 === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i];
            let checks = checksByType.get(node.$type);
            if (!checks) checksByType.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
            for (let c = 0; c < checks.length; c++) {
                const result = checks[c](node, acceptor, cancelToken);
                if (result) await result;
            }
        }
    }

    /** The checks of each node type, per set of categories: the checks are registered once, at start-up. */
    private readonly checksByCategories = new Map<string, Map<string, ValidationCheck[]>>();

    private checksFor(categories: ValidationOptions['categories']): Map<string, ValidationCheck[]> {
        const key = categories ? categories.join(',') : '*';
        let checks = this.checksByCategories.get(key);
        if (!checks) this.checksByCategories.set(key, checks = new Map());
        return checks;
    }

    /** Invalid UTF-8, a binary file or a read failure, found when the file was read. */
    private addSourceTextProblem(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        const fileSystem = this.fileSystem;
        const problem = fileSystem instanceof ProgFileSystemProvider ? fileSystem.problemOf(document.uri) : undefined;
        if (!problem) return;
        const start = document.textDocument.positionAt(problem.offset);
        const end = document.textDocument.positionAt(Math.min(problem.offset + 1, document.textDocument.getText().length));
        diagnostics.unshift({ severity: DiagnosticSeverity.Error, range: { start, end }, message: problem.message, code: problem.code, source: this.getSource() });
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        for (const reference of document.references) {
            const linkingError = reference.error;
            if (!linkingError) continue;
            const info = linkingError.info;
            const refText = reference.$refText;
            const range = reference.$refNode?.range;
            if (!range) continue;
            const inText = info.container.$type === 'TextRef';
            let message: string;
            let code: string;
            if (inText) {
                code = Codes.TextUnresolvedRef;
                message = `@${refText} names no element in the workspace`;
            } else {
                code = Codes.RefUnresolved;
                const expected = expectedKindWords(this.reflection.getReferenceType(info));
                // `from` is written `on` only in an assumption; tables, charts and measurements write `from`.
                const property = info.property === 'from' && info.container.$type !== 'AssumptionTarget' ? 'from' : PROPERTY_WORDS[info.property] ?? info.property;
                const existing = this.index.declarationsOf(refText);
                message = existing.length > 0
                    ? `'${refText}' is ${article(kindWord(existing[0]))}, but \`${property}\` expects ${article(expected)}`
                    : `No ${expected} named '${refText}'`;
            }
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range,
                message,
                code,
                source: this.getSource(),
                data: { code, refText, property: info.property, containerType: info.container.$type }
            });
        }
    }
}

function builtInCode(diagnostic: Diagnostic): string {
    const code = (diagnostic.data as { code?: string } | undefined)?.code;
    switch (code) {
        case DocumentValidator.LexingError:
        case DocumentValidator.LexingWarning:
        case DocumentValidator.LexingInfo:
        case DocumentValidator.LexingHint:
            return Codes.LexerError;
        case DocumentValidator.LinkingError:
            return Codes.RefUnresolved;
        default:
            return Codes.ParseError;
    }
}

export function article(word: string): string {
    return (/^[aeiou]/i.test(word) ? 'an ' : 'a ') + word;
}
