import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    assessmentEligible, assessmentReplacements, assessmentsInForce, assessmentsInForceAsOf, basisFindingIncluded, followUpsAsOf,
    indicatorNode, isDatedOnOrBefore, isStrictlyBefore, latestMeasurement, loadWorkspace, measurementsAsOf, parseDate,
    recommendationHistory, replacersIn, reportAssessments, reportIncludesRecommendation, reportShowsMeasurements, responseRate,
    statusAsOf, supportedNode,
    type Assessment, type Finding, type Indicator, type LoadedWorkspace, type Recommendation, type Report, type Source
} from '@sporbar/language';
import { PROGRAMME, writeWorkspace } from './helpers.js';

/**
 * Time and measurement in the model (prog-time.ts): what a report, the matrix or a hover
 * shows as of a cutoff. One workspace, every case named for what it shows.
 */
const MODEL = PROGRAMME + `
question Q "Q?"
source D1 document "D1" { date 2021-01 }
source S1 survey "Survey" { date 2022-06  respondents 146  population 310 }
source S2 survey "Half" { date 2022-06  respondents 1  population 8 }
source S3 survey "No population" { date 2022-06  respondents 40 }
source S4 survey "Empty population" { date 2022-06  respondents 4  population 0 }
finding F1 "Early" { answers Q  evidence D1  confidence low  date 2021-03-01 }
finding F2 "Late" { answers Q  evidence D1  confidence low  date 2022-09-01 }
finding FOld "Withdrawn, replaced" { answers Q  evidence D1  confidence low  date 2021-02-01  status withdrawn }
finding FNew "Replaces FOld" { answers Q  evidence D1  confidence low  date 2021-04-01  status revised  replaces FOld }
finding FDraft "Draft" { answers Q  evidence D1  confidence low  status draft }

recommendation RNone "No follow-up, no status" { based-on F1 }
recommendation RStatus "Own status and response" { based-on F1  status rejected  response "No" }
recommendation RTimed "Follow-ups" {
    based-on F1
    date 2021-06-01
    status proposed
    response "Made"
    follow-up 2021-09-15 accepted "Agreed"
    follow-up 2022-03-01 implemented "Done"
}
recommendation RTie "Equal dates: the one written last" {
    based-on F1
    follow-up 2022-03 accepted "first"
    follow-up 2022-03 rejected "second"
}
recommendation RUnordered "Written out of order" {
    based-on F1
    follow-up 2022-05-01 implemented "later"
    follow-up 2022-01-01 accepted "earlier"
}
recommendation RPartial "Partial dates" {
    based-on F1
    follow-up 2022 accepted "the year"
    follow-up 2022-06-15 implemented "a day in it"
}
recommendation RLate "Made after the cutoff" { based-on F1  date 2022-02-01 }
recommendation RLateBasis "Basis after the cutoff" { based-on F2 }
recommendation RReplacedBasis "Basis withdrawn but replaced" { based-on FOld }
recommendation RDraftBasis "Basis a draft" { based-on FDraft }
recommendation RBadDate "Invalid follow-up date" { based-on F1  follow-up 2021-02-30 implemented }

assessment A1 "First" { criterion relevance  rating low  based-on F1  date 2021-05-01 }
assessment A2 "Second" { criterion relevance  rating moderate  based-on F1  date 2021-11-01  replaces A1 }
assessment A3 "Third" { criterion relevance  rating high  based-on F1  date 2022-06-01  replaces A2 }
assessment B1 "Kept: its replacement's basis is not included" { criterion coherence  rating low  based-on F1 }
assessment B2 "Replacement on a late finding" { criterion coherence  rating high  based-on F2  replaces B1 }
assessment C1 "Not assessed" { criterion efficiency  not-assessed "Outside the mandate" }
assessment C2 "Not assessed, dated late" { criterion impact  not-assessed "Too early"  date 2023-01-01 }
assessment Loop1 "Cycle" { criterion Own  rating low  based-on F1  replaces Loop2 }
assessment Loop2 "Cycle" { criterion Own  rating low  based-on F1  replaces Loop1 }
criterion Own "Own"

logic L "L" {
    activity Act "A"
    outcome Out "O" {
        indicator Nested "Nested" {
            baseline 0  target 10
            measured 2021-12 4 from D1
            measured 2021-06 2 from D1
            measured 2022-12 9 from S1 at "p. 2"
            measured 2022-12 8 from S1 at "tie: written last"
        }
    }
    indicator Top "Top" { for Out  measured 2022 5 from S1  measured 2022-06 6 from S1 }
    assumption As "Assumption" { on Out }
    Act -> Out
}
report Note "Interim" { kind interim  cutoff 2021-12-31 }
report Basis "Assessment" { kind assessment  cutoff 2022-01-15 }
report Final "Final" { kind final  cutoff 2022-12-31 }
report Open "No cutoff or date" { kind final }
`;

let root: string;
let ws: LoadedWorkspace;
const get = <T>(type: string, name: string): T => {
    const node = ws.services.workspace.WorkspaceIndex.elementsOf<{ $type: string; name: string }>(type).find(n => n.name === name);
    if (!node) throw new Error(`${type} ${name} missing`);
    return node as unknown as T;
};
const rec = (name: string) => get<Recommendation>('Recommendation', name);
const report = (name: string) => get<Report>('Report', name);
const indicator = (name: string) => get<Indicator>('Indicator', name);
const day = (text: string) => parseDate(text)!;
const names = (nodes: readonly { name: string }[]) => nodes.map(n => n.name);

beforeAll(async () => {
    root = writeWorkspace({ 'model.prog': MODEL });
    ws = await loadWorkspace(root);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('dates over time', () => {
    it('a date is on or before a cutoff unless its first day is after the cutoff\'s last day; undated is always', () => {
        expect(isDatedOnOrBefore({ date: '2022-01' }, day('2022-01-15'))).toBe(true);
        expect(isDatedOnOrBefore({ date: '2022-01-16' }, day('2022-01-15'))).toBe(false);
        expect(isDatedOnOrBefore({ date: '2022-01-16' }, day('2022-01'))).toBe(true);
        expect(isDatedOnOrBefore({}, day('2000'))).toBe(true);
        expect(isDatedOnOrBefore({ date: '2099' }, undefined)).toBe(true);
    });

    it('for follow-up order, X is before Y only when X\'s last day is before Y\'s first day', () => {
        expect(isStrictlyBefore(day('2021-12-31'), day('2022'))).toBe(true);
        expect(isStrictlyBefore(day('2022-01'), day('2022-01-15'))).toBe(false);
        expect(isStrictlyBefore(day('2022-01-15'), day('2022-01'))).toBe(false);
        expect(isStrictlyBefore(day('2022-03'), day('2022-03'))).toBe(false);
    });
});

describe('a recommendation as of a cutoff', () => {
    it('without follow-ups shows its status (default proposed) and response', () => {
        expect(statusAsOf(rec('RNone'), undefined)).toEqual({ status: 'proposed', response: undefined, date: undefined });
        expect(statusAsOf(rec('RStatus'), day('2020'))).toMatchObject({ status: 'rejected', response: 'No' });
        expect(statusAsOf(rec('RStatus'), day('2020')).followUp).toBeUndefined();
    });

    it('shows the latest follow-up dated on or before the cutoff, with its response', () => {
        const r = rec('RTimed');
        expect(statusAsOf(r, day('2021-06-30'))).toEqual({ status: 'proposed', response: 'Made', date: '2021-06-01' });
        expect(statusAsOf(r, day('2021-09-15'))).toMatchObject({ status: 'accepted', response: 'Agreed', date: '2021-09-15' });
        expect(statusAsOf(r, day('2022-02'))).toMatchObject({ status: 'accepted' });
        expect(statusAsOf(r, day('2022-03'))).toMatchObject({ status: 'implemented', response: 'Done' });
        expect(statusAsOf(r, undefined)).toMatchObject({ status: 'implemented' });
    });

    it('on equal dates takes the one written last; written out of order, takes the latest by date', () => {
        expect(statusAsOf(rec('RTie'), day('2022-12'))).toMatchObject({ status: 'rejected', response: 'second' });
        expect(statusAsOf(rec('RUnordered'), day('2022-12'))).toMatchObject({ status: 'implemented', response: 'later' });
        expect(statusAsOf(rec('RUnordered'), day('2022-02'))).toMatchObject({ status: 'accepted', response: 'earlier' });
        expect(followUpsAsOf(rec('RUnordered'), undefined).map(f => f.response)).toEqual(['earlier', 'later']);
    });

    it('orders partial dates by first day, then last day', () => {
        // `2022` starts on 1 January, `2022-06-15` later: the day is the latest.
        expect(statusAsOf(rec('RPartial'), day('2022-12-31'))).toMatchObject({ status: 'implemented' });
        // A cutoff inside the year admits the year (its first day is not after the cutoff).
        expect(statusAsOf(rec('RPartial'), day('2022-03'))).toMatchObject({ status: 'accepted' });
    });

    it('leaves out a follow-up whose date is invalid', () => {
        expect(statusAsOf(rec('RBadDate'), undefined)).toMatchObject({ status: 'proposed' });
    });

    it('has a history: as made, then every follow-up up to the cutoff, oldest first', () => {
        const history = recommendationHistory(rec('RTimed'), day('2021-12-31'));
        expect(history.map(h => [h.date, h.status, h.response])).toEqual([
            ['2021-06-01', 'proposed', 'Made'],
            ['2021-09-15', 'accepted', 'Agreed']
        ]);
        expect(recommendationHistory(rec('RTimed'), undefined)).toHaveLength(3);
        expect(recommendationHistory(rec('RTimed'), undefined).at(-1)).toMatchObject(statusAsOf(rec('RTimed'), undefined));
    });

    it('is included when undated or dated on or before the cutoff, with its basis included (a replacer counts)', () => {
        const replacersOf = replacersIn(ws.services.workspace.WorkspaceIndex);
        const included = (name: string, r: string) => reportIncludesRecommendation(report(r), rec(name), replacersOf);
        expect(included('RNone', 'Basis')).toBe(true);
        expect(included('RLate', 'Basis')).toBe(false);
        expect(included('RLate', 'Final')).toBe(true);
        expect(included('RLateBasis', 'Basis')).toBe(false);
        expect(included('RLateBasis', 'Final')).toBe(true);
        // FOld is withdrawn (never included), but FNew replaces it and is included.
        expect(included('RReplacedBasis', 'Note')).toBe(true);
        expect(included('RDraftBasis', 'Final')).toBe(false);
        expect(basisFindingIncluded(report('Note'), get<Finding>('Finding', 'FOld'), () => [])).toBe(false);
    });
});

describe('assessments in force', () => {
    const inForce = (r: string) => {
        const replacersOf = replacersIn(ws.services.workspace.WorkspaceIndex);
        return names(reportAssessments(report(r), ws.services.workspace.WorkspaceIndex.elementsOf<Assessment>('Assessment'), replacersOf));
    };

    it('follow the cutoff along a chain of replacements', () => {
        expect(inForce('Note')).toEqual(['A2', 'B1', 'C1']);
        expect(inForce('Basis')).toEqual(['A2', 'B1', 'C1']);
        expect(inForce('Final')).toEqual(['A3', 'B2', 'C1']);
    });

    it('keep an assessment whose replacement is not eligible (its basis is not included)', () => {
        expect(inForce('Basis')).toContain('B1');
        const replacersOf = replacersIn(ws.services.workspace.WorkspaceIndex);
        expect(assessmentEligible(report('Basis'), get<Assessment>('Assessment', 'B2'), replacersOf)).toBe(false);
    });

    it('count a not-assessed one as eligible without a basis, by its date', () => {
        expect(inForce('Final')).toContain('C1');
        expect(inForce('Final')).not.toContain('C2');
        expect(inForce('Open')).toContain('C2');
    });

    it('leave out both assessments of a replacement cycle, and stop', () => {
        expect(inForce('Final')).not.toContain('Loop1');
        expect(inForce('Final')).not.toContain('Loop2');
    });

    it('as of a date (no basis test), and which replaced one each stands for', () => {
        const all = ws.services.workspace.WorkspaceIndex.elementsOf<Assessment>('Assessment');
        const asOf = assessmentsInForceAsOf(all, day('2021-12'));
        expect(names(asOf)).toEqual(['A2', 'B2', 'C1']);
        const replaced = assessmentReplacements(assessmentsInForce(all, () => true));
        // The members of a cycle are not in force, so they stand for nothing.
        expect([...replaced].map(([old, now]) => `${old.name}->${now.name}`)).toEqual(['A2->A3', 'A1->A3', 'B1->B2']);
    });
});

describe('indicators and measurements', () => {
    it('the latest measured on or before the cutoff; equal dates: the one written last', () => {
        const ind = indicator('Nested');
        expect(latestMeasurement(ind, day('2021-09'))?.value).toBe(2);
        expect(latestMeasurement(ind, day('2022-06'))?.value).toBe(4);
        expect(latestMeasurement(ind, day('2022-12-31'))).toMatchObject({ value: 8, at: 'tie: written last' });
        expect(latestMeasurement(ind, day('2021-01'))).toBeUndefined();
    });

    it('the series up to the cutoff, oldest first', () => {
        expect(measurementsAsOf(indicator('Nested'), day('2021-12-31')).map(m => m.value)).toEqual([2, 4]);
        expect(measurementsAsOf(indicator('Nested'), undefined).map(m => m.value)).toEqual([2, 4, 9, 8]);
        expect(measurementsAsOf(indicator('Top'), undefined).map(m => m.value)).toEqual([5, 6]);
    });

    it('assessment and final reports show measurements, the interim note none', () => {
        expect(reportShowsMeasurements(report('Note'))).toBe(false);
        expect(reportShowsMeasurements(report('Basis'))).toBe(true);
        expect(reportShowsMeasurements(report('Final'))).toBe(true);
    });

    it('an indicator stands for its node, nested or by `for`; an assumption for none', () => {
        const out = get<{ name: string }>('LogicNode', 'Out');
        expect(indicatorNode(indicator('Nested'))).toBe(out);
        expect(indicatorNode(indicator('Top'))).toBe(out);
        expect(supportedNode(indicator('Top'))).toBe(out);
        expect(supportedNode(get('LogicNode', 'Act'))).toBe(get('LogicNode', 'Act'));
        expect(supportedNode(get('Assumption', 'As'))).toBeUndefined();
    });
});

describe('response rate', () => {
    it('gives both numbers and the percentage rounded half up', () => {
        expect(responseRate(get<Source>('Source', 'S1'))).toEqual({ respondents: 146, population: 310, percent: 47 });
        expect(responseRate(get<Source>('Source', 'S2'))?.percent).toBe(13);
    });

    it('needs respondents and a population above 0', () => {
        expect(responseRate(get<Source>('Source', 'S3'))).toBeUndefined();
        expect(responseRate(get<Source>('Source', 'S4'))).toBeUndefined();
        expect(responseRate(get<Source>('Source', 'D1'))).toBeUndefined();
    });
});
