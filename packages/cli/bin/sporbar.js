#!/usr/bin/env node
// Entry point of the `sporbar` command. The Object.groupBy polyfill must load before
// anything imports Chevrotain (Node 20).
import '@sporbar/language/polyfill';
import { main } from '../out/main.js';

main(process.argv).then(code => { process.exitCode = code; }, err => {
    process.stderr.write(`sporbar: internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 2;
});
