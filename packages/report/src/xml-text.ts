/**
 * Text for XML and HTML output (the logic SVG, the docx body, the HTML report): one
 * escaping, which also drops the characters XML 1.0 forbids — Word and LibreOffice refuse
 * a file that holds them, and browsers show them as garbage.
 */

/** Characters XML 1.0 forbids even as references (C0 controls but tab and line ends, U+FFFE/U+FFFF, lone surrogates). */
export const NOT_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Markup characters escaped (also `"`, for attributes), forbidden characters dropped. */
export function escapeXml(value: string): string {
    return value.replace(NOT_XML_CHARS, '').replace(/[&<>"]/g, c => ENTITIES[c]);
}
