import { AstUtils, type AstNode, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import { Codes } from '../prog-codes.js';
import { diagnose } from './prog-diagnose.js';

/** `"""` texts as the report will show them. */
export class TextChecks {
    /**
     * `text/mixed-indentation`: the lines of a text lose their common leading white space
     * (LANGUAGE.md "Text blocks"), compared character by character. When some lines are
     * indented with tabs and others with spaces, that common part is shorter than every
     * line's indentation, and what is left (a tab) makes Markdown show the lines as code.
     * Reported on the first line whose indentation differs from the first line's.
     */
    indentationShouldNotMix(block: ast.TextBlock, accept: ValidationAcceptor): void {
        // Most files hold no tab at all: one look per file.
        if (!holdsTab(block)) return;
        const cst = block.$cstNode;
        if (!cst) return;
        const raw = cst.text;
        // Most texts hold no tab at all.
        if (raw.indexOf('\t') < 0 || !/[\r\n]/.test(raw)) return;
        // The lines as `stripText` (prog-text.ts) sees them: inside the quotes, without a
        // blank first and last line; blank lines do not count.
        const inner = raw.startsWith('"""') ? raw.slice(3, raw.endsWith('"""') ? -3 : undefined) : raw;
        let lines = linesOf(inner, cst.offset + (inner === raw ? 0 : 3));
        if (lines.length > 0 && lines[0].text.trim() === '') lines = lines.slice(1);
        if (lines.length > 0 && lines[lines.length - 1].text.trim() === '') lines = lines.slice(0, -1);
        const content = lines.filter(line => line.text.trim() !== '');
        if (content.length < 2) return;
        const leads = content.map(line => /^[ \t]*/.exec(line.text)![0]);
        let common = leads[0];
        for (const lead of leads) {
            let i = 0;
            while (i < common.length && i < lead.length && common[i] === lead[i]) i++;
            common = common.slice(0, i);
        }
        const shortest = Math.min(...leads.map(lead => lead.length));
        if (common.length >= shortest) return;
        const at = common.length;
        // The first line indented with a tab where others have a space (a tab is what editors slip in).
        const index = leads.findIndex(lead => lead[at] === '\t');
        const line = content[index];
        const start = positionOf(raw, cst, line.offset);
        diagnose(accept, Codes.TextMixedIndentation,
            'This text mixes tabs and spaces in its indentation: this line is indented with a tab, others with spaces; the report would show the lines as code — indent every line the same way, with spaces',
            { node: block, range: { start, end: { line: start.line, character: start.character + leads[index].length } } });
    }
}

const tabs = new WeakMap<AstNode, boolean>();

/** Whether the text of the node's document holds a tab (remembered per tree). */
function holdsTab(node: AstNode): boolean {
    const root = AstUtils.findRootNode(node);
    let found = tabs.get(root);
    if (found === undefined) {
        const document = (root as { $document?: LangiumDocument }).$document;
        tabs.set(root, found = document ? document.textDocument.getText().indexOf('\t') >= 0 : true);
    }
    return found;
}

interface Line {
    readonly text: string;
    /** Where the line starts in the document. */
    readonly offset: number;
}

function linesOf(raw: string, base: number): Line[] {
    const lines: Line[] = [];
    const pattern = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) {
        lines.push({ text: raw.substring(start, m.index), offset: base + start });
        start = m.index + m[0].length;
    }
    lines.push({ text: raw.substring(start), offset: base + start });
    return lines;
}

/** The position of a document offset inside the text block (the block's start position plus the lines before it). */
function positionOf(raw: string, cst: { offset: number; range: { start: { line: number; character: number } } }, offset: number): { line: number; character: number } {
    const before = raw.substring(0, offset - cst.offset);
    const breaks = before.match(/\r\n|\r|\n/g)?.length ?? 0;
    return { line: cst.range.start.line + breaks, character: breaks === 0 ? cst.range.start.character + before.length : 0 };
}
