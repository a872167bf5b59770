/**
 * The page of `node bench/compare.bench.mjs`: `<kre-license-usage>` beside uPlot and Chart.js, and
 * `<kre-user-sessions>` beside a bare `<table>`, in one Chromium page. The driver (Node) picks the
 * order of the samples (interleaved) and does the statistics; this page takes one sample per call.
 *
 * The elements are driven only through their public surface: attributes and properties (`from`,
 * `to`, `order`, `pageSize`, `fetch`), `report`, `updateComplete`/`isUpdatePending`, and the
 * documented parts and ARIA states (`busy`, `aria-busy`, `row`) to tell when a result is on screen.
 * Their data is what the mock serves: core's `computeUsage`/`querySessions` over `generateDataset`.
 *
 * HOW "PIXELS" IS MEASURED. A requestAnimationFrame callback runs at the start of a frame's
 * rendering update, before its style, layout and paint. The first frame whose rAF callback finds
 * the result in the DOM (for a peer: the first frame after its canvas was drawn) is the frame that
 * paints it. In that callback the bench adds a new one-glyph text marker with an `elementtiming`
 * attribute, so the marker is painted in the same frame, and a PerformanceObserver of 'element'
 * entries gives that frame's `renderTime`: its presentation time, which Chromium reports only once
 * the frame's layer tree was activated (every visible tile rasterized) and drawn. That is "pixels".
 * From the same callback, a message posted on a MessageChannel runs right after the frame's
 * rendering update: the end of its main-thread work (style, layout, paint, commit), "main thread".
 *
 * Why not a double rAF ("the next animation frame after the painted one"): Chromium begins the
 * next main frame while the previous one is still rasterizing; only a commit waits for the
 * activation, and with nothing new to commit the next rAF comes at the next vsync whatever the
 * raster threads are doing. The trace the driver records shows it: at 2 200 buckets the
 * element's frame is activated (its tiles rasterized) 100 to 260 ms after the next rAF, and a few
 * ms before the marker's presentation, in nearly every sample. The next rAF is still recorded
 * (`nextFrame`) for that check.
 */
import '../src/kre-license-usage.js';
import '../src/kre-user-sessions.js';
import { computeUsage, querySessions } from '../src/core/index.js';
import type { SessionItem, SessionsResponse, UsageResponse } from '../src/core/types.js';
import { generateDataset } from '../src/mock/index.js';
import { createChartJs, createUPlot, type PeerChart } from './peers.js';

type UsageElement = HTMLElementTagNameMap['kre-license-usage'];
type SessionsElement = HTMLElementTagNameMap['kre-user-sessions'];

export type ChartContender = 'ours' | 'uplot' | 'chartjs';
export type TableContender = 'ours' | 'bare';
/** `idle`: the answer is in hand at once (no network); `busy`: it arrives once the loading state is presented. */
export type Arrival = 'idle' | 'busy';

const DAY = 86_400_000;
const json = { 'content-type': 'application/json' };

/**
 * The bodies as bytes, encoded once: a network response arrives as bytes, so a `Response` made
 * from a string each time would charge the elements for UTF-8 encoding that no fetch does (about
 * 5 ms at 2 200 buckets). The elements decode and parse them (`response.json()`); the peers get
 * the same text and parse it (`JSON.parse`).
 */
const bodies = new Map<string, Uint8Array<ArrayBuffer>>();
const body = (key: string, text: string) => {
  let bytes = bodies.get(key);
  if (!bytes) bodies.set(key, (bytes = new TextEncoder().encode(text)));
  return bytes;
};

// ------------------------------------------------------------------------------------------------
// Frames

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await frame();
}

/**
 * A task of its own. Every sample starts in one, as input and network responses do: code run
 * straight after `await frame()` still runs inside that frame's rendering update (in the microtask
 * checkpoint after the rAF callbacks), so whatever it renders would be painted in that very frame.
 */
const task = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

interface FrameTimes {
  /** The end of the main-thread work of the frame that paints the result. */
  main: number;
  /** That frame presented: the Element Timing `renderTime` of a marker painted with it (see the header). */
  pixels: number;
  /** The next rAF callback after the painted frame (what a double-rAF measure gives). */
  nextFrame: number;
  /** Frames painted before the result while `loading()` was true (a loading state on screen). */
  loadingFrames: number;
}

/** Trace marks (console.timeStamp, a TimeStamp event in a trace) while the driver records a trace. */
let tracing = false;
const mark = (label: string) => tracing && console.timeStamp(label);

/** The part of PerformanceElementTiming used here (not in TypeScript's DOM lib). */
interface ElementTiming extends PerformanceEntry {
  identifier: string;
  renderTime: number;
  loadTime: number;
}

let markerId = 0;
const waiting = new Map<string, (renderTime: number) => void>();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as ElementTiming[]) {
    waiting.get(entry.identifier)?.(entry.renderTime || entry.loadTime);
    waiting.delete(entry.identifier);
  }
}).observe({ type: 'element', buffered: false });

/**
 * Call in a rAF callback: adds a new one-glyph text marker with an `elementtiming` identifier, so
 * that it is painted in this frame; resolves with the frame's presentation time.
 */
function presentedMarker(): Promise<number> {
  const id = `bench-${++markerId}`;
  const marker = document.createElement('div');
  marker.setAttribute('elementtiming', id);
  marker.textContent = String(markerId % 10);
  let host = document.getElementById('bench-marker');
  if (!host) {
    host = document.createElement('div');
    host.id = 'bench-marker';
    host.style.cssText = 'position:fixed;top:0;right:0;font:10px/12px monospace;background:#fff;z-index:2147483647';
    document.documentElement.append(host);
  }
  host.replaceChildren(marker);
  return new Promise((resolve, reject) => {
    waiting.set(id, resolve);
    setTimeout(() => waiting.has(id) && reject(new Error('bench: no element timing entry (is Element Timing supported?)')), 30_000);
  });
}

/** The busy state is on screen: a frame presented, then a task (a response arrives in a task, never inside a frame). */
async function busyShown(): Promise<void> {
  await new Promise<number>((resolve, reject) => requestAnimationFrame(() => presentedMarker().then(resolve, reject)));
  await new Promise((resolve) => setTimeout(resolve));
}

/** Times the first frame whose rAF finds `ready()` true (see the header); counts the frames before it that `loading()`. */
function frameWhere(ready: () => boolean, loading: () => boolean = () => false, timeoutMs = 30_000): Promise<FrameTimes> {
  const start = performance.now();
  let loadingFrames = 0;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (!ready()) {
        if (loading()) loadingFrames++;
        if (performance.now() - start > timeoutMs) reject(new Error('bench: the result never showed'));
        else requestAnimationFrame(tick);
        return;
      }
      mark('bench:paint');
      const presented = presentedMarker();
      let main = 0;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        main = performance.now();
        mark('bench:main');
      };
      channel.port2.postMessage(null);
      requestAnimationFrame(() => {
        const nextFrame = performance.now();
        mark('bench:next-frame');
        presented.then((pixels) => {
          // The presentation time, as an offset from now (the trace reads it back).
          mark(`bench:pixels@${(pixels - performance.now()).toFixed(3)}`);
          resolve({ main, pixels, nextFrame, loadingFrames });
        }, reject);
      });
    };
    requestAnimationFrame(tick);
  });
}

/** The element is busy (a newer request loads): its documented `busy` part or an `aria-busy`. */
const isBusy = (el: Element) => Boolean(el.shadowRoot?.querySelector('[part~="busy"], [aria-busy="true"]'));

async function settled(el: UsageElement | SessionsElement): Promise<void> {
  while (!(await el.updateComplete));
}

/** Idle display frame intervals (the frame rate the tooltip has to keep). */
async function displayFrames(n = 40): Promise<number[]> {
  const out: number[] = [];
  let last = await frame();
  for (let i = 0; i < n; i++) {
    const t = await frame();
    out.push(t - last);
    last = t;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Charts

const CHART_END = '2026-06-01T00:00:00Z';
const CHART_LAST_DAY = Date.parse('2026-05-31T00:00:00Z');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Range {
  from: string;
  to: string;
}

/** Per bucket count: two ranges a day apart (A, B), so that every sample draws new data. */
const chartRanges = new Map<number, [Range, Range]>();
const chartTexts = new Map<string, string>();
let chartArrival: Arrival = 'idle';
let chartRespondedAt = 0;

/** The element's `fetch`: the response of the asked range, at once or once the loading frame is presented. */
async function chartFetch(input: string): Promise<Response> {
  const url = new URL(input, location.href);
  const key = `${url.searchParams.get('from')}|${url.searchParams.get('to')}`;
  const text = chartTexts.get(key);
  if (!text) return new Response(JSON.stringify({ title: `bench: no response for ${url.search}`, status: 404 }), { status: 404, headers: json });
  if (chartArrival === 'busy') await busyShown();
  chartRespondedAt = performance.now();
  if (chartArrival === 'busy') mark('bench:start');
  return new Response(body(`chart ${key}`, text), { headers: json });
}

let usage: UsageElement;
let uplot: PeerChart;
let chartjs: PeerChart;
const boxes: Record<string, HTMLElement> = {};
/** The element's plot size, given to the peers. */
let plotSize = { width: 0, height: 0 };

function box(id: string, width: number): HTMLElement {
  const el = document.createElement('div');
  el.id = id;
  el.style.cssText = `width:${width}px;position:relative;margin-bottom:8px`;
  boxes[id] = el;
  return el;
}

function newUsageElement(range: Range): UsageElement {
  const el = document.createElement('kre-license-usage');
  el.fetch = chartFetch;
  for (const [k, v] of Object.entries({ endpoint: '/bench', from: range.from, to: range.to, 'time-zone': 'UTC', locale: 'en-US' })) el.setAttribute(k, v);
  return el;
}

const chartShows = (el: UsageElement, range: Range, n: number) =>
  el.report?.from === range.from && el.report.buckets.length === n && !el.isUpdatePending && !isBusy(el);

/** Generates the data (a dataset of `days` days through core, as the mock serves it) and mounts the three charts. */
async function setupCharts(sizes: number[]): Promise<{ plot: { width: number; height: number }; ms: number }> {
  const t0 = performance.now();
  const longest = Math.max(...sizes);
  const dataset = generateDataset({ seed: 12, sessions: 40 * (longest + 2), days: longest + 2, end: CHART_END, products: ['kre'] });
  for (const n of sizes) {
    const ranges: [Range, Range] = [0, 1].map((shift) => ({
      from: day(CHART_LAST_DAY - (n - 1 + shift) * DAY),
      to: day(CHART_LAST_DAY - shift * DAY),
    })) as [Range, Range];
    chartRanges.set(n, ranges);
    for (const r of ranges) {
      const body = computeUsage(dataset, { product: 'kre', from: r.from, to: r.to, interval: 'day', timeZone: 'UTC' }, CHART_END);
      if (body.buckets.length !== n) throw new Error(`bench: ${body.buckets.length} buckets for ${n}`);
      chartTexts.set(`${r.from}|${r.to}`, JSON.stringify(body));
    }
  }
  document.body.replaceChildren(box('ours', 1200), box('uplot', 1200), box('chartjs', 1200));
  const first = chartRanges.get(sizes[0])![0];
  usage = newUsageElement(first);
  boxes.ours.append(usage);
  await frameWhere(() => chartShows(usage, first, sizes[0]));
  const plot = usage.shadowRoot!.querySelector('[part~="plot"]')!.getBoundingClientRect();
  plotSize = { width: Math.round(plot.width), height: Math.round(plot.height) };
  const report = JSON.parse(chartTexts.get(`${first.from}|${first.to}`)!) as UsageResponse;
  uplot = createUPlot(boxes.uplot, report, plotSize.width, plotSize.height);
  chartjs = createChartJs(boxes.chartjs, report, plotSize.width, plotSize.height);
  await frames(3);
  return { plot: plotSize, ms: performance.now() - t0 };
}

const peer = (c: ChartContender) => (c === 'uplot' ? uplot : chartjs);

/** One sample: ms, and the frames painted in a loading state before the result (the element only). */
export interface Sample {
  value: number;
  loadingFrames: number;
}

/** New data → pixels, ms: the element gets a new range (its fetch answers), a peer gets the response text. */
async function chartSample(contender: ChartContender, n: number, variant: 0 | 1, arrival: Arrival): Promise<Sample> {
  const range = chartRanges.get(n)![variant];
  await frames(2);
  if (contender === 'ours') {
    await settled(usage);
    await task();
    chartArrival = arrival;
    chartRespondedAt = Infinity;
    if (arrival === 'idle') mark('bench:start');
    const t0 = performance.now();
    usage.from = range.from;
    usage.to = range.to;
    const { pixels, loadingFrames } = await frameWhere(
      () => chartShows(usage, range, n),
      () => isBusy(usage) && performance.now() > (arrival === 'busy' ? chartRespondedAt : t0),
    );
    return { value: pixels - (arrival === 'busy' ? chartRespondedAt : t0), loadingFrames };
  }
  const text = chartTexts.get(`${range.from}|${range.to}`)!;
  await task();
  mark('bench:start');
  const t0 = performance.now();
  peer(contender).setData(JSON.parse(text) as UsageResponse);
  const { pixels } = await frameWhere(() => true);
  return { value: pixels - t0, loadingFrames: 0 };
}

let fresh: { contender: ChartContender; el?: UsageElement; chart?: PeerChart } | null = null;

/** A new chart, created with its data in hand → the end of the main thread's work for the frame that shows it, ms. */
async function newChartSample(contender: ChartContender, n: number): Promise<number> {
  const range = chartRanges.get(n)![0];
  const stage = boxes.fresh ?? document.body.appendChild(box('fresh', 1200));
  if (fresh?.chart) fresh.chart.destroy();
  stage.replaceChildren();
  fresh = null;
  await frames(3);
  await task();
  chartArrival = 'idle';
  const t0 = performance.now();
  if (contender === 'ours') {
    const el = newUsageElement(range);
    stage.append(el);
    fresh = { contender, el };
    const { main } = await frameWhere(() => chartShows(el, range, n));
    return main - t0;
  }
  const report = JSON.parse(chartTexts.get(`${range.from}|${range.to}`)!) as UsageResponse;
  const create = contender === 'uplot' ? createUPlot : createChartJs;
  fresh = { contender, chart: create(stage, report, plotSize.width, plotSize.height) };
  const { main } = await frameWhere(() => true);
  return main - t0;
}

/** Ends the "new chart" phase: the stage is emptied. */
function clearFresh(): void {
  if (fresh?.chart) fresh.chart.destroy();
  boxes.fresh?.remove();
  delete boxes.fresh;
  fresh = null;
}

/** Shows `n` buckets in every chart (range A) and returns each one's data area for a pointer sweep. */
async function sweepPrepare(n: number): Promise<Record<ChartContender, { x: number; y: number; width: number; height: number }>> {
  const range = chartRanges.get(n)![0];
  const report = JSON.parse(chartTexts.get(`${range.from}|${range.to}`)!) as UsageResponse;
  chartArrival = 'idle';
  usage.from = range.from;
  usage.to = range.to;
  await frameWhere(() => chartShows(usage, range, n));
  uplot.setData(report);
  chartjs.setData(report);
  await frames(3);
  const plain = (r: DOMRect) => ({ x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height });
  return {
    ours: plain(usage.shadowRoot!.querySelector('[part~="plot"]')!.getBoundingClientRect()),
    uplot: plain(uplot.plotBox()),
    chartjs: plain(chartjs.plotBox()),
  };
}

/** rAF timestamps while the driver moves the pointer (one log at a time). */
let frameLog: number[] | null = null;
function startFrameLog(): void {
  const log: number[] = [];
  frameLog = log;
  const tick = (t: number) => {
    if (frameLog !== log) return;
    log.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
function stopFrameLog(): number[] {
  const log = frameLog ?? [];
  frameLog = null;
  return log;
}

/** The element's tooltip is on screen (a sanity check that the sweep hovered the plot). */
const tooltipShown = () => Boolean(usage.shadowRoot?.querySelector('[part~="tooltip"]'));

// ------------------------------------------------------------------------------------------------
// Tables

const TABLE_ASOF = '2026-10-31T10:15:00Z';
const TABLE_QUERY = { product: 'kre' as const, from: '2026-09-17', to: '2026-10-31', timeZone: 'Europe/Berlin' };
const tableTexts = new Map<string, string>();
let tableArrival: Arrival = 'idle';
let tableRespondedAt = 0;
let sessions: SessionsElement;
let bare: HTMLTableElement;

async function tableFetch(input: string): Promise<Response> {
  const url = new URL(input, location.href);
  const key = `${url.searchParams.get('limit')}|${url.searchParams.get('order')}`;
  const text = tableTexts.get(key);
  if (!text) return new Response(JSON.stringify({ title: `bench: no response for ${url.search}`, status: 404 }), { status: 404, headers: json });
  if (tableArrival === 'busy') await busyShown();
  tableRespondedAt = performance.now();
  if (tableArrival === 'busy') mark('bench:start');
  return new Response(body(`table ${key}`, text), { headers: json });
}

/** The first and last session ids of each prepared page, to tell when the element shows it. */
const tableEnds = new Map<string, [string, string]>();

function tableShows(el: SessionsElement, n: number, order: 'asc' | 'desc'): boolean {
  if (el.isUpdatePending || isBusy(el)) return false;
  const rows = el.shadowRoot!.querySelectorAll('[part~="row"]');
  const [first, last] = tableEnds.get(`${n}|${order}`)!;
  return rows.length === n && Boolean(rows[0].textContent?.includes(first)) && Boolean(rows[n - 1].textContent?.includes(last));
}

async function setupTables(sizes: number[]): Promise<{ ms: number }> {
  const t0 = performance.now();
  const dataset = generateDataset({ seed: 7, sessions: 20_000, days: 45, end: TABLE_ASOF, products: ['kre'] });
  for (const n of sizes) {
    for (const order of ['asc', 'desc'] as const) {
      const body = querySessions(dataset, { ...TABLE_QUERY, sort: 'started', order, limit: n }, TABLE_ASOF);
      tableTexts.set(`${n}|${order}`, JSON.stringify(body));
      tableEnds.set(`${n}|${order}`, [body.items[0].sessionId, body.items[n - 1].sessionId]);
    }
  }
  const row = document.createElement('div');
  row.style.cssText = 'display:flex;align-items:flex-start;gap:16px';
  const left = box('ours-table', 1400);
  const right = box('bare-table', 1400);
  right.style.font = '14px system-ui, sans-serif';
  row.append(left, right);
  document.body.replaceChildren(row);
  sessions = document.createElement('kre-user-sessions');
  sessions.fetch = tableFetch;
  for (const [k, v] of Object.entries({ endpoint: '/bench', from: TABLE_QUERY.from, to: TABLE_QUERY.to, 'time-zone': TABLE_QUERY.timeZone, locale: 'en-US', order: 'desc' })) sessions.setAttribute(k, v);
  sessions.pageSize = sizes[0] as SessionsElement['pageSize'];
  left.append(sessions);
  bare = document.createElement('table');
  bare.append(document.createElement('tbody'));
  right.append(bare);
  await frameWhere(() => tableShows(sessions, sizes[0], 'desc'));
  return { ms: performance.now() - t0 };
}

function duration(s: SessionItem, asOf: number): string {
  const secs = Math.floor(((s.ended === null ? asOf : Date.parse(s.ended)) - Date.parse(s.started)) / 1000);
  return `${Math.floor(secs / 3600)}:${String(Math.floor((secs % 3600) / 60)).padStart(2, '0')}:${String(secs % 60).padStart(2, '0')}`;
}

/** The bare table: the response's rows as text cells built with DOM calls, no Lit, no styles. */
function fillBare(body: SessionsResponse): void {
  const asOf = Date.parse(body.asOf);
  const tbody = document.createElement('tbody');
  for (const s of body.items) {
    const tr = document.createElement('tr');
    for (const text of [s.user.name, s.user.email, s.sessionId, s.machineId, s.licenseSource, s.organization?.path.join(' / ') ?? '', s.licenseType, s.started, s.ended ?? 'Active', duration(s, asOf)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    tbody.append(tr);
  }
  bare.tBodies[0].replaceWith(tbody);
}

/** New rows → pixels, ms: the element's sort order flips (its fetch answers a prepared page), the bare table gets the same text. */
async function tableSample(contender: TableContender, n: number, order: 'asc' | 'desc', arrival: Arrival): Promise<Sample> {
  await frames(2);
  if (contender === 'ours') {
    if (sessions.pageSize !== n) {
      tableArrival = 'idle';
      sessions.pageSize = n as SessionsElement['pageSize'];
      sessions.order = order === 'asc' ? 'desc' : 'asc';
      await frameWhere(() => tableShows(sessions, n, sessions.order as 'asc' | 'desc'));
      await frames(2);
    }
    await settled(sessions);
    await task();
    tableArrival = arrival;
    tableRespondedAt = Infinity;
    if (arrival === 'idle') mark('bench:start');
    const t0 = performance.now();
    sessions.order = order;
    const { pixels, loadingFrames } = await frameWhere(
      () => tableShows(sessions, n, order),
      () => isBusy(sessions) && performance.now() > (arrival === 'busy' ? tableRespondedAt : t0),
    );
    return { value: pixels - (arrival === 'busy' ? tableRespondedAt : t0), loadingFrames };
  }
  const text = tableTexts.get(`${n}|${order}`)!;
  await task();
  mark('bench:start');
  const t0 = performance.now();
  fillBare(JSON.parse(text) as SessionsResponse);
  const { pixels } = await frameWhere(() => true);
  return { value: pixels - t0, loadingFrames: 0 };
}

declare global {
  interface Window {
    compareBench: typeof api;
  }
}

const api = {
  displayFrames,
  setupCharts,
  chartSample,
  newChartSample,
  clearFresh,
  sweepPrepare,
  startFrameLog,
  stopFrameLog,
  tooltipShown,
  setupTables,
  tableSample,
  /** Marks samples in a trace: `bench:start`, `bench:paint`, `bench:main`, `bench:pixels` (TimeStamp events). */
  setTracing: (on: boolean) => {
    tracing = on;
  },
  /** A label in the trace before a sample. */
  label: (text: string) => console.timeStamp(`bench:label:${text}`),
};
window.compareBench = api;
