/**
 * Core benchmark: `computeUsage`, `querySessions` and the CSV export on generated datasets of
 * 100 000 and 1 000 000 sessions over 90 days, each beside a straightforward baseline measured
 * in the same run (sessions as objects, events sorted with Array.prototype.sort, CSV built by
 * string concatenation with Intl formatting), with the ratio. Run: `npm run bench`.
 *
 * Figures are printed, never asserted: a benchmark informs, a test decides.
 */
import {
  computeUsage,
  querySessions,
  sessionsCsvChunks,
  type Dataset,
  type SessionItem,
  type UsageQuery,
} from '../src/core/index.js';
import { generateDataset } from '../src/mock/index.js';
import { baselineCsv, baselineSessions, baselineUsage } from './baseline.js';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const END = '2026-10-31T16:00:00Z';
const TZ = 'Europe/Berlin';
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** Median of `runs` timings after one warm-up. */
function median(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(time(fn).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)).padStart(7) + ' ms';
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const rows: string[][] = [];
function report(size: number, what: string, ours: string, baseline: string, ratio: string): void {
  const row = [size.toLocaleString('en-US'), what, ours, baseline, ratio];
  rows.push(row);
  console.log(row.join(' | '));
}

function itemsOf(ds: Dataset): SessionItem[] {
  const orgs = new Map(ds.organizations.map((o) => [o.id, o]));
  const path = (id: string | null): string[] => {
    const out: string[] = [];
    for (let o = id ? orgs.get(id) : undefined; o; o = o.parentId ? orgs.get(o.parentId) : undefined) out.unshift(o.name);
    return out;
  };
  const paths = new Map(ds.organizations.map((o) => [o.id, path(o.id)]));
  return ds.sessions.map((s) => ({
    sessionId: s.sessionId,
    user: s.user,
    machineId: s.machineId,
    licenseSource: s.licenseSource,
    organization: s.organizationId ? { id: s.organizationId, name: orgs.get(s.organizationId)!.name, path: paths.get(s.organizationId)! } : null,
    licenseType: s.licenseType,
    started: s.started,
    ended: s.ended,
  }));
}

function same(a: unknown, b: unknown, what: string): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`bench: the baseline and core disagree on ${what}`);
}

console.log(`# kre-license-reports core benchmark (Node ${process.version}, ${process.arch})`);
console.log('size | measure | core | baseline | speed-up');

for (const size of SIZES) {
  gc();
  const generated = time(() => generateDataset({ seed: 42, sessions: size, days: 90, end: END }));
  const ds = generated.value;
  console.log(`# ${size.toLocaleString('en-US')} sessions generated in ${generated.ms.toFixed(0)} ms`);
  const org = ds.organizations.find((o) => o.parentId !== null && ds.organizations.some((c) => c.parentId === o.id))!.id;
  const day: UsageQuery = { product: 'kre', from: '2026-08-03', to: '2026-10-31', interval: 'day', timeZone: TZ };
  const hour: UsageQuery = { ...day, from: '2026-10-01', interval: 'hour' };

  // First call: validates the dataset and builds its column index (once per dataset object).
  const cold = time(() => computeUsage(ds, day, END));
  report(size, 'index + first computeUsage (day)', fmt(cold.ms), '', '');
  for (const [name, query] of [
    ['computeUsage day, all orgs', day],
    ['computeUsage day, one org', { ...day, organizationIds: [org] }],
    ['computeUsage hour (31 d), all orgs', hour],
    ['computeUsage hour (31 d), one org', { ...hour, organizationIds: [org] }],
  ] as const) {
    const ours = median(() => computeUsage(ds, query, END));
    const base = median(() => baselineUsage(ds, query, END), size > 200_000 ? 1 : 3);
    same(computeUsage(ds, query, END).buckets, baselineUsage(ds, query, END).buckets, name);
    report(size, name, fmt(ours), fmt(base), `${(base / ours).toFixed(1)}x`);
  }

  const search = { product: 'kre' as const, from: '2026-08-03', to: '2026-10-31', timeZone: TZ, q: 'an', sort: 'user' as const, order: 'asc' as const, limit: 50 };
  const coldSearch = time(() => querySessions(ds, search, END));
  report(size, 'first querySessions (builds search text, ranks)', fmt(coldSearch.ms), '', '');
  const oursQ = median(() => querySessions(ds, search, END));
  const baseQ = median(() => baselineSessions(ds, search, END), 3);
  same(querySessions(ds, search, END).items.map((i) => i.sessionId), baselineSessions(ds, search, END), 'the sessions page');
  report(size, `querySessions q="an" sort=user, page 1 (${coldSearch.value.total.toLocaleString('en-US')} matches)`, fmt(oursQ), fmt(baseQ), `${(baseQ / oursQ).toFixed(1)}x`);

  const items = itemsOf(ds);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let bytes = 0;
  let peakHeap = 0;
  let n = 0;
  // Throughput: the median of three full exports.
  const csvRuns = [0, 1, 2].map(() => {
    bytes = 0;
    return time(() => {
      for (const chunk of sessionsCsvChunks(items, { timeZone: TZ, asOf: END }, { chunkRows: 1000 })) {
        bytes += Buffer.byteLength(chunk);
        if (++n % 50 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - heapBefore);
      }
    }).ms;
  });
  const csv = { ms: csvRuns.sort((a, b) => a - b)[1] };
  // Memory: a second pass with a full GC every 100 chunks; the live heap must not grow with rows.
  gc();
  const liveBefore = process.memoryUsage().heapUsed;
  let liveGrowth = 0;
  n = 0;
  for (const chunk of sessionsCsvChunks(items, { timeZone: TZ, asOf: END }, { chunkRows: 1000 })) {
    if (chunk && ++n % 100 === 0) {
      gc();
      liveGrowth = Math.max(liveGrowth, process.memoryUsage().heapUsed - liveBefore);
    }
  }
  gc();
  const baseHeapBefore = process.memoryUsage().heapUsed;
  const base = time(() => baselineCsv(items, TZ, END));
  const baseHeap = process.memoryUsage().heapUsed - baseHeapBefore;
  const oursRate = bytes / 1048576 / (csv.ms / 1000);
  const baseRate = Buffer.byteLength(base.value) / 1048576 / (base.ms / 1000);
  report(size, `sessionsCsvChunks, ${mb(bytes)} (MB/s)`, `${oursRate.toFixed(0).padStart(5)} MB/s`, `${baseRate.toFixed(0).padStart(5)} MB/s`, `${(oursRate / baseRate).toFixed(1)}x`);
  report(size, 'CSV heap while exporting: peak growth (garbage included) / live after GC', `${mb(Math.max(peakHeap, 0))} / ${mb(Math.max(liveGrowth, 0))}`, mb(Math.max(baseHeap, 0)), '');
}
console.log(`# peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
