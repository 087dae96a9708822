import type { Colours } from './cli-format.js';

/** Where a command writes; tests pass their own. */
export interface Io {
    stdout: (s: string) => void;
    stderr: (s: string) => void;
    isTTY: boolean;
}

export const defaultIo: Io = {
    stdout: s => { process.stdout.write(s); },
    stderr: s => { process.stderr.write(s); },
    isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
};

/** A usage problem: a clear one-line message and exit code 2. */
export class UsageError extends Error {}

/** Colours for a terminal; none when the output is not a TTY. */
export async function colours(io: Io): Promise<Colours | undefined> {
    if (!io.isTTY) return undefined;
    const pc = (await import('picocolors')).default;
    return { red: pc.red, yellow: pc.yellow, blue: pc.blue, dim: pc.dim, bold: pc.bold };
}
