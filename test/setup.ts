// Node 20: Chevrotain needs Object.groupBy before it loads.
import '../packages/language/polyfill.cjs';
