// Seeded generator of synthetic, valid .prog workspaces for benchmarks.
//   files: number of files; perFile: elements per file; refs: evidence items per finding;
//   textWords: words of """ text per finding; crossFile: share of references to other files.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function rng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const KINDS = ['document', 'survey', 'observation', 'dataset', 'workshop'];
const WORDS = ['kommune', 'samarbeid', 'innovasjon', 'portefølje', 'læring', 'styring', 'effekt', 'tjeneste', 'unge', 'utvikling'];

/** Returns { 'path.prog': text, … } */
export function generateWorkspace({ files = 1000, perFile = 30, refs = 2, textWords = 20, crossFile = 0.5, seed = 1 } = {}) {
    const random = rng(seed);
    const pick = (n) => Math.floor(random() * n);
    const sourcesPerFile = Math.max(1, Math.round(perFile * 0.4));
    const findingsPerFile = Math.max(1, perFile - sourcesPerFile);
    const out = {};
    out['programme.prog'] = [
        'programme P "Syntetisk program" { client KS  period 2020-01 .. 2023-12 }',
        'actor KS "KS" { type association }',
        'need N "Behov" { weight high }',
        'question q1 "Spørsmål 1?" { need N }',
        'question q2 "Spørsmål 2?" { need N }',
        'logic L "Logikk" {',
        '    input I "Midler"',
        '    activity A "Aktivitet"',
        '    output O "Resultat" { indicator OI "Antall" { baseline 0 target 10 } }',
        '    outcome U "Virkning" { indicator UI "Andel" { baseline 0 target 50 } }',
        '    I -> A -> O -> U',
        '}',
        ''
    ].join('\n');
    for (let f = 0; f < files; f++) {
        const lines = [];
        for (let s = 0; s < sourcesPerFile; s++) {
            const kind = KINDS[(f + s) % KINDS.length];
            lines.push(`source S${f}_${s} ${kind} "Kilde ${f}.${s}" { date 2021-${String(1 + ((f + s) % 12)).padStart(2, '0')}-15 }`);
        }
        for (let i = 0; i < findingsPerFile; i++) {
            const items = [];
            for (let r = 0; r < refs; r++) {
                const other = random() < crossFile && files > 1 ? (f + 1 + pick(files - 1)) % files : f;
                items.push(`S${other}_${(i + r) % sourcesPerFile} at "s. ${1 + pick(200)}"`);
            }
            const words = [];
            for (let w = 0; w < textWords; w++) words.push(WORDS[pick(WORDS.length)]);
            lines.push([
                `finding F${f}_${i} "Funn ${f}.${i}" {`,
                `    answers q${1 + (i % 2)}`,
                `    evidence ${items.join(',\n             ')}`,
                '    confidence moderate',
                '    supports U',
                '    date 2021-12-01',
                `    text """`,
                `        ${words.join(' ')} (@S${f}_${i % sourcesPerFile}).`,
                '    """',
                '}'
            ].join('\n'));
        }
        out[`f${String(f).padStart(4, '0')}.prog`] = lines.join('\n') + '\n';
    }
    return out;
}

export function writeWorkspace(dir, files) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
}

// CLI: node bench/generate.mjs DIR [files] [perFile]
if (import.meta.url === `file://${process.argv[1]}`) {
    const [dir, files, perFile] = process.argv.slice(2);
    writeWorkspace(dir, generateWorkspace({ files: Number(files ?? 1000), perFile: Number(perFile ?? 30) }));
    console.log(`wrote ${dir}`);
}
