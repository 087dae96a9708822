import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { loadWorkspace, type LoadedWorkspace, type Report } from '@sporbar/language';
import { chooseReport, generateReport, type GenerateOptions } from '@sporbar/report';

export const ROOT = path.resolve(__dirname, '../..');
export const PRI = path.join(ROOT, 'examples/pri');
export const CANARY = path.join(ROOT, 'test/fixtures/privacy-canary');
export const CLI = path.join(ROOT, 'packages/cli/bin/sporbar.js');

const cache = new Map<string, Promise<LoadedWorkspace>>();

/** Loads a workspace once per test file. */
export function workspace(dir: string): Promise<LoadedWorkspace> {
    let ws = cache.get(dir);
    if (!ws) cache.set(dir, ws = loadWorkspace(dir));
    return ws;
}

export function report(ws: LoadedWorkspace, id: string): Report {
    const choice = chooseReport(ws, { id });
    if (!choice.ok) throw new Error(choice.message);
    return choice.report;
}

export async function generate(dir: string, id: string, options: GenerateOptions): Promise<Uint8Array> {
    const ws = await workspace(dir);
    return generateReport(ws, report(ws, id), options);
}

/** Every part of a docx as text. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
    const parts: Record<string, string> = {};
    for (const [name, data] of Object.entries(unzipSync(bytes))) parts[name] = strFromU8(data, !/\.(xml|rels)$/.test(name));
    return parts;
}

export const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Modification date and time (DOS format) of every local file header in a zip. */
export function zipTimestamps(bytes: Uint8Array): { name: string; time: number; date: number }[] {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out: { name: string; time: number; date: number }[] = [];
    let at = 0;
    while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
        const flags = view.getUint16(at + 6, true);
        const size = view.getUint32(at + 18, true);
        const nameLength = view.getUint16(at + 26, true);
        const extraLength = view.getUint16(at + 28, true);
        const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
        out.push({ name, time: view.getUint16(at + 10, true), date: view.getUint16(at + 12, true) });
        if (flags & 8) throw new Error('data descriptors are not expected');
        at += 30 + nameLength + extraLength + size;
    }
    return out;
}

export function dosDate(iso: string): number {
    const [y, m, d] = iso.split('-').map(Number);
    return ((y - 1980) << 9) | (m << 5) | d;
}
