import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import type { AstNode, LangiumDocument, ParseResult } from 'langium';

/**
 * What the syntax errors of a document damage (docs/rules.md "Syntax errors"): a
 * newcomer's mistake gets one diagnostic, and nothing elsewhere follows from it.
 *
 * - The text is divided into *regions*: from the start of each top-level element to the
 *   start of the next (input before the first element is a region of its own). Only the
 *   first syntax error of a region is reported; the others follow from it.
 * - An element whose region holds a syntax error is *broken*: no check runs on it (no
 *   `finding/no-confidence` for a finding whose `confidance` was misspelled), and its
 *   unresolved references are not reported.
 * - What the parser could not read of a broken region may still declare or cite elements:
 *   the IDs written there (`declared`: after an element keyword, `finding F2`; `mentioned`:
 *   any) are collected while the text is parsed again (langium-internals/prog-recovery-parse.ts).
 *   A reference elsewhere to a `declared` ID is not reported as unresolved, and a rule that
 *   reports an element for being cited by nothing (`source/unused`, `question/unanswered`, …)
 *   is silent for a `mentioned` one.
 */
export interface SyntaxDamage {
    /** Top-level elements whose region holds a syntax error. */
    readonly broken: ReadonlySet<AstNode>;
    /** The first error of each region with errors, in text order. */
    readonly primary: readonly SyntaxError[];
    /** IDs the unreadable input may declare. */
    readonly declared: ReadonlySet<string>;
    /** IDs (and words) the unreadable input mentions. */
    readonly mentioned: ReadonlySet<string>;
}

export type SyntaxError =
    | { readonly kind: 'lexer'; readonly offset: number; readonly error: ILexingError }
    | { readonly kind: 'parser'; readonly offset: number; readonly error: IRecognitionException };

/** The names the recovery parse found in unreadable input, by the root of the tree it made. */
export interface UnreadNames {
    readonly declared: ReadonlySet<string>;
    readonly mentioned: ReadonlySet<string>;
}

const unreadNames = new WeakMap<AstNode, UnreadNames>();
const NO_NAMES: UnreadNames = { declared: new Set(), mentioned: new Set() };

export function rememberUnreadNames(root: AstNode, names: UnreadNames): void {
    unreadNames.set(root, names);
}

/** The names unreadable input of this tree may declare or cite (none for a tree without parser errors). */
export function unreadNamesOf(root: AstNode): UnreadNames {
    return unreadNames.get(root) ?? NO_NAMES;
}

export function hasSyntaxErrors(parseResult: ParseResult): boolean {
    return parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0;
}

const damages = new WeakMap<AstNode, SyntaxDamage>();

/** The damage of a document's syntax errors; undefined when it has none. */
export function syntaxDamage(document: LangiumDocument): SyntaxDamage | undefined {
    const parseResult = document.parseResult;
    if (!parseResult || !hasSyntaxErrors(parseResult)) return undefined;
    const root = parseResult.value;
    let damage = damages.get(root);
    if (!damage) damages.set(root, damage = computeDamage(parseResult, document.textDocument.getText().length));
    return damage;
}

function computeDamage(parseResult: ParseResult, length: number): SyntaxDamage {
    const errors: SyntaxError[] = [
        ...parseResult.lexerErrors.map(error => ({ kind: 'lexer' as const, offset: error.offset, error })),
        ...parseResult.parserErrors.map(error => ({ kind: 'parser' as const, offset: parserErrorOffset(error, length), error }))
    ].sort((a, b) => a.offset - b.offset || (a.kind === b.kind ? 0 : a.kind === 'lexer' ? -1 : 1));
    const elements = ((parseResult.value as { elements?: AstNode[] }).elements ?? []).filter(e => e.$cstNode);
    const broken = new Set<AstNode>();
    const primary: SyntaxError[] = [];
    let lastRegion: number | undefined;
    for (const error of errors) {
        const region = regionOf(elements, error.offset);
        if (region === lastRegion) continue;
        lastRegion = region;
        primary.push(error);
        if (region >= 0) broken.add(elements[region]);
    }
    const names = unreadNamesOf(parseResult.value);
    return { broken, primary, declared: names.declared, mentioned: names.mentioned };
}

/**
 * Where a parser error is: its token; or (an inserted token, the end of the input) the
 * last character of the token before it, so that it falls in that token's region.
 */
export function parserErrorOffset(error: IRecognitionException, length: number): number {
    const token = error.token;
    if (isPlaced(token)) return token.startOffset;
    const previous = (error as { previousToken?: IToken }).previousToken;
    if (isPlaced(previous)) return previous.startOffset + Math.max(previous.image.length - 1, 0);
    return length;
}

/** Where a parser error's diagnostic goes: its token, or just after the token before it. */
export function parserErrorRange(error: IRecognitionException, length: number): { start: number; end: number } {
    const token = error.token;
    if (isPlaced(token) && token.image.length > 0) return { start: token.startOffset, end: token.startOffset + token.image.length };
    const previous = (error as { previousToken?: IToken }).previousToken;
    const at = isPlaced(previous) ? previous.startOffset + previous.image.length : isPlaced(token) ? token.startOffset : length;
    return { start: at, end: at };
}

function isPlaced(token: IToken | undefined): token is IToken {
    return token !== undefined && Number.isFinite(token.startOffset) && token.startOffset >= 0 && !(token as { isInsertedInRecovery?: boolean }).isInsertedInRecovery;
}

/** The index of the last element that starts at or before `offset`; -1 before the first. */
function regionOf(elements: readonly AstNode[], offset: number): number {
    let low = 0, high = elements.length - 1, found = -1;
    while (low <= high) {
        const middle = (low + high) >>> 1;
        if (elements[middle].$cstNode!.offset <= offset) {
            found = middle;
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return found;
}
