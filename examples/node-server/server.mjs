// A report service in plain `node:http`, a starting point for a backend team: it answers the
// endpoint contract (CONTRACT 3) with `kre-license-reports/core`, the same reference computation the
// elements are tested against, and serves the example pages beside it.
//
//   npm run build && node examples/node-server/server.mjs            # http://localhost:8080/
//   PORT=9000 TOKEN=s3cret ALLOW_ORIGINS=http://localhost:5173 node examples/node-server/server.mjs
//
// What to replace when you make it yours: `dataset` (here a generated one; yours comes from your
// database, in the format of CONTRACT 5) and `authorize` (here one shared bearer token).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
// The package as a host installs it (this folder is inside the package, so Node resolves the
// name to ../../dist by the `exports` of package.json: `npm run build` first).
import { computeUsage, querySessions, PRODUCTS } from 'kre-license-reports/core';
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

// ---------------------------------------------------------------------------------------------
// Problems (RFC 9457) and query strings

function sendJson(response, status, body, type = 'application/json') {
  response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  // Indented for a person who opens the URL in a browser; compact for the elements.
  const readable = /text\/html/.test(response.req.headers.accept ?? '');
  response.end(JSON.stringify(body, null, readable ? 2 : undefined));
}

function sendProblem(response, status, title, detail, extra = {}) {
  sendJson(response, status, { type: 'about:blank', title, status, detail, ...extra }, 'application/problem+json');
}

class BadQuery extends Error {
  constructor(field, message) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** A parameter that may appear once. */
function one(params, name) {
  const values = params.getAll(name);
  if (values.length > 1) throw new BadQuery(name, `expected one value, got ${values.length}`);
  return values[0];
}

/** A repeatable parameter (`organizationId=a&organizationId=b`). */
function many(params, name) {
  const values = params.getAll(name);
  return values.length > 0 ? values : undefined;
}

function wholeNumber(params, name) {
  const text = one(params, name);
  if (text === undefined) return undefined;
  if (!/^\d{1,15}$/.test(text)) throw new BadQuery(name, `expected a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

// Only the shape is checked here; core judges the values (dates, zones, ranges, limits) and
// throws a ContractError naming the field, which becomes a 400.
const QUERIES = {
  usage: (product, p) => ({
    product,
    from: one(p, 'from'),
    to: one(p, 'to'),
    interval: one(p, 'interval'),
    timeZone: one(p, 'timeZone'),
    organizationIds: many(p, 'organizationId'),
  }),
  sessions: (product, p) => ({
    product,
    from: one(p, 'from'),
    to: one(p, 'to'),
    timeZone: one(p, 'timeZone'),
    q: one(p, 'q'),
    licenseSources: many(p, 'licenseSource'),
    organizationIds: many(p, 'organizationId'),
    activeAt: one(p, 'activeAt'),
    sort: one(p, 'sort'),
    order: one(p, 'order'),
    offset: wholeNumber(p, 'offset'),
    limit: wholeNumber(p, 'limit'),
  }),
};

// ---------------------------------------------------------------------------------------------
// The server

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
  const apiBase = (options.apiBase ?? '/api').replace(/\/+$/, '');
  const allowOrigins = new Set(options.allowOrigins ?? []);
  const csp = options.connectOrigins?.length ? `${CSP}; connect-src 'self' ${options.connectOrigins.join(' ')}` : CSP;
  const dist = join(ROOT, 'dist');
  const mounts = Object.entries(options.mounts ?? { '/assets/': dist, '/second-copy/': dist, '/': join(ROOT, 'examples') })
    // Longest prefix first.
    .sort(([a], [b]) => b.length - a.length);

  /** Cross-origin callers: allowed ones get the CORS headers; returns false for a refused one. */
  function cors(request, response) {
    const origin = request.headers.origin;
    if (!origin || origin === `http://${request.headers.host}`) return true; // same origin
    if (!allowOrigins.has(origin)) return false;
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    response.setHeader('Vary', 'Origin');
    return true;
  }

  /** Replace with your own check (session, JWT, API gateway...). */
  function authorize(request) {
    if (!options.token) return true;
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = /(?:^|;\s*)kre_session=([^;]*)/.exec(request.headers.cookie ?? '')?.[1];
    return bearer === options.token || cookie === options.token;
  }

  function api(request, response, url) {
    if (!cors(request, response)) {
      sendProblem(response, 403, 'Forbidden', `Origin ${request.headers.origin} may not call this service.`);
      return;
    }
    if (request.method === 'OPTIONS') {
      // Preflight (an Authorization header makes one).
      response.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET',
        'Access-Control-Allow-Headers': 'Authorization, Accept',
        'Access-Control-Max-Age': '600',
      });
      response.end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET');
      sendProblem(response, 405, 'Method Not Allowed', `${request.method} is not supported: the report endpoints are GET only.`);
      return;
    }
    const match = /^\/([^/]+)\/(usage|sessions)$/.exec(url.pathname.slice(apiBase.length));
    if (!match) {
      sendProblem(response, 404, 'Not Found', `No report at ${url.pathname}: expected ${apiBase}/{product}/usage or ${apiBase}/{product}/sessions.`);
      return;
    }
    if (!authorize(request)) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      sendProblem(response, 401, 'Unauthorized', 'Sign in to see this report.');
      return;
    }
    const [, product, resource] = match;
    if (!PRODUCTS.includes(product)) {
      sendProblem(response, 404, 'Not Found', `Unknown product ${JSON.stringify(product)}: expected ${PRODUCTS.join(' or ')}.`);
      return;
    }
    try {
      const query = QUERIES[resource](product, url.searchParams);
      const body = resource === 'usage' ? computeUsage(dataset, query, asOf) : querySessions(dataset, query, asOf);
      sendJson(response, 200, body);
    } catch (error) {
      // core throws a ContractError (with `field`) for a malformed query.
      if (typeof error?.field === 'string') sendProblem(response, 400, 'Bad Request', error.message, { field: error.field });
      else {
        console.error(error);
        sendProblem(response, 500, 'Internal Server Error', 'The report could not be computed.');
      }
    }
  }

  async function files(request, response, url) {
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

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === apiBase || url.pathname.startsWith(`${apiBase}/`)) api(request, response, url);
    else void files(request, response, url);
  });
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
  console.log(`kre-license-reports example service: ${base}/`);
  console.log(`  API: ${base}/api/kre/usage?from=…&to=…&interval=day&timeZone=Europe/Berlin`);
  console.log(`  pages: ${base}/plain-html/  ${base}/auth/  ${base}/cross-origin/  ${base}/double-import/`);
  if (process.env.TOKEN) console.log('  the API needs `Authorization: Bearer $TOKEN`');
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
}
