// Seeded generator of synthetic, valid .prog workspaces for benchmarks.
//   files: number of files; perFile: elements per file; refs: evidence items per finding;
//   textWords: words of """ text per finding; crossFile: share of references to other files;
//   report: add reports.prog with an assessment report (kind, cutoff, summary);
//   single: everything (the programme header too) in one file, f0000.prog;
//   tables: add tables.prog with that many tables and charts (one in five a chart) over CSV
//   files in data/ of tableRows rows each, every one from two sources and cited by a finding.
//   transcript: bytes of a time-stamped interview transcript, data/transcript.txt, that an
//     interview source T names: every finding of the first file (with `single`, every
//     finding) quotes it, with the locator of the quoted line's time stamp.
// A file of perFile elements holds 40 % sources and 60 % findings. Every finding has `refs`
// evidence items (a `crossFile` share of them into another file), a date, a confidence and a
// short text with one `@` reference. The workspace validates without errors or warnings.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { prng as rng } from '../test/seeded.mjs';

export { rng };

const KINDS = ['document', 'survey', 'observation', 'dataset', 'workshop'];
const WORDS = ['kommune', 'samarbeid', 'innovasjon', 'portefølje', 'læring', 'styring', 'effekt', 'tjeneste', 'unge', 'utvikling'];

function shape(perFile) {
    const sourcesPerFile = Math.max(1, Math.round(perFile * 0.4));
    return { sourcesPerFile, findingsPerFile: Math.max(1, perFile - sourcesPerFile) };
}

/** Returns { 'path.prog': text, … } */
export function generateWorkspace({ files = 1000, perFile = 30, refs = 2, textWords = 20, crossFile = 0.5, seed = 1, report = false, single = false, tables = 0, tableRows = 1000, transcript = 0 } = {}) {
    const random = rng(seed);
    const pick = (n) => Math.floor(random() * n);
    const { sourcesPerFile, findingsPerFile } = shape(perFile);
    const out = {};
    const interview = transcript > 0 ? transcriptOf(transcript, seed) : undefined;
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
        ...(interview ? ['source T interview "Intervju, transkribert" { date 2021-01-15  role "Informant"  file "data/transcript.txt" }'] : []),
        ''
    ].join('\n');
    if (interview) out['data/transcript.txt'] = interview.text;
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
            if (interview && (single || f === 0)) {
                const quoted = interview.quotes[(f * findingsPerFile + i) % interview.quotes.length];
                items.push(`T at "${quoted.stamp}" quote "${quoted.quote}"`);
            }
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
    if (report) {
        out['reports.prog'] = [
            'report V "Vurderingsgrunnlag" {',
            '    kind assessment',
            '    date 2022-02-01',
            '    cutoff 2022-01-15',
            '    language nb',
            '    authors "Følgeforskningsteamet"',
            '    audience KS',
            '    summary """',
            `        Syntetisk vurderingsgrunnlag over ${files * findingsPerFile} funn (@F0_0, @q1).`,
            '    """',
            '}',
            ''
        ].join('\n');
    }
    if (tables > 0) {
        const lines = [];
        for (let t = 0; t < tables; t++) {
            const chart = t % 5 === 4;
            const from = [0, 1].map(k => `S${(t * 7 + k * 13) % files}_${(t + k) % sourcesPerFile}`);
            const rows = [chart ? 'Kommune;2010;2014' : 'Kommune;Andel 2010;Andel 2014;Endring;n'];
            for (let r = 0; r < tableRows; r++) {
                const a = (pick(1000) / 10).toFixed(1).replace('.', ','), b = (pick(1000) / 10).toFixed(1).replace('.', ',');
                rows.push(chart ? `"Kommune ${r}; region ${r % 11}";${a};${b}` : `"Kommune ${r}; region ${r % 11}";${a} %;${b} %;${pick(40) - 20};${5 + pick(500)}`);
            }
            out[`data/t${String(t).padStart(3, '0')}.csv`] = rows.join('\n') + '\n';
            const id = chart ? `C${t}` : `T${t}`;
            lines.push(`${chart ? 'chart' : 'table'} ${id} "${chart ? 'Figur' : 'Tabell'} ${t}" { from ${from.join(', ')}  file "data/t${String(t).padStart(3, '0')}.csv"${chart ? '  kind bar  unit "prosent"' : '  counts "n"'} }`);
            lines.push(`finding FT${t} "Funn fra ${chart ? 'figur' : 'tabell'} ${t}" { answers q${1 + (t % 2)}  evidence ${id} at "rad ${1 + pick(tableRows)}"  confidence moderate  date 2021-12-01 }`);
        }
        out['tables.prog'] = lines.join('\n') + '\n';
    }
    if (single) {
        const data = Object.entries(out).filter(([name]) => !name.endsWith('.prog'));
        return { 'f0000.prog': Object.entries(out).filter(([name]) => name.endsWith('.prog')).map(([, text]) => text).join('\n'), ...Object.fromEntries(data) };
    }
    return out;
}

const SYLLABLES = ['ko', 'mu', 'ne', 'sa', 'ar', 'beid', 'inn', 'no', 'va', 'sjon', 'de', 't', 'og', 'i', 'for', 'å', 'ut', 'vik', 'ling', 'stat', 'øk', 'ter', 'ble', 'hen', 'gje', 'ø', 'læ', 'ring'];

/**
 * A time-stamped transcript of about `bytes` bytes (UTF-8), speaker turns of Norwegian-looking
 * words with a skewed frequency and typographic punctuation, and quotes taken from it
 * (one per 500 lines, with the stamp of their line): every quote is in the transcript.
 */
function transcriptOf(bytes, seed) {
    const random = rng(seed + 17);
    const vocabulary = Array.from({ length: 8000 }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
    const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)];
    const lines = ['Intervju T – pseudonymisert transkripsjon (syntetisk).', ''];
    const quotes = [];
    let size = 0;
    for (let l = 0; size < bytes; l++) {
        const seconds = l * 3;
        const stamp = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map(n => String(n % 100).padStart(2, '0')).join(':');
        const words = Array.from({ length: 10 + Math.floor(random() * 20) }, word);
        if (l % 7 === 3) words.splice(4, 0, '–');
        const said = `${words.join(' ')}.`;
        const line = `[${stamp}] ${l % 2 ? 'I' : 'R'}: ${said[0].toUpperCase()}${said.slice(1)}`;
        lines.push(line);
        size += Buffer.byteLength(line) + 1;
        if (l % 500 === 250) quotes.push({ stamp, quote: words.slice(2, 12).join(' ') });
    }
    return { text: lines.join('\n') + '\n', quotes };
}

/** What a generated workspace holds (for the harness's checks and results). */
export function workspaceCounts({ files = 1000, perFile = 30, refs = 2 } = {}) {
    const { sourcesPerFile, findingsPerFile } = shape(perFile);
    return { files, sources: files * sourcesPerFile, findings: files * findingsPerFile, evidence: files * findingsPerFile * refs };
}

export function writeWorkspace(dir, files) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

// CLI: node bench/generate.mjs DIR [files] [perFile] [--report] [--single]
if (import.meta.url === `file://${process.argv[1]}`) {
    const args = process.argv.slice(2);
    const [dir, files, perFile] = args.filter(a => !a.startsWith('--'));
    writeWorkspace(dir, generateWorkspace({
        files: Number(files ?? 1000),
        perFile: Number(perFile ?? 30),
        report: args.includes('--report'),
        single: args.includes('--single')
    }));
    console.log(`wrote ${dir}`);
}
