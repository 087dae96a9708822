import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The version of `@sporbar/cli`, from its package.json. */
export const VERSION: string = (require('../package.json') as { version: string }).version;

/** Where Sporbar lives (SARIF `informationUri`). */
export const REPOSITORY_URL = 'https://github.com/sporbar/sporbar';

/**
 * The anchor of a rule's section in `docs/rules.md`: the code lower-cased, with `/` and
 * every other character except letters, digits and `-` removed (`finding/untriangulated`
 * → `findinguntriangulated`).
 */
export function ruleAnchor(code: string): string {
    return code.toLowerCase().replace(/[^a-z0-9-]/g, '');
}

/**
 * The documentation of a rule. SARIF wants an absolute URI for `helpUri` (the schema's
 * `format: uri`), so this is the repository-relative path `docs/rules.md#anchor` resolved
 * against the repository's default branch (`blob/HEAD`).
 */
export function ruleHelpUri(code: string): string {
    return `${REPOSITORY_URL}/blob/HEAD/docs/rules.md#${ruleAnchor(code)}`;
}
