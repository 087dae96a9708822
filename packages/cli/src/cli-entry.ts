// The program the `sporbar` command runs (bundled into dist/sporbar.js by build.mjs).
// The Object.groupBy polyfill must load before anything imports Chevrotain (Node 20).
import '@sporbar/language/polyfill';
import { main } from './main.js';

main(process.argv).then(code => { process.exitCode = code; }, err => {
    process.stderr.write(`sporbar: internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 2;
});
