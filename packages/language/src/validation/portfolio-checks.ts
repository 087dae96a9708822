import type { ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import { Codes } from '../prog-codes.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { diagnose } from './prog-diagnose.js';
import { MAX_RELATED, relatedTo } from './prog-locations.js';

/** Portfolios as mission-oriented portfolios (interacting projects), projects with owner and line of sight. */
export class PortfolioChecks {
    constructor(private readonly index: ProgWorkspaceIndex) {}

    /** `portfolio/single-project`: a portfolio holds at least two projects. */
    portfolioShouldHoldSeveralProjects(portfolio: ast.Portfolio, accept: ValidationAcceptor): void {
        if (!portfolio.name) return;
        const projects = this.index.projectsOf(portfolio);
        if (projects.length >= 2) return;
        diagnose(accept, Codes.PortfolioSingleProject,
            `The portfolio ${portfolio.name} has ${projects.length === 0 ? 'no project' : 'one project'}; a portfolio is a set of projects that work on one challenge together — add its projects (nested, or \`portfolio ${portfolio.name}\` on a top-level project) or model it as a project`,
            { node: portfolio, property: 'name', relatedInformation: projects.map(p => relatedTo(p, 'the only project')) });
    }

    /** `portfolio/no-synergy`: in a portfolio of two or more projects, at least two of them are related. */
    portfolioShouldShowInteraction(portfolio: ast.Portfolio, accept: ValidationAcceptor): void {
        if (!portfolio.name) return;
        const projects = this.index.projectsOf(portfolio);
        if (projects.length < 2) return;
        const members = new Set<ast.Project>(projects);
        for (const project of projects) {
            for (const relation of project.relations) {
                const target = relation.target?.ref;
                if (target && target !== project && members.has(target)) return;
            }
        }
        diagnose(accept, Codes.PortfolioNoSynergy,
            `No two of the ${projects.length} projects in the portfolio ${portfolio.name} are related; show how they interact with \`synergy\`, \`depends-on\`, \`shares-resource\` or \`conflicts-with\` between them — a shared list is not yet a portfolio`,
            { node: portfolio, property: 'name', relatedInformation: projects.slice(0, MAX_RELATED).map(p => relatedTo(p, `project ${p.name} of ${portfolio.name}`)) });
    }

    /** `project/no-owner`. */
    projectShouldHaveOwner(project: ast.Project, accept: ValidationAcceptor): void {
        if (!project.name || project.owner) return;
        diagnose(accept, Codes.ProjectNoOwner,
            `The project ${project.name} has no owner; add \`owner ACTOR\` so that responsibility for it is clear`,
            { node: project, property: 'name' });
    }

    /** `project/no-contribution`: a project states which logic nodes it contributes to (line of sight). */
    projectShouldContribute(project: ast.Project, accept: ValidationAcceptor): void {
        if (!project.name || project.contributes.length > 0) return;
        diagnose(accept, Codes.ProjectNoContribution,
            `The project ${project.name} contributes to no node of the programme theory; add \`contributes NODE\` (an output, outcome or impact it works towards)`,
            { node: project, property: 'name' });
    }

    /** `project/self-relation`: a relation names another project. */
    relationShouldNameAnotherProject(relation: ast.Relation, accept: ValidationAcceptor): void {
        const project = relation.$container;
        if (!relation.target?.ref || relation.target.ref !== project) return;
        diagnose(accept, Codes.ProjectSelfRelation,
            `The project ${project.name} is related to itself (\`${relation.kind} ${relation.target.$refText}\`); name another project or remove the relation`,
            { node: relation, property: 'target' });
    }
}
