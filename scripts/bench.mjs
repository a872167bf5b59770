#!/usr/bin/env node
// `npm run bench`: the core benchmark in Node (bench/core.bench.ts), then every browser benchmark
// (bench/*.bench.mjs, each drives Debian Chromium itself). Figures are printed, never asserted.
// BENCH_SIZES=100000 limits the core run to one size.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const run = (args) => {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', 'bench/core.bench.ts']);
for (const file of readdirSync('bench').filter((f) => f.endsWith('.bench.mjs')).sort()) {
  console.log(`\n# bench/${file}`);
  run([`bench/${file}`]);
}
