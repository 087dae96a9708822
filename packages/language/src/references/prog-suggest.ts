/**
 * "Did you mean …?" for misspelled keywords, property names, values and IDs: the closest
 * candidate by edit distance, with a few words researchers use for another value of the
 * same scale (`medium` for `moderate`). docs/rules.md ("Suggestions") describes the rule.
 */

/**
 * The optimal string alignment distance (Levenshtein with swaps of two neighbouring
 * characters): `confidance` → `confidence` is 1, `evidnece` → `evidence` is 1. Stops
 * early and returns `limit + 1` once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
    if (a === b) return 0;
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    // Three rows, reused: this runs once per declared ID for every unresolved reference.
    const width = b.length + 1;
    let previous2 = new Int32Array(width);
    let previous = new Int32Array(width);
    let current = new Int32Array(width);
    for (let j = 0; j < width; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let best = i;
        const ai = a.charCodeAt(i - 1);
        for (let j = 1; j < width; j++) {
            const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
            let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, previous2[j - 2] + 1);
            current[j] = d;
            if (d < best) best = d;
        }
        if (best > limit) return limit + 1;
        const spare = previous2;
        previous2 = previous;
        previous = current;
        current = spare;
    }
    return previous[b.length];
}

/** How many edits a word of this length may be away from what was meant: 1 up to 4 characters, 2 up to 8, then 3. */
export function allowedDistance(length: number): number {
    return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/**
 * Words that mean a value of another scale, or a value written another way: `confidence
 * medium` means `moderate` (and `priority moderate` means `medium`). Only offered when the
 * word they point to is one of the candidates.
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
    medium: ['moderate'],
    middle: ['moderate', 'medium'],
    mid: ['moderate', 'medium'],
    moderate: ['medium'],
    average: ['moderate', 'medium'],
    verylow: ['very-low'],
    very_low: ['very-low'],
    focusgroup: ['focus-group'],
    focus_group: ['focus-group'],
    group: ['focus-group'],
    partof: ['part-of'],
    part_of: ['part-of'],
    basedon: ['based-on'],
    based_on: ['based-on'],
    dependson: ['depends-on'],
    depends_on: ['depends-on'],
    followup: ['follow-up'],
    follow_up: ['follow-up'],
    evidences: ['evidence'],
    answer: ['answers'],
    question: ['answers'],
    support: ['supports'],
    challenge: ['challenges'],
    basis: ['based-on'],
    reliability: ['confidence'],
    certainty: ['confidence'],
    kind: ['type'],
    type: ['kind'],
    done: ['completed', 'implemented'],
    finished: ['completed', 'implemented'],
    ongoing: ['active'],
    open: ['proposed'],
    secret: ['confidential'],
    private: ['confidential'],
    interviews: ['interview'],
    documents: ['document'],
    intervju: ['interview'],
    dokument: ['document'],
    fokusgruppe: ['focus-group'],
    observasjon: ['observation'],
    spørreundersøkelse: ['survey'],
    litteratur: ['literature'],
    høy: ['high'],
    middels: ['moderate', 'medium'],
    lav: ['low'],
    funn: ['finding'],
    kilde: ['source'],
    spørsmål: ['question'],
    anbefaling: ['recommendation'],
    vurdering: ['assessment'],
    rapport: ['report'],
    aktør: ['actor'],
    prosjekt: ['project'],
    program: ['programme'],
    // The DAC criteria in Norwegian (`criterion relevans`).
    relevans: ['relevance'],
    koherens: ['coherence'],
    måloppnåelse: ['effectiveness'],
    effektivitet: ['efficiency'],
    kostnadseffektivitet: ['efficiency'],
    virkning: ['impact'],
    virkninger: ['impact'],
    effekt: ['impact'],
    bærekraft: ['sustainability'],
    programm: ['programme']
};

/**
 * The candidate `word` most likely stands for: the same word in other case, a synonym
 * (SYNONYMS), or the closest by edit distance within `allowedDistance`; undefined when none
 * is close, or two are equally close.
 */
export function closestWord(word: string, candidates: Iterable<string>): string | undefined {
    const list = [...new Set(candidates)].filter(c => c !== word);
    if (list.length === 0 || word.length === 0) return undefined;
    const lower = word.toLowerCase();
    const sameCase = list.filter(c => c.toLowerCase() === lower);
    if (sameCase.length === 1) return sameCase[0];
    for (const synonym of SYNONYMS[lower] ?? []) if (list.includes(synonym)) return synonym;
    const limit = allowedDistance(word.length);
    let best: string | undefined;
    let bestDistance = limit + 1;
    let tie = false;
    for (const candidate of list) {
        const d = editDistance(lower, candidate.toLowerCase(), limit);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
            tie = false;
        } else if (d === bestDistance) {
            tie = true;
        }
    }
    // A one-letter word is too short to guess from; two equally close candidates are a guess.
    if (!best || tie || (word.length <= 2 && bestDistance > 0)) return undefined;
    return best;
}

/** Lower case, without diacritics, spaces, `-` and `_`: how IDs and titles are compared for suggestions. */
export function looseForm(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
        .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
        .replace(/[\s_\-–.,:;'"«»()]+/g, '');
}
