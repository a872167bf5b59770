/**
 * A page for screenshots and the browser bench of <kre-user-sessions>: the element over a fake
 * `fetch` that answers from a generated dataset through core (the mock's computation, without a
 * Service Worker), with failure modes. Served by bench/sessions-serve.mjs.
 */
import '../src/kre-user-sessions.js';
import { querySessions } from '../src/core/index.js';
import type { Dataset } from '../src/core/types.js';
import { generateDataset } from '../src/mock/index.js';
import { parseSessionsQuery } from '../src/mock/query.js';
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
}

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
    stats.respondedAt = performance.now();
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
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
  return el;
}

Object.assign(globalThis, { harness: { mount, fakeFetch } });
