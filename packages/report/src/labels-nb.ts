/** Bokmål: every word and generated sentence of a report (see labels.ts). */
import type { Labels } from './labels.js';

const months = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

export const nb: Labels = {
    draft: 'UTKAST / DRAFT',
    contents: 'Innhold',
    table: 'Tabell',
    figure: 'Figur',
    appendix: 'Vedlegg',
    sourceLine: 'Kilde:',
    noteLine: 'Merknad:',
    kindTitle: { interim: 'Underveisnotat', assessment: 'Vurderingsgrunnlag', final: 'Sluttrapport' },
    kindDefinite: { interim: 'underveisnotatet', assessment: 'vurderingsgrunnlaget', final: 'sluttrapporten' },
    months,
    quoteMarks: ['«', '»'],
    reportOf: (kind, month) => `${kind} fra ${month}`,
    and: 'og',
    nouns: {
        interview: { one: 'intervju', many: 'intervjuer', gender: 'n', the: 'intervjuene' },
        'focus-group': { one: 'fokusgruppe', many: 'fokusgrupper', gender: 'm', the: 'fokusgruppene' },
        observation: { one: 'observasjon', many: 'observasjoner', gender: 'm', the: 'observasjonene' },
        survey: { one: 'spørreundersøkelse', many: 'spørreundersøkelser', gender: 'm', the: 'spørreundersøkelsene' },
        workshop: { one: 'verksted', many: 'verksteder', gender: 'n', the: 'verkstedene' },
        document: { one: 'dokument', many: 'dokumenter', gender: 'n', the: 'dokumentene' },
        dataset: { one: 'datasett', many: 'datasett', gender: 'n', the: 'datasettene' },
        literature: { one: 'litteraturkilde', many: 'litteraturkilder', gender: 'm', the: 'litteraturkildene' },
        finding: { one: 'funn', many: 'funn', gender: 'n', the: 'funnene' },
        question: { one: 'problemstilling', many: 'problemstillinger', gender: 'm', the: 'problemstillingene' },
        recommendation: { one: 'anbefaling', many: 'anbefalinger', gender: 'm', the: 'anbefalingene' },
        source: { one: 'kilde', many: 'kilder', gender: 'm', the: 'kildene' },
        actor: { one: 'aktør', many: 'aktører', gender: 'm', the: 'aktørene' },
        assumption: { one: 'forutsetning', many: 'forutsetninger', gender: 'm', the: 'forutsetningene' },
        lesson: { one: 'læringspunkt', many: 'læringspunkter', gender: 'n', the: 'læringspunktene' },
        project: { one: 'prosjekt', many: 'prosjekter', gender: 'n', the: 'prosjektene' },
        criterion: { one: 'kriterium', many: 'kriterier', gender: 'n', the: 'kriteriene' },
        initiative: { one: 'initiativ', many: 'initiativ', gender: 'n', the: 'initiativene' },
        need: { one: 'behov', many: 'behov', gender: 'n', the: 'behovene' },
        assessment: { one: 'vurdering', many: 'vurderinger', gender: 'm', the: 'vurderingene' },
        indicator: { one: 'indikator', many: 'indikatorer', gender: 'm', the: 'indikatorene' },
        node: { one: 'element', many: 'elementer', gender: 'n', the: 'elementene' },
        sourceKindWord: { one: 'kildetype', many: 'kildetyper', gender: 'm', the: 'kildetypene' },
        level: { one: 'nivå', many: 'nivåer', the: 'nivåene', gender: 'n' },
        report: { one: 'leveranse', many: 'leveranser', gender: 'm', the: 'leveransene' }
    },
    numerals: ['null', 'én', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti', 'elleve', 'tolv'],
    one: { m: 'én', f: 'én', n: 'ett' },
    percentSign: '\u00a0%',

    front: {
        commissionedBy: client => `Utført på oppdrag fra ${client}`,
        title: 'Tittel',
        authors: 'Forfattere',
        institution: 'Utført av',
        reportNumber: 'Rapportnummer',
        isbn: 'ISBN',
        issn: 'ISSN',
        date: 'Dato',
        projectLeader: 'Prosjektleder',
        client: 'Oppdragsgiver',
        clientReference: 'Oppdragsgivers referanse',
        qualityAssurance: 'Kvalitetssikret av',
        keywords: 'Emneord',
        citeFreely: 'Publikasjonen kan siteres fritt med kildeangivelse.',
        to: 'Til',
        from: 'Fra',
        cutoff: 'Datagrunnlag til og med',
        programme: 'Program'
    },
    preface: 'Forord',
    summary: 'Sammendrag',
    summaryEnglish: 'Summary',

    chapters: {
        introduction: 'Innledning',
        method: 'Metode og datagrunnlag',
        programme: 'Programmet',
        findings: 'Funn',
        assessment: 'Vurdering',
        discussion: 'Diskusjon',
        development: 'Programmets utvikling over tid',
        context: 'Programmet i norsk og internasjonal sammenheng',
        lessons: 'Læring for framtidige satsinger',
        conclusions: 'Konklusjoner og anbefalinger',
        recommendations: 'Anbefalinger',
        references: 'Referanser',
        keyPoints: 'Hovedpunkter',
        newFindings: 'Nye og reviderte funn siden forrige rapport',
        recommendationFollowUp: 'Anbefalinger og oppfølging',
        openQuestions: 'Problemstillinger uten bekreftede funn',
        nextSteps: 'Veien videre',
        aboutData: 'Om datagrunnlaget',
        matrix: 'Sporbarhetsmatrise',
        sourceOverview: 'Kildeoversikt',
        figureDescription: figure => `Beskrivelse av ${figure}`
    },
    chapterAliases: { development: ['Programmets utvikling over tid', 'Utvikling over tid'], context: ['Norsk og internasjonal sammenheng', 'Programmet i norsk og internasjonal sammenheng'] },

    intro: {
        goalAndDescription: 'Programmets mål og innretning',
        questions: 'Oppdraget og problemstillingene',
        goal: goal => `Målet for programmet er formulert slik: «${goal}».`,
        period: period => `Programperioden er ${period}.`,
        sdgs: list => `Programmet tar utgangspunkt i FNs bærekraftsmål ${list}.`,
        assignment: (client, contract) => `Oppdraget er gitt av ${client}${contract ? ` (${contract})` : ''}.`,
        needsLead: n => `Oppdragsgiveren har beskrevet ${n}:`,
        questionsLead: (table, n) => `${table} viser ${n} i oppdraget, hvilket behov hver av dem svarer til, og hvor mange funn rapporten har om hver av dem.`,
        needPriority: p => `${p} prioritet`,
        questionsCaption: 'Problemstillingene i oppdraget',
        headers: { number: 'Nr.', question: 'Problemstilling', need: 'Behov', findings: 'Antall funn' }
    },

    method: {
        data: 'Datagrunnlaget',
        dataLead: table => `${table} viser datagrunnlaget fordelt på kildetype, antall og tidsrom.`,
        dataCaption: 'Datagrunnlaget etter kildetype',
        dataSource: appendix => `Kildeoversikten i ${appendix}.`,
        headers: { kind: 'Kildetype', count: 'Antall', period: 'Tidsrom', respondents: 'Respondenter' },
        total: 'I alt',
        triangulation: 'Triangulering',
        triangulationDefinition: 'Vi regner et funn som triangulert når det bygger på minst to ulike kildetyper (for eksempel intervju og dokument) og på kilder fra minst to ulike ståsteder: programmet selv, prosjektene eller uavhengige kilder. Litteratur kan støtte et funn, men teller ikke med i trianguleringen.',
        triangulationCount: (n, _plural, pct, appendix) => `Etter denne definisjonen er ${n} (${pct}) triangulert${appendix ? `; ${appendix} viser hvilke` : ''}.`,
        confidence: 'Tillit til funnene',
        confidenceLead: 'Vi har vurdert tilliten til hvert funn etter GRADE-CERQual. Tilliten sier hvor sannsynlig det er at funnet gir et rimelig bilde av forholdet det beskriver:',
        confidenceLevels: {
            high: 'det er svært sannsynlig at funnet gir et rimelig bilde av forholdet det beskriver',
            moderate: 'det er sannsynlig at funnet gir et rimelig bilde av forholdet det beskriver',
            low: 'det er mulig at funnet gir et rimelig bilde av forholdet det beskriver',
            'very-low': 'det er uklart om funnet gir et rimelig bilde av forholdet det beskriver'
        },
        componentsLead: 'Vurderingen bygger på fire komponenter, og for hver av dem vurderer vi om vi har ingen eller svært små, små, moderate eller alvorlige forbehold:',
        distribution: (counts, total) => {
            // When the numbers are the point, one form in the sentence: words up to twelve, else digits.
            const n = (k: number) => total > 12 ? String(k) : num(k, 'n');
            const parts = counts.filter(([, k]) => k > 0).map(([c, k], i, all) => `${n(k)} ${NB_CONFIDENCE[c]}${i === all.length - 1 ? ' tillit' : ''}`);
            return total === 1 ? `Det ene funnet har ${parts.join('')}.` : `Av de ${n(total)} funnene har ${joinNb(parts)}.`;
        },
        distributionCaption: 'Funn etter tillit',
        distributionHeaders: { confidence: 'Tillit', findings: 'Antall funn', triangulated: 'Av dem triangulert' },
        noConfidence: 'Ikke vurdert',
        criteria: 'Vurderingskriterier og skala',
        criteriaLead: (dac, custom) => `Vi vurderer programmet etter ${dac === 1 ? 'ett' : num(dac, 'n')} av OECD DACs kriterier fra 2019${custom ? ` og ${custom === 1 ? 'ett' : num(custom, 'n')} ${custom === 1 ? 'eget kriterium' : 'egne kriterier'}` : ''}:`,
        customCriterion: 'eget kriterium',
        ratingLead: 'Vurderingen av hvert kriterium har et av fire nivåer:',
        ratingScale: {
            high: 'funnene viser samlet at programmet i stor grad oppfyller kriteriet, og vi har ingen vesentlige funn som trekker i motsatt retning',
            moderate: 'programmet oppfyller kriteriet i noen grad; funnene peker på vesentlige svakheter eller spriker',
            low: 'programmet oppfyller kriteriet i liten grad',
            unclear: 'datagrunnlaget er for tynt eller for sprikende til å ta stilling'
        },
        notAssessedDefinition: 'kriteriet lå utenfor oppdraget eller ble valgt bort; begrunnelsen står ved kriteriet',
        unclearNote: '«Uklar» er ikke et midtpunkt på skalaen, men betyr at vi ikke kan ta stilling.',
        cutoff: 'Tidsavgrensning',
        cutoffText: date => `Datagrunnlaget for rapporten ble avsluttet ${date}. Rapporten omfatter bare kilder datert til og med denne dagen; senere hendelser er ikke vurdert.`,
        limitations: 'Begrensninger',
        lowConfidence: (n, list, plural) => `${n} har lav eller svært lav tillit (${list}). Vi tar ${plural ? 'dem' : 'det'} med fordi ${plural ? 'de' : 'det'} belyser problemstillinger der datagrunnlaget ellers er tynt, men ${plural ? 'de' : 'det'} bør ikke alene ligge til grunn for beslutninger.`,
        selfReportedOutcomes: (n, list) => `${n} om programmets effekter og samfunnseffekter bygger bare på kilder fra programmet eller prosjektene selv (${list}). De viser hvordan programmet forstår egne resultater, men dokumenterer ikke virkningene uavhengig.`,
        selfReportedOutcomesNone: 'Alle funnene om programmets effekter og samfunnseffekter bygger også på minst én uavhengig kilde.',
        ownSourcesShare: share => `Av belegget kommer ${share} fra programmets eller prosjektenes egne kilder.`,
        questionNotAnswered: (q, section) => `Problemstilling ${q} er ikke besvart i denne rapporten; se ${section}.`,
        questionsNotAnswered: (qs, sections) => `Problemstillingene ${qs} er ikke besvart i denne rapporten; se ${sections}.`,
        noLimitations: 'Alle problemstillingene har funn, og ingen funn har lav tillit.',
        protection: 'Vern av informanter',
        protectionLabels: 'Intervjuer og fokusgrupper omtales med nummer (for eksempel «intervju 3»), ikke med navn, stilling eller kommune. Nummeret er det samme i alle rapporter fra evalueringen.',
        protectionInternal: 'Interne kilder omtales med type og nummer og beskrives bare med rolle og aktørtype, aldri med navn.',
        unnamedActors: (n, _plural) => `Av hensyn til informantene er ${n} ikke navngitt i rapporten.`,
        dataDeletion: date => `Personopplysninger slettes senest ${date}.`,
        interimSources: (list, appendix) => `Notatet bygger på ${list}; ${appendix} viser dem.`,
        interimConfidence: 'Tilliten til hvert funn er vurdert etter GRADE-CERQual som høy, moderat, lav eller svært lav.'
    },

    programme: {
        organisation: 'Organisering',
        organisationLead: (table, client) => `${table} viser hvordan programmet er organisert${client ? ` i ${client}` : ''}.`,
        organisationCaption: 'Programmets organisering',
        organisationHeaders: { actor: 'Aktør', type: 'Type', partOf: 'Del av', members: 'Medlemmer' },
        otherActors: 'Programmet samarbeider også med disse aktørene:',
        logic: 'Programteori',
        figureLead: (figure, appendix) => `${figure} viser programteorien med nivåene fra innsatsfaktorer til samfunnseffekter. ${appendix} beskriver figuren punkt for punkt.`,
        nodesLead: table => `${table} viser elementene i programteorien med indikatorer og funnene som belyser dem.`,
        nodesCaption: logic => `Elementene i programteorien «${logic}»`,
        nodesHeaders: { level: 'Nivå', node: 'Element', indicators: 'Indikatorer', findings: 'Funn' },
        indicator: (title, values) => values ? `${title} (${values})` : title,
        baseline: 'utgangsverdi',
        target: 'mål',
        indicatorsLead: (table, date) => `${table} viser indikatorene med utgangsverdi, siste målte verdi per ${date} og mål.`,
        indicatorsCaption: (logic, date) => `Indikatorene i programteorien «${logic}», siste måling per ${date}`,
        indicatorsHeaders: { indicator: 'Indikator', baseline: 'Utgangsverdi', latest: 'Siste måling', measured: 'Målt', source: 'Kilde', target: 'Mål' },
        assumptionsLead: (n, table) => `Programteorien bygger på ${n} (${table}).`,
        assumptionsCaption: logic => `Forutsetningene i programteorien «${logic}»`,
        assumptionsHeaders: { number: 'Nr.', assumption: 'Forutsetning', on: 'Gjelder', status: 'Status' },
        portfolios: 'Porteføljer og prosjekter',
        portfolioLead: (title, owner, projects) => `Porteføljen «${title}» ${owner ? `eies av ${owner} og ` : ''}har ${projects}.`,
        vision: vision => `Visjonen er: «${vision}».`,
        challenge: challenge => `Utfordringen porteføljen skal løse, er: «${challenge}».`,
        projectsCaption: portfolio => portfolio ? `Prosjektene i porteføljen «${portfolio}»` : 'Prosjekter utenfor porteføljene',
        projectsHeaders: { project: 'Prosjekt', status: 'Status', owner: 'Eier', partners: 'Partnere', funding: 'Finansiering (mill. kr)', contributes: 'Bidrar til' },
        millions: 'mill. kr',
        relationsLead: 'Prosjektene henger sammen slik:',
        relation: {
            synergy: (a, b) => `«${a}» har synergier med «${b}»`,
            'depends-on': (a, b) => `«${a}» bygger på «${b}»`,
            'shares-resource': (a, b) => `«${a}» deler ressurser med «${b}»`,
            'conflicts-with': (a, b) => `«${a}» er i konflikt med «${b}»`
        },
        withoutPortfolio: 'Prosjekter utenfor porteføljene'
    },

    findings: {
        lead: n => `Kapitlet presenterer ${n}, ordnet etter problemstilling. Et funn som svarer på flere problemstillinger, står under den første og er omtalt under de andre.`,
        interimLeadFirst: n => `Dette er den første leveransen fra evalueringen. Notatet har ${n}, og alle er nye.`,
        interimLead: (previous, date, counts) => `Siden ${previous} (data til og med ${date}) har vi ${counts}.`,
        questionHeading: q => `Problemstilling\u00a0${q}`,
        otherFindings: 'Andre funn',
        noFindingsYet: 'Vi har ennå ingen bekreftede funn om denne problemstillingen.',
        noFindings: 'Rapporten har ingen funn om denne problemstillingen.',
        alsoHere: (findings, sections) => `${findings} belyser også denne problemstillingen (se ${sections}).`,
        alsoAnswers: (questions, sections) => `Funnet besvarer også ${questions}${sections ? `; se ${sections}` : ''}.`,
        heading: (number, title, confidence) => `Funn\u00a0${number} ${title}${confidence ? ` (${confidence} tillit)` : ''}`,
        basis: list => `Funnet bygger på ${list}.`,
        confidenceSentence: (level, strengths, concerns) => {
            let s = `Vi vurderer tilliten til funnet som ${level}`;
            if (strengths.length) s += `: ${joinNb(strengths)}`;
            if (concerns.length) s += `${strengths.length ? ', men' : ' fordi'} vi har ${joinNb(concerns)}`;
            return `${s}.`;
        },
        concern: (level, component) => `${level} forbehold om ${component}`,
        triangulated: (kinds, origins) => `Funnet er triangulert: det bygger på ${kinds}, ${origins}.`,
        twoKinds: (a, b) => `både ${a} og ${b}`,
        notTriangulated: reason => `Funnet er ikke triangulert: ${reason}.`,
        oneKind: (counted, origins) => `det bygger bare på ${counted}${origins}`,
        oneOrigin: (kinds, all) => `det bygger på ${kinds}, men ${all}`,
        onlyLiterature: 'det bygger bare på litteratur, som ikke teller med i trianguleringen',
        literatureNotCounted: 'Litteraturen det viser til, teller ikke med.',
        originFrom: { programme: 'fra programmet', project: 'fra prosjektene', independent: 'fra uavhengige kilder' },
        originAll: { programme: 'alle fra programmet selv', project: 'alle fra prosjektene selv', independent: 'alle uavhengige' },
        originOne: { programme: 'fra programmet selv', project: 'fra et av prosjektene', independent: 'en uavhengig kilde' },
        originAllSources: { programme: 'alle kildene kommer fra programmet selv', project: 'alle kildene kommer fra prosjektene selv', independent: 'alle kildene er uavhengige' },
        replaces: (title, report, confidence) => `Funnet erstatter funnet «${title}»${report ? ` i ${report}` : ''}${confidence ? `, der vi vurderte tilliten som ${confidence}` : ''}.`,
        replacedBy: finding => `erstattet av ${finding}`,
        earlierFinding: title => `det tidligere funnet «${title}»`,
        newAndRevised: (added, revised) => joinNb([
            ...(added ? [`${num(added, 'n')} ${added === 1 ? 'nytt' : 'nye'} funn`] : []),
            ...(revised ? [`${num(revised, 'n')} ${revised === 1 ? 'revidert' : 'reviderte'} funn`] : [])
        ]) || 'ingen nye eller reviderte funn',
        locator: (label, at) => `${label} (${at})`,
        noEvidence: 'Funnet har ingen registrerte kilder.'
    },

    assessment: {
        lead: (n, table) => `Vi vurderer programmet etter ${n}. ${table} viser vurderingene; avsnittene under begrunner dem.`,
        caption: 'Vurderingene per kriterium',
        headers: { criterion: 'Kriterium', rating: 'Vurdering', basis: 'Grunnlag' },
        rating: (criterion, custom, rating) => {
            const what = criterion ? `programmets ${NB_DAC_LOWER[criterion]}` : undefined;
            if (rating === 'unclear') return what ? `Vi kan ikke ta stilling til ${what}; vurderingen er uklar.` : `Etter kriteriet «${custom}» kan vi ikke ta stilling; vurderingen er uklar.`;
            // "virkninger" is plural: the adjective agrees ("som lave").
            const word = criterion === 'impact' ? NB_RATING_PLURAL[rating] : NB_RATING[rating];
            return what ? `Vi vurderer ${what} som ${word}.` : `Etter kriteriet «${custom}» vurderer vi programmet som ${NB_RATING[rating]}.`;
        },
        basis: findings => `Vurderingen bygger på ${findings}.`,
        weakBasis: 'Merk at vurderingen bare hviler på funn med lav eller svært lav tillit.',
        customNote: section => `Kriteriet er vårt eget og er beskrevet i ${section}.`,
        replaces: (title, date, rating, report) => `Vurderingen erstatter den tidligere vurderingen «${title}»${report ? ` i ${report}` : date ? ` fra ${date}` : ''}${rating ? `, som var ${rating}` : ''}.`,
        noneIncluded: 'Rapporten har ingen vurderinger.',
        preconditions: 'Forutsetninger for måloppnåelse',
        preconditionsLead: (total, s, c, u) => `Programteorien bygger på ${total}. ${capitalise(joinClauses([
            ...(s ? [`${num(s, 'm')} er støttet av funnene`] : []),
            ...(c ? [`${num(c, 'm')} er utfordret`] : []),
            ...(u ? [`${num(u, 'm')} er ikke undersøkt`] : [])
        ]))}.`,
        assumption: (title, status, supporting, challenging) => {
            if (status === 'challenged') return `Forutsetningen «${title}» er utfordret av ${challenging}${supporting ? `, men støttet av ${supporting}` : ''}.`;
            if (status === 'supported') return `Forutsetningen «${title}» er støttet av ${supporting}.`;
            return `Forutsetningen «${title}» er ikke undersøkt; ingen funn belyser den.`;
        },
        noAssumptions: 'Programteorien har ingen uttalte forutsetninger.'
    },

    recommendations: {
        lead: (table, n, date) => `${table} viser ${n} med status per ${date}.`,
        caption: date => `Anbefalinger, med status per ${date}`,
        headers: { number: 'Nr.', recommendation: 'Anbefaling', to: 'Rettet til', priority: 'Prioritet', horizon: 'Tidshorisont', basis: 'Grunnlag', status: 'Status' },
        statusSummary: (total, counts) => total === 1
            ? `Anbefalingen er ${NB_STATUS[counts.find(([, k]) => k > 0)![0]]}.`
            : `Av de ${num(total, 'm')} anbefalingene er ${joinNb(counts.filter(([, k]) => k > 0).map(([st, k]) => `${num(k, 'm')} ${NB_STATUS[st]}`))}.`,
        response: (rec, status, response) => `${rec} er ${status}${response ? `; oppdragsgiveren svarte: «${response}»` : ''}${response && /[.!?]$/.test(response) ? '' : '.'}`,
        sentence: (rec, to, priority, horizon, title) => `${rec}${to ? `, til ${to}` : ''}${priority || horizon ? ` (${[priority ? `${priority} prioritet` : '', horizon ? `${horizon} sikt` : ''].filter(Boolean).join(', ')})` : ''}: ${title}.`,
        highPriorityLead: n => `Vi gir ${n} med høy prioritet:`,
        none: 'Det er ingen anbefalinger i denne leveransen.',
        basisSentence: findings => `Anbefalingen bygger på ${findings}.`
    },

    interim: {
        keyPointsGenerated: 'Notatet har disse nye funnene:',
        openQuestionsLead: list => `Disse problemstillingene har foreløpig ingen bekreftede funn: ${list}.`,
        allAnswered: 'Alle problemstillingene har minst ett bekreftet funn.',
        nextReport: (kind, title, number, date) => `Neste leveranse er ${kind} «${title}»${number ? ` (${number})` : ''}${date ? `, som etter planen kommer ${date}` : ''}.`
    },

    development: {
        deliverablesLead: (table, n) => `${table} viser ${n} fra evalueringen.`,
        deliverablesCaption: 'Leveranser fra evalueringen',
        headers: { kind: 'Leveranse', title: 'Tittel', number: 'Nummer', date: 'Dato', cutoff: 'Data til og med' },
        revisedLead: (n, _plural) => `${capitalise(n)} er revidert underveis:`,
        revised: (finding, title, report) => `${finding} erstatter funnet «${title}»${report ? ` i ${report}` : ''}.`,
        recommendationsLead: 'Slik er anbefalingene fulgt opp:',
        history: (rec, steps) => `${rec} ${historyClauses(steps.map(s => ({
            verb: s.unchanged ? 'var fortsatt' : 'ble',
            rest: `${s.status}${s.date ? ` ${/^\d{1,2}\. /.test(s.date) ? '' : 'i '}${s.date}` : ''}${s.response ? ` (oppdragsgiveren svarte: «${s.response}»)` : ''}`
        })), joinNb)}.`,
        assessmentsLead: (n, _plural) => `${capitalise(n)} er gjort på nytt:`,
        assessmentReplaced: (title, date, rating, newer, report) => `Vurderingen «${title}»${report ? ` i ${report}` : date ? ` fra ${date}` : ''} (${rating}) er erstattet av ${newer}.`,
        indicatorsLead: 'Indikatorene er målt slik:',
        measurement: (value, date) => `${value} i ${date}`,
        notMeasured: (titles, plural) => `${plural ? 'Indikatorene' : 'Indikatoren'} ${titles} er ikke målt.`
    },
    context: {
        lead: (n, table) => `${table} viser ${n} vi har sammenlignet programmet med, og funnene om hvert av dem.`,
        caption: 'Initiativ vi har sammenlignet programmet med',
        headers: { initiative: 'Initiativ', country: 'Land', findings: 'Funn' }
    },
    lessons: {
        lead: n => `Vi har samlet ${n} for framtidige satsinger.`,
        lesson: n => `Læringspunkt\u00a0${n}`,
        basis: findings => `Det bygger på ${findings}.`
    },

    matrix: {
        lead: 'Matrisen viser for hvert funn i rapporten hvilke problemstillinger det svarer på, hvilken tillit vi har til det, hvilke kilder det bygger på, og hvor det brukes.',
        coverageCaption: 'Dekning',
        coverageHeaders: { measure: 'Mål', count: 'Antall', share: 'Andel' },
        questionsAnswered: 'Problemstillinger med minst ett funn',
        findingsTriangulated: 'Funn som er triangulert',
        outcomesWithEvidence: 'Effekter og samfunnseffekter som funn belyser',
        caption: 'Sporbarhetsmatrise',
        headers: { finding: 'Funn', question: 'Problemstilling', confidence: 'Tillit', sources: 'Kilder', triangulated: 'Triangulert', usedBy: 'Brukt i' },
        kindsHeader: 'Kildetyper',
        originsHeader: 'Ståsted',
        origins: { programme: 'programmet', project: 'prosjekt', independent: 'uavhengig' },
        yes: 'Ja',
        no: 'Nei',
        of: (n, m) => `${n} av ${m}`
    },
    sources: {
        lead: 'Oversikten viser alle kildene rapporten viser til, unntatt litteratur, som står i referanselisten. Konfidensielle kilder vises bare med nummer; interne kilder med rolle og aktørtype.',
        caption: 'Kildeoversikt',
        headers: { source: 'Kilde', kind: 'Type', description: 'Beskrivelse', date: 'Dato', access: 'Tilgang' },
        respondents: n => `${n} respondenter`,
        responseRate: (r, p, pct) => `${r} av ${p} (${pct})`,
        role: role => `Rolle: ${role}`,
        actorType: type => `Aktørtype: ${type}`
    },
    figureAppendix: {
        lead: (figure, title, levels) => `${figure} viser programteorien «${title}» i ${levels}. Her er innholdet punkt for punkt, nivå for nivå.`,
        levels: (n, from, to) => `${n} fra ${from} til ${to}`,
        leadsTo: targets => `fører til ${targets}`,
        assumptionsLead: 'Forutsetningene er nummerert i figuren:',
        assumption: (n, title, on, status) => `${n}: ${title}${on ? ` (gjelder ${on})` : ''}; ${status}.`,
        alt: (title, levels, assumptions, appendix) => `Programteorien «${title}» i ${levels}${assumptions ? `, med ${assumptions} markert` : ''}; full beskrivelse i ${appendix}.`
    },

    sourceKind: { interview: 'Intervju', 'focus-group': 'Fokusgruppe', document: 'Dokument', observation: 'Observasjon', survey: 'Spørreundersøkelse', workshop: 'Verksted', literature: 'Litteratur', dataset: 'Datasett' },
    sourceKindPlural: { interview: 'Intervjuer', 'focus-group': 'Fokusgrupper', document: 'Dokumenter', observation: 'Observasjoner', survey: 'Spørreundersøkelser', workshop: 'Verksteder', literature: 'Litteratur', dataset: 'Datasett' },
    level: { input: 'Innsatsfaktor', activity: 'Aktivitet', output: 'Resultat', outcome: 'Effekt', impact: 'Samfunnseffekt' },
    levelPlural: { input: 'Innsatsfaktorer', activity: 'Aktiviteter', output: 'Resultater', outcome: 'Effekter', impact: 'Samfunnseffekter' },
    actorTypes: { municipality: 'kommune', county: 'fylkeskommune', state: 'statlig aktør', research: 'forskningsmiljø', private: 'privat virksomhet', voluntary: 'frivillig organisasjon', association: 'interesseorganisasjon', council: 'råd', team: 'team', group: 'gruppe', supplier: 'leverandør', other: 'annen aktør' },
    actorTypesPlural: { municipality: 'kommuner', county: 'fylkeskommuner', state: 'statlige aktører', research: 'forskningsmiljøer', private: 'private virksomheter', voluntary: 'frivillige organisasjoner', association: 'interesseorganisasjoner', council: 'råd', team: 'team', group: 'grupper', supplier: 'leverandører', other: 'andre aktører' },
    confidenceWords: { high: 'høy', moderate: 'moderat', low: 'lav', 'very-low': 'svært lav' },
    components: {
        limitations: { name: 'metodiske begrensninger', definition: 'svakheter ved hvordan dataene ble samlet inn eller analysert', strength: 'dataene er samlet inn uten vesentlige svakheter' },
        coherence: { name: 'samsvar i dataene', definition: 'om kildene peker i samme retning', strength: 'kildene peker i samme retning' },
        adequacy: { name: 'tilstrekkelige data', definition: 'om det er nok og utfyllende nok data bak funnet', strength: 'datagrunnlaget er tilstrekkelig' },
        relevance: { name: 'relevans for spørsmålet', definition: 'om dataene dekker det funnet gjelder', strength: 'dataene dekker det funnet gjelder' }
    },
    concernLevels: { none: 'ingen', minor: 'små', moderate: 'moderate', serious: 'alvorlige' },
    dac: { relevance: 'Relevans', coherence: 'Samstemthet', effectiveness: 'Måloppnåelse', efficiency: 'Effektivitet', impact: 'Virkninger', sustainability: 'Bærekraft' },
    dacQuestions: {
        relevance: 'Gjør programmet de riktige tingene?',
        coherence: 'Hvor godt passer programmet sammen med andre tiltak, internt og eksternt?',
        effectiveness: 'Når programmet sine mål?',
        efficiency: 'Hvor godt brukes ressursene?',
        impact: 'Hvilken forskjell gjør programmet på et høyere nivå, tilsiktet eller ikke?',
        sustainability: 'Vil gevinstene vare?'
    },
    ratings: { high: 'høy', moderate: 'moderat', low: 'lav', unclear: 'uklar' },
    notAssessed: 'Ikke vurdert',
    priorities: { high: 'høy', medium: 'middels', low: 'lav' },
    horizons: { short: 'kort', medium: 'mellomlang', long: 'lang' },
    recommendationStatuses: { proposed: 'foreslått', accepted: 'vedtatt', rejected: 'avvist', implemented: 'gjennomført' },
    projectStatuses: { idea: 'idé', planned: 'planlagt', active: 'aktiv', paused: 'satt på pause', completed: 'avsluttet', stopped: 'stanset' },
    assumptionStatuses: { supported: 'støttet', challenged: 'utfordret', untested: 'ikke undersøkt' },
    accessWords: { public: 'offentlig', internal: 'intern', confidential: 'konfidensiell' },
    questionWord: 'problemstilling',
    sectionWord: 'avsnitt',
    findingWord: 'funn',
    recommendationWord: 'anbefaling',
    lessonWord: 'læringspunkt',
    tableWord: 'tabell',
    figureWord: 'figur',
    appendixWord: 'vedlegg',
    assessmentOf: criterion => `vurderingen av ${criterion}`,
    legend: 'Forutsetninger'
};

const NB_DAC_LOWER = { relevance: 'relevans', coherence: 'samstemthet', effectiveness: 'måloppnåelse', efficiency: 'effektivitet', impact: 'virkninger', sustainability: 'bærekraft' };
const NB_RATING = { high: 'høy', moderate: 'moderat', low: 'lav', unclear: 'uklar' };
const NB_RATING_PLURAL = { high: 'høye', moderate: 'moderate', low: 'lave', unclear: 'uklare' };

const NB_CONFIDENCE = { high: 'høy', moderate: 'moderat', low: 'lav', 'very-low': 'svært lav' };
const NB_STATUS = { proposed: 'foreslått', accepted: 'vedtatt', rejected: 'avvist', implemented: 'gjennomført' };

/** One to twelve in words, agreeing in gender; 13 and above in digits. */
function num(n: number, gender: 'm' | 'f' | 'n'): string {
    if (n === 1) return gender === 'n' ? 'ett' : 'én';
    return ['null', 'én', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti', 'elleve', 'tolv'][n] ?? String(n);
}

function capitalise(s: string): string {
    return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Main clauses: "a, b, og c" (a comma before "og" between clauses). */
function joinClauses(items: readonly string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}, og ${items[items.length - 1]}`;
}

/** "ble foreslått …, vedtatt … og gjennomført …": a verb repeated from the clause before is left out. */
function historyClauses(clauses: readonly { verb: string; rest: string }[], join: (items: readonly string[]) => string): string {
    return join(clauses.map((c, i) => (i > 0 && clauses[i - 1].verb === c.verb ? c.rest : `${c.verb} ${c.rest}`)));
}

function joinNb(items: readonly string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}
