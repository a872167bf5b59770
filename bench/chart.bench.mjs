// Chart bench in Chromium: time from data to a painted chart for 31, 365 and 2 200 daily buckets
// (fetch answers at once; the clock runs from the fetch to the paint after the bars are in the
// DOM), and the cost of moving the tooltip across 2 200 buckets, one bucket per frame.
// Targets: < 50 ms for 365 buckets, < 16 ms per tooltip move.
// Usage: node bench/chart.bench.mjs   (exits 1 when a target is missed)
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH } from '../scripts/chromium.mjs';

const PAGE = '/__chart-bench.html';
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>chart bench</title></head>
<body><script type="module" src="/bench/chart-bench-page.ts"></script></body></html>`;

const server = await createServer({
  root: process.cwd(),
  configFile: false,
  logLevel: 'error',
  // Lit's production build, as a host page gets it (the `development` condition is Vite's default in dev).
  mode: 'production',
  resolve: { conditions: ['module', 'browser', 'production', 'import', 'default'] },
  define: { 'process.env.NODE_ENV': '"production"' },
  server: { port: 0, host: '127.0.0.1' },
  plugins: [
    {
      name: 'chart-bench-page',
      configureServer(s) {
        s.middlewares.use(PAGE, async (req, res) => {
          res.setHeader('Content-Type', 'text/html');
          res.end(await s.transformIndexHtml(PAGE, html));
        });
      },
    },
  ],
});
await server.listen();
const { port } = server.httpServer.address();

const browser = await chromium.launch({
  executablePath: CHROME_PATH,
  args: CHROME_ARGS,
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://127.0.0.1:${port}${PAGE}`);
  await page.waitForFunction(() => typeof window.runBench === 'function', null, { timeout: 60_000 });
  const result = await page.evaluate(() => window.runBench());
  const ms = (v) => `${v.toFixed(1).padStart(6)} ms`;
  console.log('usage chart bench (Chromium, 1200 px wide)');
  for (const n of [31, 365, 2200]) {
    const r = result[`dataToPaint_${n}`];
    console.log(`  data → painted chart, ${String(n).padStart(4)} buckets: median ${ms(r.median)}   p95 ${ms(r.p95)}   (first load: median ${ms(r.firstMedian)})`);
  }
  const t = result.tooltipMove_2200;
  console.log(`  tooltip move, 2200 buckets (${t.moves} moves): work median ${ms(t.workMedian)}   p95 ${ms(t.workP95)}`);
  console.log(`                                       frame interval median ${ms(t.frameMedian)}   p95 ${ms(t.frameP95)}`);
  if (result.dataToPaint_365.median > 50) {
    console.error('  ✗ target missed: 365 buckets should paint in under 50 ms');
    failed = true;
  }
  if (t.workP95 > 16) {
    console.error('  ✗ target missed: a tooltip move should take under 16 ms');
    failed = true;
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
