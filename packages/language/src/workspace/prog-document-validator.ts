import { DefaultDocumentValidator, DocumentValidator, interruptAndCheck, type AstNode, type AstReflection, type LangiumDocument, type ParseResult, type ValidationAcceptor, type ValidationCheck, type ValidationOptions } from 'langium';
import type { IToken } from 'chevrotain';
import { nodesOf, topElementOf } from '../model/prog-ast-walk.js';
import { today } from '../model/prog-dates.js';
import type { ElementChange, ProgLinker } from '../references/prog-linker.js';
import type { ProgDocumentBuilder } from './prog-document-builder.js';
import { contributedKeys, DependencyKeys, elementDependsOn, ElementKeys } from './prog-dependencies.js';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { CancellationToken, DiagnosticSeverity } from 'vscode-languageserver-protocol';
import type { ProgCoreServices } from '../prog-module.js';
import { Codes, type SeverityOverride } from '../prog-codes.js';
import { expectedKindWords, kindWord } from '../references/prog-names.js';
import type { ProgWorkspaceIndex } from './prog-workspace-index.js';
import type { ProgWorkspaceSettings } from './prog-settings.js';
import { ProgFileSystemProvider } from './prog-file-system.js';
import { parserErrorRange, syntaxDamage, type SyntaxError } from '../parser/prog-syntax-damage.js';
import type { ProgParserErrorMessageProvider } from '../parser/prog-parser-messages.js';
import { grammarWords, type GrammarWords } from '../parser/prog-grammar-words.js';
import type { IdSuggestion } from '../references/prog-id-suggestions.js';
import { closestWord } from '../references/prog-suggest.js';
import { ID_REGEX } from '../parser/prog-token-builder.js';

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
    /** The linker, which tells how a tree came from the one validated before (asked lazily, like the index does). */
    private readonly linker: () => ProgLinker;
    /** The document builder, which knows what else changed in the running update. */
    private readonly builder: () => Partial<ProgDocumentBuilder>;

    private readonly words: GrammarWords;
    /** What the parser's errors suggest (replacements, places), per token. */
    private readonly parserMessages: ProgParserErrorMessageProvider;

    constructor(services: ProgCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
        this.index = services.workspace.WorkspaceIndex;
        this.settings = services.workspace.Settings;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.linker = () => services.references.Linker as ProgLinker;
        this.builder = () => services.shared.workspace.DocumentBuilder as Partial<ProgDocumentBuilder>;
        this.words = grammarWords(services.Grammar);
        this.parserMessages = services.parser.ParserErrorMessageProvider as ProgParserErrorMessageProvider;
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
     *
     * - No check runs on an element a syntax error broke (prog-syntax-damage.ts).
     * - Where unreadable input mentions an element, the rules that report it for being cited
     *   by nothing are silent, and so are they where a misspelled reference most likely means
     *   it (the reference is reported itself). Such a silenced diagnostic depends on every
     *   document (what a misspelling means can change with any declaration).
     * - After an edit inside one top-level element (the document re-parsed and linked element
     *   by element), every other element whose checks read nothing the edit changed gets its
     *   former diagnostics again instead of running its checks (`ReusePlan`). In a file of
     *   10,000 elements, the checks of all of them took a third of each keystroke.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        const document = (rootNode as { $document?: LangiumDocument }).$document;
        const damage = document ? syntaxDamage(document) : undefined;
        const unread = this.index.unreadNames();
        const accept: ValidationAcceptor = unread.mentioned.size === 0 && unread.meant.size === 0 ? acceptor : (severity, message, info) => {
            const name = (info.node as { name?: unknown }).name;
            if (typeof info.code === 'string' && UNCITED_CODES.has(info.code) && typeof name === 'string') {
                if (unread.mentioned.has(name)) return;
                if (unread.meant.has(name)) {
                    this.index.depend('*');
                    return;
                }
            }
            acceptor(severity, message, info);
        };
        const context = this.contextOf(options);
        const plan = document ? this.reusePlan(document, rootNode, context) : undefined;
        const kept = document && this.index.recordsDependencies ? new Map<AstNode, ElementResult>() : undefined;
        const nodes = nodesOf(rootNode);
        const checksByType = this.checksFor(options.categories);
        let record = accept;
        try {
            for (let i = 0; i < nodes.length; i++) {
                if (i % 1000 === 0) await interruptAndCheck(cancelToken);
                const node = nodes[i];
                if (node.$container === rootNode) {
                    // A top-level element starts: its nodes follow it, up to the next one.
                    const former = plan?.resultFor(node);
                    if (former || damage?.broken.has(node)) {
                        this.index.recordElement(undefined);
                        if (former) {
                            for (const [severity, message, info] of former.accepted) accept(severity, message, info);
                            this.index.replayElement(former.keys);
                            kept?.set(node, former);
                            this.stats.reusedElements++;
                        }
                        while (i + 1 < nodes.length && nodes[i + 1].$container !== rootNode) i++;
                        continue;
                    }
                    if (kept) {
                        const result: ElementResult = { keys: new ElementKeys(), accepted: [], related: false };
                        kept.set(node, result);
                        this.index.recordElement(result.keys);
                        record = (severity, message, info) => {
                            result.accepted.push([severity, message, info]);
                            if (info.relatedInformation !== undefined) result.related = true;
                            accept(severity, message, info);
                        };
                    }
                }
                let checks = checksByType.get(node.$type);
                if (!checks) checksByType.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
                for (let c = 0; c < checks.length; c++) {
                    const result = checks[c](node, record, cancelToken);
                    if (result) await result;
                }
            }
        } finally {
            this.index.recordElement(undefined);
        }
        if (document && kept) {
            this.results.set(document, { root: rootNode, context, lines: document.textDocument.lineCount, elements: kept });
            this.linker().forgetElementChange(rootNode);
        }
    }

    /** How often an element's diagnostics were used again (tests and benchmarks read it). */
    readonly stats = { reusedElements: 0 };

    /** Each document's diagnostics per top-level element, from its last validation (editor builds only). */
    private readonly results = new WeakMap<LangiumDocument, DocumentResults>();

    /** What else the checks' results depend on: the categories, the day (`today`), the configuration and the editor's language. */
    private contextOf(options: ValidationOptions): ValidationContext {
        return { categories: options.categories ? options.categories.join(',') : '*', day: today(), config: this.settings.config, language: this.settings.editorLanguage };
    }

    /**
     * Which former element results a validation of `root` may use again: only when the
     * linker made `root` from the tree validated last by edits inside one element each (one
     * edit, or several when the validations between were cancelled: `ProgLinker
     * .elementChangeOf`), in the same context. Not the re-parsed element or
     * the elements linked again; not an element whose checks read a key the old or the new
     * element contributes (prog-dependencies.ts), or a key of what else changed in the
     * update (a transcript or CSV file on disk, a document created or deleted); not one whose
     * diagnostics point at other places (their lines may have moved); and when an edit
     * added or removed lines, none from the first edited element on (a diagnostic may hold
     * ranges in its data).
     */
    private reusePlan(document: LangiumDocument, root: AstNode, context: ValidationContext): ReusePlan | undefined {
        if (!this.index.recordsDependencies) return undefined;
        const former = this.results.get(document);
        if (!former || !sameContext(former.context, context)) return undefined;
        // The edits since the tree validated last: one, or more when validations were cancelled.
        const linker = this.linker();
        const changes: ElementChange[] = [];
        for (let change = linker.elementChangeOf(root); change !== undefined; change = linker.elementChangeOf(change.previous)) {
            changes.push(change);
            if (change.previous === former.root) break;
        }
        if (changes.length === 0 || changes[changes.length - 1].previous !== former.root) return undefined;
        const changed = new DependencyKeys();
        const replaced = new Set<AstNode>();
        const relinked = new Set<AstNode>();
        let linesKept = document.textDocument.lineCount === former.lines;
        let editedAt = Infinity;
        for (const change of changes) {
            changed.addAll(contributedKeys(change.element));
            changed.addAll(contributedKeys(change.replacement));
            replaced.add(change.element);
            for (const element of change.relinked) relinked.add(element);
            if (change.lines !== former.lines) linesKept = false;
            editedAt = Math.min(editedAt, change.replacement.$containerIndex ?? -1);
        }
        // A transcript or CSV file changed in the same update, or a document came or went.
        const pending = this.builder().pendingChanges?.();
        if (pending) changed.addAll(pending);
        return {
            resultFor(element) {
                const result = former.elements.get(element);
                if (!result || replaced.has(element) || relinked.has(element)) return undefined;
                if (!linesKept && (element.$containerIndex ?? Infinity) >= editedAt) return undefined;
                if (result.related) return undefined;
                return elementDependsOn(result.keys, changed) ? undefined : result;
            }
        };
    }

    /**
     * The syntax errors: the first of each region (prog-syntax-damage.ts), in the words of the
     * language, with what a quick fix needs (`data.suggestion`, `data.replacements`).
     */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const document = documentOf(parseResult);
        const damage = document ? syntaxDamage(document) : undefined;
        if (!document || !damage) {
            super.processLexingErrors(parseResult, diagnostics, options);
            return;
        }
        for (const error of damage.primary) diagnostics.push(this.syntaxDiagnostic(document, error));
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        // Reported with the lexer errors, one per region (above).
        if (!documentOf(parseResult)) super.processParsingErrors(parseResult, diagnostics, options);
    }

    private syntaxDiagnostic(document: LangiumDocument, error: SyntaxError): Diagnostic {
        const text = document.textDocument;
        const content = text.getText();
        const rangeOf = (start: number, end: number): Range => ({ start: text.positionAt(start), end: text.positionAt(end) });
        const source = this.getSource();
        const wrongId = this.invalidId(content, error);
        if (wrongId) {
            const range = rangeOf(wrongId.start, wrongId.end);
            if (wrongId.keyword) {
                return { severity: DiagnosticSeverity.Error, range, source, code: Codes.ParseError,
                    message: `'${wrongId.word}' is not a keyword — did you mean \`${wrongId.keyword}\`?`,
                    data: { code: Codes.ParseError, suggestion: { text: wrongId.keyword, range } } };
            }
            return { severity: DiagnosticSeverity.Error, range, source, code: Codes.InvalidId, message: invalidIdMessage(wrongId.word, wrongId.replacements),
                data: { code: Codes.InvalidId, replacements: wrongId.replacements } };
        }
        const decimal = decimalComma(content, error);
        if (decimal) {
            const range = rangeOf(decimal.start, decimal.end);
            return { severity: DiagnosticSeverity.Error, range, source, code: Codes.ParseError,
                message: `Decimal numbers are written with a point, not a comma — write ${decimal.number}, not ${decimal.written}`,
                data: { code: Codes.ParseError, suggestion: { text: decimal.number, range } } };
        }
        if (error.kind === 'lexer') {
            const { offset, length, message } = error.error;
            return { severity: DiagnosticSeverity.Error, range: rangeOf(offset, offset + Math.max(length, 1)), message, source, code: Codes.LexerError, data: { code: Codes.LexerError } };
        }
        const token = error.error.token;
        const place = this.parserMessages.placeOf(token);
        const at = place ? { start: place.startOffset, end: place.startOffset + place.image.length } : parserErrorRange(error.error, content.length);
        const range = rangeOf(at.start, at.end);
        const suggestion = this.parserMessages.suggestionFor(token);
        const replaced = suggestion && Number.isFinite(suggestion.token.startOffset)
            ? { text: suggestion.text, range: rangeOf(suggestion.token.startOffset, suggestion.token.startOffset + suggestion.token.image.length) }
            : undefined;
        return {
            severity: DiagnosticSeverity.Error, range, message: error.error.message, source, code: Codes.ParseError,
            data: { code: Codes.ParseError, ...(replaced ? { suggestion: replaced } : {}) }
        };
    }

    /**
     * An ID written with `-` (`R-5`: the lexer stops at the `-`) or starting with a digit
     * (`5R`: a number glued to a word where an ID must come), found at the first error it
     * causes; a word with `-` close to a hyphenated keyword (`depends-of`) is that keyword misspelled.
     */
    private invalidId(text: string, error: SyntaxError): { start: number; end: number; word: string; replacements: string[]; keyword?: string } | undefined {
        let start: number, end: number;
        if (error.kind === 'lexer') {
            const at = error.error.offset;
            if (text[at] !== '-' || !isIdChar(text[at - 1]) || !(isIdChar(text[at + 1]) || text[at + 1] === '-')) return undefined;
            start = at;
            end = at + 1;
        } else {
            const token = error.error.token as IToken;
            const type = token.tokenType?.name;
            if (!Number.isFinite(token.startOffset)) return undefined;
            start = token.startOffset;
            end = start + token.image.length;
            if (type === 'ID') {
                const hyphenated = this.words.keywords.filter(k => k.includes('-'));
                // A hyphenated keyword written with a space (`based on`): the parser stops at its first word.
                const spaced = /^[ \t]+([\p{L}]+)/u.exec(text.substring(end, end + 40));
                if (spaced && hyphenated.includes(`${token.image}-${spaced[1]}`)) {
                    const keyword = `${token.image}-${spaced[1]}`;
                    end += spaced[0].length;
                    return { start, end, word: text.substring(start, end), replacements: [keyword], keyword };
                }
                // A misspelled hyphenated keyword (`folow-up`, `not-assesed`): the parser stops at its first part.
                if (text[end] !== '-' || !isIdChar(text[end + 1])) return undefined;
                while (end < text.length && (isIdChar(text[end]) || text[end] === '-')) end++;
                const word = text.substring(start, end);
                const keyword = closestWord(word, hyphenated);
                return keyword ? { start, end, word, replacements: [keyword], keyword } : undefined;
            }
            if (type !== 'NUMBER' && type !== 'DATE') return undefined;
            if (!/[\p{L}_]/u.test(text[end] ?? '')) return undefined;
        }
        while (start > 0 && (isIdChar(text[start - 1]) || text[start - 1] === '-')) start--;
        while (end < text.length && (isIdChar(text[end]) || text[end] === '-')) end++;
        const word = text.substring(start, end);
        if (word.includes('-')) {
            const keyword = closestWord(word, this.words.keywords.filter(k => k.includes('-')));
            if (keyword) return { start, end, word, replacements: [keyword], keyword };
        }
        return { start, end, word, replacements: idReplacements(word) };
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
        const damage = syntaxDamage(document);
        let unread: ReadonlySet<string> | undefined;
        for (const reference of document.references) {
            const linkingError = reference.error;
            if (!linkingError) continue;
            const info = linkingError.info;
            const refText = reference.$refText;
            const range = reference.$refNode?.range;
            if (!range) continue;
            // In an element that did not parse only its syntax error is reported; a name that
            // unreadable input may declare is not reported as missing (prog-syntax-damage.ts).
            if (damage && damage.broken.has(topElementOf(info.container))) continue;
            if ((unread ??= this.index.unreadNames().declared).has(refText)) continue;
            const inText = info.container.$type === 'TextRef';
            const referenceType = this.reflection.getReferenceType(info);
            let message: string;
            let code: string;
            let suggestions: readonly IdSuggestion[] = [];
            if (inText) {
                code = Codes.TextUnresolvedRef;
                message = `@${refText} names no element in the workspace`;
                suggestions = this.index.suggestionsFor(refText, referenceType);
                if (suggestions.length > 0) message += ` — did you mean ${describeSuggestion(suggestions[0], '@')}?`;
            } else {
                code = Codes.RefUnresolved;
                const expected = expectedKindWords(referenceType);
                // `from` is written `on` only in an assumption; tables, charts and measurements write `from`.
                const property = info.property === 'from' && info.container.$type !== 'AssumptionTarget' ? 'from' : PROPERTY_WORDS[info.property] ?? info.property;
                const existing = this.index.declarationsOf(refText);
                if (existing.length > 0) {
                    message = `'${refText}' is ${article(kindWord(existing[0]))}, but \`${property}\` expects ${article(expected)}`;
                } else {
                    message = `No ${expected} named '${refText}'`;
                    suggestions = this.index.suggestionsFor(refText, referenceType);
                    const dac = suggestions.length === 0 && info.container.$type === 'CriterionRef'
                        ? closestWord(refText, this.words.values('DacCriterion') ?? []) : undefined;
                    if (dac) {
                        // `criterion relevans`: a DAC criterion misspelled reads as the ID of a criterion of one's own.
                        suggestions = [{ id: dac }];
                        message += ` — did you mean the DAC criterion \`${dac}\`?`;
                    } else if (suggestions.length > 0) message += ` — did you mean ${describeSuggestion(suggestions[0], '')}?`;
                }
            }
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range,
                message,
                code,
                source: this.getSource(),
                data: { code, refText, property: info.property, containerType: info.container.$type, ...(suggestions.length > 0 ? { suggestions } : {}) }
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

/** What the checks of one top-level element accepted, and what they read. */
interface ElementResult {
    readonly keys: ElementKeys;
    readonly accepted: Array<Parameters<ValidationAcceptor>>;
    /** Whether a diagnostic of it points at other places (related information). */
    related: boolean;
}

interface ValidationContext {
    readonly categories: string;
    readonly day: string;
    readonly config: unknown;
    readonly language: string;
}

function sameContext(a: ValidationContext, b: ValidationContext): boolean {
    return a.categories === b.categories && a.day === b.day && a.config === b.config && a.language === b.language;
}

/** A document's last validation, element by element. */
interface DocumentResults {
    readonly root: AstNode;
    readonly context: ValidationContext;
    readonly lines: number;
    readonly elements: ReadonlyMap<AstNode, ElementResult>;
}

interface ReusePlan {
    /** The former result of a top-level element, when it may be used as it is. */
    resultFor(element: AstNode): ElementResult | undefined;
}

/**
 * The rules that report an element for being cited by nothing: silent for an element that
 * unreadable input mentions (prog-syntax-damage.ts).
 */
const UNCITED_CODES: ReadonlySet<string> = new Set([
    Codes.SourceUnused, Codes.QuestionUnanswered, Codes.AssumptionUntested, Codes.OutcomeNoEvidence,
    Codes.OutcomeNoIndicator, Codes.LogicUnconnectedNode, Codes.PortfolioSingleProject, Codes.PortfolioNoSynergy
]);

/** The document a parse result belongs to (set when the document was made). */
function documentOf(parseResult: ParseResult): LangiumDocument | undefined {
    const document = (parseResult.value as { $document?: LangiumDocument } | undefined)?.$document;
    return document?.parseResult === parseResult ? document : undefined;
}

/**
 * A number written with the Norwegian decimal comma (`measured 2024-09 75,5`, `baseline
 * 12,5`): the parser stops at the comma, glued to digits on both sides.
 */
function decimalComma(text: string, error: SyntaxError): { start: number; end: number; written: string; number: string } | undefined {
    if (error.kind !== 'parser') return undefined;
    const token = error.error.token as IToken;
    const at = token.startOffset;
    if (token.image !== ',' || !Number.isFinite(at) || !isDigit(text[at - 1]) || !isDigit(text[at + 1])) return undefined;
    let start = at - 1;
    let end = at + 1;
    while (start > 0 && isDigit(text[start - 1])) start--;
    while (end < text.length && isDigit(text[end])) end++;
    // Not a date or a word that ends in digits (`2024-09,5`, `R1,2`).
    if (/[\p{L}_.\-/]/u.test(text[start - 1] ?? '') || /[\p{L}_.,\-/]/u.test(text[end] ?? '')) return undefined;
    const written = text.substring(start, end);
    return { start, end, written, number: written.replace(',', '.') };
}

function isDigit(char: string | undefined): boolean {
    return char !== undefined && char >= '0' && char <= '9';
}

function isIdChar(char: string | undefined): boolean {
    return char !== undefined && /[\p{L}\p{M}\p{Nd}_]/u.test(char);
}

/** `R-5` → `R_5`, `R5`; `5R` → `R5`: IDs that hold what the author wrote. */
export function idReplacements(word: string): string[] {
    const candidates = [word.replace(/-+/g, '_'), word.replace(/-+/g, '')]
        .map(w => /^[\p{Nd}_]/u.test(w) ? w.replace(/^([\p{Nd}_]+)(.*)$/u, '$2$1') : w)
        .map(w => w.replace(/^_+|_+$/g, ''));
    return [...new Set(candidates)].filter(w => ID_REGEX.test(w));
}

function invalidIdMessage(word: string, replacements: readonly string[]): string {
    const what = /^[\p{Nd}]/u.test(word) ? 'starts with a digit' : 'holds a character an ID cannot hold';
    const fix = replacements.length > 0 ? ` — write ${replacements.map(r => `\`${r}\``).join(' or ')}` : '';
    return `'${word}' is not a valid ID: it ${what}; an ID starts with a letter and holds only letters, digits and \`_\`${fix}`;
}

function describeSuggestion(suggestion: { id: string; title?: string }, prefix: string): string {
    return suggestion.title ? `'${prefix}${suggestion.id}' ("${suggestion.title}")` : `'${prefix}${suggestion.id}'`;
}
