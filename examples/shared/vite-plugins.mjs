// Vite plugins the React and Vue example hosts share.
//
// - `kreLicenseReports()`: resolves `kre-license-reports` and its subpaths the way an installed
//   package does, through this repository's package.json "exports", to the built dist/ (run
//   `npm run build` first). In your own app you install the package and need none of this.
// - `mswWorker()`: the example apps run the report service in the page (MSW, from
//   `kre-license-reports/mock`); this serves msw's mockServiceWorker.js at the root in dev and
//   writes it next to index.html in a build. A real host points `endpoint` at its service instead.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(resolve(REPO, 'package.json'), 'utf8'));
const require = createRequire(resolve(REPO, 'package.json'));

/** @returns {import('vite').Plugin} */
export function kreLicenseReports() {
  return {
    name: 'kre-license-reports-from-this-checkout',
    enforce: 'pre',
    resolveId(id) {
      if (id !== pkg.name && !id.startsWith(`${pkg.name}/`)) return null;
      const entry = pkg.exports[`.${id.slice(pkg.name.length)}`];
      const target = typeof entry === 'string' ? entry : entry?.default;
      if (!target) throw new Error(`${id} is not exported by ${pkg.name} (package.json "exports")`);
      const file = resolve(REPO, target);
      if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm run build\` first`);
      return file;
    },
  };
}

/** @returns {import('vite').Plugin} */
export function mswWorker() {
  const file = require.resolve('msw/mockServiceWorker.js');
  return {
    name: 'msw-worker-script',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_request, response) => {
        response.setHeader('Content-Type', 'application/javascript; charset=utf-8');
        response.end(readFileSync(file));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: readFileSync(file, 'utf8') });
    },
  };
}
