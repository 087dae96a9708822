/**
 * Norwegian CSL locales (bokmål and nynorsk) with the terms APA 7th edition uses, written
 * for Sporbar ("norsk APA": "&" between authors in references, "og" in running text,
 * "s." for pages, "red." for editors, "u.å." for no date, "et al." as Sikt's norsk APA 7 writes it).
 * The terms follow the official CSL locales (citation-style-language/locales nb-NO, nn-NO)
 * where those serve norsk APA; they differ where Sikt's norsk APA 7 differs from them (the
 * official locales have "mfl." and "udatert"). See docs/reports.md.
 */

type Words = {
    seasons: [string, string, string, string]; containerAuthor: [string, string];
    chapterPlural: string; figurePlural: string; notePlural: string; partPlural: string;
    and: string; andOthers: string; anonymous: string; at: string; availableAt: string; by: string; circa: string;
    cited: string; from: string; in: string; inPress: string; noDate: [string, string]; on: string; online: string;
    presentedAt: string; retrieved: string; reviewOf: string; originalPublished: string; personal: string;
    edition: [string, string]; editor: [string, string, string, string]; translator: [string, string, string, string];
    page: [string, string, string, string]; chapter: [string, string]; volume: [string, string]; issue: [string, string];
    paragraph: [string, string]; section: [string, string]; figure: [string, string]; part: [string, string];
    supplement: [string, string]; line: [string, string]; note: [string, string];
    months: string[]; monthsShort: string[];
    dataset: string; software: string; interview: string; letter: string; manuscript: string; map: string; film: string;
    post: string; review: string; reviewBook: string; patent: string; broadcast: string; graphic: string; song: string;
    hearing: string; legislation: string; specialIssue: string; collection: string; articleLocator: string;
};

const NB: Words = {
    seasons: ['vår', 'sommer', 'høst', 'vinter'], containerAuthor: ['forfatter', 'forfattere'],
    chapterPlural: 'kapitler', figurePlural: 'figurer', notePlural: 'noter', partPlural: 'deler',
    and: 'og', andOthers: 'med flere', anonymous: 'anonym', at: 'på', availableAt: 'tilgjengelig på', by: 'av', circa: 'ca.',
    cited: 'sitert', from: 'fra', in: 'i', inPress: 'i trykk', noDate: ['uten år', 'u.å.'], on: 'på', online: 'nettversjon',
    presentedAt: 'presentert på', retrieved: 'hentet', reviewOf: 'anmeldelse av', originalPublished: 'opprinnelig publisert',
    personal: 'personlig kommunikasjon',
    edition: ['utgave', 'utg.'], editor: ['redaktør', 'redaktører', 'red.', 'red.'], translator: ['oversetter', 'oversettere', 'overs.', 'overs.'],
    page: ['side', 'sider', 's.', 's.'], chapter: ['kapittel', 'kap.'], volume: ['bind', 'bd.'], issue: ['nummer', 'nr.'],
    paragraph: ['avsnitt', 'avsn.'], section: ['seksjon', 'seksj.'], figure: ['figur', 'fig.'], part: ['del', 'del'],
    supplement: ['tillegg', 'tillegg'], line: ['linje', 'l.'], note: ['note', 'n.'],
    months: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
    monthsShort: ['jan.', 'feb.', 'mar.', 'apr.', 'mai', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'des.'],
    dataset: 'datasett', software: 'programvare', interview: 'intervju', letter: 'brev', manuscript: 'manuskript', map: 'kart',
    film: 'film', post: 'innlegg', review: 'anmeldelse', reviewBook: 'bokanmeldelse', patent: 'patent', broadcast: 'sending',
    graphic: 'illustrasjon', song: 'lydopptak', hearing: 'høring', legislation: 'lov', specialIssue: 'temanummer',
    collection: 'samling', articleLocator: 'artikkel'
};

// Where the official CSL nn-NO locale serves norsk APA, its words are used: seasons, plurals,
// "forfattar"; where it does not (et al., u.å.), Sikt's norsk APA 7 decides.
const NN: Words = {
    ...NB,
    seasons: ['vår', 'sommar', 'haust', 'vinter'], containerAuthor: ['forfattar', 'forfattarar'],
    chapterPlural: 'kapittel', figurePlural: 'figurar', notePlural: 'notar', partPlural: 'delar',
    andOthers: 'med fleire', at: 'på', availableAt: 'tilgjengeleg på', from: 'frå', noDate: ['utan år', 'u.å.'],
    presentedAt: 'presentert på', retrieved: 'henta', reviewOf: 'meldinga av', originalPublished: 'opphavleg publisert',
    personal: 'personleg kommunikasjon',
    edition: ['utgåve', 'utg.'], editor: ['redaktør', 'redaktørar', 'red.', 'red.'], translator: ['omsetjar', 'omsetjarar', 'oms.', 'oms.'],
    paragraph: ['avsnitt', 'avsn.'], line: ['linje', 'l.'],
    review: 'melding', reviewBook: 'bokmelding', graphic: 'illustrasjon', broadcast: 'sending'
};

function esc(s: string): string {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function term(name: string, value: string, form?: 'short' | 'verb' | 'verb-short' | 'symbol'): string {
    return `<term name="${name}"${form ? ` form="${form}"` : ''}>${esc(value)}</term>`;
}

function plural(name: string, single: string, multiple: string, form?: 'short'): string {
    return `<term name="${name}"${form ? ` form="${form}"` : ''}><single>${esc(single)}</single><multiple>${esc(multiple)}</multiple></term>`;
}

function localeXml(tag: string, w: Words): string {
    const t: string[] = [
        term('accessed', 'lest'), term('and', w.and), term('and', '&', 'symbol'), term('and others', w.andOthers),
        term('anonymous', w.anonymous), term('anonymous', 'anon.', 'short'), term('at', w.at), term('available at', w.availableAt),
        term('by', w.by), term('circa', w.circa), term('circa', 'ca.', 'short'), term('cited', w.cited), term('et-al', 'et al.'),
        term('from', w.from), term('in', w.in), term('in press', w.inPress), term('no date', w.noDate[0]),
        term('no date', w.noDate[1], 'short'), term('on', w.on), term('online', w.online), term('presented at', w.presentedAt),
        term('retrieved', w.retrieved), term('review-of', w.reviewOf), term('original-work-published', w.originalPublished),
        term('personal-communication', w.personal), term('ibid', 'ibid.'), term('page-range-delimiter', '–'),
        term('open-quote', '«'), term('close-quote', '»'), term('open-inner-quote', '‘'), term('close-inner-quote', '’'),
        // Ordinals: Norwegian writes "2." for every ordinal.
        term('ordinal', '.'),
        // Locators and roles: long and short forms.
        plural('edition', w.edition[0], w.edition[0]), plural('edition', w.edition[1], w.edition[1], 'short'),
        plural('editor', w.editor[0], w.editor[1]), plural('editor', w.editor[2], w.editor[3], 'short'),
        plural('container-author', w.containerAuthor[0], w.containerAuthor[1]), plural('collection-editor', w.editor[0], w.editor[1]),
        plural('collection-editor', w.editor[2], w.editor[3], 'short'), plural('editorial-director', w.editor[0], w.editor[1]),
        plural('editorial-director', w.editor[2], w.editor[3], 'short'),
        plural('translator', w.translator[0], w.translator[1]), plural('translator', w.translator[2], w.translator[3], 'short'),
        plural('editortranslator', `${w.editor[0]} og ${w.translator[0]}`, `${w.editor[1]} og ${w.translator[1]}`),
        plural('editortranslator', `${w.editor[2]} og ${w.translator[2]}`, `${w.editor[3]} og ${w.translator[3]}`, 'short'),
        plural('page', w.page[0], w.page[1]), plural('page', w.page[2], w.page[3], 'short'),
        plural('number-of-pages', w.page[0], w.page[1]), plural('number-of-pages', w.page[2], w.page[3], 'short'),
        plural('chapter', w.chapter[0], w.chapterPlural), plural('chapter', w.chapter[1], w.chapter[1], 'short'),
        plural('volume', w.volume[0], w.volume[0]), plural('volume', w.volume[1], w.volume[1], 'short'),
        plural('number-of-volumes', w.volume[0], w.volume[0]), plural('number-of-volumes', w.volume[1], w.volume[1], 'short'),
        plural('issue', w.issue[0], w.issue[0]), plural('issue', w.issue[1], w.issue[1], 'short'),
        plural('paragraph', w.paragraph[0], w.paragraph[0]), plural('paragraph', w.paragraph[1], w.paragraph[1], 'short'),
        plural('section', w.section[0], w.section[0]), plural('section', w.section[1], w.section[1], 'short'),
        plural('figure', w.figure[0], w.figurePlural), plural('figure', w.figure[1], w.figure[1], 'short'),
        plural('part', w.part[0], w.partPlural), plural('part', w.part[1], w.part[1], 'short'),
        plural('supplement', w.supplement[0], w.supplement[0]), plural('supplement', w.supplement[1], w.supplement[1], 'short'),
        plural('line', w.line[0], w.line[0]), plural('line', w.line[1], w.line[1], 'short'),
        plural('note', w.note[0], w.notePlural), plural('note', w.note[1], w.note[1], 'short'),
        plural('article-locator', w.articleLocator, w.articleLocator), plural('article-locator', w.articleLocator, w.articleLocator, 'short'),
        // Types APA names in square brackets.
        term('dataset', w.dataset), term('software', w.software), term('interview', w.interview), term('letter', w.letter),
        term('manuscript', w.manuscript), term('map', w.map), term('motion_picture', w.film), term('post', w.post),
        term('review', w.review), term('review-book', w.reviewBook), term('patent', w.patent), term('broadcast', w.broadcast),
        term('graphic', w.graphic), term('song', w.song), term('hearing', w.hearing), term('legislation', w.legislation),
        term('special-issue', w.specialIssue), term('collection', w.collection)
    ];
    w.months.forEach((m, i) => t.push(term(`month-${String(i + 1).padStart(2, '0')}`, m)));
    w.monthsShort.forEach((m, i) => t.push(term(`month-${String(i + 1).padStart(2, '0')}`, m, 'short')));
    w.seasons.forEach((season, i) => t.push(term(`season-0${i + 1}`, season)));
    return `<?xml version="1.0" encoding="utf-8"?>
<locale xmlns="http://purl.org/net/xbiblio/csl" version="1.0" xml:lang="${tag}">
<style-options punctuation-in-quote="false" limit-day-ordinals-to-day-1="false"/>
<date form="text"><date-part name="day" form="ordinal" suffix=" "/><date-part name="month" suffix=" "/><date-part name="year"/></date>
<date form="numeric"><date-part name="day" form="numeric-leading-zeros" suffix="."/><date-part name="month" form="numeric-leading-zeros" suffix="."/><date-part name="year"/></date>
<terms>${t.join('')}</terms>
</locale>`;
}

/** CSL locale XML by tag. */
export const NORWEGIAN_LOCALES: Readonly<Record<'nb-NO' | 'nn-NO', string>> = {
    'nb-NO': localeXml('nb-NO', NB),
    'nn-NO': localeXml('nn-NO', NN)
};
