import { CstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit
} from 'vscode-languageserver';
import { isNamedElement } from '../references/prog-names.js';
import { isPropertyKeyword } from './prog-lsp-util.js';

/** Longest line (indentation included) on which a whole element may stay when written on one line. */
export const MAX_LINE = 100;
const INDENT = '    ';
/** Items of a body that are laid out on lines of their own, like elements. */
const STANDALONE = new Set(['Chain', 'Relation', 'Section', 'Measurement', 'FollowUp']);

interface Token {
    readonly text: string;
    readonly offset: number;
    readonly end: number;
    readonly lineComment?: boolean;
}

interface Unit {
    readonly kind: 'element' | 'property' | 'chain' | 'comment';
    readonly start: number;
    end: number;
    /** The rendering at an indentation; may hold line breaks (texts, comments, blocks). */
    render: (indent: string) => string;
    /** The IDs of a chain, for alignment. */
    readonly cells?: readonly string[];
    trailing?: Token;
}

/**
 * The canonical layout of a `.prog` file: 4-space indentation; one property per line unless
 * the whole element was written on one line and fits on a line of at most 100 characters;
 * list items that were written on lines of their own stay there, aligned after the
 * keyword; consecutive `->` chains aligned column by column; at most one blank line
 * between items, and one between top-level elements that span several lines. Text inside
 * `"""` and strings is never touched; comments are kept where they were. A document with
 * parse errors is not formatted.
 */
export class ProgFormatter implements Formatter {
    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return formattingEdits(document);
    }

    formatDocumentRange(document: LangiumDocument, _params: DocumentRangeFormattingParams): TextEdit[] {
        // The layout of one element depends on its neighbours (blank lines, chain columns):
        // a range is formatted as part of the whole document.
        return formattingEdits(document);
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }
}

export function formattingEdits(document: LangiumDocument): TextEdit[] {
    const formatted = formatProgDocument(document);
    if (formatted === undefined) return [];
    const text = document.textDocument.getText();
    if (formatted === text) return [];
    let prefix = 0;
    const max = Math.min(text.length, formatted.length);
    while (prefix < max && text.charCodeAt(prefix) === formatted.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && text.charCodeAt(text.length - 1 - suffix) === formatted.charCodeAt(formatted.length - 1 - suffix)) suffix++;
    return [{
        range: { start: document.textDocument.positionAt(prefix), end: document.textDocument.positionAt(text.length - suffix) },
        newText: formatted.substring(prefix, formatted.length - suffix)
    }];
}

/** The formatted text of a document, or undefined when it has lexer or parser errors. */
export function formatProgDocument(document: LangiumDocument): string | undefined {
    const result = document.parseResult;
    if (result.lexerErrors.length > 0 || result.parserErrors.length > 0) return undefined;
    const root = result.value.$cstNode;
    const text = document.textDocument.getText();
    if (!root) return text.trim() === '' ? '' : undefined;
    return new Printer(text, root).print(result.value);
}

function width(s: string): number {
    let n = 0;
    for (const _ of s) n++;
    return n;
}

class Printer {
    private readonly comments: Token[] = [];
    private readonly leaves: LeafCstNode[] = [];

    constructor(private readonly text: string, root: CstNode) {
        for (const leaf of CstUtils.flattenCst(root)) {
            const name = leaf.tokenType?.name;
            if (!leaf.hidden) this.leaves.push(leaf);
            else if (name === 'SL_COMMENT' || name === 'ML_COMMENT') {
                this.comments.push({ text: name === 'SL_COMMENT' ? leaf.text.trimEnd() : leaf.text, offset: leaf.offset, end: leaf.end, lineComment: name === 'SL_COMMENT' });
            }
        }
        this.comments.sort((a, b) => a.offset - b.offset);
    }

    print(model: AstNode): string {
        const cst = model.$cstNode!;
        const units = this.units(cst, model, 0, this.text.length);
        let out = '';
        let previous: Unit | undefined;
        let previousText = '';
        for (const unit of units) {
            const rendered = unit.render('');
            if (previous) {
                const multi = (u: Unit, r: string) => u.kind === 'element' && r.includes('\n');
                const forced = (previous.kind === 'element' && multi(previous, previousText))
                    || (unit.kind === 'element' && previous.kind === 'element' && multi(unit, rendered));
                out += this.blankBetween(previous.end, unit.start) || forced ? '\n\n' : '\n';
            }
            out += rendered;
            previous = unit;
            previousText = rendered;
        }
        return out.length > 0 ? out + '\n' : '';
    }

    private blankBetween(from: number, to: number): boolean {
        return /\n[ \t]*\r?\n/.test(this.text.substring(from, to));
    }

    private onOneLine(from: number, to: number): boolean {
        return !/[\r\n]/.test(this.text.substring(from, to));
    }

    private commentsIn(from: number, to: number): Token[] {
        return this.comments.filter(c => c.offset >= from && c.end <= to);
    }

    /** The items of a body (or of the whole file) between two offsets: elements, properties, chains, comments. */
    private units(cst: CstNode, owner: AstNode, from: number, to: number): Unit[] {
        const units: Unit[] = [];
        let property: { start: number; end: number } | undefined;
        const flush = () => {
            if (property) units.push(this.propertyUnit(property.start, property.end));
            property = undefined;
        };
        for (const piece of pieces(cst, owner)) {
            if (piece.offset < from || piece.end > to) continue;
            const node = piece.astNode;
            if (isCompositeCstNode(piece) && node !== owner) {
                if (isNamedElement(node)) {
                    flush();
                    units.push(this.elementUnit(node));
                    continue;
                }
                if (STANDALONE.has(node.$type)) {
                    flush();
                    units.push(node.$type === 'Chain' ? this.chainUnit(piece) : this.propertyUnit(piece.offset, piece.end));
                    continue;
                }
            } else if (GrammarAST.isKeyword(piece.grammarSource) && isPropertyKeyword(piece.grammarSource)) {
                flush();
            }
            if (property) property.end = piece.end;
            else property = { start: piece.offset, end: piece.end };
        }
        flush();
        // Comments between the units: trailing ones join the unit on whose line they stand.
        const inside = (c: Token) => units.some(u => c.offset > u.start && c.end <= u.end);
        const result: Unit[] = [];
        const comments = this.commentsIn(from, to).filter(c => !inside(c));
        let i = 0;
        const sorted = [...units].sort((a, b) => a.start - b.start);
        for (const unit of sorted) {
            while (i < comments.length && comments[i].offset < unit.start) this.addComment(result, comments[i++]);
            result.push(unit);
        }
        while (i < comments.length) this.addComment(result, comments[i++]);
        return result;
    }

    private addComment(result: Unit[], comment: Token): void {
        const last = result[result.length - 1];
        if (last && !last.trailing && this.onOneLine(last.end, comment.offset) && !(last.kind === 'comment' && last.render('').startsWith('//'))) {
            last.trailing = comment;
            const render = last.render.bind(last);
            last.render = indent => `${render(indent)} ${comment.text}`;
            last.end = comment.end;
            return;
        }
        result.push({
            kind: 'comment', start: comment.offset, end: comment.end,
            render: indent => indent + comment.text
        });
    }

    /** The tokens from one offset to another, `"""` texts as one verbatim token, comments included. */
    private tokens(from: number, to: number): Token[] {
        const tokens: Token[] = [];
        let textStart = -1;
        let lo = 0, hi = this.leaves.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.leaves[mid].offset < from) lo = mid + 1; else hi = mid;
        }
        for (let i = lo; i < this.leaves.length && this.leaves[i].end <= to; i++) {
            const leaf = this.leaves[i];
            const name = leaf.tokenType?.name;
            if (name === 'TEXT_OPEN') {
                textStart = leaf.offset;
            } else if (name === 'TEXT_CLOSE') {
                tokens.push({ text: this.text.substring(textStart, leaf.end), offset: textStart, end: leaf.end });
                textStart = -1;
            } else if (textStart < 0) {
                tokens.push({ text: leaf.text, offset: leaf.offset, end: leaf.end });
            }
        }
        tokens.push(...this.commentsIn(from, to));
        return tokens.sort((a, b) => a.offset - b.offset);
    }

    /** Joins tokens with single spaces; a break after a comma or a line comment is kept, aligned at `align`. */
    private join(tokens: readonly Token[], indent: string, align: number): string {
        let out = '';
        let previous: Token | undefined;
        for (const token of tokens) {
            if (!previous) out = indent + token.text;
            else if (previous.lineComment || (previous.text === ',' && !this.onOneLine(previous.end, token.offset))) {
                out += '\n' + indent + ' '.repeat(align) + token.text;
            } else if (token.text === ',') out += ',';
            else out += ' ' + token.text;
            previous = token;
        }
        return out;
    }

    private propertyUnit(start: number, end: number): Unit {
        const tokens = this.tokens(start, end);
        const align = tokens.length > 1 ? width(tokens[0].text) + 1 : INDENT.length;
        return { kind: 'property', start, end, render: indent => this.join(tokens, indent, align) };
    }

    private chainUnit(cst: CstNode): Unit {
        const tokens = this.tokens(cst.offset, cst.end);
        const hasComment = tokens.some(t => this.comments.includes(t));
        return {
            kind: 'chain', start: cst.offset, end: cst.end,
            cells: hasComment ? undefined : tokens.filter(t => t.text !== '->').map(t => t.text),
            render: indent => this.join(tokens, indent, INDENT.length)
        };
    }

    elementUnit(node: AstNode): Unit {
        const cst = node.$cstNode!;
        const own = [...pieces(cst, node)].filter(p => !isCompositeCstNode(p) || p.astNode === node);
        const open = own.find(p => p.text === '{' && p.astNode === node);
        const leaves = [...CstUtils.flattenCst(cst)].filter(l => !l.hidden);
        const close = leaves[leaves.length - 1]?.text === '}' && leaves[leaves.length - 1].astNode === node ? leaves[leaves.length - 1] : undefined;
        const headerTokens = this.tokens(cst.offset, open ? open.offset : cst.end);
        const header = (indent: string) => this.join(headerTokens, indent, INDENT.length);
        if (!open || !close) {
            return { kind: 'element', start: cst.offset, end: cst.end, render: header };
        }
        const body = this.units(cst, node, open.end, close.offset);
        const writtenOnOneLine = this.onOneLine(cst.offset, cst.end);
        const render = (indent: string): string => {
            const head = header(indent);
            if (body.length === 0) return `${head} { }`;
            if (writtenOnOneLine && !body.some(u => u.trailing?.lineComment || (u.kind === 'comment' && u.render('').startsWith('//')))) {
                const parts = body.map(u => u.render(''));
                const line = `${head} { ${parts.join('  ')} }`;
                if (!parts.some(p => p.includes('\n')) && width(line) <= MAX_LINE) return line;
            }
            return this.block(head, body, open, indent);
        };
        return { kind: 'element', start: cst.offset, end: cst.end, render };
    }

    private block(head: string, body: readonly Unit[], open: CstNode, indent: string): string {
        const inner = indent + INDENT;
        let first = 0;
        let out = head + ' {';
        // A comment right after `{` on its line stays there.
        if (body[0]?.kind === 'comment' && this.onOneLine(open.end, body[0].start)) {
            out += ' ' + body[0].render('');
            first = 1;
        }
        const aligned = this.alignChains(body, inner);
        for (let i = first; i < body.length; i++) {
            const unit = body[i];
            if (i > first && this.blankBetween(body[i - 1].end, unit.start)) out += '\n';
            out += '\n' + (aligned.get(unit) ?? unit.render(inner));
        }
        return out + '\n' + indent + '}';
    }

    /** Runs of consecutive chains: each column padded to its widest cell. */
    private alignChains(body: readonly Unit[], indent: string): Map<Unit, string> {
        const result = new Map<Unit, string>();
        let run: Unit[] = [];
        const flush = () => {
            if (run.length > 1) {
                const widths: number[] = [];
                for (const chain of run) chain.cells!.forEach((cell, i) => {
                    if (i < chain.cells!.length - 1) widths[i] = Math.max(widths[i] ?? 0, width(cell));
                });
                for (const chain of run) {
                    const cells = chain.cells!;
                    const line = cells.map((cell, i) => i < cells.length - 1 ? cell + ' '.repeat(widths[i] - width(cell)) : cell).join(' -> ');
                    result.set(chain, indent + line);
                }
            }
            run = [];
        };
        for (let i = 0; i < body.length; i++) {
            const unit = body[i];
            const continues = unit.kind === 'chain' && unit.cells && !unit.trailing
                && run.length > 0 && !this.blankBetween(run[run.length - 1].end, unit.start);
            if (!continues) flush();
            if (unit.kind === 'chain' && unit.cells && !unit.trailing) run.push(unit);
        }
        flush();
        return result;
    }
}

/** The pieces of a node's CST: its own leaves (datatype rules flattened) and the composite nodes of its children. */
function* pieces(cst: CstNode, owner: AstNode): Generator<CstNode> {
    if (!isCompositeCstNode(cst)) {
        if (!cst.hidden) yield cst;
        return;
    }
    for (const child of cst.content) {
        if (child.hidden) continue;
        if (isCompositeCstNode(child) && child.astNode === owner) yield* pieces(child, owner);
        else yield child;
    }
}
