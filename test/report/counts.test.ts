/**
 * Every count a report states reconciles with what the same report lists (V2.md §7,
 * report-exemplar §5 item 39): each figure "n av m" / "n of m", each "N funn", "de åtte
 * problemstillingene", "tre intervjuer" … is recounted from the report's own headings,
 * tables and lists. A sentence with a count the test does not know fails it, so a new
 * count cannot slip in without being recounted.
 */
import { describe, expect, it } from 'vitest';
import { allSections, buildDocument, inlineText, LABELS, type Block, type ReportDocument, type Section, type Table } from '@sporbar/report';
import { CORPUS, type CorpusReport } from './corpus.js';
import { report, workspace } from './report-helpers.js';

const WORDS: Record<string, number> = {
    null: 0, zero: 0, én: 1, en: 1, ett: 1, ein: 1, ei: 1, eitt: 1, one: 1, to: 2, two: 2, tre: 3, three: 3, fire: 4, four: 4,
    fem: 5, five: 5, seks: 6, six: 6, sju: 7, seven: 7, åtte: 8, eight: 8, ni: 9, nine: 9, ti: 10, ten: 10,
    elleve: 11, eleven: 11, tolv: 12, twelve: 12
};

function number(word: string): number {
    const w = word.toLowerCase().replace(/\u00a0/g, '');
    if (/^\d+$/.test(w)) return Number(w);
    if (w in WORDS) return WORDS[w];
    throw new Error(`not a number: ${word}`);
}

const NUM = '(\\d[\\d\\u00a0]*|[\\p{L}]+)';

interface Facts {
    readonly doc: ReportDocument;
    readonly paragraphs: string[];
    readonly findings: string[];
    table(caption: string): Table | undefined;
    tablesStarting(caption: string): Table[];
}

function factsOf(doc: ReportDocument): Facts {
    const paragraphs: string[] = [];
    const tables: Table[] = [];
    const visit = (blocks: readonly Block[]) => {
        for (const b of blocks) {
            if (b.type === 'paragraph') paragraphs.push(inlineText(b.children));
            else if (b.type === 'list') for (const item of b.items) visit(item);
            else if (b.type === 'quote') visit(b.children);
            else if (b.type === 'table') tables.push(b);
        }
    };
    const sections = [...allSections(doc.front.sections), ...allSections(doc.sections)];
    for (const s of sections) visit(s.blocks);
    const findingWord = doc.language === 'en' ? 'Finding' : 'Funn';
    return {
        doc, paragraphs,
        findings: sections.filter(s => s.title.startsWith(`${findingWord}\u00a0`)).map(s => s.title),
        table: caption => tables.find(t => inlineText(t.caption) === caption),
        tablesStarting: caption => tables.filter(t => inlineText(t.caption).startsWith(caption))
    };
}

const cell = (t: Table, row: number, col: number) => inlineText(t.rows[row][col]);
const column = (t: Table, col: number) => t.rows.map((_, i) => cell(t, i, col));

/** The list that follows a paragraph (its items), in the section holding it. */
function listAfter(doc: ReportDocument, lead: string): number | undefined {
    for (const s of [...allSections(doc.front.sections), ...allSections(doc.sections)] as Section[]) {
        const i = s.blocks.findIndex(b => b.type === 'paragraph' && inlineText(b.children) === lead);
        const next = s.blocks[i + 1];
        if (i >= 0 && next?.type === 'list') return next.items.length;
    }
    return undefined;
}

describe.each(CORPUS)('$name: every count reconciles with what the report lists', (r: CorpusReport) => {
    it('recounts each figure', async () => {
        const ws = await workspace(r.dir);
        const doc = await buildDocument(ws, report(ws, r.id));
        const f = factsOf(doc);
        const l = LABELS[doc.language];
        const checked: string[] = [];
        const findings = f.findings.length;
        expect(findings).toBeGreaterThan(1);
        const lowConfidence = f.findings.filter(h => new RegExp(`\\((${l.confidenceWords.low}|${l.confidenceWords['very-low']}) `).test(h)).length;
        const matrix = f.table(l.matrix.caption);
        const triangulated = matrix ? column(matrix, 4).filter(x => x === l.matrix.yes).length : undefined;
        const sources = f.table(l.sources.caption)!;
        const questions = f.table(l.intro.questionsCaption);
        const recs = f.tablesStarting(l.recommendations.caption('')).at(0);

        for (const p of f.paragraphs) {
            // "n av m funn" / "n of m findings"
            for (const m of p.matchAll(new RegExp(`${NUM} (av|of) ${NUM} (funn|findings?)`, 'gu'))) {
                const [n, total] = [number(m[1]), number(m[3])];
                expect(total, p).toBe(findings);
                if (/triangul/.test(p)) expect(n, p).toBe(triangulated ?? f.paragraphs.filter(x => x.includes(l.findings.triangulated('').split(':')[0])).length);
                else if (p.includes(l.method.lowConfidence('', '').split(' (')[0].trim().split(' ').slice(0, 2).join(' ')) || /\b(lav|låg|low)\b/.test(p)) expect(n, p).toBe(lowConfidence);
                else throw new Error(`a count the test does not know: ${p}`);
                checked.push(m[0]);
            }
            // "Kapitlet presenterer 16 funn", "Notatet har fire funn"
            for (const m of p.matchAll(new RegExp(`(presenterer|presents|Notatet har|The note has) ${NUM} (funn|findings?)\\b`, 'gu'))) {
                expect(number(m[2]), p).toBe(findings);
                checked.push(m[0]);
            }
            // "Av de 16 funnene har 2 høy, 11 moderat og 3 lav tillit."
            const dist = new RegExp(`^(Av de|Av dei|Of the) ${NUM} (funnene|funna|findings)`, 'u').exec(p);
            if (dist) {
                expect(number(dist[2]), p).toBe(findings);
                for (const c of ['high', 'moderate', 'low', 'very-low'] as const) {
                    const word = l.confidenceWords[c];
                    const m = new RegExp(`${NUM} (have |has )?${word}(?! lav| låg| low)(?=[ ,.])`, 'u').exec(p.replace(/svært (lav|låg)|very low/g, x => x.replace(' ', '_')).replace(/svært_(lav|låg)|very_low/g, 'VL'));
                    const shown = f.findings.filter(h => h.endsWith(`(${word} ${doc.language === 'en' ? 'confidence' : 'tillit'})`)).length;
                    if (c === 'very-low') {
                        const vl = /(\S+) (have |has )?VL/.exec(p.replace(/svært (lav|låg)|very low/g, 'VL'));
                        expect(vl ? number(vl[1]) : 0, p).toBe(shown);
                    } else expect(m ? number(m[1]) : 0, `${p} (${word})`).toBe(shown);
                }
                checked.push(p);
            }
            // "viser de åtte problemstillingene" / "shows the four research questions"
            const q = new RegExp(`(de|dei|the) ${NUM} (problemstillingene|problemstillingane|research questions)`, 'u').exec(p);
            if (q && questions) {
                expect(number(q[2]), p).toBe(questions.rows.length);
                checked.push(q[0]);
            }
            // "viser de fire anbefalingene med status" / "Av de fire anbefalingene er én vedtatt, …"
            const rc = new RegExp(`(de|dei|the) ${NUM} (anbefalingene|tilrådingane|recommendations)`, 'u').exec(p);
            if (rc && recs) {
                expect(number(rc[2]), p).toBe(recs.rows.length);
                const statuses = column(recs, recs.header.length - 1).map(x => x.toLowerCase());
                for (const [status, word] of Object.entries(l.recommendationStatuses)) {
                    const m = new RegExp(`${NUM} (er |is |are )?${word}\\b`, 'u').exec(p.replace(/^.*?(er|,) /, ''));
                    if (m && /status|er |are |is /.test(p) && !/viser|shows/.test(p)) expect(number(m[1]), `${p} (${status})`).toBe(statuses.filter(x => x === word).length);
                }
                checked.push(rc[0]);
            }
            // "Programteorien bygger på seks forutsetninger"
            const a = new RegExp(`(bygger på|byggjer på|rests on) ${NUM} (forutsetninger|føresetnader|assumptions|forutsetning|føresetnad|assumption)\\b`, 'u').exec(p);
            if (a) {
                const table = f.tablesStarting(l.programme.assumptionsCaption('').replace(/«.*$|“.*$/, '')).at(0);
                expect(number(a[2]), p).toBe(table!.rows.length);
                checked.push(a[0]);
            }
            // "Vi vurderer programmet etter seks kriterier"
            const k = new RegExp(`(etter|against) ${NUM} (kriterier|kriterium|criteria|criterion)\\.`, 'u').exec(p);
            if (k) {
                expect(number(k[2]), p).toBe(f.table(l.assessment.caption)!.rows.length);
                checked.push(k[0]);
            }
            // "Vi gir én anbefaling med høy prioritet:" (the list follows)
            const hp = new RegExp(`(gir|make) ${NUM} (anbefalinger?|tilrådingar|tilråding|recommendations?) (med|with) (høy|høg|high)`, 'u').exec(p);
            if (hp) {
                expect(number(hp[2]), p).toBe(listAfter(doc, p));
                expect(number(hp[2]), p).toBe(recs ? column(recs, 3).filter(x => x.toLowerCase() === l.priorities.high).length : 0);
                checked.push(hp[0]);
            }
            // "Vi har sammenlignet programmet med fire initiativ" / lessons
            const ini = new RegExp(`(de|dei|the) ${NUM} (initiativene|initiativa|initiatives) `, 'u').exec(p);
            if (ini) {
                expect(number(ini[2]), p).toBe(f.table(l.context.caption)!.rows.length);
                checked.push(ini[0]);
            }
            const les = new RegExp(`(samlet|samla|gathered) ${NUM} (læringspunkter|læringspunkt|lessons?) `, 'u').exec(p);
            if (les) {
                expect(number(les[2]), p).toBe(f.paragraphs.filter(x => x.startsWith(`${l.lessons.lesson('')}`)).length);
                checked.push(les[0]);
            }
            // "Notatet bygger på tre intervjuer, én fokusgruppe, …": the source overview by kind.
            if (/^(Notatet bygger på|Notatet byggjer på|The note draws on) /.test(p)) {
                for (const kind of Object.keys(l.nouns) as (keyof typeof l.nouns)[]) {
                    const noun = l.nouns[kind];
                    const m = new RegExp(`${NUM} (${noun.one}|${noun.many})(?=[,;]| ${l.and} )`, 'u').exec(p);
                    if (!m || !(kind in l.sourceKind)) continue;
                    expect(number(m[1]), `${p} (${kind})`).toBe(column(sources, 1).filter(x => x === l.sourceKind[kind as keyof typeof l.sourceKind]).length);
                }
                checked.push(p);
            }
            // "Oppdragsgiveren har beskrevet tre behov:" (the list follows)
            const needs = new RegExp(`${NUM} (behov|needs?):$`, 'u').exec(p);
            if (needs) {
                expect(number(needs[1]), p).toBe(listAfter(doc, p));
                checked.push(needs[0]);
            }
        }

        // The data table: a row per kind, the total their sum, each as many as the source overview lists.
        const data = f.table(l.method.dataCaption);
        if (data) {
            const body = data.rows.slice(0, -1);
            let sum = 0;
            for (const row of body) {
                const kind = (Object.keys(l.sourceKindPlural) as (keyof typeof l.sourceKindPlural)[]).find(k => l.sourceKindPlural[k] === inlineText(row[0]))!;
                const n = Number(inlineText(row[1]));
                sum += n;
                expect(n, kind).toBe(column(sources, 1).filter(x => x === l.sourceKind[kind]).length);
            }
            expect(Number(cell(data, data.rows.length - 1, 1))).toBe(sum);
            expect(sum).toBe(sources.rows.length);
            checked.push('data table');
        }
        // The coverage table of the matrix: each "n av m" recounted.
        const coverage = f.table(l.matrix.coverageCaption);
        if (coverage && matrix) {
            const of = (row: number) => cell(coverage, row, 1).split(/ (?:av|of) /).map(Number);
            const [qa, qm] = of(0);
            expect(qm).toBe(questions!.rows.length);
            expect(qa).toBe(column(questions!, 3).filter(x => Number(x) > 0).length);
            expect(of(1)).toEqual([triangulated, matrix.rows.length]);
            const nodes = f.tablesStarting(l.programme.nodesCaption('').replace(/«.*$|“.*$/, ''));
            const results = nodes.flatMap(t => t.rows.filter(row => [l.level.outcome, l.level.impact].includes(inlineText(row[0]))));
            expect(of(2)).toEqual([results.filter(row => inlineText(row[3]) !== '–').length, results.length]);
            checked.push('coverage table');
        }
        // A ratio is written "n av m" (recounted above), never "n/m" or "n / m".
        for (const p of f.paragraphs) expect(p).not.toMatch(/(?<![\d./-])\d{1,3} ?\/ ?\d{1,4}(?![\d./-])/);
        for (const t of f.tablesStarting('')) for (const row of t.rows) for (const c of row) expect(inlineText(c)).not.toMatch(/^\d+ ?\/ ?\d+$/);
        expect(checked.length, 'counts found').toBeGreaterThan(1);
    });
});
