// Every state of the planner, each checked with axe: no endpoint, loading (skeleton, then busy
// over the old report), empty range, 401/403, 400 with the server's detail, 500, network error,
// time-out, malformed JSON and a contract violation (each with retry); a failed what-if in its own
// panel; another endpoint never shows the previous one's report; a newer request aborts the older.
import { expect, waitUntil } from '@open-wc/testing';
import type { MockFailure } from '../../src/mock/index.js';
import { slowNoteCancelRetry, SLOW_AFTER_MS } from './slow-service.js';
import { $, $$, expected, mount, reportRequests, settled, text, useMockService } from './planner-fixtures.js';

describe('<kre-license-planner> states', () => {
  const service = useMockService();

  it('without an endpoint: says so and makes no request', async () => {
    const el = await mount('', { endpoint: '' });
    await el.updateComplete;
    expect(text($(el, '.status'))).to.contain('No endpoint configured');
    expect($(el, '.toolbar')).to.equal(null);
    await new Promise((r) => setTimeout(r, 100));
    expect(service().control.requests.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('loading the first time: a skeleton and a status', async () => {
    service().control.set({ delayMs: 3_000 });
    const el = await mount();
    await el.updateComplete;
    expect($(el, '.skeleton')).to.not.equal(null);
    expect(text($(el, '[role="status"]'))).to.contain('Loading');
    expect($(el, '.answer')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('loading again: the old report stays, marked busy, and exports wait', async () => {
    const el = await mount();
    await settled(el);
    const answer = text($(el, '.answer'));
    service().control.set({ delayMs: 3_000, only: 'capacity' });
    el.from = '2026-10-15';
    await el.updateComplete;
    expect($(el, '.busy-bar')).to.not.equal(null);
    expect($(el, '.panels')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '.compare')!.getAttribute('aria-busy')).to.equal('true');
    expect(text($(el, '.answer'))).to.equal(answer);
    for (const button of $$<HTMLButtonElement>(el, '[part~="export-button"]')) expect(button.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it(`a slow service: after ${SLOW_AFTER_MS / 1000} s says it is still waiting, and Cancel stops the request with Retry`, async () => {
    const el = await mount();
    await settled(el);
    await slowNoteCancelRetry(el, {
      delay: (delayMs) => service().control.set({ delayMs, only: 'capacity' }),
      ask: () => (el.from = '2026-10-15'),
      settled: () => settled(el),
    });
    expect($(el, '.answer')).to.not.equal(null);
  });

  it('another endpoint: the previous service\'s report is not shown while the new one loads', async () => {
    const el = await mount();
    await settled(el);
    el.fetch = () => new Promise<Response>(() => {});
    el.endpoint = '/api/other-reports';
    await el.updateComplete;
    expect($(el, '.answer')).to.equal(null);
    expect($(el, '.skeleton')).to.not.equal(null);
  });

  it('an empty range: says there is no usage', async () => {
    const el = await mount('from="2027-01-01" to="2027-01-31"');
    await settled(el);
    expect(text($(el, '.status'))).to.equal('No license usage in this range.');
    expect($(el, '.answer')).to.equal(null);
    expect($<HTMLButtonElement>(el, '[part~="export-png"]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  for (const [failure, message] of [
    ['status-401', 'Sign in to see this report.'],
    ['status-403', 'You need the Account Admin role to see this report.'],
  ] as const) {
    it(`${failure}: ${message} No retry`, async () => {
      service().control.set({ failure });
      const el = await mount();
      await settled(el);
      expect(text($(el, '.status'))).to.equal(message);
      expect($(el, '[part~="retry-button"]')).to.equal(null);
      expect($(el, '.answer')).to.equal(null);
      // The filters cannot help: they are off.
      expect($<HTMLButtonElement>(el, '[part~="filter-button"]')!.disabled).to.equal(true);
      expect($<HTMLFieldSetElement>(el, '[part~="date-range"]')!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  it('400: shows the server\'s detail', async () => {
    service().control.set({ failure: 'status-400', only: 'capacity' });
    const el = await mount();
    await settled(el);
    expect(text($(el, '.status'))).to.contain('from: the report service rejected this date (simulated by the mock).');
    await expect(el).to.be.accessible();
  });

  const retryable: [MockFailure, RegExp][] = [
    ['status-500', /HTTP 500/],
    ['network', /could not be reached/],
    ['malformed-json', /not valid JSON/],
    ['contract-violation', /^The report service sent data this page cannot read\. Technical detail ?response\.coverage should be an object, got \[.*\] Retry$/],
  ];
  for (const [failure, pattern] of retryable) {
    it(`${failure}: a readable error, and retry recovers`, async () => {
      service().control.set({ failure, only: 'capacity' });
      const el = await mount('', { requestTimeout: 5000 });
      await settled(el);
      const status = $(el, '.status[data-kind="error"]')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(text(status)).to.match(pattern);
      expect($(el, '.answer'), 'no stale report beside an error').to.equal(null);
      await expect(el).to.be.accessible();
      service().control.set({ failure: null });
      $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
      await settled(el);
      expect(text($(el, '[part~="stat-p99"] dd'))).to.equal(String(expected().coverage.p99));
    });
  }

  it('timeout: a readable error, and retry recovers', async () => {
    const el = await mount('', { requestTimeout: 1000 });
    await settled(el);
    el.fetch = (_input, init) => new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    await settled(el);
    const status = $(el, '.status[data-kind="error"]')!;
    expect(text(status)).to.contain('did not answer within 1 seconds');
    expect(status.getAttribute('data-error')).to.equal('timeout');
    await expect(el).to.be.accessible();
    el.fetch = null;
    $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await settled(el);
    expect($(el, '.answer')).to.not.equal(null);
  });

  it('a failed what-if shows in its own panel with retry; the report stays', async () => {
    const el = await mount();
    await settled(el);
    service().control.set({ failure: 'status-500', times: 1, only: 'capacity' });
    el.licenses = 4;
    await el.updateComplete;
    const panel = () => $(el, '.what-if .status[data-kind="error"]');
    for (let i = 0; i < 100 && !panel(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(text(panel())).to.contain('HTTP 500');
    expect($(el, '.answer')).to.not.equal(null);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.what-if [part~="retry-button"]')!.click();
    await settled(el);
    expect(panel()).to.equal(null);
    expect(text($(el, '.compare thead th:last-child'))).to.equal('Replay: 4 licenses');
  });

  it('a newer request aborts the older one', async () => {
    const signals: AbortSignal[] = [];
    const el = await mount();
    await settled(el);
    el.fetch = (input, init) => {
      if (new URL(input, location.href).pathname.endsWith('/capacity') && !input.includes('licenses=')) signals.push(init!.signal!);
      return new Promise(() => {});
    };
    await el.updateComplete;
    el.from = '2026-10-05';
    await el.updateComplete;
    el.from = '2026-10-06';
    await el.updateComplete;
    expect(signals.length).to.equal(3);
    expect(signals.map((s) => s.aborted)).to.deep.equal([true, true, false]);
    expect(reportRequests(service()).length).to.equal(1);
  });

  it('is accessible with the report', async () => {
    const el = await mount();
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('is accessible in the table view, whose toggle reads "Show as chart" while pressed', async () => {
    const el = await mount();
    await settled(el);
    $<HTMLButtonElement>(el, '[part~="table-button"]')!.click();
    await el.updateComplete;
    await waitUntil(() => $(el, '.table-scroller'), 'the table view, loaded on demand');
    expect(text($(el, '[part~="table-button"]'))).to.equal('Show as chart');
    expect($(el, '[part~="table-button"]')!.getAttribute('aria-pressed')).to.equal('true');
    expect($$(el, '.data-table:not(.compare)').length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('is accessible with the map on average and numbers in its cells (wide)', async () => {
    const el = await mount('', { width: 1400 });
    await settled(el);
    $$<HTMLButtonElement>(el, '[part~="metric-button"]')[1].click();
    await el.updateComplete;
    expect(getComputedStyle($(el, '.heatmap td.cell span')!).display).to.equal('inline-block');
    expect(text($(el, '[part~="table-button"]'))).to.equal('Show as table');
    await expect(el).to.be.accessible();
  });
});
