import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { collectDiagnostics, findProgFiles, loadWorkspace, type FileDiagnostic } from '@sporbar/language';
import { prng as seeded } from '../seeded.js';

const root = path.resolve(__dirname, '../..');


function key(d: FileDiagnostic): string {
    const r = d.diagnostic.range;
    return `${d.file}:${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.diagnostic.severity} ${d.diagnostic.code} ${d.diagnostic.message}`;
}

/** Edits that change what other files see: statuses, IDs, references, whole elements. */
function mutate(text: string, random: () => number, ids: string[]): string {
    const lines = text.split('\n');
    const i = Math.floor(random() * lines.length);
    const pickId = () => ids[Math.floor(random() * ids.length)];
    switch (Math.floor(random() * 6)) {
        case 0: lines.splice(i, 1); break;
        case 1: lines.splice(i, 0, lines[Math.floor(random() * lines.length)]); break;
        case 2: lines[i] = lines[i].replace(/\b(confirmed|revised|draft)\b/, 'withdrawn'); break;
        case 3: lines[i] = lines[i].replace(/\b([A-ZÆØÅ][\p{L}\d_]*)\b/u, () => pickId()); break;
        case 4: lines.push(`finding X${Math.floor(random() * 1000)} "ny" { answers ${pickId()} evidence ${pickId()} confidence high supports ${pickId()} }`); break;
        case 5: lines[i] = lines[i].replace(/@([\p{L}][\p{L}\d_]*)/u, () => '@' + pickId()); break;
    }
    return lines.join('\n');
}

describe('incremental builds equal cold builds', () => {
    it('after each of 40 random cross-file edits, every file has the diagnostics a cold validation gives', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-incr-'));
        fs.cpSync(path.join(root, 'examples/pri'), dir, { recursive: true });
        const workspace = await loadWorkspace(dir);
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        const ids = [...workspace.services.workspace.WorkspaceIndex.data.declarations.keys()];
        const files = findProgFiles(dir);
        const random = seeded(20261128);
        for (let step = 0; step < 40; step++) {
            const file = files[Math.floor(random() * files.length)];
            fs.writeFileSync(file, mutate(fs.readFileSync(file, 'utf8'), random, ids));
            await builder.update([URI.file(file)], []);
            const incremental = collectDiagnostics({ ...workspace, documents: workspace.services.shared.workspace.LangiumDocuments.all.toArray() as typeof workspace.documents }).map(key).sort();
            const cold = collectDiagnostics(await loadWorkspace(dir)).map(key).sort();
            expect(incremental, `step ${step}: ${path.basename(file)}`).toEqual(cold);
        }
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
