// The comparison (issue 12, item 1), in one Chromium page (bench/compare-page.ts):
//   - <kre-license-usage> beside uPlot 1.6.32 and Chart.js 4.6.1 (no animation), same data, same
//     plot size: new data → pixels at 31, 365 and 2 200 daily buckets, with the answer at once (no
//     network: a loading frame is painted only if the element lets one through) and with the
//     answer after the loading frame is on screen (as over a network; the peers have no loading
//     state, so their figure is the same in both rows); a new chart's main-thread time at 31 and
//     365 buckets; the pointer swept across 2 200 buckets (ms per frame, the tooltip following);
//   - <kre-user-sessions> beside a bare <table> of the same rows: a new page of 50 and 250 rows →
//     pixels, the answer at once and after the loading frame.
// Samples are interleaved (each round takes one sample of every contender, in a rotating order,
// after two warm-up rounds); medians and p90 of BENCH_SAMPLES (default 21) samples per cell, and
// the ratios beside the targets. "Pixels" is the presentation of the frame that paints the
// result, after its raster (Element Timing); see the header of bench/compare-page.ts.
//
// Usage: node bench/compare.bench.mjs [--no-trace]
//   After the timed samples of 2 200 buckets and of 250 rows, a Chromium trace of three more
//   samples of each contender says where their time goes (main thread by activity, raster
//   threads) and checks that the raster work of each sample is done when it is presented
//   (BENCH_TRACE_DIR=dir keeps the raw traces; BENCH_TRACE_BUCKETS=365 traces another chart size;
//   --no-trace skips it).
//   BENCH_PHASES=chart,fresh,sweep,table runs some of the phases only; BENCH_CHART_SIZES=2200 draws
//   some of the chart lengths only.
// Figures are printed, never asserted; the exit code is 0 whatever they are.
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH } from '../scripts/chromium.mjs';
import { cell, printTable, progress, stats, summarize, verdict } from './stats.mjs';
import { traceSamples } from './trace.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 21);
const WARMUP = 2;
const TRACE = !process.argv.includes('--no-trace');
const CHART_SIZES = (process.env.BENCH_CHART_SIZES ?? '31,365,2200').split(',').map(Number);
const NEW_CHART_SIZES = [31, 365];
const TABLE_SIZES = [50, 250];
const SWEEP_STEPS = 40;
const PHASES = (process.env.BENCH_PHASES ?? 'chart,fresh,sweep,table').split(',');

const PAGE = '/__compare-bench.html';
const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>compare bench</title>
<link rel="icon" href="data:,"><style>body{margin:8px;font-family:system-ui,sans-serif}</style></head>
<body><script type="module" src="/bench/compare-page.ts"></script></body></html>`;

const server = await createServer({
  root: process.cwd(),
  configFile: false,
  logLevel: 'error',
  // Lit's production build, as a host page gets it (the `development` condition is Vite's default in dev).
  mode: 'production',
  resolve: { conditions: ['module', 'browser', 'production', 'import', 'default'] },
  define: { 'process.env.NODE_ENV': '"production"' },
  // No dependency discovery: a late optimization would reload the page in the middle of the run.
  optimizeDeps: { noDiscovery: true, include: [] },
  server: { port: 0, host: '127.0.0.1', hmr: false },
  plugins: [
    {
      name: 'compare-bench-page',
      configureServer(s) {
        s.middlewares.use(PAGE, async (_req, res) => {
          res.setHeader('Content-Type', 'text/html');
          res.end(await s.transformIndexHtml(PAGE, HTML));
        });
      },
    },
  ],
});
await server.listen();
const { port } = server.httpServer.address();

const rotate = (list, k) => list.map((_, i) => list[(i + k) % list.length]);

/**
 * Runs `rounds` interleaved rounds over `contenders` (each `{ key, sample(round) }`), the first
 * WARMUP not recorded; returns the samples per key.
 */
async function interleave(label, contenders, rounds = WARMUP + SAMPLES) {
  const out = Object.fromEntries(contenders.map((c) => [c.key, []]));
  const loading = Object.fromEntries(contenders.map((c) => [c.key, 0]));
  for (let round = 0; round < rounds; round++) {
    for (const c of rotate(contenders, round)) {
      const sample = await c.sample(round);
      if (round < WARMUP) continue;
      // A sample is a number of ms, or { value, loadingFrames } (frames painted in a loading state before the result).
      out[c.key].push(typeof sample === 'number' ? sample : sample.value);
      if (sample.loadingFrames > 0) loading[c.key]++;
    }
    const done = round + 1 - WARMUP;
    if (done > 0 && (done % 7 === 0 || round + 1 === rounds)) progress(`${label}: ${done}/${rounds - WARMUP} rounds`);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, { ...stats(v), loadingSamples: loading[k] }]));
}

const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
const started = performance.now();
try {
  const page = await browser.newPage({ viewport: { width: 1240, height: 1600 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(`http://127.0.0.1:${port}${PAGE}`);
  await page.waitForFunction(() => window.compareBench, null, { timeout: 120_000 });
  const bench = (fn, ...args) => page.evaluate(({ fn, args }) => window.compareBench[fn](...args), { fn, args });
  /**
   * Runs a phase; a phase that breaks (the elements change while this bench is written against
   * their public surface) is reported and the others still run. A broken phase makes the exit
   * code 1: that is a broken bench, not a missed target.
   */
  const phase = async (name, body) => {
    if (!PHASES.includes(name)) return;
    try {
      await body();
    } catch (error) {
      console.log(`  phase "${name}" broke, its rows are missing: ${String(error?.message ?? error).split('\n')[0]}`);
      process.exitCode = 1;
    }
  };

  const display = stats(await bench('displayFrames', 60));
  const setup = await bench('setupCharts', CHART_SIZES);
  console.log(`Comparison in Chromium ${browser.version()} (headless, software raster), ${SAMPLES} interleaved samples per cell after ${WARMUP} warm-up rounds; median / p90.`);
  console.log(`Display frame interval when idle: ${display.median.toFixed(1)} ms. Chart plot ${setup.plot.width}×${setup.plot.height} px for all three (data generated in ${setup.ms.toFixed(0)} ms).`);
  console.log('"Pixels": until the frame that paints the result is presented (Element Timing renderTime of a marker painted in that frame: after its raster); see bench/compare-page.ts.');

  // ---- Charts: new data → pixels -------------------------------------------------------------
  const variants = {};
  const nextVariant = (key) => (variants[key] = variants[key] === 0 ? 1 : 0);
  const chartRun = (key, contender, n, arrival) => ({ key, sample: () => bench('chartSample', contender, n, nextVariant(contender), arrival) });
  const chartRuns = (n) => [chartRun('ours-idle', 'ours', n, 'idle'), chartRun('ours-busy', 'ours', n, 'busy'), chartRun('uplot', 'uplot', n, 'idle'), chartRun('chartjs', 'chartjs', n, 'idle')];
  const chart = {};
  await phase('chart', async () => {
    for (const n of CHART_SIZES) chart[n] = await interleave(`chart ${n} buckets, new data → pixels`, chartRuns(n));
    const n = Number(process.env.BENCH_TRACE_BUCKETS ?? 2200);
    if (TRACE) await traceSamples(browser, page, bench, chartRuns(n).map((c) => ({ label: `chart ${n}, ${c.key}`, sample: c.sample })));
  });

  // ---- Charts: a new chart, main thread ------------------------------------------------------
  const fresh = {};
  await phase('fresh', async () => {
    for (const n of NEW_CHART_SIZES) {
      const c = (key) => ({ key, sample: () => bench('newChartSample', key, n) });
      fresh[n] = await interleave(`new chart ${n} buckets, main thread`, [c('ours'), c('uplot'), c('chartjs')]);
    }
    await bench('clearFresh');
  });

  // ---- Charts: the pointer swept across 2 200 buckets ----------------------------------------
  let tooltip = null;
  let tooltipSeen = true;
  await phase('sweep', async () => {
    const plots = await bench('sweepPrepare', 2200);
    const sweep = (key) => ({
      key,
      sample: async (round) => {
        const box = plots[key];
        const y = box.y + box.height * 0.6;
        await page.mouse.move(2, 2);
        await page.waitForTimeout(50);
        await bench('startFrameLog');
        for (let s = 0; s < SWEEP_STEPS; s++) {
          // Left to right across the data area; each round starts at a different offset.
          const x = box.x + ((s + ((round * 0.37) % 1)) / SWEEP_STEPS) * box.width;
          await page.mouse.move(x, y);
        }
        const log = await bench('stopFrameLog');
        if (key === 'ours') tooltipSeen &&= await bench('tooltipShown');
        return (log[log.length - 1] - log[0]) / Math.max(1, log.length - 1);
      },
    });
    tooltip = await interleave('pointer sweep across 2 200 buckets', [sweep('ours'), sweep('uplot'), sweep('chartjs')]);
    await page.mouse.move(2, 2);
  });

  // ---- Tables --------------------------------------------------------------------------------
  const table = {};
  await phase('table', async () => {
    await page.setViewportSize({ width: 2860, height: 1000 });
    await bench('setupTables', TABLE_SIZES);
    const orders = {};
    const nextOrder = (key) => (orders[key] = orders[key] === 'asc' ? 'desc' : 'asc');
    const tableRuns = (n) => {
      const c = (key, contender, arrival) => ({ key, sample: () => bench('tableSample', contender, n, nextOrder(contender), arrival) });
      return [c('ours-idle', 'ours', 'idle'), c('ours-busy', 'ours', 'busy'), c('bare', 'bare', 'idle')];
    };
    for (const n of TABLE_SIZES) table[n] = await interleave(`table ${n} rows → pixels`, tableRuns(n));
    if (TRACE) await traceSamples(browser, page, bench, tableRuns(250).map((c) => ({ label: `table 250, ${c.key}`, sample: c.sample })));
  });

  // ---- Report --------------------------------------------------------------------------------
  const r = (a, b) => a.median / b.median;
  // `idle`: the answer is in hand at once (no network); `busy`: it arrives once the loading state
  // the request started is on screen (presented), as over any network. The peers have no loading
  // state: their figure is the same in both rows.
  const ARRIVALS = [
    ['idle', 'answer at once'],
    ['busy', 'answer after the loading frame'],
  ];
  const loadingNote = (s) => `loading frame painted anyway in ${s.loadingSamples}/${s.n}`;
  const rows = [];
  const row = (measure, ours, peers, ratios) => rows.push([measure, cell(ours), cell(peers.uplot), cell(peers.chartjs), cell(peers.bare), ratios.join('; ')]);
  for (const n of CHART_SIZES.filter((n) => chart[n])) {
    const s = chart[n];
    const targets = n === 2200 ? { uplot: 1.2, chartjs: 1.0 } : { uplot: null, chartjs: 1.0 };
    for (const [arrival, label] of ARRIVALS) {
      const ours = s[`ours-${arrival}`];
      const ratios = [`/uPlot ${verdict(r(ours, s.uplot), targets.uplot)}`, `/Chart.js ${verdict(r(ours, s.chartjs), targets.chartjs)}`];
      if (arrival === 'idle') ratios.push(loadingNote(ours));
      row(`chart, ${n} buckets, new data → pixels, ${label}`, ours, s, ratios);
      summarize('compare', `chart, ${n} buckets, new data → pixels, ${label}`, `${cell(ours)} ms (uPlot ${cell(s.uplot)}, Chart.js ${cell(s.chartjs)})`, ratios.join('; '));
    }
  }
  for (const n of NEW_CHART_SIZES.filter((n) => fresh[n])) {
    const s = fresh[n];
    const ratios = [`/uPlot ${verdict(r(s.ours, s.uplot), null)}`, `/Chart.js ${verdict(r(s.ours, s.chartjs), null)}`, 'no target in the issue'];
    row(`new chart, ${n} buckets, main thread`, s.ours, s, ratios);
    summarize('compare', `new chart, ${n} buckets, main thread`, `${cell(s.ours)} ms (uPlot ${cell(s.uplot)}, Chart.js ${cell(s.chartjs)})`, ratios.join('; '));
  }
  if (tooltip) {
    const frameMs = display.median;
    const t = tooltip;
    const ratios = [`/display frame ${verdict(t.ours.median / frameMs, 1.05)}`, `/uPlot ${verdict(r(t.ours, t.uplot), null)}`, `/Chart.js ${verdict(r(t.ours, t.chartjs), null)}`];
    row(`pointer across 2 200 buckets, ms per frame (display ${frameMs.toFixed(1)})`, t.ours, t, ratios);
    summarize('compare', 'tooltip across 2 200 buckets, ms per frame', `${cell(t.ours)} ms (uPlot ${cell(t.uplot)}, Chart.js ${cell(t.chartjs)})`, ratios.join('; '));
  }
  for (const n of TABLE_SIZES.filter((n) => table[n])) {
    const s = table[n];
    const max = n === 250 ? 1.3 : 1.2;
    for (const [arrival, label] of ARRIVALS) {
      const ours = s[`ours-${arrival}`];
      const ratios = [`/bare ${verdict(r(ours, s.bare), max)}`];
      if (arrival === 'idle') ratios.push(loadingNote(ours));
      row(`table, a page of ${n} rows → pixels, ${label}`, ours, { bare: s.bare }, ratios);
      summarize('compare', `table, ${n} rows → pixels, ${label}`, `${cell(ours)} ms (bare table ${cell(s.bare)})`, ratios.join('; '));
    }
  }
  console.log('');
  printTable(['measure (median / p90, ms)', 'this project', 'uPlot', 'Chart.js', 'bare <table>', 'ratio of medians (target)'], rows);
  if (!tooltipSeen) console.log('  note: the element showed no tooltip after a sweep (the pointer missed its plot?)');
  console.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);

} finally {
  await browser.close();
  await server.close();
}
