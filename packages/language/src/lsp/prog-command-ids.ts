/**
 * `workspace/executeCommand` commands of the language server, called by the VS Code
 * extension. Their IDs differ from the extension's own command IDs (`sporbar.*`): the
 * language client registers every server command as a VS Code command of the same name.
 * This module imports nothing, so the extension's client bundle takes it as it is.
 */
export const ServerCommands = {
    listReports: 'sporbar.server.listReports',
    validateWorkspace: 'sporbar.server.validateWorkspace',
    generateReport: 'sporbar.server.generateReport',
    logicSvg: 'sporbar.server.logicSvg',
    matrix: 'sporbar.server.matrix',
    chartSvg: 'sporbar.server.chartSvg'
} as const;
