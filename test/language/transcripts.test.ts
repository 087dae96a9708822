import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTranscriptFile, normalizeForQuote, normalizeQuote, originalPassage, parseTimestamp, ProgTranscripts, TranscriptIndex } from '@sporbar/language';
import { prng } from '../seeded.mjs';

/** Transcripts: the normalisation, time stamps, the word index and the closest passage (prog-transcripts.ts). */

describe('normalisation (RULES.md "Quotes")', () => {
    it('makes typographic quotes, dashes and the ellipsis plain, and whitespace one space; keeps case', () => {
        expect(normalizeForQuote('‘a’ ‚b‛ “c” „d‟ «e»')).toBe(`'a' 'b' "c" "d" "e"`);
        expect(normalizeForQuote('a‐b‑c‒d–e—f―g−h')).toBe('a-b-c-d-e-f-g-h');
        expect(normalizeForQuote('og…så')).toBe('og...så');
        expect(normalizeForQuote('a \t\r\n\u00A0 b')).toBe('a b');
        expect(normalizeForQuote('Kommune KOMMUNE')).toBe('Kommune KOMMUNE');
    });

    it('composes to NFC and trims the quote', () => {
        expect(normalizeQuote('  Tro\u0308ndelag  ')).toBe('Tröndelag');
        expect(normalizeQuote('\u00E5')).toBe(normalizeQuote('a\u030A'));
    });

    it('.txt and .md files are transcripts, any case', () => {
        expect(['a.txt', 'B.TXT', 'c/d.md', 'e.Md '].map(isTranscriptFile)).toEqual([true, true, true, true]);
        expect(['a.pdf', 'a.txt.pdf', 'md', 'a.docx'].map(isTranscriptFile)).toEqual([false, false, false, false]);
    });
});

describe('time stamps', () => {
    it('a locator is a time stamp when, trimmed, it is exactly HH:MM:SS or MM:SS', () => {
        expect(parseTimestamp('00:12:40')).toBe(760);
        expect(parseTimestamp(' 12:40 ')).toBe(760);
        expect(parseTimestamp('01:00:00')).toBe(3600);
        expect(parseTimestamp('75:00')).toBe(4500);
        for (const no of ['0:12:40', '00:60:00', '00:00:60', '12:60', 'ca. 00:12:40', '[00:12:40]', 's. 4', '00:12:40:00', '']) {
            expect(parseTimestamp(no), no).toBeUndefined();
        }
    });

    it('finds stamps at line starts, bare or bracketed, and nowhere else', () => {
        const index = new TranscriptIndex([
            'Intro 00:00:01 not a stamp',
            '[00:00:10] I: one',
            '  00:00:20 R: two',
            '00:00:30: not a stamp (colon after)',
            '\t[01:00] three',
            '[00:00:40 four (unclosed)'
        ].join('\n'));
        expect(index.stamps.map(s => `${s.text}@${s.line}`)).toEqual(['00:00:10@2', '00:00:20@3', '01:00@5']);
    });

    it('a segment runs from the latest stamp at or before the time to the next stamp in the file', () => {
        const text = 'Start.\n[00:01:00] A said a.\n[00:02:00] B said b.\n[00:03:00] C said c.';
        const index = new TranscriptIndex(text);
        expect(index.lookup('A said a.', '00:01:00')).toEqual({ found: 'yes' });
        expect(index.lookup('A said a.', '00:01:59')).toEqual({ found: 'yes' });
        expect(index.lookup('B said b.', '02:30')).toEqual({ found: 'yes' });
        expect(index.lookup('C said c.', '09:00:00')).toEqual({ found: 'yes' });
        expect(index.lookup('Start.', '00:00:30')).toEqual({ found: 'yes' });
        const wrong = index.lookup('A said a.', '00:02:00');
        expect(wrong).toMatchObject({ found: 'elsewhere', line: 2 });
        expect(wrong.found === 'elsewhere' && [wrong.from?.text, wrong.to?.text, wrong.under?.text]).toEqual(['00:02:00', '00:03:00', '00:01:00']);
        expect(index.lookup('Nobody said this', '00:02:00')).toEqual({ found: 'nowhere' });
        // Not a time stamp: anywhere.
        expect(index.lookup('A said a.', 's. 2')).toEqual({ found: 'yes' });
        // A file without stamps cannot place a time.
        expect(new TranscriptIndex('A said a.').lookup('A said a.', '00:05:00')).toEqual({ found: 'yes' });
    });
});

describe('the word index finds exactly what a scan finds', () => {
    it('on random texts and random quotes (substrings, near misses, single words)', () => {
        const random = prng(20261206);
        const words = ['og', 'i', 'kommune', 'samarbeid', 'det', 'er', 'vi', 'å', 'innovasjon', '«sa»', 'hun', '–', 'x'];
        for (let round = 0; round < 40; round++) {
            const lines: string[] = [];
            for (let l = 0; l < 60; l++) {
                const n = 1 + Math.floor(random() * 12);
                const line = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(random() < 0.2 ? '  ' : ' ');
                lines.push((random() < 0.3 ? `[00:${String(10 + l).padStart(2, '0')}:00] ` : random() < 0.1 ? '   ' : '') + line);
            }
            const raw = lines.join(random() < 0.5 ? '\n' : '\r\n');
            const index = new TranscriptIndex(raw);
            const normal = index.text;
            expect(normal).toBe(normalizeForQuote(raw).trim());
            for (let q = 0; q < 30; q++) {
                const start = Math.floor(random() * normal.length);
                const length = 1 + Math.floor(random() * 40);
                let quote = normal.slice(start, start + length).trim();
                if (random() < 0.3) quote = quote.replace(/[a-z]/, 'q');
                if (quote === '') continue;
                const expected: number[] = [];
                for (let at = normal.indexOf(quote); at >= 0; at = normal.indexOf(quote, at + 1)) expected.push(at);
                expect(index.occurrences(quote), JSON.stringify(quote)).toEqual(expected);
            }
        }
    });
});

describe('the closest passage', () => {
    const transcript = [
        'Intervju (oppdiktet).',
        '[00:10:00] R: Vi har snakket om at kommunene ikke klarer de store utfordringene alene.',
        '[00:12:40] R: Vi har for første gang en “felles” retning på tvers av det vi gjør.',
        '[00:20:00] R: Om tre år er nok, vet jeg ikke.'
    ].join('\n');
    const index = new TranscriptIndex(transcript);

    it('is found for a misquote, in whole words, with its line', () => {
        const passage = index.closestPassage('Vi har for første gang felles retning på tvers av alt vi gjør');
        expect(passage).toBeDefined();
        expect(passage!.line).toBe(3);
        expect(passage!.text).toBe('Vi har for første gang en "felles" retning på tvers av det vi gjør.');
        // Mapped back to the words as written: the typographic quotes are kept.
        expect(originalPassage(transcript, index, passage!.start, passage!.end)).toBe('Vi har for første gang en “felles” retning på tvers av det vi gjør.');
    });

    it('is none when nothing is near (no silent guess)', () => {
        expect(index.closestPassage('Budsjettet ble vedtatt uten endringer i kommunestyret')).toBeUndefined();
        expect(index.closestPassage('x')).toBeUndefined();
    });

    it('prefers a near passage inside the locator\'s segment', () => {
        const twice = new TranscriptIndex('[00:01:00] R: Det gikk bra.\n[00:02:00] R: Det gikk bra til slutt.');
        const segment = twice.segment(120);
        const inside = twice.closestPassage('Det gikk bra til slutt!', segment);
        expect(inside?.line).toBe(2);
    });

    it('maps a passage across line breaks back to one line of the original words', () => {
        const raw = 'R: Dette er en lang\n   setning – med tankestrek … og mer.\nNeste.';
        const broken = new TranscriptIndex(raw);
        const passage = broken.closestPassage('Dette er en lang setning - med tankestrek og mer.');
        expect(passage).toBeDefined();
        expect(originalPassage(raw, broken, passage!.start, passage!.end)).toBe('Dette er en lang setning – med tankestrek … og mer.');
    });
});

describe('a 10 MB transcript', () => {
    it('is indexed once; then a quote is looked up far faster than a scan of the file', () => {
        const random = prng(7);
        // Words of Norwegian-looking syllables, drawn with a skewed (Zipf-like) frequency.
        const syllables = ['ko', 'mu', 'ne', 'sa', 'ar', 'beid', 'inn', 'no', 'va', 'sjon', 'de', 't', 'og', 'i', 'for', 'å', 'ut', 'vik', 'ling', 'stat', 'øk', 'ter', 'ble', 'hen', 'gje'];
        const vocabulary = Array.from({ length: 6000 }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
        const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)];
        const lines: string[] = [];
        let size = 0;
        for (let l = 0; size < 10 * 1024 * 1024; l++) {
            const stamp = `[${String(Math.floor(l / 3600) % 100).padStart(2, '0')}:${String(Math.floor(l / 60) % 60).padStart(2, '0')}:${String(l % 60).padStart(2, '0')}] `;
            const line = stamp + Array.from({ length: 12 }, word).join(' ');
            lines.push(line);
            size += line.length + 1;
        }
        const raw = lines.join('\n');
        let started = performance.now();
        const index = new TranscriptIndex(raw);
        const buildMs = performance.now() - started;
        // 200 different quotes, each a stretch of some line: each lookup is a real search (nothing remembered).
        const quotes = Array.from({ length: 200 }, (_, i) => lines[(i * 7919) % lines.length].slice(11, 90).replace(/\s\S*$/, ''));
        started = performance.now();
        for (const [i, quote] of quotes.entries()) {
            const at = i % 2 === 0 ? undefined : lines[(i * 7919) % lines.length].slice(1, 9);
            expect(index.lookup(quote, at), quote).toEqual({ found: 'yes' });
        }
        const lookupMs = (performance.now() - started) / quotes.length;
        const line = 123_456 % lines.length;
        const target = lines[line].slice(11, 90).replace(/\s\S*$/, '');
        started = performance.now();
        // Two letters swapped in the second word: a misquote.
        const misquote = target.replace(/ (\S)(\S)/, ' $2$1');
        expect(misquote).not.toBe(target);
        const passage = index.closestPassage(misquote);
        const closestMs = performance.now() - started;
        console.log(`10 MB transcript: index ${buildMs.toFixed(0)} ms, lookup ${(lookupMs * 1000).toFixed(0)} µs, closest passage ${closestMs.toFixed(1)} ms`);
        expect(passage?.line).toBe(line + 1);
        expect(passage?.text).toBe(target);
        // Generous bounds for a shared, busy machine; the figures printed above are the measurement.
        expect(buildMs).toBeLessThan(15_000);
        expect(lookupMs).toBeLessThan(5);
        expect(closestMs).toBeLessThan(2_000);
    }, 60_000);
});

describe('ProgTranscripts', () => {
    it('reads a file once per change (mtime and size), and never a path outside the workspace', () => {
        const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-transcripts-')));
        try {
            const root = path.join(base, 'ws');
            fs.mkdirSync(path.join(root, 'data'), { recursive: true });
            fs.writeFileSync(path.join(base, 'outside.txt'), 'Outside words.');
            const file = path.join(root, 'data', 'I1.txt');
            fs.writeFileSync(file, '[00:00:01] R: Først.');
            const transcripts = new ProgTranscripts();
            const first = transcripts.load(root, 'data/I1.txt');
            expect(first.ok).toBe(true);
            const again = transcripts.load(root, 'data/I1.txt');
            expect(again.ok && first.ok && again.index).toBe(first.ok && first.index);
            fs.writeFileSync(file, '[00:00:01] R: Endret, og lengre.');
            const changed = transcripts.load(root, 'data/I1.txt');
            expect(changed.ok && changed.index.text).toBe('[00:00:01] R: Endret, og lengre.');
            expect(transcripts.load(root, '../outside.txt')).toMatchObject({ ok: false, problem: 'outside' });
            expect(transcripts.load(root, 'data/none.txt')).toMatchObject({ ok: false, problem: 'missing' });
        } finally {
            fs.rmSync(base, { recursive: true, force: true });
        }
    });
});
