import { NodeFileSystemProvider } from 'langium/node';
import type { FileSystemNode, URI } from 'langium';
import { decodeSourceBytes, readRegularFileSync, type SourceTextProblem } from '../parser/prog-source-text.js';

/**
 * Reads workspace files for the language server and the CLI alike. `.prog` files are
 * decoded by `decodeSourceBytes`: what was wrong with their bytes (invalid UTF-8, binary,
 * unreadable) is kept per URI and reported by the document validator, so a bad file gives
 * one clear diagnostic instead of garbage or a crash.
 */
export class ProgFileSystemProvider extends NodeFileSystemProvider {
    private readonly problems = new Map<string, SourceTextProblem>();

    override async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    override readFileSync(uri: URI): string {
        if (!uri.path.endsWith('.prog')) return super.readFileSync(uri);
        return this.decode(uri, () => readRegularFileSync(uri.fsPath));
    }

    /**
     * A FIFO, socket or device named `.prog` counts as a file (as in `findProgFiles`), so the
     * server reports it as unreadable instead of silently leaving it out; reading it never blocks.
     */
    override async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return (await super.readDirectory(uri)).map(entry => isSpecialProgEntry(entry) ? { ...entry, isFile: true } : entry);
    }

    /** Decodes bytes (or a read failure) for `uri`, remembering the problem. */
    decode(uri: URI, read: () => Uint8Array): string {
        const key = uri.toString();
        let bytes: Uint8Array;
        try {
            bytes = read();
        } catch (err) {
            this.problems.set(key, { code: 'syntax/unreadable', message: `The file cannot be read: ${(err as Error).message}`, offset: 0 });
            return '';
        }
        const { text, problem } = decodeSourceBytes(bytes);
        if (problem) this.problems.set(key, problem); else this.problems.delete(key);
        return text;
    }

    /** Forgets what was wrong with a file once its text comes from elsewhere (e.g. the editor). */
    forget(uri: URI): void {
        this.problems.delete(uri.toString());
    }

    problemOf(uri: URI): SourceTextProblem | undefined {
        return this.problems.get(uri.toString());
    }
}

function isSpecialProgEntry(entry: FileSystemNode): boolean {
    const dirent = (entry as { dirent?: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean } }).dirent;
    return !entry.isFile && !entry.isDirectory && entry.uri.path.endsWith('.prog') && dirent !== undefined
        && (dirent.isFIFO() || dirent.isSocket() || dirent.isCharacterDevice() || dirent.isBlockDevice());
}
