import { compileTemplate, modelWord, toolsFor, type Parts, type Tools, type UiLanguage } from './prog-l10n.js';

/**
 * What the editor features say besides diagnostics, in nb, nn and en: code lenses, hover
 * labels, and quick-fix titles (translated like messages: English templates, Norwegian
 * texts by template).
 */

/** Code lenses (lsp/prog-code-lens.ts). */
export interface LensTexts {
    citedBy(n: number): string;
    findings(n: number): string;
    basis(n: number): string;
}

export const LENS: Record<UiLanguage, LensTexts> = {
    en: {
        citedBy: n => `cited by ${n}`,
        findings: n => `${n} finding${n === 1 ? '' : 's'}`,
        basis: n => `basis: ${n} finding${n === 1 ? '' : 's'}`
    },
    nb: {
        citedBy: n => `brukt ${n} ${n === 1 ? 'gang' : 'ganger'}`,
        findings: n => `${n} funn`,
        basis: n => `grunnlag: ${n} funn`
    },
    nn: {
        citedBy: n => `brukt ${n} ${n === 1 ? 'gong' : 'gonger'}`,
        findings: n => `${n} funn`,
        basis: n => `grunnlag: ${n} funn`
    }
};

/** The labels of a hover (lsp/prog-hover.ts). */
export interface HoverTexts {
    readonly source: string;
    readonly kind: string;
    readonly date: string;
    readonly access: string;
    readonly default: string;
    readonly origin: string;
    readonly written: string;
    readonly actor: string;
    seriesOf(n: number): string;
    responseRate(respondents: number, population: number, percent: number): string;
    citedBy(n: number): string;
    statusToday(date: string): string;
    readonly followUp: string;
    readonly made: string;
    readonly history: string;
    readonly undated: string;
    laterFollowUps(n: number): string;
    readonly for: string;
    readonly node: string;
    readonly baseline: string;
    readonly latest: string;
    readonly target: string;
    readonly at: string;
    readonly noMeasuredValue: string;
    measuredTimes(n: number): string;
    readonly criterion: string;
    readonly notAssessed: string;
    readonly rating: string;
    readonly replaces: string;
    readonly replacedBy: string;
    readonly from: string;
    readonly file: string;
    readonly unit: string;
    readonly note: string;
    readonly confidence: string;
    readonly status: string;
    readonly evidence: string;
    readonly triangulated: string;
    readonly yes: string;
    readonly no: string;
    readonly noKind: string;
    readonly noOrigin: string;
    readonly literatureNotCounted: string;
    readonly answers: string;
    answeredBy(inForce: number, all: number): string;
    readonly findings: string;
    readonly owner: string;
    readonly portfolio: string;
    more(n: number): string;
    fileUnreadable(problem: string): string;
    readonly fileOutside: string;
    noFile(reason: string): string;
    rowsShown(shown: number, all: number): string;
    rows(n: number): string;
    /** Hovers on keywords and values: `**`input`** · logic level`, `· element`, `· property of `finding``, `· value of `consent``. */
    readonly logicLevel: string;
    readonly element: string;
    propertyOf(element: string): string;
    valueOf(property: string): string;
    /** The values of an enumeration, as code: `One of `high`, `moderate`.` */
    oneOf(values: string): string;
    /** The link to the language reference and its tooltip. */
    readonly reference: string;
    readonly referenceTooltip: string;
}

const HOVER_EN: HoverTexts = {
    source: 'source', kind: 'kind', date: 'date', access: 'access', default: 'default', origin: 'origin', written: 'written', actor: 'actor',
    seriesOf: n => `series of ${n}`,
    responseRate: (r, p, pct) => `response rate: ${r} of ${p} (${pct}%)`,
    citedBy: n => `cited by ${n}`,
    statusToday: date => `status today (${date})`,
    followUp: 'follow-up', made: 'made', history: 'history', undated: 'undated',
    laterFollowUps: n => `${n} follow-up${n === 1 ? '' : 's'} dated after today`,
    for: 'for', node: 'node', baseline: 'baseline', latest: 'latest', target: 'target', at: 'at',
    noMeasuredValue: 'no measured value',
    measuredTimes: n => `measured ${n} time${n === 1 ? '' : 's'}`,
    criterion: 'criterion', notAssessed: 'not assessed', rating: 'rating', replaces: 'replaces', replacedBy: 'replaced by',
    from: 'from', file: 'file', unit: 'unit', note: 'note', confidence: 'confidence', status: 'status', evidence: 'evidence',
    triangulated: 'triangulated', yes: 'yes', no: 'no', noKind: 'no kind', noOrigin: 'no origin', literatureNotCounted: 'literature not counted',
    answers: 'answers',
    answeredBy: (n, all) => `answered by ${n} finding${n === 1 ? '' : 's'} in force${all > n ? ` (${all} in all)` : ''}`,
    findings: 'findings', owner: 'owner', portfolio: 'portfolio',
    more: n => `${n} more`,
    fileUnreadable: problem => `The file cannot be read as a table: ${problem}`,
    fileOutside: 'The file lies outside the workspace and is not read.',
    noFile: reason => `No file to show (${reason}).`,
    rowsShown: (shown, all) => `${shown} of ${all} rows`,
    rows: n => `${n} row${n === 1 ? '' : 's'}`,
    logicLevel: 'logic level', element: 'element',
    propertyOf: element => `property of ${element}`,
    valueOf: property => `value of ${property}`,
    oneOf: values => `One of ${values}.`,
    reference: 'Language reference', referenceTooltip: 'Open the .prog language reference here'
};

const HOVER_NB: HoverTexts = {
    source: 'kilde', kind: 'type', date: 'dato', access: 'tilgang', default: 'standard', origin: 'opphav', written: 'angitt', actor: 'aktør',
    seriesOf: n => `serie på ${n}`,
    responseRate: (r, p, pct) => `svarprosent: ${r} av ${p} (${pct} %)`,
    citedBy: n => `brukt ${n} ${n === 1 ? 'gang' : 'ganger'}`,
    statusToday: date => `status i dag (${date})`,
    followUp: 'oppfølging', made: 'gitt', history: 'historikk', undated: 'udatert',
    laterFollowUps: n => `${n} ${n === 1 ? 'oppfølging' : 'oppfølginger'} datert etter i dag`,
    for: 'for', node: 'element', baseline: 'utgangsverdi', latest: 'siste', target: 'mål', at: 'ved',
    noMeasuredValue: 'ingen målt verdi',
    measuredTimes: n => `målt ${n} ${n === 1 ? 'gang' : 'ganger'}`,
    criterion: 'kriterium', notAssessed: 'ikke vurdert', rating: 'vurdering', replaces: 'erstatter', replacedBy: 'erstattet av',
    from: 'fra', file: 'fil', unit: 'enhet', note: 'merknad', confidence: 'tillit', status: 'status', evidence: 'belegg',
    triangulated: 'triangulert', yes: 'ja', no: 'nei', noKind: 'ingen type', noOrigin: 'intet opphav', literatureNotCounted: 'litteratur ikke medregnet',
    answers: 'svarer på',
    answeredBy: (n, all) => `${n} gjeldende funn svarer på den${all > n ? ` (${all} i alt)` : ''}`,
    findings: 'funn', owner: 'eier', portfolio: 'portefølje',
    more: n => `${n} til`,
    fileUnreadable: problem => `Filen kan ikke leses som en tabell: ${problem}`,
    fileOutside: 'Filen ligger utenfor arbeidsområdet og blir ikke lest.',
    noFile: reason => `Ingen fil å vise (${reason}).`,
    rowsShown: (shown, all) => `${shown} av ${all} rader`,
    rows: n => `${n} ${n === 1 ? 'rad' : 'rader'}`,
    logicLevel: 'nivå i programteorien', element: 'element',
    propertyOf: element => `egenskap ved ${element}`,
    valueOf: property => `verdi for ${property}`,
    oneOf: values => `Mulige verdier: ${values}.`,
    reference: 'Språkreferanse', referenceTooltip: 'Åpne referansen for .prog-språket her'
};

const HOVER_NN: HoverTexts = {
    ...HOVER_NB,
    source: 'kjelde', written: 'oppgjeve', seriesOf: n => `serie på ${n}`,
    citedBy: n => `brukt ${n} ${n === 1 ? 'gong' : 'gonger'}`,
    followUp: 'oppfølging', made: 'gjeven', history: 'historikk', undated: 'udatert',
    laterFollowUps: n => `${n} ${n === 1 ? 'oppfølging' : 'oppfølgingar'} datert etter i dag`,
    latest: 'siste', at: 'ved',
    measuredTimes: n => `målt ${n} ${n === 1 ? 'gong' : 'gonger'}`,
    notAssessed: 'ikkje vurdert', replaces: 'erstattar', replacedBy: 'erstatta av',
    from: 'frå', unit: 'eining', noOrigin: 'inkje opphav', literatureNotCounted: 'litteratur ikkje medrekna',
    answers: 'svarar på',
    answeredBy: (n, all) => `${n} gjeldande funn svarar på ho${all > n ? ` (${all} i alt)` : ''}`,
    owner: 'eigar',
    fileUnreadable: problem => `Fila kan ikkje lesast som ein tabell: ${problem}`,
    fileOutside: 'Fila ligg utanfor arbeidsområdet og blir ikkje lesen.',
    noFile: reason => `Inga fil å vise (${reason}).`,
    rowsShown: (shown, all) => `${shown} av ${all} rader`,
    rows: n => `${n} ${n === 1 ? 'rad' : 'rader'}`,
    propertyOf: element => `eigenskap ved ${element}`,
    oneOf: values => `Moglege verdiar: ${values}.`,
    referenceTooltip: 'Opne referansen for .prog-språket her'
};

export const HOVER: Record<UiLanguage, HoverTexts> = { en: HOVER_EN, nb: HOVER_NB, nn: HOVER_NN };

/** A word of the model in the hover's language (`interview` → `intervju`); unknown words stay. */
export function word(value: string | undefined, language: UiLanguage): string {
    return value === undefined ? '—' : modelWord(value, language);
}

// --- Quick-fix titles ---------------------------------------------------------------

/** The English titles of quick fixes (lsp/prog-code-actions.ts, lsp/prog-quote-fixes.ts), as templates. */
export const TITLES_EN = {
    'create': "Create {kind} '{id}'",
    'rename': "Rename this {kind} to '{id}'",
    'consent': 'Add `consent named` (the person agreed to be named)',
    'remove-name': 'Remove `name` (describe the informant by role)',
    'placeholder': 'Add `{property}` (placeholder)',
    'remove-rating': 'Remove `rating` and `based-on` (the criterion is not assessed)',
    'remove-not-assessed': 'Remove `not-assessed` (the criterion is assessed)',
    'date-status': 'Date the status: `{followUp}`',
    'disable': 'Disable rule {code} in sporbar.json',
    'replace-quote': 'Replace with «{words}» (line {line#})',
    'set-locator': 'Set the locator to "{stamp}" (line {line#})',
    'change-titled': "Change to '{id}' ({title})",
    'change': "Change to '{id}'",
    'write': 'Write {value}',
    'date-iso': 'Write the date as YYYY-MM-DD: {value}',
    'date-year-first': 'Write the date year first (YYYY-MM-DD): {value}',
    'month-year-first': 'Write the month year first (YYYY-MM): {value}',
    'date-swap': 'Swap day and month: {value}',
    'date-month-only': 'Keep only the month (the day does not exist): {value}',
    'set-confidence': 'Set `confidence {confidence}`'
} as const;

type TitleId = keyof typeof TITLES_EN;
type TitleTemplate = (parts: Parts, t: Tools) => string;

const TITLES: Record<'nb' | 'nn', Record<TitleId, TitleTemplate>> = {
    nb: {
        'create': (g, t) => `Opprett ${t.w(g.kind)} '${g.id}'`,
        'rename': (g, t) => `Gi ${t.d(g.kind)} ID-en '${g.id}'`,
        'consent': () => 'Legg til `consent named` (personen har sagt ja til å bli navngitt)',
        'remove-name': () => 'Fjern `name` (beskriv informanten ved rollen)',
        'placeholder': g => `Legg til \`${g.property}\` (plassholder)`,
        'remove-rating': () => 'Fjern `rating` og `based-on` (kriteriet er ikke vurdert)',
        'remove-not-assessed': () => 'Fjern `not-assessed` (kriteriet er vurdert)',
        'date-status': g => `Dater statusen: \`${g.followUp}\``,
        'disable': g => `Slå av regelen ${g.code} i sporbar.json`,
        'replace-quote': g => `Erstatt med «${g.words}» (linje ${g.line})`,
        'set-locator': g => `Sett plasseringen til "${g.stamp}" (linje ${g.line})`,
        'change-titled': g => `Endre til '${g.id}' (${g.title})`,
        'change': g => `Endre til '${g.id}'`,
        'write': g => `Skriv ${g.value}`,
        'date-iso': g => `Skriv datoen som ÅÅÅÅ-MM-DD: ${g.value}`,
        'date-year-first': g => `Skriv datoen med året først (ÅÅÅÅ-MM-DD): ${g.value}`,
        'month-year-first': g => `Skriv måneden med året først (ÅÅÅÅ-MM): ${g.value}`,
        'date-swap': g => `Bytt om dag og måned: ${g.value}`,
        'date-month-only': g => `Behold bare måneden (dagen finnes ikke): ${g.value}`,
        'set-confidence': g => `Sett \`confidence ${g.confidence}\``
    },
    nn: {
        'create': (g, t) => `Opprett ${t.w(g.kind)} '${g.id}'`,
        'rename': (g, t) => `Gje ${t.d(g.kind)} ID-en '${g.id}'`,
        'consent': () => 'Legg til `consent named` (personen har sagt ja til å bli namngjeven)',
        'remove-name': () => 'Fjern `name` (skildr informanten ved rolla)',
        'placeholder': g => `Legg til \`${g.property}\` (plasshaldar)`,
        'remove-rating': () => 'Fjern `rating` og `based-on` (kriteriet er ikkje vurdert)',
        'remove-not-assessed': () => 'Fjern `not-assessed` (kriteriet er vurdert)',
        'date-status': g => `Dater statusen: \`${g.followUp}\``,
        'disable': g => `Slå av regelen ${g.code} i sporbar.json`,
        'replace-quote': g => `Byt ut med «${g.words}» (linje ${g.line})`,
        'set-locator': g => `Set plasseringa til "${g.stamp}" (linje ${g.line})`,
        'change-titled': g => `Endre til '${g.id}' (${g.title})`,
        'change': g => `Endre til '${g.id}'`,
        'write': g => `Skriv ${g.value}`,
        'date-iso': g => `Skriv datoen som ÅÅÅÅ-MM-DD: ${g.value}`,
        'date-year-first': g => `Skriv datoen med året først (ÅÅÅÅ-MM-DD): ${g.value}`,
        'month-year-first': g => `Skriv månaden med året først (ÅÅÅÅ-MM): ${g.value}`,
        'date-swap': g => `Byt om dag og månad: ${g.value}`,
        'date-month-only': g => `Behald berre månaden (dagen finst ikkje): ${g.value}`,
        'set-confidence': g => `Set \`confidence ${g.confidence}\``
    }
};

let titlePatterns: { id: TitleId; pattern: RegExp }[] | undefined;

/** A quick-fix title in `language`; unchanged when no template matches. */
export function translateTitle(title: string, language: UiLanguage): string {
    if (language === 'en') return title;
    titlePatterns ??= (Object.entries(TITLES_EN) as [TitleId, string][])
        .map(([id, english]) => ({ id, pattern: compileTemplate(english) }))
        .sort((a, b) => literalLength(TITLES_EN[b.id]) - literalLength(TITLES_EN[a.id]));
    for (const { id, pattern } of titlePatterns) {
        const m = pattern.exec(title);
        if (m) return TITLES[language][id]({ ...m.groups }, toolsFor(language));
    }
    return title;
}

function literalLength(template: string): number {
    return template.replace(/\{\w+[?#]?\}/g, '').length;
}
