// Preloaded (`node -r`) by packaged-server.test.ts into the packaged language server: reports on
// stderr every file the server reads from an `assets` folder (the report font, resvg's
// WebAssembly), so the test can tell that none is read at start and they are read for a figure.
const fs = require('node:fs');

const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
    const name = typeof file === 'string' ? file : file instanceof URL ? file.pathname : '';
    if (/[\\/]assets[\\/]/.test(name)) process.stderr.write(`ASSET-READ ${name}\n`);
    return readFileSync.call(this, file, ...rest);
};
