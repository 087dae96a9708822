import * as vscode from 'vscode';
import type { Location } from './protocol.js';

export function toRange(range: Location['range']): vscode.Range {
    return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Opens the document at a server location and selects the range. */
export async function reveal(location: Location, viewColumn: vscode.ViewColumn = vscode.ViewColumn.One): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
    const range = toRange(location.range);
    await vscode.window.showTextDocument(document, { viewColumn, selection: range, preserveFocus: false });
}
