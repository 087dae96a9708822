import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLangiumParser, DefaultLexer, type LangiumCoreServices, type LangiumParser } from 'langium';
import { collectDiagnostics, loadWorkspace, type FileDiagnostic } from '@sporbar/language';
// The same module instance `@sporbar/language` loads (tests resolve it to the sources:
// test/source-aliases.ts): the parser shares module state (the suggestions its messages
// record: prog-parser-messages.ts) with the services' message provider.
import { createProgParser } from '../../packages/language/src/parser/prog-parser.js';

/** Writes a workspace of files into a fresh temporary folder and returns its path. */
export function writeWorkspace(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-test-'));
    for (const [name, text] of Object.entries(files)) {
        const file = path.join(root, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
    }
    return root;
}

/** Loads a workspace given as files and returns its diagnostics (sorted, with files). */
export async function diagnose(files: Record<string, string>): Promise<FileDiagnostic[]> {
    const root = writeWorkspace(files);
    try {
        return collectDiagnostics(await loadWorkspace(root));
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
}

/** `file:line:col code` of each diagnostic (1-based) — compact to assert on. */
export function brief(diagnostics: readonly FileDiagnostic[]): string[] {
    return diagnostics.map(d => `${d.file}:${d.diagnostic.range.start.line + 1}:${d.diagnostic.range.start.character + 1} ${d.diagnostic.code}`);
}

export const PROGRAMME = 'programme P "Programme" { client KS }\nactor KS "KS" { type association }\n';

/**
 * Langium's own parser with Langium's own lexer, which tracks every token's lines and
 * columns (the language's lexer does not: prog-lexer.ts), to compare with.
 */
export function stockParser(services: LangiumCoreServices): LangiumParser {
    const parser = Object.create(services.parser) as LangiumCoreServices['parser'];
    Object.defineProperty(parser, 'Lexer', { value: new DefaultLexer(services) });
    const stock = Object.create(services) as LangiumCoreServices;
    Object.defineProperty(stock, 'parser', { value: parser });
    return createLangiumParser(stock);
}

/**
 * The language's own parser (with its error recovery: langium-internals/prog-recovery-parse.ts)
 * on Langium's own lexer, which tracks every token's lines and columns: what the language's
 * parser gives must be the same.
 */
export function progParserOnStockLexer(services: LangiumCoreServices): LangiumParser {
    const parser = Object.create(services.parser) as LangiumCoreServices['parser'];
    Object.defineProperty(parser, 'Lexer', { value: new DefaultLexer(services) });
    const stock = Object.create(services) as LangiumCoreServices;
    Object.defineProperty(stock, 'parser', { value: parser });
    return createProgParser(stock);
}
