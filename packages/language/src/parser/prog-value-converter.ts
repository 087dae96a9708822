import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Converts token text to AST values. IDs are compared in NFC (LANGUAGE.md: two IDs are
 * equal when their NFC forms are), so declarations and references are normalised here.
 * Strings know only the escapes `\"` and `\\`.
 */
export class ProgValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'ID': return toNfc(input);
            case 'TEXT_REF': return toNfc(input.substring(1));
            case 'STRING': return unescapeString(input);
            case 'DateValue': return input;
            default: return super.runConverter(rule, input, cstNode);
        }
    }
}

export function unescapeString(token: string): string {
    // A string that is not closed on its line (prog-token-builder.ts) loses only its opening quote.
    const body = !token.startsWith('"') ? token : closedAtEnd(token) ? token.slice(1, -1) : token.slice(1);
    return body.indexOf('\\') < 0 ? body : body.replace(/\\(["\\])/g, '$1');
}

/** NFC of an ID; an ASCII ID (almost every one) is its own NFC form, which is cheaper to see than to compute. */
function toNfc(id: string): string {
    for (let i = 0; i < id.length; i++) {
        if (id.charCodeAt(i) > 0x7f) return id.normalize('NFC');
    }
    return id;
}

/** Whether a token that starts with `"` ends with a closing `"` (not an escaped one). */
function closedAtEnd(token: string): boolean {
    if (token.length < 2 || !token.endsWith('"')) return false;
    let backslashes = 0;
    for (let i = token.length - 2; i > 0 && token.charCodeAt(i) === 92; i--) backslashes++;
    return backslashes % 2 === 0;
}
