// The auth and routing recipes: a `fetch` that adds `Authorization` (examples/auth), and a report
// service on another origin called with `credentials: 'include'` under CORS (examples/cross-origin).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeUsage } from 'kre-license-reports/core';
import { chartReport, launchBrowser, newPage, sessionRows, startServer, statusText } from './helpers.mjs';
import { saveScreenshot } from './screenshots.mjs';

const TOKEN = 'portal-secret-7';
// CONTRACT 3.3: 401 is "sign in" (403 is the Account Admin role).
const SIGN_IN_MESSAGE = 'Sign in to see this report.';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

describe('auth: a fetch that adds the bearer token', () => {
  let service, tab;
  const sent = [];

  before(async () => {
    service = await startServer({ token: TOKEN });
    tab = await newPage(browser);
    tab.page.on('request', (r) => {
      if (r.url().includes('/api/')) sent.push({ url: r.url(), authorization: r.headers().authorization });
    });
    await tab.page.goto(`${service.origin}/auth/`);
  });
  after(() => service?.close());

  it('without a token the service answers 401 and both reports ask to sign in', async () => {
    assert.ok((await statusText(tab.page, 'kre-license-usage')).includes(SIGN_IN_MESSAGE));
    assert.ok((await statusText(tab.page, 'kre-user-sessions')).includes(SIGN_IN_MESSAGE));
    assert.ok(sent.length >= 2 && sent.every((r) => r.authorization === undefined));
  });

  it('with the token every request carries `Authorization: Bearer …` and the reports show core\'s data', async () => {
    sent.length = 0;
    await tab.page.fill('input[name="token"]', TOKEN);
    await tab.page.click('#sign-in button');
    const shown = await chartReport(tab.page, 'kre-license-usage');
    const { from, to, timeZone } = shown.filters;
    assert.deepEqual(shown.report, computeUsage(service.dataset, { product: 'kre', from, to, interval: 'day', timeZone }, service.asOf));
    const rows = await sessionRows(tab.page);
    assert.equal(rows.ids.length, 25);
    assert.ok(sent.length >= 2);
    assert.deepEqual(new Set(sent.map((r) => r.authorization)), new Set([`Bearer ${TOKEN}`]));
    await saveScreenshot(tab.page, 'auth.png', 'main', { maxHeight: 700 });
  });

  it('had zero CSP violations and no page errors', async () => {
    assert.deepEqual(await tab.violations(), []);
    // The 401s of the first load are logged by the browser as failed resources, nothing else.
    assert.deepEqual(tab.problems.filter((p) => !/status of 401/.test(p)), []);
  });
});

describe('cross-origin: the service on another port, CORS with credentials', () => {
  let portal, api, seen;

  before(async () => {
    // The portal may connect to any localhost port (its CSP's connect-src); the service allows the
    // portal's origin only, and knows the user by the portal's session cookie.
    portal = await startServer({ connectOrigins: ['http://localhost:*'] });
    api = await startServer({ token: TOKEN, allowOrigins: [portal.origin] });
    seen = [];
    api.server.on('request', (request) => {
      if (request.method === 'GET') seen.push({ origin: request.headers.origin, cookie: request.headers.cookie ?? '' });
    });
  });
  after(async () => {
    await portal?.close();
    await api?.close();
  });

  it('from the allowed origin, with the cookie sent (credentials: include), the reports show the data', async () => {
    const tab = await newPage(browser);
    await tab.context.addCookies([{ name: 'kre_session', value: TOKEN, url: api.origin }]);
    const responses = [];
    tab.page.on('response', (r) => {
      if (r.url().startsWith(api.origin)) responses.push(r.headers());
    });
    await tab.page.goto(`${portal.origin}/cross-origin/?api=${encodeURIComponent(`${api.origin}/api`)}`);
    const shown = await chartReport(tab.page, 'kre-license-usage');
    const { from, to, timeZone } = shown.filters;
    assert.deepEqual(shown.report, computeUsage(api.dataset, { product: 'kre', from, to, interval: 'day', timeZone }, api.asOf));
    assert.equal((await sessionRows(tab.page)).ids.length, 25);
    assert.ok(seen.length >= 2);
    assert.ok(seen.every((r) => r.origin === portal.origin && r.cookie.includes(`kre_session=${TOKEN}`)));
    assert.ok(responses.every((h) => h['access-control-allow-origin'] === portal.origin && h['access-control-allow-credentials'] === 'true'));
    assert.deepEqual(await tab.violations(), []);
    assert.deepEqual(tab.problems, []);
    if (process.env.KRE_SCREENSHOTS) {
      // The service's own answer, as a backend developer first meets it.
      await tab.page.goto(`${api.origin}/api/kre/usage?from=${to}&to=${to}&interval=day&timeZone=${encodeURIComponent(timeZone)}`);
      // Without Chromium's JSON viewer bar.
      await tab.page.evaluate(() => document.querySelectorAll('body > :not(pre)').forEach((e) => e.remove()));
      await saveScreenshot(tab.page, 'node-server.png', 'pre', { maxHeight: 480, maxWidth: 560 });
    }
    await tab.context.close();
  });

  it('from an origin the service does not allow, the reports show the network error with Retry', async () => {
    const tab = await newPage(browser);
    // Same page, another origin: 127.0.0.1 is not localhost to CORS.
    const other = portal.origin.replace('localhost', '127.0.0.1');
    await tab.page.goto(`${other}/cross-origin/?api=${encodeURIComponent(`${api.origin}/api`)}`);
    for (const tag of ['kre-license-usage', 'kre-user-sessions']) {
      const text = await statusText(tab.page, tag);
      if (tag === 'kre-user-sessions') await saveScreenshot(tab.page, 'cross-origin-refused.png', 'main', { maxHeight: 600 });
      assert.match(text, /The report service could not be reached/, `${tag}: ${text}`);
      assert.equal(await tab.page.locator(`${tag} [part~="retry-button"]`).count(), 1);
    }
    assert.ok(seen.some((r) => r.origin === other), 'the request reached the service, which refused it (403, no CORS headers)');
    assert.deepEqual(await tab.violations(), [], 'refused by CORS, not by the CSP');
    await tab.context.close();
  });
});
