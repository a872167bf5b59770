// A report service in plain `node:http`, a few lines over `kre-license-reports/server`: the
// endpoint contract (CONTRACT 3) answered by the package's handler over a dataset in memory (core,
// the same reference computation the elements are tested against), and the example pages beside it.
//
//   npm run build && node examples/node-server/server.mjs            # http://localhost:8080/
//   PORT=9000 TOKEN=s3cret ALLOW_ORIGINS=http://localhost:5173 node examples/node-server/server.mjs
//
// For your own data, `npx kre-license-reports serve` runs the whole service (an embedded or a real
// PostgreSQL, tokens, events): see the README, "Serve your own data". Here, `dataset` is a generated
// one and `authenticate` checks one shared token (a bearer token or a portal's session cookie).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
// The package as a host installs it (this folder is inside the package, so Node resolves the
// name to ../../dist by the `exports` of package.json: `npm run build` first).
import { createReportHandler, MemoryStore } from 'kre-license-reports/server';
import { generateDataset } from 'kre-license-reports/mock';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The strict policy the example pages are served with: no inline script or style, no eval. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * @param {object} [options]
 * @param {object} [options.dataset] the data (CONTRACT 5); default a generated one ending at `asOf`
 * @param {string|Date} [options.asOf] the server's "now"; default the time the server was created
 * @param {string} [options.apiBase] where the endpoint lives; default `/api`
 * @param {string} [options.token] when set, every API request needs `Authorization: Bearer <token>`
 *   (or the cookie `kre_session=<token>`, as a portal's session cookie would be)
 * @param {string[]} [options.allowOrigins] origins that may call the API cross-origin, with
 *   credentials (CORS); others get 403
 * @param {string[]} [options.connectOrigins] other origins the pages may fetch from (added to the
 *   CSP's `connect-src`): a report service on another origin
 * @param {Record<string,string>} [options.mounts] URL prefix → folder of static files; default the
 *   example pages at `/`, `dist/` at `/assets/` and again at `/second-copy/` (the double-import
 *   example loads it from both)
 */
export function createReportServer(options = {}) {
  const asOf = new Date(options.asOf ?? Date.now());
  const dataset = options.dataset ?? generateDataset({ seed: 7, sessions: 20_000, days: 90, end: asOf });

  // The report service: one account, read by whoever holds the token (everyone when there is none).
  const api = createReportHandler({
    store: new MemoryStore({ portal: dataset }),
    base: options.apiBase ?? '/api',
    cors: options.allowOrigins,
    asOf,
    authenticate(request) {
      const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const cookie = /(?:^|;\s*)kre_session=([^;]*)/.exec(request.headers.cookie ?? '')?.[1];
      const signedIn = !options.token || bearer === options.token || cookie === options.token;
      return signedIn ? { account: 'portal', role: 'account-admin' } : null;
    },
  });

  // The example pages, under a strict Content-Security-Policy.
  const csp = options.connectOrigins?.length ? `${CSP}; connect-src 'self' ${options.connectOrigins.join(' ')}` : CSP;
  const dist = join(ROOT, 'dist');
  const mounts = Object.entries(options.mounts ?? { '/assets/': dist, '/second-copy/': dist, '/': join(ROOT, 'examples') })
    .sort(([a], [b]) => b.length - a.length); // longest prefix first

  async function files(request, response) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix));
    let path = mount ? normalize(decodeURIComponent(url.pathname.slice(mount[0].length))) : '';
    if (!mount || path.split(/[\\/]/).includes('..')) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    if (path === '.' || path.endsWith('/') || path === '') path = join(path, 'index.html');
    const file = join(mount[1], path);
    if (!file.startsWith(resolve(mount[1]) + sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (error.code === 'EISDIR') {
        response.writeHead(301, { Location: `${url.pathname}/` }).end();
        return;
      }
      response.writeHead(error.code === 'ENOENT' ? 404 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(error.code === 'ENOENT' ? 'Not found\n' : 'Server error\n');
    }
  }

  // The handler answers under apiBase and hands every other request to `next`: the pages.
  const server = createServer((request, response) => api(request, response, () => void files(request, response)));
  return Object.assign(server, { dataset, asOf });
}

/** Starts listening; resolves with the port (pass 0 for a free one). */
export function listen(server, port = 0, host) {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePort(server.address().port);
    });
  });
}

// `node examples/node-server/server.mjs`
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = createReportServer({
    token: process.env.TOKEN || undefined,
    allowOrigins: (process.env.ALLOW_ORIGINS ?? '').split(',').filter(Boolean),
    connectOrigins: (process.env.CONNECT_ORIGINS ?? '').split(',').filter(Boolean),
  });
  const port = await listen(server, Number(process.env.PORT ?? 8080));
  const base = `http://localhost:${port}`;
  // Every URL printed answers: the index of the pages, each page, and a report of the data's last 30 days.
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  const to = day(server.asOf ?? Date.now());
  const from = day(Date.parse(to) - 29 * 86_400_000);
  console.log(`kre-license-reports example service: ${base}/ (the example pages)`);
  for (const page of ['plain-html', 'auth', 'cross-origin', 'double-import']) console.log(`  ${base}/${page}/`);
  console.log(`  ${base}/api/kre/usage?from=${from}&to=${to}&interval=day&timeZone=UTC`);
  if (process.env.TOKEN) console.log('  the API needs `Authorization: Bearer $TOKEN`');
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
}
