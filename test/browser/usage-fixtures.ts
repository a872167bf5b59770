// Shared set-up of the usage chart browser tests: the mock service of src/mock behind msw's
// worker (a seeded dataset, pinned asOf), and helpers that read the numbers back off the SVG.
import { html } from 'lit';
import { fixture, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { computeUsage } from '../../src/core/index.js';
import type { Dataset, UsageQuery, UsageResponse } from '../../src/core/types.js';
import { createMockService, generateDataset, type MockService } from '../../src/mock/index.js';
import '../../src/kre-license-usage.js';
import '../../src/testcloud-license-usage.js';
import type { LicenseUsageElement } from '../../src/usage-chart/license-usage.js';
import { pathPoints, pathRects, stripPoints, type PathRect } from '../shared/path-points.js';

export const ASOF = '2026-10-31T10:15:00Z';
export const ZONE = 'Europe/Berlin';
export const FROM = '2026-10-01';
export const TO = '2026-10-31';
export const ENDPOINT = '/api/reports';
export const generated = generateDataset({ seed: 7, sessions: 5000, days: 60, end: ASOF });

export const worker = setupWorker();
let service: MockService;

/** Starts the worker for the suite; each test gets a fresh mock service over `dataset`. */
export function useMockService(dataset: () => Dataset = () => generated): () => MockService {
  before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
  beforeEach(() => {
    service = createMockService({ endpoint: ENDPOINT, dataset: dataset(), asOf: ASOF });
    worker.use(...service.handlers);
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());
  return () => service;
}

/** What the contract says for a query (the element's defaults unless given). */
export function expected(query: Partial<UsageQuery> = {}, dataset: Dataset = generated): UsageResponse {
  return computeUsage(dataset, { product: 'kre', from: FROM, to: TO, interval: 'day', timeZone: ZONE, ...query }, ASOF);
}

export type Tag = 'kre-license-usage' | 'testcloud-license-usage';

/** A chart in a box of `width` px, with the suite's range, zone and locale unless `attrs` say otherwise. */
export async function mount(
  attrs = '',
  { endpoint = ENDPOINT, width = 1000, tag = 'kre-license-usage' as Tag, requestTimeout = 0 } = {},
): Promise<LicenseUsageElement> {
  const host = document.createElement('div');
  const defaults: Record<string, string> = { from: FROM, to: TO, 'time-zone': ZONE, locale: 'en-US' };
  if (endpoint) defaults.endpoint = endpoint;
  for (const name of Object.keys(defaults)) if (new RegExp(`(^|\\s)${name}=`).test(attrs)) delete defaults[name];
  const own = Object.entries(defaults).map(([k, v]) => `${k}="${v}"`).join(' ');
  host.innerHTML = `<${tag} ${own} ${attrs}></${tag}>`;
  if (requestTimeout) (host.firstElementChild as LicenseUsageElement).requestTimeout = requestTimeout;
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px">${host}</div>`);
  const el = wrapper.querySelector(tag) as LicenseUsageElement;
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** Waits until the chart is drawn (bars), or a state panel shows, and nothing is loading. */
export async function settled(el: LicenseUsageElement, timeout = 8000): Promise<void> {
  await el.updateComplete;
  await waitUntil(
    () => !$(el, '.busy-bar') && !$(el, '.skeleton') && ($(el, '.chart-svg .bar') || $(el, '.status') || $(el, '.data-table')),
    'the chart did not settle',
    { timeout },
  );
  await el.updateComplete;
}

/** The last usage request the mock received. */
export function lastRequest(svc: MockService): URL {
  return svc.control.requests.filter((u) => u.pathname.endsWith('/usage')).at(-1)!;
}

export function usageRequests(svc: MockService): URL[] {
  return svc.control.requests.filter((u) => u.pathname.endsWith('/usage'));
}

/** The chart's y scale, read off two of its tick labels: pixel → value. */
export function yInvert(el: Element): (py: number) => number {
  const ticks = $$<SVGTextElement>(el, '.y-label').map((t) => ({ v: Number(t.textContent!.replace(/[^\d.-]/g, '')), y: Number(t.getAttribute('y')) }));
  const a = ticks[0];
  const b = ticks[ticks.length - 1];
  return (py) => a.v + ((py - a.y) * (b.v - a.v)) / (b.y - a.y);
}

export interface DrawnBar {
  x: number;
  width: number;
  value: number;
}

/**
 * How far a value read off a path may be from the truth: lines are written to 1/100 px, so half
 * of that in value units. Bars are written at full precision.
 */
export function pathTolerance(el: Element): number {
  const inv = yInvert(el);
  return 0.005 * Math.abs(inv(0) - inv(1)) + 1e-9;
}

/** The rectangles of the paths of `selector` (the bars' strips), in drawing order. */
export function rectsOf(el: Element, selector = 'path.bar'): PathRect[] {
  return $$(el, selector).flatMap((p) => pathRects(p.getAttribute('d')!));
}

/** Each bar as drawn (its top through the y scale), by bucket index (one bar per bucket when they are a pixel or more). */
export function drawnBars(el: Element): DrawnBar[] {
  const inv = yInvert(el);
  return rectsOf(el).map((r) => ({ x: r.x, width: r.width, value: inv(r.y) }));
}

/** The indexes of the drawn bars that are hatched (at capacity). */
export function hatchedBars(el: Element): number[] {
  const bars = rectsOf(el);
  return rectsOf(el, 'path.bar-capacity').map((h) => bars.findIndex((b) => b.x === h.x && b.y === h.y && b.width === h.width));
}

/** Bar `index` on screen: its rectangle in client coordinates. */
export function barBox(el: Element, index: number): DOMRect {
  const r = rectsOf(el)[index];
  const m = $<SVGPathElement>(el, 'path.bar')!.getScreenCTM()!;
  const a = new DOMPoint(r.x, r.y).matrixTransform(m);
  const b = new DOMPoint(r.x + r.width, r.y + r.height).matrixTransform(m);
  return new DOMRect(a.x, a.y, b.x - a.x, b.y - a.y);
}

export { pathPoints };

/** The value of the step line over the horizontal segment that covers `x`. */
export function stepValueAt(el: Element, x: number): number {
  const inv = yInvert(el);
  const points = pathPoints($(el, '.available-line')!.getAttribute('d')!);
  for (let i = 0; i + 1 < points.length; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[i + 1];
    if (y0 === y1 && x0 <= x && x <= x1) return inv(y0);
  }
  return NaN;
}

/** The Average Peak line's values at its points (the line under its dots). */
export function averageValues(el: Element): number[] {
  const inv = yInvert(el);
  return stripPoints($$(el, '.average-casing').map((p) => p.getAttribute('d')!)).map(([, y]) => inv(y));
}

export const close = (a: number, b: number, eps = 1e-6) => Math.abs(a - b) <= eps;

/** Dispatches a key on the chart's focusable plot. */
export function key(el: Element, name: string): void {
  $(el, '.plot')!.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }));
}

export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
