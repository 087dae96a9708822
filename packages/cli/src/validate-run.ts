import * as path from 'node:path';
import { CONFIG_FILE, collectDiagnostics, translateMessage, translateRelated, loadWorkspace, pathToFileUri, readRegularFileSync, relativePath, RULES, type LoadedWorkspace, type PathApi, type UiLanguage } from '@sporbar/language/core';
import { VERSION } from './cli-about.js';
import { summarise, toJson, toStylish } from './cli-format.js';
import { colours, type Io } from './cli-io.js';
import { resolveWorkspace } from './cli-workspace.js';
import type { ValidateOptions } from './cmd-validate.js';
import { CI_FORMATS, type FormatContext, type FormatDocument } from './formats/index.js';

/** Runs `sporbar validate`; resolves to the exit code. */
export async function validate(folder: string, options: ValidateOptions, io: Io): Promise<number> {
    const { root, files } = resolveWorkspace(folder);
    const workspace = await loadWorkspace(root, files, { leanTrees: true, oneShot: true });
    const diagnostics = collectDiagnostics(workspace);
    const summary = summarise(diagnostics, files.length);
    // `--lang`, else the workspace's `sporbar.json` `language`, else English: CI logs are read by developers.
    const language: UiLanguage = options.lang ?? workspace.services.workspace.Settings.config.language ?? 'en';
    const message = (code: string | number | undefined, text: string) => translateMessage(code, text, language);
    const translate = { message, related: (text: string) => translateRelated(text, language) };
    const ci = CI_FORMATS[options.format];
    if (ci) io.stdout(ci(diagnostics, { ...formatContext(workspace, files.length, process.cwd()), language, translate }));
    else if (options.format === 'json') io.stdout(toJson(diagnostics, summary, language, message));
    else io.stdout(toStylish(diagnostics, summary, await colours(io), language, message));
    if (summary.errors > 0) return 1;
    if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
        io.stderr(`sporbar: ${summary.warnings} warnings exceed --max-warnings ${options.maxWarnings}\n`);
        return 1;
    }
    return 0;
}

/** Everything the CI formats need, read once here so that the formats stay pure. */
export function formatContext(workspace: LoadedWorkspace, files: number, cwd: string): FormatContext {
    const documents: FormatDocument[] = workspace.documents.map(doc => ({
        file: relativePath(workspace.root, doc.uri.fsPath),
        uri: doc.uri.toString(),
        text: doc.textDocument.getText()
    }));
    try {
        documents.push({ file: CONFIG_FILE, text: new TextDecoder().decode(readRegularFileSync(path.join(workspace.root, CONFIG_FILE))).replace(/^\uFEFF/, '') });
    } catch { /* no sporbar.json, or not a regular file (reported as config/invalid) */ }
    return {
        version: VERSION,
        files,
        ...workspaceLocation(cwd, workspace.root),
        documents,
        rules: RULES,
        overrides: workspace.services.workspace.Settings.config.rules
    };
}

/**
 * Where the CI formats place the workspace: `base`, its folder as seen from `cwd` with `/`
 * separators (`''` when the same; `D:/ws` when it is on another drive than `cwd`, which has
 * no relative path), and `srcRoot`, the `file:` URI of `cwd` ending in `/` (SARIF's `%SRCROOT%`).
 */
export function workspaceLocation(cwd: string, root: string, p: PathApi = path): { base: string; srcRoot: string } {
    const srcRoot = pathToFileUri(cwd, p);
    return { base: relativePath(cwd, root, p), srcRoot: srcRoot.endsWith('/') ? srcRoot : `${srcRoot}/` };
}
