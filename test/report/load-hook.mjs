// Registered with `node --import` by cli-report.test.ts: reports every module of the report stack that gets loaded —
// from node_modules and packages/report when they are loaded as they are, and from the bundle's chunks
// (packages/cli/dist) by what they hold: the docx library, elkjs, markdown-it or resvg.
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
const MARKERS = [/wordprocessingml\\/2006\\/main/, /org\\.eclipse\\.elk/, /markdown-it/, /__wbindgen|resvg/i];
export async function resolve(specifier, context, next) {
    const result = await next(specifier, context);
    if (/node_modules\\/(docx|elkjs|@resvg|markdown-it)\\/|packages\\/report\\//.test(result.url)) process.stderr.write('REPORT-STACK ' + result.url + '\\n');
    return result;
}
export async function load(url, context, next) {
    const result = await next(url, context);
    if (/\\/dist\\/[^/]+\\.js$/.test(url) && result.source) {
        const text = String(result.source);
        const hit = MARKERS.find(m => m.test(text));
        if (hit) process.stderr.write('REPORT-STACK ' + url + ' (' + hit.source + ')\\n');
    }
    return result;
}`));
