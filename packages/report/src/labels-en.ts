/** English (British): every word and generated sentence of a report (see labels.ts). */
import type { Labels } from './labels.js';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const en: Labels = {
    draft: 'UTKAST / DRAFT',
    contents: 'Contents',
    table: 'Table',
    figure: 'Figure',
    appendix: 'Appendix',
    sourceLine: 'Source:',
    noteLine: 'Note:',
    kindTitle: { interim: 'Interim note', assessment: 'Assessment basis', final: 'Final report' },
    kindDefinite: { interim: 'the interim note', assessment: 'the assessment basis', final: 'the final report' },
    months,
    quoteMarks: ['“', '”'],
    reportOf: (kind, month) => `${kind} of ${month}`,
    and: 'and',
    nouns: {
        interview: { one: 'interview', many: 'interviews', gender: 'n', the: 'interviews' },
        'focus-group': { one: 'focus group', many: 'focus groups', gender: 'n', the: 'focus groups' },
        observation: { one: 'observation', many: 'observations', gender: 'n', the: 'observations' },
        survey: { one: 'survey', many: 'surveys', gender: 'n', the: 'surveys' },
        workshop: { one: 'workshop', many: 'workshops', gender: 'n', the: 'workshops' },
        document: { one: 'document', many: 'documents', gender: 'n', the: 'documents' },
        dataset: { one: 'dataset', many: 'datasets', gender: 'n', the: 'datasets' },
        literature: { one: 'literature source', many: 'literature sources', gender: 'n', the: 'literature sources' },
        finding: { one: 'finding', many: 'findings', gender: 'n', the: 'findings' },
        question: { one: 'research question', many: 'research questions', gender: 'n', the: 'research questions' },
        recommendation: { one: 'recommendation', many: 'recommendations', gender: 'n', the: 'recommendations' },
        source: { one: 'source', many: 'sources', gender: 'n', the: 'sources' },
        actor: { one: 'actor', many: 'actors', gender: 'n', the: 'actors' },
        assumption: { one: 'assumption', many: 'assumptions', gender: 'n', the: 'assumptions' },
        lesson: { one: 'lesson', many: 'lessons', gender: 'n', the: 'lessons' },
        project: { one: 'project', many: 'projects', gender: 'n', the: 'projects' },
        criterion: { one: 'criterion', many: 'criteria', gender: 'n', the: 'criteria' },
        initiative: { one: 'initiative', many: 'initiatives', gender: 'n', the: 'initiatives' },
        need: { one: 'need', many: 'needs', gender: 'n', the: 'needs' },
        assessment: { one: 'assessment', many: 'assessments', gender: 'n', the: 'assessments' },
        indicator: { one: 'indicator', many: 'indicators', gender: 'n', the: 'indicators' },
        node: { one: 'element', many: 'elements', gender: 'n', the: 'elements' },
        sourceKindWord: { one: 'kind of source', many: 'kinds of source', gender: 'n', the: 'kinds of source' },
        level: { one: 'level', many: 'levels', the: 'levels', gender: 'n' },
        report: { one: 'deliverable', many: 'deliverables', gender: 'n', the: 'deliverables' }
    },
    numerals: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
    one: { m: 'one', f: 'one', n: 'one' },
    percentSign: '%',

    front: {
        commissionedBy: client => `Commissioned by ${client}`,
        title: 'Title',
        authors: 'Authors',
        institution: 'Carried out by',
        reportNumber: 'Report number',
        isbn: 'ISBN',
        issn: 'ISSN',
        date: 'Date',
        projectLeader: 'Project leader',
        client: 'Client',
        clientReference: 'Client reference',
        qualityAssurance: 'Quality assured by',
        keywords: 'Keywords',
        citeFreely: 'This publication may be quoted freely with the source acknowledged.',
        to: 'To',
        from: 'From',
        cutoff: 'Data up to and including',
        programme: 'Programme'
    },
    preface: 'Preface',
    summary: 'Summary',
    summaryEnglish: 'Summary',

    chapters: {
        introduction: 'Introduction',
        method: 'Method and data',
        programme: 'The programme',
        findings: 'Findings',
        assessment: 'Assessment',
        discussion: 'Discussion',
        development: 'The programme over time',
        context: 'The programme in a Norwegian and international context',
        lessons: 'Lessons for future initiatives',
        conclusions: 'Conclusions and recommendations',
        recommendations: 'Recommendations',
        references: 'References',
        keyPoints: 'Key points',
        newFindings: 'New and revised findings since the previous report',
        recommendationFollowUp: 'Recommendations and follow-up',
        openQuestions: 'Research questions without confirmed findings',
        nextSteps: 'Next steps',
        aboutData: 'About the data',
        matrix: 'Traceability matrix',
        sourceOverview: 'List of sources',
        figureDescription: figure => `Description of ${figure}`
    },
    chapterAliases: { development: ['The programme over time', 'Development of the programme over time'], context: ['National and international context', 'The programme in a Norwegian and international context'] },

    intro: {
        goalAndDescription: 'The programme\'s goal and design',
        questions: 'The assignment and the research questions',
        goal: goal => `The programme's goal is stated as: “${goal}”.`,
        period: period => `The programme period is ${period}.`,
        sdgs: list => `The programme starts from UN Sustainable Development Goals ${list}.`,
        assignment: (client, contract) => `The assignment was commissioned by ${client}${contract ? ` (${contract})` : ''}.`,
        needsLead: n => `The client has described ${n}:`,
        questionsLead: (table, n) => `${table} shows ${n} of the assignment, the need each answers to and how many findings the report has on each.`,
        needPriority: p => `${p} priority`,
        questionsCaption: 'The research questions of the assignment',
        headers: { number: 'No.', question: 'Research question', need: 'Need', findings: 'Findings' }
    },

    method: {
        data: 'The data',
        dataLead: table => `${table} shows the data by kind of source, number and period.`,
        dataCaption: 'The data by kind of source',
        dataSource: appendix => `The list of sources in ${appendix}.`,
        headers: { kind: 'Kind of source', count: 'Number', period: 'Period', respondents: 'Respondents' },
        total: 'Total',
        triangulation: 'Triangulation',
        triangulationDefinition: 'We count a finding as triangulated when it draws on at least two kinds of source (for example interviews and documents) and on sources from at least two standpoints: the programme itself, its projects or independent sources. Literature may support a finding but does not count towards triangulation.',
        triangulationCount: (n, plural, pct, appendix) => `By this definition, ${n} (${pct}) ${plural ? 'are' : 'is'} triangulated${appendix ? `; ${appendix} shows which` : ''}.`,
        confidence: 'Confidence in the findings',
        confidenceLead: 'We have rated our confidence in each finding using GRADE-CERQual. Confidence says how likely it is that the finding is a reasonable representation of what it describes:',
        confidenceLevels: {
            high: 'it is highly likely that the finding is a reasonable representation of what it describes',
            moderate: 'it is likely that the finding is a reasonable representation of what it describes',
            low: 'it is possible that the finding is a reasonable representation of what it describes',
            'very-low': 'it is not clear whether the finding is a reasonable representation of what it describes'
        },
        componentsLead: 'The rating rests on four components; for each we judge whether we have no or very minor, minor, moderate or serious concerns:',
        distribution: (counts, total) => {
            const n = (k: number) => total > 12 ? String(k) : num(k);
            const parts = counts.filter(([, k]) => k > 0).map(([c, k], i) => i === 0 ? `${n(k)} ${k === 1 ? 'has' : 'have'} ${EN_CONFIDENCE[c]} confidence` : `${n(k)} ${EN_CONFIDENCE[c]}`);
            return total === 1 ? `The one finding has ${counts.filter(([, k]) => k > 0).map(([c]) => EN_CONFIDENCE[c]).join('')} confidence.` : `Of the ${n(total)} findings, ${joinEn(parts)}.`;
        },
        distributionCaption: 'Findings by confidence',
        distributionHeaders: { confidence: 'Confidence', findings: 'Findings', triangulated: 'Of which triangulated' },
        noConfidence: 'Not rated',
        criteria: 'Criteria and rating scale',
        criteriaLead: (dac, custom) => `We assess the programme against ${num(dac)} of the OECD DAC criteria of 2019${custom ? ` and ${num(custom)} criteri${custom === 1 ? 'on' : 'a'} of our own` : ''}:`,
        customCriterion: 'our own criterion',
        ratingLead: 'The rating of each criterion takes one of four levels:',
        ratingScale: {
            high: 'taken together, the findings show that the programme meets the criterion to a great extent, and no substantial finding points the other way',
            moderate: 'the programme meets the criterion to some extent; the findings point to substantial weaknesses or diverge',
            low: 'the programme meets the criterion to a small extent',
            unclear: 'the data are too thin or too divergent to take a position'
        },
        notAssessedDefinition: 'the criterion was outside the assignment or left out; the reason is given with the criterion',
        unclearNote: '“Unclear” is not a midpoint of the scale; it means that we cannot take a position.',
        cutoff: 'Cut-off date',
        cutoffText: date => `Data collection for this report closed on ${date}. The report covers only sources dated on or before that day; later events have not been assessed.`,
        limitations: 'Limitations',
        lowConfidence: (n, list, plural) => `${capitaliseEn(n)} ${plural ? 'have' : 'has'} low or very low confidence (${list}). We include ${plural ? 'them' : 'it'} because ${plural ? 'they shed' : 'it sheds'} light on research questions where the data are otherwise thin, but ${plural ? 'they' : 'it'} should not on ${plural ? 'their' : 'its'} own be the basis for decisions.`,
        selfReportedOutcomes: (n, list) => `${capitaliseEn(n)} about the programme's outcomes and impacts rest only on sources from the programme or its projects (${list}). They show how the programme sees its own results but do not document those results independently.`,
        selfReportedOutcomesNone: "Every finding about the programme's outcomes and impacts also draws on at least one independent source.",
        ownSourcesShare: share => `Of the evidence, ${share} comes from the programme's or the projects' own sources.`,
        questionNotAnswered: (q, section) => `Research question ${q} is not answered in this report; see ${section}.`,
        questionsNotAnswered: (qs, sections) => `Research questions ${qs} are not answered in this report; see ${sections}.`,
        noLimitations: 'Every research question has findings, and no finding has low confidence.',
        protection: 'Protection of informants',
        protectionLabels: 'Interviews and focus groups are referred to by number (for example “interview 3”), not by name, position or municipality. The number is the same in every report of the evaluation.',
        protectionInternal: 'Internal sources are referred to by kind and number and described only by role and type of actor, never by name.',
        unnamedActors: (n, plural) => `To protect informants, ${n} ${plural ? 'are' : 'is'} not named in the report.`,
        dataDeletion: date => `Personal data will be deleted by ${date}.`,
        interimSources: (list, appendix) => `The note draws on ${list}; ${appendix} lists them.`,
        interimConfidence: 'Our confidence in each finding is rated with GRADE-CERQual as high, moderate, low or very low.'
    },

    programme: {
        organisation: 'Organisation',
        organisationLead: (table, client) => `${table} shows how the programme is organised${client ? ` in ${client}` : ''}.`,
        organisationCaption: 'The organisation of the programme',
        organisationHeaders: { actor: 'Actor', type: 'Type', partOf: 'Part of', members: 'Members' },
        otherActors: 'The programme also works with these actors:',
        logic: 'Programme theory',
        figureLead: (figure, appendix) => `${figure} shows the programme theory with its levels from inputs to impacts. ${appendix} describes the figure point by point.`,
        nodesLead: table => `${table} shows the elements of the programme theory with their indicators and the findings that shed light on them.`,
        nodesCaption: logic => `The elements of the programme theory “${logic}”`,
        nodesHeaders: { level: 'Level', node: 'Element', indicators: 'Indicators', findings: 'Findings' },
        indicator: (title, values) => values ? `${title} (${values})` : title,
        baseline: 'baseline',
        target: 'target',
        indicatorsLead: (table, date) => `${table} shows the indicators with their baseline, the latest value measured as of ${date}, and their target.`,
        indicatorsCaption: (logic, date) => `The indicators of the programme theory “${logic}”, latest measurement as of ${date}`,
        indicatorsHeaders: { indicator: 'Indicator', baseline: 'Baseline', latest: 'Latest value', measured: 'Measured', source: 'Source', target: 'Target' },
        assumptionsLead: (n, table) => `The programme theory rests on ${n} (${table}).`,
        assumptionsCaption: logic => `The assumptions of the programme theory “${logic}”`,
        assumptionsHeaders: { number: 'No.', assumption: 'Assumption', on: 'Concerns', status: 'Status' },
        portfolios: 'Portfolios and projects',
        portfolioLead: (title, owner, projects) => `The portfolio “${title}” ${owner ? `is owned by ${owner} and ` : ''}has ${projects}.`,
        vision: vision => `Its vision is: “${vision}”.`,
        challenge: challenge => `The challenge it addresses is: “${challenge}”.`,
        projectsCaption: portfolio => portfolio ? `The projects of the portfolio “${portfolio}”` : 'Projects outside the portfolios',
        projectsHeaders: { project: 'Project', status: 'Status', owner: 'Owner', partners: 'Partners', funding: 'Funding (NOK million)', contributes: 'Contributes to' },
        millions: 'NOK million',
        relationsLead: 'The projects relate to each other as follows:',
        relation: {
            synergy: (a, b) => `“${a}” has synergies with “${b}”`,
            'depends-on': (a, b) => `“${a}” builds on “${b}”`,
            'shares-resource': (a, b) => `“${a}” shares resources with “${b}”`,
            'conflicts-with': (a, b) => `“${a}” conflicts with “${b}”`
        },
        withoutPortfolio: 'Projects outside the portfolios'
    },

    findings: {
        lead: n => `This chapter presents ${n} by research question. A finding that answers several questions appears under the first and is mentioned under the others.`,
        interimLeadFirst: n => `This is the evaluation's first deliverable. The note has ${n}, all of them new.`,
        interimLead: (previous, date, counts) => `Since ${previous} (data up to ${date}) we have ${counts}.`,
        questionHeading: q => `Research question\u00a0${q}`,
        otherFindings: 'Other findings',
        noFindingsYet: 'We have no confirmed findings on this research question yet.',
        noFindings: 'The report has no findings on this research question.',
        alsoHere: (findings, sections) => `${findings} also ${/ and /.test(findings) ? 'shed' : 'sheds'} light on this research question (see ${sections}).`,
        alsoAnswers: (questions, sections) => `The finding also answers ${questions}${sections ? `; see ${sections}` : ''}.`,
        heading: (number, title, confidence) => `Finding\u00a0${number} ${title}${confidence ? ` (${confidence} confidence)` : ''}`,
        basis: list => `The finding draws on ${list}.`,
        confidenceSentence: (level, strengths, concerns) => {
            let s = `We rate our confidence in this finding as ${level}`;
            if (strengths.length) s += `: ${joinEn(strengths)}`;
            if (concerns.length) s += `${strengths.length ? ', but' : ' because'} we have ${joinEn(concerns)}`;
            return `${s}.`;
        },
        concern: (level, component) => `${level} concerns about ${component}`,
        triangulated: (kinds, origins) => `The finding is triangulated: it draws on ${kinds}, ${origins}.`,
        twoKinds: (a, b) => `${a} and ${b}`,
        notTriangulated: reason => `The finding is not triangulated: ${reason}.`,
        oneKind: (counted, origins) => `it draws only on ${counted}${origins}`,
        oneOrigin: (kinds, all) => `it draws on ${kinds}, but ${all}`,
        onlyLiterature: 'it draws only on literature, which does not count towards triangulation',
        literatureNotCounted: 'The literature it cites does not count.',
        originFrom: { programme: 'from the programme', project: 'from its projects', independent: 'from independent sources' },
        originAll: { programme: 'all from the programme itself', project: 'all from the projects themselves', independent: 'all independent' },
        originOne: { programme: 'from the programme itself', project: 'from one of its projects', independent: 'an independent source' },
        originAllSources: { programme: 'all its sources come from the programme itself', project: 'all its sources come from the projects themselves', independent: 'all its sources are independent' },
        replaces: (title, report, confidence) => `The finding replaces the finding “${title}”${report ? ` in ${report}` : ''}${confidence ? `, where we rated our confidence as ${confidence}` : ''}.`,
        replacedBy: finding => `replaced by ${finding}`,
        earlierFinding: title => `the earlier finding “${title}”`,
        newAndRevised: (added, revised) => joinEn([
            ...(added ? [`${num(added)} new finding${added === 1 ? '' : 's'}`] : []),
            ...(revised ? [`${num(revised)} revised finding${revised === 1 ? '' : 's'}`] : [])
        ]) || 'no new or revised findings',
        locator: (label, at) => `${label} (${at})`,
        noEvidence: 'The finding has no recorded sources.'
    },

    assessment: {
        lead: (n, table) => `We assess the programme against ${n}. ${table} shows the ratings; the sections below give the reasons.`,
        caption: 'The ratings by criterion',
        headers: { criterion: 'Criterion', rating: 'Rating', basis: 'Basis' },
        rating: (criterion, custom, rating) => {
            const what = criterion ? `the programme's ${EN_DAC_LOWER[criterion]}` : undefined;
            if (rating === 'unclear') return what ? `We cannot judge ${what}; the rating is unclear.` : `On the criterion “${custom}” we cannot take a position; the rating is unclear.`;
            return what ? `We rate ${what} as ${EN_RATING[rating]}.` : `On the criterion “${custom}” we rate the programme as ${EN_RATING[rating]}.`;
        },
        basis: findings => `The assessment rests on ${findings}.`,
        weakBasis: 'Note that the assessment rests only on findings with low or very low confidence.',
        customNote: section => `The criterion is our own and is described in ${section}.`,
        replaces: (title, date, rating, report) => `This assessment replaces the earlier assessment “${title}”${report ? ` in ${report}` : date ? ` of ${date}` : ''}${rating ? `, which was ${rating}` : ''}.`,
        noneIncluded: 'The report has no assessments.',
        preconditions: 'Preconditions for achieving the goals',
        preconditionsLead: (total, s, c, u) => `The programme theory rests on ${total}. ${capitaliseEn(joinEn([
            ...(s ? [`${num(s)} ${s === 1 ? 'is' : 'are'} supported by the findings`] : []),
            ...(c ? [`${num(c)} ${c === 1 ? 'is' : 'are'} challenged`] : []),
            ...(u ? [`${num(u)} ${u === 1 ? 'has' : 'have'} not been examined`] : [])
        ]))}.`,
        assumption: (title, status, supporting, challenging) => {
            if (status === 'challenged') return `The assumption “${title}” is challenged by ${challenging}${supporting ? `, but supported by ${supporting}` : ''}.`;
            if (status === 'supported') return `The assumption “${title}” is supported by ${supporting}.`;
            return `The assumption “${title}” has not been examined; no finding sheds light on it.`;
        },
        noAssumptions: 'The programme theory states no assumptions.'
    },

    recommendations: {
        lead: (table, n, date) => `${table} shows ${n} with their status as of ${date}.`,
        caption: date => `Recommendations, with their status as of ${date}`,
        headers: { number: 'No.', recommendation: 'Recommendation', to: 'Addressed to', priority: 'Priority', horizon: 'Horizon', basis: 'Basis', status: 'Status' },
        statusSummary: (total, counts) => total === 1
            ? `The recommendation is ${EN_STATUS[counts.find(([, k]) => k > 0)![0]]}.`
            : `Of the ${num(total)} recommendations, ${joinEn(counts.filter(([, k]) => k > 0).map(([st, k]) => `${num(k)} ${k === 1 ? 'is' : 'are'} ${EN_STATUS[st]}`))}.`,
        response: (rec, status, response) => `${rec} is ${status}${response ? `; the client replied: “${response}”` : ''}${response && /[.!?]$/.test(response) ? '' : '.'}`,
        sentence: (rec, to, priority, horizon, title) => `${rec}${to ? `, to ${to}` : ''}${priority || horizon ? ` (${[priority ? `${priority} priority` : '', horizon ? `${horizon} term` : ''].filter(Boolean).join(', ')})` : ''}: ${title}.`,
        highPriorityLead: n => `We make ${n} with high priority:`,
        none: 'This deliverable makes no recommendations.',
        basisSentence: findings => `The recommendation rests on ${findings}.`
    },

    interim: {
        keyPointsGenerated: 'The note has these new findings:',
        openQuestionsLead: list => `These research questions have no confirmed findings yet: ${list}.`,
        allAnswered: 'Every research question has at least one confirmed finding.',
        nextReport: (kind, title, number, date) => `The next deliverable is ${kind} “${title}”${number ? ` (${number})` : ''}${date ? `, planned for ${date}` : ''}.`
    },

    development: {
        deliverablesLead: (table, n) => `${table} shows ${n} of the evaluation.`,
        deliverablesCaption: 'Deliverables of the evaluation',
        headers: { kind: 'Deliverable', title: 'Title', number: 'Number', date: 'Date', cutoff: 'Data up to' },
        revisedLead: (n, plural) => `${capitaliseEn(n)} ${plural ? 'were' : 'was'} revised along the way:`,
        revised: (finding, title, report) => `${finding} replaces the finding “${title}”${report ? ` in ${report}` : ''}.`,
        recommendationsLead: 'This is how the recommendations were followed up:',
        history: (rec, steps) => `${rec} ${historyClauses(steps.map(s => ({
            verb: s.unchanged ? 'was still' : 'was',
            rest: `${s.status}${s.date ? ` ${/^\d{1,2} /.test(s.date) ? 'on' : 'in'} ${s.date}` : ''}${s.response ? ` (the client replied: “${s.response}”)` : ''}`
        })), joinEn)}.`,
        assessmentsLead: (n, plural) => `${capitaliseEn(n)} ${plural ? 'were' : 'was'} made anew:`,
        assessmentReplaced: (title, date, rating, newer, report) => `The assessment “${title}”${report ? ` in ${report}` : date ? ` of ${date}` : ''} (${rating}) is replaced by ${newer}.`,
        indicatorsLead: 'The indicators were measured as follows:',
        measurement: (value, date) => `${value} in ${date}`,
        notMeasured: (titles, plural) => `${plural ? 'The indicators' : 'The indicator'} ${titles} ${plural ? 'have' : 'has'} not been measured.`
    },
    context: {
        lead: (n, table) => `${table} shows ${n} we have compared the programme with, and the findings on each.`,
        caption: 'Initiatives we compared the programme with',
        headers: { initiative: 'Initiative', country: 'Country', findings: 'Findings' }
    },
    lessons: {
        lead: n => `We have gathered ${n} for future initiatives.`,
        lesson: n => `Lesson\u00a0${n}`,
        basis: findings => `It rests on ${findings}.`
    },

    matrix: {
        lead: 'For each finding in the report, the matrix shows the research questions it answers, our confidence in it, the sources it draws on and where it is used.',
        coverageCaption: 'Coverage',
        coverageHeaders: { measure: 'Measure', count: 'Number', share: 'Share' },
        questionsAnswered: 'Research questions with at least one finding',
        findingsTriangulated: 'Findings that are triangulated',
        outcomesWithEvidence: 'Outcomes and impacts that findings shed light on',
        caption: 'Traceability matrix',
        headers: { finding: 'Finding', question: 'Research question', confidence: 'Confidence', sources: 'Sources', triangulated: 'Triangulated', usedBy: 'Used in' },
        kindsHeader: 'Source kinds',
        originsHeader: 'Standpoint',
        origins: { programme: 'programme', project: 'project', independent: 'independent' },
        yes: 'Yes',
        no: 'No',
        of: (n, m) => `${n} of ${m}`
    },
    sources: {
        lead: 'The list shows every source the report refers to, except literature, which is in the reference list. Confidential sources appear by number only; internal sources with their role and type of actor.',
        caption: 'List of sources',
        headers: { source: 'Source', kind: 'Kind', description: 'Description', date: 'Date', access: 'Access' },
        respondents: n => `${n} respondents`,
        responseRate: (r, p, pct) => `${r} of ${p} (${pct})`,
        role: role => `Role: ${role}`,
        actorType: type => `Type of actor: ${type}`
    },
    figureAppendix: {
        lead: (figure, title, levels) => `${figure} shows the programme theory “${title}” in ${levels}. Here is its content point by point, level by level.`,
        levels: (n, from, to) => `${n} from ${from} to ${to}`,
        leadsTo: targets => `leads to ${targets}`,
        assumptionsLead: 'The assumptions are numbered in the figure:',
        assumption: (n, title, on, status) => `${n}: ${title}${on ? ` (concerns ${on})` : ''}; ${status}.`,
        alt: (title, levels, assumptions, appendix) => `The programme theory “${title}” in ${levels}${assumptions ? `, with ${assumptions} marked` : ''}; full description in ${appendix}.`
    },

    sourceKind: { interview: 'Interview', 'focus-group': 'Focus group', document: 'Document', observation: 'Observation', survey: 'Survey', workshop: 'Workshop', literature: 'Literature', dataset: 'Dataset' },
    sourceKindPlural: { interview: 'Interviews', 'focus-group': 'Focus groups', document: 'Documents', observation: 'Observations', survey: 'Surveys', workshop: 'Workshops', literature: 'Literature', dataset: 'Datasets' },
    level: { input: 'Input', activity: 'Activity', output: 'Output', outcome: 'Outcome', impact: 'Impact' },
    levelPlural: { input: 'Inputs', activity: 'Activities', output: 'Outputs', outcome: 'Outcomes', impact: 'Impacts' },
    actorTypes: { municipality: 'municipality', county: 'county authority', state: 'state body', research: 'research institution', private: 'private company', voluntary: 'voluntary organisation', association: 'association', council: 'council', team: 'team', group: 'group', supplier: 'supplier', other: 'other actor' },
    actorTypesPlural: { municipality: 'municipalities', county: 'county authorities', state: 'state bodies', research: 'research institutions', private: 'private companies', voluntary: 'voluntary organisations', association: 'associations', council: 'councils', team: 'teams', group: 'groups', supplier: 'suppliers', other: 'other actors' },
    confidenceWords: { high: 'high', moderate: 'moderate', low: 'low', 'very-low': 'very low' },
    components: {
        limitations: { name: 'methodological limitations', definition: 'weaknesses in how the data were collected or analysed', strength: 'the data were collected without substantial weaknesses' },
        coherence: { name: 'coherence', definition: 'whether the sources point the same way', strength: 'the sources point the same way' },
        adequacy: { name: 'adequacy of data', definition: 'whether there are enough and rich enough data behind the finding', strength: 'the data are adequate' },
        relevance: { name: 'relevance', definition: 'whether the data cover what the finding is about', strength: 'the data cover what the finding is about' }
    },
    concernLevels: { none: 'no', minor: 'minor', moderate: 'moderate', serious: 'serious' },
    dac: { relevance: 'Relevance', coherence: 'Coherence', effectiveness: 'Effectiveness', efficiency: 'Efficiency', impact: 'Impact', sustainability: 'Sustainability' },
    dacQuestions: {
        relevance: 'Is the intervention doing the right things?',
        coherence: 'How well does the intervention fit, internally and externally?',
        effectiveness: 'Is the intervention achieving its objectives?',
        efficiency: 'How well are resources being used?',
        impact: 'What higher-level difference does the intervention make, intended or not?',
        sustainability: 'Will the benefits last?'
    },
    ratings: { high: 'high', moderate: 'moderate', low: 'low', unclear: 'unclear' },
    notAssessed: 'Not assessed',
    priorities: { high: 'high', medium: 'medium', low: 'low' },
    horizons: { short: 'short', medium: 'medium', long: 'long' },
    recommendationStatuses: { proposed: 'proposed', accepted: 'accepted', rejected: 'rejected', implemented: 'implemented' },
    projectStatuses: { idea: 'idea', planned: 'planned', active: 'active', paused: 'paused', completed: 'completed', stopped: 'stopped' },
    assumptionStatuses: { supported: 'supported', challenged: 'challenged', untested: 'untested' },
    accessWords: { public: 'public', internal: 'internal', confidential: 'confidential' },
    questionWord: 'research question',
    sectionWord: 'section',
    findingWord: 'finding',
    recommendationWord: 'recommendation',
    lessonWord: 'lesson',
    tableWord: 'table',
    figureWord: 'figure',
    appendixWord: 'appendix',
    assessmentOf: criterion => `the assessment of ${criterion}`,
    legend: 'Assumptions'
};

const EN_DAC_LOWER = { relevance: 'relevance', coherence: 'coherence', effectiveness: 'effectiveness', efficiency: 'efficiency', impact: 'impact', sustainability: 'sustainability' };
const EN_RATING = { high: 'high', moderate: 'moderate', low: 'low', unclear: 'unclear' };
const EN_CONFIDENCE = { high: 'high', moderate: 'moderate', low: 'low', 'very-low': 'very low' };
const EN_STATUS = { proposed: 'proposed', accepted: 'accepted', rejected: 'rejected', implemented: 'implemented' };

function num(n: number): string {
    return ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'][n] ?? new Intl.NumberFormat('en-GB').format(n);
}

function capitaliseEn(s: string): string {
    return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** "was proposed …, accepted … and implemented …": a verb repeated from the clause before is left out. */
function historyClauses(clauses: readonly { verb: string; rest: string }[], join: (items: readonly string[]) => string): string {
    return join(clauses.map((c, i) => (i > 0 && clauses[i - 1].verb === c.verb ? c.rest : `${c.verb} ${c.rest}`)));
}

function joinEn(items: readonly string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
