// The page of `node bench/chart.bench.mjs`, run in Chromium: times from data to a painted chart
// for 31, 365 and 2 200 buckets, and the cost of moving the tooltip across 2 200 buckets.
import { formatInstant } from '../src/core/tz.js';
import type { UsageBucket, UsageResponse } from '../src/core/types.js';
import '../src/kre-license-usage.js';
import type { LicenseUsageElement } from '../src/usage-chart/license-usage.js';

const DAY = 86_400_000;

/** A daily response of `n` buckets with a plausible shape (weekly rhythm, capacity steps). */
function response(n: number): UsageResponse {
  const start = Date.UTC(2020, 0, 1);
  const buckets: UsageBucket[] = [];
  for (let i = 0; i < n; i++) {
    const available = 20 + 4 * Math.floor(i / 90);
    const weekday = i % 7;
    const peak = Math.min(available, Math.round((weekday < 5 ? 0.6 : 0.15) * available + 6 * Math.sin(i / 5) ** 2));
    buckets.push({
      // As the service writes them: with the zone's offset.
      start: formatInstant(start + i * DAY, 'UTC'),
      end: formatInstant(start + (i + 1) * DAY, 'UTC'),
      available,
      peak,
      peakAt: peak ? formatInstant(start + i * DAY + 10 * 3_600_000, 'UTC') : null,
      averagePeak: peak * 0.55,
    });
  }
  const last = buckets[n - 1];
  return {
    product: 'kre',
    interval: 'day',
    timeZone: 'UTC',
    from: buckets[0].start.slice(0, 10),
    to: last.start.slice(0, 10),
    asOf: last.end,
    buckets,
    summary: { available: last.available, peak: Math.max(...buckets.map((b) => b.peak)), averageDailyPeak: 10, utilization: 0.9 },
    organizations: [{ id: 'org-root', name: 'Acme Corp', parentId: null }],
  };
}

const afterPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function mount(): Promise<LicenseUsageElement> {
  const box = document.createElement('div');
  box.style.width = '1200px';
  box.innerHTML = '<kre-license-usage endpoint="/bench" from="2020-01-01" to="2020-01-31" time-zone="UTC" locale="en-US"></kre-license-usage>';
  document.body.replaceChildren(box);
  const el = box.firstElementChild as LicenseUsageElement;
  await el.updateComplete;
  return el;
}

/**
 * Data to paint: the fetch answers at once; the clock runs from the fetch to the paint after the
 * frame that has the bars. `fresh`: a new element each time (skeleton → chart); else one element
 * whose filters change (old chart → new chart), the common case.
 */
async function dataToPaint(n: number, runs: number, fresh: boolean): Promise<number[]> {
  const text = JSON.stringify(response(n));
  const times: number[] = [];
  let el = await mount();
  for (let run = 0; run < runs + 2; run++) {
    if (fresh) el = await mount();
    let t0 = 0;
    el.fetch = async () => {
      t0 = performance.now();
      return new Response(text, { headers: { 'content-type': 'application/json' } });
    };
    el.from = `2019-12-${String(10 + run).padStart(2, '0')}`;
    await el.updateComplete;
    // Checked at each frame: the paint that follows the frame the bars are in is the one timed.
    while (!(el.report && el.report.buckets.length === n && el.shadowRoot!.querySelectorAll('rect.bar').length === n && !el.shadowRoot!.querySelector('.busy-bar'))) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    const t1 = await new Promise<number>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
    if (run >= 2) times.push(t1 - t0); // two warm-up runs
    el.fetch = null;
  }
  return times;
}

/** Moving the tooltip one bucket per frame across every bucket. */
async function tooltipMoves(n: number): Promise<{ work: number[]; frames: number[] }> {
  const el = await mount();
  const text = JSON.stringify(response(n));
  el.fetch = async () => new Response(text, { headers: { 'content-type': 'application/json' } });
  el.from = '2020-01-02';
  while (el.shadowRoot!.querySelectorAll('rect.bar').length !== n) await new Promise((r) => setTimeout(r, 20));
  const plot = el.shadowRoot!.querySelector<HTMLElement>('.plot')!;
  const bars = [...el.shadowRoot!.querySelectorAll<SVGRectElement>('rect.bar')].map((r) => r.getBoundingClientRect());
  const work: number[] = [];
  const frames: number[] = [];
  let last = await afterPaint();
  const step = Math.max(1, Math.floor(n / 600));
  for (let i = 0; i < n; i += step) {
    const r = bars[i];
    const t0 = performance.now();
    plot.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + r.width / 2, clientY: r.bottom - 1, bubbles: true }));
    await el.updateComplete;
    el.shadowRoot!.querySelector('.tooltip')!.getBoundingClientRect(); // style and layout
    work.push(performance.now() - t0);
    const t = await afterPaint();
    frames.push(t - last);
    last = t;
  }
  return { work, frames };
}

declare global {
  interface Window {
    runBench(): Promise<Record<string, unknown>>;
  }
}

window.runBench = async () => {
  const result: Record<string, unknown> = {};
  for (const n of [31, 365, 2200]) {
    const t = await dataToPaint(n, 10, false);
    const f = await dataToPaint(n, 6, true);
    result[`dataToPaint_${n}`] = { median: median(t), p95: p95(t), firstMedian: median(f), firstP95: p95(f) };
  }
  const moves = await tooltipMoves(2200);
  result.tooltipMove_2200 = {
    moves: moves.work.length,
    workMedian: median(moves.work),
    workP95: p95(moves.work),
    frameMedian: median(moves.frames),
    frameP95: p95(moves.frames),
  };
  return result;
};
