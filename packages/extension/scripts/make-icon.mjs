// Draws the extension icon (images/icon.png, 128×128) from an SVG written here:
// a programme-logic chain of three boxes whose last box carries a check mark —
// "every claim traced to its evidence".   node scripts/make-icon.mjs
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1f4e79"/>
      <stop offset="1" stop-color="#2e7d6b"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="24" fill="url(#bg)"/>
  <path d="M30 38 C 52 38, 44 64, 64 64 S 76 90, 98 90" fill="none" stroke="#cfe8ff" stroke-width="5" stroke-dasharray="2 7" stroke-linecap="round"/>
  <rect x="16" y="26" width="28" height="24" rx="5" fill="#e8eef7" stroke="#ffffff" stroke-width="2"/>
  <rect x="50" y="52" width="28" height="24" rx="5" fill="#e6f2ee" stroke="#ffffff" stroke-width="2"/>
  <rect x="84" y="78" width="30" height="26" rx="6" fill="#ffffff"/>
  <path d="M91 91 l6 6 l11 -13" fill="none" stroke="#2e7d32" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="30" cy="38" r="4" fill="#1f4e79"/>
  <circle cx="64" cy="64" r="4" fill="#2e7d6b"/>
</svg>`;
await initWasm(fs.readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 128 } }).render().asPng();
fs.mkdirSync(path.join(here, '../images'), { recursive: true });
fs.writeFileSync(path.join(here, '../images/icon.png'), png);
fs.writeFileSync(path.join(here, '../images/icon.svg'), svg + '\n');
console.log(`images/icon.png ${png.length} bytes`);
