// The React and Vue example hosts, end to end: each app is built with Vite's JS API (as its own
// vite.config.mjs says) into a temporary folder and served by a small static server on a free
// port; the app runs the report service in the page (MSW, examples/shared/mock-api.ts) over the
// dataset of examples/shared/demo.json, which these helpers generate again in Node for core.
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { barBoxes } from './helpers.mjs';
import { generateDataset } from 'kre-license-reports/mock';

export const DEMO = JSON.parse(await readFile(new URL('../../examples/shared/demo.json', import.meta.url), 'utf8'));

let dataset;
/** The dataset the app's in-page service holds, generated from the same seed. */
export function demoDataset() {
  dataset ??= generateDataset({ seed: DEMO.seed, sessions: DEMO.sessions, days: DEMO.days, end: DEMO.asOf });
  return dataset;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** Builds `examples/<name>` and serves it; `close()` stops the server and removes the build. */
export async function serveExample(name) {
  const outDir = await mkdtemp(join(tmpdir(), `kre-${name}-`));
  await build({
    configFile: fileURLToPath(new URL(`../../examples/${name}/vite.config.mjs`, import.meta.url)),
    build: { outDir, emptyOutDir: true },
    logLevel: 'error',
  });
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = normalize(join(outDir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(outDir + sep)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8`, 'Cache-Control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://localhost:${server.address().port}`,
    close: async () => {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** Records the report requests the page makes (through msw's Service Worker). */
export function recordRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith(DEMO.endpoint)) seen.push({ url, headers: request.headers() });
  });
  return {
    /** The last request for `resource` (`usage` or `sessions`), waiting for one that matches. */
    async last(resource, match = () => true, timeout = 10_000) {
      const start = Date.now();
      for (;;) {
        const hit = seen.findLast((r) => r.url.pathname.endsWith(`/${resource}`) && match(r.url.searchParams));
        if (hit) return hit;
        if (Date.now() - start > timeout) throw new Error(`no ${resource} request matched; saw ${seen.map((r) => r.url.search).join('\n')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    clear: () => void seen.splice(0),
  };
}

/** The page's URL parameters, as an object of lists. */
export async function urlParams(page) {
  const search = new URL(page.url()).searchParams;
  const out = {};
  for (const [k, v] of search) (out[k] ??= []).push(v);
  return out;
}

/** The centre of bar `index` of a chart, in page coordinates. */
export async function barCentre(page, selector, index) {
  const box = (await barBoxes(page, selector))[index];
  const plot = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.plot').getBoundingClientRect().toJSON(), selector);
  return { x: box.x + box.width / 2, y: Math.max(box.y + box.height / 2, plot.y + plot.height / 2) };
}
