#!/usr/bin/env node
// `npm run bench`: every benchmark, always all of them, then one summary of the figures beside
// their targets. Figures are printed, never asserted: a missed target never fails the run. The exit
// code is non-zero only when a bench itself broke (it threw or its browser failed), and only after
// all the others have run.
//   1. bench/core.bench.ts      core in Node beside a straightforward baseline (BENCH_SIZES=100000 for one size)
//   2. bench/cold.bench.ts      core at 1M sessions, first answers against warm ones, in a fresh process
//   3. bench/*.bench.mjs        Chromium: compare (the elements beside uPlot, Chart.js and a bare
//                               table), demo (every interaction of the demo), sessions (the export)
// BENCH_ONLY=compare,demo runs the benches whose file names start with those words.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'kre-bench-'));
const summary = join(dir, 'summary.jsonl');
const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
const node = ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx'];

const benches = [
  ['core.bench.ts', [...node, 'bench/core.bench.ts']],
  ['cold.bench.ts', [...node, 'bench/cold.bench.ts']],
  ...readdirSync('bench')
    .filter((f) => f.endsWith('.bench.mjs'))
    .sort()
    .map((f) => [f, [`bench/${f}`]]),
].filter(([file]) => !only || only.some((word) => file.startsWith(word)));

const broken = [];
const started = Date.now();
console.log(`# npm run bench: ${benches.length} benches on ${cpus().length} cores (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
for (const [file, args] of benches) {
  console.log(`\n# bench/${file}`);
  const t0 = Date.now();
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, BENCH_SUMMARY: summary } });
  if (result.status !== 0) broken.push(`${file} (exit ${result.status ?? result.signal})`);
  console.log(`# bench/${file}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

let rows = [];
try {
  rows = readFileSync(summary, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
} catch {
  // no bench wrote a summary row
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n# Summary: every figure beside its target (issue 12; median / p90 where sampled), ${((Date.now() - started) / 1000).toFixed(0)} s in all, load average now ${loadavg()[0].toFixed(1)}`);
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [r.measure, r.figure, r.target][i].length), 8));
for (const r of rows) console.log(`  ${r.measure.padEnd(widths[0])} | ${r.figure.padEnd(widths[1])} | ${r.target}`);
if (broken.length) {
  console.log(`\n# Broken (not a missed target: the bench itself failed): ${broken.join(', ')}`);
  process.exit(1);
}
