/**
 * The extension's own texts (views, walkthrough notifications, status item) in the
 * user's language. VS Code has no Norwegian display language pack, so `vscode.l10n.t`
 * would show English to almost every Norwegian user; this helper picks the language
 * itself: an override (a later `sporbar.language` setting calls `setLanguageOverride`),
 * else the editor's language (`vscode.env.language`: `nb`, `nn`, `no`, `nb-NO` …), else
 * English. Translations come from `l10n/bundle.l10n.nb.json` (bundled into the client);
 * nynorsk falls back to bokmål until it has a bundle of its own.
 *
 * Call `l10n.t` with the English text and its arguments: the extension test checks that every such
 * text has a Norwegian translation.
 */
import * as vscode from 'vscode';
import bokmal from '../l10n/bundle.l10n.nb.json';

export type UiLanguage = 'nb' | 'nn' | 'en';

let override: UiLanguage | undefined;

/** Makes every later text (and view label) use this language; `undefined` follows the editor again. */
export function setLanguageOverride(language: UiLanguage | undefined): void {
    override = language;
}

/** The editor's language as one of the three Sporbar speaks. */
export function editorLanguage(tag: string = vscode.env.language): UiLanguage {
    const lower = tag.toLowerCase();
    if (lower === 'nn' || lower.startsWith('nn-')) return 'nn';
    if (lower === 'nb' || lower === 'no' || lower.startsWith('nb-') || lower.startsWith('no-')) return 'nb';
    return 'en';
}

/** The language of Sporbar's texts now. */
export function uiLanguage(): UiLanguage {
    return override ?? editorLanguage();
}

const BUNDLES: Readonly<Record<UiLanguage, Readonly<Record<string, string>> | undefined>> = {
    en: undefined,
    nb: bokmal as Record<string, string>,
    nn: bokmal as Record<string, string>
};

function format(message: string, args: readonly unknown[]): string {
    return message.replace(/\{(\d+)\}/g, (whole, index: string) => {
        const value = args[Number(index)];
        return value === undefined ? whole : String(value);
    });
}

export const l10n = {
    /** `message` in the current language, `{0}`, `{1}` … replaced by `args`. */
    t(message: string, ...args: unknown[]): string {
        const translated = BUNDLES[uiLanguage()]?.[message];
        return format(translated ?? message, args);
    }
};
