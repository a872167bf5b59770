// Screenshots of <kre-user-sessions> in every state, 360 and 1400 px, light and dark:
// node bench/sessions-shots.mjs [outDir]   (default /tmp/kre-sessions-shots)
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH } from '../scripts/chromium.mjs';
import { startHarness } from './sessions-serve.mjs';

const out = process.argv[2] ?? '/tmp/kre-sessions-shots';
mkdirSync(out, { recursive: true });
const ARGS = CHROME_ARGS;
const STATES = {
  default: {},
  search: { attrs: { q: 'torv' } },
  drilldown: { attrs: { 'active-at': '2026-10-30T09:00:00Z' } },
  empty: { attrs: { q: 'zzzzzz' } },
  loading: { mode: 'pending' },
  forbidden: { mode: '403' },
  badrequest: { mode: '400' },
  network: { mode: 'network' },
  contract: { mode: 'contract' },
  hostile: { attrs: { q: 'acme.example', sort: 'user', order: 'asc' } },
};
const only = process.env.SHOTS?.split(',');
const harness = await startHarness();
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: ARGS });
try {
  for (const width of [360, 1400]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
    await page.goto(harness.url);
    await page.waitForFunction(() => globalThis.harness);
    for (const theme of ['light', 'dark']) {
      for (const [name, opts] of Object.entries(STATES)) {
        if (only && !only.includes(name)) continue;
        await page.evaluate(async ({ opts, theme, width }) => {
          document.body.removeAttribute('style');
          const el = await globalThis.harness.mount({ ...opts, theme, width: width - 24 });
          for (let i = 0; i < 20 && !(await el.updateComplete); i++);
          await new Promise((r) => setTimeout(r, 250));
        }, { opts, theme, width });
        const file = `${out}/${name}-${theme}-${width}.png`;
        await page.screenshot({ path: file, fullPage: width < 1000 ? false : true });
        console.log(file);
      }
    }
    await page.close();
  }
  // Forced colours (Windows high contrast), both widths.
  for (const width of [360, 1400]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(harness.url);
    await page.waitForFunction(() => globalThis.harness);
    await page.evaluate(async (width) => {
      const el = await globalThis.harness.mount({ attrs: { q: 'torv', 'active-at': '2026-10-30T09:00:00Z' }, width: width - 24 });
      for (let i = 0; i < 20 && !(await el.updateComplete); i++);
      await new Promise((r) => setTimeout(r, 250));
    }, width);
    const file = `${out}/forced-colors-${width}.png`;
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  await harness.close();
}
