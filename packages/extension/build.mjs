// Builds the extension: the language client (dist/extension.cjs) and the language server
// (dist/server.cjs), both bundled by esbuild, and copies the language configuration and
// the TextMate grammar from the repository root (their sources) into this folder.
//   node build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
// The report font and resvg's WebAssembly, beside the server as dist/assets (the same as the CLI's).
import { copyReportAssets, langiumVersionDefine, writeNotices } from '../cli/build.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Root files copied into the extension at build time (the root files are the sources). */
const COPIES = [
    ['language-configuration.json', 'language-configuration.json'],
    ['syntaxes/prog.tmLanguage.json', 'syntaxes/prog.tmLanguage.json'],
    ['LICENSE', 'LICENSE'],
    // The language reference the extension shows ("Sporbar: Open language reference", hover links).
    ['docs/spec/LANGUAGE.md', 'docs/language-reference.md']
];

/** Folders copied whole: the example workspace of the walkthrough ("Sporbar: Open example workspace"). */
const FOLDER_COPIES = [
    ['examples/pri', 'example/pri']
];

function copyAssets() {
    for (const [from, to] of COPIES) {
        const source = path.join(repo, from);
        if (!fs.existsSync(source)) {
            if (from === 'LICENSE') continue; // the extension keeps its own LICENSE then
            throw new Error(`build: ${from} is missing`);
        }
        const target = path.join(here, to);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        // JSON is checked on the way: a broken grammar must fail the build, not the editor.
        if (from.endsWith('.json')) JSON.parse(fs.readFileSync(source, 'utf8'));
        fs.copyFileSync(source, target);
    }
    for (const [from, to] of FOLDER_COPIES) {
        const source = path.join(repo, from);
        if (!fs.existsSync(source)) throw new Error(`build: ${from} is missing`);
        const target = path.join(here, to);
        fs.rmSync(target, { recursive: true, force: true });
        // Generated reports (out/) are not part of the example.
        fs.cpSync(source, target, { recursive: true, filter: file => path.basename(file) !== 'out' });
    }
}

const polyfill = fs.readFileSync(path.join(repo, 'packages/language/polyfill.cjs'), 'utf8');

/** The workspace packages are bundled from their TypeScript sources: one copy of each, no build order. */
const sourcesPlugin = {
    name: 'sporbar-sources',
    setup(build) {
        const map = {
            '@sporbar/language': 'packages/language/src/index.ts',
            '@sporbar/language/scaffold': 'packages/language/src/model/prog-scaffold.ts',
            '@sporbar/report': 'packages/report/src/index.ts'
        };
        build.onResolve({ filter: /^@sporbar\/(language|report)(\/scaffold)?$/ }, args => ({ path: path.join(repo, map[args.path]) }));
    }
};

/** @type {esbuild.BuildOptions} */
const common = {
    plugins: [sourcesPlugin],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: production ? false : 'linked',
    minify: production,
    // Not keepNames: it wraps every function in a `__name` call, which made parsing a
    // third slower (measured on the CLI bundle, docs/performance.md "Start-up").
    legalComments: 'none',
    logLevel: 'warning',
    // ESM sources that use import.meta.url get the bundle's own URL.
    // The Langium version the bundle holds (langium-internals/langium-version.ts checks it).
    define: { 'import.meta.url': 'importMetaUrl', ...langiumVersionDefine() },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
};

const client = {
    ...common,
    entryPoints: [path.join(here, 'src/extension.ts')],
    outfile: path.join(here, 'dist/extension.cjs'),
    external: ['vscode']
};

const server = {
    ...common,
    entryPoints: [path.join(here, 'src/server.ts')],
    outfile: path.join(here, 'dist/server.cjs'),
    // Node 20 has no Object.groupBy; Chevrotain calls it while it loads, so the polyfill
    // must run before any module of the bundle.
    banner: { js: `${common.banner.js}\n(function () {\n${polyfill}\n})();` },
    mainFields: ['module', 'main']
};

fs.rmSync(path.join(here, 'dist'), { recursive: true, force: true });
fs.mkdirSync(path.join(here, 'dist'), { recursive: true });
copyAssets();
copyReportAssets(path.join(here, 'dist'));

if (watch) {
    const contexts = await Promise.all([esbuild.context(client), esbuild.context(server)]);
    await Promise.all(contexts.map(c => c.watch()));
    console.log('build: watching…');
} else {
    const started = Date.now();
    const results = await Promise.all([esbuild.build({ ...client, metafile: true }), esbuild.build({ ...server, metafile: true })]);
    writeNotices(results.map(r => r.metafile), path.join(here, 'dist/NOTICES.md'));
    const sizes = ['dist/extension.cjs', 'dist/server.cjs', 'dist/assets/resvg.wasm']
        .map(f => `${f} ${(fs.statSync(path.join(here, f)).size / 1024).toFixed(0)} kB`);
    console.log(`build: ${sizes.join(', ')} in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
    if (process.argv.includes('--analyze')) console.log(await esbuild.analyzeMetafile(results[1].metafile));
}
