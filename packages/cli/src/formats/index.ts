import type { FileDiagnostic } from '@sporbar/language/core';
import type { FormatContext } from './context.js';
import { toGithub } from './github.js';
import { toGitlab } from './gitlab.js';
import { toJunit } from './junit.js';
import { toSarif } from './sarif.js';

export type CiFormatter = (diagnostics: readonly FileDiagnostic[], context: FormatContext) => string;

/** The CI output formats of `sporbar validate --format`, one module each. */
export const CI_FORMATS: Readonly<Record<string, CiFormatter>> = {
    sarif: toSarif,
    github: toGithub,
    gitlab: toGitlab,
    junit: toJunit
};

export type { FormatContext, FormatDocument } from './context.js';
