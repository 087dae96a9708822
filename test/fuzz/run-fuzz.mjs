#!/usr/bin/env node
// `npm run fuzz`: 10,000 fuzz cases (FUZZ_RUNS) with a fresh seed (FUZZ_SEED to replay one),
// through vitest so that the test setup and the built packages are the same as in `npm test`.
import { spawnSync } from 'node:child_process';

const runs = process.env.FUZZ_RUNS ?? '10000';
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz: ${runs} cases, seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz)`);
const r = spawnSync('npx', ['vitest', 'run', 'test/fuzz/fuzz.test.ts', '--testTimeout', '0'], {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed }
});
process.exit(r.status ?? 1);
