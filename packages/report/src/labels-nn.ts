/** Nynorsk: every word and generated sentence of a report (see labels.ts). No bokmål falls through. */
import type { Labels } from './labels.js';

const months = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

export const nn: Labels = {
    draft: 'UTKAST / DRAFT',
    contents: 'Innhald',
    table: 'Tabell',
    figure: 'Figur',
    appendix: 'Vedlegg',
    sourceLine: 'Kjelde:',
    noteLine: 'Merknad:',
    kindTitle: { interim: 'Undervegsnotat', assessment: 'Vurderingsgrunnlag', final: 'Sluttrapport' },
    kindDefinite: { interim: 'undervegsnotatet', assessment: 'vurderingsgrunnlaget', final: 'sluttrapporten' },
    months,
    quoteMarks: ['«', '»'],
    reportOf: (kind, month) => `${kind} frå ${month}`,
    and: 'og',
    nouns: {
        interview: { one: 'intervju', many: 'intervju', gender: 'n', the: 'intervjua' },
        'focus-group': { one: 'fokusgruppe', many: 'fokusgrupper', gender: 'f', the: 'fokusgruppene' },
        observation: { one: 'observasjon', many: 'observasjonar', gender: 'm', the: 'observasjonane' },
        survey: { one: 'spørjeundersøking', many: 'spørjeundersøkingar', gender: 'f', the: 'spørjeundersøkingane' },
        workshop: { one: 'verkstad', many: 'verkstader', gender: 'm', the: 'verkstadene' },
        document: { one: 'dokument', many: 'dokument', gender: 'n', the: 'dokumenta' },
        dataset: { one: 'datasett', many: 'datasett', gender: 'n', the: 'datasetta' },
        literature: { one: 'litteraturkjelde', many: 'litteraturkjelder', gender: 'f', the: 'litteraturkjeldene' },
        finding: { one: 'funn', many: 'funn', gender: 'n', the: 'funna' },
        question: { one: 'problemstilling', many: 'problemstillingar', gender: 'f', the: 'problemstillingane' },
        recommendation: { one: 'tilråding', many: 'tilrådingar', gender: 'f', the: 'tilrådingane' },
        source: { one: 'kjelde', many: 'kjelder', gender: 'f', the: 'kjeldene' },
        actor: { one: 'aktør', many: 'aktørar', gender: 'm', the: 'aktørane' },
        assumption: { one: 'føresetnad', many: 'føresetnader', gender: 'm', the: 'føresetnadene' },
        lesson: { one: 'læringspunkt', many: 'læringspunkt', gender: 'n', the: 'læringspunkta' },
        project: { one: 'prosjekt', many: 'prosjekt', gender: 'n', the: 'prosjekta' },
        criterion: { one: 'kriterium', many: 'kriterium', gender: 'n', the: 'kriteria' },
        initiative: { one: 'initiativ', many: 'initiativ', gender: 'n', the: 'initiativa' },
        need: { one: 'behov', many: 'behov', gender: 'n', the: 'behova' },
        assessment: { one: 'vurdering', many: 'vurderingar', gender: 'f', the: 'vurderingane' },
        indicator: { one: 'indikator', many: 'indikatorar', gender: 'm', the: 'indikatorane' },
        node: { one: 'element', many: 'element', gender: 'n', the: 'elementa' },
        sourceKindWord: { one: 'kjeldetype', many: 'kjeldetypar', gender: 'm', the: 'kjeldetypane' },
        level: { one: 'nivå', many: 'nivå', the: 'nivåa', gender: 'n' },
        report: { one: 'leveranse', many: 'leveransar', gender: 'm', the: 'leveransane' }
    },
    numerals: ['null', 'ein', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti', 'elleve', 'tolv'],
    one: { m: 'ein', f: 'ei', n: 'eitt' },
    percentSign: '\u00a0%',

    front: {
        commissionedBy: client => `Utført på oppdrag frå ${client}`,
        title: 'Tittel',
        authors: 'Forfattarar',
        institution: 'Utført av',
        reportNumber: 'Rapportnummer',
        isbn: 'ISBN',
        issn: 'ISSN',
        date: 'Dato',
        projectLeader: 'Prosjektleiar',
        client: 'Oppdragsgjevar',
        clientReference: 'Oppdragsgjevars referanse',
        qualityAssurance: 'Kvalitetssikra av',
        keywords: 'Emneord',
        citeFreely: 'Publikasjonen kan siterast fritt med kjeldetilvising.',
        to: 'Til',
        from: 'Frå',
        cutoff: 'Datagrunnlag til og med',
        programme: 'Program'
    },
    preface: 'Føreord',
    summary: 'Samandrag',
    summaryEnglish: 'Summary',

    chapters: {
        introduction: 'Innleiing',
        method: 'Metode og datagrunnlag',
        programme: 'Programmet',
        findings: 'Funn',
        assessment: 'Vurdering',
        discussion: 'Diskusjon',
        development: 'Utviklinga av programmet over tid',
        context: 'Programmet i norsk og internasjonal samanheng',
        lessons: 'Læring for framtidige satsingar',
        conclusions: 'Konklusjonar og tilrådingar',
        recommendations: 'Tilrådingar',
        references: 'Referansar',
        keyPoints: 'Hovudpunkt',
        newFindings: 'Nye og reviderte funn sidan førre rapport',
        recommendationFollowUp: 'Tilrådingar og oppfølging',
        openQuestions: 'Problemstillingar utan stadfesta funn',
        nextSteps: 'Vegen vidare',
        aboutData: 'Om datagrunnlaget',
        matrix: 'Sporbarheitsmatrise',
        sourceOverview: 'Kjeldeoversikt',
        figureDescription: figure => `Skildring av ${figure}`
    },
    chapterAliases: { development: ['Utviklinga av programmet over tid', 'Utvikling over tid'], context: ['Norsk og internasjonal samanheng', 'Programmet i norsk og internasjonal samanheng'] },

    intro: {
        goalAndDescription: 'Målet og innrettinga til programmet',
        questions: 'Oppdraget og problemstillingane',
        goal: goal => `Målet for programmet er formulert slik: «${goal}».`,
        period: period => `Programperioden er ${period}.`,
        sdgs: list => `Programmet tek utgangspunkt i FNs berekraftsmål ${list}.`,
        assignment: (client, contract) => `Oppdraget er gjeve av ${client}${contract ? ` (${contract})` : ''}.`,
        needsLead: n => `Oppdragsgjevaren har skildra ${n}:`,
        questionsLead: (table, n) => `${table} viser ${n} i oppdraget, kva behov kvar av dei svarar til, og kor mange funn rapporten har om kvar av dei.`,
        needPriority: p => `${p} prioritet`,
        questionsCaption: 'Problemstillingane i oppdraget',
        headers: { number: 'Nr.', question: 'Problemstilling', need: 'Behov', findings: 'Tal på funn' }
    },

    method: {
        data: 'Datagrunnlaget',
        dataLead: table => `${table} viser datagrunnlaget fordelt på kjeldetype, tal og tidsrom.`,
        dataCaption: 'Datagrunnlaget etter kjeldetype',
        dataSource: appendix => `Kjeldeoversikta i ${appendix}.`,
        headers: { kind: 'Kjeldetype', count: 'Tal', period: 'Tidsrom', respondents: 'Respondentar' },
        total: 'I alt',
        triangulation: 'Triangulering',
        triangulationDefinition: 'Vi reknar eit funn som triangulert når det byggjer på minst to ulike kjeldetypar (til dømes intervju og dokument) og på kjelder frå minst to ulike ståstader: programmet sjølv, prosjekta eller uavhengige kjelder. Litteratur kan støtte eit funn, men tel ikkje med i trianguleringa.',
        triangulationCount: (n, plural, pct, appendix) => `Etter denne definisjonen er ${n} (${pct}) ${plural ? 'triangulerte' : 'triangulert'}${appendix ? `; ${appendix} viser kva for nokre` : ''}.`,
        confidence: 'Tillit til funna',
        confidenceLead: 'Vi har vurdert tilliten til kvart funn etter GRADE-CERQual. Tilliten seier kor sannsynleg det er at funnet gir eit rimeleg bilete av forholdet det skildrar:',
        confidenceLevels: {
            high: 'det er svært sannsynleg at funnet gir eit rimeleg bilete av forholdet det skildrar',
            moderate: 'det er sannsynleg at funnet gir eit rimeleg bilete av forholdet det skildrar',
            low: 'det er mogleg at funnet gir eit rimeleg bilete av forholdet det skildrar',
            'very-low': 'det er uklart om funnet gir eit rimeleg bilete av forholdet det skildrar'
        },
        componentsLead: 'Vurderinga byggjer på fire komponentar, og for kvar av dei vurderer vi om vi har ingen eller svært små, små, moderate eller alvorlege atterhald:',
        distribution: (counts, total) => {
            const n = (k: number) => total > 12 ? String(k) : num(k, 'n');
            const parts = counts.filter(([, k]) => k > 0).map(([c, k], i, all) => `${n(k)} ${NN_CONFIDENCE[c]}${i === all.length - 1 ? ' tillit' : ''}`);
            return total === 1 ? `Det eine funnet har ${parts.join('')}.` : `Av dei ${n(total)} funna har ${joinNn(parts)}.`;
        },
        distributionCaption: 'Funn etter tillit',
        distributionHeaders: { confidence: 'Tillit', findings: 'Tal på funn', triangulated: 'Av dei triangulerte' },
        noConfidence: 'Ikkje vurdert',
        criteria: 'Vurderingskriterium og skala',
        criteriaLead: (dac, custom) => `Vi vurderer programmet etter ${num(dac, 'n')} av kriteria til OECD DAC frå 2019${custom ? ` og ${num(custom, 'n')} ${custom === 1 ? 'eige kriterium' : 'eigne kriterium'}` : ''}:`,
        customCriterion: 'eige kriterium',
        ratingLead: 'Vurderinga av kvart kriterium har eitt av fire nivå:',
        ratingScale: {
            high: 'funna viser samla at programmet i stor grad oppfyller kriteriet, og vi har ingen vesentlege funn som trekkjer i motsett retning',
            moderate: 'programmet oppfyller kriteriet i nokon grad; funna peikar på vesentlege veikskapar eller spriker',
            low: 'programmet oppfyller kriteriet i liten grad',
            unclear: 'datagrunnlaget er for tynt eller for sprikande til å ta stilling'
        },
        notAssessedDefinition: 'kriteriet låg utanfor oppdraget eller vart valt bort; grunngjevinga står ved kriteriet',
        unclearNote: '«Uklar» er ikkje eit midtpunkt på skalaen, men tyder at vi ikkje kan ta stilling.',
        cutoff: 'Tidsavgrensing',
        cutoffText: date => `Datagrunnlaget for rapporten vart avslutta ${date}. Rapporten omfattar berre kjelder daterte til og med denne dagen; seinare hendingar er ikkje vurderte.`,
        limitations: 'Avgrensingar',
        lowConfidence: (n, list, plural) => `${n} har låg eller svært låg tillit (${list}). Vi tek ${plural ? 'dei' : 'det'} med fordi ${plural ? 'dei' : 'det'} kastar lys over problemstillingar der datagrunnlaget elles er tynt, men ${plural ? 'dei' : 'det'} bør ikkje åleine liggje til grunn for avgjerder.`,
        selfReportedOutcomes: (n, list) => `${n} om effektane og samfunnseffektane til programmet byggjer berre på kjelder frå programmet eller prosjekta sjølve (${list}). Dei viser korleis programmet forstår eigne resultat, men dokumenterer ikkje verknadene uavhengig.`,
        selfReportedOutcomesNone: 'Alle funna om effektane og samfunnseffektane til programmet byggjer òg på minst éi uavhengig kjelde.',
        ownSourcesShare: share => `Av belegget kjem ${share} frå kjeldene til programmet eller prosjekta sjølve.`,
        questionNotAnswered: (q, section) => `Problemstilling ${q} er ikkje svart på i denne rapporten; sjå ${section}.`,
        questionsNotAnswered: (qs, sections) => `Problemstillingane ${qs} er ikkje svarte på i denne rapporten; sjå ${sections}.`,
        noLimitations: 'Alle problemstillingane har funn, og ingen funn har låg tillit.',
        protection: 'Vern av informantar',
        protectionLabels: 'Intervju og fokusgrupper er omtalte med nummer (til dømes «intervju 3»), ikkje med namn, stilling eller kommune. Nummeret er det same i alle rapportane frå evalueringa.',
        protectionInternal: 'Interne kjelder er omtalte med type og nummer og berre skildra med rolle og aktørtype, aldri med namn.',
        unnamedActors: (n, plural) => `Av omsyn til informantane er ${n} ikkje ${plural ? 'namngjevne' : 'namngjeven'} i rapporten.`,
        dataDeletion: date => `Personopplysningar blir sletta seinast ${date}.`,
        interimSources: (list, appendix) => `Notatet byggjer på ${list}; ${appendix} viser dei.`,
        interimConfidence: 'Tilliten til kvart funn er vurdert etter GRADE-CERQual som høg, moderat, låg eller svært låg.'
    },

    programme: {
        organisation: 'Organisering',
        organisationLead: (table, client) => `${table} viser korleis programmet er organisert${client ? ` i ${client}` : ''}.`,
        organisationCaption: 'Organiseringa av programmet',
        organisationHeaders: { actor: 'Aktør', type: 'Type', partOf: 'Del av', members: 'Medlemer' },
        otherActors: 'Programmet samarbeider òg med desse aktørane:',
        logic: 'Programteori',
        figureLead: (figure, appendix) => `${figure} viser programteorien med nivåa frå innsatsfaktorar til samfunnseffektar. ${appendix} skildrar figuren punkt for punkt.`,
        nodesLead: table => `${table} viser elementa i programteorien med indikatorar og funna som kastar lys over dei.`,
        nodesCaption: logic => `Elementa i programteorien «${logic}»`,
        nodesHeaders: { level: 'Nivå', node: 'Element', indicators: 'Indikatorar', findings: 'Funn' },
        indicator: (title, values) => values ? `${title} (${values})` : title,
        baseline: 'utgangsverdi',
        target: 'mål',
        indicatorsLead: (table, date) => `${table} viser indikatorane med utgangsverdi, siste målte verdi per ${date} og mål.`,
        indicatorsCaption: (logic, date) => `Indikatorane i programteorien «${logic}», siste måling per ${date}`,
        indicatorsHeaders: { indicator: 'Indikator', baseline: 'Utgangsverdi', latest: 'Siste måling', measured: 'Målt', source: 'Kjelde', target: 'Mål' },
        assumptionsLead: (n, table) => `Programteorien byggjer på ${n} (${table}).`,
        assumptionsCaption: logic => `Føresetnadene i programteorien «${logic}»`,
        assumptionsHeaders: { number: 'Nr.', assumption: 'Føresetnad', on: 'Gjeld', status: 'Status' },
        portfolios: 'Porteføljar og prosjekt',
        portfolioLead: (title, owner, projects) => `Porteføljen «${title}» ${owner ? `er eigd av ${owner} og ` : ''}har ${projects}.`,
        vision: vision => `Visjonen er: «${vision}».`,
        challenge: challenge => `Utfordringa porteføljen skal løyse, er: «${challenge}».`,
        projectsCaption: portfolio => portfolio ? `Prosjekta i porteføljen «${portfolio}»` : 'Prosjekt utanfor porteføljane',
        projectsHeaders: { project: 'Prosjekt', status: 'Status', owner: 'Eigar', partners: 'Partnarar', funding: 'Finansiering (mill. kr)', contributes: 'Bidreg til' },
        millions: 'mill. kr',
        relationsLead: 'Prosjekta heng saman slik:',
        relation: {
            synergy: (a, b) => `«${a}» har synergiar med «${b}»`,
            'depends-on': (a, b) => `«${a}» byggjer på «${b}»`,
            'shares-resource': (a, b) => `«${a}» deler ressursar med «${b}»`,
            'conflicts-with': (a, b) => `«${a}» er i konflikt med «${b}»`
        },
        withoutPortfolio: 'Prosjekt utanfor porteføljane'
    },

    findings: {
        lead: n => `Kapittelet presenterer ${n}, ordna etter problemstilling. Eit funn som svarar på fleire problemstillingar, står under den første og er omtalt under dei andre.`,
        interimLeadFirst: n => `Dette er den første leveransen frå evalueringa. Notatet har ${n}, og alle er nye.`,
        interimLead: (previous, date, counts) => `Sidan ${previous} (data til og med ${date}) har vi ${counts}.`,
        questionHeading: q => `Problemstilling\u00a0${q}`,
        otherFindings: 'Andre funn',
        noFindingsYet: 'Vi har enno ingen stadfesta funn om denne problemstillinga.',
        noFindings: 'Rapporten har ingen funn om denne problemstillinga.',
        alsoHere: (findings, sections) => `${findings} kastar òg lys over denne problemstillinga (sjå ${sections}).`,
        alsoAnswers: (questions, sections) => `Funnet svarar òg på ${questions}${sections ? `; sjå ${sections}` : ''}.`,
        heading: (number, title, confidence) => `Funn\u00a0${number} ${title}${confidence ? ` (${confidence} tillit)` : ''}`,
        basis: list => `Funnet byggjer på ${list}.`,
        confidenceSentence: (level, strengths, concerns) => {
            let s = `Vi vurderer tilliten til funnet som ${level}`;
            if (strengths.length) s += `: ${joinNn(strengths)}`;
            if (concerns.length) s += `${strengths.length ? ', men' : ' fordi'} vi har ${joinNn(concerns)}`;
            return `${s}.`;
        },
        concern: (level, component) => `${level} atterhald om ${component}`,
        triangulated: (kinds, origins) => `Funnet er triangulert: det byggjer på ${kinds}, ${origins}.`,
        twoKinds: (a, b) => `både ${a} og ${b}`,
        notTriangulated: reason => `Funnet er ikkje triangulert: ${reason}.`,
        oneKind: (counted, origins) => `det byggjer berre på ${counted}${origins}`,
        oneOrigin: (kinds, all) => `det byggjer på ${kinds}, men ${all}`,
        onlyLiterature: 'det byggjer berre på litteratur, som ikkje tel med i trianguleringa',
        literatureNotCounted: 'Litteraturen det viser til, tel ikkje med.',
        originFrom: { programme: 'frå programmet', project: 'frå prosjekta', independent: 'frå uavhengige kjelder' },
        originAll: { programme: 'alle frå programmet sjølv', project: 'alle frå prosjekta sjølve', independent: 'alle uavhengige' },
        originOne: { programme: 'frå programmet sjølv', project: 'frå eitt av prosjekta', independent: 'ei uavhengig kjelde' },
        originAllSources: { programme: 'alle kjeldene kjem frå programmet sjølv', project: 'alle kjeldene kjem frå prosjekta sjølve', independent: 'alle kjeldene er uavhengige' },
        replaces: (title, report, confidence) => `Funnet erstattar funnet «${title}»${report ? ` i ${report}` : ''}${confidence ? `, der vi vurderte tilliten som ${confidence}` : ''}.`,
        replacedBy: finding => `erstatta av ${finding}`,
        earlierFinding: title => `det tidlegare funnet «${title}»`,
        newAndRevised: (added, revised) => joinNn([
            ...(added ? [`${num(added, 'n')} ${added === 1 ? 'nytt' : 'nye'} funn`] : []),
            ...(revised ? [`${num(revised, 'n')} ${revised === 1 ? 'revidert' : 'reviderte'} funn`] : [])
        ]) || 'ingen nye eller reviderte funn',
        locator: (label, at) => `${label} (${at})`,
        noEvidence: 'Funnet har ingen registrerte kjelder.'
    },

    assessment: {
        lead: (n, table) => `Vi vurderer programmet etter ${n}. ${table} viser vurderingane; avsnitta under grunngjev dei.`,
        caption: 'Vurderingane per kriterium',
        headers: { criterion: 'Kriterium', rating: 'Vurdering', basis: 'Grunnlag' },
        rating: (criterion, custom, rating) => {
            const what = criterion ? `${NN_DAC_DEFINITE[criterion]} til programmet` : undefined;
            if (rating === 'unclear') return what ? `Vi kan ikkje ta stilling til ${what}; vurderinga er uklar.` : `Etter kriteriet «${custom}» kan vi ikkje ta stilling; vurderinga er uklar.`;
            // "verknadene" is plural: the adjective agrees ("som låge").
            const word = criterion === 'impact' ? NN_RATING_PLURAL[rating] : NN_RATING[rating];
            return what ? `Vi vurderer ${what} som ${word}.` : `Etter kriteriet «${custom}» vurderer vi programmet som ${NN_RATING[rating]}.`;
        },
        basis: findings => `Vurderinga byggjer på ${findings}.`,
        weakBasis: 'Merk at vurderinga berre kviler på funn med låg eller svært låg tillit.',
        customNote: section => `Kriteriet er vårt eige og er skildra i ${section}.`,
        replaces: (title, date, rating, report) => `Vurderinga erstattar den tidlegare vurderinga «${title}»${report ? ` i ${report}` : date ? ` frå ${date}` : ''}${rating ? `, som var ${rating}` : ''}.`,
        noneIncluded: 'Rapporten har ingen vurderingar.',
        preconditions: 'Føresetnader for måloppnåing',
        preconditionsLead: (total, s, c, u) => `Programteorien byggjer på ${total}. ${capitalise(joinClauses([
            ...(s ? [`${num(s, 'm')} er støtta av funna`] : []),
            ...(c ? [`${num(c, 'm')} er utfordra`] : []),
            ...(u ? [`${num(u, 'm')} er ikkje ${u === 1 ? 'undersøkt' : 'undersøkte'}`] : [])
        ]))}.`,
        assumption: (title, status, supporting, challenging) => {
            if (status === 'challenged') return `Føresetnaden «${title}» er utfordra av ${challenging}${supporting ? `, men støtta av ${supporting}` : ''}.`;
            if (status === 'supported') return `Føresetnaden «${title}» er støtta av ${supporting}.`;
            return `Føresetnaden «${title}» er ikkje undersøkt; ingen funn kastar lys over han.`;
        },
        noAssumptions: 'Programteorien har ingen uttalte føresetnader.'
    },

    recommendations: {
        lead: (table, n, date) => `${table} viser ${n} med status per ${date}.`,
        caption: date => `Tilrådingar, med status per ${date}`,
        headers: { number: 'Nr.', recommendation: 'Tilråding', to: 'Retta til', priority: 'Prioritet', horizon: 'Tidshorisont', basis: 'Grunnlag', status: 'Status' },
        statusSummary: (total, counts) => total === 1
            ? `Tilrådinga er ${NN_STATUS[counts.find(([, k]) => k > 0)![0]]}.`
            : `Av dei ${num(total, 'f')} tilrådingane er ${joinNn(counts.filter(([, k]) => k > 0).map(([st, k]) => `${num(k, 'f')} ${k === 1 ? NN_STATUS[st] : NN_STATUS_PLURAL[st]}`))}.`,
        response: (rec, status, response) => `${rec} er ${status}${response ? `; oppdragsgjevaren svarte: «${response}»` : ''}${response && /[.!?]$/.test(response) ? '' : '.'}`,
        sentence: (rec, to, priority, horizon, title) => `${rec}${to ? `, til ${to}` : ''}${priority || horizon ? ` (${[priority ? `${priority} prioritet` : '', horizon ? `${horizon} sikt` : ''].filter(Boolean).join(', ')})` : ''}: ${title}.`,
        highPriorityLead: n => `Vi gir ${n} med høg prioritet:`,
        none: 'Det er ingen tilrådingar i denne leveransen.',
        basisSentence: findings => `Tilrådinga byggjer på ${findings}.`
    },

    interim: {
        keyPointsGenerated: 'Notatet har desse nye funna:',
        openQuestionsLead: list => `Desse problemstillingane har førebels ingen stadfesta funn: ${list}.`,
        allAnswered: 'Alle problemstillingane har minst eitt stadfesta funn.',
        nextReport: (kind, title, number, date) => `Neste leveranse er ${kind} «${title}»${number ? ` (${number})` : ''}${date ? `, som etter planen kjem ${date}` : ''}.`
    },

    development: {
        deliverablesLead: (table, n) => `${table} viser ${n} frå evalueringa.`,
        deliverablesCaption: 'Leveransar frå evalueringa',
        headers: { kind: 'Leveranse', title: 'Tittel', number: 'Nummer', date: 'Dato', cutoff: 'Data til og med' },
        revisedLead: (n, plural) => `${capitalise(n)} er ${plural ? 'reviderte' : 'revidert'} undervegs:`,
        revised: (finding, title, report) => `${finding} erstattar funnet «${title}»${report ? ` i ${report}` : ''}.`,
        recommendationsLead: 'Slik er tilrådingane følgde opp:',
        history: (rec, steps) => `${rec} ${historyClauses(steps.map(s => ({
            verb: s.unchanged ? 'var framleis' : 'vart',
            rest: `${s.status}${s.date ? ` ${/^\d{1,2}\. /.test(s.date) ? '' : 'i '}${s.date}` : ''}${s.response ? ` (oppdragsgjevaren svarte: «${s.response}»)` : ''}`
        })), joinNn)}.`,
        assessmentsLead: (n, plural) => `${capitalise(n)} er ${plural ? 'gjorde' : 'gjord'} på nytt:`,
        assessmentReplaced: (title, date, rating, newer, report) => `Vurderinga «${title}»${report ? ` i ${report}` : date ? ` frå ${date}` : ''} (${rating}) er erstatta av ${newer}.`,
        indicatorsLead: 'Indikatorane er målte slik:',
        measurement: (value, date) => `${value} i ${date}`,
        notMeasured: (titles, plural) => `${plural ? 'Indikatorane' : 'Indikatoren'} ${titles} er ikkje ${plural ? 'målte' : 'målt'}.`
    },
    context: {
        lead: (n, table) => `${table} viser ${n} vi har samanlikna programmet med, og funna om kvart av dei.`,
        caption: 'Initiativ vi har samanlikna programmet med',
        headers: { initiative: 'Initiativ', country: 'Land', findings: 'Funn' }
    },
    lessons: {
        lead: n => `Vi har samla ${n} for framtidige satsingar.`,
        lesson: n => `Læringspunkt\u00a0${n}`,
        basis: findings => `Det byggjer på ${findings}.`
    },

    matrix: {
        lead: 'Matrisa viser for kvart funn i rapporten kva problemstillingar det svarar på, kva tillit vi har til det, kva kjelder det byggjer på, og kvar det blir brukt.',
        coverageCaption: 'Dekning',
        coverageHeaders: { measure: 'Mål', count: 'Tal', share: 'Del' },
        questionsAnswered: 'Problemstillingar med minst eitt funn',
        findingsTriangulated: 'Funn som er triangulerte',
        outcomesWithEvidence: 'Effektar og samfunnseffektar som funn kastar lys over',
        caption: 'Sporbarheitsmatrise',
        headers: { finding: 'Funn', question: 'Problemstilling', confidence: 'Tillit', sources: 'Kjelder', triangulated: 'Triangulert', usedBy: 'Brukt i' },
        kindsHeader: 'Kjeldetypar',
        originsHeader: 'Ståstad',
        origins: { programme: 'programmet', project: 'prosjekt', independent: 'uavhengig' },
        yes: 'Ja',
        no: 'Nei',
        of: (n, m) => `${n} av ${m}`
    },
    sources: {
        lead: 'Oversikta viser alle kjeldene rapporten viser til, unnateke litteratur, som står i referanselista. Konfidensielle kjelder blir berre viste med nummer; interne kjelder med rolle og aktørtype.',
        caption: 'Kjeldeoversikt',
        headers: { source: 'Kjelde', kind: 'Type', description: 'Skildring', date: 'Dato', access: 'Tilgang' },
        respondents: n => `${n} respondentar`,
        responseRate: (r, p, pct) => `${r} av ${p} (${pct})`,
        role: role => `Rolle: ${role}`,
        actorType: type => `Aktørtype: ${type}`
    },
    figureAppendix: {
        lead: (figure, title, levels) => `${figure} viser programteorien «${title}» i ${levels}. Her er innhaldet punkt for punkt, nivå for nivå.`,
        levels: (n, from, to) => `${n} frå ${from} til ${to}`,
        leadsTo: targets => `fører til ${targets}`,
        assumptionsLead: 'Føresetnadene er nummererte i figuren:',
        assumption: (n, title, on, status) => `${n}: ${title}${on ? ` (gjeld ${on})` : ''}; ${status}.`,
        alt: (title, levels, assumptions, appendix) => `Programteorien «${title}» i ${levels}${assumptions ? `, med ${assumptions} markerte` : ''}; full skildring i ${appendix}.`
    },

    sourceKind: { interview: 'Intervju', 'focus-group': 'Fokusgruppe', document: 'Dokument', observation: 'Observasjon', survey: 'Spørjeundersøking', workshop: 'Verkstad', literature: 'Litteratur', dataset: 'Datasett' },
    sourceKindPlural: { interview: 'Intervju', 'focus-group': 'Fokusgrupper', document: 'Dokument', observation: 'Observasjonar', survey: 'Spørjeundersøkingar', workshop: 'Verkstader', literature: 'Litteratur', dataset: 'Datasett' },
    level: { input: 'Innsatsfaktor', activity: 'Aktivitet', output: 'Resultat', outcome: 'Effekt', impact: 'Samfunnseffekt' },
    levelPlural: { input: 'Innsatsfaktorar', activity: 'Aktivitetar', output: 'Resultat', outcome: 'Effektar', impact: 'Samfunnseffektar' },
    actorTypes: { municipality: 'kommune', county: 'fylkeskommune', state: 'statleg aktør', research: 'forskingsmiljø', private: 'privat verksemd', voluntary: 'frivillig organisasjon', association: 'interesseorganisasjon', council: 'råd', team: 'team', group: 'gruppe', supplier: 'leverandør', other: 'annan aktør' },
    actorTypesPlural: { municipality: 'kommunar', county: 'fylkeskommunar', state: 'statlege aktørar', research: 'forskingsmiljø', private: 'private verksemder', voluntary: 'frivillige organisasjonar', association: 'interesseorganisasjonar', council: 'råd', team: 'team', group: 'grupper', supplier: 'leverandørar', other: 'andre aktørar' },
    confidenceWords: { high: 'høg', moderate: 'moderat', low: 'låg', 'very-low': 'svært låg' },
    components: {
        limitations: { name: 'metodiske avgrensingar', definition: 'veikskapar ved korleis dataa vart samla inn eller analyserte', strength: 'dataa er samla inn utan vesentlege veikskapar' },
        coherence: { name: 'samsvar i dataa', definition: 'om kjeldene peikar i same retning', strength: 'kjeldene peikar i same retning' },
        adequacy: { name: 'tilstrekkelege data', definition: 'om det er nok og utfyllande nok data bak funnet', strength: 'datagrunnlaget er tilstrekkeleg' },
        relevance: { name: 'relevans for spørsmålet', definition: 'om dataa dekkjer det funnet gjeld', strength: 'dataa dekkjer det funnet gjeld' }
    },
    concernLevels: { none: 'ingen', minor: 'små', moderate: 'moderate', serious: 'alvorlege' },
    dac: { relevance: 'Relevans', coherence: 'Samstemmigheit', effectiveness: 'Måloppnåing', efficiency: 'Effektivitet', impact: 'Verknader', sustainability: 'Berekraft' },
    dacQuestions: {
        relevance: 'Gjer programmet dei rette tinga?',
        coherence: 'Kor godt passar programmet saman med andre tiltak, internt og eksternt?',
        effectiveness: 'Når programmet måla sine?',
        efficiency: 'Kor godt blir ressursane brukte?',
        impact: 'Kva skilnad gjer programmet på eit høgare nivå, tilsikta eller ikkje?',
        sustainability: 'Vil gevinstane vare?'
    },
    ratings: { high: 'høg', moderate: 'moderat', low: 'låg', unclear: 'uklar' },
    notAssessed: 'Ikkje vurdert',
    priorities: { high: 'høg', medium: 'middels', low: 'låg' },
    horizons: { short: 'kort', medium: 'mellomlang', long: 'lang' },
    recommendationStatuses: { proposed: 'føreslått', accepted: 'vedteken', rejected: 'avvist', implemented: 'gjennomført' },
    projectStatuses: { idea: 'idé', planned: 'planlagd', active: 'aktiv', paused: 'sett på pause', completed: 'avslutta', stopped: 'stansa' },
    assumptionStatuses: { supported: 'støtta', challenged: 'utfordra', untested: 'ikkje undersøkt' },
    accessWords: { public: 'offentleg', internal: 'intern', confidential: 'konfidensiell' },
    questionWord: 'problemstilling',
    sectionWord: 'avsnitt',
    findingWord: 'funn',
    recommendationWord: 'tilråding',
    lessonWord: 'læringspunkt',
    tableWord: 'tabell',
    figureWord: 'figur',
    appendixWord: 'vedlegg',
    assessmentOf: criterion => `vurderinga av ${criterion}`,
    legend: 'Føresetnader'
};

const NN_DAC_DEFINITE = { relevance: 'relevansen', coherence: 'samstemmigheita', effectiveness: 'måloppnåinga', efficiency: 'effektiviteten', impact: 'verknadene', sustainability: 'berekrafta' };
const NN_RATING = { high: 'høg', moderate: 'moderat', low: 'låg', unclear: 'uklar' };
const NN_RATING_PLURAL = { high: 'høge', moderate: 'moderate', low: 'låge', unclear: 'uklare' };
const NN_CONFIDENCE = { high: 'høg', moderate: 'moderat', low: 'låg', 'very-low': 'svært låg' };
const NN_STATUS = { proposed: 'føreslått', accepted: 'vedteken', rejected: 'avvist', implemented: 'gjennomført' };
const NN_STATUS_PLURAL = { proposed: 'føreslåtte', accepted: 'vedtekne', rejected: 'avviste', implemented: 'gjennomførte' };

/** One to twelve in words, agreeing in gender; 13 and above in digits. */
function num(n: number, gender: 'm' | 'f' | 'n'): string {
    if (n === 1) return gender === 'n' ? 'eitt' : gender === 'f' ? 'ei' : 'ein';
    return ['null', 'ein', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti', 'elleve', 'tolv'][n] ?? String(n);
}

function capitalise(s: string): string {
    return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Main clauses: "a, b, og c" (a comma before "og" between clauses). */
function joinClauses(items: readonly string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}, og ${items[items.length - 1]}`;
}

/** "vart føreslått …, vedteken … og gjennomført …": a verb repeated from the clause before is left out. */
function historyClauses(clauses: readonly { verb: string; rest: string }[], join: (items: readonly string[]) => string): string {
    return join(clauses.map((c, i) => (i > 0 && clauses[i - 1].verb === c.verb ? c.rest : `${c.verb} ${c.rest}`)));
}

function joinNn(items: readonly string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}
