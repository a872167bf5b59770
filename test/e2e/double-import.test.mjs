// Robust loading in a browser (examples/double-import): the bundle imported twice from one URL, a
// second copy from another URL, and a third evaluation imported later. Nothing throws or logs an
// error, the first definitions win, and the elements work.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeUsage } from 'kre-license-reports/core';
import { chartReport, launchBrowser, newPage, sessionRows, startServer } from './helpers.mjs';

describe('two copies of the package on one page', () => {
  let service, browser, tab;
  const bundles = [];

  before(async () => {
    [service, browser] = await Promise.all([startServer(), launchBrowser()]);
    tab = await newPage(browser);
    tab.page.on('response', (r) => {
      if (r.url().includes('kre-license-reports.bundle.js')) bundles.push(new URL(r.url()).pathname + new URL(r.url()).search);
    });
    await tab.page.goto(`${service.origin}/double-import/`);
    await tab.page.waitForFunction(() => window.doubleImport, undefined, { timeout: 15_000 });
  });
  after(async () => {
    await browser?.close();
    await service?.close();
  });

  it('loads three copies, and the first definition of each tag wins', async () => {
    assert.deepEqual(bundles.sort(), [
      '/assets/kre-license-reports.bundle.js',
      '/second-copy/kre-license-reports.bundle.js',
      '/second-copy/kre-license-reports.bundle.js?late',
    ]);
    assert.deepEqual(await tab.page.evaluate(() => window.doubleImport), { firstCopyWins: true, lateCopyLoaded: true });
  });

  it('both elements work', async () => {
    const shown = await chartReport(tab.page, 'kre-license-usage');
    const { from, to, timeZone } = shown.filters;
    assert.deepEqual(shown.report, computeUsage(service.dataset, { product: 'kre', from, to, interval: 'day', timeZone }, service.asOf));
    assert.equal((await sessionRows(tab.page)).ids.length, 25);
  });

  it('an element created after the late import still upgrades and works', async () => {
    await tab.page.evaluate(() => {
      const late = document.createElement('testcloud-license-usage');
      late.setAttribute('endpoint', '/api');
      document.querySelector('main').append(late);
    });
    const shown = await chartReport(tab.page, 'testcloud-license-usage');
    assert.ok(shown.report.buckets.length > 0);
  });

  it('logged no error or warning and had zero CSP violations', async () => {
    assert.deepEqual(tab.problems, []);
    assert.deepEqual(await tab.violations(), []);
  });
});
