import type { KeywordDocs } from '../lsp/prog-keyword-docs.js';

/**
 * Bokmål: what each keyword and value means (the hovers on keywords and values), key for
 * key as the English tables in lsp/prog-keyword-docs.ts. Terms as in messages-nb.ts and the
 * bokmål reports: funn, kilde, belegg, tillit, vurdering, anbefaling, læringspunkt,
 * problemstilling, programteori, innsatsfaktor/aktivitet/resultat/effekt/samfunnseffekt,
 * forutsetning, forbehold, skjæringsdato. Code in backticks stays as written in `.prog`
 * files (test/language/l10n.test.ts checks that every text keeps the English one's spans).
 */
export const KEYWORD_DOCS_NB: KeywordDocs = {
    elements: {
        programme: 'Programmet som evalueres — nøyaktig ett per arbeidsområde: `programme ID "title" { client … period … goal … }`.',
        actor: 'En organisasjon, gruppe eller instans som deltar: `actor ID "name" { type … members … part-of … }`.',
        need: 'Et behov hos oppdragsgiveren som evalueringen skal dekke: `need ID "title" { weight … }`.',
        question: 'En problemstilling i evalueringen; funn svarer på den (`answers`): `question ID "text?" { need … }`.',
        logic: 'Programteorien (endringsteorien): elementer på fem nivåer (`input` → `activity` → `output` → `outcome` → `impact`), kjeder `A -> B`, forutsetninger og indikatorer.',
        input: 'Et element i programteorien på laveste nivå (innsatsfaktor): ressursene som settes inn i programmet (penger, folk, mandat).',
        activity: 'Et element i programteorien (aktivitet): det programmet gjør med innsatsfaktorene.',
        output: 'Et element i programteorien (resultat): det aktivitetene direkte leverer.',
        outcome: 'Et element i programteorien (effekt): en endring programmet vil oppnå hos dem det når (trenger en `indicator` og belegg).',
        impact: 'Et element i programteorien på høyeste nivå (samfunnseffekt): den varige endringen i samfunnet som programmet bidrar til (trenger en `indicator` og belegg).',
        assumption: 'En forutsetning som programteorien bygger på, for et element eller en kant (`on A -> B`); funn støtter den (`supports`) eller utfordrer den (`challenges`).',
        indicator: 'Hvordan et element måles: `indicator ID "title" { baseline … target … unit "…" }` (inne i elementet, eller med `for NODE` på øverste nivå i en programteori).',
        portfolio: 'En gruppe prosjekter med en felles utfordring: `portfolio ID "title" { challenge … vision … owner … project … }`.',
        project: 'Et prosjekt i programmet: status, eier, partnere, finansiering, periode, elementene i programteorien det bidrar til (`contributes`) og relasjonene til andre prosjekter.',
        source: 'Der belegget kommer fra: `source ID kind "title" { date … }`; kildetypen (`interview`, `document`, …) står etter ID-en.',
        finding: 'En påstand med belegg: `finding ID "claim" { answers … evidence … confidence … }`.',
        criterion: 'Et eget vurderingskriterium, i tillegg til de seks DAC-kriteriene fra OECD: `criterion ID "title"`.',
        assessment: 'En vurdering etter ett kriterium, basert på funn: `assessment ID "title" { criterion … rating … based-on … }`.',
        recommendation: 'En anbefaling til aktører, basert på funn: `recommendation ID "title" { to … priority … based-on … }`.',
        lesson: 'Et læringspunkt for framtidige satsinger, basert på funn: `lesson ID "title" { based-on … }`.',
        initiative: 'Et sammenlignbart initiativ, nasjonalt eller internasjonalt: `initiative ID "title" { country … url … }`.',
        report: 'En leveranse som skal lages (docx, Markdown, HTML): `report ID "title" { kind … date … cutoff … language … }`.',
        section: 'En ekstra del i en rapport: `section "title" [after SLOT] """text"""` (`after` plasserer den rett etter det kapitlet).',
        table: 'En tabell fra en av teamets CSV-filer, til rapporter og som belegg: `table ID "title" { from SOURCE  file "data.csv" }`.',
        chart: 'En figur fra en av teamets CSV-filer, til rapporter og som belegg: `chart ID "title" { from SOURCE  file "data.csv"  kind bar }`.',
        measured: 'En måling av indikatoren: `measured DATE VALUE [from SOURCE [at "locator"]]`, så mange ganger som trengs.',
        'follow-up': 'Hva som er gjort med anbefalingen per en dato: `follow-up DATE STATUS ["response"]`; en rapport viser den siste oppfølgingen som er datert på eller før skjæringsdatoen.'
    },
    properties: {
        Programme: {
            client: 'Aktøren som har bestilt evalueringen (oppdragsgiveren).',
            contract: 'Kontrakten eller konkurransen evalueringen gjøres under.',
            period: 'Programmets periode: `start .. end` (datoer `YYYY-MM-DD`, `YYYY-MM` eller `YYYY`).',
            sdgs: 'FNs bærekraftsmål, som tall fra 1 til 17.',
            goal: 'Programmets mål, i én setning.',
            bibliography: 'En BibTeX- eller CSL-JSON-fil (relativt til arbeidsområdet) med nøklene som kildene viser til med `cite`.',
            description: 'En beskrivelse av programmet (Markdown-tekst).'
        },
        Actor: {
            type: 'Hva slags aktør: `municipality`, `county`, `state`, `research`, `private`, `voluntary`, `association`, `council`, `team`, `group`, `supplier` eller `other`.',
            members: 'Hvor mange medlemmer aktøren har (en konfidensiell kilde fra en gruppe på færre enn 5 kan identifisere informanten).',
            'part-of': 'Aktøren denne hører inn under.'
        },
        Need: { weight: 'Hvor tungt behovet veier: `high`, `medium` eller `low`.' },
        Question: { need: 'Behovene denne problemstillingen dekker.' },
        LogicNode: {
            horizon: 'Når endringen ventes: `short`, `medium` eller `long`.',
            sdgs: 'FNs bærekraftsmål elementet bidrar til, som tall fra 1 til 17.'
        },
        Assumption: { on: 'Elementet, eller kanten `A -> B`, forutsetningen gjelder.' },
        Indicator: {
            for: 'Elementet indikatoren måler (bare på øverste nivå i en programteori).',
            baseline: 'Verdien ved start (utgangsverdien).',
            target: 'Verdien en tar sikte på (målverdien).',
            unit: 'Enheten for verdiene.'
        },
        Portfolio: {
            challenge: 'Utfordringen porteføljen skal løse.',
            vision: 'Hva porteføljen vil oppnå.',
            owner: 'Aktøren som eier porteføljen.'
        },
        Project: {
            status: 'Hvor prosjektet står: `idea`, `planned`, `active`, `paused`, `completed` eller `stopped`.',
            owner: 'Aktøren som eier prosjektet.',
            partners: 'Aktørene prosjektet samarbeider med.',
            funding: 'Hvem som betaler hvor mye: `actor amount unit` (enhet `NOK`, `kNOK` eller `MNOK`), skilt med komma.',
            governance: 'Hvordan prosjektet styres.',
            period: 'Prosjektets periode: `start .. end`.',
            contributes: 'Elementene i programteorien prosjektet bidrar til (siktlinje).',
            portfolio: 'Porteføljen et prosjekt på øverste nivå hører til.'
        },
        Source: {
            date: 'Når kilden ble til (datoen for intervjuet eller dokumentet): `YYYY-MM-DD`, `YYYY-MM` eller `YYYY`.',
            role: 'Informantens rolle (si hvem som snakker, uten å navngi personen).',
            file: 'En fil i arbeidsområdet som inneholder kilden (et transkript, et dokument), relativt til arbeidsområdets mappe.',
            url: 'Hvor kilden er publisert.',
            name: 'Navnet på en person — bare tillatt med `consent named`.',
            actor: 'Aktøren kilden taler for eller kommer fra.',
            access: 'Hvem som kan se kilden: `public`, `internal` eller `confidential` (intervjuer og fokusgrupper er konfidensielle hvis ikke annet er oppgitt).',
            consent: '`consent named`: personen har sagt ja til å bli navngitt.',
            origin: 'Hvem som har laget kilden: `programme`, `project` eller `independent` (standard).',
            respondents: 'Antall svar på spørreundersøkelsen.',
            cite: 'En nøkkel i programmets litteraturliste.'
        },
        Finding: {
            answers: 'Problemstillingene funnet svarer på.',
            evidence: 'Kildene påstanden bygger på: `SOURCE at "locator" quote "verbatim"`, skilt med komma.',
            confidence: 'Hvor stor tillit funnet fortjener (GRADE-CERQual): `high`, `moderate`, `low` eller `very-low`.',
            concerns: 'Forbehold etter GRADE-CERQual: `component level` (`limitations`, `coherence`, `adequacy`, `relevance` × `none`, `minor`, `moderate`, `serious`).',
            supports: 'Elementene i programteorien eller forutsetningene funnet støtter.',
            challenges: 'Elementene i programteorien eller forutsetningene funnet utfordrer.',
            about: 'Prosjektene, porteføljene, aktørene eller initiativene funnet handler om.',
            date: 'Når funnet ble gjort; en rapport utelater funn som er datert etter skjæringsdatoen.',
            status: 'Funnets status: `draft`, `confirmed` (standard), `revised` eller `withdrawn`.',
            replaces: 'Det tidligere funnet som dette reviderer.',
            text: 'Funnet i løpende tekst (Markdown, henvisninger med `@ID`).'
        },
        Evidence: {
            at: 'Hvor i kilden: en side, et tidspunkt, et avsnitt.',
            quote: 'Et ordrett sitat fra kilden.'
        },
        Assessment: {
            criterion: 'Kriteriet: ett av de seks DAC-kriteriene fra OECD eller et deklarert `criterion`.',
            rating: 'Vurderingen: `high`, `moderate`, `low` eller `unclear`.',
            'based-on': 'Funnene vurderingen bygger på.',
            text: 'Vurderingen i løpende tekst (Markdown, henvisninger med `@ID`).'
        },
        Recommendation: {
            to: 'Aktørene anbefalingen er rettet til.',
            priority: 'Hvor viktig den er: `high`, `medium` eller `low`.',
            horizon: 'Når den bør følges opp: `short`, `medium` eller `long`.',
            'based-on': 'Funnene anbefalingen bygger på.',
            answers: 'Problemstillingene anbefalingen svarer på.',
            status: 'Hva som ble gjort med den: `proposed`, `accepted`, `rejected` eller `implemented`.',
            response: 'Mottakerens svar.',
            date: 'Når anbefalingen ble gitt; en rapport tar den med når datoen er på eller før skjæringsdatoen.'
        },
        Lesson: { 'based-on': 'Funnene læringspunktet bygger på.' },
        Initiative: { country: 'Landet initiativet hører til.', url: 'Hvor en kan lese om det.' },
        Report: {
            kind: 'Hva slags rapport: `interim` (underveisnotat), `assessment` (vurderingsgrunnlag) eller `final` (sluttrapport).',
            date: 'Rapportens dato.',
            cutoff: 'Skjæringsdatoen, den siste dagen med belegg som kan brukes: funn som er datert senere, og funn som viser til senere kilder, blir utelatt.',
            language: 'Rapportens språk: `nb`, `nn` eller `en`.',
            number: 'Rapportens nummer i en serie.',
            authors: 'Forfatterne, som strenger.',
            audience: 'Aktørene rapporten er skrevet for.',
            summary: 'Sammendraget (Markdown-tekst).',
            introduction: 'Innledningen (Markdown-tekst).',
            method: 'Metodekapitlet (Markdown-tekst).',
            discussion: 'Drøftingen (Markdown-tekst).',
            conclusion: 'Konklusjonen (Markdown-tekst).',
            institution: 'Institusjonen som utgir rapporten (tittelsider).',
            'project-leader': 'Prosjektlederen som står på tittelsidene.',
            'quality-assurance': 'Hvem som har kvalitetssikret rapporten (tittelsider).',
            isbn: 'Rapportens ISBN.',
            issn: 'ISSN for serien rapporten hører til.',
            keywords: 'Emneord for rapporten, som strenger.',
            preface: 'Forordet (Markdown-tekst).',
            'summary-en': 'Et engelsk sammendrag av en norsk rapport (Markdown-tekst).'
        },
        Section: { after: 'Kapitlet delen kommer etter: `summary`, `introduction`, `method`, `programme`, `findings`, `assessment` eller `recommendations`.' },
        Table: {
            from: 'Kildene dataene i tabellen kommer fra (påkrevd).',
            file: 'CSV-filen, inne i arbeidsområdet (påkrevd).',
            note: 'En merknad som skrives under tabellen.',
            unit: 'Enheten for verdiene.',
            counts: 'Navnet på kolonnen med antallene.'
        },
        Chart: {
            from: 'Kildene dataene i figuren kommer fra (påkrevd).',
            file: 'CSV-filen, inne i arbeidsområdet (påkrevd).',
            note: 'En merknad som skrives under figuren.',
            unit: 'Enheten for verdiene.',
            kind: 'Figurtypen: `bar` (standard) eller `line`.'
        }
    },
    enumerations: {
        ActorType: {
            name: 'aktørtype',
            values: {
                municipality: 'en kommune', county: 'en fylkeskommune', state: 'en statlig aktør', research: 'et forskningsmiljø',
                private: 'en privat virksomhet', voluntary: 'en frivillig organisasjon', association: 'en interesseorganisasjon',
                council: 'et råd', team: 'et team', group: 'en gruppe', supplier: 'en leverandør', other: 'en annen type aktør'
            }
        },
        SourceKind: {
            name: 'kildetype',
            values: {
                interview: 'et intervju med én informant (konfidensielt hvis ikke annet er oppgitt)',
                'focus-group': 'en fokusgruppe: flere informanter som snakker sammen (konfidensiell hvis ikke annet er oppgitt)',
                document: 'et dokument', observation: 'en observasjon (et møte, et feltbesøk)', survey: 'en spørreundersøkelse',
                workshop: 'et verksted', literature: 'publisert litteratur', dataset: 'et datasett'
            }
        },
        Origin: {
            name: 'opphav',
            note: 'egenrapporterte kilder (`programme`, `project`) kan ikke alene vise at en effekt er oppnådd',
            values: { programme: 'laget av programmet selv', project: 'laget av et av prosjektene', independent: 'laget uavhengig av programmet (standard)' }
        },
        Access: {
            name: 'tilgang',
            values: { public: 'alle kan se den', internal: 'programmet kan se den', confidential: 'bare evaluatorene (standard for intervjuer og fokusgrupper)' }
        },
        ProjectStatus: {
            name: 'prosjektstatus',
            values: { idea: 'en idé', planned: 'planlagt', active: 'i gang', paused: 'satt på pause', completed: 'avsluttet', stopped: 'stanset før det var fullført' }
        },
        FindingStatus: {
            name: 'funnstatus',
            values: {
                draft: 'gjelder ikke ennå (utelates i rapporter)', confirmed: 'gjelder (standard)',
                revised: 'gjelder, revidert', withdrawn: 'trukket tilbake; skal ikke siteres'
            }
        },
        Confidence: {
            name: 'tillit', note: 'GRADE-CERQual',
            values: {
                high: 'det er svært sannsynlig at funnet gir et rimelig bilde av forholdet det beskriver (krever to eller flere kildetyper)',
                moderate: 'det er sannsynlig at funnet gir et rimelig bilde av forholdet det beskriver',
                low: 'det er mulig at funnet gir et rimelig bilde av forholdet det beskriver',
                'very-low': 'det er uklart om funnet gir et rimelig bilde av forholdet det beskriver'
            }
        },
        ConcernLevel: {
            name: 'forbeholdsnivå', note: 'GRADE-CERQual',
            values: { none: 'ingen forbehold', minor: 'små forbehold', moderate: 'moderate forbehold', serious: 'alvorlige forbehold' }
        },
        ConcernComponent: {
            name: 'forbeholdstype', note: 'GRADE-CERQual',
            values: {
                limitations: 'metodiske begrensninger ved kildene', coherence: 'hvor godt dataene stemmer med funnet',
                adequacy: 'hvor rike og tilstrekkelige dataene er', relevance: 'hvor godt dataene dekker problemstillingen'
            }
        },
        DacCriterion: {
            name: 'DAC-kriterium', note: 'OECD DAC 2019',
            values: {
                relevance: 'gjør programmet de riktige tingene?', coherence: 'hvor godt passer det sammen med andre tiltak?',
                effectiveness: 'når programmet sine mål?', efficiency: 'hvor godt brukes ressursene?',
                impact: 'hvilken forskjell gjør programmet?', sustainability: 'vil gevinstene vare?'
            }
        },
        Rating: {
            name: 'vurdering',
            values: { high: 'høy', moderate: 'moderat', low: 'lav', unclear: 'belegget gir ikke grunnlag for en vurdering' }
        },
        Priority: { name: 'prioritet', values: { high: 'høy', medium: 'middels', low: 'lav' } },
        Horizon: { name: 'tidshorisont', values: { short: 'kort sikt', medium: 'mellomlang sikt', long: 'lang sikt' } },
        RecommendationStatus: {
            name: 'anbefalingsstatus',
            values: { proposed: 'foreslått (standard)', accepted: 'vedtatt av mottakeren', rejected: 'avvist av mottakeren', implemented: 'gjennomført' }
        },
        ReportKind: {
            name: 'rapporttype',
            values: { interim: 'et underveisnotat', assessment: 'et vurderingsgrunnlag (krever sammendrag og alle DAC-kriteriene)', final: 'sluttrapporten (krever sammendrag og alle DAC-kriteriene)' }
        },
        Language: { name: 'språk', values: { nb: 'norsk bokmål', nn: 'norsk nynorsk', en: 'engelsk' } },
        MoneyUnit: { name: 'pengeenhet', values: { NOK: 'norske kroner', kNOK: 'tusen kroner', MNOK: 'millioner kroner' } },
        ChartKind: { name: 'figurtype', values: { bar: 'søyler (standard)', line: 'en linje' } },
        SectionSlot: {
            name: 'plassering',
            values: {
                summary: 'etter sammendraget', introduction: 'etter innledningen', method: 'etter metodekapitlet',
                programme: 'etter beskrivelsen av programmet', findings: 'etter funnene', assessment: 'etter vurderingen',
                recommendations: 'etter anbefalingene'
            }
        },
        RelationKind: {
            name: 'relasjon mellom prosjekter',
            values: {
                synergy: 'prosjektene forsterker hverandre: `synergy PROJECT "note"`',
                'depends-on': 'dette prosjektet er avhengig av det andre: `depends-on PROJECT`',
                'shares-resource': 'prosjektene deler en ressurs: `shares-resource PROJECT "note"`',
                'conflicts-with': 'prosjektene trekker i ulike retninger: `conflicts-with PROJECT "note"`'
            }
        }
    }
};
