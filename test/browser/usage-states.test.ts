// Every state of the chart, each checked with axe: no endpoint, loading (skeleton, then busy over
// the old chart), empty range, 401/403, 400 with the server's detail, 500, network error,
// time-out, malformed JSON and a contract violation (each with retry); and request ordering:
// a newer request aborts the older, and a stale response is never shown.
import { expect, waitUntil } from '@open-wc/testing';
import { computeUsage } from '../../src/core/index.js';
import type { MockFailure } from '../../src/mock/index.js';
import { $, $$, ASOF, drawnBars, expected, generated, mount, settled, usageRequests, useMockService, ZONE } from './usage-fixtures.js';

describe('<kre-license-usage> states', () => {
  const service = useMockService();

  it('without an endpoint: says so and makes no request', async () => {
    const el = await mount('', { endpoint: '' });
    await el.updateComplete;
    expect($(el, '.status')!.textContent).to.contain('No endpoint configured');
    expect($(el, '.toolbar')).to.equal(null);
    await new Promise((r) => setTimeout(r, 100));
    expect(usageRequests(service()).length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('loading the first time: a skeleton and a status', async () => {
    service().control.set({ delayMs: 2_000 });
    const el = await mount();
    await el.updateComplete;
    expect($(el, '.skeleton')).to.not.equal(null);
    expect($(el, '[role="status"]')!.textContent).to.contain('Loading');
    expect($(el, '.chart-svg')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('loading again: the old chart stays, marked busy, and exports wait', async () => {
    const el = await mount();
    await settled(el);
    const bars = drawnBars(el).length;
    service().control.set({ delayMs: 2_000 });
    el.interval = 'week';
    await el.updateComplete;
    expect($(el, 'figure')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '.busy-bar')).to.not.equal(null);
    expect(drawnBars(el).length).to.equal(bars);
    expect($<HTMLButtonElement>(el, '[part~="export-csv"]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('another endpoint: the previous service\'s chart is not shown while the new one loads', async () => {
    const el = await mount();
    await settled(el);
    expect($(el, '.chart-svg')).to.not.equal(null);
    el.fetch = () => new Promise<Response>(() => {}); // the new service never answers
    el.endpoint = '/api/other-reports';
    await el.updateComplete;
    expect($(el, '.chart-svg')).to.equal(null);
    expect($(el, '.skeleton')).to.not.equal(null);
  });

  it('an empty range: says there is no usage', async () => {
    const el = await mount('from="2027-01-01" to="2027-01-31"');
    await settled(el);
    expect($(el, '.status')!.textContent).to.contain('No license usage in this range.');
    expect($(el, '.chart-svg')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  for (const [failure, text] of [
    ['status-401', 'Sign in to see this report.'],
    ['status-403', 'You need the Account Admin role to see this report.'],
  ] as const) {
    it(`${failure}: ${failure === 'status-401' ? 'asks to sign in' : 'asks for the Account Admin role'}, without retry`, async () => {
      service().control.set({ failure });
      const el = await mount();
      await settled(el);
      expect($(el, '.status')!.textContent!.trim()).to.equal(text);
      expect($(el, '[part~="retry-button"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('400: shows the server\'s detail', async () => {
    service().control.set({ failure: 'status-400' });
    const el = await mount();
    await settled(el);
    expect($(el, '.status')!.textContent).to.contain('from: the report service rejected this date (simulated by the mock).');
    await expect(el).to.be.accessible();
  });

  const retryable: [MockFailure, RegExp][] = [
    ['status-500', /HTTP 500/],
    ['network', /could not be reached/],
    ['malformed-json', /not valid JSON/],
    ['contract-violation', /^The report service sent data this page cannot read\. Technical detail ?response\.buckets\[0\]\.peak should be a whole number, got undefined Retry$/],
  ];
  for (const [failure, text] of retryable) {
    it(`${failure}: a readable error, and retry recovers`, async () => {
      service().control.set({ failure, times: 1 });
      const el = await mount('', { requestTimeout: 1000 });
      await settled(el);
      const status = $(el, '.status[data-kind="error"]')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(status.textContent!.replace(/\s+/g, ' ').trim()).to.match(text);
      // The technical detail is in a closed disclosure: the user reads the sentence.
      if (failure === 'contract-violation') expect($<HTMLDetailsElement>(el, '.status-detail')!.open).to.equal(false);
      expect($(el, '.chart-svg'), 'no stale chart beside an error').to.equal(null);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
      await settled(el);
      expect(drawnBars(el).length).to.equal(expected().buckets.length);
    });
  }

  // The mock's own `timeout` failure waits for an abort that a Service Worker never sees, and
  // keeps msw's worker from stopping after the suite; a fetch that never answers is the same
  // failure from the element's side.
  it('timeout: a readable error, and retry recovers', async () => {
    const el = await mount('', { requestTimeout: 1000 });
    await settled(el);
    el.fetch = (_input, init) => new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    await settled(el);
    const status = $(el, '.status[data-kind="error"]')!;
    expect(status.textContent).to.contain('did not answer within 1 seconds');
    expect(status.getAttribute('data-error')).to.equal('timeout');
    expect($(el, '.chart-svg')).to.equal(null);
    await expect(el).to.be.accessible();
    el.fetch = null;
    $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await settled(el);
    expect(drawnBars(el).length).to.equal(expected().buckets.length);
  });

  it('a newer request aborts the older one', async () => {
    const signals: AbortSignal[] = [];
    const el = await mount();
    await settled(el);
    el.fetch = (_input, init) => {
      signals.push(init!.signal!);
      return new Promise(() => {}); // never answers
    };
    await el.updateComplete;
    el.interval = 'week';
    await el.updateComplete;
    el.interval = 'month';
    await el.updateComplete;
    expect(signals.length).to.equal(3);
    expect(signals[0].aborted).to.equal(true);
    expect(signals[1].aborted).to.equal(true);
    expect(signals[2].aborted).to.equal(false);
  });

  it('never shows a stale response, even from a fetch that ignores the abort', async () => {
    const answer = (url: string) => {
      const p = new URL(url, location.href).searchParams;
      const body = computeUsage(generated, { product: 'kre', from: p.get('from')!, to: p.get('to')!, interval: p.get('interval') as 'day', timeZone: ZONE }, ASOF);
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    };
    const el = await mount();
    await settled(el);
    let releaseOld!: () => void;
    el.fetch = (input) =>
      new URL(input, location.href).searchParams.get('interval') === 'day'
        ? new Promise((resolve) => (releaseOld = () => resolve(answer(input))))
        : Promise.resolve(answer(input));
    el.interval = 'day';
    el.from = '2026-10-02'; // a new query with interval day: slow
    await el.updateComplete;
    el.interval = 'month'; // newer and fast
    await settled(el);
    const months = expected({ interval: 'month', from: '2026-10-02' }).buckets.length;
    expect(drawnBars(el).length).to.equal(months);
    releaseOld();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(drawnBars(el).length).to.equal(months);
    expect(el.report!.interval).to.equal('month');
  });

  it('is accessible with a chart, and with the tooltip open', async () => {
    const el = await mount();
    await settled(el);
    await expect(el).to.be.accessible();
    $(el, '.plot')!.focus();
    await el.updateComplete;
    expect($(el, '.tooltip')!.hidden).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('fits 320 px without overflow, and 1600 px', async () => {
    for (const width of [320, 1600]) {
      const el = await mount('', { width });
      await settled(el);
      await waitUntil(() => $(el, '.chart-svg'), 'chart drawn');
      const host = el.getBoundingClientRect();
      expect(host.width).to.equal(width);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      const svg = $(el, '.chart-svg')!.getBoundingClientRect();
      expect(svg.right).to.be.at.most(host.right);
      for (const node of $$(el, '.toolbar, .summary, .legend, .plot-area')) {
        expect(node.getBoundingClientRect().right, node.className).to.be.at.most(host.right);
      }
    }
  });
});
