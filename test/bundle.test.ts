import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';
// The CLI's own esbuild options (plain JavaScript), built here in memory.
import { bundleOptions } from '../packages/cli/build.mjs';

const root = path.resolve(__dirname, '..');

/**
 * What `sporbar validate` loads: the chunks its code imports statically, transitively,
 * and the source files inside them. Start-up time is most of a small validation; the
 * language server stack and citation-js are loaded only when needed (docs/architecture.md).
 */
describe('the CLI bundle (packages/cli/build.mjs)', () => {
    it('loads neither the language server stack nor citation-js for sporbar validate', async () => {
        const result = await esbuild.build({ ...bundleOptions({ sporbar: path.join(root, 'packages/cli/src/cli-entry.ts') }, path.join(root, 'out/bundle-test')), write: false }); // nothing is written
        const outputs = result.metafile!.outputs;
        const validate = Object.keys(outputs).find(file => /validate-run-[A-Z0-9]+\.js$/.test(file))!;
        expect(validate).toBeDefined();
        const loaded = new Set<string>();
        const visit = (file: string) => {
            if (loaded.has(file)) return;
            loaded.add(file);
            for (const imported of outputs[file].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
        };
        visit(Object.keys(outputs).find(file => outputs[file].entryPoint?.endsWith('cli-entry.ts'))!);
        visit(validate);
        const inputs = [...loaded].flatMap(file => Object.keys(outputs[file].inputs));
        expect(inputs.some(input => input.endsWith('prog-module.ts'))).toBe(true);
        expect(inputs.filter(input => /node_modules\/vscode-languageserver\/|node_modules\/langium\/lib\/lsp\/|packages\/language\/src\/lsp\//.test(input))).toEqual([]);
        expect(inputs.filter(input => /@citation-js\//.test(input))).toEqual([]);
        // Nor the figure renderer (resvg's WebAssembly glue) or the code that reads the report font.
        expect(inputs.filter(input => /@resvg\/|report-assets\.ts|raster\.ts|docx-font\.ts|html-font\.ts/.test(input))).toEqual([]);
        // The server and bibliographies still get them, from chunks of their own.
        const all = Object.values(outputs).flatMap(output => Object.keys(output.inputs));
        expect(all.some(input => input.includes('node_modules/vscode-languageserver/'))).toBe(true);
        expect(all.some(input => input.includes('@citation-js/plugin-bibtex'))).toBe(true);
    });

    it('loads no language code for sporbar --version and --help (the command line and its output formats only)', async () => {
        const result = await esbuild.build({ ...bundleOptions({ sporbar: path.join(root, 'packages/cli/src/cli-entry.ts') }, path.join(root, 'out/bundle-test')), write: false });
        const outputs = result.metafile!.outputs;
        const loaded = new Set<string>();
        const visit = (file: string) => {
            if (loaded.has(file)) return;
            loaded.add(file);
            for (const imported of outputs[file].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
        };
        visit(Object.keys(outputs).find(file => outputs[file].entryPoint?.endsWith('cli-entry.ts'))!);
        const inputs = [...loaded].flatMap(file => Object.keys(outputs[file].inputs));
        expect(inputs.some(input => input.endsWith('cmd-validate.ts'))).toBe(true);
        expect(inputs.filter(input => /node_modules\/(langium|chevrotain)\/|prog-module\.ts|prog-scaffold\.ts|packages\/report\//.test(input))).toEqual([]);
    });

    it('loads the figure renderer only from its own chunk, which neither validate nor the language server imports', async () => {
        const result = await esbuild.build({ ...bundleOptions({ sporbar: path.join(root, 'packages/cli/src/cli-entry.ts') }, path.join(root, 'out/bundle-test')), write: false });
        const outputs = result.metafile!.outputs;
        const chunkOf = (pattern: RegExp) => Object.keys(outputs).filter(file => file.endsWith('.js') && Object.keys(outputs[file].inputs).some(input => pattern.test(input)));
        // resvg (its WebAssembly glue) is in one chunk of its own, reached only by a dynamic import.
        const resvg = chunkOf(/node_modules\/@resvg\/resvg-wasm\//);
        expect(resvg).toHaveLength(1);
        const staticClosure = (from: string) => {
            const seen = new Set<string>();
            const visit = (file: string) => {
                if (seen.has(file)) return;
                seen.add(file);
                for (const imported of outputs[file].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
            };
            visit(from);
            return seen;
        };
        const entry = Object.keys(outputs).find(file => outputs[file].entryPoint?.endsWith('cli-entry.ts'))!;
        for (const start of [entry, ...chunkOf(/validate-run\.ts$/), ...chunkOf(/packages\/language\/src\/server-main\.ts$/)]) {
            expect([...staticClosure(start)].filter(file => resvg.includes(file)), start).toEqual([]);
        }
        // And the report font is read by code that runs only for a report (report-assets.ts); the
        // WebAssembly and the fonts are files beside the bundle, not in it.
        expect(Object.values(outputs).flatMap(o => Object.keys(o.inputs)).filter(input => /\.(wasm|ttf|woff)$/.test(input))).toEqual([]);
    });
});
