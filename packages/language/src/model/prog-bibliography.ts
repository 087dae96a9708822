import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CSL } from '@citation-js/core';
import type { LangiumDocument } from 'langium';
import { isProgramme, type Model } from '../generated/ast.js';
import { resolveWorkspaceFile } from './prog-model.js';

type CitationJs = typeof import('@citation-js/core');
let citationJs: CitationJs | undefined;

/**
 * Loads citation-js with its BibTeX plugin, once. It is loaded when first needed, not with
 * the language: loading it took 30 ms of every start of `sporbar validate` and of the
 * language server, and most workspaces declare no bibliography. The document builder
 * awaits this before a build that holds a programme with a `bibliography`
 * (prog-document-builder.ts), so the checks can read the file synchronously.
 */
export async function loadCitationJs(): Promise<void> {
    if (citationJs) return;
    const core = await import('@citation-js/core');
    await import('@citation-js/plugin-bibtex');
    citationJs = core;
}

/** Whether a document holds a programme that declares a bibliography (citation-js is then needed). */
export function declaresBibliography(document: LangiumDocument): boolean {
    const elements = (document.parseResult.value as Partial<Model>).elements ?? [];
    return elements.some(element => isProgramme(element) && element.bibliography !== undefined);
}

/** Whether `loadCitationJs` has finished. */
export function citationJsLoaded(): boolean {
    return citationJs !== undefined;
}

/** A parsed bibliography: its CSL-JSON entries and their keys (BibTeX citation keys are CSL ids). */
export interface Bibliography {
    /** The real path of the file. */
    readonly file: string;
    readonly format: 'bibtex' | 'csl-json';
    readonly entries: readonly CSL[];
    readonly keys: ReadonlySet<string>;
}

export type BibliographyResult =
    | { readonly ok: true; readonly bibliography: Bibliography }
    /** `outside`: refused unread (the path leaves the workspace); `missing`: no such file; `invalid`: it cannot be parsed. */
    | { readonly ok: false; readonly problem: 'outside' | 'missing' | 'invalid'; readonly message: string };

interface CacheEntry {
    readonly mtimeMs: number;
    readonly size: number;
    readonly result: BibliographyResult;
}

/**
 * Reads the programme's `bibliography` (BibTeX or CSL-JSON) with citation-js. Results are
 * cached by real path and modification time, so validating on every keystroke re-parses
 * the file only when it changed. The rules (`bibliography/missing`, `cite/unknown-key`) and
 * the report generator (APA references) read the same entries.
 */
export class ProgBibliography {
    private readonly cache = new Map<string, CacheEntry>();

    /** Loads `written` (as written in the model) relative to the workspace `root`. */
    load(root: string, written: string): BibliographyResult {
        const resolution = resolveWorkspaceFile(root, written);
        if (resolution.kind === 'outside') return { ok: false, problem: 'outside', message: `"${written}" is outside the workspace (${resolution.reason}); it is not read` };
        if (resolution.kind === 'missing') return { ok: false, problem: 'missing', message: `the bibliography "${written}" does not exist: ${resolution.reason}` };
        return this.loadFile(resolution.path);
    }

    /** Loads a file by its (real) path, using the cache when the file has not changed. */
    loadFile(file: string): BibliographyResult {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(file);
        } catch {
            return { ok: false, problem: 'missing', message: `the bibliography ${path.basename(file)} does not exist` };
        }
        const cached = this.cache.get(file);
        if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.result;
        let text: string;
        try {
            text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
        } catch (err) {
            return { ok: false, problem: 'missing', message: `the bibliography ${path.basename(file)} cannot be read: ${(err as Error).message}` };
        }
        const result = parseBibliography(file, text);
        this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, result });
        return result;
    }
}

/**
 * Parses bibliography text. `.json` files (or text starting with `[` or `{`) are CSL-JSON,
 * everything else BibTeX. A bibliography "cannot be parsed" (RULES.md) when it is not
 * valid CSL-JSON, or when a non-empty BibTeX file yields no entry.
 */
export function parseBibliography(file: string, text: string): BibliographyResult {
    const name = path.basename(file);
    const json = /\.json$/i.test(file) || /^\s*[[{]/.test(text);
    return json ? parseCslJson(file, name, text) : parseBibtex(file, name, text);
}

function invalid(message: string): BibliographyResult {
    return { ok: false, problem: 'invalid', message };
}

function parseCslJson(file: string, name: string, text: string): BibliographyResult {
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (err) {
        return invalid(`${name} is not valid JSON: ${(err as Error).message}`);
    }
    if (!Array.isArray(data)) return invalid(`${name} is not CSL-JSON: it must hold an array of entries`);
    for (const [i, item] of data.entries()) {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) return invalid(`${name} is not CSL-JSON: entry ${i + 1} is not an object`);
        const entry = item as Record<string, unknown>;
        if (typeof entry.id !== 'string' && typeof entry.id !== 'number') return invalid(`${name} is not CSL-JSON: entry ${i + 1} has no "id"`);
        if (typeof entry.type !== 'string') return invalid(`${name} is not CSL-JSON: entry ${i + 1} ("${entry.id}") has no "type"`);
    }
    const entries = data as CSL[];
    return { ok: true, bibliography: { file, format: 'csl-json', entries, keys: new Set(entries.map(e => String(e.id))) } };
}

function parseBibtex(file: string, name: string, text: string): BibliographyResult {
    if (!citationJs) throw new Error('citation-js is not loaded: await loadCitationJs() before reading a BibTeX bibliography');
    let entries: CSL[];
    try {
        entries = citationJs.plugins.input.chain(text, { forceType: '@bibtex/text', generateGraph: false, maxChainLength: 10, strict: true, target: '@csl/list+object' });
    } catch (err) {
        return invalid(`${name} is not valid BibTeX: ${String((err as Error).message).split('\n')[0]}`);
    }
    if (entries.length === 0 && text.trim() !== '') return invalid(`${name} holds no BibTeX entry`);
    return { ok: true, bibliography: { file, format: 'bibtex', entries, keys: new Set(entries.map(e => String(e.id))) } };
}
