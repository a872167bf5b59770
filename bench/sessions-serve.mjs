// Serves bench/sessions-harness.ts through Vite at /sessions-harness.html (for the screenshot
// script and the browser bench). `startHarness()` → { url, close }.
import { createServer } from 'vite';

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>body{margin:0;font-family:system-ui}</style></head><body>
<script type="module" src="/bench/sessions-harness.ts"></script></body></html>`;

export async function startHarness(port = 5178) {
  const server = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'error',
    server: { port, strictPort: false, hmr: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    // Lit's production build, as a host page would load it (not the dev build's checks).
    resolve: { conditions: ['browser', 'module', 'import', 'production', 'default'] },
    plugins: [
      {
        name: 'sessions-harness-html',
        configureServer(s) {
          s.middlewares.use('/sessions-harness.html', (_req, res) => {
            res.setHeader('Content-Type', 'text/html');
            res.end(HTML);
          });
        },
      },
    ],
  });
  await server.listen();
  const address = server.httpServer.address();
  return { url: `http://localhost:${address.port}/sessions-harness.html`, close: () => server.close() };
}
