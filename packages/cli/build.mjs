// Bundles the `sporbar` command into dist/ with esbuild (ESM, code splitting): one file for
// what every command needs, and chunks that load only when a command asks for them (the
// report stack, the language server). A bundle starts in half the time of the same code
// loaded module by module from node_modules (docs/performance.md, "Start-up").
//   node packages/cli/build.mjs
// The bench bundles its parse-only program with the same options (bundleOptions).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const dist = path.join(here, 'dist');

const polyfill = fs.readFileSync(path.join(repo, 'packages/language/polyfill.cjs'), 'utf8');

/** The workspace packages are bundled from their TypeScript sources, like the extension does. */
const SOURCES = {
    '@sporbar/language': 'packages/language/src/index.ts',
    '@sporbar/language/core': 'packages/language/src/core.ts',
    '@sporbar/language/server': 'packages/language/src/server-main.ts',
    '@sporbar/language/scaffold': 'packages/language/src/model/prog-scaffold.ts',
    '@sporbar/language/paths': 'packages/language/src/workspace/prog-paths.ts',
    '@sporbar/report': 'packages/report/src/index.ts'
};
const sourcesPlugin = {
    name: 'sporbar-sources',
    setup(build) {
        build.onResolve({ filter: /^@sporbar\/(language|report)(\/server|\/core|\/scaffold|\/paths)?$/ }, args => ({ path: path.join(repo, SOURCES[args.path]) }));
        // The bundle banner installs the polyfill (below); the import of it is a no-op here.
        build.onResolve({ filter: /^@sporbar\/language\/polyfill$/ }, () => ({ path: 'polyfill', namespace: 'sporbar-empty' }));
        build.onLoad({ filter: /.*/, namespace: 'sporbar-empty' }, () => ({ contents: '', loader: 'js' }));
    }
};

/**
 * The version of the Langium a bundle of packages/language holds, inlined as
 * `__SPORBAR_LANGIUM_VERSION__` (langium-internals/langium-version.ts checks it at start-up:
 * a bundle has no node_modules to read it from).
 */
export function langiumVersionDefine() {
    // langium's package.json is not exported; find it as Node does, up the folders.
    let dir = path.join(repo, 'packages/language');
    for (;;) {
        const file = path.join(dir, 'node_modules/langium/package.json');
        if (fs.existsSync(file)) return { __SPORBAR_LANGIUM_VERSION__: JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8')).version) };
        if (path.dirname(dir) === dir) throw new Error('build: langium is not installed');
        dir = path.dirname(dir);
    }
}

/** esbuild options of the CLI bundle; the bench's parse-only program is bundled alike. */
export function bundleOptions(entryPoints, outdir) {
    return {
        entryPoints,
        outdir,
        plugins: [sourcesPlugin],
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        mainFields: ['module', 'main'],
        // Not keepNames: it wraps every function in a `__name` call, which cost a third of
        // the parse time when the parser creates closures per rule call.
        sourcemap: 'linked',
        legalComments: 'none',
        logLevel: 'warning',
        metafile: true,
        define: langiumVersionDefine(),
        // Every chunk: a `require` for the CommonJS modules inside the bundle, and the
        // Object.groupBy polyfill (Node 20) before any code of the chunk runs.
        banner: {
            js: "import { createRequire as __sporbarCreateRequire } from 'node:module';\n"
                + 'const require = __sporbarCreateRequire(import.meta.url);\n'
                + `(function () {\n${polyfill}\n})();`
        }
    };
}

/**
 * The files the report code reads at run time (packages/report/src/report-assets.ts), put
 * beside the bundle as `assets/`: the report font and resvg's WebAssembly. With them the
 * bundle needs no node_modules: `npm pack` of this package installs anywhere.
 */
export function copyReportAssets(outdir) {
    const require = createRequire(import.meta.url);
    const fonts = path.join(repo, 'packages/report/assets/fonts');
    const to = path.join(outdir, 'assets');
    fs.mkdirSync(path.join(to, 'fonts'), { recursive: true });
    for (const file of fs.readdirSync(fonts)) fs.copyFileSync(path.join(fonts, file), path.join(to, 'fonts', file));
    fs.copyFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm', { paths: [path.join(repo, 'packages/report')] }), path.join(to, 'resvg.wasm'));
    fs.copyFileSync(path.join(repo, 'packages/report/assets/THIRD-PARTY.md'), path.join(to, 'THIRD-PARTY.md'));
}

/**
 * NOTICES.md for a bundle: every npm package whose code it holds (from esbuild's metafiles),
 * with its version, licence and licence text, as their licences ask of a redistribution.
 */
export function writeNotices(metafiles, file) {
    const packages = new Map();
    for (const metafile of metafiles) {
        for (const input of Object.keys(metafile.inputs)) {
            const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input.split(path.sep).join('/'));
            // Metafile paths are relative to esbuild's working folder, the current one.
            if (m && !packages.has(m[2])) packages.set(m[2], path.resolve(m[1]));
        }
    }
    const lines = ['# Third-party software in this bundle', '',
        'The bundled JavaScript holds code of the npm packages below, each under its own licence.',
        'The report font and the figure renderer are listed in assets/THIRD-PARTY.md.', ''];
    for (const name of [...packages.keys()].sort()) {
        const dir = packages.get(name);
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
        const licence = typeof pkg.license === 'string' ? pkg.license : pkg.license?.type ?? 'see its package';
        lines.push(`## ${name} ${pkg.version} (${licence})`, '');
        const text = fs.readdirSync(dir).find(f => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
        if (text) lines.push('```', fs.readFileSync(path.join(dir, text), 'utf8').trim(), '```', '');
    }
    fs.writeFileSync(file, lines.join('\n') + '\n');
}

/**
 * Writes the bundle into `outdir` (emptied first), with the report's assets beside it when
 * it holds the report code, and its NOTICES.md; resolves to a one-line summary.
 */
export async function bundle(entryPoints, outdir) {
    const started = Date.now();
    fs.rmSync(outdir, { recursive: true, force: true });
    const result = await esbuild.build(bundleOptions(entryPoints, outdir));
    if (Object.keys(result.metafile.inputs).some(input => input.endsWith('packages/report/src/report-assets.ts'))) copyReportAssets(outdir);
    writeNotices([result.metafile], path.join(outdir, 'NOTICES.md'));
    const files = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
    const total = files.reduce((sum, [, o]) => sum + o.bytes, 0);
    return `${files.length} files, ${(total / 1024).toFixed(0)} kB, ${Date.now() - started} ms`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const summary = await bundle({ sporbar: path.join(here, 'src/cli-entry.ts') }, dist);
    // The package's licence, for `npm pack` (the repository's LICENSE is the source).
    fs.copyFileSync(path.join(repo, 'LICENSE'), path.join(here, 'LICENSE'));
    console.log(`cli build: packages/cli/dist, ${summary}`);
}
