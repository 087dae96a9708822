import type { TextBlock } from '../generated/ast.js';

/**
 * The content of a `"""` text as the author means it (LANGUAGE.md "Text blocks"): the line
 * break right after the opening quotes and a last line of only whitespace are dropped,
 * the longest common leading whitespace of the non-blank lines is removed, a one-line text
 * is trimmed, and `\@` becomes `@`.
 */
export function textContent(block: TextBlock | undefined): string {
    if (!block?.$cstNode) return '';
    const raw = block.$cstNode.text;
    const inner = raw.startsWith('"""') ? raw.slice(3, raw.endsWith('"""') ? -3 : undefined) : raw;
    return stripText(inner);
}

export function stripText(inner: string): string {
    const unescape = (s: string) => s.replace(/\\@/g, '@');
    if (!/[\r\n]/.test(inner)) return unescape(inner.trim());
    let lines = inner.split(/\r\n|\r|\n/);
    if (lines.length > 0 && lines[0].trim() === '') lines = lines.slice(1);
    if (lines.length > 0 && lines[lines.length - 1].trim() === '') lines = lines.slice(0, -1);
    let indent: string | undefined;
    for (const line of lines) {
        if (line.trim() === '') continue;
        const lead = /^[ \t]*/.exec(line)![0];
        if (indent === undefined) indent = lead;
        else {
            let i = 0;
            while (i < indent.length && i < lead.length && indent[i] === lead[i]) i++;
            indent = indent.slice(0, i);
        }
    }
    const cut = indent?.length ?? 0;
    return unescape(lines.map(line => line.trim() === '' ? '' : line.slice(cut)).join('\n'));
}
