// Builds the demo with esbuild into one folder: demo.js (the page, the mock and core) and
// elements.js (whatever element modules exist in src/ at build time). The two are separate so that
// a missing or half-written element never breaks the page: elements.js then only reports why.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const SRC = join(ROOT, 'src') + sep;

/** The modules that define the elements, in the order the demo shows them. */
export const ELEMENT_MODULES = ['kre-license-usage', 'testcloud-license-usage', 'kre-license-planner', 'kre-user-sessions'];

/**
 * package.json's `sideEffects` names dist/ files only, so esbuild would drop a bare
 * `import './kre-license-usage.js'` inside src/ (see scripts/sources-keep-side-effects.mjs, the
 * same fix for rollup and Vite).
 */
const sourcesKeepSideEffects = {
  name: 'sources-keep-side-effects',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData?.inner || !args.importer.startsWith(SRC)) return undefined;
      const result = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { inner: true },
      });
      if (result.errors.length > 0 || !result.path.startsWith(SRC)) return undefined;
      return { path: result.path, sideEffects: true };
    });
  },
};

/** `elements-entry`: re-exports each element module that exists (checked at every build). */
const elementsEntry = {
  name: 'elements-entry',
  setup(build) {
    build.onResolve({ filter: /^elements-entry$/ }, () => ({ path: 'elements-entry', namespace: 'demo' }));
    build.onLoad({ filter: /.*/, namespace: 'demo' }, () => {
      const found = ELEMENT_MODULES.filter((name) => existsSync(join(SRC, `${name}.ts`)));
      const lines = found.map((name, i) => `export * as m${i} from ${JSON.stringify(join(SRC, `${name}.ts`))};`);
      lines.push(`export const modules = ${JSON.stringify(found)};`, 'export const buildError = null;');
      return { contents: lines.join('\n'), resolveDir: ROOT, loader: 'ts' };
    });
  },
};

const shared = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'silent',
  tsconfig: join(ROOT, 'tsconfig.json'),
  // Lit's production build: the demo is a showcase (tests use the development build).
  conditions: ['browser'],
  plugins: [sourcesKeepSideEffects],
};

/**
 * Creates incremental builds into `outdir`; `rebuild()` refreshes both and never throws: a failed
 * page build is returned as text, a failed elements build becomes an elements.js that says why.
 */
export async function createDemoBuild(outdir) {
  mkdirSync(outdir, { recursive: true });
  const page = await esbuild.context({
    ...shared,
    entryPoints: { demo: join(ROOT, 'demo/demo.ts') },
    outdir,
  });
  const elements = await esbuild.context({
    ...shared,
    entryPoints: { elements: 'elements-entry' },
    outdir,
    plugins: [elementsEntry, sourcesKeepSideEffects],
  });
  const message = (error) =>
    error.errors?.length
      ? esbuild.formatMessagesSync(error.errors, { kind: 'error', color: false }).join('\n')
      : String(error?.stack ?? error);

  return {
    async rebuild() {
      let pageError = null;
      try {
        await page.rebuild();
      } catch (error) {
        pageError = message(error);
      }
      try {
        await elements.rebuild();
      } catch (error) {
        const text = `export const modules = []; export const buildError = ${JSON.stringify(message(error))};`;
        writeFileSync(join(outdir, 'elements.js'), text);
      }
      return { pageError };
    },
    async dispose() {
      await Promise.all([page.dispose(), elements.dispose()]);
    },
  };
}
