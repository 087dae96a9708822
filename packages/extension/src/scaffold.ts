/**
 * The files of a new Sporbar workspace ("Sporbar: New workspace"): a small model that
 * validates without errors and shows every main concept once — programme, actors, needs
 * and questions, a programme logic, sources, findings, an assessment and a report.
 * Pure (no editor API) so that tests can write it and run `sporbar validate` on it.
 */
export interface ScaffoldOptions {
    /** The programme's title. */
    title: string;
    /** Today as `YYYY-MM-DD` (source and finding dates are set before it). */
    today: string;
}

/** Relative path → content. */
export type ScaffoldFiles = Record<string, string>;

function quote(text: string): string {
    return `"${text.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function shiftDays(date: string, days: number): string {
    const d = new Date(`${date}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
}

export function scaffoldWorkspace(options: ScaffoldOptions): ScaffoldFiles {
    const title = options.title.trim() || 'Mitt program';
    const today = /^\d{4}-\d{2}-\d{2}$/.test(options.today) ? options.today : new Date().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const interview = shiftDays(today, -30);
    const survey = shiftDays(today, -20);
    const finding = shiftDays(today, -10);
    const cutoff = shiftDays(today, -5);
    return {
        'programme.prog': `// Programmet, oppdragsgiveren og behovene følgeforskningen skal dekke.
// Språket er beskrevet i LANGUAGE.md; skriv et ord som \`finding\` og trykk Tab for en mal.

programme Program ${quote(title)} {
    client Oppdragsgiver
    period ${year - 1}-01 .. ${year + 1}-12
    goal "Beskriv programmets overordnede mål her"
    description """
        Kort beskrivelse av programmet: bakgrunn, organisering og hva det skal oppnå.
    """
    ethics """
        Behandlingen av personopplysninger er meldt til Sikt. Informantene har gitt informert
        samtykke; lydopptak lagres kryptert og slettes ved prosjektslutt.
    """
    data-deletion ${year + 2}-06-30
}

actor Oppdragsgiver "Oppdragsgiveren" { type association }
actor Styringsgruppe "Programmets styringsgruppe" { type council  part-of Oppdragsgiver }
actor Kommune "Deltakende kommune" { type municipality }
`,
        'questions.prog': `// Oppdragsgiverens behov og problemstillingene som besvarer dem.

need Læring "Læring og justering underveis i programmet" { weight high }
need Videreføring "Grunnlag for å vurdere videreføring" { weight medium }

question q1 "Bidrar programmet til nye samarbeidsformer?" { need Læring, Videreføring }
question q2 "Hva hemmer og fremmer gjennomføringen?" { need Læring }
`,
        'logic.prog': `// Programteorien: fra ressurser til samfunnseffekt.

logic Programteori "Programteori" {
    input Midler "Midler og kompetanse i programmet"
    activity Samlinger "Samlinger og nettverk for deltakerne"
    output Nettverk "Et aktivt nettverk av kommuner" {
        indicator Deltakere "Kommuner som deltar i nettverket" { baseline 0  target 10  unit "kommuner" }
    }
    outcome Samarbeid "Nye samarbeidsformer mellom kommunene" {
        horizon medium
        indicator Avtaler "Inngåtte samarbeidsavtaler" { baseline 0  target 3  unit "avtaler" }
    }

    Midler -> Samlinger -> Nettverk -> Samarbeid

    assumption Deltakelse "Kommunene prioriterer å delta" { on Samlinger -> Nettverk }
}
`,
        'sources.prog': `// Kildene: hvor bevisene kommer fra. Intervjuer er konfidensielle med mindre annet står.

source I1 interview "Intervju med prosjektleder i kommunen" {
    date ${interview}
    role "Prosjektleder"
    actor Kommune
}
source S1 survey "Spørreundersøkelse til deltakerne" { date ${survey}  respondents 24 }
`,
        'findings.prog': `// Funnene: påstander med belegg. Hvert funn svarer på problemstillinger og peker på kildene sine.

finding F1 "Deltakerne samarbeider mer på tvers av kommunene" {
    answers q1, q2
    evidence I1 quote "Vi ringer hverandre nå, det gjorde vi ikke før",
             S1 at "spørsmål 3"
    confidence moderate
    supports Samarbeid, Deltakelse
    date ${finding}
    text """
        Både intervjuet (@I1) og spørreundersøkelsen (@S1) viser mer samarbeid
        mellom kommunene etter samlingene.
    """
}

assessment VRelevans "Relevans" {
    criterion relevance
    rating high
    based-on F1
    text """ Programmet svarer på et behov kommunene selv har pekt på (@F1). """
}

recommendation R1 "Fortsette samlingene for deltakerne" {
    to Styringsgruppe
    priority high
    horizon short
    based-on F1
    answers q1
}
`,
        'reports.prog': `// Leveransene. Kjør «Sporbar: Generate report…» for å lage docx, Markdown eller HTML.

report Underveisnotat "Underveisnotat" {
    kind interim
    date ${today}
    cutoff ${cutoff}
    language nb
    authors "Følgeforskningsteamet"
    audience Styringsgruppe
    summary """ Deltakerne samarbeider mer på tvers av kommunene (@F1). Vi anbefaler å fortsette samlingene (@R1). """
    method """ Ett intervju og én spørreundersøkelse blant deltakerne. """
}
`,
        '.vscode/tasks.json': JSON.stringify({
            version: '2.0.0',
            tasks: [{
                label: 'sporbar validate',
                type: 'shell',
                command: 'npx',
                args: ['--no-install', 'sporbar', 'validate', '.'],
                problemMatcher: '$sporbar',
                group: 'build'
            }]
        }, null, 4) + '\n'
    };
}
