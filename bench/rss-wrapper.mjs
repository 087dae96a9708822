// Fallback for peak memory when /usr/bin/time (Debian package `time`) is not installed:
// runs a Node script in this process and, on exit, writes process.resourceUsage().maxRSS
// (KiB) to a file. The figure includes this wrapper's few MB of its own.
// Usage: node bench/rss-wrapper.mjs OUTFILE SCRIPT [args…]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
process.on('exit', () => fs.writeFileSync(out, `${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(path.resolve(script)).href);
