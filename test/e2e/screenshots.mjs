// README pictures from the real example pages: `KRE_SCREENSHOTS=1 npm run test:e2e` writes them to
// docs/images/ (cropped to one element, at most 1200 px wide and `maxHeight` tall). Off by default.
import { mkdir } from 'node:fs/promises';

const DIR = new URL('../../docs/images/', import.meta.url);

export async function saveScreenshot(page, name, selector, { maxHeight = 1500, maxWidth = 1200, blur = true } = {}) {
  if (!process.env.KRE_SCREENSHOTS) return;
  await mkdir(DIR, { recursive: true });
  if (blur) await page.evaluate(() => document.activeElement?.blur());
  // Let a smooth scroll settle, then read the element's page box in one go.
  const box = await page.evaluate(async (sel) => {
    let last = -1;
    while (last !== window.scrollY) {
      last = window.scrollY;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const r = document.querySelector(sel).getBoundingClientRect();
    return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
  }, selector);
  await page.screenshot({
    path: new URL(name, DIR).pathname,
    clip: { x: box.x, y: box.y, width: Math.min(box.width, maxWidth), height: Math.min(box.height, maxHeight) },
    fullPage: true,
    animations: 'disabled',
  });
}
