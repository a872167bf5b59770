// Node: the package imports without a DOM (server-side rendering setups, backend use of core and of
// the report service), and the example service (a few lines over kre-license-reports/server)
// answers the contract through core, problems included, and starts from its CLI.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { computeCapacity, computeUsage, querySessions } from 'kre-license-reports/core';
import { startServer } from './helpers.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = fileURLToPath(new URL('../../examples/node-server/server.mjs', import.meta.url));

describe('importing the package in Node', () => {
  it('every entry point imports (twice) without a DOM, and core computes', async () => {
    // A child process, so nothing this test process loaded can help. Self-reference: the package
    // name resolves through package.json's `exports` to dist/, as in a host's node_modules.
    const script = `
      const entries = ['kre-license-reports', 'kre-license-reports/kre-license-usage.js',
        'kre-license-reports/testcloud-license-usage.js', 'kre-license-reports/kre-user-sessions.js',
        'kre-license-reports/core', 'kre-license-reports/mock', 'kre-license-reports/server'];
      const out = {};
      for (const entry of entries) out[entry] = Object.keys(await import(entry)).length;
      const again = await import(new URL('dist/index.js?again', 'file://${ROOT}/'));
      const core = await import('kre-license-reports/core');
      const usage = core.computeUsage({ organizations: [], allocations: [], sessions: [] },
        { product: 'kre', from: '2026-10-01', to: '2026-10-02', interval: 'day', timeZone: 'Europe/Berlin' }, '2026-10-05T00:00:00Z');
      console.log(JSON.stringify({ out, again: typeof again.KreLicenseUsage, buckets: usage.buckets.length,
        registered: globalThis.customElements?.get('kre-license-usage') !== undefined,
        htmlElement: typeof globalThis.HTMLElement, window: typeof globalThis.window }));`;
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    assert.equal(stderr, '');
    const result = JSON.parse(stdout);
    for (const [entry, count] of Object.entries(result.out)) assert.ok(count > 0, `${entry} exports something`);
    assert.equal(result.again, 'function');
    assert.equal(result.buckets, 2);
    // Lit's Node build brings its SSR registry shim (@lit-labs/ssr-dom-shim): the tags land there,
    // which is what a server-side renderer needs; no DOM globals are left behind.
    assert.equal(result.registered, true);
    assert.equal(result.htmlElement, 'undefined');
    assert.equal(result.window, 'undefined');
  });
});

describe('the example service (examples/node-server)', () => {
  let service;
  const TOKEN = 'backend-token';
  const PORTAL = 'http://portal.example.test';
  before(async () => {
    service = await startServer({ token: TOKEN, allowOrigins: [PORTAL] });
  });
  after(() => service?.close());

  const get = (path, headers = {}) => fetch(`${service.origin}${path}`, { headers: { Authorization: `Bearer ${TOKEN}`, ...headers } });
  const query = 'from=2026-01-01&to=2026-01-31&timeZone=Europe%2FBerlin';

  it('answers usage and sessions exactly as core computes them', async () => {
    const day = service.asOf.toISOString().slice(0, 10);
    const usage = await get(`/api/kre/usage?from=${day}&to=${day}&interval=hour&timeZone=Asia%2FTokyo&organizationId=org-root`);
    assert.equal(usage.status, 200);
    assert.match(usage.headers.get('content-type'), /^application\/json/);
    assert.deepEqual(await usage.json(), computeUsage(service.dataset, { product: 'kre', from: day, to: day, interval: 'hour', timeZone: 'Asia/Tokyo', organizationIds: ['org-root'] }, service.asOf));

    const sessions = await get(`/api/testcloud/sessions?from=${day}&to=${day}&timeZone=UTC&sort=user&order=asc&limit=7&offset=3&q=a`);
    assert.equal(sessions.status, 200);
    assert.deepEqual(
      await sessions.json(),
      querySessions(service.dataset, { product: 'testcloud', from: day, to: day, timeZone: 'UTC', sort: 'user', order: 'asc', limit: 7, offset: 3, q: 'a' }, service.asOf),
    );
  });

  for (const [path, status, field] of [
    [`/api/kre/usage?${query}&interval=fortnight`, 400, 'interval'],
    [`/api/kre/usage?from=2026-01-01&to=2026-03-31&timeZone=UTC&interval=hour`, 400, undefined],
    [`/api/kre/sessions?${query}&limit=5000`, 400, 'limit'],
    [`/api/kre/sessions?${query}&offset=-1`, 400, 'offset'],
    [`/api/kre/sessions?${query}&from=2026-01-02`, 400, 'from'],
    [`/api/kre/usage?${query}&interval=day&timeZone=Mars%2FOlympus`, 400, 'timeZone'],
    [`/api/katalon/usage?${query}&interval=day`, 404, undefined],
    [`/api/kre/licenses`, 404, undefined],
  ]) {
    it(`${status} problem for ${path.replace(/\?.*?(?=[a-z]+=[^&]*$)|\?.*$/, (m) => (m.startsWith('?') ? '?…' : m))}`, async () => {
      const response = await get(path);
      assert.equal(response.status, status);
      assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      const problem = await response.json();
      assert.equal(problem.status, status);
      assert.equal(typeof problem.title, 'string');
      assert.ok(problem.detail.length > 10, problem.detail);
      if (field) assert.equal(problem.field, field);
    });
  }

  it('401 problem with WWW-Authenticate without the token; a session cookie is accepted too', async () => {
    const response = await fetch(`${service.origin}/api/kre/usage?${query}&interval=day`);
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await response.json()).status, 401);
    const withCookie = await fetch(`${service.origin}/api/kre/usage?${query}&interval=day`, { headers: { Cookie: `kre_session=${TOKEN}` } });
    assert.equal(withCookie.status, 200);
  });

  it('CORS: the allowed origin gets credentials and a preflight; others get 403 without CORS headers', async () => {
    const allowed = await get(`/api/kre/usage?${query}&interval=day`, { Origin: PORTAL });
    assert.equal(allowed.headers.get('access-control-allow-origin'), PORTAL);
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(allowed.headers.get('vary'), 'Origin');
    const preflight = await fetch(`${service.origin}/api/kre/usage`, {
      method: 'OPTIONS',
      headers: { Origin: PORTAL, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers'), /Authorization/);
    // An unauthenticated preflight still passes: browsers never send credentials with it.
    const refused = await get(`/api/kre/usage?${query}&interval=day`, { Origin: 'http://evil.example.test' });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });

  it('405 for anything but GET on a report; events are POST, for the ingest role only', async () => {
    const response = await fetch(`${service.origin}/api/kre/usage`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET, HEAD');
    // The example's one role is account-admin: sending events is forbidden.
    const events = await fetch(`${service.origin}/api/events`, { method: 'POST', body: '[]', headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(events.status, 403);
  });

  it('answers capacity (3.4) as core computes it', async () => {
    const day = service.asOf.toISOString().slice(0, 10);
    const capacity = await get(`/api/kre/capacity?from=${day}&to=${day}&timeZone=Europe%2FBerlin&licenses=3`);
    assert.equal(capacity.status, 200);
    assert.deepEqual(await capacity.json(), computeCapacity(service.dataset, { product: 'kre', from: day, to: day, timeZone: 'Europe/Berlin', licenses: 3 }, service.asOf));
  });

  it('static pages carry the strict CSP; paths outside the mounts are 404', async () => {
    const page = await fetch(`${service.origin}/plain-html/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy'), /^default-src 'self'; script-src 'self'; style-src 'self'/);
    assert.equal((await fetch(`${service.origin}/assets/kre-license-reports.bundle.js`)).headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal((await fetch(`${service.origin}/assets/%2e%2e/package.json`)).status, 404);
    assert.equal((await fetch(`${service.origin}/nothing-here.html`)).status, 404);
  });
});

describe('the example service from its command line', () => {
  it('starts on PORT, answers, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [SERVER], { env: { ...process.env, PORT: '0', TOKEN: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let output = '';
      const port = await new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          output += chunk;
          const match = /http:\/\/localhost:(\d+)\//.exec(output);
          if (match) resolve(Number(match[1]));
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      const today = new Date().toISOString().slice(0, 10);
      const response = await fetch(`http://localhost:${port}/api/kre/usage?from=${today}&to=${today}&interval=day&timeZone=UTC`);
      assert.equal(response.status, 200);
      assert.equal((await response.json()).buckets.length, 1);
      // Every URL it printed answers (the first one is the index of the example pages).
      await new Promise((resolve) => setTimeout(resolve, 100));
      const printed = output.match(/http:\/\/localhost:\d+\/\S*/g);
      assert.ok(printed.length >= 6, output);
      for (const url of printed) assert.equal((await fetch(url)).status, 200, url);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
