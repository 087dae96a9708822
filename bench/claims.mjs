// The same claim network written twice, for the side-by-side with Argdown:
// `sources` source statements and `findings` findings, each finding supported by two
// distinct sources (source i and a seeded random other, so that every source is cited).
// Argdown: one file of `[S1]: text` statements followed by
// `[F1]: text` with two indented `+ [Sx]` support relations each. Sporbar: one .prog file
// with a programme and a question (without them a workspace has an error and every finding
// two warnings), `source` elements and findings with `answers`, two `evidence` items and a
// `confidence` — the smallest model that validates clean.
import { rng } from './generate.mjs';

const WORDS = ['kommune', 'samarbeid', 'innovasjon', 'portefølje', 'læring', 'styring', 'effekt', 'tjeneste', 'unge', 'utvikling'];

export function claimNetwork({ sources = 5000, findings = 5000, seed = 7 } = {}) {
    const random = rng(seed);
    const pick = (n) => Math.floor(random() * n);
    const sentence = (n) => Array.from({ length: n }, () => WORDS[pick(WORDS.length)]).join(' ');
    const sourceTexts = Array.from({ length: sources }, (_, i) => `Kilde ${i + 1} om ${sentence(8)}.`);
    const findingTexts = [];
    const support = [];
    for (let i = 0; i < findings; i++) {
        const a = i % sources; // every source is cited at least once
        let b = pick(sources - 1);
        if (b >= a) b++;
        support.push([a + 1, b + 1]);
        findingTexts.push(`Funn ${i + 1}: ${sentence(10)}.`);
    }

    const ad = [];
    for (let i = 0; i < sources; i++) ad.push(`[S${i + 1}]: ${sourceTexts[i]}`, '');
    for (let i = 0; i < findings; i++) {
        const [a, b] = support[i];
        ad.push(`[F${i + 1}]: ${findingTexts[i]}`, `  + [S${a}]`, `  + [S${b}]`, '');
    }

    const prog = ['programme P "Syntetisk program"', 'question q1 "Spørsmål?"', ''];
    for (let i = 0; i < sources; i++) prog.push(`source S${i + 1} document "${sourceTexts[i]}"`);
    for (let i = 0; i < findings; i++) {
        const [a, b] = support[i];
        prog.push(`finding F${i + 1} "${findingTexts[i]}" { answers q1 evidence S${a}, S${b} confidence moderate }`);
    }
    return { argdown: ad.join('\n') + '\n', prog: prog.join('\n') + '\n', statements: sources + findings, relations: 2 * findings };
}

/** The smallest file of each: two lines, one support relation (start-up cost). */
export function twoLines() {
    return {
        argdown: '[F1]: Ein påstand.\n  + [S1]: Ei kjelde.\n',
        prog: 'programme P "P"  question q1 "Q?"  source S1 document "Ei kjelde."\n'
            + 'finding F1 "Ein påstand." { answers q1 evidence S1 confidence moderate }\n',
        statements: 2,
        relations: 1
    };
}
