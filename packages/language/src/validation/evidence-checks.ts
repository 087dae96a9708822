import type { ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import { Codes } from '../prog-codes.js';
import type { ProgWorkspaceSettings } from '../workspace/prog-settings.js';
import { isTranscriptFile, type ProgTranscripts, type QuoteLookup, type TranscriptIndex, type TranscriptStamp } from '../workspace/prog-transcripts.js';
import type { ProgWorkspaceIndex } from '../workspace/prog-workspace-index.js';
import { diagnose } from './prog-diagnose.js';
import { relatedTo } from './prog-locations.js';

/** What a quote says checked against what its source's transcript says (V2 §4). */
export class EvidenceChecks {
    constructor(
        private readonly index: ProgWorkspaceIndex,
        private readonly settings: ProgWorkspaceSettings,
        private readonly transcripts: ProgTranscripts
    ) {}

    private readonly looked = new WeakMap<ast.Evidence, { index: TranscriptIndex; lookup: QuoteLookup }>();

    /**
     * `evidence/quote-not-in-source` and `evidence/quote-not-at-locator`: a `quote` of a
     * source whose `file` is a `.txt` or `.md` transcript inside the workspace occurs in it
     * (after normalising both), and, when `at` is a time stamp and the transcript has stamps,
     * in the segment of that stamp. A file outside the workspace is never read (the path
     * rules report it); the document depends on the file, so a change to it revalidates
     * this quote (prog-dependencies.ts `file:` keys).
     */
    quoteShouldBeInTranscript(evidence: ast.Evidence, accept: ValidationAcceptor): void {
        if (evidence.quote === undefined || !/\S/.test(evidence.quote)) return;
        const target = evidence.source?.ref;
        if (!target || target.$type !== 'Source') return;
        const source = target as ast.Source;
        const root = this.settings.root;
        if (source.file === undefined || root === undefined || !isTranscriptFile(source.file)) return;
        // The document depends on the file (as written, and as resolved): a change to it,
        // reported by the file watcher, validates this quote again.
        const { keys, transcript } = this.transcripts.forQuotes(root, source.file);
        this.index.dependOnFileKeys(keys);
        if (!transcript) return;
        if (!transcript.ok) {
            diagnose(accept, Codes.EvidenceQuoteNotInSource,
                `The quote cannot be checked: the transcript of ${source.name} cannot be read (${transcript.message}); make the file readable, or cite ${source.name} without \`quote\``,
                { node: evidence, property: 'quote', relatedInformation: [relatedTo(source, `${source.name} names the transcript`, 'file')] });
            return;
        }
        // A tree is never changed after parsing: the same evidence node against the same index gives the same answer.
        let remembered = this.looked.get(evidence);
        if (remembered?.index !== transcript.index) this.looked.set(evidence, remembered = { index: transcript.index, lookup: transcript.index.lookup(evidence.quote, evidence.at) });
        const lookup = remembered.lookup;
        if (lookup.found === 'yes') return;
        if (lookup.found === 'nowhere') {
            const encoding = transcript.index.invalidUtf8 ? ' The transcript is not valid UTF-8: save it as UTF-8.' : '';
            diagnose(accept, Codes.EvidenceQuoteNotInSource, quoteNotInSourceMessage(source) + encoding,
                { node: evidence, property: 'quote', relatedInformation: [relatedTo(source, `${source.name} names the transcript`, 'file')] });
            return;
        }
        diagnose(accept, Codes.EvidenceQuoteNotAtLocator, quoteNotAtLocatorMessage(source, evidence.at ?? '', lookup),
            { node: evidence, property: 'quote', relatedInformation: [relatedTo(evidence, 'the locator', 'at')] });
    }
}

// Messages name the source by ID, never its file: a non-public source's file name may
// identify the informant, and `sporbar validate` output is shared (CI logs).

/** The message of `evidence/quote-not-in-source`. */
export function quoteNotInSourceMessage(source: ast.Source): string {
    return `This quote is not in the transcript of ${source.name} (compared after normalising line breaks, spaces, typographic quotes and dashes; case counts); correct it to the transcript's words — the quick fix offers the closest passage when one is near — or cite ${source.name} without \`quote\``;
}

/** The message of `evidence/quote-not-at-locator`. */
export function quoteNotAtLocatorMessage(source: ast.Source, locator: string, lookup: Extract<QuoteLookup, { found: 'elsewhere' }>): string {
    const stamp = (s: TranscriptStamp | undefined, otherwise: string) => s ? s.text : otherwise;
    const segment = `between ${stamp(lookup.from, 'the start of the file')} and ${stamp(lookup.to, 'the end of the file')}`;
    if (lookup.under === lookup.from) {
        // It starts in the locator's segment and runs on past the next stamp.
        return `The quote is in the transcript of ${source.name}, but it runs on past ${stamp(lookup.to, 'the end of the file')}, where the segment of the locator ${locator.trim()} ends (${segment}); shorten the quote to the words before that time stamp, or give it as two evidence items`;
    }
    const where = `line ${lookup.line}, ${lookup.under ? `after the time stamp ${lookup.under.text}` : 'before the first time stamp'}`;
    const fix = lookup.under ? `set the locator to \`at "${lookup.under.text}"\`` : 'correct the locator';
    return `The quote is in the transcript of ${source.name}, but not where the locator ${locator.trim()} points (${segment}); it is at ${where} — ${fix}, or check that the quote is the one meant`;
}
