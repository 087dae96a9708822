// One file of N elements (default 20,000): prints parse, link and validate times.
// Usage: npm run bench:link [-- N]
import '../packages/language/polyfill.cjs';
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI, DocumentState } from 'langium';
import { createProgCoreServices } from '../packages/language/out/index.js';

const n = Number(process.argv[2] ?? 20000);
function generate(count) {
    const lines = ['programme P "Benchmark" { client A0 }', 'question q1 "Q1?"', 'question q2 "Q2?"'];
    const actors = Math.max(1, Math.floor(count / 10));
    const sources = Math.floor(count * 0.4);
    const findings = count - actors - sources;
    for (let i = 0; i < actors; i++) lines.push(`actor A${i} "Actor ${i}" { type municipality }`);
    for (let i = 0; i < sources; i++) lines.push(`source S${i} document "Source ${i}" { date 2021-03-12 actor A${i % actors} }`);
    for (let i = 0; i < findings; i++) {
        const a = (i * 7) % sources, b = (i * 13 + 5) % sources;
        lines.push(`finding F${i} "Finding ${i}" {\n    answers q${1 + (i % 2)}\n    evidence S${a} at "s. ${i}", S${b}\n    confidence moderate\n    text """ Based on @S${a}. """\n}`);
    }
    return lines.join('\n') + '\n';
}
const text = generate(n);
const services = createProgCoreServices(EmptyFileSystem).Prog;
const shared = services.shared;
const builder = shared.workspace.DocumentBuilder;
const times = {};
let last = performance.now();
for (const state of [DocumentState.Parsed, DocumentState.Linked, DocumentState.Validated]) {
    builder.onBuildPhase(state, () => { const now = performance.now(); times[state] = now - last; last = now; });
}
const start = performance.now();
const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/bench/one.prog'));
times.parse = performance.now() - start;
last = performance.now();
shared.workspace.LangiumDocuments.addDocument(doc);
await builder.build([doc], { validation: true });
const total = performance.now() - start;
const errors = (doc.diagnostics ?? []).filter(d => d.severity === 1).length;
console.log(`elements: ${n}  size: ${(text.length / 1024).toFixed(0)} KB  references: ${doc.references.length}`);
console.log(`parse:     ${times.parse.toFixed(0)} ms`);
console.log(`index+link:${(times[DocumentState.Linked] ?? 0).toFixed(0).padStart(6)} ms`);
console.log(`validate:  ${(times[DocumentState.Validated] ?? 0).toFixed(0)} ms`);
console.log(`total:     ${total.toFixed(0)} ms   errors: ${errors}  heap: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
