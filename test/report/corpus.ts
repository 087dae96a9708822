/**
 * The reports the evaluator tests read: every kind of examples/pri and of the two fixture
 * workspaces of other programmes (report-nn: nynorsk texts and `language nn`; report-en:
 * English), generated once per test file.
 */
import * as path from 'node:path';
import type { GenerateOptions } from '@sporbar/report';
import { PRI, ROOT, docxParts, generate } from './report-helpers.js';

export const REPORT_NN = path.join(ROOT, 'test/fixtures/report-nn');
export const REPORT_EN = path.join(ROOT, 'test/fixtures/report-en');

export interface CorpusReport {
    readonly name: string;
    readonly dir: string;
    readonly id: string;
    readonly kind: 'interim' | 'assessment' | 'final';
    readonly language: 'nb' | 'nn' | 'en';
}

export const CORPUS: readonly CorpusReport[] = [
    { name: 'pri/Underveisnotat', dir: PRI, id: 'Underveisnotat', kind: 'interim', language: 'nb' },
    { name: 'pri/Vurderingsgrunnlag', dir: PRI, id: 'Vurderingsgrunnlag', kind: 'assessment', language: 'nb' },
    { name: 'pri/Sluttrapport', dir: PRI, id: 'Sluttrapport', kind: 'final', language: 'nb' },
    { name: 'nn/Notat', dir: REPORT_NN, id: 'Notat', kind: 'interim', language: 'nn' },
    { name: 'nn/Grunnlag', dir: REPORT_NN, id: 'Grunnlag', kind: 'assessment', language: 'nn' },
    { name: 'nn/Slutt', dir: REPORT_NN, id: 'Slutt', kind: 'final', language: 'nn' },
    { name: 'en/Note', dir: REPORT_EN, id: 'Note', kind: 'interim', language: 'en' },
    { name: 'en/Basis', dir: REPORT_EN, id: 'Basis', kind: 'assessment', language: 'en' },
    { name: 'en/Final', dir: REPORT_EN, id: 'Final', kind: 'final', language: 'en' }
];

const docxCache = new Map<string, Promise<Record<string, string>>>();

/** The docx parts of a corpus report (generated once per test file and options). */
export function docxOf(r: CorpusReport, options: Partial<GenerateOptions> = {}): Promise<Record<string, string>> {
    const key = `${r.name}|${JSON.stringify(options)}`;
    let parts = docxCache.get(key);
    if (!parts) docxCache.set(key, parts = generate(r.dir, r.id, { format: 'docx', ...options }).then(docxParts));
    return parts;
}
