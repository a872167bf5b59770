/**
 * Core at 1 000 000 sessions, cold against warm (issue 12, item 5): the first answer of each kind
 * on a new dataset against the same query once warm, beside the target "the first answer within
 * 2x of a warm one". Run in a process of its own (scripts/bench.mjs does), so the first figures are
 * what a page gets: JIT and the dataset's index both cold, after the dataset was generated, as in
 * the demo.
 *
 *   - first `computeUsage` on a new dataset: validates the records and builds the column index
 *     (typed arrays, sorted orders), once per dataset object;
 *   - first search with a sort once the index exists (the demo's order: the chart asks first):
 *     builds the lowercase search text and the sort's ranks, lazily, once per dataset;
 *   - first search with a sort on a new dataset: all of the above at once;
 *   - what each lazy structure costs alone, on an indexed copy: the default page (session-id ranks
 *     for ties), a sort by user (user-name ranks), a search (search text).
 * A "new dataset" after the first is a shallow copy (`{ ...dataset }`): core keys its index by the
 * dataset object, so a copy starts cold while the JIT is warm.
 *
 * BENCH_COLD_SIZE=100000 changes the size. Figures are printed, never asserted.
 */
import { appendFileSync } from 'node:fs';
import { computeUsage, querySessions, type Dataset, type SessionsQuery, type UsageQuery } from '../src/core/index.js';
import { generateDataset } from '../src/mock/index.js';

const SIZE = Number(process.env.BENCH_COLD_SIZE ?? 1_000_000);
const END = '2026-10-31T16:00:00Z';
const TZ = 'Europe/Berlin';
const TARGET = 2;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function time<T>(fn: () => T): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Median of `runs` timings (the query has run before: warm). */
function warm(fn: () => unknown, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(time(fn));
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

const fmt = (ms: number) => `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`;
/** JS heap plus ArrayBuffer backing stores (the index's typed arrays live there). */
const heapMb = () => {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
};

const t0 = performance.now();
const ds = generateDataset({ seed: 42, sessions: SIZE, days: 90, end: END });
const generated = performance.now() - t0;
console.log(`# core cold against warm, ${SIZE.toLocaleString('en-US')} sessions over 90 days (Node ${process.version}; generated in ${fmt(generated)})`);

const usage: UsageQuery = { product: 'kre', from: '2026-08-03', to: '2026-10-31', interval: 'day', timeZone: TZ };
const search: SessionsQuery = { product: 'kre', from: '2026-08-03', to: '2026-10-31', timeZone: TZ, q: 'an', sort: 'user', order: 'asc', limit: 50 };
const sortOnly: SessionsQuery = { ...search, q: undefined };

const rows: Array<[string, number, number]> = [];

// 1. The first computeUsage of the process on the new dataset: JIT cold, index built.
gc();
let heap = heapMb();
const usageCold = time(() => computeUsage(ds, usage, END));
gc();
const indexMb = heapMb() - heap;
const usageWarm = warm(() => computeUsage(ds, usage, END));
rows.push(['first computeUsage (day, 90 buckets), new dataset, first in the process', usageCold, usageWarm]);

// 2. The first search with a sort once the index exists: search text and sort ranks built.
gc();
heap = heapMb();
const searchCold = time(() => querySessions(ds, search, END));
gc();
const searchMb = heapMb() - heap;
const searchWarm = warm(() => querySessions(ds, search, END));
rows.push(['first search q="an" sorted by user, index built', searchCold, searchWarm]);

// 3. The same on a new dataset object (JIT warm): index + search text + ranks.
gc();
{
  const copy: Dataset = { ...ds };
  rows.push(['first search q="an" sorted by user, new dataset', time(() => querySessions(copy, search, END)), searchWarm]);
}
// 4. A new dataset's first computeUsage with the JIT warm: the index alone.
gc();
{
  const copy: Dataset = { ...ds };
  rows.push(['first computeUsage, new dataset, JIT warm (the index)', time(() => computeUsage(copy, usage, END)), usageWarm]);
}
// 5. Each lazy structure alone, on an indexed copy, in the order a user meets them: the session
//    log's default page (started, descending: time ranks and the session-id ranks every sort but
//    started-ascending breaks ties with), then a sort by user (the user-name ranks), then a search
//    (the lowercase search text).
gc();
{
  const copy: Dataset = { ...ds };
  computeUsage(copy, usage, END);
  gc();
  const steps: Array<[string, SessionsQuery]> = [
    ['  of which: first default page, started desc (time and session-id ranks)', { ...search, q: undefined, sort: 'started', order: 'desc' }],
    ['  of which: then first sort by user (user-name ranks)', sortOnly],
    ['  of which: then first search, sorted by user (search text)', search],
  ];
  for (const [name, query] of steps) {
    const first = time(() => querySessions(copy, query, END));
    rows.push([name, first, warm(() => querySessions(copy, query, END))]);
  }
}

console.log(`measure | first | warm (median of 7) | first / warm (target ≤ ${TARGET}x)`);
for (const [measure, first, warmMs] of rows) {
  const ratio = first / warmMs;
  const verdict = measure.startsWith('  of which') ? `${ratio.toFixed(1)}x` : `${ratio.toFixed(1)}x (${ratio <= TARGET ? 'met' : 'MISSED'})`;
  console.log(`${measure} | ${fmt(first)} | ${fmt(warmMs)} | ${verdict}`);
  if (process.env.BENCH_SUMMARY && !measure.startsWith('  of which')) {
    appendFileSync(
      process.env.BENCH_SUMMARY,
      JSON.stringify({ bench: 'cold', measure: `core ${SIZE.toLocaleString('en-US')}: ${measure}`, figure: `${fmt(first)} first, ${fmt(warmMs)} warm`, target: `${ratio.toFixed(1)}x (target ≤ ${TARGET}x: ${ratio <= TARGET ? 'met' : 'MISSED'})` }) + '\n',
    );
  }
}
console.log(`# memory kept (JS heap and typed arrays, after a full GC) by the index: ${indexMb.toFixed(0)} MB; by the search text and user ranks: ${searchMb.toFixed(0)} MB (peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`);
