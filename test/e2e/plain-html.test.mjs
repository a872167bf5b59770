/* global getComputedStyle, Image -- inside page.evaluate: they run in the page */
// The plain HTML host (examples/plain-html): one <script type="module">, the self-contained bundle,
// served by the example Node service with the strict CSP. Numbers against core, the drill-down
// from the chart's peak to its sessions, the host's theme, both exports, zero CSP violations.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { computeUsage, querySessions, sessionsToCsv, sessionsCsvFileName } from 'kre-license-reports/core';
import {
  barBoxes,
  CSP,
  chartReport,
  formatInteger,
  launchBrowser,
  newPage,
  sessionRows,
  startServer,
  summaryStats,
} from './helpers.mjs';
import { saveScreenshot } from './screenshots.mjs';

describe('plain HTML page under a strict CSP', () => {
  let service, browser, tab, response;

  before(async () => {
    [service, browser] = await Promise.all([startServer(), launchBrowser()]);
    tab = await newPage(browser);
    response = await tab.page.goto(`${service.origin}/plain-html/`);
  });
  after(async () => {
    await browser?.close();
    await service?.close();
  });

  it('is served with the strict policy, and loads one module script and the bundle only', async () => {
    assert.equal(response.headers()['content-security-policy'], CSP);
    assert.doesNotMatch(CSP, /unsafe-inline|unsafe-eval/);
    const scripts = await tab.page.evaluate(() => [...document.scripts].map((s) => ({ type: s.type, src: s.getAttribute('src'), inline: s.textContent.trim() !== '' })));
    assert.deepEqual(scripts, [{ type: 'module', src: 'page.js', inline: false }]);
    const page = await readFile(new URL('../../examples/plain-html/page.js', import.meta.url), 'utf8');
    assert.deepEqual([...page.matchAll(/^import\s+'([^']+)'/gm)].map((m) => m[1]), ['/assets/kre-license-reports.bundle.js']);
    // The on-demand chunk (table views, lists, exports) is not loaded before its first use.
    assert.deepEqual(await scriptsLoaded(tab.page), ['/assets/kre-license-reports.bundle.js', '/plain-html/page.js']);
  });

  for (const [tag, product] of [['kre-license-usage', 'kre'], ['testcloud-license-usage', 'testcloud']]) {
    it(`<${tag}> shows core's numbers for its query`, async () => {
      const shown = await chartReport(tab.page, tag);
      const { from, to, timeZone } = shown.filters;
      assert.equal(timeZone, 'Europe/Berlin');
      const expected = computeUsage(service.dataset, { product, from, to, interval: shown.interval, timeZone }, service.asOf);
      assert.ok(expected.buckets.length > 0 && expected.summary.peak > 0, 'the range holds data');
      assert.deepEqual(shown.report, expected);
      assert.deepEqual(shown.stats, summaryStats(expected.summary));
      assert.equal(shown.bars, expected.buckets.length);
    });
  }

  it('the session table lists core\'s first page', async () => {
    const filters = await tab.page.evaluate(() => document.querySelector('kre-user-sessions').filterState());
    const expected = querySessions(service.dataset, { product: 'kre', from: filters.from, to: filters.to, timeZone: filters.timeZone, limit: 25 }, service.asOf);
    const rows = await sessionRows(tab.page);
    assert.deepEqual(rows.ids, expected.items.map((s) => s.sessionId));
    assert.equal(rows.range, `1–25 of ${formatInteger(expected.total)}`);
  });

  it('the host\'s CSS themes the elements through custom properties and ::part', async () => {
    const styles = await tab.page.evaluate(() => {
      const chart = document.querySelector('kre-license-usage');
      const sessions = document.querySelector('kre-user-sessions');
      const part = (el, name) => getComputedStyle(el.shadowRoot.querySelector(`[part~="${name}"]`));
      return {
        peakFill: getComputedStyle(chart.shadowRoot.querySelector('path.bar')).fill,
        testcloudPeakFill: getComputedStyle(document.querySelector('testcloud-license-usage').shadowRoot.querySelector('path.bar')).fill,
        titleTransform: part(chart, 'title').textTransform,
        utilizationBackground: part(chart, 'stat-utilization').backgroundColor,
        headerBackground: part(sessions, 'header-cell').backgroundColor,
        radius: getComputedStyle(chart).borderTopLeftRadius,
        hostInlineStyle: chart.getAttribute('style'),
      };
    });
    assert.deepEqual(styles, {
      peakFill: 'rgb(109, 40, 217)', // --kre-usage-peak-color: #6d28d9
      testcloudPeakFill: 'rgb(15, 118, 110)', // --testcloud-usage-peak-color: #0f766e
      titleTransform: 'uppercase', // ::part(title)
      utilizationBackground: 'rgb(243, 232, 255)', // ::part(stat-utilization)
      headerBackground: 'rgb(245, 243, 255)', // kre-user-sessions::part(header-cell)
      radius: '12px', // --kre-radius
      hostInlineStyle: null,
    });
  });

  it('a click on the peak bar opens the table on exactly the sessions active at the peak', async () => {
    const { page } = tab;
    const { report, filters } = await chartReport(page, 'kre-license-usage');
    const index = report.buckets.reduce((best, b, i) => (b.peak > report.buckets[best].peak ? i : best), 0);
    const bucket = report.buckets[index];
    const r = (await barBoxes(page, 'kre-license-usage'))[index];
    const box = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    // The listener is in place before the click (an evaluate left pending may run after it).
    await page.evaluate(() => {
      window.__selected = null;
      document.addEventListener('kre-bucket-select', (e) => (window.__selected = e.detail), { once: true });
    });
    await page.mouse.click(box.x, box.y);
    await page.waitForFunction(() => window.__selected !== null, null, { timeout: 10_000 });
    assert.deepEqual(await page.evaluate(() => window.__selected), { start: bucket.start, end: bucket.end, peakAt: bucket.peakAt, denied: bucket.denied, organization: [], product: 'kre' });

    const rows = await sessionRows(page, 'kre-user-sessions', bucket.peakAt);
    const expected = querySessions(service.dataset, { product: 'kre', from: filters.from, to: filters.to, timeZone: filters.timeZone, activeAt: bucket.peakAt, limit: 25 }, service.asOf);
    assert.equal(expected.total, bucket.peak, 'as many sessions as the peak');
    assert.deepEqual(rows.ids, expected.items.map((s) => s.sessionId));
    assert.equal(rows.range, `1–${Math.min(25, bucket.peak)} of ${formatInteger(bucket.peak)}`);
    await saveScreenshot(page, 'plain-html-chart.png', 'kre-license-usage', { blur: false });
    await saveScreenshot(page, 'plain-html-drilldown.png', 'kre-user-sessions', { maxHeight: 560 });
  });

  it('exports the sessions at the peak as CSV, exactly core\'s', async () => {
    const { page } = tab;
    const state = await page.evaluate(() => document.querySelector('kre-user-sessions').filterState());
    const download = page.waitForEvent('download');
    await page.locator('kre-user-sessions [part~="export-button"]').click();
    const file = await download;
    const text = await readFile(await file.path(), 'utf8');
    const all = querySessions(service.dataset, { product: 'kre', from: state.from, to: state.to, timeZone: state.timeZone, activeAt: state.activeAt, limit: 1000 }, service.asOf);
    const day = state.activeAt.slice(0, 10); // the peak's local day (the instant carries the zone's offset)
    assert.equal(file.suggestedFilename(), sessionsCsvFileName('kre', day, day));
    assert.equal(text, sessionsToCsv(all.items, { timeZone: state.timeZone, asOf: all.asOf }));
  });

  it('exports the chart as CSV and PNG', async () => {
    const { page } = tab;
    const csv = page.waitForEvent('download');
    await page.locator('kre-license-usage [part~="export-csv"]').click();
    const csvFile = await csv;
    const text = await readFile(await csvFile.path(), 'utf8');
    const { report } = await chartReport(page, 'kre-license-usage');
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.ok(text.startsWith('\uFEFF'));
    assert.equal(lines[0], 'Start,End,Available Sessions,Peak Usage,Peak At,Average Peak,Denied');
    assert.deepEqual(lines.slice(1).map((l) => l.split(',').slice(0, 4)), report.buckets.map((b) => [b.start, b.end, String(b.available), String(b.peak)]));

    const png = page.waitForEvent('download');
    await page.locator('kre-license-usage [part~="export-png"]').click();
    const pngFile = await png;
    assert.match(pngFile.suggestedFilename(), /^kre-license-usage_.*\.png$/);
    const bytes = await readFile(await pngFile.path());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    assert.ok(width > 1000 && height > 400, `a real picture (${width}×${height})`);
    // Drawn with the page's styles (written through the CSSOM, which the CSP allows): the bars
    // are in the host's peak colour.
    const purple = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 109 && data[i + 1] === 40 && data[i + 2] === 217) count++;
      return count;
    }, bytes.toString('base64'));
    assert.ok(purple > 1000, `bars in #6d28d9 (${purple} pixels)`);
  });

  it('had zero CSP violations and no errors, exports included', async () => {
    // The exports loaded the on-demand chunk once, from the bundle's folder, under the same policy.
    assert.deepEqual(await scriptsLoaded(tab.page), ['/assets/kre-license-reports.bundle.js', '/assets/kre-license-reports.on-demand.js', '/plain-html/page.js']);
    assert.deepEqual(await tab.violations(), []);
    assert.deepEqual(tab.problems, []);
    // The listener works: an inline style attribute is a violation.
    await tab.page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await tab.page.waitForFunction(() => window.__violations.length === 1);
    assert.match((await tab.violations())[0], /^style-src-attr blocked inline/);
  });
});

/** The paths of the scripts the page has fetched so far, sorted. */
function scriptsLoaded(page) {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((path) => path.endsWith('.js')).sort(),
  );
}

describe('plain HTML page whose on-demand chunk cannot be loaded (a host that copied the bundle alone)', () => {
  let service, browser, tab;

  before(async () => {
    [service, browser] = await Promise.all([startServer(), launchBrowser()]);
    tab = await newPage(browser);
    await tab.page.route('**/kre-license-reports.on-demand.js', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await tab.page.goto(`${service.origin}/plain-html/`);
    await chartReport(tab.page, 'kre-license-usage');
  });
  after(async () => {
    await browser?.close();
    await service?.close();
  });

  const chart = () => tab.page.locator('kre-license-usage');
  const notice = () => chart().locator('.notice[role="alert"]');

  it('"Show as table" says the table view could not be loaded, and the chart stays', async () => {
    await chart().locator('[part~="table-button"]').click();
    await notice().waitFor();
    assert.match(await notice().textContent(), /^This part of the report could not be loaded: .+[^.]\.$/);
    assert.equal(await chart().locator('[part~="table-button"]').getAttribute('aria-pressed'), 'false');
    assert.equal(await chart().locator('[part~="plot"]').isVisible(), true);
  });

  it('the organization picker says its list could not be loaded, and stays closed', async () => {
    await chart().locator('[part~="organization-button"]').click();
    const error = chart().locator('.ms .field-error');
    await error.waitFor();
    assert.match(await error.textContent(), /^This part of the report could not be loaded: .+[^.]\.$/);
    assert.equal(await chart().locator('[part~="organization-button"]').getAttribute('aria-expanded'), 'false');
  });

  it('an export says it stopped and saves no file', async () => {
    let downloads = 0;
    tab.page.on('download', () => downloads++);
    await chart().locator('[part~="export-csv"]').click();
    await tab.page.waitForFunction(() => /The export stopped/.test(document.querySelector('kre-license-usage').shadowRoot.querySelector('.notice[role="alert"]')?.textContent ?? ''));
    const sessions = tab.page.locator('kre-user-sessions');
    await sessions.locator('[part~="export-button"]').click();
    await tab.page.waitForFunction(() => /The export stopped/.test(document.querySelector('kre-user-sessions').shadowRoot.querySelector('[part="toast"]')?.textContent ?? ''));
    assert.equal(downloads, 0);
  });
});
