// Browser bench of <kre-user-sessions>, in Chromium over the mock computation (bench/sessions-harness.ts):
//   - response → painted page of 50 and 250 rows (median and p90 of 15 pages each),
//   - export of 100 000 rows end to end (rows/s, file size, peak JS heap).
// Targets (issue 11): a 250-row page under 50 ms; 100 000 rows exported in under 5 s with memory
// bounded by the chunk size. Figures are printed, never asserted. Run: node bench/sessions.bench.mjs
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH } from '../scripts/chromium.mjs';
import { startHarness } from './sessions-serve.mjs';

const ARGS = [...CHROME_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'];
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p90: s[Math.floor(s.length * 0.9)], min: s[0] };
};
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (x) => `${(x / 1e6).toFixed(1)} MB`;

const harness = await startHarness();
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.goto(harness.url);
  await page.waitForFunction(() => globalThis.sessionsBench);
  console.log(`<kre-user-sessions> in Chromium (response handed over → page painted); load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
  for (const size of [50, 250]) {
    await page.evaluate((n) => globalThis.sessionsBench.benchPage(n, 3), size); // warm-up
    const times = await page.evaluate((n) => globalThis.sessionsBench.benchPage(n, 15), size);
    const s = stats(times);
    const plain = stats(await page.evaluate((n) => globalThis.sessionsBench.benchPlainTable(n, 15), size));
    console.log(`  page of ${String(size).padStart(3)} rows   median ${ms(s.median)}   p90 ${ms(s.p90)}   min ${ms(s.min)}${size === 250 ? `   (target < 50 ms: ${s.median < 50 ? 'met' : 'missed'})` : ''}`);
    console.log(`    baseline: bare <table> of the same text, DOM calls, no styles: median ${ms(plain.median)}   (element / baseline ${(s.median / plain.median).toFixed(2)}x)`);
  }
  const r = await page.evaluate(() => globalThis.sessionsBench.benchExport(100_000));
  console.log('Export, end to end (pages of 1000 fetched, CSV chunks → Blob → download)');
  console.log(`  ${r.rows.toLocaleString('en-US')} rows in ${ms(r.ms)}   ${Math.round(r.rows / (r.ms / 1000)).toLocaleString('en-US')} rows/s   file ${mb(r.bytes)}   (target < 5 s: ${r.ms < 5000 ? 'met' : 'missed'})`);
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
