import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileDiagnostic } from '@sporbar/language';
import { FIXTURES, fixtureDiagnostics } from './fixtures.js';

async function load(fixture: string): Promise<FileDiagnostic[]> {
    return fixtureDiagnostics(path.join(FIXTURES, fixture));
}

/** `line:column-endLine:endColumn` (1-based) of every diagnostic with this code. */
function spans(diagnostics: readonly FileDiagnostic[], code: string): string[] {
    return diagnostics.filter(d => d.diagnostic.code === code).map(d => {
        const { start, end } = d.diagnostic.range;
        return `${d.file}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
    });
}

function related(diagnostics: readonly FileDiagnostic[], code: string): string[][] {
    return diagnostics.filter(d => d.diagnostic.code === code).map(d => (d.diagnostic.relatedInformation ?? []).map(r =>
        `${path.basename(r.location.uri)}:${r.location.range.start.line + 1}:${r.location.range.start.character + 1}`));
}

describe('precise ranges (RULES.md "Ranges")', () => {
    it('date/long-before-period sits on the date itself, pointing at the programme\'s period', async () => {
        const d = await load('structure/date-long-before-period');
        expect(spans(d, 'date/long-before-period')).toEqual([
            'model.prog:5:52-5:62', 'model.prog:6:38-6:42', 'model.prog:12:10-12:20', 'model.prog:14:65-14:75'
        ]);
        expect(related(d, 'date/long-before-period')).toEqual(Array(4).fill(['model.prog:1:45']));
    });

    it('finding/future-date sits on the date', async () => {
        const d = await load('traceability/finding-future-date');
        expect(spans(d, 'finding/future-date')).toEqual(['model.prog:5:70-5:80', 'model.prog:6:72-6:79', 'model.prog:11:10-11:14']);
    });

    it('finding/untriangulated sits on the confidence value', async () => {
        const d = await load('traceability/finding-untriangulated');
        expect(spans(d, 'finding/untriangulated').slice(0, 2)).toEqual(['model.prog:23:16-23:20', 'model.prog:25:74-25:78']);
        expect(spans(d, 'finding/untriangulated')).toHaveLength(7);
    });

    it('finding/single-informant sits on the evidence keyword', async () => {
        const d = await load('traceability/finding-single-informant');
        expect(spans(d, 'finding/single-informant')).toEqual(['model.prog:8:5-8:13', 'model.prog:12:54-12:62']);
        expect(related(d, 'finding/single-informant')).toEqual([['model.prog:4:8'], ['model.prog:5:8']]);
    });

    it('finding/self-reported-only sits on the supports reference and points at every source', async () => {
        const d = await load('traceability/finding-self-reported-only');
        // on the node R, and on the indicator IR of R
        expect(spans(d, 'finding/self-reported-only')).toEqual(['model.prog:17:14-17:15', 'model.prog:23:14-23:16']);
        // the origin of each source behind the finding
        expect(related(d, 'finding/self-reported-only')).toEqual([['model.prog:9:62', 'model.prog:10:63'], ['model.prog:9:62']]);
    });

    it('finding/withdrawn-cited sits on the citing reference, in the citing file', async () => {
        const d = await load('traceability/finding-withdrawn-cited');
        expect(spans(d, 'finding/withdrawn-cited')).toEqual([
            'findings.prog:11:14-11:16', 'other.prog:1:31-1:33', 'other.prog:5:35-5:38'
        ]);
        expect(related(d, 'finding/withdrawn-cited')).toEqual([['findings.prog:6:67'], ['findings.prog:6:67'], ['findings.prog:6:67']]);
    });

    it('privacy/small-group sits on the actor reference', async () => {
        const d = await load('privacy/privacy-small-group');
        expect(spans(d, 'privacy/small-group')).toEqual(['model.prog:8:74-8:78', 'model.prog:15:65-15:69', 'model.prog:17:61-17:65']);
    });

    it('evidence/quote-not-in-source and evidence/quote-not-at-locator sit on the quote string', async () => {
        const d = await load('sources/evidence-quote-not-in-source');
        const quotes = spans(d, 'evidence/quote-not-in-source');
        expect(quotes[0]).toBe('model.prog:13:20-13:57');
        expect(quotes).toHaveLength(6);
        expect(related(d, 'evidence/quote-not-in-source')[0]).toEqual(['model.prog:4:73']);
        const l = await load('sources/evidence-quote-not-at-locator');
        expect(spans(l, 'evidence/quote-not-at-locator')[0]).toBe('model.prog:10:37-10:79');
        // Related information: the locator.
        expect(related(l, 'evidence/quote-not-at-locator')[0]).toEqual(['model.prog:10:20']);
    });

    it('finding/self-reported-only says why each source is self-reported, on its actor', async () => {
        const d = await load('traceability/finding-self-reported-only');
        const message = d.find(x => x.diagnostic.code === 'finding/self-reported-only')!;
        expect(message.diagnostic.relatedInformation!.map(r => r.message)).toEqual(['D1 has origin programme', 'D2 has origin project']);
    });

    it('privacy/quote-names-person sits on the name itself, in quotes, texts and titles', async () => {
        const d = await load('privacy/privacy-quote-names-person');
        expect(spans(d, 'privacy/quote-names-person')).toEqual([
            // a title, a quote (any case), a text across a line break, a section title (genitive -s not part of the name)
            'model.prog:10:37-10:50', 'model.prog:14:27-14:40', 'model.prog:17:41-18:17', 'model.prog:24:19-24:32'
        ]);
    });

    it('assessment/criterion-missing: one diagnostic on the ID of each assessment or final report, naming what is missing', async () => {
        const d = await load('traceability/assessment-criterion-missing');
        expect(spans(d, 'assessment/criterion-missing')).toEqual(['reports.prog:1:8-1:13', 'reports.prog:6:8-6:13']);
        const message = d.find(x => x.diagnostic.code === 'assessment/criterion-missing')!.diagnostic.message;
        expect(message).toContain('efficiency and impact');
        expect(message).not.toContain('relevance');
    });

    it('logic/cycle and logic/backward-edge sit on the edge as written', async () => {
        const d = await load('logic/logic-backward-edge');
        expect(spans(d, 'logic/backward-edge')).toEqual(['model.prog:7:5-7:11', 'model.prog:13:5-13:12']);
        const c = await load('logic/logic-cycle');
        expect(spans(c, 'logic/cycle')).toEqual(['model.prog:8:5-8:11', 'model.prog:8:10-8:16', 'model.prog:9:5-9:11']);
    });

    it('report/after-cutoff sits on the evidence item', async () => {
        const d = await load('reports/report-after-cutoff');
        expect(spans(d, 'report/after-cutoff')).toEqual(['findings.prog:10:14-10:16', 'findings.prog:13:81-13:83']);
    });

    it('recommendation/follow-up-order sits on the whole first follow-up out of order', async () => {
        const d = await load('traceability/recommendation-follow-up-order');
        expect(spans(d, 'recommendation/follow-up-order')).toEqual([
            'model.prog:10:5-10:44', // before the one above it
            'model.prog:17:5-17:31', // before the recommendation's date
            'model.prog:20:85-20:117' // on one line
        ]);
        expect(related(d, 'recommendation/follow-up-order')).toEqual([['model.prog:9:15'], ['model.prog:16:10'], ['model.prog:20:70']]);
    });

    it('recommendation/undated-status sits on the status value', async () => {
        const d = await load('traceability/recommendation-undated-status');
        expect(spans(d, 'recommendation/undated-status')).toEqual(['model.prog:6:70-6:78', 'model.prog:11:12-11:23']);
    });

    it('assessment/not-assessed-with-rating sits on the reason; assessment/no-text on the ID', async () => {
        const d = await load('traceability/assessment-not-assessed-with-rating');
        expect(spans(d, 'assessment/not-assessed-with-rating')).toEqual(['model.prog:6:77-6:98', 'model.prog:10:18-10:37']);
        const t = await load('traceability/assessment-no-text');
        expect(spans(t, 'assessment/no-text')).toEqual(['model.prog:6:12-6:14', 'model.prog:7:12-7:14']);
    });

    it('indicator/measurement-without-source sits on the measured line; indicator/no-measurement on the ID', async () => {
        const d = await load('logic/indicator-measurement-without-source');
        expect(spans(d, 'indicator/measurement-without-source')).toEqual(['model.prog:11:13-11:31', 'model.prog:15:35-15:54']);
        const n = await load('logic/indicator-no-measurement');
        expect(spans(n, 'indicator/no-measurement')).toEqual(['model.prog:9:19-9:21']);
        expect(related(n, 'indicator/no-measurement')).toEqual([['model.prog:22:8']]);
    });

    it('privacy/no-ethics-statement sits on the programme ID; report/no-english-summary on the report ID', async () => {
        const d = await load('privacy/privacy-no-ethics-statement');
        expect(spans(d, 'privacy/no-ethics-statement')).toEqual(['model.prog:1:11-1:12']);
        expect(related(d, 'privacy/no-ethics-statement')).toEqual([['model.prog:4:8', 'model.prog:5:8']]);
        const r = await load('reports/report-no-english-summary');
        expect(spans(r, 'report/no-english-summary')).toEqual(['model.prog:12:8-12:9', 'model.prog:13:8-13:9']);
    });

    it('date/invalid sits on each new date position; period/reversed on a source period from date to date', async () => {
        const d = await load('structure/date-invalid-positions');
        expect(spans(d, 'date/invalid')).toEqual([
            'model.prog:1:84-1:94', 'model.prog:4:49-4:56', 'model.prog:8:52-8:62', 'model.prog:11:81-11:91',
            'model.prog:15:10-15:20', 'model.prog:16:15-16:22'
        ]);
        const p = await load('structure/period-reversed-source');
        expect(spans(p, 'period/reversed')).toEqual(['model.prog:4:49-4:67']);
    });

    it('programme/missing sits on line 1, column 1 of the first file', async () => {
        const d = await load('structure/programme-missing');
        expect(spans(d, 'programme/missing')).toEqual(['a.prog:1:1-1:1']);
    });
});

describe('related information', () => {
    it('id/duplicate: each declaration points at the other', async () => {
        const d = await load('structure/id-duplicate');
        expect(related(d, 'id/duplicate')).toEqual([['b.prog:1:7'], ['a.prog:3:7']]);
    });

    it('logic/cycle: every edge of the cycle points at the other edges', async () => {
        const d = await load('logic/logic-cycle');
        expect(related(d, 'logic/cycle')).toEqual([
            ['model.prog:8:10', 'model.prog:9:5'],
            ['model.prog:8:5', 'model.prog:9:5'],
            ['model.prog:8:5', 'model.prog:8:10']
        ]);
        expect(d.find(x => x.diagnostic.code === 'logic/cycle')!.diagnostic.message).toMatch(/A, B and C|B, C and A|C, A and B/);
    });

    it('report/after-cutoff: points at the source date and the cutoff of each report that includes the finding', async () => {
        const d = await load('reports/report-after-cutoff');
        expect(related(d, 'report/after-cutoff')).toEqual([
            // D2's date; Note's cutoff (2021-06-30) and Memo's date (2021-07, no cutoff)
            ['findings.prog:5:34', 'reports.prog:1:51'],
            ['findings.prog:5:34', 'reports.prog:1:51']
        ]);
        const messages = d.filter(x => x.diagnostic.code === 'report/after-cutoff').map(x => x.diagnostic.message);
        expect(messages[0]).toContain('Note (cutoff 2021-06-30)');
        expect(messages[0]).not.toContain('Memo');
    });

    it('table and chart codes sit on the file string, the ID or counts; the message names row and column', async () => {
        const missing = await load('data/table-file-missing');
        expect(spans(missing, 'table/file-missing')).toEqual([
            'model.prog:6:36-6:51', 'model.prog:7:7-7:9', 'model.prog:8:36-8:52', 'model.prog:9:37-9:43', 'model.prog:10:37-10:50'
        ]);
        const unreadable = await load('data/table-unreadable');
        expect(spans(unreadable, 'table/unreadable')[0]).toBe('model.prog:6:35-6:52');
        expect(spans(unreadable, 'table/unreadable')[4]).toBe('model.prog:13:12-13:25');
        const messages = unreadable.filter(d => d.diagnostic.code === 'table/unreadable').map(d => d.diagnostic.message);
        expect(messages[0]).toContain('row 3 (line 3) has 2 cells, the header has 3');
        expect(messages[2]).toContain('row 2 (line 2) is not UTF-8');
        const chart = await load('data/chart-not-numeric');
        expect(spans(chart, 'chart/not-numeric')[0]).toBe('model.prog:6:47-6:62');
        expect(chart.find(d => d.diagnostic.code === 'chart/not-numeric')!.diagnostic.message).toContain('row 3 (line 3), column 2 ("Andel") holds "n/a"');
        const noSource = await load('data/table-no-source');
        expect(spans(noSource, 'table/no-source')).toEqual(['model.prog:6:7-6:9', 'model.prog:7:7-7:9']);
        const small = await load('privacy/privacy-small-cell');
        expect(spans(small, 'privacy/small-cell')).toEqual(['model.prog:8:51-8:63', 'model.prog:11:10-11:27', 'model.prog:14:49-14:74']);
        expect(related(small, 'privacy/small-cell')[1]).toEqual(['model.prog:5:8']);
    });

    it('ref/unresolved on a table\'s from names the property as written', async () => {
        const d = await load('data/table-from-not-a-source');
        expect(d.filter(x => x.diagnostic.code === 'ref/unresolved').map(x => x.diagnostic.message)).toEqual(["'F1' is a finding, but `from` expects a source"]);
    });
});
