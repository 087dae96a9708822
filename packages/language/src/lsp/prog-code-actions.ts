import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, URI, type AstNode, type AstReflection, type CstNode, type LangiumDocument } from 'langium';
import type { CodeActionProvider, LangiumServices } from 'langium/lsp';
import {
    CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Position, type TextEdit, type WorkspaceEdit
} from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import { Codes, ruleInfo } from '../prog-codes.js';
import { CONFIG_FILE } from '../workspace/prog-config.js';
import { isNamedElement, type NamedElement } from '../references/prog-names.js';
import type { ProgServices } from '../prog-module.js';
import type { ProgWorkspaceSettings } from '../workspace/prog-settings.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { ID_REGEX } from '../parser/prog-token-builder.js';
import { today } from '../model/prog-dates.js';
import { closestNames, isoDateRewrite, type DateRewrite } from '../references/prog-fix-suggest.js';
import { isPropertyKeyword, nameNode, reservedWords } from './prog-lsp-util.js';
import { QuoteFixes } from './prog-quote-fixes.js';
import { translateTitle } from '../l10n/editor-texts.js';
import { stubTitle } from '../l10n/snippet-texts.js';
import { uiLanguage } from './prog-ui-language.js';

const INDENT = '    ';

/**
 * What a stub of each element type looks like: the ID, and as its title the snippets'
 * title placeholder in the editor's language (`"Tittel"`, `"Title"`), a string to write over.
 */
const STUBS: Readonly<Record<string, { label: string; text: (id: string, title: string) => string; inLogic?: boolean }>> = {
    Actor: { label: 'actor', text: (id, title) => `actor ${id} ${title} { type other }` },
    Need: { label: 'need', text: (id, title) => `need ${id} ${title}` },
    Question: { label: 'question', text: (id, title) => `question ${id} ${title}` },
    Portfolio: { label: 'portfolio', text: (id, title) => `portfolio ${id} ${title}` },
    Project: { label: 'project', text: (id, title) => `project ${id} ${title}` },
    Source: { label: 'source', text: (id, title) => `source ${id} document ${title}` },
    Finding: { label: 'finding', text: (id, title) => `finding ${id} ${title}` },
    Criterion: { label: 'criterion', text: (id, title) => `criterion ${id} ${title}` },
    Initiative: { label: 'initiative', text: (id, title) => `initiative ${id} ${title}` },
    LogicNode: { label: 'outcome', text: (id, title) => `outcome ${id} ${title}`, inLogic: true },
    Assumption: { label: 'assumption', text: (id, title) => `assumption ${id} ${title}`, inLogic: true }
};

const DATE_REWRITE_TITLE: Readonly<Record<DateRewrite['reason'], string>> = {
    padded: 'Write the date as YYYY-MM-DD',
    'day-month-year': 'Write the date year first (YYYY-MM-DD)',
    'month-year': 'Write the month year first (YYYY-MM)',
    digits: 'Write the date as YYYY-MM-DD',
    'day-and-month-swapped': 'Swap day and month',
    'month-only': 'Keep only the month (the day does not exist)'
};

function titleOfDescription(node: AstNode | undefined): string | undefined {
    const title = (node as { title?: unknown } | undefined)?.title;
    return typeof title === 'string' && title.trim() !== '' ? title : undefined;
}

function shorten(text: string, max = 50): string {
    const clean = text.replace(/\s+/g, ' ').trim();
    return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** The element types a reference type accepts, most likely first. */
const ACCEPTS: Readonly<Record<string, readonly string[]>> = {
    SupportTarget: ['LogicNode', 'Assumption'],
    AboutTarget: ['Project', 'Actor', 'Portfolio', 'Initiative'],
    EvidenceTarget: ['Source']
};

/**
 * Quick fixes (RULES.md "Quick fixes expected in the editor"), keyed on `diagnostic.code`:
 * a stub for an unresolved reference, the next free ID for a duplicate, `consent named` or
 * no `name`, a placeholder `answers`/`confidence`, and for every rule: disable it in
 * `sporbar.json`.
 */
export class ProgCodeActionProvider implements CodeActionProvider {
    private readonly index: ProgWorkspaceIndex;
    private readonly settings: ProgWorkspaceSettings;
    private readonly reflection: AstReflection;
    private readonly services: LangiumServices;
    private readonly quotes: QuoteFixes;

    constructor(services: LangiumServices) {
        this.services = services;
        this.index = (services as ProgServices).workspace.WorkspaceIndex;
        this.settings = (services as ProgServices).workspace.Settings;
        this.reflection = services.shared.AstReflection;
        this.quotes = new QuoteFixes(this.settings, (services as ProgServices).workspace.Transcripts);
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
            if (!code) continue;
            // Did-you-mean fixes first: the likeliest intent (prog-suggest.ts, prog-id-suggestions.ts).
            // For a reference, the closest IDs in its scope (with their titles) come first;
            // the same edit carried by the diagnostic is then offered once (below).
            if (code === Codes.RefUnresolved || code === Codes.TextUnresolvedRef) actions.push(...this.closestReferences(document, diagnostic));
            actions.push(...this.didYouMean(document, diagnostic));
            switch (code) {
                case Codes.RefUnresolved: actions.push(...this.createStub(document, diagnostic)); break;
                case Codes.DateInvalid: actions.push(...this.rewriteDate(document, diagnostic)); break;
                case Codes.IdDuplicate: actions.push(...this.renameDuplicate(document, diagnostic)); break;
                case Codes.PrivacyNameWithoutConsent: actions.push(...this.fixConsent(document, diagnostic)); break;
                case Codes.FindingNoQuestion: actions.push(...this.insertProperty(document, diagnostic, 'answers', () => this.placeholderQuestion())); break;
                case Codes.FindingNoConfidence: actions.push(...this.insertProperty(document, diagnostic, 'confidence', () => 'low')); break;
                // The messages say "set `confidence low`" and "lower the confidence".
                case Codes.FindingSingleInformant: actions.push(...this.setConfidence(document, diagnostic, 'low')); break;
                case Codes.FindingUntriangulated: actions.push(...this.setConfidence(document, diagnostic, 'moderate')); break;
                case Codes.AssessmentNotAssessedWithRating: actions.push(...this.fixNotAssessed(document, diagnostic)); break;
                case Codes.RecommendationUndatedStatus: actions.push(...this.dateStatus(document, diagnostic)); break;
                case Codes.EvidenceQuoteNotInSource: actions.push(...this.quotes.closestPassage(document, diagnostic)); break;
                case Codes.EvidenceQuoteNotAtLocator: actions.push(...this.quotes.locatorOfQuote(document, diagnostic)); break;
            }
            const disable = this.disableRule(code, diagnostic);
            if (disable) actions.push(disable);
        }
        // The fix a diagnostic carries (did you mean, the ISO date) and the one the editor
        // computes from the scope may be the same edit: offer it once, as it came first.
        const seen = new Set<string>();
        const unique = actions.filter(action => {
            const key = action.edit ? JSON.stringify(action.edit) : `title:${action.title}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
        });
        // Titles are written in English in one place each, and translated here (l10n/editor-texts.ts).
        const language = uiLanguage(this.services as ProgServices);
        return language === 'en' ? unique : unique.map(action => ({ ...action, title: translateTitle(action.title, language) }));
    }

    // --- did you mean: syntax/parse, syntax/id, date/invalid, ref/unresolved ---------

    /**
     * The replacements a diagnostic carries in its data: a misspelled keyword, property or
     * value (`data.suggestion`), an ID written with `-` or a leading digit (`data.replacements`),
     * a date written another way (`data.iso`), the declared IDs an unresolved reference most
     * likely means (`data.suggestions`).
     */
    private didYouMean(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = (diagnostic.data ?? {}) as {
            suggestion?: { text: string; range: Diagnostic['range'] };
            replacements?: string[];
            iso?: string;
            suggestions?: Array<{ id: string; title?: string }>;
        };
        const uri = document.textDocument.uri;
        const replace = (title: string, range: Diagnostic['range'], newText: string, preferred: boolean): CodeAction => ({
            title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred,
            edit: { changes: { [uri]: [{ range, newText }] } }
        });
        if (data.suggestion && typeof data.suggestion.text === 'string' && data.suggestion.range) {
            return [replace(`Change to '${data.suggestion.text}'`, data.suggestion.range, data.suggestion.text, true)];
        }
        if (Array.isArray(data.replacements)) {
            return data.replacements.filter(r => typeof r === 'string').map((r, i) => replace(`Change to '${r}'`, diagnostic.range, r, i === 0));
        }
        if (typeof data.iso === 'string') {
            return [replace(`Write ${data.iso}`, diagnostic.range, data.iso, true)];
        }
        if (Array.isArray(data.suggestions)) {
            // An `@X` in a text keeps its `@`.
            const at = document.textDocument.getText(diagnostic.range).startsWith('@') ? '@' : '';
            return data.suggestions.filter(s => typeof s?.id === 'string').map((s, i) => replace(
                `Change to '${s.id}'${s.title ? ` (${s.title})` : ''}`, diagnostic.range, at + s.id, i === 0));
        }
        return [];
    }

    // --- ref/unresolved, text/unresolved-ref: the closest IDs in scope -----------------

    /**
     * "Change to 'X'" for the closest IDs the reference may name (its scope: only elements of
     * the expected kind; any element after `@`). The closest is the preferred fix when it is
     * the only one that close.
     */
    private closestReferences(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        const reference = document.references.find(r => r.error && r.$refNode && r.$refNode.offset <= offset && offset < r.$refNode.end);
        const refNode = reference?.$refNode;
        if (!reference?.error || !refNode) return [];
        const scope = this.services.references.ScopeProvider.getScope(reference.error.info);
        const titles = new Map<string, string | undefined>();
        for (const description of scope.getAllElements()) {
            if (!titles.has(description.name)) titles.set(description.name, titleOfDescription(description.node));
        }
        const written = reference.$refText.normalize('NFC');
        const names = closestNames(written, titles.keys());
        const prefix = refNode.text.startsWith('@') ? '@' : '';
        return names.map((name, i) => {
            const title = titles.get(name);
            return {
                title: `Change to '${name}'${title ? ` (${shorten(title)})` : ''}`,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                isPreferred: i === 0 && names.length === 1,
                edit: { changes: { [document.textDocument.uri]: [{ range: refNode.range, newText: prefix + name }] } }
            };
        });
    }

    // --- date/invalid: the ISO form -------------------------------------------------

    private rewriteDate(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const written = document.textDocument.getText(diagnostic.range);
        const rewrite = isoDateRewrite(written);
        if (!rewrite) return [];
        return [{
            title: `${DATE_REWRITE_TITLE[rewrite.reason]}: ${rewrite.value}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: rewrite.reason !== 'month-only' && rewrite.reason !== 'day-and-month-swapped',
            edit: { changes: { [document.textDocument.uri]: [{ range: diagnostic.range, newText: rewrite.value }] } }
        }];
    }

    // --- ref/unresolved --------------------------------------------------------------

    private createStub(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const root = document.parseResult.value.$cstNode;
        if (!root) return [];
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const assignment = leaf ? GrammarUtils.findAssignment(leaf) : undefined;
        if (!leaf || !assignment || !GrammarAST.isCrossReference(assignment.terminal) || leaf.text.startsWith('@')) return [];
        const id = leaf.text.normalize('NFC');
        if (!ID_REGEX.test(id) || this.index.declarationsOf(id).length > 0) return [];
        const referenceType = this.reflection.getReferenceType({ container: leaf.astNode, property: assignment.feature, reference: undefined as never });
        const types = ACCEPTS[referenceType] ?? [referenceType];
        const actions: CodeAction[] = [];
        const title = `"${stubTitle(uiLanguage(this.services as ProgServices))}"`;
        for (const type of types) {
            const stub = STUBS[type];
            if (!stub) continue;
            const text = stub.text(id, title);
            const edit = stub.inLogic ? this.logicInsertion(document, leaf.astNode, text, title) : appendToDocument(document, text);
            actions.push({
                title: `Create ${stub.label} '${id}'`,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                isPreferred: actions.length === 0 && !hasSuggestions(diagnostic),
                edit: { changes: { [document.textDocument.uri]: [edit] } }
            });
        }
        return actions;
    }

    /** A logic node or assumption goes into the enclosing logic, else the last logic of the file, else a new logic. */
    private logicInsertion(document: LangiumDocument, from: AstNode, text: string, title: string): TextEdit {
        const model = document.parseResult.value as ast.Model;
        const logic = AstUtils.getContainerOfType(from, (n): n is ast.Logic => n.$type === 'Logic')
            ?? [...model.elements].reverse().find((e): e is ast.Logic => e.$type === 'Logic');
        const close = logic?.$cstNode ? closingBrace(logic.$cstNode) : undefined;
        if (logic && close) {
            const indent = indentationOf(document, logic.$cstNode!) + INDENT;
            const lineStart = document.textDocument.offsetAt({ line: close.range.start.line, character: 0 });
            const beforeClose = document.textDocument.getText().substring(lineStart, close.offset);
            if (beforeClose.trim() === '') {
                return { range: { start: { line: close.range.start.line, character: 0 }, end: { line: close.range.start.line, character: 0 } }, newText: `${indent}${text}\n` };
            }
            return { range: { start: close.range.start, end: close.range.start }, newText: `\n${indent}${text}\n${indentationOf(document, logic.$cstNode!)}` };
        }
        let logicId = 'Programteori';
        for (let n = 2; this.index.declarationsOf(logicId).length > 0; n++) logicId = `Programteori${n}`;
        return appendToDocument(document, `logic ${logicId} ${title} {\n${INDENT}${text}\n}`);
    }

    // --- id/duplicate ----------------------------------------------------------------

    private renameDuplicate(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const element = this.declarationAt(document, diagnostic.range.start);
        const name = element ? nameNode(element) : undefined;
        if (!element || !name) return [];
        const next = this.nextFreeId(element.name);
        return [{
            title: `Rename this ${element.$type === 'LogicNode' ? (element as ast.LogicNode).level : element.$type.toLowerCase()} to '${next}'`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [document.textDocument.uri]: [{ range: name.range, newText: next }] } }
        }];
    }

    /** `F12` → `F13` (the first number after it that is free; zero padding kept); `X` → `X2`. */
    nextFreeId(id: string): string {
        const match = /^(.*?)(\d+)$/u.exec(id);
        const prefix = match ? match[1] : id;
        const digits = match ? match[2] : '';
        let n = match ? Number(digits) + 1 : 2;
        const reserved = reservedWords(this.services.Grammar);
        for (;; n++) {
            const candidate = prefix + String(n).padStart(digits.length, '0');
            if (this.index.declarationsOf(candidate).length === 0 && !reserved.has(candidate)) return candidate;
        }
    }

    // --- privacy/name-without-consent ------------------------------------------------

    private fixConsent(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const source = this.elementAt(document, diagnostic.range.start, 'Source') as ast.Source | undefined;
        const cst = source?.$cstNode;
        const value = source ? GrammarUtils.findNodeForProperty(cst, 'personName') : undefined;
        const keyword = value ? previousLeaf(value) : undefined;
        if (!source || !cst || !value || !keyword) return [];
        const text = document.textDocument.getText();
        const actions: CodeAction[] = [];
        if (!source.consent) {
            const line = value.range.end.line;
            const ownLine = text.substring(document.textDocument.offsetAt({ line, character: 0 }), keyword.offset).trim() === ''
                && /^\s*(\r?\n|$)/.test(text.substring(value.end));
            const edit: TextEdit = ownLine
                ? { range: { start: value.range.end, end: value.range.end }, newText: `\n${lineIndentation(document, line)}consent named` }
                : { range: { start: value.range.end, end: value.range.end }, newText: '  consent named' };
            actions.push({
                title: 'Add `consent named` (the person agreed to be named)',
                kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
                edit: { changes: { [document.textDocument.uri]: [edit] } }
            });
        }
        actions.push({
            title: 'Remove `name` (describe the informant by role)',
            kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
            edit: { changes: { [document.textDocument.uri]: [removeProperty(document, keyword, value)] } }
        });
        return actions;
    }

    // --- finding/no-question, finding/no-confidence ----------------------------------

    private insertProperty(document: LangiumDocument, diagnostic: Diagnostic, keyword: string, value: () => string): CodeAction[] {
        const finding = this.elementAt(document, diagnostic.range.start, 'Finding');
        const cst = finding?.$cstNode;
        if (!finding || !cst) return [];
        const property = `${keyword} ${value()}`;
        const close = closingBrace(cst);
        let edit: TextEdit;
        if (!close) {
            edit = { range: { start: cst.range.end, end: cst.range.end }, newText: ` { ${property} }` };
        } else {
            const text = document.textDocument.getText();
            const lineStart = document.textDocument.offsetAt({ line: close.range.start.line, character: 0 });
            const onOwnLine = text.substring(lineStart, close.offset).trim() === '';
            if (onOwnLine && close.range.start.line > cst.range.start.line) {
                const indent = indentationOf(document, cst) + INDENT;
                const at = { line: close.range.start.line, character: 0 };
                edit = { range: { start: at, end: at }, newText: `${indent}${property}\n` };
            } else {
                const before = text.substring(0, close.offset).replace(/[ \t]+$/, '');
                const from = document.textDocument.positionAt(before.length);
                const empty = before.endsWith('{');
                edit = { range: { start: from, end: close.range.start }, newText: empty ? ` ${property} ` : `  ${property} ` };
            }
        }
        return [{
            title: `Add \`${property}\` (placeholder)`,
            kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
            edit: { changes: { [document.textDocument.uri]: [edit] } }
        }];
    }

    // --- finding/single-informant, finding/untriangulated ----------------------------

    /** Replaces the finding's `confidence` value (the rule fires only when there is one). */
    private setConfidence(document: LangiumDocument, diagnostic: Diagnostic, confidence: ast.Confidence): CodeAction[] {
        const finding = this.elementAt(document, diagnostic.range.start, 'Finding') as ast.Finding | undefined;
        const value = finding ? GrammarUtils.findNodeForProperty(finding.$cstNode, 'confidence') : undefined;
        if (!finding || !value || finding.confidence === confidence) return [];
        return [{
            title: `Set \`confidence ${confidence}\``,
            kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
            edit: { changes: { [document.textDocument.uri]: [{ range: value.range, newText: confidence }] } }
        }];
    }

    /** A question of the workspace to start from; a placeholder ID when there is none. */
    private placeholderQuestion(): string {
        const first = this.index.elementsOf<ast.Question>('Question').find(q => q.name);
        return first?.name ?? 'QUESTION';
    }

    // --- assessment/not-assessed-with-rating ----------------------------------------

    /** Remove `rating` and `based-on` (the criterion is not assessed), or remove `not-assessed` (it is). */
    private fixNotAssessed(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const assessment = this.elementAt(document, diagnostic.range.start, 'Assessment') as ast.Assessment | undefined;
        const cst = assessment?.$cstNode;
        if (!assessment || !cst) return [];
        const uri = document.textDocument.uri;
        const rating = propertyEdits(document, assessment, ['rating', 'based-on']);
        const reason = propertyEdits(document, assessment, ['not-assessed']);
        const actions: CodeAction[] = [];
        if (rating.length > 0) {
            actions.push({
                title: 'Remove `rating` and `based-on` (the criterion is not assessed)',
                kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
                edit: { changes: { [uri]: rating } }
            });
        }
        if (reason.length > 0) {
            actions.push({
                title: 'Remove `not-assessed` (the criterion is assessed)',
                kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
                edit: { changes: { [uri]: reason } }
            });
        }
        return actions;
    }

    // --- recommendation/undated-status -----------------------------------------------

    /** `status S` (and `response "…"`) becomes `follow-up TODAY S ["…"]` where `status` stood. */
    private dateStatus(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const recommendation = this.elementAt(document, diagnostic.range.start, 'Recommendation') as ast.Recommendation | undefined;
        if (!recommendation?.$cstNode || recommendation.status === undefined) return [];
        const status = ownProperty(recommendation, 'status');
        if (!status) return [];
        const response = ownProperty(recommendation, 'response');
        const followUp = `follow-up ${today()} ${recommendation.status}${recommendation.response !== undefined && response ? ` ${response.value.text}` : ''}`;
        const edits: TextEdit[] = [{ range: { start: status.keyword.range.start, end: status.value.range.end }, newText: followUp }];
        if (response) edits.push(removeProperty(document, response.keyword, response.value));
        return [{
            title: `Date the status: \`${followUp}\``,
            kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
            edit: { changes: { [document.textDocument.uri]: edits } }
        }];
    }

    // --- every code: disable in sporbar.json -----------------------------------------

    private disableRule(code: string, diagnostic: Diagnostic): CodeAction | undefined {
        const root = this.settings.root;
        if (!root || !ruleInfo(code) || code.startsWith('syntax/')) return undefined;
        const file = path.join(root, CONFIG_FILE);
        const uri = URI.file(file).toString();
        let existing: string | undefined;
        try {
            existing = fs.readFileSync(file, 'utf8');
        } catch {
            existing = undefined;
        }
        let config: Record<string, unknown> = {};
        if (existing !== undefined && existing.trim() !== '') {
            try {
                const parsed = JSON.parse(existing.replace(/^\uFEFF/, '')) as unknown;
                if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
                config = parsed as Record<string, unknown>;
            } catch {
                return undefined;
            }
        }
        const rules = config.rules && typeof config.rules === 'object' && !Array.isArray(config.rules) ? config.rules as Record<string, unknown> : {};
        const updated = { ...config, rules: { ...rules, [code]: 'off' } };
        const newText = JSON.stringify(updated, null, 4) + '\n';
        const edit: WorkspaceEdit = existing === undefined
            ? { documentChanges: [
                { kind: 'create', uri, options: { ignoreIfExists: true } },
                { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText }] }
            ] }
            : { documentChanges: [
                { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: endOf(existing) }, newText }] }
            ] };
        return { title: `Disable rule ${code} in ${CONFIG_FILE}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
    }

    // --- helpers ---------------------------------------------------------------------

    private declarationAt(document: LangiumDocument, position: Position): NamedElement | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position)) : undefined;
        const node = leaf?.astNode;
        return node && isNamedElement(node) && nameNode(node) === leaf ? node : undefined;
    }

    private elementAt(document: LangiumDocument, position: Position, type: string): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position)) : undefined;
        return leaf ? AstUtils.getContainerOfType(leaf.astNode, (n): n is AstNode => n.$type === type) : undefined;
    }
}

/** Whether an unresolved reference's diagnostic offers declared IDs (then those fixes come first). */
function hasSuggestions(diagnostic: Diagnostic): boolean {
    const suggestions = (diagnostic.data as { suggestions?: unknown } | undefined)?.suggestions;
    return Array.isArray(suggestions) && suggestions.length > 0;
}

/** A property of the element itself: its keyword leaf and the CST node of its (last) value. */
function ownProperty(node: AstNode, keyword: string): { keyword: CstNode; value: CstNode } | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const leaves = [...CstUtils.flattenCst(cst)].filter(l => !l.hidden);
    const start = leaves.findIndex(l => l.astNode === node && GrammarAST.isKeyword(l.grammarSource) && l.grammarSource.value === keyword);
    if (start < 0) return undefined;
    // The value runs to the last leaf before the next property keyword (or the closing brace).
    let end = start;
    for (let i = start + 1; i < leaves.length; i++) {
        const leaf = leaves[i];
        const owned = leaf.astNode === node;
        if (owned && (leaf.text === '}' || (GrammarAST.isKeyword(leaf.grammarSource) && isPropertyKeyword(leaf.grammarSource)))) break;
        if (!owned && leaf.astNode.$container !== node && leaf.astNode !== node) break;
        end = i;
    }
    return end > start ? { keyword: leaves[start], value: leaves[end] } : undefined;
}

/** Edits removing each of these properties that the element has (list properties whole). */
function propertyEdits(document: LangiumDocument, node: AstNode, keywords: readonly string[]): TextEdit[] {
    const edits: TextEdit[] = [];
    for (const keyword of keywords) {
        const property = ownProperty(node, keyword);
        if (property) edits.push(removeProperty(document, property.keyword, property.value));
    }
    return edits;
}

function closingBrace(cst: CstNode): CstNode | undefined {
    const leaves = [...CstUtils.flattenCst(cst)].filter(l => !l.hidden && l.astNode === cst.astNode);
    const last = leaves[leaves.length - 1];
    return last?.text === '}' ? last : undefined;
}

function previousLeaf(cst: CstNode): CstNode | undefined {
    let previous = CstUtils.getPreviousNode(cst, true);
    while (previous && previous.hidden) previous = CstUtils.getPreviousNode(previous, true);
    return previous;
}

function lineIndentation(document: LangiumDocument, line: number): string {
    const text = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return /^[ \t]*/.exec(text)![0];
}

function indentationOf(document: LangiumDocument, cst: CstNode): string {
    return lineIndentation(document, cst.range.start.line);
}

function appendToDocument(document: LangiumDocument, text: string): TextEdit {
    const content = document.textDocument.getText();
    const end = document.textDocument.positionAt(content.length);
    const separator = content.length === 0 ? '' : content.endsWith('\n\n') ? '' : content.endsWith('\n') ? '\n' : '\n\n';
    return { range: { start: end, end }, newText: `${separator}${text}\n` };
}

/** Removes `keyword value`; the whole line when the property stands alone on it. */
function removeProperty(document: LangiumDocument, keyword: CstNode, value: CstNode): TextEdit {
    const text = document.textDocument.getText();
    const lineStart = document.textDocument.offsetAt({ line: keyword.range.start.line, character: 0 });
    const after = /^[ \t]*(\r?\n)/.exec(text.substring(value.end));
    if (text.substring(lineStart, keyword.offset).trim() === '' && after) {
        return { range: { start: document.textDocument.positionAt(lineStart), end: document.textDocument.positionAt(value.end + after[0].length) }, newText: '' };
    }
    const trailing = /^[ \t]*/.exec(text.substring(value.end))![0].length;
    return { range: { start: keyword.range.start, end: document.textDocument.positionAt(value.end + trailing) }, newText: '' };
}

function endOf(text: string): Position {
    const lines = text.split(/\r\n|\r|\n/);
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
