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
        // The server and bibliographies still get them, from chunks of their own.
        const all = Object.values(outputs).flatMap(output => Object.keys(output.inputs));
        expect(all.some(input => input.includes('node_modules/vscode-languageserver/'))).toBe(true);
        expect(all.some(input => input.includes('@citation-js/plugin-bibtex'))).toBe(true);
    });
});
