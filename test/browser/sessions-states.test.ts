import { expect, waitUntil } from '@open-wc/testing';
import { $, cellTexts, expected, mount, rows, settled, useMockService } from './sessions-fixtures.js';
import type { MockFailure } from '../../src/mock/index.js';
import { slowNoteCancelRetry, SLOW_AFTER_MS } from './slow-service.js';

describe('<kre-user-sessions> states', () => {
  const service = useMockService();

  it('without an endpoint: says so and makes no request', async () => {
    const el = await mount('', { endpoint: '' });
    await el.updateComplete;
    expect($(el, '.status')!.textContent).to.contain('No endpoint configured');
    expect(service().control.requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('loading: skeleton rows first, then the old rows marked busy', async () => {
    service().control.set({ delayMs: 400 });
    const el = await mount();
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, 'tbody tr.skeleton')).to.not.equal(null);
    expect($(el, '.scroller')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await settled(el);
    const first = cellTexts(rows(el)[0]);
    el.setAttribute('sort', 'user');
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '.scroller')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, 'table')!.classList.contains('busy')).to.equal(true);
    expect(cellTexts(rows(el)[0])).to.deep.equal(first);
    await expect(el).to.be.accessible();
    await settled(el);
    expect(cellTexts(rows(el)[0])[0]).to.equal(expected({ sort: 'user', order: 'desc' }).items[0].user.name.trim());
  });

  it('while the next page loads, the pager still describes the rows on screen', async () => {
    const el = await mount();
    await settled(el);
    const pagerText = () => $(el, '[part="pager"]')!.textContent!.replace(/\s+/g, ' ');
    expect(pagerText()).to.contain('1–50 of');
    service().control.set({ delayMs: 1_000 });
    $<HTMLButtonElement>(el, '[data-page="nextPage"]')!.click();
    await el.updateComplete;
    expect($(el, '.scroller')!.getAttribute('aria-busy')).to.equal('true');
    expect(pagerText()).to.contain('1–50 of');
    await settled(el);
    expect(pagerText()).to.contain('51–100 of');
  });

  it('another endpoint: the previous service\'s rows and filter options are not shown while it loads', async () => {
    const el = await mount();
    await settled(el);
    expect(rows(el).length).to.be.greaterThan(0);
    el.fetch = () => new Promise<Response>(() => {}); // the new service never answers
    el.endpoint = '/api/other-reports';
    await el.updateComplete;
    expect(rows(el)).to.have.length(0);
    expect($(el, 'tbody tr.skeleton')).to.not.equal(null);
  });

  it('no matching sessions: names the filters and clears them', async () => {
    const el = await mount('q="zzzzqqq" license-source="Acme Corp"');
    await settled(el);
    const status = $(el, '.status')!;
    expect(status.textContent).to.contain('No sessions match these filters.');
    expect(status.textContent).to.contain('Search: “zzzzqqq”');
    expect(status.textContent).to.contain('License Source: Acme Corp');
    await expect(el).to.be.accessible();
    status.querySelector('button')!.click();
    await settled(el);
    expect(rows(el)).to.have.length(50);
  });

  for (const [failure, text] of [
    ['status-401', 'Sign in to see this report.'],
    ['status-403', 'You need the Account Admin role to see this report.'],
  ] as Array<[MockFailure, string]>) {
    it(`${failure}: "${text}", no retry`, async () => {
      service().control.set({ failure });
      const el = await mount();
      await settled(el);
      expect($(el, '.status[data-kind="error"]')!.textContent!.trim()).to.equal(text);
      expect($(el, '[part="retry-button"]')).to.equal(null);
      expect(rows(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  }

  it('400: shows the server detail', async () => {
    service().control.set({ failure: 'status-400' });
    const el = await mount();
    await settled(el);
    const text = $(el, '.status[data-kind="error"]')!.textContent!;
    expect(text).to.contain('The report service could not answer this query:');
    expect(text.length).to.be.greaterThan(60);
    await expect(el).to.be.accessible();
  });

  const retryable: Array<[MockFailure, string]> = [
    ['status-500', 'HTTP 500'],
    ['network', 'could not be reached'],
    ['malformed-json', 'not valid JSON'],
    ['contract-violation', 'cannot read'],
  ];
  for (const [failure, words] of retryable) {
    it(`${failure}: a readable error with a retry that works`, async () => {
      service().control.set({ failure, times: 1 });
      const el = await mount();
      await settled(el);
      expect($(el, '.status[data-kind="error"]')!.textContent).to.contain(words);
      await expect(el).to.be.accessible();
      $(el, '[part="retry-button"]')!.click();
      await settled(el);
      expect(rows(el)).to.have.length(50);
      expect($(el, '.status')).to.equal(null);
    });
  }

  it('time-out: a readable error with a retry', async () => {
    // The mock's timeout never answers; the element gives up after its requestTimeout.
    service().control.set({ failure: 'timeout', times: 2 });
    const el = await mount();
    el.requestTimeout = 2000;
    el.setAttribute('sort', 'email'); // a newer request (with 2 s) replaces the first (with the default 30 s)
    await settled(el);
    expect($(el, '.status[data-kind="error"]')!.textContent).to.contain('did not answer within 2 seconds');
    await expect(el).to.be.accessible();
    $(el, '[part="retry-button"]')!.click();
    await settled(el);
    expect(rows(el)).to.have.length(50);
  });

  it(`a slow service: after ${SLOW_AFTER_MS / 1000} s says it is still waiting, and Cancel stops the request with Retry`, async () => {
    const el = await mount();
    await settled(el);
    await slowNoteCancelRetry(el, {
      delay: (delayMs) => service().control.set({ delayMs }),
      ask: () => el.setAttribute('sort', 'email'),
      settled: () => settled(el),
      whileWaiting: () => expect(rows(el)).to.have.length(50), // the old rows stay, marked busy
    });
    expect(rows(el)).to.have.length(50);
  });

  it('an error never leaves stale rows looking current', async () => {
    const el = await mount();
    await settled(el);
    service().control.set({ failure: 'status-500' });
    el.setAttribute('sort', 'email');
    await settled(el);
    expect(rows(el)).to.have.length(0);
    expect($(el, '.status[data-kind="error"]')).to.not.equal(null);
  });

  it('a newer request aborts the older, whose late answer is never shown', async () => {
    const el = await mount();
    await settled(el);
    const signals: AbortSignal[] = [];
    el.fetch = async (url, init) => {
      signals.push(init!.signal!);
      if (url.includes('q=first')) {
        // A server that answers late, ignoring the abort.
        await new Promise((r) => setTimeout(r, 400));
        return fetch(url);
      }
      return fetch(url, init);
    };
    el.q = 'first';
    await el.updateComplete;
    el.q = 'torv';
    await settled(el);
    expect(signals[0].aborted).to.equal(true);
    const want = expected({ q: 'torv' }).items.map((s) => s.sessionId.trim());
    expect(rows(el).map((r) => cellTexts(r)[2])).to.deep.equal(want);
    await new Promise((r) => setTimeout(r, 600));
    await el.updateComplete;
    expect(rows(el).map((r) => cellTexts(r)[2])).to.deep.equal(want);
  });

  it('announces the result count in a live region', async () => {
    const el = await mount();
    await settled(el);
    await waitUntil(() => [...el.shadowRoot!.querySelectorAll('[role="status"]')].some((s) => s.textContent!.includes('1–50 of')));
  });
});
