// Shared set-up of the planner's browser tests: the mock service of src/mock behind msw's worker
// (a seeded dataset, or a hand-made DST week, with a pinned asOf), a mount helper, and readers of
// what the planner shows.
import { html } from 'lit';
import { fixture, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { computeCapacity } from '../../src/core/index.js';
import type { CapacityQuery, CapacityResponse, Dataset } from '../../src/core/types.js';
import { createMockService, generateDataset, type MockService } from '../../src/mock/index.js';
import '../../src/kre-license-planner.js';
import type { KreLicensePlanner } from '../../src/planner/kre-license-planner.js';
import { allocation, dataset, denial, session } from '../core/fixtures.js';

export { LATER } from '../core/fixtures.js';

export const ASOF = '2026-10-31T10:15:00Z';
export const ZONE = 'Europe/Berlin';
export const FROM = '2026-10-01';
export const TO = '2026-10-31';
export const ENDPOINT = '/api/reports';
export const generated = generateDataset({ seed: 7, sessions: 5000, days: 60, end: ASOF });

export const worker = setupWorker();
let service: MockService;
let served: Dataset = generated;
let servedAsOf = ASOF;

/**
 * Starts the worker for the suite; each test gets a fresh mock service over the dataset that
 * `serve` chose (the generated one by default).
 */
export function useMockService(): () => MockService {
  before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
  beforeEach(() => {
    served = generated;
    servedAsOf = ASOF;
    service = createMockService({ endpoint: ENDPOINT, dataset: () => served, asOf: () => servedAsOf });
    worker.use(...service.handlers);
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());
  return () => service;
}

/** Serves `dataset` (as of `asOf`) from now on in this test. */
export function serve(dataset: Dataset, asOf = ASOF): void {
  served = dataset;
  servedAsOf = asOf;
}

/** What the contract says for a query (the suite's defaults unless given). */
export function expected(query: Partial<CapacityQuery> = {}, data: Dataset = served): CapacityResponse {
  return computeCapacity(data, { product: 'kre', from: FROM, to: TO, timeZone: ZONE, ...query }, servedAsOf);
}

/** A planner in a box of `width` px, with the suite's range, zone and locale unless `attrs` say otherwise. */
export async function mount(attrs = '', { endpoint = ENDPOINT, width = 1000, requestTimeout = 0, wrapper = '' } = {}): Promise<KreLicensePlanner> {
  const host = document.createElement('div');
  const defaults: Record<string, string> = { from: FROM, to: TO, 'time-zone': ZONE, locale: 'en-US' };
  if (endpoint) defaults.endpoint = endpoint;
  for (const name of Object.keys(defaults)) if (new RegExp(`(^|\\s)${name}=`).test(attrs)) delete defaults[name];
  const own = Object.entries(defaults).map(([k, v]) => `${k}="${v}"`).join(' ');
  host.innerHTML = `<kre-license-planner ${own} ${attrs}></kre-license-planner>`;
  const el = host.firstElementChild as KreLicensePlanner;
  if (requestTimeout) el.requestTimeout = requestTimeout;
  const box = await fixture<HTMLDivElement>(html`<div style="width: ${width}px; ${wrapper}">${host}</div>`);
  await el.updateComplete;
  return box.querySelector('kre-license-planner')!;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Waits until the report is drawn (the answer and the coverage chart, and the what-if's replay),
 * or a state panel shows, and nothing is loading.
 */
export async function settled(el: KreLicensePlanner, timeout = 8000): Promise<void> {
  await el.updateComplete;
  await waitUntil(
    () =>
      !$(el, '.busy-bar') &&
      !$(el, '.skeleton') &&
      ($(el, '.status') || ($(el, '.answer') && $(el, '.coverage-svg') && $(el, '.compare[aria-busy="false"]'))),
    'the planner did not settle',
    { timeout },
  );
  await el.updateComplete;
}

export const capacityRequests = (svc: MockService) => svc.control.requests.filter((u) => u.pathname.endsWith('/capacity'));
/** The requests of the report itself (no `licenses`). */
export const reportRequests = (svc: MockService) => capacityRequests(svc).filter((u) => !u.searchParams.has('licenses'));
/** The what-if's requests (with `licenses`). */
export const replayRequests = (svc: MockService) => capacityRequests(svc).filter((u) => u.searchParams.has('licenses'));

// ---------------------------------------------------------------------------------------------
// Hand-made DST weeks (the capacity fixtures of test/core/capacity.test.ts, with more demand).

export interface DstCase {
  name: string;
  timeZone: string;
  from: string;
  to: string;
  dataset: Dataset;
}

export const DST_CASES: DstCase[] = [
  {
    // Mon 2026-10-19 to Sun 2026-10-25: 169 hours; Sunday's 02:00 hour twice (CEST, then CET).
    name: 'Europe/Berlin fall back',
    timeZone: 'Europe/Berlin',
    from: '2026-10-19',
    to: '2026-10-25',
    dataset: {
      ...dataset(
        [
          session('2026-10-19T07:00:00Z', '2026-10-19T08:00:00Z'), // Mon 09:00-10:00 CEST
          session('2026-10-19T07:30:00Z', '2026-10-19T09:00:00Z'),
          session('2026-10-20T06:00:00Z', '2026-10-21T06:00:00Z'), // a whole day from Tue 08:00
          session('2026-10-25T00:00:00Z', '2026-10-25T00:30:00Z'), // Sun 02:00-02:30 CEST (the first 02:00)
          session('2026-10-25T01:10:00Z', '2026-10-25T01:50:00Z'), // Sun 02:10-02:50 CET (the second)
          session('2026-10-25T01:10:00Z', '2026-10-25T01:50:00Z'),
          session('2026-10-18T20:00:00Z', '2026-10-19T01:00:00Z'), // from the day before the range
        ],
        [allocation('2026-01-01T00:00:00Z', 2), allocation('2026-10-22T12:00:00Z', 4)],
      ),
      denials: [denial('2026-10-19T07:45:00Z'), denial('2026-10-25T01:20:00Z')],
    },
  },
  {
    // Mon 2026-03-23 to Sun 2026-03-29: 167 hours; Sunday jumps from 01:59 CET to 03:00 CEST.
    name: 'Europe/Berlin spring forward',
    timeZone: 'Europe/Berlin',
    from: '2026-03-23',
    to: '2026-03-29',
    dataset: {
      ...dataset(
        [
          session('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z'), // 01:30 CET to 03:30 CEST
          session('2026-03-29T00:40:00Z', '2026-03-29T03:00:00Z'),
          session('2026-03-23T08:00:00Z', '2026-03-27T16:00:00Z'), // Mon to Fri, all week
          session('2026-03-24T08:00:00Z', '2026-03-26T08:00:00Z'),
        ],
        [allocation('2026-01-01T00:00:00Z', 1)],
      ),
      denials: [denial('2026-03-24T08:00:00Z'), denial('2026-03-29T00:45:00Z'), denial('2026-03-29T00:50:00Z')],
    },
  },
  {
    // Mon 2026-03-02 to Sun 2026-03-08: Sunday jumps from 01:59 EST to 03:00 EDT.
    name: 'America/New_York spring forward',
    timeZone: 'America/New_York',
    from: '2026-03-02',
    to: '2026-03-08',
    dataset: dataset(
      [
        session('2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z', { organizationId: 'qa-berlin' }), // 01:30 EST to 03:30 EDT
        session('2026-03-04T14:00:00Z', '2026-03-04T15:00:00Z', { organizationId: 'dev' }), // Wed 09:00-10:00 EST
        session('2026-03-04T14:30:00Z', '2026-03-04T16:00:00Z'),
      ],
      [allocation('2026-01-01T00:00:00Z', 3)],
    ),
  },
  {
    // Mon 2026-10-26 to Sun 2026-11-01: Sunday's 01:00 hour twice (EDT, then EST).
    name: 'America/New_York fall back',
    timeZone: 'America/New_York',
    from: '2026-10-26',
    to: '2026-11-01',
    dataset: dataset(
      [
        session('2026-11-01T05:15:00Z', '2026-11-01T05:45:00Z'), // 01:15-01:45 EDT (the first 01:00)
        session('2026-11-01T06:00:00Z', '2026-11-01T06:10:00Z'), // 01:00-01:10 EST (the second)
        session('2026-11-01T06:05:00Z', '2026-11-01T06:20:00Z'),
        session('2026-11-01T06:05:00Z', '2026-11-01T06:20:00Z'),
        session('2026-10-27T13:00:00Z', '2026-10-30T21:00:00Z'), // Tue 09:00 to Fri 17:00 EDT
      ],
      [allocation('2026-01-01T00:00:00Z', 2)],
    ),
  },
];
