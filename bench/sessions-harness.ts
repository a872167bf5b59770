/**
 * A page for screenshots and the browser bench of <kre-user-sessions>: the element over a fake
 * `fetch` that answers from a generated dataset through core (the mock's computation, without a
 * Service Worker), with failure modes. Served by bench/sessions-serve.mjs.
 */
import '../src/kre-user-sessions.js';
import { querySessions } from '../src/core/index.js';
import type { Dataset } from '../src/core/types.js';
import { generateDataset } from '../src/mock/index.js';
import { parseSessionsQuery } from '../src/core/params.js';
import type { KreUserSessions } from '../src/sessions-table/kre-user-sessions.js';

export const ASOF = '2026-10-31T10:15:00Z';
const datasets = new Map<number, Dataset>();
function dataset(n: number): Dataset {
  let d = datasets.get(n);
  if (!d) {
    d = generateDataset({ seed: 7, sessions: n, days: 45, end: ASOF, products: ['kre'] });
    datasets.set(n, d);
  }
  return d;
}

export type Mode = 'ok' | 'pending' | '403' | '400' | '500' | 'network' | 'contract';

const problem = (status: number, title: string, detail?: string) =>
  new Response(JSON.stringify({ title, status, detail }), { status, headers: { 'content-type': 'application/problem+json' } });

export interface FakeStats {
  requests: number;
  /** performance.now() when the last response body was handed over. */
  respondedAt: number;
  /** Answer only after the next paint (the bench: a response never arrives within the click's frame). */
  afterPaint?: boolean;
}

/** The next frame painted (rAF, then a task after the frame). */
const nextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));

export function fakeFetch(mode: Mode, sessions: number, stats: FakeStats = { requests: 0, respondedAt: 0 }) {
  return async (input: string, init?: RequestInit): Promise<Response> => {
    stats.requests++;
    const url = new URL(input);
    const signal = init?.signal;
    if (mode === 'pending') return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    if (mode === '403') return problem(403, 'Forbidden');
    if (mode === '400') return problem(400, 'Bad Request', 'activeAt: expected an ISO 8601 instant, got "yesterday"');
    if (mode === '500') return problem(500, 'Internal Server Error');
    if (mode === 'network') throw new TypeError('Failed to fetch');
    const product = url.pathname.split('/').at(-2) as 'kre';
    const body = querySessions(dataset(sessions), parseSessionsQuery(product, url.searchParams), ASOF);
    if (mode === 'contract') (body as unknown as { total: string }).total = 'many';
    const json = JSON.stringify(body);
    // The bench answers after the element's busy frame is painted, as any network would: an
    // in-page answer would otherwise land inside that frame and count the busy state's
    // render as response time. The clock starts once the body is ready (the bare baseline also
    // starts with its data in hand).
    if (stats.afterPaint) await nextPaint();
    stats.respondedAt = performance.now();
    return new Response(json, { headers: { 'content-type': 'application/json' } });
  };
}

export interface MountOptions {
  mode?: Mode;
  sessions?: number;
  attrs?: Record<string, string>;
  theme?: 'light' | 'dark' | 'brand';
  width?: number;
}

export const THEMES: Record<string, Record<string, string>> = {
  light: {},
  dark: {
    '--kre-color-text': '#e6e9ef',
    '--kre-color-text-muted': '#a3acbd',
    '--kre-color-surface': '#161b26',
    '--kre-color-surface-muted': '#222a38',
    '--kre-color-border': '#333d4f',
    '--kre-color-border-strong': '#56627a',
    '--kre-color-accent': '#7aa7ff',
    '--kre-color-accent-surface': '#1f2d4a',
    '--kre-color-highlight': '#6b5a12',
    '--kre-color-active': '#7fd6a0',
    '--kre-color-active-surface': '#173726',
    '--kre-color-danger-surface': '#3a1c1f',
    '--kre-color-danger-text': '#ffb4b4',
    '--kre-color-scheme': 'dark',
    background: '#0d1117',
  },
  brand: {
    '--kre-font-family': 'Georgia, serif',
    '--kre-color-accent': '#7b2cbf',
    '--kre-color-accent-surface': '#f1e6fb',
    '--kre-color-surface-muted': '#f7f2fc',
    '--kre-color-highlight': '#ffd6f0',
    '--kre-radius': '2px',
    '--kre-radius-small': '2px',
  },
};

export async function mount(o: MountOptions = {}): Promise<KreUserSessions> {
  document.body.replaceChildren();
  const wrap = document.createElement('div');
  wrap.style.padding = '12px';
  wrap.style.width = `${o.width ?? 1400}px`;
  for (const [k, v] of Object.entries(THEMES[o.theme ?? 'light'])) {
    if (k.startsWith('--')) document.body.style.setProperty(k, v);
    else document.body.style.background = v;
  }
  const el = document.createElement('kre-user-sessions');
  el.fetch = fakeFetch(o.mode ?? 'ok', o.sessions ?? 6000);
  const attrs = { endpoint: '/api/reports', from: '2026-10-01', to: '2026-10-31', 'time-zone': 'Europe/Berlin', locale: 'en-US', ...o.attrs };
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(el);
  document.body.append(wrap);
  await el.updateComplete;
  const extra = (globalThis as { extraCss?: string }).extraCss;
  if (extra) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(extra);
    el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
  }
  return el;
}

Object.assign(globalThis, { harness: { mount, fakeFetch } });

// ---------------------------------------------------------------------------------------------
// The export bench of <kre-user-sessions> (bench/sessions.bench.mjs drives it).


async function until(ready: () => boolean, timeout = 60_000): Promise<void> {
  const start = performance.now();
  while (!ready()) {
    if (performance.now() - start > timeout) throw new Error('bench: timed out');
    await new Promise((r) => setTimeout(r, 1));
  }
}

interface ExportBench {
  rows: number;
  ms: number;
  bytes: number;
  /** Live JS heap after a full GC before each page request (needs --js-flags=--expose-gc). */
  liveHeap: number[];
  /** Largest JS heap seen (sampled every 20 ms), garbage included. */
  heapPeak: number;
  heapBefore: number;
}

const memory = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** An export of every session of a 100 000-session dataset, end to end. */
async function benchExport(sessions = 100_000, measureLive = false): Promise<ExportBench> {
  const el = await mount({ attrs: { from: '2026-09-01', to: '2026-10-31' }, sessions });
  const root = el.shadowRoot!;
  await until(() => Boolean(root.querySelector('tbody tr:not(.skeleton)')) && !root.querySelector('[aria-busy="true"]'));
  const liveHeap: number[] = [];
  if (measureLive) {
    const inner = el.fetch!;
    el.fetch = (input, init) => {
      gc();
      liveHeap.push(memory());
      return inner(input, init);
    };
  }
  gc();
  const heapBefore = memory();
  let heapPeak = heapBefore;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, memory())), 20);
  let file: Blob | null = null;
  root.addEventListener(
    'click',
    (event) => {
      const a = event.target as HTMLAnchorElement;
      if (a.localName === 'a' && a.download) {
        event.preventDefault();
        void fetch(a.href)
          .then((r) => r.blob())
          .then((b) => (file = b));
      }
    },
    true,
  );
  const t0 = performance.now();
  await el.exportCsv();
  const ms = performance.now() - t0;
  clearInterval(sampler);
  await until(() => file !== null);
  const status = root.querySelector('[part="export-status"]')?.textContent ?? '';
  const rows = Number((/Exported ([\d,]+) rows/.exec(status)?.[1] ?? '0').replace(/,/g, ''));
  return { rows, ms, bytes: (file as Blob | null)?.size ?? 0, liveHeap, heapBefore, heapPeak };
}

Object.assign(globalThis, { sessionsBench: { benchExport } });
