// Parse-only lower bound: start, read and parse every .prog file of a folder, nothing else.
// Usage: node bench/parse-only.mjs FOLDER   (prints "parsed N files, E syntax errors")
import '../packages/language/polyfill.cjs';
import * as fs from 'node:fs';
import { URI } from 'langium';
import { createProgCoreServices, findProgFiles } from '../packages/language/out/index.js';

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
