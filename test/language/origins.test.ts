import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, originOf, restsOnSelfReportedSources, triangulationOf, type Finding, type LoadedWorkspace, type Source } from '@sporbar/language';

/** The origin default (LANGUAGE.md "Perspective", V2 §3) and what it decides. */
const MODEL = `
programme P "Programme" { client KS }
actor KS "KS" { type association }
actor Team "Programme team" { type team  part-of KS }
actor Deep "A group in the team" { type group  part-of Team }
actor Owner "Portfolio owner" { type association }
actor Bergen "Bergen kommune" { type municipality }
actor Partner "Research partner" { type research }
actor Funder "Funder only" { type private }
actor Loop1 "Loop one" { type other  part-of Loop2 }
actor Loop2 "Loop two" { type other  part-of Loop1 }
portfolio PF "Portfolio" { owner Owner  project X "X" { owner Bergen  partners Partner  funding Funder 2 MNOK } }
source SClient document "By the client" { actor KS }
source SDeep interview "Deep in the client" { date 2021-01-01  actor Deep }
source SOwner document "By the portfolio owner" { actor Owner }
source SBergen interview "Project owner" { date 2021-01-01  actor Bergen }
source SPartner survey "Project partner" { date 2021-01-01  actor Partner  respondents 10 }
source SFunder interview "Funder" { date 2021-01-01  actor Funder }
source SNone document "No actor"
source SLit literature "A study" { actor KS }
source SData dataset "Statistics"
source SWritten document "Written" { actor KS  origin independent }
source SLoop document "Loop" { actor Loop1 }
finding F1 "Two kinds, one origin" { evidence SClient, SDeep }
finding F2 "Project and independent" { evidence SBergen, SNone }
finding F3 "Only literature besides one interview" { evidence SBergen, SLit, SData }
`;

let root: string;
let workspace: LoadedWorkspace;

beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-origins-'));
    fs.writeFileSync(path.join(root, 'model.prog'), MODEL);
    workspace = await loadWorkspace(root);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const index = () => workspace.services.workspace.WorkspaceIndex;
const source = (id: string) => index().declarationsOf(id)[0] as Source;
const finding = (id: string) => index().declarationsOf(id)[0] as Finding;

describe('origin by default from the actor', () => {
    it('programme first (client, part-of it at any depth, portfolio owner), then project (owner, partner), else independent', () => {
        const of = (id: string) => { const info = index().originInfo(source(id)); return `${info.origin}: ${info.reason}`; };
        expect(of('SClient')).toBe('programme: KS is the client of the programme P');
        expect(of('SDeep')).toBe('programme: Deep is part of KS, the client of the programme P');
        expect(of('SOwner')).toBe('programme: Owner owns the portfolio PF');
        expect(of('SBergen')).toBe('project: Bergen owns the project X');
        expect(of('SPartner')).toBe('project: Partner is a partner in the project X');
        // Funding alone makes no project actor.
        expect(of('SFunder')).toMatch(/^independent: Funder is neither the client/);
        expect(of('SNone')).toBe('independent: SNone names no actor');
        // Every kind, literature and datasets included; a written origin stands.
        expect(of('SLit')).toBe('programme: KS is the client of the programme P');
        expect(of('SData')).toBe('independent: SData names no actor');
        expect(index().originInfo(source('SWritten'))).toEqual({ origin: 'independent', written: true, reason: 'written on SWritten' });
        // A part-of cycle ends the walk.
        expect(of('SLoop')).toMatch(/^independent: Loop1/);
    });

    it('originOf without the index knows only the written origin (the v1 default)', () => {
        expect(originOf(source('SClient'))).toBe('independent');
        expect(originOf(source('SClient'), index())).toBe('programme');
    });
});

describe('what the origin decides', () => {
    it('triangulation counts kinds and origins without literature', () => {
        expect(triangulationOf(finding('F1'), index())).toEqual({ kinds: ['interview', 'document'], origins: ['programme'], literature: 0, triangulated: false });
        expect(triangulationOf(finding('F2'), index())).toEqual({ kinds: ['interview', 'document'], origins: ['project', 'independent'], literature: 0, triangulated: true });
        expect(triangulationOf(finding('F3'), index())).toEqual({ kinds: ['interview', 'dataset'], origins: ['project', 'independent'], literature: 1, triangulated: true });
    });

    it('self-reported: every source the programme\'s or a project\'s own, literature counted too', () => {
        expect(restsOnSelfReportedSources(finding('F1'), index())).toBe(true);
        expect(restsOnSelfReportedSources(finding('F2'), index())).toBe(false);
        expect(restsOnSelfReportedSources(finding('F3'), index())).toBe(false);
    });
});
