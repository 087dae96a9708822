import { AbstractCstNode, type AstNode, type CompositeCstNode, type LeafCstNode } from 'langium';
import type { TokenType } from 'chevrotain';
import type { Position, Range } from 'vscode-languageserver';

/**
 * A CST leaf (one token) that keeps its offset and length but not its line and column:
 * its range is computed from the offsets when asked for, with the line starts of the
 * document's text (found once per root CST node). Langium's own leaf keeps four position
 * fields besides; a workspace holds about 20 leaves per element, and the smaller leaf takes
 * 20 MB (7 %) off the peak memory of validating 1,000 files, which is also 20 MB less for
 * the garbage collector to copy (docs/performance.md). The parser makes every leaf this way
 * (langium-internals/parser-patch.ts); `test/language/parsing.test.ts` compares every leaf's range with those
 * of Langium's own parser.
 *
 * An edit that re-parses one element (prog-incremental-parse.ts) only moves the offsets of
 * the leaves after it: their lines and columns follow from the new text.
 */
export class ProgLeafNode extends AbstractCstNode implements LeafCstNode {
    _hidden: boolean;
    _offset: number;
    _length: number;
    _tokenType: TokenType;

    constructor(offset: number, length: number, tokenType: TokenType, hidden: boolean) {
        super();
        this._hidden = hidden;
        // `| 0` keeps the fields small integers (Chevrotain's token fields are doubles).
        this._offset = offset | 0;
        this._length = length | 0;
        this._tokenType = tokenType;
    }

    get offset(): number {
        return this._offset;
    }

    get length(): number {
        return this._length;
    }

    get end(): number {
        return this._offset + this._length;
    }

    get hidden(): boolean {
        return this._hidden;
    }

    get tokenType(): TokenType {
        return this._tokenType;
    }

    get astNode(): AstNode {
        const container = this.container as CompositeCstNode | undefined;
        if (!container) throw new Error('This node has no associated AST element');
        return container.astNode;
    }

    get range(): Range {
        const starts = lineStartsOf(this.root);
        return { start: positionAt(starts, this._offset), end: positionAt(starts, this._offset + this._length) };
    }
}

const lineStartsByRoot = new WeakMap<object, ArrayLike<number>>();

/** The offsets where the lines of the root's text start; `\r\n`, `\n` and `\r` end a line, as in the LSP. */
function lineStartsOf(root: object): ArrayLike<number> {
    let starts = lineStartsByRoot.get(root);
    if (!starts) {
        const text = (root as { fullText?: unknown }).fullText;
        starts = lineStarts(typeof text === 'string' ? text : '');
        lineStartsByRoot.set(root, starts);
    }
    return starts;
}

/**
 * After an edit (prog-incremental-parse.ts) the new root's line starts are the former
 * root's, when those were counted: kept before the change, counted inside it, shifted
 * after it — not counted afresh over a document of megabytes on every keystroke. `[start,
 * oldEnd)` of the old text became `[start, newEnd)` of the new one. A carriage return at
 * either end of the change (which could pair with a line feed across it) leaves them to be
 * counted afresh.
 */
export function carryOverLineStarts(before: object, after: object, oldText: string, newText: string, start: number, oldEnd: number, newEnd: number): void {
    const starts = lineStartsByRoot.get(before);
    if (!starts) return;
    for (const [text, end] of [[oldText, oldEnd], [newText, newEnd]] as const) {
        if (text.charCodeAt(start - 1) === 13 || text.charCodeAt(start) === 13 || text.charCodeAt(end - 1) === 13 || text.charCodeAt(end) === 13) return;
    }
    // Starts whose line break lies before the change stay; those with the break inside it go.
    const kept = firstStartAfter(starts, start);
    const after0 = firstStartAfter(starts, oldEnd);
    const added = lineStarts(newText.substring(start, newEnd));
    const delta = newEnd - oldEnd;
    // One typed array of the final length: growing a list of 76,000 starts by `push` took 7 ms.
    const result = new Int32Array(kept + added.length - 1 + starts.length - after0);
    let n = 0;
    for (let i = 0; i < kept; i++) result[n++] = starts[i];
    for (let i = 1; i < added.length; i++) result[n++] = added[i] + start;
    for (let i = after0; i < starts.length; i++) result[n++] = starts[i] + delta;
    lineStartsByRoot.set(after, result);
}

/** The index of the first line start whose line break is at or after `offset` (start > offset). */
function firstStartAfter(starts: ArrayLike<number>, offset: number): number {
    let low = 0;
    let high = starts.length;
    while (low < high) {
        const mid = (low + high) >>> 1;
        if (starts[mid] <= offset) low = mid + 1;
        else high = mid;
    }
    return low;
}

export function lineStarts(text: string): number[] {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
        return starts;
    }
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13) {
            if (text.charCodeAt(i + 1) === 10) i++;
            starts.push(i + 1);
        } else if (c === 10) {
            starts.push(i + 1);
        }
    }
    return starts;
}

/** The position of `offset`: the last line starting at or before it, and the column within. */
export function positionAt(starts: ArrayLike<number>, offset: number): Position {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >>> 1;
        if (starts[mid] <= offset) low = mid;
        else high = mid - 1;
    }
    return { line: low, character: offset - starts[low] };
}
