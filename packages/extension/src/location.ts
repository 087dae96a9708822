import * as vscode from 'vscode';
import type { Location } from './protocol.js';

export function toRange(range: Location['range']): vscode.Range {
    return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Counts reveals: a later one (another click) ends the focus care of an earlier one. */
let reveals = 0;

/** Opens the document at a server location, selects the range and gives the editor the focus. */
export async function reveal(location: Location, viewColumn: vscode.ViewColumn = vscode.ViewColumn.One): Promise<void> {
    const own = ++reveals;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
    const range = toRange(location.range);
    const editor = await vscode.window.showTextDocument(document, { viewColumn, selection: range, preserveFocus: false });
    // A click in a webview can take the focus back just after the editor got it (the
    // webview reports its focus late): then the editor is focused again, for a moment.
    for (let attempt = 0; attempt < 4; attempt++) {
        await new Promise(resolve => setTimeout(resolve, 150));
        if (own !== reveals) return;
        if (vscode.window.activeTextEditor?.document === document) continue;
        await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn ?? viewColumn, selection: range, preserveFocus: false });
    }
}
