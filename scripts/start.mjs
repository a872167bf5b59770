// `npm start`: builds the demo (demo/demo.ts with esbuild) and serves it on localhost, default
// port 8000 (PORT overrides; a busy port moves to the next). The page runs the mock service in a
// Service Worker; elements that are not built yet show a note instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createDemoBuild } from './demo/build.mjs';
import { createDemoServer, listen } from './demo/serve.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
// A fresh folder per run: two demos (two checkouts, two ports) never share bundles.
const outdir = mkdtempSync(join(tmpdir(), 'kre-demo-'));
const port = Number(process.env.PORT ?? 8000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(1);
}

process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));
const build = await createDemoBuild(outdir);
const first = await build.rebuild();
if (first.pageError) console.error(`The demo page does not build yet:\n${first.pageError}`);

const server = createDemoServer({ root, outdir, build });
const used = await listen(server, port);
console.log(`kre-license-reports demo: http://localhost:${used}/`);
console.log('  ?seed=7&sessions=50000&days=90 vary the data; ?theme=dark, ?failure=status-500&delay=1500 the state.');
console.log('  Reload the page to rebuild. Ctrl+C stops.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections?.();
    await build.dispose();
    process.exit(0);
  });
}
