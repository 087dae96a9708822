import { Buffer, isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
/**
 * Turns the bytes of a `.prog` file into text, saying what was wrong with them: invalid
 * UTF-8 is decoded with replacement characters and reported at the first bad byte; a
 * binary file (NUL bytes) becomes an empty document with one diagnostic, instead of a
 * flood of lexer errors; a byte-order mark is dropped.
 */
export interface SourceTextProblem {
    readonly code: 'syntax/encoding' | 'syntax/unreadable';
    readonly message: string;
    /** Offset in the decoded text where the problem is. */
    readonly offset: number;
}

export interface SourceText {
    readonly text: string;
    readonly problem?: SourceTextProblem;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function decodeSourceBytes(bytes: Uint8Array): SourceText {
    const probe = bytes.subarray(0, 8192);
    if (probe.includes(0)) {
        return { text: '', problem: { code: 'syntax/encoding', message: 'This looks like a binary file (it contains NUL bytes), not .prog text; it is ignored', offset: 0 } };
    }
    // Node's own UTF-8 check and decoder (simdutf) are several times faster than TextDecoder.
    if (isUtf8(bytes)) {
        const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
        return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    }
    const text = lenient.decode(bytes);
    const offset = Math.max(0, text.indexOf('\uFFFD'));
    const byte = firstInvalidByte(bytes);
    return { text, problem: { code: 'syntax/encoding', message: `The file is not valid UTF-8 (first bad byte at offset ${byte}); save it as UTF-8`, offset } };
}

function firstInvalidByte(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        const length = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 0;
        if (length === 0) return i;
        try {
            strict.decode(bytes.subarray(i, i + length));
        } catch {
            return i;
        }
        i += length;
    }
    return i;
}

/** Problems found while reading files, by document URI; the document validator reports them. */
export class SourceTextProblems {
    private readonly problems = new Map<string, SourceTextProblem>();

    set(uri: string, problem: SourceTextProblem | undefined): void {
        if (problem) this.problems.set(uri, problem);
        else this.problems.delete(uri);
    }

    get(uri: string): SourceTextProblem | undefined {
        return this.problems.get(uri);
    }
}

/**
 * Reads a file that should be a regular file, without ever blocking: a FIFO, socket or
 * device named `.prog` (or `sporbar.json`) is opened non-blocking and refused, so a hostile
 * workspace cannot hang the CLI or the server. Errors carry a message for the user.
 */
export function readRegularFileSync(file: string): Uint8Array {
    let fd: number;
    try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    } catch (err) {
        throw Object.assign(new Error(readErrorMessage(err as NodeJS.ErrnoException)), { code: (err as NodeJS.ErrnoException).code });
    }
    try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile()) throw new Error(`it is not a regular file but ${stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a FIFO (named pipe)' : stat.isSocket() ? 'a socket' : 'a device'}`);
        return fs.readFileSync(fd);
    } finally {
        fs.closeSync(fd);
    }
}

function readErrorMessage(err: NodeJS.ErrnoException): string {
    switch (err.code) {
        case 'ENOENT': return 'it does not exist (a dangling symbolic link, or deleted while being read)';
        case 'ELOOP': return 'it is a symbolic link that loops';
        case 'EACCES': case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'it is a folder';
        default: return err.message;
    }
}
