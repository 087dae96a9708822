import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createProgCoreServices, type ProgCoreServices } from '../prog-module.js';
import type { Model } from '../generated/ast.js';
import { CONFIG_FILE, type ConfigProblem } from './prog-config.js';
import { comparePaths } from './prog-workspace-index.js';
import type { ProgFileSystemProvider } from './prog-file-system.js';
import { readRegularFileSync } from '../parser/prog-source-text.js';
import { isInside, relativePath } from './prog-paths.js';

/** Folders skipped at any depth (LANGUAGE.md): dot-folders, `node_modules`, `out`. */
export function isSkippedFolder(name: string): boolean {
    return name.startsWith('.') || name === 'node_modules' || name === 'out';
}

/**
 * Every `.prog` file below `root`, in path order. Symbolic links to folders are not
 * followed (no loops, nothing outside the workspace); a linked file counts only when it
 * resolves inside the workspace. An entry named `.prog` that cannot be read as a file (a
 * link loop, a dangling link, a FIFO) is listed too: loading it gives `syntax/unreadable`.
 */
export function findProgFiles(root: string): string[] {
    const result: string[] = [];
    const realRoot = fs.realpathSync(root);
    const walk = (dir: string) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (!isSkippedFolder(entry.name)) walk(full);
            } else if (entry.name.endsWith('.prog')) {
                if (entry.isFile()) result.push(full);
                else if (entry.isSymbolicLink()) {
                    try {
                        const real = fs.realpathSync(full);
                        if (isInside(realRoot, real) && fs.statSync(real).isFile()) result.push(full);
                    } catch {
                        // A loop or a dangling link: listed, so that reading it reports why it cannot be read.
                        result.push(full);
                    }
                } else {
                    // A FIFO, socket or device named .prog: listed and reported as not a regular file (never read).
                    result.push(full);
                }
            }
        }
    };
    walk(root);
    return result.sort(comparePaths);
}

// Path logic (with a `path` implementation parameter, tested with path.win32): prog-paths.ts.
export { isInside, relativePath } from './prog-paths.js';

/** A diagnostic with the file it belongs to. */
export interface FileDiagnostic {
    readonly file: string;
    readonly uri: string;
    readonly diagnostic: Diagnostic;
}

export interface LoadedWorkspace {
    readonly root: string;
    readonly services: ProgCoreServices;
    readonly documents: readonly LangiumDocument<Model>[];
    readonly configProblems: readonly ConfigProblem[];
}


export interface LoadOptions {
    /**
     * Build lean syntax trees (prog-lean-cst.ts): less memory and time for a one-shot
     * validation, the same diagnostics. For `sporbar validate`; whatever walks the CST a
     * lot (reports, the editor) is better served by full trees.
     */
    readonly leanTrees?: boolean;
    /**
     * No rebuild follows (`sporbar validate`): the build does not record which documents
     * each one references, nor what each one's validation read from the workspace index,
     * nor keep each declaration's description for the next build; only a rebuild after a
     * change needs them. And the parser remembers each tree's node and reference lists in
     * the walk that sets its containers, since the build asks for every one of them.
     */
    readonly oneShot?: boolean;
}

/**
 * Loads every `.prog` file of a workspace folder into one model and builds it: parse,
 * link and validate, with `sporbar.json` applied.
 */
export async function loadWorkspace(root: string, files = findProgFiles(root), options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const services = createProgCoreServices(EmptyFileSystem, { oneShot: options.oneShot === true, leanTrees: options.leanTrees === true }).Prog;
    const absRoot = path.resolve(root);
    services.workspace.Settings.setRoot(absRoot);
    const shared = services.shared;
    const documents: LangiumDocument<Model>[] = [];
    const fileSystem = shared.workspace.FileSystemProvider as ProgFileSystemProvider;
    for (const file of files) {
        const uri = URI.file(path.resolve(file));
        const text = fileSystem.decode(uri, () => readRegularFileSync(uri.fsPath));
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { root: absRoot, services, documents, configProblems: services.workspace.Settings.config.problems };
}

/** All diagnostics of a loaded workspace (config problems included), sorted by file, line, column. */
export function collectDiagnostics(workspace: LoadedWorkspace): FileDiagnostic[] {
    const result: FileDiagnostic[] = [];
    for (const document of workspace.documents) {
        const file = relativePath(workspace.root, document.uri.fsPath);
        for (const diagnostic of document.diagnostics ?? []) {
            result.push({ file, uri: document.uri.toString(), diagnostic });
        }
    }
    for (const problem of workspace.configProblems) {
        const position = { line: problem.line - 1, character: problem.column - 1 };
        result.push({
            file: CONFIG_FILE,
            uri: URI.file(path.join(workspace.root, CONFIG_FILE)).toString(),
            diagnostic: {
                range: { start: position, end: position },
                severity: problem.severity === 'error' ? 1 : 2,
                code: problem.code,
                message: problem.message,
                source: 'prog'
            }
        });
    }
    return result.sort(compareFileDiagnostics);
}

export function compareFileDiagnostics(a: FileDiagnostic, b: FileDiagnostic): number {
    return comparePaths(a.file, b.file)
        || a.diagnostic.range.start.line - b.diagnostic.range.start.line
        || a.diagnostic.range.start.character - b.diagnostic.range.start.character
        || String(a.diagnostic.code).localeCompare(String(b.diagnostic.code));
}

