// Shared set-up of the <kre-user-sessions> browser tests: one seeded dataset, the mock service
// of src/mock behind msw's worker, and helpers to read what the element shows.
import { html } from 'lit';
import { fixture, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { createMockService, generateDataset, type MockService } from '../../src/mock/index.js';
import { querySessions } from '../../src/core/index.js';
import type { SessionsQuery, SessionsResponse } from '../../src/core/types.js';
import '../../src/kre-user-sessions.js';
import type { KreUserSessions } from '../../src/sessions-table/kre-user-sessions.js';

export const ASOF = '2026-10-31T10:15:00Z';
export const ZONE = 'Europe/Berlin';
export const FROM = '2026-10-01';
export const TO = '2026-10-31';
export const ENDPOINT = '/api/reports';
export const dataset = generateDataset({ seed: 7, sessions: 6000, days: 45, end: ASOF, products: ['kre'] });

export const worker = setupWorker();
let service: MockService;

export function useMockService(): () => MockService {
  before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
  beforeEach(() => {
    service = createMockService({ endpoint: ENDPOINT, dataset, asOf: ASOF });
    worker.use(...service.handlers);
  });
  afterEach(() => {
    service.control.reset(); // releases a hanging 'timeout' answer
    worker.resetHandlers();
  });
  after(() => worker.stop());
  return () => service;
}

/** The reference answer of the contract for a query of the element's defaults. */
export function expected(query: Partial<SessionsQuery> = {}): SessionsResponse {
  return querySessions(dataset, { product: 'kre', from: FROM, to: TO, timeZone: ZONE, sort: 'started', order: 'desc', offset: 0, limit: 50, ...query }, ASOF);
}

export async function mount(attrs = '', { endpoint = ENDPOINT } = {}): Promise<KreUserSessions> {
  const host = document.createElement('div');
  const defaults: Record<string, string> = { from: FROM, to: TO, 'time-zone': ZONE, locale: 'en-US' };
  if (endpoint) defaults.endpoint = endpoint;
  for (const name of Object.keys(defaults)) if (new RegExp(`(^|\\s)${name}=`).test(attrs)) delete defaults[name];
  const own = Object.entries(defaults).map(([k, v]) => `${k}="${v}"`).join(' ');
  host.innerHTML = `<kre-user-sessions ${own} ${attrs}></kre-user-sessions>`;
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1200px">${host}</div>`);
  const el = wrapper.querySelector('kre-user-sessions') as KreUserSessions;
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

export function rows(el: KreUserSessions): HTMLTableRowElement[] {
  return $$<HTMLTableRowElement>(el, 'tbody tr:not(.skeleton)');
}

/** Waits for the element to show a settled result (rows, empty state or error). */
export async function settled(el: KreUserSessions, timeout = 5000): Promise<void> {
  while (!(await el.updateComplete));
  await el.updateComplete;
  await waitUntil(() => !$(el, '.scroller[aria-busy="true"]') && ($(el, 'tbody tr:not(.skeleton)') || $(el, '.status')), 'the element did not settle', { timeout });
  await el.updateComplete;
}

/** The last sessions request the mock received. */
export function lastRequest(svc: MockService): URL {
  return svc.control.requests.filter((u) => u.pathname.endsWith('/sessions')).at(-1)!;
}

/** What a cell says: its text, trimmed, no-break spaces read as spaces (the cells keep "Oct 30" or "QA / Berlin" together with them). */
export const shownText = (node: Node) => node.textContent!.trim().replace(/\u00a0/g, ' ');

export function cellTexts(row: HTMLTableRowElement): string[] {
  return [...row.cells].map((c) => shownText(c.querySelector('time, .badge') ?? c));
}
