/**
 * The report service over HTTP (CONTRACT 3, 3.5 and 7): tokens and roles, problems, CORS, the
 * events endpoint (JSON and NDJSON, per-event rejection, duplicates, an end before its start, 413)
 * on every store, accounts kept apart, and the sessions CSV of a 3.2 export byte-identical
 * whichever store answered.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { computeUsage, querySessions, sessionsToCsv, type Dataset, type SessionItem, type SessionsResponse } from '../../src/core/index.js';
import { generateDataset } from '../../src/mock/generate.js';
import { createReportHandler, type TokenGrant } from '../../src/server/handler.js';
import { loadDataset } from '../../src/server/serve.js';
import { openTestStore, storeKinds, type OpenedStore } from './harness.js';

const AS_OF = '2026-10-31T10:15:00Z';
const TOKENS: TokenGrant[] = [
  { token: 'admin-a', account: 'acme', role: 'account-admin' },
  { token: 'ingest-a', account: 'acme', role: 'ingest' },
  { token: 'admin-b', account: 'globex', role: 'account-admin' },
  { token: 'ingest-b', account: 'globex', role: 'ingest' },
  { token: 'viewer-a', account: 'acme', role: 'viewer' },
];
const PORTAL = 'http://portal.example.test';
const kinds = await storeKinds();

interface Running {
  opened: OpenedStore;
  server: Server;
  origin: string;
  close(): Promise<void>;
}

async function start(opened: OpenedStore, maxBodyBytes = 64 * 1024): Promise<Running> {
  const handler = createReportHandler({ store: opened.store, tokens: TOKENS, cors: [PORTAL], asOf: AS_OF, maxBodyBytes });
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    opened,
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const get = (r: Running, path: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${r.origin}${path}`, { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });

const post = (r: Running, body: string, token: string, type = 'application/json') =>
  fetch(`${r.origin}/api/events`, { method: 'POST', body, headers: { Authorization: `Bearer ${token}`, 'Content-Type': type } });

const start1 = (id: string, at: string, extra: Record<string, unknown> = {}) => ({
  type: 'session-start',
  product: 'kre',
  sessionId: id,
  at,
  user: { name: `User ${id}`, email: `${id}@example.com` },
  machineId: `m-${id}`,
  licenseSource: 'Acme Corp',
  organizationId: null,
  licenseType: 'KRE Session',
  ...extra,
});

const sessionsPath = (extra = '') => `/api/kre/sessions?from=2026-10-01&to=2026-10-31&timeZone=UTC${extra}`;

describe('tokens, roles, problems and CORS (memory store)', () => {
  let r: Running;
  before(async () => {
    r = await start(await openTestStore('memory'));
  });
  after(async () => {
    await r.close();
    await r.opened.close();
  });

  it('401 without a token or with an unknown one, with WWW-Authenticate and a problem body', async () => {
    for (const token of [undefined, 'nope']) {
      const response = await get(r, sessionsPath(), token);
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer');
      assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      const problem = await response.json();
      assert.equal(problem.status, 401);
      assert.equal(problem.title, 'Unauthorized');
    }
  });

  it('403 for a known token with the wrong role: ingest cannot read, admin cannot send, other roles neither', async () => {
    assert.equal((await get(r, sessionsPath(), 'ingest-a')).status, 403);
    assert.equal((await get(r, sessionsPath(), 'viewer-a')).status, 403);
    assert.equal((await post(r, '[]', 'admin-a')).status, 403);
    assert.equal((await post(r, '[]', 'viewer-a')).status, 403);
    const problem = await (await get(r, sessionsPath(), 'ingest-a')).json();
    assert.equal(problem.status, 403);
    assert.match(problem.detail, /Account Admin/);
  });

  it('an account with no data answers as core over an empty dataset', async () => {
    const body = await (await get(r, sessionsPath(), 'admin-a')).json();
    assert.deepEqual(body, querySessions({ organizations: [], allocations: [], sessions: [] }, { product: 'kre', from: '2026-10-01', to: '2026-10-31', timeZone: 'UTC' }, AS_OF));
  });

  it('400 with core\'s detail and field; 404 for unknown products and paths; 405 with Allow', async () => {
    const bad = await get(r, '/api/kre/usage?from=2026-10-01&to=2026-10-31&interval=fortnight&timeZone=UTC', 'admin-a');
    assert.equal(bad.status, 400);
    const problem = await bad.json();
    assert.equal(problem.field, 'interval');
    assert.equal(problem.detail, 'interval: expected one of hour, day, week, month, got "fortnight"');
    const late = await (await get(r, sessionsPath('&asOf=2026-11-01T00:00:00Z'), 'admin-a')).json();
    assert.equal(late.field, 'asOf');
    assert.equal((await get(r, '/api/katalon/usage', 'admin-a')).status, 404);
    assert.equal((await get(r, '/api/kre/licenses', 'admin-a')).status, 404);
    const wrong = await fetch(`${r.origin}/api/kre/usage`, { method: 'POST', headers: { Authorization: 'Bearer admin-a' } });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET, HEAD');
    assert.equal((await fetch(`${r.origin}/api/events`, { headers: { Authorization: 'Bearer ingest-a' } })).status, 405);
  });

  it('CORS: a configured origin gets credentials and a preflight; another origin gets 403 without CORS headers', async () => {
    const allowed = await get(r, sessionsPath(), 'admin-a', { Origin: PORTAL });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), PORTAL);
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(allowed.headers.get('vary'), 'Origin');
    const preflight = await fetch(`${r.origin}/api/kre/usage`, {
      method: 'OPTIONS',
      headers: { Origin: PORTAL, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.equal(preflight.headers.get('access-control-allow-origin'), PORTAL);
    const refused = await get(r, sessionsPath(), 'admin-a', { Origin: 'http://evil.example.test' });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });
});

for (const kind of kinds) {
  describe(`events and accounts over HTTP (${kind} store)`, () => {
    let r: Running;
    before(async () => {
      r = await start(await openTestStore(kind));
    });
    after(async () => {
      await r.close();
      await r.opened.close();
    });

    it('JSON: each bad event rejected with its index and reason, the good ones stored, duplicates counted', async () => {
      const body = [
        { type: 'organization', id: 'org-qa', name: 'QA', parentId: null },
        start1('s-1', '2026-10-01T09:00:00Z', { organizationId: 'org-qa' }),
        start1('s-2', 'yesterday'),
        { type: 'session-end', product: 'kre', sessionId: 's-1', at: '2026-10-01T10:00:00Z' },
        start1('s-1', '2026-10-01T09:00:00Z'),
        start1('s-3', '2026-10-01T09:00:00Z', { organizationId: 'org-nope' }),
        { type: 'allocation', product: 'kre', organizationId: null, effectiveFrom: '2026-09-01T00:00:00Z', sessions: 5 },
        { type: 'allocation', product: 'kre', organizationId: null, effectiveFrom: '2026-09-01T00:00:00+00:00', sessions: 7 },
        { type: 'denied', product: 'kre', requestId: 'r-1', at: '2026-10-01T09:30:00Z', user: { name: 'A', email: 'a@x' }, machineId: 'm', licenseSource: 'Acme Corp', organizationId: null },
        { type: 'teleport' },
        { type: 'organization', id: 'org-qa', name: 'QA', parentId: null },
      ];
      const response = await post(r, JSON.stringify(body), 'ingest-a');
      assert.equal(response.status, 200);
      const answer = await response.json();
      assert.deepEqual(answer.rejected.map((x: { index: number }) => x.index), [2, 5, 9]);
      assert.match(answer.rejected[0].detail, /^at: not an ISO 8601 instant/);
      assert.match(answer.rejected[1].detail, /^organizationId: unknown organization "org-nope"/);
      assert.match(answer.rejected[2].detail, /^type: expected one of/);
      assert.equal(answer.accepted, 5);
      assert.equal(answer.duplicates, 3);
      // Sending it again: every good event is a duplicate.
      const again = await (await post(r, JSON.stringify(body), 'ingest-a')).json();
      assert.equal(again.accepted, 0);
      assert.equal(again.duplicates, 8);
      const list = (await (await get(r, sessionsPath(), 'admin-a')).json()) as SessionsResponse;
      assert.deepEqual(list.items.map((i) => [i.sessionId, i.ended, i.organization?.id]), [['s-1', '2026-10-01T10:00:00Z', 'org-qa']]);
    });

    it('NDJSON: one event a line, a line that is not JSON is a rejected event', async () => {
      const lines = [JSON.stringify(start1('n-1', '2026-10-02T09:00:00Z')), '', '{not json', JSON.stringify(start1('n-2', '2026-10-02T09:00:00Z'))];
      const answer = await (await post(r, lines.join('\n'), 'ingest-a', 'application/x-ndjson')).json();
      assert.equal(answer.accepted, 2);
      assert.equal(answer.rejected.length, 1);
      assert.equal(answer.rejected[0].index, 1);
      assert.match(answer.rejected[0].detail, /not JSON/);
    });

    it('a session-end before its session-start is kept and applied when the start arrives', async () => {
      const end = { type: 'session-end', product: 'kre', sessionId: 'late-1', at: '2026-10-03T10:00:00Z' };
      assert.deepEqual(await (await post(r, JSON.stringify([end]), 'ingest-a')).json(), { accepted: 1, duplicates: 0, rejected: [] });
      assert.deepEqual(await (await post(r, JSON.stringify([end]), 'ingest-a')).json(), { accepted: 0, duplicates: 1, rejected: [] });
      const before = (await (await get(r, sessionsPath('&q=late-1'), 'admin-a')).json()) as SessionsResponse;
      assert.equal(before.total, 0);
      await post(r, JSON.stringify([start1('late-1', '2026-10-03T09:00:00Z')]), 'ingest-a');
      const list = (await (await get(r, sessionsPath('&q=late-1'), 'admin-a')).json()) as SessionsResponse;
      assert.deepEqual(list.items.map((i) => i.ended), ['2026-10-03T10:00:00Z']);
    });

    it('an event that arrives between two pages of an export counts on the next page (no stale total)', async () => {
      const path = sessionsPath('&asOf=2026-10-20T00:00:00Z&limit=1');
      const first = (await (await get(r, path, 'admin-a')).json()) as SessionsResponse;
      const again = (await (await get(r, `${path}&offset=1`, 'admin-a')).json()) as SessionsResponse;
      assert.equal(again.total, first.total);
      await post(r, JSON.stringify([start1('between-pages', '2026-10-10T09:00:00Z')]), 'ingest-a');
      const next = (await (await get(r, `${path}&offset=1`, 'admin-a')).json()) as SessionsResponse;
      assert.equal(next.total, first.total + 1);
    });

    it('413 for a body over the limit, and nothing of it is stored', async () => {
      const big = Array.from({ length: 1000 }, (_, i) => start1(`big-${i}`, '2026-10-04T09:00:00Z'));
      const response = await post(r, JSON.stringify(big), 'ingest-a');
      assert.equal(response.status, 413);
      assert.equal((await response.json()).status, 413);
      const list = (await (await get(r, sessionsPath('&q=big-'), 'admin-a')).json()) as SessionsResponse;
      assert.equal(list.total, 0);
    });

    it('accounts are kept apart: one account\'s token never sees another\'s data', async () => {
      await post(r, JSON.stringify([start1('g-1', '2026-10-05T09:00:00Z'), { type: 'organization', id: 'org-g', name: 'Globex', parentId: null }]), 'ingest-b');
      const a = (await (await get(r, sessionsPath(), 'admin-a')).json()) as SessionsResponse;
      const b = (await (await get(r, sessionsPath(), 'admin-b')).json()) as SessionsResponse;
      assert.ok(a.items.every((i) => !i.sessionId.startsWith('g-')));
      assert.deepEqual(b.items.map((i) => i.sessionId), ['g-1']);
      assert.deepEqual(b.facets.organizations.map((o) => o.id), ['org-g']);
      assert.ok(!a.facets.organizations.some((o) => o.id === 'org-g'));
      // An organization of another account is unknown here.
      const foreign = await get(r, sessionsPath('&organizationId=org-g'), 'admin-a');
      assert.equal(foreign.status, 400);
      assert.equal((await foreign.json()).field, 'organizationId');
      // Each account's reports are core's over that account's data alone.
      const path = '/api/kre/usage?from=2026-10-01&to=2026-10-31&interval=day&timeZone=UTC';
      const query = { product: 'kre' as const, from: '2026-10-01', to: '2026-10-31', interval: 'day' as const, timeZone: 'UTC' };
      const globex = await r.opened.store.dataset('globex');
      assert.deepEqual(globex.sessions.map((s) => s.sessionId), ['g-1']);
      assert.deepEqual(await (await get(r, path, 'admin-b')).json(), computeUsage(globex, query, AS_OF));
      assert.deepEqual(await (await get(r, path, 'admin-a')).json(), computeUsage(await r.opened.store.dataset('acme'), query, AS_OF));
    });
  });
}

/** Every page of a 3.2 export through HTTP (asOf pinned by the first page), as the elements read it. */
async function exportPages(r: Running, query: string): Promise<{ items: SessionItem[]; asOf: string }> {
  const first = (await (await get(r, `/api/kre/sessions?${query}&limit=1000&offset=0`, 'admin-a')).json()) as SessionsResponse;
  const items = [...first.items];
  for (let offset = 1000; offset < first.total; offset += 1000) {
    const page = (await (await get(r, `/api/kre/sessions?${query}&limit=1000&offset=${offset}&asOf=${encodeURIComponent(first.asOf)}`, 'admin-a')).json()) as SessionsResponse;
    items.push(...page.items);
  }
  return { items, asOf: first.asOf };
}

describe('the sessions CSV of a 3.2 export is byte-identical whichever store answered', () => {
  const dataset: Dataset = generateDataset({ seed: 5, sessions: 2500, days: 20, end: AS_OF });
  const query = 'from=2026-10-12&to=2026-10-31&timeZone=Europe%2FBerlin&sort=user&order=asc';
  const csv = new Map<string, string>();

  for (const kind of kinds) {
    it(`${kind}`, { timeout: 600_000 }, async () => {
      const r = await start(await openTestStore(kind));
      try {
        await loadDataset(r.opened.store, 'acme', dataset);
        const { items, asOf } = await exportPages(r, query);
        assert.ok(items.length > 1000, `more than one page (${items.length} rows)`);
        csv.set(kind, sessionsToCsv(items, { timeZone: 'Europe/Berlin', asOf }));
      } finally {
        await r.close();
        await r.opened.close();
      }
    });
  }

  it('and equal to core\'s own over the dataset', () => {
    const pages: SessionItem[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = querySessions(dataset, { product: 'kre', from: '2026-10-12', to: '2026-10-31', timeZone: 'Europe/Berlin', sort: 'user', order: 'asc', limit: 1000, offset }, AS_OF);
      pages.push(...page.items);
      if (offset + 1000 >= page.total) break;
    }
    const expected = sessionsToCsv(pages, { timeZone: 'Europe/Berlin', asOf: AS_OF });
    assert.equal(csv.size, kinds.length);
    for (const [kind, text] of csv) assert.ok(Buffer.from(text).equals(Buffer.from(expected)), `${kind} CSV differs`);
  });
});
