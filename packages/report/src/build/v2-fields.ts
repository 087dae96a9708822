/**
 * The V2 front-matter and ethics fields (V2.md §5) as the report reads them: keywords as a
 * list, the data-deletion date as text.
 */
import type * as ast from '@sporbar/language';

export interface ReportFront {
    readonly institution?: string;
    readonly projectLeader?: string;
    readonly qualityAssurance?: string;
    readonly isbn?: string;
    readonly issn?: string;
    readonly keywords: readonly string[];
    readonly preface?: ast.TextBlock;
    readonly summaryEn?: ast.TextBlock;
}

export interface ProgrammeEthics {
    readonly ethics?: ast.TextBlock;
    readonly dataDeletion?: string;
}

export function reportFront(r: ast.Report): ReportFront {
    return {
        institution: r.institution, projectLeader: r.projectLeader, qualityAssurance: r.qualityAssurance,
        isbn: r.isbn, issn: r.issn, keywords: r.keywords ?? [], preface: r.preface, summaryEn: r.summaryEn
    };
}

export function programmeEthics(programme: ast.Programme | undefined): ProgrammeEthics {
    if (!programme) return {};
    return { ethics: programme.ethics, dataDeletion: programme.dataDeletion === undefined ? undefined : String(programme.dataDeletion) };
}
