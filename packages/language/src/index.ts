export * from './core.js';
export { ProgLspModule, ProgSharedLspModule } from './lsp/prog-lsp-module.js';
export { createProgServices } from './lsp/prog-services.js';
export { formatProgDocument, MAX_LINE } from './lsp/prog-formatter.js';
export { hoverMarkdown } from './lsp/prog-hover.js';
export { uiLanguage } from './lsp/prog-ui-language.js';
export { SETTINGS_SECTION } from './lsp/prog-configuration.js';
export { setReportBackend, ServerCommands, type ReportBackend, type GenerateReportParams } from './lsp/prog-commands.js';
