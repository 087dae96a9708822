import type { ValidationChecks } from 'langium';
import type { ProgAstType } from './generated/ast.js';
import type { ProgServices } from './prog-module.js';
import { StructureChecks } from './validation/structure-checks.js';

/** Registers the checks, one concern per file under `validation/`, by AST type. */
export function registerValidationChecks(services: ProgServices): void {
    const registry = services.validation.ValidationRegistry;
    const structure = new StructureChecks(services.workspace.WorkspaceIndex);
    const noRepeat = structure.propertyShouldNotRepeat.bind(structure);
    const unique = structure.idShouldBeUnique.bind(structure);
    const dates = structure.datesShouldExist.bind(structure);
    const sdgs = structure.sdgsShouldBeInRange.bind(structure);
    const checks: ValidationChecks<ProgAstType> = {
        Model: structure.workspaceShouldHaveOneProgramme.bind(structure),
        Element: [unique, noRepeat],
        Evidence: noRepeat,
        Source: dates,
        Finding: dates,
        Report: dates,
        Period: [dates, structure.periodShouldNotBeReversed.bind(structure)],
        Programme: sdgs,
        LogicNode: sdgs,
        AssumptionTarget: structure.assumptionEdgeShouldExist.bind(structure)
    };
    registry.register(checks, structure);
}
