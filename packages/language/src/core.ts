// The language without its language server: the grammar, the workspace model and the
// checks. `sporbar validate` imports this entry, so its bundle does not load Langium's LSP
// layer or vscode-languageserver (index.ts adds those for the server and the extension).
export * from './generated/ast.js';
export * from './prog-codes.js';
export * from './prog-config.js';
export * from './l10n/prog-l10n.js';
export * from './prog-dates.js';
export * from './prog-module.js';
export * from './prog-names.js';
export * from './prog-text.js';
export * from './prog-workspace.js';
export { fileUriToPath, isAbsoluteSlashPath, pathToFileUri, type InsideOptions, type PathApi } from './prog-paths.js';
export * from './prog-workspace-index.js';
export { startsTextRef, ID_REGEX } from './prog-token-builder.js';
export * from './prog-model.js';
export * from './prog-time.js';
export * from './prog-matrix.js';
export * from './prog-bibliography.js';
export * from './prog-csv.js';
export * from './prog-table-data.js';
export * from './prog-transcripts.js';
export { readRegularFileSync } from './prog-source-text.js';
export { changedSpan, parseIncrementally } from './prog-incremental-parse.js';
export { nodesOf, referencesOf } from './prog-ast-walk.js';
export { DependencyKeys, dependsOn, fileKey, type DependencyKey } from './prog-dependencies.js';
export { ProgDocumentFactory } from './prog-document-factory.js';
export { ProgDocumentBuilder } from './prog-document-builder.js';
export { LeanCstNode, leanStats } from './prog-lean-cst.js';
