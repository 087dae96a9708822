import type { Connection } from 'vscode-languageserver';

/** `sporbar/heapUsed`: the server's heap in bytes, after a full GC when `--expose-gc` is on (reliability tests). */
export const HEAP_USED_REQUEST = 'sporbar/heapUsed';

export function registerHeapRequest(connection: Connection | undefined): void {
    connection?.onRequest(HEAP_USED_REQUEST, () => {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (gc) gc();
        return { heapUsed: process.memoryUsage().heapUsed, gc: gc !== undefined };
    });
}
