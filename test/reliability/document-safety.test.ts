/**
 * Document safety: `<`, `&`, `]]>`, control characters U+0000–U+001F, U+FFFE/U+FFFF,
 * right-to-left marks and emoji in titles, texts, quotes and strings give a docx whose
 * every XML part is well-formed and which LibreOffice opens, Markdown that escapes them,
 * and HTML with no script injection and no raw HTML passed through.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectDiagnostics, loadWorkspace, type LoadedWorkspace } from '@sporbar/language';
import { chooseReport, generateReport } from '@sporbar/report';
import { tempWorkspace } from './helpers.js';

/** Every C0 control character except NUL (see below), then the rest of the hostile set. */
const CONTROLS = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).filter(c => c !== '\n' && c !== '\r' && c !== '"' && c !== '\\').join('');
const HOSTILE = `<b>&amp; & < > ]]> <![CDATA[x]]> ${CONTROLS} \uFFFE \uFFFF \u200F\u202E rtl \u2066x\u2069 😀👩‍👩‍👧 \u0085\u2028\u2029 </w:t></w:r><w:r><w:t>injected`;
/** A string literal of the hostile text (one line: quotes and backslashes escaped, line ends removed). */
const S = (label: string) => `"${label} ${HOSTILE.replace(/[\r\n\u2028\u2029\u0085]/g, ' ')}"`;
const SCRIPTS = [
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[klikk](javascript:alert(1))', '[data](data:text/html;base64,PHNjcmlwdD4=)',
    '<a href="javascript:alert(2)">a</a>', '<iframe src="https://evil.example"></iframe>', '![bilde](javascript:alert(3))', '<svg onload=alert(4)>',
    '[ok](https://example.org/?q=<script>)', '<style>body{display:none}</style>', '`<script>kode</script>`'
].join(' ');
const T = (label: string) => `""" ${label} ${HOSTILE} ${SCRIPTS}\n\n- punkt ${HOSTILE}\n"""`;

// A NUL in the first 8 KB makes a file binary (syntax/encoding); after that, it must still be harmless.
const PADDING = `// ${'x'.repeat(9000)}\n`;
const MODEL = `${PADDING}programme P ${S('Programmet')} {
    client Kommunen
    contract ${S('Kontrakt\u0000nul')}
    period 2022-01 .. 2023-12
    goal ${S('Målet')}
    description ${T('Beskrivelse')}
}
actor Kommunen ${S('Kommunen')} { type municipality }
need N ${S('Behovet')}
question q1 ${S('Spørsmålet')} { need N }
logic L ${S('Logikken')} {
    input Inn ${S('Innsats')}
    activity Akt ${S('Aktivitet')}
    output Ut ${S('Resultat')}
    outcome Eff ${S('Effekt')} { indicator Ind ${S('Indikator')} { baseline 1  target 2  unit ${S('enhet')} } }
    Inn -> Akt -> Ut -> Eff
    assumption A1 ${S('Forutsetning')} { on Akt -> Ut }
}
portfolio Po ${S('Portefølje')} {
    challenge ${S('Utfordring')}  owner Kommunen
    project P1 ${S('Prosjekt')} { status active  owner Kommunen  governance ${S('Styring')}  contributes Eff  synergy P2 ${S('Synergi')} }
    project P2 ${S('Prosjekt to')} { status active  owner Kommunen  contributes Eff }
}
source I1 interview ${S('Intervju')} { date 2022-11-03  role ${S('Rolle')} }
source D1 document ${S('Dokument')} { date 2022-10-01  access public  url "javascript:alert(5)" }
source W1 document ${S('Nettside')} { date 2022-10-02  access public  url "https://example.org/<script>" }
source W2 document ${S('Nettside to')} { date 2022-10-03  access public  url "https://example.org/a) <img src=x onerror=alert(7)> (b" }
source W3 document ${S('Nettside tre')} { date 2022-10-04  access public  url "https://example.org/a)<script>alert(8)</script><b>(" }
source S1 survey ${S('Undersøkelse')} { date 2022-12-01  respondents 48 }
finding F1 ${S('Funnet')} {
    answers q1
    evidence S1 at ${S('side')} quote ${S('Sitatet')},
             I1 quote ${S('Sitat to')}, D1, W1, W2, W3
    confidence moderate
    supports Eff, A1
    date 2022-12-10
    text ${T('Teksten (@S1, @I1, @D1)')}
}
criterion K ${S('Kriteriet')}
assessment V1 ${S('Vurdering')} { criterion relevance  rating high  based-on F1  text ${T('Vurderingstekst')} }
assessment V2 ${S('Vurdering to')} { criterion K  rating low  based-on F1 }
recommendation R1 ${S('Anbefalingen')} { to Kommunen  priority high  horizon short  based-on F1  answers q1  status accepted  response ${S('Svar')} }
lesson Le ${S('Lærdom')} { based-on F1 }
initiative In ${S('Initiativ')} { country ${S('Land')}  url "javascript:alert(6)" }
report Rap ${S('Rapporten')} {
    kind final  date 2023-01-10  cutoff 2023-01-01  language nb
    number ${S('Nummer')}  authors ${S('Forfatter')}, "Ånon 😀 \u200F"
    audience Kommunen
    summary ${T('Sammendrag')}
    method ${T('Metode')}
    discussion ${T('Diskusjon')}
    conclusion ${T('Konklusjon')}
    section ${S('Seksjon')} ${T('Seksjonstekst')}
}
`;

let root: string;
let workspace: LoadedWorkspace;
const outputs: Partial<Record<'docx' | 'md' | 'html', Uint8Array>> = {};
const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sporbar-safety-')));

beforeAll(async () => {
    root = tempWorkspace({ 'model.prog': MODEL }, 'sporbar-safety-ws-');
    workspace = await loadWorkspace(root);
    const choice = chooseReport(workspace, { id: 'Rap' });
    if (!choice.ok) throw new Error(choice.message);
    for (const format of ['docx', 'md', 'html'] as const) outputs[format] = await generateReport(workspace, choice.report, { format, draft: true });
});
afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(temp, { recursive: true, force: true });
});

describe('the hostile workspace', () => {
    it('parses: the hostile text reaches the model (no syntax errors)', () => {
        const errors = collectDiagnostics(workspace).filter(d => d.diagnostic.severity === 1).map(d => `${d.diagnostic.range.start.line + 1} ${d.diagnostic.code} ${d.diagnostic.message}`);
        expect(errors.filter(e => /syntax\//.test(e))).toEqual([]);
    });
});

describe('docx', () => {
    it('every XML part is well-formed (fast-xml-parser XMLValidator) and holds no raw control character', () => {
        const parts = unzipSync(outputs.docx!);
        const xmlParts = Object.keys(parts).filter(n => /\.(xml|rels)$/.test(n));
        expect(xmlParts).toEqual(expect.arrayContaining(['word/document.xml', '[Content_Types].xml', 'docProps/core.xml']));
        for (const name of xmlParts) {
            const xml = strFromU8(parts[name]);
            const valid = XMLValidator.validate(xml);
            expect(valid, `${name}: ${JSON.stringify(valid)}`).toBe(true);
            // XML 1.0 forbids these characters even as references.
            expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|&#x?0*(?:[0-8]|1[1-2]|1[4-9]|2\d|3[01]|[bB]|[cC]|[eE]|[fF]|1[0-9a-fA-F]|[fF]{3}[eEfF]);/.test(xml), `${name} holds a character XML forbids`).toBe(false);
            // Lone surrogates cannot be encoded: no replacement characters from broken pairs in markup.
        }
        const document = strFromU8(parts['word/document.xml']);
        // The injected closing tags are text, not markup.
        expect(document).not.toContain('<w:t>injected');
        expect(document).toContain('&lt;/w:t&gt;');
        expect(document).toContain('😀');
        expect(document).toContain('\u200F');
    });

    const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
    it.runIf(hasSoffice || process.env.CI)('opens in LibreOffice (headless conversion to PDF)', () => {
        const file = path.join(temp, 'hostile.docx');
        fs.writeFileSync(file, outputs.docx!);
        const profile = `file://${path.join(temp, 'profile')}`;
        const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', temp, file], { encoding: 'utf8', timeout: 180_000 });
        expect(run.status, run.stderr).toBe(0);
        const pdf = path.join(temp, 'hostile.pdf');
        expect(fs.existsSync(pdf), `${run.stdout}\n${run.stderr}`).toBe(true);
        expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
        expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
    }, 200_000);
});

describe('Markdown', () => {
    it('escapes HTML and Markdown from the model: no raw tag, no live javascript: link', () => {
        const md = new TextDecoder().decode(outputs.md!);
        // Tags appear escaped (\<script\>) or as entities, never raw — only the generator's own anchors are HTML.
        // Link destinations are URLs, not markup (the renderer percent-encodes brackets and spaces in them).
        const prose = md.replace(/\]\([^)\s]*\)/g, '](…)');
        const tags = [...prose.matchAll(/(?<!\\)<\/?([a-zA-Z][\w:-]*)[^>]*(?<!\\)>/g)].map(m => `${m[0]} in …${prose.slice(Math.max(0, m.index - 60), m.index + 30)}…`).filter(t => !/^(<a id="[\w-]+"><\/a>|<\/a>|<a id="[\w-]+">|<br>) in /.test(t));
        expect(tags).toEqual([]);
        // The generator's own figures are data:image URIs; nothing else is a javascript:, vbscript: or data: link.
        expect([...md.matchAll(/(?<!\\)\]\(\s*(javascript:|vbscript:|data:(?!image\/(svg\+xml|png);base64,))[^)]{0,40}/gi)].map(m => m[0])).toEqual([]);
        expect(md).not.toMatch(/\(https:\/\/example\.org\/a\)/);
        expect(md).toContain('😀');
        expect(md).toMatch(/\\<script\\>|&lt;script&gt;/);
    });
});

describe('HTML', () => {
    const html = () => new TextDecoder().decode(outputs.html!);

    it('has no script injection: no script, iframe, style or svg element from the model, no event handler, no javascript:/data: URL', () => {
        const doc = html();
        expect(doc).not.toMatch(/<script\b/i);
        expect(doc).not.toMatch(/<iframe\b/i);
        expect(doc).not.toMatch(/<(img|svg)\b[^>]*\son\w+\s*=/i);
        // Event-handler attributes anywhere in markup (text content is stripped first).
        const markup = doc.replace(/>[^<]*</g, '><').replace(/="[^"]*"/g, '=""');
        expect(markup).not.toMatch(/\son[a-z]+\s*=/i);
        expect(doc).not.toMatch(/(href|src|xlink:href)\s*=\s*["']?\s*(javascript|vbscript|data:text\/html)/i);
        // The generator's own <style> is the only one.
        expect((doc.match(/<style\b/gi) ?? []).length).toBeLessThanOrEqual(1);
    });

    it('passes no raw HTML through: the model\'s tags appear as text', () => {
        const doc = html();
        expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(doc).toContain('&lt;b&gt;&amp;amp;');
        expect(doc).not.toContain('<b>&amp;');
        expect(doc).toContain('😀');
    });

    it('is well-formed where it matters: no raw control characters other than tab and line ends', () => {
        expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(html())).toBe(false);
    });
});
