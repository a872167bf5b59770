// One end-to-end suite for the framework hosts (examples/react, examples/vue): both are the same
// portal, the KRE usage chart over the session log, written the way each framework does it.
// Numbers against core, the filter state in the URL (UI change, reload, Back/Forward), the
// drill-down from a peak to its sessions, and the host's theme through custom properties and ::part.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeUsage, querySessions } from 'kre-license-reports/core';
import { chartReport, launchBrowser, newPage, sessionRows, summaryStats } from './helpers.mjs';
import { saveScreenshot } from './screenshots.mjs';
import { barCentre, DEMO, demoDataset, recordRequests, serveExample, urlParams } from './vite-host.mjs';

const CHART = 'kre-license-usage';
const LOG = 'kre-user-sessions';
const QUERY = { product: 'kre', from: DEMO.from, to: DEMO.to, timeZone: DEMO.timeZone };

/** What a chart and the session log hold right now: attributes, state and first rows. */
const attributes = (page, selector, names) =>
  page.evaluate(([sel, list]) => Object.fromEntries(list.map((n) => [n, document.querySelector(sel).getAttribute(n)])), [selector, names]);

/**
 * @param {string} name  the folder under examples/
 * @param {{ title: string, theme: { peakBar: string, title: string, statPeak: string }, rtlScreenshot?: boolean }} options
 *   the colours the host's own stylesheet gives (custom properties and ::part); whether to save
 *   docs/images/rtl.png (with KRE_SCREENSHOTS=1)
 */
export function hostSuite(name, { title, theme, rtlScreenshot = false }) {
  describe(`${title} host (examples/${name})`, () => {
    let app, browser, tab, page, requests;

    before(async () => {
      [app, browser] = await Promise.all([serveExample(name), launchBrowser()]);
      tab = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
      page = tab.page;
      requests = recordRequests(page);
      await page.goto(`${app.origin}/`);
    });
    after(async () => {
      await browser?.close();
      await app?.close();
    });

    it("shows core's numbers for the page's query, and sends the host's fetch (an Authorization header)", async () => {
      const shown = await chartReport(page, CHART);
      const expected = computeUsage(demoDataset(), { ...QUERY, interval: 'day' }, DEMO.asOf);
      assert.ok(expected.summary.peak > 0, 'the range holds data');
      assert.deepEqual(shown.report, expected);
      assert.deepEqual(shown.stats, summaryStats(expected.summary));
      const rows = await sessionRows(page, LOG);
      const log = querySessions(demoDataset(), { ...QUERY, sort: 'started', order: 'desc', offset: 0, limit: 50 }, DEMO.asOf);
      assert.deepEqual(rows.ids, log.items.map((s) => s.sessionId));
      const usage = await requests.last('usage');
      assert.equal(usage.headers.authorization, 'Bearer example-token');
      assert.equal(new URL(page.url()).search, '', 'a fresh page has a clean URL');
    });

    it('themes the elements through custom properties and ::part only', async () => {
      const style = await page.evaluate(([chart, log]) => {
        const c = document.querySelector(chart).shadowRoot;
        const l = document.querySelector(log).shadowRoot;
        const css = (el) => window.getComputedStyle(el);
        return {
          peakBar: css(c.querySelector('path.bar')).fill,
          title: css(c.querySelector('[part~="title"]')).color,
          statPeak: css(c.querySelector('[part~="stat-peak"]')).backgroundColor,
          headerCell: css(l.querySelector('[part~="header-cell"]')).color,
          hostStyle: [document.querySelector(chart).getAttribute('style'), document.querySelector(log).getAttribute('style')],
        };
      }, [CHART, LOG]);
      assert.deepEqual(style, {
        peakBar: theme.peakBar, // --kre-usage-peak-color on .portal
        title: theme.title, // ::part(title)
        statPeak: theme.statPeak, // ::part(stat-peak)
        headerCell: theme.title, // ::part(header-cell)
        hostStyle: [null, null], // nothing set on the elements themselves
      });
    });

    it('writes a filter changed in the element into the URL, and a reload restores it (attribute and request)', async () => {
      await page.locator(CHART).locator('select#interval').selectOption('week');
      await page.waitForURL((url) => url.searchParams.get('interval') === 'week');
      await page.locator(LOG).locator('th.c-duration button').click();
      await page.waitForURL((url) => url.searchParams.get('sort') === 'duration');
      assert.deepEqual(await urlParams(page), { interval: ['week'], sort: ['duration'] }); // order: desc, the default

      requests.clear();
      await page.reload();
      const shown = await chartReport(page, CHART);
      assert.equal(shown.report.interval, 'week');
      assert.deepEqual(shown.report, computeUsage(demoDataset(), { ...QUERY, interval: 'week' }, DEMO.asOf));
      assert.deepEqual(await attributes(page, CHART, ['interval', 'from', 'to', 'time-zone']), { interval: 'week', from: DEMO.from, to: DEMO.to, 'time-zone': DEMO.timeZone });
      assert.deepEqual(await attributes(page, LOG, ['sort', 'order']), { sort: 'duration', order: 'desc' });
      assert.equal((await requests.last('usage')).url.searchParams.get('interval'), 'week');
      const sessions = await requests.last('sessions', (p) => p.get('sort') === 'duration');
      assert.equal(sessions.url.searchParams.get('order'), 'desc');
      const rows = await sessionRows(page, LOG);
      const expected = querySessions(demoDataset(), { ...QUERY, sort: 'duration', order: 'desc', limit: 50 }, DEMO.asOf);
      assert.deepEqual(rows.ids, expected.items.map((s) => s.sessionId));
    });

    it('steps through the filter states with Back and Forward', async () => {
      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('sort'));
      await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('sort') === 'started', LOG);
      assert.equal(await page.locator(CHART).getAttribute('interval'), 'week');
      await page.goBack();
      await page.waitForURL((url) => url.search === '');
      await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('interval') === 'day', CHART);
      assert.equal((await chartReport(page, CHART)).report.interval, 'day');
      await page.goForward();
      await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('interval') === 'week', CHART);
      assert.equal((await chartReport(page, CHART)).report.interval, 'week');
      await page.goForward();
      await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('sort') === 'duration', LOG);
    });

    it('opens the session log on the sessions active at a peak (kre-bucket-select), and keeps it in the URL', async () => {
      // Back to the daily view of the month; the busiest day's bar.
      await page.locator(CHART).locator('select#interval').selectOption('day');
      const { report } = await page.waitForFunction((sel) => document.querySelector(sel)?.report?.interval === 'day', CHART).then(() => chartReport(page, CHART));
      const peak = report.buckets.reduce((best, b, i) => (b.peak > report.buckets[best].peak ? i : best), 0);
      const { peakAt } = report.buckets[peak];
      const point = await barCentre(page, CHART, peak);
      await page.mouse.move(point.x, point.y);
      await page.mouse.click(point.x, point.y);
      await page.waitForURL((url) => url.searchParams.get('at') === peakAt);
      const rows = await sessionRows(page, LOG, peakAt);
      const expected = querySessions(demoDataset(), { ...QUERY, activeAt: peakAt, sort: 'duration', order: 'desc', limit: 50 }, DEMO.asOf);
      assert.equal(expected.total, report.buckets[peak].peak, 'as many sessions as the peak');
      assert.deepEqual(rows.ids, expected.items.map((s) => s.sessionId));
      const request = await requests.last('sessions', (p) => p.get('activeAt') === peakAt);
      assert.equal(request.url.searchParams.has('from'), false, 'activeAt replaces the date range');

      await page.reload();
      assert.deepEqual((await sessionRows(page, LOG, peakAt)).ids, expected.items.map((s) => s.sessionId));
      if (process.env.KRE_SCREENSHOTS) {
        // The README's picture: the portal at a laptop's width, the chart over the drilled-down log.
        await page.setViewportSize({ width: 1060, height: 1000 });
        await page.evaluate(() => new Promise((r) => window.requestAnimationFrame(() => window.requestAnimationFrame(r))));
        await page.evaluate(() => window.scrollTo(0, 0));
        await saveScreenshot(page, `${name}.png`, '.portal', { maxHeight: 1040 });
      }
      assert.deepEqual(tab.problems, []);
    });

    it("speaks the host's languages: strings from its tables, numbers and dates in the locale, kept in the URL", async () => {
      const { report } = await chartReport(page, CHART);
      const select = page.locator('.portal-header select');
      const texts = () =>
        page.evaluate(([chart, log]) => {
          const c = document.querySelector(chart).shadowRoot;
          const l = document.querySelector(log).shadowRoot;
          const text = (root, sel) => root.querySelector(sel)?.textContent.trim().replace(/\s+/g, ' ');
          return {
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
            title: text(c, '[part~="title"]'),
            peakLabel: text(c, '[part~="stat-peak"] dt'),
            average: text(c, '[part~="stat-average"] dd'),
            user: text(l, 'th.c-user').replace(/[▲▼]/g, ''),
            chip: text(l, '[part~="chip"] span'),
          };
        }, [CHART, LOG]);
      const average = (locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(report.summary.averageDailyPeak);

      await select.selectOption('de');
      await page.waitForURL((url) => url.searchParams.get('lang') === 'de');
      await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('locale') === 'de-DE', CHART);
      const de = await texts();
      assert.deepEqual({ ...de, chip: undefined }, { lang: 'de-DE', dir: 'ltr', title: 'KRE-Lizenznutzung', peakLabel: 'Spitze im Zeitraum', average: average('de-DE'), user: 'Benutzer', chip: undefined });
      assert.match(de.chip, /^Aktiv am /);

      await select.selectOption('ja');
      await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('locale') === 'ja-JP', CHART);
      const ja = await texts();
      assert.deepEqual({ ...ja, chip: undefined }, { lang: 'ja-JP', dir: 'ltr', title: 'KRE ライセンス使用状況', peakLabel: '期間中のピーク', average: average('ja-JP'), user: 'ユーザー', chip: undefined });
      assert.match(ja.chip, / に使用中$/);

      await page.reload();
      await page.waitForFunction((sel) => document.querySelector(sel)?.report, CHART);
      assert.equal((await texts()).title, 'KRE ライセンス使用状況', 'a reload keeps the language');
    });

    it('lays out right to left in Arabic: mirrored toolbars, summary and table, the tooltip inside, nothing overflowing', async () => {
      await page.locator('.portal-header select').selectOption('ar');
      await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('locale') === 'ar', CHART);
      await chartReport(page, CHART);
      await sessionRows(page, LOG);
      const layout = await page.evaluate(([chart, log]) => {
        const c = document.querySelector(chart).shadowRoot;
        const l = document.querySelector(log).shadowRoot;
        const box = (el) => el.getBoundingClientRect();
        const textBox = (el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return range.getBoundingClientRect();
        };
        const filters = c.querySelector('[part~="filters"]');
        const base = box(c.querySelector('[part~="base"]'));
        const plot = box(c.querySelector('line.grid-line'));
        const yLabels = [...c.querySelectorAll('text.y-label')].map(box);
        const scroller = box(l.querySelector('[part~="table-scroller"]'));
        const overflow = (root, sel) => [...root.querySelectorAll(sel)].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className);
        return {
          dir: [window.getComputedStyle(document.querySelector(chart)).direction, window.getComputedStyle(document.querySelector(log)).direction],
          titleAtRight: Math.abs(box(c.querySelector('[part~="title"]')).right - textBox(c.querySelector('[part~="title"]')).right) < 2 && textBox(c.querySelector('[part~="title"]')).right > base.right - 40,
          organizationBeforeInterval: box(filters.firstElementChild).left > box(filters.lastElementChild).right,
          peakStatRightmost: box(c.querySelector('[part~="stat-peak"]')).left > box(c.querySelector('[part~="stat-utilization"]')).right,
          yLabelsLeftOfPlot: yLabels.length > 0 && yLabels.every((b) => b.right <= plot.left + 1),
          userColumnRightmost: box(l.querySelector('th.c-user')).right > scroller.right - 2 && box(l.querySelector('th.c-user')).left > box(l.querySelector('th.c-email')).right - 1,
          cellTextAtRight: [...l.querySelectorAll('tbody tr:first-child > *')].slice(0, 2).every((cell) => box(cell).right - textBox(cell).right < 16),
          searchAtRight: box(l.querySelector('[part~="search"]')).right > box(l.querySelector('[part~="export-button"]')).right,
          pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          overflowing: [...overflow(c, '.report, .toolbar, .filters, .actions, .summary, .legend'), ...overflow(l, '.toolbar, .filters, .chips, .pager')],
        };
      }, [CHART, LOG]);
      assert.deepEqual(layout, {
        dir: ['rtl', 'rtl'],
        titleAtRight: true,
        organizationBeforeInterval: true,
        peakStatRightmost: true,
        yLabelsLeftOfPlot: true,
        userColumnRightmost: true,
        cellTextAtRight: true,
        searchAtRight: true,
        pageOverflow: 0,
        overflowing: [],
      });

      // The tooltip of the first and the last bucket stays inside the chart.
      const { report } = await chartReport(page, CHART);
      for (const index of [0, report.buckets.length - 1]) {
        const point = await barCentre(page, CHART, index);
        await page.mouse.move(point.x, point.y);
        await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector('[part~="tooltip"]')?.hidden, CHART);
        const inside = await page.evaluate((sel) => {
          const root = document.querySelector(sel).shadowRoot;
          const tip = root.querySelector('[part~="tooltip"]').getBoundingClientRect();
          const base = root.querySelector('[part~="base"]').getBoundingClientRect();
          return { inside: tip.left >= base.left - 1 && tip.right <= base.right + 1, title: root.querySelector('.tooltip-title').textContent };
        }, CHART);
        assert.ok(inside.inside, `tooltip of bucket ${index} (${inside.title}) inside the chart`);
      }
      // The organization picker opens under its button, aligned to its right edge, on screen.
      await page.mouse.move(0, 0);
      await page.locator(CHART).locator('[part~="filter-button"]').click();
      await page.locator(CHART).locator('[part~="filter-panel"]').waitFor(); // its code loads on demand
      const panel = await page.evaluate((sel) => {
        const root = document.querySelector(sel).shadowRoot;
        const button = root.querySelector('[part~="filter-button"]').getBoundingClientRect();
        const open = root.querySelector('[part~="filter-panel"]').getBoundingClientRect();
        return { alignedRight: Math.abs(open.right - button.right) < 2, onScreen: open.left >= 0 && open.right <= document.documentElement.clientWidth };
      }, CHART);
      assert.deepEqual(panel, { alignedRight: true, onScreen: true });
      await page.keyboard.press('Escape');

      if (rtlScreenshot && process.env.KRE_SCREENSHOTS) {
        await page.setViewportSize({ width: 1060, height: 1000 });
        await page.evaluate(() => window.scrollTo(0, 0));
        const middle = await barCentre(page, CHART, Math.floor(report.buckets.length / 3));
        await page.mouse.move(middle.x, middle.y);
        await saveScreenshot(page, 'rtl.png', '.portal', { maxHeight: 1040 });
      }
      assert.deepEqual(tab.problems, []);
    });
  });
}
