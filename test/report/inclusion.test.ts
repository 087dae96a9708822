import { describe, expect, it } from 'vitest';
import { latestMeasurement, statusAsOf, type Indicator } from '@sporbar/language';
import { inclusionOf } from '@sporbar/report';
import { PRI, generate, report, text, workspace } from './report-helpers.js';

/**
 * What each report of examples/pri includes as of its own cutoff (REPORTS.md "Inclusion"):
 * recommendations by date and basis, assessments in force, and — through prog-time.ts —
 * status and measured values as of the cutoff.
 */
describe('inclusion as of the cutoff (examples/pri)', async () => {
    const ws = await workspace(PRI);
    const names = (nodes: readonly { name: string }[]) => nodes.map(n => n.name);

    it('the final report shows the 2023 sustainability assessment in place of the 2022 one', () => {
        const inclusion = inclusionOf(ws, report(ws, 'Sluttrapport'));
        expect(names(inclusion.assessments)).toContain('VBærekraftSlutt');
        expect(names(inclusion.assessments)).not.toContain('VBærekraft');
        expect(inclusion.assessments.filter(a => a.criterion?.dac === 'sustainability')).toHaveLength(1);
        expect([...inclusion.assessmentReplacedBy].map(([old, now]) => `${old.name}->${now.name}`)).toEqual(['VBærekraft->VBærekraftSlutt']);
    });

    it('the assessment report, made a year earlier, shows the 2022 sustainability assessment and not the later ones', () => {
        const inclusion = inclusionOf(ws, report(ws, 'Vurderingsgrunnlag'));
        expect(names(inclusion.assessments)).toEqual(['VRelevans', 'VSamstemthet', 'VMåloppnåelse', 'VEffektivitet', 'VVirkninger', 'VBærekraft']);
    });

    it('recommendations by their date, each with its status as of the cutoff', () => {
        const status = (id: string) => {
            const inclusion = inclusionOf(ws, report(ws, id));
            return inclusion.recommendations.map(r => `${r.name} ${statusAsOf(r, inclusion.cutoff).status}`);
        };
        // R2 was made at the interim note's cutoff; it was accepted in September 2021 and implemented in March 2022.
        expect(status('Underveisnotat')).toEqual(['R2 proposed']);
        expect(status('Vurderingsgrunnlag')).toEqual(['R1 proposed', 'R2 accepted', 'R4 proposed', 'R6 proposed']);
        expect(status('Sluttrapport')).toEqual([
            'R1 accepted', 'R2 implemented', 'R3 accepted', 'R4 proposed', 'R5 accepted', 'R6 rejected', 'R7 proposed'
        ]);
    });

    it('measured values as of the cutoff', () => {
        const indicator = ws.services.workspace.WorkspaceIndex.elementsOf<Indicator>('Indicator').find(i => i.name === 'Hovedprosjekter')!;
        expect(latestMeasurement(indicator, inclusionOf(ws, report(ws, 'Vurderingsgrunnlag')).cutoff)?.value).toBe(5);
        expect(latestMeasurement(indicator, inclusionOf(ws, report(ws, 'Sluttrapport')).cutoff)?.value).toBe(6);
    });

    it('the final report in Markdown has one sustainability chapter', async () => {
        const md = text(await generate(PRI, 'Sluttrapport', { format: 'md' }));
        expect(md).toMatch(/^### 5\.\d+ Bærekraft ved programslutt$/m);
        expect(md).not.toMatch(/^### 5\.\d+ Bærekraft$/m);
    });
});
