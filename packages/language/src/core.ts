// The language without its language server: the grammar, the workspace model and the
// checks. `sporbar validate` imports this entry, so its bundle does not load Langium's LSP
// layer or vscode-languageserver (index.ts adds those for the server and the extension).
export * from './generated/ast.js';
export * from './prog-codes.js';
export * from './workspace/prog-config.js';
export * from './l10n/prog-l10n.js';
export * from './model/prog-dates.js';
export * from './prog-module.js';
export { EDITOR_BUILD, type BuildProfile } from './workspace/prog-build-profile.js';
export * from './references/prog-names.js';
export * from './model/prog-text.js';
export * from './workspace/prog-workspace.js';
export { fileUriToPath, isAbsoluteSlashPath, pathToFileUri, type InsideOptions, type PathApi } from './workspace/prog-paths.js';
export * from './workspace/prog-workspace-index.js';
export { startsTextRef, ID_REGEX } from './parser/prog-token-builder.js';
export * from './model/prog-model.js';
export * from './model/prog-time.js';
export * from './model/prog-matrix.js';
export * from './model/prog-bibliography.js';
export * from './workspace/prog-csv.js';
export * from './workspace/prog-table-data.js';
export * from './workspace/prog-transcripts.js';
export { readRegularFileSync } from './parser/prog-source-text.js';
export { changedSpan, parseIncrementally } from './parser/prog-incremental-parse.js';
export { nodesOf, referencesOf } from './model/prog-ast-walk.js';
export { DependencyKeys, dependsOn, fileKey, type DependencyKey } from './workspace/prog-dependencies.js';
export { ProgDocumentFactory } from './workspace/prog-document-factory.js';
export { ProgDocumentBuilder } from './workspace/prog-document-builder.js';
export { LeanCstNode, leanStats } from './parser/prog-lean-cst.js';
