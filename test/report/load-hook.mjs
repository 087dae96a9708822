// Registered with `node --import` by cli-report.test.ts: reports every module of the report stack that gets loaded.
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
    const result = await next(specifier, context);
    if (/node_modules\\/(docx|elkjs|@resvg|markdown-it)\\/|packages\\/report\\//.test(result.url)) process.stderr.write('REPORT-STACK ' + result.url + '\\n');
    return result;
}`));
