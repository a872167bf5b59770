/* global scrollX, scrollY -- inside page.evaluate: they run in the page */
// README pictures from the real example pages: `KRE_SCREENSHOTS=1 npm run test:e2e` writes them to
// docs/images/ (cropped to the page's content, at most 1200 px wide). Off by default.
import { mkdir } from 'node:fs/promises';

const DIR = new URL('../../docs/images/', import.meta.url);

export async function saveScreenshot(page, name, selector, { maxHeight = 1500 } = {}) {
  if (!process.env.KRE_SCREENSHOTS) return;
  await mkdir(DIR, { recursive: true });
  await page.evaluate(() => document.activeElement?.blur());
  const box = await page.locator(selector).boundingBox();
  const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
  await page.screenshot({
    path: new URL(name, DIR).pathname,
    clip: { x: box.x + scroll.x, y: box.y + scroll.y, width: Math.min(box.width, 1200), height: Math.min(box.height, maxHeight) },
    fullPage: true,
    animations: 'disabled',
  });
}
