// The Sporbar benchmark harness: `npm run bench` (full), `npm run bench -- --quick` (smoke).
// Runs every scenario of docs/performance.md against the current sources, bundled as the
// `sporbar` command is (packages/cli/build.mjs → packages/cli/dist),
// prints a table and writes bench/results.json. Not part of `npm test`.
//
// Trust rules: runs are sequential; each measurement starts with a warm-up that is
// discarded; every run checks its own output (exit code, error count, files, findings in
// the report, relations in Argdown's JSON, diagnostics that really changed), and a failed
// check marks the scenario as an error instead of giving a figure.
//
// Options: --runs N (default 5; --quick: 2)   --quick (smaller sizes, 20 edits)
//          --edits N (LSP edits per session, default 200)
//          --only a,b (scenario groups: cli, lsp-w1, lsp-w2, lsp-w1-transcript, lsp-w2-transcript,
//                      report, argdown, version)
//          --slow S (a measurement whose warm-up takes longer than S seconds, default 30,
//                    gets one timed run instead of N; flagged in the results)
//          --lsp-budget S (stop an edit series after S seconds once 40 edits are timed; default 150)
//          --rss wrapper (force the resourceUsage wrapper instead of /usr/bin/time)
//          --out FILE (default bench/results.json)
import { execFileSync, execSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { generateWorkspace, workspaceCounts, writeWorkspace } from './generate.mjs';
import { claimNetwork, twoLines } from './claims.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(BENCH, '..');
const WORK = path.join(BENCH, '.work');
const SPORBAR = path.join(REPO, 'packages', 'cli', 'bin', 'sporbar.js');
const PARSE_ONLY = path.join(WORK, 'parse-only', 'parse-only.js');
const ARGDOWN = path.join(REPO, 'node_modules', '@argdown', 'cli', 'dist', 'cli.js');
const TIME = '/usr/bin/time';

// ---------------------------------------------------------------- options
function parseArgs(argv) {
    const o = { runs: undefined, quick: false, edits: undefined, only: undefined, slow: 30, lspBudget: 150, rss: undefined, out: path.join(BENCH, 'results.json') };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => { const v = argv[++i]; if (v === undefined) throw new Error(`${a} needs a value`); return v; };
        const count = (v) => { const n = Number(v); if (!Number.isInteger(n) || n < 1) throw new Error(`${a} expects a whole number ≥ 1`); return n; };
        if (a === '--quick') o.quick = true;
        else if (a === '--runs') o.runs = count(value());
        else if (a === '--edits') o.edits = count(value());
        else if (a === '--only') o.only = new Set(value().split(','));
        else if (a === '--slow') o.slow = Number(value());
        else if (a === '--lsp-budget') o.lspBudget = Number(value());
        else if (a === '--rss') o.rss = value();
        else if (a === '--out') o.out = path.resolve(value());
        else if (a === '--help' || a === '-h') { console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(0, 19).join('\n')); process.exit(0); }
        else throw new Error(`unknown option ${a}`);
    }
    o.runs ??= o.quick ? 2 : 5;
    o.edits ??= o.quick ? 20 : 200;
    return o;
}
const opts = parseArgs(process.argv.slice(2));
const GROUPS = ['cli', 'lsp-w1', 'lsp-w2', 'lsp-w1-transcript', 'lsp-w2-transcript', 'report', 'argdown', 'version'];
for (const g of opts.only ?? []) if (!GROUPS.includes(g)) throw new Error(`--only: unknown group ${g} (${GROUPS.join(', ')})`);
const wants = (group) => !opts.only || opts.only.has(group);

// Sizes are fixed by the issue; --quick shrinks them for a smoke run (figures not comparable).
const SIZES = opts.quick
    ? { w1: { files: 200, perFile: 30 }, half: { files: 100, perFile: 30 }, w2: 2000, report: { files: 50, perFile: 33 }, claims: 1000, tables: { count: 10, rows: 1000 }, transcriptBytes: 10 * 1024 * 1024 }
    : { w1: { files: 1000, perFile: 30 }, half: { files: 500, perFile: 30 }, w2: 10000, report: { files: 250, perFile: 33 }, claims: 5000, tables: { count: 50, rows: 1000 }, transcriptBytes: 10 * 1024 * 1024 };

// ---------------------------------------------------------------- statistics
function quantile(sorted, p) { // linear interpolation between closest ranks
    if (sorted.length === 0) return NaN;
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h), hi = Math.ceil(h);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
}
function stats(values) {
    const s = [...values].sort((a, b) => a - b);
    return { n: s.length, median: quantile(s, 0.5), min: s[0], max: s.at(-1), q1: quantile(s, 0.25), q3: quantile(s, 0.75), p95: quantile(s, 0.95) };
}

// ---------------------------------------------------------------- machine
function sh(cmd) { try { return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return undefined; } }
function machine() {
    const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
    return {
        cpu: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model,
        nproc: Number(sh('nproc')) || os.availableParallelism(),
        memory: sh('free -h'),
        totalMemGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
        node: process.version,
        platform: `${os.type()} ${os.release()} ${os.arch()}`,
        loadAtStart: os.loadavg().map(l => +l.toFixed(2))
    };
}
function gitInfo() {
    return { commit: sh(`git -C "${REPO}" rev-parse --short HEAD`), dirty: (sh(`git -C "${REPO}" status --porcelain -- packages`) ?? '').length > 0 };
}

// ---------------------------------------------------------------- build
function newest(dir, ext) {
    let t = 0;
    if (!fs.existsSync(dir)) return t;
    for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (e.isFile() && e.name.endsWith(ext)) t = Math.max(t, fs.statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs);
    }
    return t;
}
const DIST = path.join(REPO, 'packages', 'cli', 'dist');
/** When the bundles were written (to notice a rebuild during the run). */
function distStamp() {
    return new Date(newest(DIST, '.js')).toISOString();
}
/**
 * Bundles the current sources: the `sporbar` command (what `npm run build` writes) and the
 * parse-only program, with the same esbuild options. The grammar's generated sources come
 * from `npm run build`, which runs first when they are missing.
 */
async function ensureBuilt() {
    let built = false;
    if (!fs.existsSync(path.join(REPO, 'packages/language/src/generated/ast.ts'))) {
        console.log('packages/language/src/generated missing: npm run build …');
        execSync('npm run build', { cwd: REPO, stdio: 'inherit' });
        built = true;
    }
    const { bundle } = await import('../packages/cli/build.mjs');
    const cli = await bundle({ sporbar: path.join(REPO, 'packages/cli/src/cli-entry.ts') }, DIST);
    const parseOnly = await bundle({ 'parse-only': path.join(BENCH, 'parse-only.mjs') }, path.dirname(PARSE_ONLY));
    console.log(`bundled the current sources: packages/cli/dist (${cli}); parse-only (${parseOnly})`);
    return { builtNow: built, bundles: { cli, parseOnly }, distAtStart: distStamp() };
}

// ---------------------------------------------------------------- processes
let rssMethod;
function chooseRss() {
    if (opts.rss === 'wrapper') return 'wrapper';
    try { execFileSync(TIME, ['-v', 'true'], { stdio: 'ignore' }); return 'time'; } catch { return 'wrapper'; }
}
const RSS_NOTE = {
    time: 'peak RSS: "Maximum resident set size" of /usr/bin/time -v (GNU time) for the node process',
    wrapper: 'peak RSS: process.resourceUsage().maxRSS inside bench/rss-wrapper.mjs (includes the wrapper, a few MB)'
};

/**
 * Runs `node script args` as a child; wall time from spawn to exit (process start-up
 * included), peak RSS in KiB. /usr/bin/time adds one fork+exec (about a millisecond).
 */
function runNode(script, args, { cwd = WORK } = {}) {
    const rssFile = path.join(WORK, `.rss-${process.pid}`);
    fs.rmSync(rssFile, { force: true });
    const [cmd, argv] = rssMethod === 'time'
        ? [TIME, ['-v', '-o', rssFile, process.execPath, script, ...args]]
        : [process.execPath, [path.join(BENCH, 'rss-wrapper.mjs'), rssFile, script, ...args]];
    return new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
        const out = [], err = [];
        child.stdout.on('data', c => out.push(c));
        child.stderr.on('data', c => err.push(c));
        child.on('error', reject);
        child.on('close', (code) => {
            const wallMs = performance.now() - started;
            let rssKiB;
            try {
                const text = fs.readFileSync(rssFile, 'utf8');
                rssKiB = rssMethod === 'time' ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1]) : Number(text.trim());
            } catch { /* reported below */ }
            fs.rmSync(rssFile, { force: true });
            resolve({ code, wallMs, rssKiB, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
        });
    });
}

class CheckError extends Error {}
function check(condition, message) { if (!condition) throw new CheckError(message); }

function validateJson(r, what) {
    let j;
    try { j = JSON.parse(r.stdout); } catch { throw new CheckError(`${what}: stdout is not JSON (exit ${r.code}): ${r.stderr.slice(0, 300)}`); }
    return j.summary;
}

// ---------------------------------------------------------------- measuring
const results = { scenarios: {}, targets: [] };
const progress = (s) => process.stdout.write(`${s}\n`);

/**
 * Measures tasks in interleaved rounds (A B C, A B C, …) so that a change in machine load
 * hits them alike: round 0 is the warm-up and is discarded. A task whose warm-up took longer
 * than --slow seconds gets one timed run only (flagged in the note). Each task: { id, title, run: () => Promise<{wallMs, rssKiB?, …}> }.
 */
async function measure(tasks, runs = opts.runs) {
    const samples = new Map(tasks.map(t => [t.id, []]));
    const failed = new Map();
    const reduced = new Set();
    for (let round = 0; round <= runs; round++) {
        for (const task of tasks) {
            if (failed.has(task.id) || (round > 1 && reduced.has(task.id))) continue;
            try {
                const r = await task.run();
                if (round === 0) {
                    progress(`  ${task.id}: warm-up ${(r.wallMs / 1000).toFixed(2)} s (discarded)`);
                    if (r.wallMs > opts.slow * 1000 && runs > 1) { reduced.add(task.id); progress(`  ${task.id}: warm-up over ${opts.slow} s: one timed run`); }
                } else {
                    samples.get(task.id).push(r);
                    progress(`  ${task.id}: run ${round} ${(r.wallMs / 1000).toFixed(2)} s${r.rssKiB ? `, ${(r.rssKiB / 1024).toFixed(0)} MiB` : ''}`);
                }
            } catch (err) {
                failed.set(task.id, err instanceof CheckError ? err.message : String(err?.stack ?? err));
                progress(`  ${task.id}: FAILED: ${failed.get(task.id)}`);
            }
        }
    }
    for (const task of tasks) {
        const s = samples.get(task.id);
        const entry = { title: task.title, unit: 'ms', load: os.loadavg().map(l => +l.toFixed(2)) };
        if (failed.has(task.id)) entry.error = failed.get(task.id);
        if (s.length) {
            entry.wall = stats(s.map(r => r.wallMs));
            if (s.every(r => r.rssKiB)) entry.rssMiB = stats(s.map(r => r.rssKiB / 1024));
            entry.samplesMs = s.map(r => +r.wallMs.toFixed(1));
            if (s[0].info) entry.info = s[0].info;
        }
        if (reduced.has(task.id)) entry.note = `warm-up took over ${opts.slow} s: one timed run instead of ${runs}`;
        if (task.note) entry.note = [task.note, entry.note].filter(Boolean).join('; ');
        results.scenarios[task.id] = entry;
    }
}

// ---------------------------------------------------------------- scenarios
function prepare(name, files) {
    return writeWorkspace(path.join(WORK, name), files);
}

async function cliScenarios() {
    progress('\n[cli] cold validate W1, parse-only W1, validate half-W1, validate W1 with tables');
    const w1 = prepare('w1', generateWorkspace({ ...SIZES.w1 }));
    const half = prepare('half', generateWorkspace({ ...SIZES.half }));
    const w1tables = prepare('w1-tables', generateWorkspace({ ...SIZES.w1, tables: SIZES.tables.count, tableRows: SIZES.tables.rows }));
    const validateTask = (id, title, dir, size) => ({
        id, title,
        async run() {
            const r = await runNode(SPORBAR, ['validate', dir, '--format', 'json']);
            const summary = validateJson(r, id);
            const files = size.files + 1 + (size.tables ? 1 : 0); // + programme.prog (+ tables.prog)
            check(r.code === 0, `${id}: exit ${r.code}, expected 0`);
            check(summary.errors === 0, `${id}: ${summary.errors} errors, expected 0`);
            check(summary.files === files, `${id}: ${summary.files} files checked, expected ${files}`);
            check(summary.warnings <= 10, `${id}: ${summary.warnings} warnings, expected a few at most`);
            return { ...r, info: { ...workspaceCounts(size), files, warnings: summary.warnings, infos: summary.infos, hints: summary.hints } };
        }
    });
    await measure([
        validateTask('validate-w1', `sporbar validate W1 (${SIZES.w1.files} files × ${SIZES.w1.perFile})`, w1, SIZES.w1),
        {
            id: 'parse-w1', title: 'parse-only W1 (bench/parse-only.mjs)',
            async run() {
                const r = await runNode(PARSE_ONLY, [w1]);
                const expected = `parsed ${SIZES.w1.files + 1} files, 0 syntax errors`;
                check(r.code === 0 && r.stdout.trim() === expected, `parse-w1: exit ${r.code}, "${r.stdout.trim()}", expected "${expected}" ${r.stderr.slice(0, 300)}`);
                return r;
            }
        },
        validateTask('validate-half', `sporbar validate half-W1 (${SIZES.half.files} files × ${SIZES.half.perFile})`, half, SIZES.half),
        validateTask('validate-w1-tables', `sporbar validate W1 + ${SIZES.tables.count} tables and charts of ${SIZES.tables.rows} rows (CSV)`, w1tables, { ...SIZES.w1, tables: SIZES.tables.count })
    ]);
}

async function lspScenario(group, id, title, dir, file, { firstDiagnostics, quotes = false }) {
    const { lspSession } = await import('./lsp-bench.mjs');
    progress(`\n[${group}] ${title}`);
    const entry = { title, unit: 'ms' };
    results.scenarios[id] = entry;
    try {
        // Sessions for time-to-first-diagnostics (the first one is a warm-up); the last one also times the edits.
        const sessions = firstDiagnostics ? opts.runs + 1 : 1;
        const first = [], all = [], start = [];
        let edits;
        for (let s = 0; s < sessions; s++) {
            const last = s === sessions - 1;
            const r = await lspSession({ root: dir, file, edits: last ? opts.edits + 2 : 0, budgetMs: opts.lspBudget * 1000, log: () => {} });
            const tag = firstDiagnostics && s === 0 ? ' (warm-up, discarded)' : '';
            progress(`  session ${s + 1}: start ${r.startMs.toFixed(0)} ms, first diagnostics ${r.firstMs.toFixed(0)} ms, all ${r.files} files ${r.allMs.toFixed(0)} ms${tag}`);
            if (!(firstDiagnostics && s === 0)) { first.push(r.firstMs); all.push(r.allMs); start.push(r.startMs); }
            if (last) edits = r;
        }
        if (quotes) {
            // Every quote of the opened file is in the 10 MB transcript, at its time stamp: nothing to report.
            const wrong = edits.baselineCodes.filter(code => code.startsWith('evidence/'));
            check(wrong.length === 0, `${id}: the generated quotes gave ${wrong.length} diagnostics (${wrong.slice(0, 3).join(', ')})`);
            entry.quotes = { transcriptBytes: SIZES.transcriptBytes, note: 'every finding of the opened file quotes data/transcript.txt with a time-stamp locator; each edit revalidates them' };
        }
        entry.files = edits.files;
        entry.initializeMs = stats(start);
        entry.firstDiagnosticsMs = stats(first);
        entry.allPublishedMs = stats(all);
        // The first break/repair pair warms the server up and is not counted.
        const timed = edits.latencies.slice(2);
        check(timed.length > 0, `${id}: no edit timed`);
        entry.edits = { requested: opts.edits, timed: timed.length, kind: 'incremental didChange, alternately breaking and repairing an evidence reference (ref/unresolved appears / disappears)' };
        if (edits.truncated) entry.note = `edit series stopped after ${opts.lspBudget} s (--lsp-budget): ${timed.length} of ${opts.edits} edits timed`;
        entry.editMs = stats(timed);
        entry.editSamplesMs = timed.map(t => +t.toFixed(1));
        entry.serverRssMiB = edits.rssMiB;
        const rss = edits.rssMiB?.afterEdits === undefined ? '' : `; server RSS ${edits.rssMiB.beforeEdits} → ${edits.rssMiB.afterEdits} MiB`;
        progress(`  ${timed.length} edits: p50 ${entry.editMs.median.toFixed(0)} ms, p95 ${entry.editMs.p95.toFixed(0)} ms, max ${entry.editMs.max.toFixed(0)} ms${edits.truncated ? ' (budget reached)' : ''}${rss}`);
    } catch (err) {
        entry.error = err instanceof CheckError ? err.message : String(err?.message ?? err);
        progress(`  FAILED: ${entry.error}`);
    }
    entry.load = os.loadavg().map(l => +l.toFixed(2));
}

async function docxFindings(file, expected, title) {
    const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const xml = zip['word/document.xml'];
    check(xml, `${path.basename(file)} has no word/document.xml`);
    const text = strFromU8(xml);
    if (title) check(text.includes(title), `${path.basename(file)} does not contain "${title}"`);
    if (expected !== undefined) {
        const seen = new Set();
        for (const m of text.matchAll(/Funn (\d+)\.(\d+)/g)) seen.add(m[0]);
        check(seen.size === expected, `${path.basename(file)}: ${seen.size} distinct findings in the document, expected ${expected}`);
    }
    return { bytes: fs.statSync(file).size };
}

async function reportScenarios() {
    progress('\n[report] sporbar report docx');
    const available = fs.readdirSync(DIST).some(f => /^report-run-.*\.js$/.test(f));
    const counts = workspaceCounts(SIZES.report);
    const dir = prepare('report', generateWorkspace({ ...SIZES.report, report: true }));
    const title5000 = `sporbar report docx, ${counts.findings} findings (${SIZES.report.files} files × ${SIZES.report.perFile}, assessment)`;
    if (!available) {
        for (const [id, title] of [['report-synthetic', title5000], ['report-pri', 'sporbar report docx, examples/pri (assessment)']]) {
            results.scenarios[id] = { title, unit: 'ms', notAvailable: 'sporbar report is not in the bundle (packages/cli/dist has no report-run chunk)' };
        }
        progress('  not available');
        return;
    }
    const outDir = path.join(WORK, 'out');
    fs.mkdirSync(outDir, { recursive: true });
    const reportTask = (id, title, folder, file, expectFindings, expectTitle) => ({
        id, title,
        async run() {
            fs.rmSync(file, { force: true });
            const r = await runNode(SPORBAR, ['report', folder, '--kind', 'assessment', '--format', 'docx', '--out', file]);
            check(r.code === 0, `${id}: exit ${r.code}: ${r.stderr.slice(-400)}`);
            check(fs.existsSync(file), `${id}: ${file} not written`);
            const info = await docxFindings(file, expectFindings, expectTitle);
            return { ...r, info: { ...info, findings: expectFindings } };
        }
    });
    await measure([reportTask('report-synthetic', title5000, dir, path.join(outDir, 'synthetic.docx'), counts.findings, 'Vurderingsgrunnlag')]);
    await measure([reportTask('report-pri', 'sporbar report docx, examples/pri (assessment)', path.join(REPO, 'examples', 'pri'), path.join(outDir, 'pri.docx'), undefined, 'Vurderingsgrunnlag')]);
}

async function argdownScenarios() {
    progress('\n[argdown] the same claim network: argdown json vs sporbar validate --format json');
    if (!fs.existsSync(ARGDOWN)) {
        for (const id of ['argdown-claims', 'sporbar-claims', 'argdown-two', 'sporbar-two']) results.scenarios[id] = { title: id, unit: 'ms', notAvailable: '@argdown/cli is not installed (npm i -D -E @argdown/cli@1.7.5)' };
        progress('  not available');
        return;
    }
    const argdownVersion = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules/@argdown/cli/package.json'), 'utf8')).version;
    const n = SIZES.claims;
    const net = claimNetwork({ sources: n, findings: n });
    const two = twoLines();
    const setup = (name, data) => {
        const dir = path.join(WORK, name);
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(path.join(dir, 'prog'), { recursive: true });
        fs.writeFileSync(path.join(dir, `${name}.argdown`), data.argdown);
        fs.writeFileSync(path.join(dir, 'prog', `${name}.prog`), data.prog);
        return dir;
    };
    const argdownTask = (id, title, dir, name, data) => ({
        id, title,
        async run() {
            const out = path.join(dir, 'json');
            fs.rmSync(out, { recursive: true, force: true });
            const r = await runNode(ARGDOWN, ['json', path.join(dir, `${name}.argdown`), out]);
            check(r.code === 0, `${id}: exit ${r.code}: ${r.stderr.slice(-300)}`);
            let j;
            try { j = JSON.parse(fs.readFileSync(path.join(out, `${name}.json`), 'utf8')); } catch (e) { throw new CheckError(`${id}: no JSON written (${e.message}); stdout: ${r.stdout.slice(0, 300)}`); }
            const statements = Object.keys(j.statements ?? {}).length;
            const support = (j.relations ?? []).filter(x => x.relationType === 'support').length;
            check(statements === data.statements, `${id}: ${statements} statements, expected ${data.statements}`);
            check(support === data.relations, `${id}: ${support} support relations, expected ${data.relations}`);
            return { ...r, info: { statements, relations: support, argdown: argdownVersion } };
        }
    });
    const sporbarTask = (id, title, dir) => ({
        id, title,
        async run() {
            const r = await runNode(SPORBAR, ['validate', path.join(dir, 'prog'), '--format', 'json']);
            const summary = validateJson(r, id);
            check(r.code === 0 && summary.errors === 0 && summary.files === 1, `${id}: exit ${r.code}, ${summary.errors} errors, ${summary.files} files`);
            check(summary.warnings === 0, `${id}: ${summary.warnings} warnings, expected none`);
            return { ...r, info: { files: summary.files, errors: summary.errors, warnings: summary.warnings, hints: summary.hints } };
        }
    });
    const claims = setup('claims', net);
    const small = setup('two', two);
    await measure([
        argdownTask('argdown-claims', `argdown json, ${n} findings × 2 supports of ${n} sources (one file)`, claims, 'claims', net),
        sporbarTask('sporbar-claims', `sporbar validate --format json, the same network (one .prog file)`, claims),
        argdownTask('argdown-two', 'argdown json, a two-line file (start-up)', small, 'two', two),
        sporbarTask('sporbar-two', 'sporbar validate --format json, a two-line file (start-up)', small)
    ]);
}

async function versionScenario() {
    progress('\n[version] sporbar --version');
    const version = JSON.parse(fs.readFileSync(path.join(REPO, 'packages/cli/package.json'), 'utf8')).version;
    await measure([{
        id: 'version', title: 'sporbar --version',
        async run() {
            const r = await runNode(SPORBAR, ['--version']);
            check(r.code === 0 && r.stdout.trim() === version, `version: exit ${r.code}, printed "${r.stdout.trim()}", expected "${version}"`);
            return r;
        }
    }]);
}

// ---------------------------------------------------------------- targets
function targets() {
    const S = results.scenarios;
    const med = (id, key = 'wall') => S[id]?.[key]?.median;
    const why = (...ids) => ids.map(id => !S[id] ? `${id} not run` : S[id].notAvailable ? `not available: ${S[id].notAvailable}` : S[id].error ? `check failed: ${S[id].error}` : undefined).find(Boolean);
    // `retired`: printed for the record, no longer a target (validate ÷ parse-only since V2: a
    // proxy for validation cost that was not to be bought with maintainability).
    const t = (id, title, value, limit, unit, deps, { retired = false } = {}) => {
        const reason = why(...deps);
        const ok = reason === undefined && Number.isFinite(value);
        const notAvailable = deps.some(d => S[d]?.notAvailable);
        const notRun = deps.some(d => !S[d]);
        results.targets.push({
            id, title, value: ok ? +value.toFixed(unit === '×' ? 2 : 1) : null, limit, unit,
            result: notRun ? 'not run' : notAvailable ? 'N/A' : !ok ? 'FAIL' : retired ? 'info' : value <= limit ? 'PASS' : 'FAIL',
            note: reason
        });
    };
    const MB = (mib) => mib * 2 ** 20 / 1e6;
    t('validate-w1', 'cold sporbar validate W1 (median wall, incl. start-up)', med('validate-w1') / 1000, 2, 's', ['validate-w1']);
    t('rss-w1', 'peak RSS of validate W1 (median)', MB(S['validate-w1']?.rssMiB?.median), 400, 'MB', ['validate-w1']);
    t('validate-parse', 'validate ÷ parse-only, W1 (medians; retired, for the record)', med('validate-w1') / med('parse-w1'), 2.0, '×', ['validate-w1', 'parse-w1'], { retired: true });
    const validateSamples = S['validate-w1']?.samplesMs, parseSamples = S['parse-w1']?.samplesMs;
    if (validateSamples && parseSamples && validateSamples.length === parseSamples.length) {
        results.validateParsePerRound = validateSamples.map((v, i) => +(v / parseSamples[i]).toFixed(3));
    }
    t('validate-w1-tables', `cold sporbar validate W1 + ${SIZES.tables.count} tables of ${SIZES.tables.rows} rows (median wall)`, med('validate-w1-tables') / 1000, 2, 's', ['validate-w1-tables']);
    t('growth', 'growth W1 ÷ half-W1 (median validate)', med('validate-w1') / med('validate-half'), 2.2, '×', ['validate-w1', 'validate-half']);
    t('edit-w1', 'edit → diagnostics W1, p95', S['lsp-w1']?.editMs?.p95, 100, 'ms', ['lsp-w1']);
    t('edit-w2', 'edit → diagnostics W2, p95', S['lsp-w2']?.editMs?.p95, 150, 'ms', ['lsp-w2']);
    t('edit-w1-transcript', 'edit → diagnostics W1 with a 10 MB transcript quoted, p95', S['lsp-w1-transcript']?.editMs?.p95, 100, 'ms', ['lsp-w1-transcript']);
    t('edit-w2-transcript', 'edit → diagnostics W2 with a 10 MB transcript quoted, p95', S['lsp-w2-transcript']?.editMs?.p95, 150, 'ms', ['lsp-w2-transcript']);
    t('first-w1', 'first diagnostics after opening W1 (median)', med('lsp-w1', 'firstDiagnosticsMs') / 1000, 5, 's', ['lsp-w1']);
    t('report-synthetic', `report docx, ${workspaceCounts(SIZES.report).findings} findings (median)`, med('report-synthetic') / 1000, 5, 's', ['report-synthetic']);
    t('vs-argdown', 'sporbar validate ÷ argdown json, claim network (medians)', med('sporbar-claims') / med('argdown-claims'), 0.5, '×', ['sporbar-claims', 'argdown-claims']);
    t('version', 'sporbar --version (median wall)', med('version') / 1000, 0.3, 's', ['version']);
}

// ---------------------------------------------------------------- printing
const fmtMs = (ms) => ms === undefined || !Number.isFinite(ms) ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
function table(rows, header) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
    const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
    return [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
function report() {
    const rows = [];
    for (const [id, s] of Object.entries(results.scenarios)) {
        if (s.notAvailable) { rows.push([id, '—', 'not available', '', '', '']); continue; }
        if (s.error && !s.wall && !s.editMs) { rows.push([id, '—', 'ERROR', '', '', '']); continue; }
        if (s.wall) {
            rows.push([id, s.wall.n, fmtMs(s.wall.median), `${fmtMs(s.wall.min)} – ${fmtMs(s.wall.max)}`, `${fmtMs(s.wall.q1)} – ${fmtMs(s.wall.q3)}`,
                s.rssMiB ? `${(MBof(s.rssMiB.median)).toFixed(0)} MB (${MBof(s.rssMiB.min).toFixed(0)}–${MBof(s.rssMiB.max).toFixed(0)})` : '']);
        }
        if (s.firstDiagnosticsMs) {
            rows.push([`${id} initialize`, s.initializeMs.n, fmtMs(s.initializeMs.median), `${fmtMs(s.initializeMs.min)} – ${fmtMs(s.initializeMs.max)}`, '', '']);
            rows.push([`${id} first diagnostics`, s.firstDiagnosticsMs.n, fmtMs(s.firstDiagnosticsMs.median), `${fmtMs(s.firstDiagnosticsMs.min)} – ${fmtMs(s.firstDiagnosticsMs.max)}`, `${fmtMs(s.firstDiagnosticsMs.q1)} – ${fmtMs(s.firstDiagnosticsMs.q3)}`, '']);
            rows.push([`${id} all ${s.files} files published`, s.allPublishedMs.n, fmtMs(s.allPublishedMs.median), `${fmtMs(s.allPublishedMs.min)} – ${fmtMs(s.allPublishedMs.max)}`, `${fmtMs(s.allPublishedMs.q1)} – ${fmtMs(s.allPublishedMs.q3)}`, '']);
        }
        if (s.editMs) rows.push([`${id} edit→diagnostics`, s.editMs.n, `p50 ${fmtMs(s.editMs.median)}`, `${fmtMs(s.editMs.min)} – ${fmtMs(s.editMs.max)}`, `p95 ${fmtMs(s.editMs.p95)}`, '']);
        if (s.error) rows.push([`${id}`, '', 'ERROR', '', '', '']);
    }
    console.log(`\n${table(rows, ['scenario', 'n', 'median', 'min – max', 'IQR / p95', 'peak RSS'])}`);
    const ratio = (a, b) => results.scenarios[a]?.wall && results.scenarios[b]?.wall ? (results.scenarios[a].wall.median / results.scenarios[b].wall.median).toFixed(2) : '—';
    console.log(`\nsporbar ÷ argdown: claim network ${ratio('sporbar-claims', 'argdown-claims')}×, two-line file ${ratio('sporbar-two', 'argdown-two')}×`);
    // The target takes the ratio of the medians; the ratio within each round (a validate run
    // and the parse-only run right after it) shows how much the machine's speed moves it.
    const rounds = results.validateParsePerRound;
    if (rounds?.length) console.log(`validate ÷ parse-only per round (informative): ${rounds.map(r => r.toFixed(2)).join(' ')}`);
    const quick = opts.quick ? ' (quick: reduced sizes, marks indicative only)' : '';
    const trows = results.targets.map(t => [t.title, t.value === null ? '—' : `${t.value} ${t.unit}`, `≤ ${t.limit} ${t.unit}`, opts.quick && (t.result === 'PASS' || t.result === 'FAIL') ? `(${t.result})` : t.result]);
    console.log(`\nTargets${quick}\n${table(trows, ['target', 'value', 'limit', 'result'])}`);
    for (const t of results.targets) if (t.note && t.result !== 'not run') console.log(`  ${t.id}: ${t.note}`);
    for (const [id, s] of Object.entries(results.scenarios)) if (s.error) console.log(`  ${id} ERROR: ${s.error}`);
    for (const [id, s] of Object.entries(results.scenarios)) if (s.note) console.log(`  ${id}: ${s.note}`);
}
const MBof = (mib) => mib * 2 ** 20 / 1e6;

// ---------------------------------------------------------------- main
const began = performance.now();
fs.mkdirSync(WORK, { recursive: true });
const build = await ensureBuilt();
rssMethod = chooseRss();
const meta = { date: new Date().toISOString(), machine: machine(), git: gitInfo(), build, options: { runs: opts.runs, quick: opts.quick, edits: opts.edits, only: opts.only ? [...opts.only] : undefined, slowSeconds: opts.slow, lspBudgetSeconds: opts.lspBudget }, sizes: SIZES, rss: RSS_NOTE[rssMethod], units: 'wall times in ms; RSS in MiB in scenarios, MB (10^6 bytes) in targets' };
console.log(`Sporbar benchmarks ${meta.date}${opts.quick ? '  (QUICK: reduced sizes and runs)' : ''}`);
console.log(`machine: ${meta.machine.cpu}, ${meta.machine.nproc} cores, ${meta.machine.totalMemGiB} GiB, node ${meta.machine.node}, ${meta.machine.platform}`);
console.log(`memory (free -h): ${(meta.machine.memory ?? '').split('\n').find(l => l.startsWith('Mem:'))?.replace(/\s+/g, ' ') ?? '?'}  (total used free shared buff/cache available)`);
console.log(`load average at start: ${meta.machine.loadAtStart.join(' ')}   git ${meta.git.commit}${meta.git.dirty ? ' (packages/ modified)' : ''}`);
console.log(`runs: ${opts.runs} + 1 warm-up (discarded), sequential; LSP: ${opts.edits} edits; ${meta.rss}`);

if (wants('cli')) await cliScenarios();
if (wants('lsp-w1')) {
    const w1 = prepare('w1', generateWorkspace({ ...SIZES.w1 })); // deterministic: the same W1 as [cli]
    await lspScenario('lsp-w1', 'lsp-w1', `language server, W1 (${SIZES.w1.files} files × ${SIZES.w1.perFile}), f0000.prog open`, w1, 'f0000.prog', { firstDiagnostics: true });
}
if (wants('lsp-w2')) {
    const w2 = prepare('w2', generateWorkspace({ files: 1, perFile: SIZES.w2, single: true }));
    await lspScenario('lsp-w2', 'lsp-w2', `language server, W2 (one file × ${SIZES.w2} elements)`, w2, 'f0000.prog', { firstDiagnostics: false });
}
if (wants('lsp-w1-transcript')) {
    // W1 with a 10 MB transcript that every finding of the opened file quotes.
    const w1t = prepare('w1-transcript', generateWorkspace({ ...SIZES.w1, transcript: SIZES.transcriptBytes }));
    await lspScenario('lsp-w1-transcript', 'lsp-w1-transcript', `language server, W1 (${SIZES.w1.files} files × ${SIZES.w1.perFile}) with a 10 MB transcript quoted in f0000.prog`, w1t, 'f0000.prog', { firstDiagnostics: false, quotes: true });
}
if (wants('lsp-w2-transcript')) {
    const w2t = prepare('w2-transcript', generateWorkspace({ files: 1, perFile: SIZES.w2, single: true, transcript: SIZES.transcriptBytes }));
    await lspScenario('lsp-w2-transcript', 'lsp-w2-transcript', `language server, W2 (one file × ${SIZES.w2} elements) with a 10 MB transcript quoted by every finding`, w2t, 'f0000.prog', { firstDiagnostics: false, quotes: true });
}
if (wants('report')) await reportScenarios();
if (wants('argdown')) await argdownScenarios();
if (wants('version')) await versionScenario();

meta.build.distAtEnd = distStamp();
const rebuilt = meta.build.distAtEnd !== meta.build.distAtStart;
if (rebuilt) meta.build.rebuiltDuringRun = true;
targets();
meta.machine.loadAtEnd = os.loadavg().map(l => +l.toFixed(2));
meta.durationS = +((performance.now() - began) / 1000).toFixed(0);
report();
console.log(`\nload average at end: ${meta.machine.loadAtEnd.join(' ')}; took ${meta.durationS} s`);
if (rebuilt) console.log('WARNING: packages/cli/dist was rebuilt during the run: the scenarios did not all measure the same code');
fs.writeFileSync(opts.out, JSON.stringify({ meta, ...results }, null, 2) + '\n');
console.log(`wrote ${path.relative(process.cwd(), opts.out) || opts.out}`);
