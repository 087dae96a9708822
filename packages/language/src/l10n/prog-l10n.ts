import type { Diagnostic } from 'vscode-languageserver-types';
import { ENGLISH, type MessageId } from './messages-en.js';
import { NB } from './messages-nb.js';
import { NN } from './messages-nn.js';

/**
 * What the server and the CLI say, in Norwegian (bokmål `nb`, nynorsk `nn`) or English.
 *
 * The checks build their messages in English, each in one place (validation/*-checks.ts).
 * They are translated at the edge where they leave: the language server's diagnostics
 * publishing and the CLI's output. `messages-en.ts` holds every English message as a
 * template (`{name}` stands for a part that varies); `messages-nb.ts` and `messages-nn.ts`
 * give, per template, the Norwegian text built from those parts. A message no template
 * matches stays English: `test/language/l10n.test.ts` runs every rule fixture in nb and nn
 * and fails on such a message, so a new message gets its translation when it lands.
 */

/** A language the server and the CLI speak. */
export type UiLanguage = 'nb' | 'nn' | 'en';
/** The setting: a language, or `auto` (the workspace's language, else bokmål). */
export type LanguageSetting = UiLanguage | 'auto';

export const UI_LANGUAGES: readonly UiLanguage[] = ['nb', 'nn', 'en'];

export function isUiLanguage(value: unknown): value is UiLanguage {
    return value === 'nb' || value === 'nn' || value === 'en';
}

export function isLanguageSetting(value: unknown): value is LanguageSetting {
    return value === 'auto' || isUiLanguage(value);
}

/**
 * The language of the editor: the setting when it names one; for `auto`, `sporbar.json`'s
 * `language`, else the language most of the workspace's reports are written in (a report
 * without `language` is in bokmål), else bokmål.
 */
export function resolveLanguage(setting: LanguageSetting | undefined, configured: UiLanguage | undefined, reportLanguages: readonly (string | undefined)[]): UiLanguage {
    if (setting !== undefined && setting !== 'auto') return setting;
    if (configured) return configured;
    const counts = new Map<UiLanguage, number>();
    for (const written of reportLanguages) {
        const language = isUiLanguage(written) ? written : 'nb';
        counts.set(language, (counts.get(language) ?? 0) + 1);
    }
    let best: UiLanguage = 'nb';
    let most = 0;
    for (const language of UI_LANGUAGES) {
        const n = counts.get(language) ?? 0;
        if (n > most) { best = language; most = n; }
    }
    return best;
}

/** The parts a template matched, by name. */
export type Parts = Readonly<Record<string, string>>;

/** Helpers for a translation: words, lists, nested fragments. */
export interface Tools {
    /** An English word of the model (a kind, level, access, criterion…) in this language, indefinite: `tabell`. */
    w(word: string): string;
    /** The same, definite: `tabellen`. */
    d(word: string): string;
    /** The same, indefinite plural: `tabeller`. */
    p(word: string): string;
    /** `a, b and c` / `a or b` with each item translated by `item` (default: `w`) and `og`/`eller`. */
    list(text: string, item?: (one: string) => string): string;
    /** A nested English fragment (a reason, a CSV problem…) through the fragment templates; unchanged when none matches. */
    f(text: string): string;
    /** `1 fil`, `2 filer`. */
    n(count: string | number, one: string, many: string): string;
    /** A whole message of diagnostic `code` nested in another (unchanged when no template matches). */
    m(code: string, text: string): string;
}

export type Template = (parts: Parts, t: Tools) => string;

/** A language's texts: every message template and every word of the model. */
export interface Catalog {
    readonly messages: Readonly<Record<MessageId, Template>>;
    /** English word → [indefinite, definite, plural]. */
    readonly words: Readonly<Record<string, readonly [string, string, string]>>;
    readonly and: string;
    readonly or: string;
}

const CATALOGS: Record<Exclude<UiLanguage, 'en'>, Catalog> = { nb: NB, nn: NN };

interface Compiled {
    readonly id: MessageId;
    readonly pattern: RegExp;
}

/**
 * An English template as an anchored regular expression: `{x}` is any text (at least one
 * character), `{x?}` any text or none, `{x#}` a number; a name used twice must match the
 * same text.
 */
export function compileTemplate(template: string): RegExp {
    // Two parts side by side would split their text anywhere: write two templates instead.
    if (/\}\{/.test(template)) throw new Error(`Two parts side by side in the message template "${template}"`);
    const seen = new Set<string>();
    let source = '';
    let last = 0;
    for (const m of template.matchAll(/\{(\w+)([?#]?)\}/g)) {
        source += escape(template.slice(last, m.index));
        const [, name, mark] = m;
        if (seen.has(name)) source += `\\k<${name}>`;
        else {
            seen.add(name);
            source += `(?<${name}>${mark === '#' ? '-?\\d+(?:[.,]\\d+)?' : mark === '?' ? '[\\s\\S]*?' : '[\\s\\S]+?'})`;
        }
        last = m.index! + m[0].length;
    }
    source += escape(template.slice(last));
    return new RegExp(`^${source}$`, 'u');
}

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface Patterns {
    readonly byCode: Map<string, Compiled[]>;
    readonly fragments: Compiled[];
    /** `suffix#…`: an ending any message may carry (` — did you mean 'Q1'?`), matched with the text before it. */
    readonly suffixes: Compiled[];
}

let compiled: Patterns | undefined;

function patterns(): Patterns {
    if (compiled) return compiled;
    const byCode = new Map<string, Compiled[]>();
    const fragments: Compiled[] = [];
    const suffixes: Compiled[] = [];
    for (const [id, english] of Object.entries(ENGLISH) as [MessageId, string][]) {
        const code = id.split('#')[0];
        if (code === 'suffix') { suffixes.push({ id, pattern: compileTemplate(`{base}${english}`) }); continue; }
        const entry = { id, pattern: compileTemplate(english) };
        if (code === 'fragment') { fragments.push(entry); continue; }
        let list = byCode.get(code);
        if (!list) byCode.set(code, list = []);
        list.push(entry);
    }
    // The most specific template first: `{name} is {access}` must not take a message that a
    // longer template spells out (`{name} has origin {origin} ({reason})`).
    const literal = (entry: Compiled) => ENGLISH[entry.id].replace(/\{\w+[?#]?\}/g, '').length;
    const bySpecificity = (a: Compiled, b: Compiled) => literal(b) - literal(a);
    for (const list of byCode.values()) list.sort(bySpecificity);
    fragments.sort(bySpecificity);
    suffixes.sort(bySpecificity);
    return compiled = { byCode, fragments, suffixes };
}

function tools(catalog: Catalog): Tools {
    const word = (form: 0 | 1 | 2) => (text: string) => {
        const bare = text.replace(/^an? /, '');
        return catalog.words[bare]?.[form] ?? catalog.words[bare.toLowerCase()]?.[form] ?? bare;
    };
    const t: Tools = {
        w: word(0),
        d: word(1),
        p: word(2),
        list(text, item = t.w) {
            const m = /^(.*?)(?:,? (and|or) )([^,]*)$/u.exec(text);
            if (!m) return text.split(', ').map(item).join(', ');
            const head = m[1].split(', ').map(item);
            return `${head.join(', ')} ${m[2] === 'and' ? catalog.and : catalog.or} ${item(m[3])}`;
        },
        f(text) {
            return translateWith(patterns().fragments, text, catalog, t) ?? text;
        },
        n(count, one, many) {
            return `${count} ${Number(String(count).replace(',', '.')) === 1 ? one : many}`;
        },
        m(code, text) {
            return translateWith(patterns().byCode.get(code), text, catalog, t) ?? text;
        }
    };
    return t;
}

const toolsByLanguage = new Map<Catalog, Tools>();

function translateWith(entries: readonly Compiled[] | undefined, message: string, catalog: Catalog, t: Tools): string | undefined {
    if (!entries) return undefined;
    for (const { id, pattern } of entries) {
        const m = pattern.exec(message);
        if (m) return catalog.messages[id]({ ...m.groups }, t);
    }
    return undefined;
}

/** The word and fragment helpers of a language, for other tables of templates (editor-texts.ts). */
export function toolsFor(language: Exclude<UiLanguage, 'en'>): Tools {
    const catalog = CATALOGS[language];
    let t = toolsByLanguage.get(catalog);
    if (!t) toolsByLanguage.set(catalog, t = tools(catalog));
    return t;
}

/** A message (of diagnostic `code`) in `language`; English, unchanged, when no template matches. */
export function translateMessage(code: string | number | undefined, message: string, language: UiLanguage): string {
    if (language === 'en') return message;
    const { byCode, suffixes } = patterns();
    const templates = byCode.get(String(code ?? ''));
    const catalog = CATALOGS[language];
    const t = toolsFor(language);
    const whole = translateWith(templates, message, catalog, t);
    if (whole !== undefined) return whole;
    // A message with an ending added to it (` — did you mean 'Q1'?`): the message, then the ending.
    for (const { id, pattern } of suffixes) {
        const m = pattern.exec(message);
        if (!m) continue;
        const base = translateWith(templates, m.groups!.base, catalog, t);
        if (base !== undefined) return base + catalog.messages[id]({ ...m.groups }, t);
    }
    return message;
}

/** A related-information message (on the code's diagnostic) in `language`. */
export function translateRelated(message: string, language: UiLanguage): string {
    return translateMessage('related', message, language);
}

/** A diagnostic with its message and related messages in `language` (a new object; the original is kept). */
export function translateDiagnostic<D extends Diagnostic>(diagnostic: D, language: UiLanguage): D {
    if (language === 'en') return diagnostic;
    return {
        ...diagnostic,
        message: typeof diagnostic.message === 'string' ? translateMessage(diagnostic.code, diagnostic.message, language) : diagnostic.message,
        relatedInformation: diagnostic.relatedInformation?.map(r => ({ ...r, message: translateRelated(r.message, language) }))
    };
}

/** A nested English part (a reason, a file problem) in `language`; unchanged when no fragment template matches. */
export function translateFragment(text: string, language: UiLanguage): string {
    return language === 'en' ? text : toolsFor(language).f(text);
}

/** A word of the model (`interview`, `outcome`, `high`…) in `language`, indefinite. */
export function modelWord(word: string, language: UiLanguage): string {
    if (language === 'en') return word;
    return CATALOGS[language].words[word]?.[0] ?? word;
}
