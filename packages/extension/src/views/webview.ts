import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

/** A fresh nonce for one rendering of a webview. */
export function nonce(): string {
    return randomBytes(18).toString('base64');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: unknown): string {
    return String(text ?? '').replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** The Content-Security-Policy of every Sporbar webview: no network, scripts and styles only by nonce. */
export function contentSecurityPolicy(webview: vscode.Webview, scriptNonce: string): string {
    return [
        `default-src 'none'`,
        `img-src ${webview.cspSource} data:`,
        `style-src ${webview.cspSource} 'nonce-${scriptNonce}'`,
        `script-src 'nonce-${scriptNonce}'`
    ].join('; ');
}

/** A complete page: CSP, theme-aware base styles, the body and a script (all under one nonce). */
export function page(webview: vscode.Webview, options: { title: string; lang: string; style: string; body: string; script: string; nonce?: string }): string {
    const n = options.nonce ?? nonce();
    return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview, n))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style nonce="${n}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1em 1em; }
.status { color: var(--vscode-descriptionForeground); margin: .5em 0; }
.error { color: var(--vscode-errorForeground); }
${options.style}
</style>
</head>
<body>
${options.body}
<script nonce="${n}">
${options.script}
</script>
</body>
</html>`;
}

/**
 * Makes an SVG from the report package safe to place inline: no scripts, no event-handler
 * attributes, no foreign objects, no external or `javascript:` links, and `<style>` elements
 * given the page's nonce (the CSP blocks them otherwise). The CSP blocks scripts anyway.
 */
export function sanitizeSvg(svg: string, styleNonce: string): string {
    const start = svg.indexOf('<svg');
    let body = start >= 0 ? svg.slice(start) : '';
    body = body
        .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
        .replace(/<script[^>]*\/>/gi, '')
        .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
        .replace(/\s(on[a-z]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
        .replace(/\s((?:xlink:)?href)\s*=\s*("\s*(?!#)[^"]*"|'\s*(?!#)[^']*')/gi, '')
        .replace(/<style(\s[^>]*)?>/gi, `<style nonce="${styleNonce}">`);
    return body;
}
