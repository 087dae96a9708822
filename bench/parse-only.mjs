// Parse-only lower bound: start, read and parse every .prog file of a folder, nothing else.
// Usage: node bench/parse-only.mjs FOLDER   (prints "parsed N files, E syntax errors")
// The bench runs it bundled like the CLI (bench/.work/parse-only/, packages/cli/build.mjs),
// so that both sides of validate ÷ parse load their code the same way (both import the
// language without its server: @sporbar/language/core).
import '@sporbar/language/polyfill';
import * as fs from 'node:fs';
import { URI } from 'langium';
import { createProgCoreServices, findProgFiles } from '@sporbar/language/core';

const services = createProgCoreServices({ fileSystemProvider: () => ({}) }).Prog;
const factory = services.shared.workspace.LangiumDocumentFactory;
let errors = 0;
let files = 0;
for (const file of findProgFiles(process.argv[2] ?? '.')) {
    const document = factory.fromString(fs.readFileSync(file, 'utf8'), URI.file(file));
    errors += document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length;
    files++;
}
console.log(`parsed ${files} files, ${errors} syntax errors`);
