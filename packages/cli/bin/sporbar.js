#!/usr/bin/env node
// Entry point of the `sporbar` command: the bundle that `npm run build` writes to dist/
// (packages/cli/build.mjs; the program itself is src/cli-entry.ts).
import('../dist/sporbar.js').catch(err => {
    const missing = err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/sporbar.js');
    process.stderr.write(missing
        ? 'sporbar: the command is not built (packages/cli/dist/sporbar.js is missing); run `npm run build`\n'
        : `sporbar: internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 2;
});
