/**
 * Path and file-URI logic shared by the workspace loader, the `file` checks, the report
 * output checks and the CLI's outputs — written against a `path` implementation given as a
 * parameter (the platform's by default), so tests run it with `path.win32` semantics on any
 * machine: drive letters, `\` separators, UNC shares, folders that differ only in case,
 * `file:///c%3A/…` URIs as VS Code sends them (docs/platform.md, "Paths on Windows").
 */
import * as path from 'node:path';

/** `path.posix`, `path.win32` or the platform's own `path`. */
export type PathApi = typeof path.posix;

export interface InsideOptions {
    /**
     * Compare letter case as a case-insensitive file system does (NTFS, APFS by default):
     * `DATA/x` is then inside `data`. `path.win32` always compares so.
     */
    readonly ignoreCase?: boolean;
}

/**
 * True when `candidate` is `root` or lies below it. A name that merely starts with two
 * dots (`..notes`) is inside; another drive, share or a `..` step out is not.
 */
export function isInside(root: string, candidate: string, p: PathApi = path, options: InsideOptions = {}): boolean {
    const fold = (s: string) => (options.ignoreCase ? p.resolve(s).toLowerCase() : s);
    const relative = p.relative(fold(root), fold(candidate));
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${p.sep}`) && !p.isAbsolute(relative));
}

/**
 * `file` relative to `root` with `/` separators (`sub/a.prog`), as diagnostics and reports
 * show it on every system. When `file` is on another drive or share there is no relative
 * path: the absolute one comes back, with `/` separators (`D:/ws/a.prog`).
 */
export function relativePath(root: string, file: string, p: PathApi = path): string {
    return p.relative(root, file).split(p.sep).join('/');
}

/** True for what `relativePath` gives for a file on another drive or share (`D:/…`, `//server/…`, `/…`). */
export function isAbsoluteSlashPath(slashPath: string): boolean {
    return /^[A-Za-z]:\//.test(slashPath) || slashPath.startsWith('/');
}

/**
 * The native path of a `file:` URI, or undefined for another scheme. Reads every form
 * editors send: `file:///c%3A/Users/x` (VS Code), `file:///C:/Users/x`, `file://server/share/x`
 * (a UNC share on Windows), `file:///home/x`. Percent escapes are decoded; on Windows the
 * separators become `\`.
 */
export function fileUriToPath(uri: string, p: PathApi = path): string | undefined {
    const m = /^file:\/\/([^/?#]*)([^?#]*)/i.exec(uri);
    if (!m) return undefined;
    let host: string;
    let pathname: string;
    try {
        host = decodeURIComponent(m[1]);
        pathname = decodeURIComponent(m[2] || '/');
    } catch {
        return undefined;
    }
    if (p.sep === '\\') {
        if (host && host.toLowerCase() !== 'localhost') return `\\\\${host}${pathname.replace(/\//g, '\\')}`;
        // `/c:/x` → `c:\x`
        const local = /^\/[A-Za-z]:/.test(pathname) ? pathname.slice(1) : pathname;
        return p.normalize(local.replace(/\//g, '\\'));
    }
    return host && host.toLowerCase() !== 'localhost' ? `//${host}${pathname}` : pathname;
}

/**
 * The `file:` URI of an absolute native path, each segment percent-encoded:
 * `D:\ws\a b.prog` → `file:///D:/ws/a%20b.prog`, `\\server\share\x` → `file://server/share/x`.
 */
export function pathToFileUri(file: string, p: PathApi = path): string {
    const encode = (segments: string) => segments.split('/').map(s => encodeURIComponent(s)).join('/');
    if (p.sep === '\\') {
        const slashed = p.resolve(file).replace(/\\/g, '/');
        const unc = /^\/\/([^/]+)(\/.*)?$/.exec(slashed);
        if (unc) return `file://${encodeURIComponent(unc[1])}${encode(unc[2] ?? '/')}`;
        const drive = /^([A-Za-z]:)(\/.*)?$/.exec(slashed);
        if (drive) return `file:///${drive[1]}${encode(drive[2] ?? '/')}`;
        return `file://${encode(slashed)}`;
    }
    return `file://${encode(p.resolve(file))}`;
}
