/**
 * The V2 front-matter and ethics fields (V2.md §5), read where the grammar has them. The
 * grammar gains them in "Grammar: V2 constructs…"; until then they are absent and the
 * report leaves their lines out.
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

type Optional<T> = { [K in keyof T]?: T[K] };

export function reportFront(report: ast.Report): ReportFront {
    const r = report as ast.Report & Optional<ReportFront>;
    return {
        institution: r.institution, projectLeader: r.projectLeader, qualityAssurance: r.qualityAssurance,
        isbn: r.isbn, issn: r.issn, keywords: r.keywords ?? [], preface: r.preface, summaryEn: r.summaryEn
    };
}

export function programmeEthics(programme: ast.Programme | undefined): ProgrammeEthics {
    if (!programme) return {};
    const p = programme as ast.Programme & { ethics?: ast.TextBlock; dataDeletion?: string | number };
    return { ethics: p.ethics, dataDeletion: p.dataDeletion === undefined ? undefined : String(p.dataDeletion) };
}
