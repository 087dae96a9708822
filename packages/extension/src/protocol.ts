/**
 * The client's view of the server's `workspace/executeCommand` commands. The types come
 * from the language package (type-only: nothing of the server is bundled into the client);
 * the command IDs are repeated here for the same reason and checked against the server's
 * by the extension tests.
 */
import type * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import type {
    DiagnosticSummary, GenerateReportParams, GenerateReportResult, Location, LogicSvgParams, LogicSvgResult, MatrixView, ReportInfo
} from '../../language/src/lsp/prog-commands.js';

export type { DiagnosticSummary, GenerateReportParams, GenerateReportResult, Location, LogicSvgParams, LogicSvgResult, MatrixView, ReportInfo };
export type { ReportFormat } from '../../language/src/lsp/prog-commands.js';

import { ServerCommands } from '../../language/src/lsp/prog-command-ids.js';
export { ServerCommands };

/** Sends one server command; cancelling the token cancels the request. */
export function runServerCommand<T>(client: LanguageClient, command: string, args: unknown[] = [], token?: vscode.CancellationToken): Promise<T> {
    return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }, token) as Promise<T>;
}

export interface ServerApi {
    listReports(token?: vscode.CancellationToken): Promise<ReportInfo[]>;
    validateWorkspace(token?: vscode.CancellationToken): Promise<DiagnosticSummary>;
    generateReport(params: GenerateReportParams, token?: vscode.CancellationToken): Promise<GenerateReportResult>;
    logicSvg(params?: LogicSvgParams, token?: vscode.CancellationToken): Promise<LogicSvgResult>;
    matrix(token?: vscode.CancellationToken): Promise<MatrixView>;
}

/** Typed access to the server commands, through whichever client is running now. */
export function serverApi(client: () => Promise<LanguageClient>): ServerApi {
    return {
        listReports: async token => runServerCommand(await client(), ServerCommands.listReports, [], token),
        validateWorkspace: async token => runServerCommand(await client(), ServerCommands.validateWorkspace, [], token),
        generateReport: async (params, token) => runServerCommand(await client(), ServerCommands.generateReport, [params], token),
        logicSvg: async (params, token) => runServerCommand(await client(), ServerCommands.logicSvg, [params ?? {}], token),
        matrix: async token => runServerCommand(await client(), ServerCommands.matrix, [], token)
    };
}
