// A small static server for the demo: the page, its two bundles and msw's worker script at the
// root (its scope must cover the page). Every load of the page rebuilds first, so a reload shows
// the current sources.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export function createDemoServer({ root, outdir, build }) {
  const worker = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
  const demoDir = join(root, 'demo');

  /** Maps a URL path to a file, or null. Only the demo folder, the build folder and the worker. */
  function fileFor(path) {
    if (path === '/' || path === '/index.html') return join(demoDir, 'index.html');
    if (path === '/mockServiceWorker.js') return worker;
    const name = normalize(path).replace(/^[/\\]+/, '');
    if (name.includes('..')) return null;
    if (/^(demo|elements)\.js(\.map)?$/.test(name)) return join(outdir, name);
    const file = resolve(demoDir, name);
    return file.startsWith(demoDir + sep) && /\.(css|svg)$/.test(name) ? file : null;
  }

  return createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = fileFor(path);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`Not found: ${path}\n(API requests are answered by the mock in the page's Service Worker.)\n`);
      return;
    }
    try {
      if (file.endsWith('index.html')) {
        const { pageError } = await build.rebuild();
        if (pageError) {
          response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end(`The demo page does not build:\n\n${pageError}\n`);
          return;
        }
      }
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      response.end(body);
    } catch (error) {
      response.writeHead(error?.code === 'ENOENT' ? 404 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(String(error?.message ?? error));
    }
  });
}

/** Listens on `port`, or the next free one (up to 20 tries); resolves with the port used. */
export function listen(server, port, tries = 20) {
  return new Promise((resolvePort, reject) => {
    const attempt = (p, left) => {
      const onError = (error) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE' && left > 0) attempt(p + 1, left - 1);
        else reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolvePort(p);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p);
    };
    attempt(port, tries);
  });
}
