/**
 * The files of a new Sporbar workspace — written by `sporbar init` and by the editor's
 * "Sporbar: New workspace": a small model that validates without errors or warnings,
 * generates a report, and shows every main concept once (programme, actors, needs and
 * questions, a programme logic, sources, a finding, an assessment, a recommendation and a
 * report), commented in the chosen language (bokmål, nynorsk or English).
 *
 * Pure: returns relative paths and texts; the caller writes them. Imported through
 * `@sporbar/language/scaffold`, which loads nothing else of the language.
 */
import { today as todayOf } from './prog-dates.js';

export type ScaffoldLanguage = 'nb' | 'nn' | 'en';
export const SCAFFOLD_LANGUAGES: readonly ScaffoldLanguage[] = ['nb', 'nn', 'en'];

export interface ScaffoldOptions {
    /** The programme's title (default: "Mitt program" / "My programme"). */
    readonly title?: string;
    /** Today as `YYYY-MM-DD` (sources and the finding are dated before it); default: `today()`. */
    readonly today?: string;
    /** The language of the comments, titles and report (default nb). */
    readonly language?: ScaffoldLanguage;
}

/** Relative path → content. */
export type ScaffoldFiles = Record<string, string>;

/** What differs between the languages: comments, titles, IDs of the example model. */
interface Texts {
    readonly defaultTitle: string;
    readonly programmeComment: readonly string[];
    readonly goal: string;
    readonly description: string;
    /** The research-ethics statement (`ethics`): the interview makes the workspace hold personal data. */
    readonly ethics: string;
    readonly client: readonly [id: string, title: string];
    readonly board: readonly [id: string, title: string];
    readonly municipality: readonly [id: string, title: string];
    readonly questionsComment: readonly string[];
    readonly needs: readonly [readonly [id: string, title: string], readonly [id: string, title: string]];
    readonly questions: readonly [string, string];
    readonly logicComment: readonly string[];
    readonly logicTitle: readonly [id: string, title: string];
    readonly nodes: { readonly input: readonly [string, string]; readonly activity: readonly [string, string]; readonly output: readonly [string, string]; readonly outcome: readonly [string, string] };
    readonly indicators: { readonly output: readonly [string, string, string]; readonly outcome: readonly [string, string, string] };
    readonly assumption: readonly [id: string, title: string];
    readonly sourcesComment: readonly string[];
    readonly interview: readonly [title: string, role: string];
    readonly survey: string;
    readonly findingsComment: readonly string[];
    readonly finding: readonly [title: string, quote: string, at: string, text: string];
    readonly assessment: readonly [title: string, text: string];
    readonly recommendation: string;
    readonly reportsComment: readonly string[];
    readonly report: readonly [id: string, title: string, authors: string, summary: string, method: string];
}

const TEXTS: Record<ScaffoldLanguage, Texts> = {
    nb: {
        defaultTitle: 'Mitt program',
        programmeComment: [
            'En Sporbar-arbeidsflate: alle .prog-filer i mappen er én modell. Filene kan deles og navngis fritt.',
            'Sjekk modellen med `sporbar validate .` og lag rapporten med `sporbar report . --format docx`.',
            'Språkreferansen åpnes med kommandoen «Sporbar: Open language reference» i VS Code,',
            'eller med lenken i hjelpeteksten på et nøkkelord. Linjer som begynner med // er kommentarer.',
            '',
            'Programmet, oppdragsgiveren og aktørene.'
        ],
        goal: 'Beskriv programmets overordnede mål her',
        description: 'Kort beskrivelse av programmet: bakgrunn, organisering og hva det skal oppnå.',
        ethics: 'Behandlingen av personopplysninger er meldt til Sikt. Informantene har gitt informert\n        samtykke; lydopptak lagres kryptert og slettes ved prosjektslutt.',
        client: ['Oppdragsgiver', 'Oppdragsgiveren'],
        board: ['Styringsgruppe', 'Programmets styringsgruppe'],
        municipality: ['Kommune', 'Deltakende kommune'],
        questionsComment: ['Oppdragsgiverens behov, og problemstillingene som besvarer dem. Hver problemstilling peker på behovene sine.'],
        needs: [['Læring', 'Læring og justering underveis i programmet'], ['Videreføring', 'Grunnlag for å vurdere videreføring']],
        questions: ['Bidrar programmet til nye samarbeidsformer?', 'Hva hemmer og fremmer gjennomføringen?'],
        logicComment: [
            'Programteorien: fra ressurser (input) via aktiviteter og resultater (output) til virkninger (outcome).',
            'Kjeden `A -> B -> C` tegner pilene; en forutsetning sitter på en pil eller et ledd.'
        ],
        logicTitle: ['Programteori', 'Programteori'],
        nodes: {
            input: ['Midler', 'Midler og kompetanse i programmet'],
            activity: ['Samlinger', 'Samlinger og nettverk for deltakerne'],
            output: ['Nettverk', 'Et aktivt nettverk av kommuner'],
            outcome: ['Samarbeid', 'Nye samarbeidsformer mellom kommunene']
        },
        indicators: {
            output: ['Deltakere', 'Kommuner som deltar i nettverket', 'kommuner'],
            outcome: ['Avtaler', 'Inngåtte samarbeidsavtaler', 'avtaler']
        },
        assumption: ['Deltakelse', 'Kommunene prioriterer å delta'],
        sourcesComment: ['Kildene: hvor bevisene kommer fra. Intervjuer er konfidensielle med mindre annet står.'],
        interview: ['Intervju med prosjektleder i kommunen', 'Prosjektleder'],
        survey: 'Spørreundersøkelse til deltakerne',
        findingsComment: [
            'Funnene: påstander med belegg. Hvert funn svarer på problemstillinger og peker på kildene sine;',
            'vurderinger og anbefalinger bygger på funnene.'
        ],
        finding: ['Deltakerne samarbeider mer på tvers av kommunene', 'Vi ringer hverandre nå, det gjorde vi ikke før', 'spørsmål 3',
            'Både intervjuet (@I1) og spørreundersøkelsen (@S1) viser mer samarbeid\n        mellom kommunene etter samlingene.'],
        assessment: ['Relevans', 'Programmet svarer på et behov kommunene selv har pekt på (@F1).'],
        recommendation: 'Fortsette samlingene for deltakerne',
        reportsComment: ['Leveransene. `sporbar report . --format docx` (eller «Sporbar: Generate report…» i VS Code) lager rapporten.'],
        report: ['Underveisnotat', 'Underveisnotat', 'Følgeforskningsteamet',
            'Deltakerne samarbeider mer på tvers av kommunene (@F1). Vi anbefaler å fortsette samlingene (@R1).',
            'Ett intervju og én spørreundersøkelse blant deltakerne.']
    },
    nn: {
        defaultTitle: 'Programmet mitt',
        programmeComment: [
            'Ei Sporbar-arbeidsflate: alle .prog-filene i mappa er éin modell. Filene kan delast og namngjevast fritt.',
            'Sjekk modellen med `sporbar validate .` og lag rapporten med `sporbar report . --format docx`.',
            'Språkreferansen opnar du med kommandoen «Sporbar: Open language reference» i VS Code,',
            'eller med lenkja i hjelpeteksten på eit nøkkelord. Linjer som byrjar med // er kommentarar.',
            '',
            'Programmet, oppdragsgjevaren og aktørane.'
        ],
        goal: 'Skildre det overordna målet for programmet her',
        description: 'Kort skildring av programmet: bakgrunn, organisering og kva det skal oppnå.',
        ethics: 'Handsaminga av personopplysningar er meld til Sikt. Informantane har gjeve informert\n        samtykke; lydopptak blir lagra kryptert og sletta ved prosjektslutt.',
        client: ['Oppdragsgjevar', 'Oppdragsgjevaren'],
        board: ['Styringsgruppe', 'Styringsgruppa for programmet'],
        municipality: ['Kommune', 'Deltakande kommune'],
        questionsComment: ['Behova til oppdragsgjevaren, og problemstillingane som svarar på dei. Kvar problemstilling peikar på behova sine.'],
        needs: [['Læring', 'Læring og justering undervegs i programmet'], ['Vidareføring', 'Grunnlag for å vurdere vidareføring']],
        questions: ['Bidreg programmet til nye samarbeidsformer?', 'Kva hemmar og fremjar gjennomføringa?'],
        logicComment: [
            'Programteorien: frå ressursar (input) via aktivitetar og resultat (output) til verknader (outcome).',
            'Kjeda `A -> B -> C` teiknar pilene; ein føresetnad sit på ei pil eller eit ledd.'
        ],
        logicTitle: ['Programteori', 'Programteori'],
        nodes: {
            input: ['Midlar', 'Midlar og kompetanse i programmet'],
            activity: ['Samlingar', 'Samlingar og nettverk for deltakarane'],
            output: ['Nettverk', 'Eit aktivt nettverk av kommunar'],
            outcome: ['Samarbeid', 'Nye samarbeidsformer mellom kommunane']
        },
        indicators: {
            output: ['Deltakarar', 'Kommunar som deltek i nettverket', 'kommunar'],
            outcome: ['Avtalar', 'Inngåtte samarbeidsavtalar', 'avtalar']
        },
        assumption: ['Deltaking', 'Kommunane prioriterer å delta'],
        sourcesComment: ['Kjeldene: kvar bevisa kjem frå. Intervju er konfidensielle om ikkje anna står.'],
        interview: ['Intervju med prosjektleiar i kommunen', 'Prosjektleiar'],
        survey: 'Spørjeundersøking til deltakarane',
        findingsComment: [
            'Funna: påstandar med belegg. Kvart funn svarar på problemstillingar og peikar på kjeldene sine;',
            'vurderingar og tilrådingar byggjer på funna.'
        ],
        finding: ['Deltakarane samarbeider meir på tvers av kommunane', 'Vi ringjer kvarandre no, det gjorde vi ikkje før', 'spørsmål 3',
            'Både intervjuet (@I1) og spørjeundersøkinga (@S1) viser meir samarbeid\n        mellom kommunane etter samlingane.'],
        assessment: ['Relevans', 'Programmet svarar på eit behov kommunane sjølve har peika på (@F1).'],
        recommendation: 'Halde fram med samlingane for deltakarane',
        reportsComment: ['Leveransane. `sporbar report . --format docx` (eller «Sporbar: Generate report…» i VS Code) lagar rapporten.'],
        report: ['Undervegsnotat', 'Undervegsnotat', 'Følgjeforskingsteamet',
            'Deltakarane samarbeider meir på tvers av kommunane (@F1). Vi tilrår å halde fram med samlingane (@R1).',
            'Eitt intervju og éi spørjeundersøking blant deltakarane.']
    },
    en: {
        defaultTitle: 'My programme',
        programmeComment: [
            'A Sporbar workspace: every .prog file in this folder is one model. Split and name the files as you like.',
            'Check the model with `sporbar validate .` and generate the report with `sporbar report . --format docx`.',
            'Open the language reference with the command "Sporbar: Open language reference" in VS Code,',
            'or with the link in a keyword\'s hover. Lines starting with // are comments.',
            '',
            'The programme, its client and the actors.'
        ],
        goal: "Describe the programme's overall goal here",
        description: 'A short description of the programme: background, organisation and what it is to achieve.',
        ethics: 'The processing of personal data has been notified to Sikt. Informants have given informed\n        consent; recordings are stored encrypted and deleted when the project ends.',
        client: ['Client', 'The client'],
        board: ['Board', "The programme's steering group"],
        municipality: ['Municipality', 'A participating municipality'],
        questionsComment: ["The client's needs, and the evaluation questions that answer them. Each question names its needs."],
        needs: [['Learning', 'Learning and adjusting during the programme'], ['Continuation', 'A basis for deciding on continuation']],
        questions: ['Does the programme lead to new forms of collaboration?', 'What hinders and what helps implementation?'],
        logicComment: [
            'The programme theory: from resources (input) through activities and outputs to outcomes.',
            'The chain `A -> B -> C` draws the arrows; an assumption sits on an arrow or a node.'
        ],
        logicTitle: ['ProgrammeTheory', 'Programme theory'],
        nodes: {
            input: ['Funding', 'Funding and expertise in the programme'],
            activity: ['Gatherings', 'Gatherings and networks for the participants'],
            output: ['Network', 'An active network of municipalities'],
            outcome: ['Collaboration', 'New forms of collaboration between municipalities']
        },
        indicators: {
            output: ['Participants', 'Municipalities taking part in the network', 'municipalities'],
            outcome: ['Agreements', 'Collaboration agreements signed', 'agreements']
        },
        assumption: ['Participation', 'The municipalities give priority to taking part'],
        sourcesComment: ['The sources: where the evidence comes from. Interviews are confidential unless stated otherwise.'],
        interview: ['Interview with a project manager in the municipality', 'Project manager'],
        survey: 'Survey of the participants',
        findingsComment: [
            'The findings: claims backed by evidence. Each finding answers questions and cites its sources;',
            'assessments and recommendations build on the findings.'
        ],
        finding: ['Participants collaborate more across municipalities', 'We call each other now, we never did before', 'question 3',
            'Both the interview (@I1) and the survey (@S1) show more collaboration\n        between the municipalities after the gatherings.'],
        assessment: ['Relevance', 'The programme meets a need the municipalities themselves pointed to (@F1).'],
        recommendation: 'Continue the gatherings for the participants',
        reportsComment: ['The deliverables. `sporbar report . --format docx` (or "Sporbar: Generate report…" in VS Code) generates the report.'],
        report: ['InterimNote', 'Interim note', 'The evaluation team',
            'Participants collaborate more across municipalities (@F1). We recommend continuing the gatherings (@R1).',
            'One interview and one survey among the participants.']
    }
};

function quote(text: string): string {
    return `"${text.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function comment(lines: readonly string[]): string {
    return lines.map(l => (l ? `// ${l}` : '//')).join('\n') + '\n';
}

function shiftDays(date: string, days: number): string {
    const d = new Date(`${date}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
}

export function scaffoldWorkspace(options: ScaffoldOptions = {}): ScaffoldFiles {
    const language = options.language ?? 'nb';
    const t = TEXTS[language];
    const title = options.title?.trim() || t.defaultTitle;
    const today = options.today && /^\d{4}-\d{2}-\d{2}$/.test(options.today) ? options.today : todayOf();
    const year = Number(today.slice(0, 4));
    const interview = shiftDays(today, -30);
    const survey = shiftDays(today, -20);
    const finding = shiftDays(today, -10);
    const cutoff = shiftDays(today, -5);
    const [client, board, municipality] = [t.client, t.board, t.municipality];
    const [need1, need2] = t.needs;
    const n = t.nodes;
    return {
        'programme.prog': `${comment(t.programmeComment)}
programme Program ${quote(title)} {
    client ${client[0]}
    period ${year - 1}-01 .. ${year + 1}-12
    goal ${quote(t.goal)}
    description """
        ${t.description}
    """
    ethics """
        ${t.ethics}
    """
    data-deletion ${year + 2}-06-30
}

actor ${client[0]} ${quote(client[1])} { type association }
actor ${board[0]} ${quote(board[1])} { type council  part-of ${client[0]} }
actor ${municipality[0]} ${quote(municipality[1])} { type municipality }
`,
        'questions.prog': `${comment(t.questionsComment)}
need ${need1[0]} ${quote(need1[1])} { weight high }
need ${need2[0]} ${quote(need2[1])} { weight medium }

question q1 ${quote(t.questions[0])} { need ${need1[0]}, ${need2[0]} }
question q2 ${quote(t.questions[1])} { need ${need1[0]} }
`,
        'logic.prog': `${comment(t.logicComment)}
logic ${t.logicTitle[0]} ${quote(t.logicTitle[1])} {
    input ${n.input[0]} ${quote(n.input[1])}
    activity ${n.activity[0]} ${quote(n.activity[1])}
    output ${n.output[0]} ${quote(n.output[1])} {
        indicator ${t.indicators.output[0]} ${quote(t.indicators.output[1])} { baseline 0  target 10  unit ${quote(t.indicators.output[2])} }
    }
    outcome ${n.outcome[0]} ${quote(n.outcome[1])} {
        horizon medium
        indicator ${t.indicators.outcome[0]} ${quote(t.indicators.outcome[1])} { baseline 0  target 3  unit ${quote(t.indicators.outcome[2])} }
    }

    ${n.input[0]} -> ${n.activity[0]} -> ${n.output[0]} -> ${n.outcome[0]}

    assumption ${t.assumption[0]} ${quote(t.assumption[1])} { on ${n.activity[0]} -> ${n.output[0]} }
}
`,
        'sources.prog': `${comment(t.sourcesComment)}
source I1 interview ${quote(t.interview[0])} {
    date ${interview}
    role ${quote(t.interview[1])}
    actor ${municipality[0]}
}
source S1 survey ${quote(t.survey)} { date ${survey}  respondents 24 }
`,
        'findings.prog': `${comment(t.findingsComment)}
finding F1 ${quote(t.finding[0])} {
    answers q1, q2
    evidence I1 quote ${quote(t.finding[1])},
             S1 at ${quote(t.finding[2])}
    confidence moderate
    supports ${n.outcome[0]}, ${t.assumption[0]}
    date ${finding}
    text """
        ${t.finding[3]}
    """
}

assessment A1 ${quote(t.assessment[0])} {
    criterion relevance
    rating high
    based-on F1
    text """ ${t.assessment[1]} """
}

recommendation R1 ${quote(t.recommendation)} {
    to ${board[0]}
    priority high
    horizon short
    based-on F1
    answers q1
}
`,
        'reports.prog': `${comment(t.reportsComment)}
report ${t.report[0]} ${quote(t.report[1])} {
    kind interim
    date ${today}
    cutoff ${cutoff}
    language ${language}
    authors ${quote(t.report[2])}
    audience ${board[0]}
    summary """ ${t.report[3]} """
    method """ ${t.report[4]} """
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
