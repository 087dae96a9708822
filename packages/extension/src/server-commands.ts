/**
 * IDs of the server's `workspace/executeCommand` commands, repeated on the client side so
 * that nothing of the server is bundled into the client (a test checks they match).
 * They differ from the extension's own command IDs: the language client registers every
 * server command as a VS Code command of the same name.
 */
export const ServerCommands = {
    listReports: 'sporbar.server.listReports',
    validateWorkspace: 'sporbar.server.validateWorkspace',
    generateReport: 'sporbar.server.generateReport',
    logicSvg: 'sporbar.server.logicSvg',
    matrix: 'sporbar.server.matrix'
} as const;
