// Shared by the end-to-end tests of the example hosts: Debian's Chromium through playwright-core
// (no browser download), the example report service on a free port, and a few page helpers.
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH } from '../../scripts/chromium.mjs';
import { createReportServer, listen } from '../../examples/node-server/server.mjs';

export { CSP } from '../../examples/node-server/server.mjs';

export const TIME_ZONE = 'Europe/Berlin';
export const LOCALE = 'en-US';

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: CHROME_ARGS,
  });
}

/**
 * The example service on a free port, over a small generated dataset whose "now" is the current
 * second (the pages show the elements' default range: the 30 days ending today).
 */
export async function startServer(options = {}) {
  const asOf = new Date(Math.floor(Date.now() / 1000) * 1000);
  const { generateDataset } = await import('kre-license-reports/mock');
  const dataset = options.dataset ?? generateDataset({ seed: 11, sessions: 4000, days: 45, end: asOf });
  const server = createReportServer({ asOf, dataset, ...options });
  const port = await listen(server, 0);
  return {
    server,
    port,
    dataset,
    asOf,
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** A context pinned to one zone and locale, recording CSP violations, errors and console errors. */
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext({
    timezoneId: TIME_ZONE,
    locale: LOCALE,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...contextOptions,
  });
  // Runs before any page script and is not subject to the page's CSP.
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  return { context, page, problems, violations: () => page.evaluate(() => window.__violations) };
}

/** Waits until a chart shows a report (not loading, not busy) and returns it. */
export async function chartReport(page, selector) {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      return el?.report && el.shadowRoot.querySelector('[part~="figure"]')?.getAttribute('aria-busy') !== 'true';
    },
    selector,
    { timeout: 15_000 },
  );
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const stat = (name) => el.shadowRoot.querySelector(`[part~="stat-${name}"] dd`).textContent.trim();
    return {
      report: el.report,
      filters: el.filterState(),
      interval: el.resolvedInterval,
      stats: { peak: stat('peak'), average: stat('average'), available: stat('available'), utilization: stat('utilization') },
      // Bars drawn: the rectangles (`M x,y h w v h h -w z`) of the chart's bar strips.
      bars: [...el.shadowRoot.querySelectorAll('path.bar')].reduce((n, p) => n + p.getAttribute('d').split('z').length - 1, 0),
    };
  }, selector);
}

/** Waits until the sessions table shows rows for `activeAt` (or any rows) and returns them. */
export async function sessionRows(page, selector = 'kre-user-sessions', activeAt) {
  await page.waitForFunction(
    ([sel, at]) => {
      const el = document.querySelector(sel);
      if (!el || (at !== undefined && el.getAttribute('active-at') !== at)) return false;
      const scroller = el.shadowRoot.querySelector('[part~="table-scroller"]');
      return scroller?.getAttribute('aria-busy') === 'false' && el.shadowRoot.querySelector('tbody tr:not(.skeleton)');
    },
    [selector, activeAt],
    { timeout: 15_000 },
  );
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return {
      // The Session ID column's copy buttons: each copies its text, the id.
      ids: [...root.querySelectorAll('tbody tr > :nth-child(3) button.copy')].map((b) => b.textContent),
      range: root.querySelector('[part~="pager"] .range')?.textContent.trim(),
    };
  }, selector);
}

/** The text of an element's state panel (error, empty, no endpoint), once it shows. */
export async function statusText(page, selector) {
  const handle = await page.waitForFunction(
    (sel) => document.querySelector(sel)?.shadowRoot?.querySelector('[part~="status"]')?.textContent.trim().replace(/\s+/g, ' '),
    selector,
    { timeout: 15_000 },
  );
  return handle.jsonValue();
}

export const formatInteger = (n) => new Intl.NumberFormat(LOCALE).format(n);
export const formatDecimal = (n) => new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
export const formatPercent = (r) => (r === null ? '—' : new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 }).format(r));

/** The summary strip a chart must show for a usage response's `summary`. */
export const summaryStats = (summary) => ({
  peak: formatInteger(summary.peak),
  average: formatDecimal(summary.averageDailyPeak),
  available: formatInteger(summary.available),
  utilization: formatPercent(summary.utilization),
});

/**
 * The bars of the chart `selector` as drawn, in page coordinates: the rectangles of its `path.bar`
 * strips (`M x,y h w v h h -w z` each), one per bucket when bars are a pixel or wider. Evaluated as
 * a string, so that a page's strict CSP (no eval in the page) does not apply.
 */
export function barBoxes(page, selector) {
  return page.evaluate(`(() => {
    const boxes = [];
    for (const path of document.querySelector(${JSON.stringify(selector)}).shadowRoot.querySelectorAll('path.bar')) {
      const m = path.getScreenCTM();
      for (const [, x, y, w, h] of path.getAttribute('d').matchAll(/M([-\\d.e]+),([-\\d.e]+)h([-\\d.e]+)v([-\\d.e]+)h[-\\d.e]+z/g)) {
        const a = new DOMPoint(+x, +y).matrixTransform(m);
        const b = new DOMPoint(+x + +w, +y + +h).matrixTransform(m);
        boxes.push({ x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y });
      }
    }
    return boxes;
  })()`);
}
