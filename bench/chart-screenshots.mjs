// Screenshots of the usage chart stories, for looking at them: a running Storybook
// (`node_modules/.bin/storybook dev -p 6006 --ci --no-open`) in the system's Chromium.
// Usage: node bench/chart-screenshots.mjs [outDir] [story-id-suffix ...]
//   e.g. node bench/chart-screenshots.mjs /tmp/shots default@1400 hourly@360 dark@1400
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH } from '../scripts/chromium.mjs';

const BASE = process.env.STORYBOOK_URL ?? 'http://localhost:6006';
const out = process.argv[2] ?? '/tmp/usage-shots';
const wanted = process.argv.slice(3);
const TAG = process.env.TAG ?? 'kre-license-usage';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: CHROME_PATH,
  args: CHROME_ARGS,
});
try {
  for (const spec of wanted) {
    const [name, widthText = '1400', action] = spec.split('@');
    const width = Number(widthText);
    const page = await browser.newPage({ viewport: { width: width + 32, height: 900 }, colorScheme: name.startsWith('dark') ? 'dark' : 'light' });
    page.on('pageerror', (e) => console.error(`[${spec}] page error:`, e.message));
    page.on('console', (m) => m.type() === 'error' && console.error(`[${spec}] console:`, m.text()));
    const id = `elements-${TAG}--${name}`;
    await page.goto(`${BASE}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'load' });
    const el = page.locator(TAG);
    await el.waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      (tag) => {
        const e = document.querySelector(tag);
        const root = e?.shadowRoot;
        return Boolean(root && (root.querySelector('.chart-svg .bar, .status, .skeleton, .busy-bar, table')));
      },
      TAG,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(700);
    if (action === 'hover' || action === 'focus') {
      const plot = el.locator('.plot');
      if (action === 'hover') {
        const box = await plot.boundingBox();
        await page.mouse.move(box.x + box.width * 0.62, box.y + box.height * 0.5);
      } else {
        await plot.focus();
        await page.keyboard.press('End');
        await page.keyboard.press('ArrowLeft');
      }
      await page.waitForTimeout(200);
    }
    if (action === 'table') {
      await el.locator('[part~="table-button"]').click();
      await page.waitForTimeout(200);
    }
    const file = `${out}/${TAG}-${name}-${width}${action ? `-${action}` : ''}.png`;
    await page.locator('[data-story-box]').screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
}
