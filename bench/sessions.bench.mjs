// Browser bench of <kre-user-sessions>'s export, in Chromium over the mock computation
// (bench/sessions-harness.ts): 100 000 rows end to end (rows/s, file size, peak JS heap, live heap).
// Target (issue 11): 100 000 rows exported in under 5 s with memory bounded by the chunk size.
// A page of 50 and 250 rows beside a bare <table> is measured by bench/compare.bench.mjs.
// Figures are printed, never asserted. Run: node bench/sessions.bench.mjs
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH } from '../scripts/chromium.mjs';
import { startHarness } from './sessions-serve.mjs';
import { summarize } from './stats.mjs';

const ARGS = [...CHROME_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'];
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (x) => `${(x / 1e6).toFixed(1)} MB`;

const harness = await startHarness();
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.goto(harness.url);
  await page.waitForFunction(() => globalThis.sessionsBench);
  console.log(`<kre-user-sessions> export in Chromium; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
  const r = await page.evaluate(() => globalThis.sessionsBench.benchExport(100_000));
  console.log('Export, end to end (pages of 1000 fetched, CSV chunks → Blob → download)');
  console.log(`  ${r.rows.toLocaleString('en-US')} rows in ${ms(r.ms)}   ${Math.round(r.rows / (r.ms / 1000)).toLocaleString('en-US')} rows/s   file ${mb(r.bytes)}   (target < 5 s: ${r.ms < 5000 ? 'met' : 'MISSED'})`);
  summarize('sessions', 'export of 100 000 rows, end to end', `${ms(r.ms)}, ${mb(r.bytes)}`, `target < 5 s: ${r.ms < 5000 ? 'met' : 'MISSED'}`);
  console.log(`  JS heap peak ${mb(r.heapPeak)} (+${mb(r.heapPeak - r.heapBefore)} over the start, uncollected garbage of the in-page mock server included)`);
  // A second run with a full GC before each page: the live heap must stay flat (bounded by a page).
  const live = await page.evaluate(() => globalThis.sessionsBench.benchExport(100_000, true));
  const h = live.liveHeap;
  const at = (f) => h[Math.min(h.length - 1, Math.floor(f * (h.length - 1)))];
  console.log(`  live JS heap after GC, before page 1 / 25% / 50% / 75% / last: ${[0, 0.25, 0.5, 0.75, 1].map((f) => mb(at(f))).join(' / ')}   (growth ${mb(at(1) - at(0))} for a ${mb(live.bytes)} file)`);
} finally {
  await browser.close();
  await harness.close();
}
