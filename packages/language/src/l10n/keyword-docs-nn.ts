import type { KeywordDocs } from '../lsp/prog-keyword-docs.js';

/**
 * Nynorsk: what each keyword and value means (the hovers on keywords and values), key for
 * key as the English tables in lsp/prog-keyword-docs.ts. Terms as in messages-nn.ts and the
 * nynorsk reports: funn, kjelde, belegg, tillit, vurdering, tilråding, læringspunkt,
 * problemstilling, programteori, innsatsfaktor/aktivitet/resultat/effekt/samfunnseffekt,
 * føresetnad, atterhald, skjeringsdato. Code in backticks stays as written in `.prog` files
 * (test/language/l10n.test.ts checks that every text keeps the English one's spans).
 */
export const KEYWORD_DOCS_NN: KeywordDocs = {
    elements: {
        programme: 'Programmet som blir evaluert — nøyaktig eitt per arbeidsområde: `programme ID "title" { client … period … goal … }`.',
        actor: 'Ein organisasjon, ei gruppe eller ein instans som tek del: `actor ID "name" { type … members … part-of … }`.',
        need: 'Eit behov hos oppdragsgivaren som evalueringa skal dekkje: `need ID "title" { weight … }`.',
        question: 'Ei problemstilling i evalueringa; funn svarar på ho (`answers`): `question ID "text?" { need … }`.',
        logic: 'Programteorien (endringsteorien): element på fem nivå (`input` → `activity` → `output` → `outcome` → `impact`), kjeder `A -> B`, føresetnader og indikatorar.',
        input: 'Eit element i programteorien på lågaste nivå (innsatsfaktor): ressursane som blir sette inn i programmet (pengar, folk, mandat).',
        activity: 'Eit element i programteorien (aktivitet): det programmet gjer med innsatsfaktorane.',
        output: 'Eit element i programteorien (resultat): det aktivitetane leverer direkte.',
        outcome: 'Eit element i programteorien (effekt): ei endring programmet vil oppnå hos dei det når (treng ein `indicator` og belegg).',
        impact: 'Eit element i programteorien på høgaste nivå (samfunnseffekt): den varige endringa i samfunnet som programmet bidreg til (treng ein `indicator` og belegg).',
        assumption: 'Ein føresetnad som programteorien byggjer på, for eit element eller ein kant (`on A -> B`); funn støttar han (`supports`) eller utfordrar han (`challenges`).',
        indicator: 'Korleis eit element blir målt: `indicator ID "title" { baseline … target … unit "…" }` (inne i elementet, eller med `for NODE` på øvste nivå i ein programteori).',
        portfolio: 'Ei gruppe prosjekt med ei felles utfordring: `portfolio ID "title" { challenge … vision … owner … project … }`.',
        project: 'Eit prosjekt i programmet: status, eigar, partnarar, finansiering, periode, elementa i programteorien det bidreg til (`contributes`) og relasjonane til andre prosjekt.',
        source: 'Der belegget kjem frå: `source ID kind "title" { date … }`; kjeldetypen (`interview`, `document`, …) står etter ID-en.',
        finding: 'Ein påstand med belegg: `finding ID "claim" { answers … evidence … confidence … }`.',
        criterion: 'Eit eige vurderingskriterium, i tillegg til dei seks DAC-kriteria frå OECD: `criterion ID "title"`.',
        assessment: 'Ei vurdering etter eitt kriterium, basert på funn: `assessment ID "title" { criterion … rating … based-on … }`.',
        recommendation: 'Ei tilråding til aktørar, basert på funn: `recommendation ID "title" { to … priority … based-on … }`.',
        lesson: 'Eit læringspunkt for framtidige satsingar, basert på funn: `lesson ID "title" { based-on … }`.',
        initiative: 'Eit samanliknbart initiativ, nasjonalt eller internasjonalt: `initiative ID "title" { country … url … }`.',
        report: 'Ein leveranse som skal lagast (docx, Markdown, HTML): `report ID "title" { kind … date … cutoff … language … }`.',
        section: 'Ein ekstra del i ein rapport: `section "title" [after SLOT] """text"""` (`after` plasserer han rett etter det kapittelet).',
        table: 'Ein tabell frå ei av CSV-filene til teamet, til rapportar og som belegg: `table ID "title" { from SOURCE  file "data.csv" }`.',
        chart: 'Ein figur frå ei av CSV-filene til teamet, til rapportar og som belegg: `chart ID "title" { from SOURCE  file "data.csv"  kind bar }`.',
        measured: 'Ei måling av indikatoren: `measured DATE VALUE [from SOURCE [at "locator"]]`, så mange gonger som trengst.',
        'follow-up': 'Kva som er gjort med tilrådinga per ein dato: `follow-up DATE STATUS ["response"]`; ein rapport viser den siste oppfølginga som er datert på eller før skjeringsdatoen.'
    },
    properties: {
        Programme: {
            client: 'Aktøren som har bestilt evalueringa (oppdragsgivaren).',
            contract: 'Kontrakten eller konkurransen evalueringa blir gjord under.',
            period: 'Perioden til programmet: `start .. end` (datoar `YYYY-MM-DD`, `YYYY-MM` eller `YYYY`).',
            sdgs: 'Berekraftsmåla til FN, som tal frå 1 til 17.',
            goal: 'Målet til programmet, i éi setning.',
            bibliography: 'Ei BibTeX- eller CSL-JSON-fil (relativt til arbeidsområdet) med nøklane som kjeldene viser til med `cite`.',
            description: 'Ei skildring av programmet (Markdown-tekst).'
        },
        Actor: {
            type: 'Kva slags aktør: `municipality`, `county`, `state`, `research`, `private`, `voluntary`, `association`, `council`, `team`, `group`, `supplier` eller `other`.',
            members: 'Kor mange medlemer aktøren har (ei konfidensiell kjelde frå ei gruppe på færre enn 5 kan identifisere informanten).',
            'part-of': 'Aktøren denne høyrer inn under.'
        },
        Need: { weight: 'Kor tungt behovet veg: `high`, `medium` eller `low`.' },
        Question: { need: 'Behova denne problemstillinga dekkjer.' },
        LogicNode: {
            horizon: 'Når ein ventar endringa: `short`, `medium` eller `long`.',
            sdgs: 'Berekraftsmåla til FN som elementet bidreg til, som tal frå 1 til 17.'
        },
        Assumption: { on: 'Elementet, eller kanten `A -> B`, som føresetnaden gjeld.' },
        Indicator: {
            for: 'Elementet indikatoren måler (berre på øvste nivå i ein programteori).',
            baseline: 'Verdien ved start (utgangsverdien).',
            target: 'Verdien ein tek sikte på (målverdien).',
            unit: 'Eininga for verdiane.'
        },
        Portfolio: {
            challenge: 'Utfordringa porteføljen skal løyse.',
            vision: 'Kva porteføljen vil oppnå.',
            owner: 'Aktøren som eig porteføljen.'
        },
        Project: {
            status: 'Kvar prosjektet står: `idea`, `planned`, `active`, `paused`, `completed` eller `stopped`.',
            owner: 'Aktøren som eig prosjektet.',
            partners: 'Aktørane prosjektet samarbeider med.',
            funding: 'Kven som betaler kor mykje: `actor amount unit` (eining `NOK`, `kNOK` eller `MNOK`), skilde med komma.',
            governance: 'Korleis prosjektet blir styrt.',
            period: 'Perioden til prosjektet: `start .. end`.',
            contributes: 'Elementa i programteorien prosjektet bidreg til (siktlinje).',
            portfolio: 'Porteføljen eit prosjekt på øvste nivå høyrer til.'
        },
        Source: {
            date: 'Når kjelda vart til (datoen for intervjuet eller dokumentet): `YYYY-MM-DD`, `YYYY-MM` eller `YYYY`.',
            role: 'Rolla til informanten (sei kven som snakkar, utan å namngje personen).',
            file: 'Ei fil i arbeidsområdet som inneheld kjelda (eit transkript, eit dokument), relativt til mappa for arbeidsområdet.',
            url: 'Kvar kjelda er publisert.',
            name: 'Namnet på ein person — berre tillate med `consent named`.',
            actor: 'Aktøren kjelda talar for eller kjem frå.',
            access: 'Kven som kan sjå kjelda: `public`, `internal` eller `confidential` (intervju og fokusgrupper er konfidensielle viss ikkje anna er oppgjeve).',
            consent: '`consent named`: personen har sagt ja til å bli namngjeven.',
            origin: 'Kven som har laga kjelda: `programme`, `project` eller `independent` (standard).',
            respondents: 'Talet på svar på spørjeundersøkinga.',
            cite: 'Ein nøkkel i litteraturlista til programmet.'
        },
        Finding: {
            answers: 'Problemstillingane funnet svarar på.',
            evidence: 'Kjeldene påstanden byggjer på: `SOURCE at "locator" quote "verbatim"`, skilde med komma.',
            confidence: 'Kor stor tillit funnet fortener (GRADE-CERQual): `high`, `moderate`, `low` eller `very-low`.',
            concerns: 'Atterhald etter GRADE-CERQual: `component level` (`limitations`, `coherence`, `adequacy`, `relevance` × `none`, `minor`, `moderate`, `serious`).',
            supports: 'Elementa i programteorien eller føresetnadene funnet støttar.',
            challenges: 'Elementa i programteorien eller føresetnadene funnet utfordrar.',
            about: 'Prosjekta, porteføljane, aktørane eller initiativa funnet handlar om.',
            date: 'Når funnet vart gjort; ein rapport utelèt funn som er daterte etter skjeringsdatoen.',
            status: 'Statusen til funnet: `draft`, `confirmed` (standard), `revised` eller `withdrawn`.',
            replaces: 'Det tidlegare funnet som dette reviderer.',
            text: 'Funnet i samanhengande tekst (Markdown, tilvisingar med `@ID`).'
        },
        Evidence: {
            at: 'Kvar i kjelda: ei side, eit tidspunkt, eit avsnitt.',
            quote: 'Eit ordrett sitat frå kjelda.'
        },
        Assessment: {
            criterion: 'Kriteriet: eitt av dei seks DAC-kriteria frå OECD eller eit deklarert `criterion`.',
            rating: 'Vurderinga: `high`, `moderate`, `low` eller `unclear`.',
            'based-on': 'Funna vurderinga byggjer på.',
            text: 'Vurderinga i samanhengande tekst (Markdown, tilvisingar med `@ID`).'
        },
        Recommendation: {
            to: 'Aktørane tilrådinga er retta til.',
            priority: 'Kor viktig ho er: `high`, `medium` eller `low`.',
            horizon: 'Når ho bør følgjast opp: `short`, `medium` eller `long`.',
            'based-on': 'Funna tilrådinga byggjer på.',
            answers: 'Problemstillingane tilrådinga svarar på.',
            status: 'Kva som vart gjort med ho: `proposed`, `accepted`, `rejected` eller `implemented`.',
            response: 'Svaret frå mottakaren.',
            date: 'Når tilrådinga vart gjeven; ein rapport tek ho med når datoen er på eller før skjeringsdatoen.'
        },
        Lesson: { 'based-on': 'Funna læringspunktet byggjer på.' },
        Initiative: { country: 'Landet initiativet høyrer til.', url: 'Kvar ein kan lese om det.' },
        Report: {
            kind: 'Kva slags rapport: `interim` (undervegsnotat), `assessment` (vurderingsgrunnlag) eller `final` (sluttrapport).',
            date: 'Datoen på rapporten.',
            cutoff: 'Skjeringsdatoen, den siste dagen med belegg som kan brukast: funn som er daterte seinare, og funn som viser til seinare kjelder, blir utelatne.',
            language: 'Språket i rapporten: `nb`, `nn` eller `en`.',
            number: 'Nummeret på rapporten i ein serie.',
            authors: 'Forfattarane, som strengar.',
            audience: 'Aktørane rapporten er skriven for.',
            summary: 'Samandraget (Markdown-tekst).',
            introduction: 'Innleiinga (Markdown-tekst).',
            method: 'Metodekapittelet (Markdown-tekst).',
            discussion: 'Drøftinga (Markdown-tekst).',
            conclusion: 'Konklusjonen (Markdown-tekst).',
            institution: 'Institusjonen som gjev ut rapporten (tittelsider).',
            'project-leader': 'Prosjektleiaren som står på tittelsidene.',
            'quality-assurance': 'Kven som har kvalitetssikra rapporten (tittelsider).',
            isbn: 'ISBN-nummeret til rapporten.',
            issn: 'ISSN for serien rapporten høyrer til.',
            keywords: 'Emneord for rapporten, som strengar.',
            preface: 'Føreordet (Markdown-tekst).',
            'summary-en': 'Eit engelsk samandrag av ein norsk rapport (Markdown-tekst).'
        },
        Section: { after: 'Kapittelet delen kjem etter: `summary`, `introduction`, `method`, `programme`, `findings`, `assessment` eller `recommendations`.' },
        Table: {
            from: 'Kjeldene dataa i tabellen kjem frå (påkravd).',
            file: 'CSV-fila, inne i arbeidsområdet (påkravd).',
            note: 'Ein merknad som blir skriven under tabellen.',
            unit: 'Eininga for verdiane.',
            counts: 'Namnet på kolonnen med tala.'
        },
        Chart: {
            from: 'Kjeldene dataa i figuren kjem frå (påkravd).',
            file: 'CSV-fila, inne i arbeidsområdet (påkravd).',
            note: 'Ein merknad som blir skriven under figuren.',
            unit: 'Eininga for verdiane.',
            kind: 'Figurtypen: `bar` (standard) eller `line`.'
        }
    },
    enumerations: {
        ActorType: {
            name: 'aktørtype',
            values: {
                municipality: 'ein kommune', county: 'ein fylkeskommune', state: 'ein statleg aktør', research: 'eit forskingsmiljø',
                private: 'ei privat verksemd', voluntary: 'ein frivillig organisasjon', association: 'ein interesseorganisasjon',
                council: 'eit råd', team: 'eit team', group: 'ei gruppe', supplier: 'ein leverandør', other: 'ein annan type aktør'
            }
        },
        SourceKind: {
            name: 'kjeldetype',
            values: {
                interview: 'eit intervju med éin informant (konfidensielt viss ikkje anna er oppgjeve)',
                'focus-group': 'ei fokusgruppe: fleire informantar som snakkar saman (konfidensiell viss ikkje anna er oppgjeve)',
                document: 'eit dokument', observation: 'ein observasjon (eit møte, eit feltbesøk)', survey: 'ei spørjeundersøking',
                workshop: 'ein verkstad', literature: 'publisert litteratur', dataset: 'eit datasett'
            }
        },
        Origin: {
            name: 'opphav',
            note: 'eigenrapporterte kjelder (`programme`, `project`) kan ikkje åleine vise at ein effekt er oppnådd',
            values: { programme: 'laga av programmet sjølv', project: 'laga av eitt av prosjekta', independent: 'laga uavhengig av programmet (standard)' }
        },
        Access: {
            name: 'tilgang',
            values: { public: 'alle kan sjå ho', internal: 'programmet kan sjå ho', confidential: 'berre evaluatorane (standard for intervju og fokusgrupper)' }
        },
        ProjectStatus: {
            name: 'prosjektstatus',
            values: { idea: 'ein idé', planned: 'planlagt', active: 'i gang', paused: 'sett på pause', completed: 'avslutta', stopped: 'stansa før det var fullført' }
        },
        FindingStatus: {
            name: 'funnstatus',
            values: {
                draft: 'gjeld ikkje enno (blir utelate i rapportar)', confirmed: 'gjeld (standard)',
                revised: 'gjeld, revidert', withdrawn: 'trekt tilbake; skal ikkje siterast'
            }
        },
        Confidence: {
            name: 'tillit', note: 'GRADE-CERQual',
            values: {
                high: 'det er svært sannsynleg at funnet gir eit rimeleg bilete av forholdet det skildrar (krev to eller fleire kjeldetypar)',
                moderate: 'det er sannsynleg at funnet gir eit rimeleg bilete av forholdet det skildrar',
                low: 'det er mogleg at funnet gir eit rimeleg bilete av forholdet det skildrar',
                'very-low': 'det er uklart om funnet gir eit rimeleg bilete av forholdet det skildrar'
            }
        },
        ConcernLevel: {
            name: 'atterhaldsnivå', note: 'GRADE-CERQual',
            values: { none: 'ingen atterhald', minor: 'små atterhald', moderate: 'moderate atterhald', serious: 'alvorlege atterhald' }
        },
        ConcernComponent: {
            name: 'atterhaldstype', note: 'GRADE-CERQual',
            values: {
                limitations: 'metodiske avgrensingar ved kjeldene', coherence: 'kor godt dataa stemmer med funnet',
                adequacy: 'kor rike og tilstrekkelege dataa er', relevance: 'kor godt dataa dekkjer problemstillinga'
            }
        },
        DacCriterion: {
            name: 'DAC-kriterium', note: 'OECD DAC 2019',
            values: {
                relevance: 'gjer programmet dei rette tinga?', coherence: 'kor godt passar det saman med andre tiltak?',
                effectiveness: 'når programmet måla sine?', efficiency: 'kor godt blir ressursane brukte?',
                impact: 'kva skilnad gjer programmet?', sustainability: 'vil gevinstane vare?'
            }
        },
        Rating: {
            name: 'vurdering',
            values: { high: 'høg', moderate: 'moderat', low: 'låg', unclear: 'belegget gir ikkje grunnlag for ei vurdering' }
        },
        Priority: { name: 'prioritet', values: { high: 'høg', medium: 'middels', low: 'låg' } },
        Horizon: { name: 'tidshorisont', values: { short: 'kort sikt', medium: 'mellomlang sikt', long: 'lang sikt' } },
        RecommendationStatus: {
            name: 'tilrådingsstatus',
            values: { proposed: 'føreslått (standard)', accepted: 'vedteken av mottakaren', rejected: 'avvist av mottakaren', implemented: 'gjennomført' }
        },
        ReportKind: {
            name: 'rapporttype',
            values: { interim: 'eit undervegsnotat', assessment: 'eit vurderingsgrunnlag (krev samandrag og alle DAC-kriteria)', final: 'sluttrapporten (krev samandrag og alle DAC-kriteria)' }
        },
        Language: { name: 'språk', values: { nb: 'norsk bokmål', nn: 'norsk nynorsk', en: 'engelsk' } },
        MoneyUnit: { name: 'pengeeining', values: { NOK: 'norske kroner', kNOK: 'tusen kroner', MNOK: 'millionar kroner' } },
        ChartKind: { name: 'figurtype', values: { bar: 'søyler (standard)', line: 'ei linje' } },
        SectionSlot: {
            name: 'plassering',
            values: {
                summary: 'etter samandraget', introduction: 'etter innleiinga', method: 'etter metodekapittelet',
                programme: 'etter skildringa av programmet', findings: 'etter funna', assessment: 'etter vurderinga',
                recommendations: 'etter tilrådingane'
            }
        },
        RelationKind: {
            name: 'relasjon mellom prosjekt',
            values: {
                synergy: 'prosjekta styrkjer kvarandre: `synergy PROJECT "note"`',
                'depends-on': 'dette prosjektet er avhengig av det andre: `depends-on PROJECT`',
                'shares-resource': 'prosjekta deler ein ressurs: `shares-resource PROJECT "note"`',
                'conflicts-with': 'prosjekta dreg i ulike retningar: `conflicts-with PROJECT "note"`'
            }
        }
    }
};
