/**
 * Entry of the bundled language server (dist/server.cjs). The build puts the
 * `Object.groupBy` polyfill in a banner before this module, so it runs before Chevrotain
 * loads. `server-start` starts the server on import; the report backend is plugged in
 * right after (it is only needed when a command runs) — the same one `sporbar lsp` uses.
 */
import { installReportBackend } from '@sporbar/report';
import '../../language/src/server-start.js';

installReportBackend();
