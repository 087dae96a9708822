/** The front page: kind, title, programme and the facts a reader looks for first. */
import type { FrontPage } from '../document.js';
import { formatDate } from '../labels.js';
import type { BuildContext } from './context.js';

export function frontPage(ctx: BuildContext): FrontPage {
    const r = ctx.report, l = ctx.l;
    const facts: { label: string; value: string }[] = [];
    const client = ctx.programme?.client?.ref;
    if (client) facts.push({ label: l.client, value: client.title ?? client.name });
    if (ctx.programme?.contract) facts.push({ label: l.contract, value: ctx.programme.contract });
    if (r.number) facts.push({ label: l.reportNumber, value: r.number });
    if (r.date !== undefined) facts.push({ label: l.date, value: formatDate(r.date, ctx.language) });
    if (r.authors.length) facts.push({ label: l.authors, value: r.authors.join(', ') });
    const audience = r.audience.map(a => a.ref?.title).filter((t): t is string => Boolean(t));
    if (audience.length) facts.push({ label: l.audience, value: audience.join('; ') });
    return { kindTitle: l.kindTitle[ctx.kind], title: r.title ?? r.name, programmeTitle: ctx.programme?.title, facts };
}
