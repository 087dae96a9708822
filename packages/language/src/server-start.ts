// Entry point that starts the .prog language server on import (`node out/server-start.js --stdio`).
import { main } from './server-main.js';

main();
