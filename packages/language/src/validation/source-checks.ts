import * as path from 'node:path';
import type { ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import { Codes } from '../prog-codes.js';
import { parseDate, today } from '../model/prog-dates.js';
import { dateOf, EVENT_SOURCE_KINDS, isAfter, resolveWorkspaceFile, SERIES_SOURCE_KINDS } from '../model/prog-model.js';
import type { ProgBibliography } from '../model/prog-bibliography.js';
import type { ProgWorkspaceSettings } from '../workspace/prog-settings.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { diagnose } from './prog-diagnose.js';
import { relatedTo } from './prog-locations.js';

/** Sources: dated, their files inside the workspace, their citation keys in the bibliography. */
export class SourceChecks {
    constructor(
        private readonly index: ProgWorkspaceIndex,
        private readonly settings: ProgWorkspaceSettings,
        private readonly bibliography: ProgBibliography
    ) {}

    /** `source/file-outside-workspace` and `source/file-missing`: `file` names a file inside the workspace. */
    fileShouldExistInWorkspace(source: ast.Source, accept: ValidationAcceptor): void {
        const root = this.settings.root;
        if (source.file === undefined || root === undefined) return;
        const resolution = resolveWorkspaceFile(root, source.file);
        // The file may come or go: the language server revalidates on a watched file's change.
        if (resolution.kind !== 'outside') this.index.dependOnFile(path.resolve(root, source.file.replace(/\\/g, '/')));
        if (resolution.kind === 'outside') {
            diagnose(accept, Codes.SourceFileOutsideWorkspace,
                `"${source.file}" leaves the workspace (${resolution.reason}); it is not opened. Copy the file into the workspace folder and give its path relative to the workspace`,
                { node: source, property: 'file' });
        } else if (resolution.kind === 'missing') {
            diagnose(accept, Codes.SourceFileMissing,
                `"${source.file}" names no file in the workspace (${resolution.reason}); correct the path (relative to the workspace folder) or add the file`,
                { node: source, property: 'file' });
        }
    }

    /** `source/future-date`. */
    sourceShouldNotBeDatedInFuture(source: ast.Source, accept: ValidationAcceptor): void {
        const date = dateOf(source);
        const now = today();
        if (!date || !isAfter(date, parseDate(now)!)) return;
        diagnose(accept, Codes.SourceFutureDate,
            `The source ${source.name} is dated ${source.date}, after today (${now}); evidence cannot come from the future — correct the date`,
            { node: source, property: 'date' });
    }

    /** `source/no-date`: interviews, focus groups, observations, surveys and workshops happen at a time. */
    eventSourceShouldHaveDate(source: ast.Source, accept: ValidationAcceptor): void {
        if (!source.name || source.date !== undefined || !EVENT_SOURCE_KINDS.has(source.kind)) return;
        diagnose(accept, Codes.SourceNoDate,
            `The ${source.kind} ${source.name} has no date; add \`date YYYY-MM-DD\` — without it no report can tell whether it falls before its cutoff`,
            { node: source, property: 'name' });
    }

    /**
     * `source/count-invalid`: `count N` says one source stands for a series of N events
     * (V2 §8), which only interviews, focus groups, observations and workshops can be.
     */
    countShouldNameSeries(source: ast.Source, accept: ValidationAcceptor): void {
        const count = source.count;
        if (count === undefined || !source.name) return;
        if (!SERIES_SOURCE_KINDS.has(source.kind)) {
            const fix = source.kind === 'survey'
                ? 'for a survey write `respondents N` (and `population N`)'
                : `remove \`count\`, or declare one ${source.kind} source for each item`;
            diagnose(accept, Codes.SourceCountInvalid,
                `\`count ${count}\` makes ${source.name} a series of events, which only an interview, focus-group, observation or workshop source can be; ${fix}`,
                { node: source, property: 'count' });
        } else if (!Number.isInteger(count) || count < 1) {
            diagnose(accept, Codes.SourceCountInvalid,
                `\`count ${count}\` on ${source.name} is not a number of ${source.kind === 'focus-group' ? 'focus groups' : `${source.kind}s`}; write a whole number of 1 or more (\`count 18\` for 18 interviews)`,
                { node: source, property: 'count' });
        }
    }

    /** `bibliography/missing`: the programme's bibliography exists in the workspace and parses. */
    bibliographyShouldLoad(programme: ast.Programme, accept: ValidationAcceptor): void {
        const root = this.settings.root;
        if (programme.bibliography === undefined || root === undefined) return;
        const result = this.bibliography.load(root, programme.bibliography);
        if (result.ok) return;
        const fix = result.problem === 'invalid'
            ? 'fix the file (BibTeX, or CSL-JSON: an array of entries with "id" and "type")'
            : 'give the path of a BibTeX or CSL-JSON file relative to the workspace folder';
        diagnose(accept, Codes.BibliographyMissing, `${capitalise(result.message)}; ${fix}`, { node: programme, property: 'bibliography' });
    }

    /** `cite/unknown-key`: `cite` names an entry of the programme's bibliography (silent while that is missing). */
    citeKeyShouldExist(source: ast.Source, accept: ValidationAcceptor): void {
        const root = this.settings.root;
        const programme = this.index.programmes()[0];
        if (source.cite === undefined || root === undefined || !programme) return;
        if (programme.bibliography === undefined) {
            diagnose(accept, Codes.CiteUnknownKey,
                `\`cite ${source.cite}\` names a bibliography key, but the programme ${programme.name} has no bibliography; add \`bibliography "references.bib"\` to the programme`,
                { node: source, property: 'cite', relatedInformation: [relatedTo(programme, 'the programme')] });
            return;
        }
        const result = this.bibliography.load(root, programme.bibliography);
        if (!result.ok || result.bibliography.keys.has(source.cite)) return;
        diagnose(accept, Codes.CiteUnknownKey,
            `The bibliography "${programme.bibliography}" has no entry with the key '${source.cite}'; correct the key (keys are case-sensitive) or add the entry`,
            { node: source, property: 'cite', relatedInformation: [relatedTo(programme, 'the bibliography', 'bibliography')] });
    }
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
