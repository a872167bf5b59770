/**
 * The MSW handlers answer CONTRACT 3 exactly as core computes it, and the control makes them slow
 * or failing. Run: node --import tsx --test test/core/mock-handlers.test.ts
 */
// msw 3 asks for Node >= 22; on Node 20 its interceptors only miss Promise.withResolvers.
const promiseStatics = Promise as unknown as { withResolvers?: unknown };
promiseStatics.withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { setupServer } from 'msw/node';
import { computeUsage, querySessions } from '../../src/core/index.js';
import type { Problem, SessionsQuery, UsageQuery } from '../../src/core/types.js';
import { createMockService, generateDataset, MOCK_FAILURES } from '../../src/mock/index.js';

const END = '2026-10-31T10:15:00Z';
const BASE = 'https://api.example.test/reports';
const dataset = generateDataset({ seed: 2, sessions: 4000, days: 60, end: END });
const { handlers, control } = createMockService({ endpoint: `${BASE}/`, dataset, asOf: END });
const server = setupServer(...handlers);

before(() => server.listen({ onUnhandledFrame: 'error' }));
after(() => server.close());
beforeEach(() => control.reset());

function url(path: string, params: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, v);
  }
  return `${BASE}${path}?${search}`;
}

async function problem(response: Response, status: number, field?: string): Promise<Problem> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  const body = (await response.json()) as Problem;
  assert.equal(body.status, status);
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.type, 'string');
  assert.equal(typeof body.detail, 'string');
  if (field) {
    assert.ok(body.detail?.includes(field), `detail names ${field}: ${body.detail}`);
    assert.equal(body.field, field);
  }
  return body;
}

const usageParams = { from: '2026-10-01', to: '2026-10-31', interval: 'day', timeZone: 'Europe/Berlin' };
const sessionsParams = { from: '2026-10-01', to: '2026-10-31', timeZone: 'Asia/Kolkata' };

describe('usage', () => {
  test('answers what computeUsage gives, repeated organizationId included', async () => {
    const response = await fetch(url('/kre/usage', { ...usageParams, organizationId: ['org-qa', 'org-mobile'] }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json');
    const query: UsageQuery = { product: 'kre', ...usageParams, interval: 'day', organizationIds: ['org-qa', 'org-mobile'] };
    assert.deepEqual(await response.json(), computeUsage(dataset, query, END));
    assert.deepEqual(control.requests.at(-1)?.searchParams.getAll('organizationId'), ['org-qa', 'org-mobile']);
  });

  test('testcloud, weeks, no filter', async () => {
    const params = { ...usageParams, from: '2026-09-01', interval: 'week', timeZone: 'America/New_York' };
    const body = await (await fetch(url('/testcloud/usage', params))).json();
    assert.deepEqual(body, computeUsage(dataset, { product: 'testcloud', ...params, interval: 'week' }, END));
  });

  test('400 problem+json naming the field', async () => {
    await problem(await fetch(url('/kre/usage', { ...usageParams, interval: 'year' })), 400, 'interval');
    await problem(await fetch(url('/kre/usage', { ...usageParams, from: '2026-13-01' })), 400, 'from');
    await problem(await fetch(url('/kre/usage', { ...usageParams, to: '31.10.2026' })), 400, 'to');
    await problem(await fetch(url('/kre/usage', { ...usageParams, timeZone: 'Mars/Olympus' })), 400, 'timeZone');
    await problem(await fetch(url('/kre/usage', { ...usageParams, interval: ['day', 'week'] })), 400, 'interval');
    await problem(await fetch(url('/kre/usage', { ...usageParams, organizationId: 'org-nope' })), 400, 'organizationId');
    const { from: _from, ...noFrom } = usageParams;
    await problem(await fetch(url('/kre/usage', noFrom)), 400, 'from');
  });

  test('an hour query may span 31 days, not 32', async () => {
    const ok = await fetch(url('/kre/usage', { ...usageParams, interval: 'hour', from: '2026-10-01', to: '2026-10-31' }));
    assert.equal(ok.status, 200);
    await problem(await fetch(url('/kre/usage', { ...usageParams, interval: 'hour', from: '2026-09-30', to: '2026-10-31' })), 400, 'interval');
  });

  test('404 for an unknown product', async () => {
    await problem(await fetch(url('/katalon/usage', usageParams)), 404);
    await problem(await fetch(url('/katalon/sessions', sessionsParams)), 404);
  });
});

describe('sessions', () => {
  test('answers what querySessions gives, with every parameter', async () => {
    const params = {
      ...sessionsParams,
      q: 'a',
      licenseSource: ['Acme Corp', 'QA Europe'],
      organizationId: ['org-qa', 'org-ops'],
      sort: 'duration',
      order: 'asc',
      offset: '5',
      limit: '20',
    };
    const response = await fetch(url('/kre/sessions', params));
    assert.equal(response.status, 200);
    const query: SessionsQuery = {
      product: 'kre',
      ...sessionsParams,
      q: 'a',
      licenseSources: ['Acme Corp', 'QA Europe'],
      organizationIds: ['org-qa', 'org-ops'],
      sort: 'duration',
      order: 'asc',
      offset: 5,
      limit: 20,
    };
    const body = await response.json();
    assert.deepEqual(body, querySessions(dataset, query, END));
    assert.equal(body.items.length, 20);
  });

  test('defaults, and activeAt instead of a range', async () => {
    const plain = await (await fetch(url('/kre/sessions', sessionsParams))).json();
    assert.deepEqual(plain, querySessions(dataset, { product: 'kre', ...sessionsParams }, END));
    assert.equal(plain.limit, 50);
    const activeAt = '2026-10-28T10:00:00Z';
    const drill = await (await fetch(url('/testcloud/sessions', { timeZone: 'UTC', activeAt }))).json();
    assert.deepEqual(drill, querySessions(dataset, { product: 'testcloud', timeZone: 'UTC', activeAt }, END));
  });

  test('hostile text round-trips through JSON', async () => {
    const body = await (await fetch(url('/kre/sessions', { ...sessionsParams, from: '2026-09-01', q: 'bobby', limit: '1000' }))).json();
    assert.ok(body.items.some((s: { user: { name: string } }) => s.user.name === 'Robert "Bobby" Tables'));
  });

  test('400 problem+json naming the field', async () => {
    await problem(await fetch(url('/kre/sessions', { ...sessionsParams, limit: '0' })), 400, 'limit');
    await problem(await fetch(url('/kre/sessions', { ...sessionsParams, limit: '1001' })), 400, 'limit');
    await problem(await fetch(url('/kre/sessions', { ...sessionsParams, limit: 'ten' })), 400, 'limit');
    await problem(await fetch(url('/kre/sessions', { ...sessionsParams, offset: '-1' })), 400, 'offset');
    await problem(await fetch(url('/kre/sessions', { ...sessionsParams, sort: 'name' })), 400, 'sort');
    await problem(await fetch(url('/kre/sessions', { ...sessionsParams, order: 'up' })), 400, 'order');
    await problem(await fetch(url('/kre/sessions', { ...sessionsParams, from: '2026-10-32' })), 400, 'from');
    await problem(await fetch(url('/kre/sessions', { timeZone: 'UTC', activeAt: 'noon' })), 400, 'activeAt');
    await problem(await fetch(url('/kre/sessions', { ...sessionsParams, q: ['a', 'b'] })), 400, 'q');
  });
});

describe('control', () => {
  const usage = (): Promise<Response> => fetch(url('/kre/usage', usageParams));
  const sessions = (): Promise<Response> => fetch(url('/kre/sessions', sessionsParams));

  test('status failures answer problem+json', async () => {
    for (const status of [500, 401, 403, 400] as const) {
      control.set({ failure: `status-${status}` });
      const body = await problem(await usage(), status);
      if (status === 400) assert.equal(body.field, 'from');
      await problem(await sessions(), status);
    }
  });

  test('network: the fetch rejects', async () => {
    control.set({ failure: 'network' });
    await assert.rejects(usage(), TypeError);
  });

  test('malformed-json: 200 that does not parse', async () => {
    control.set({ failure: 'malformed-json' });
    const response = await sessions();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json');
    await assert.rejects(response.json(), SyntaxError);
  });

  test('contract-violation: 200 JSON of the wrong shape', async () => {
    control.set({ failure: 'contract-violation' });
    const u = await (await usage()).json();
    assert.ok(u.buckets.length > 0);
    assert.ok(u.buckets.every((b: Record<string, unknown>) => !('peak' in b) && typeof b.maxConcurrent === 'number'));
    assert.ok(!('peak' in u.summary));
    const s = await (await sessions()).json();
    assert.equal(typeof s.total, 'string');
    assert.ok(s.items.every((i: Record<string, unknown>) => !('started' in i) && typeof i.startedAt === 'string'));
  });

  test('timeout: hangs until the client aborts', async () => {
    control.set({ failure: 'timeout' });
    const t0 = performance.now();
    // Not AbortSignal.timeout: its timer does not keep Node's event loop alive.
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 150);
    await assert.rejects(fetch(url('/kre/usage', usageParams), { signal: abort.signal }), { name: 'AbortError' });
    assert.ok(performance.now() - t0 >= 140);
  });

  test('timeout: a change of settings releases hanging requests as network errors', async () => {
    control.set({ failure: 'timeout' });
    const pending = fetch(url('/kre/sessions', sessionsParams));
    setTimeout(() => control.set({ failure: null }), 100);
    await assert.rejects(pending, TypeError);
    assert.equal((await sessions()).status, 200);
  });

  test('times: fails the next N requests, then answers again', async () => {
    control.set({ failure: 'status-500', times: 2 });
    assert.equal((await usage()).status, 500);
    assert.equal((await sessions()).status, 500);
    assert.equal((await usage()).status, 200);
    assert.equal(control.settings.failure, null);
  });

  test('only: one endpoint fails, the other answers', async () => {
    control.set({ failure: 'status-403', only: 'usage', times: 1 });
    assert.equal((await sessions()).status, 200);
    assert.equal((await usage()).status, 403);
    assert.equal((await usage()).status, 200);
  });

  test('delay', async () => {
    control.set({ delayMs: 200 });
    const t0 = performance.now();
    assert.equal((await usage()).status, 200);
    assert.ok(performance.now() - t0 >= 190, 'slow');
    control.set({ delayMs: 0 });
  });

  test('request log and reset', async () => {
    await usage();
    await sessions();
    assert.deepEqual(control.requests.map((u) => u.pathname), ['/reports/kre/usage', '/reports/kre/sessions']);
    assert.equal(control.requests[1].searchParams.get('timeZone'), 'Asia/Kolkata');
    control.set({ failure: 'network', delayMs: 5 });
    control.reset();
    assert.deepEqual(control.settings, { delayMs: 0, failure: null, times: null, only: null });
    assert.equal(control.requests.length, 0);
  });

  test('rejects unknown settings', () => {
    assert.equal(MOCK_FAILURES.length, 8);
    assert.throws(() => control.set({ failure: 'nope' as never }), TypeError);
    assert.throws(() => control.set({ delayMs: -1 }), TypeError);
    assert.throws(() => control.set({ failure: 'network', times: 0 }), TypeError);
  });
});
