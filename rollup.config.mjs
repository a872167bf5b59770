// Two builds of the package:
//
// 1. The library: one ES module per source module under dist/ (preserveModules), with .d.ts
//    beside each, for hosts that bundle. Runtime dependencies stay external (imports of lit,
//    @lit/task, d3-*, msw), so a host's bundler dedupes them. Not minified: the host's bundler
//    minifies, and readable modules give readable stack traces.
// 2. dist/kre-license-reports.bundle.js: everything from src/index.ts inlined and minified, for a
//    host page without a bundler (one <script type="module">). Its size budget is `npm run size`.
//    What only a user's action needs (src/shared/on-demand.ts: the table views, a filter's open
//    list, the CSV and PNG writers, which the elements import() on first use) goes to one file beside
//    it, dist/kre-license-reports.on-demand.js, that the bundle loads itself from its own folder.
import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve as resolvePath, sep } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { sourcesKeepSideEffects } from './scripts/sources-keep-side-effects.mjs';
import { collapseTemplateWhitespace, minifyCssLiterals } from './scripts/minify-css-literals.mjs';

/** Entry points, one per `exports` entry of package.json (dist/<name>.js). */
const ENTRIES = {
  index: 'src/index.ts',
  'kre-license-usage': 'src/kre-license-usage.ts',
  'testcloud-license-usage': 'src/testcloud-license-usage.ts',
  'kre-user-sessions': 'src/kre-user-sessions.ts',
  'kre-license-planner': 'src/kre-license-planner.ts',
  'core/index': 'src/core/index.ts',
  'mock/index': 'src/mock/index.ts',
};

// The package is built up piece by piece: an entry whose file does not exist yet is skipped
// (with a note), so the build works now and picks each entry up as soon as its file lands.
const input = Object.fromEntries(Object.entries(ENTRIES).filter(([, file]) => existsSync(file)));
const missing = Object.values(ENTRIES).filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.warn(`rollup.config.mjs: skipping entries not written yet: ${missing.join(', ')}`);
}
if (Object.keys(input).length === 0) {
  throw new Error('rollup.config.mjs: none of the entry points exist yet; nothing to build.');
}

/** lit, lit/decorators.js, lit-html/..., @lit/task, d3-scale, msw, msw/browser, ... */
const EXTERNAL = /^(lit|lit-html|lit-element|@lit\/[^/]+|d3-[^/]+|msw)(\/.*)?$/;

/**
 * Start from an empty dist/, so that a module removed from src/ leaves no stale file behind.
 * @returns {import('rollup').Plugin}
 */
function cleanDist() {
  return {
    name: 'clean-dist',
    buildStart() {
      if (!this.meta.watchMode) rmSync('dist', { recursive: true, force: true });
    },
  };
}

/**
 * For the bundle only: src/index.ts first imports every stylesheet module, so that all the CSS sits
 * together in the bundle. gzip finds repeats only within 32 KB of each other, and the sheets repeat
 * one another's custom properties and rules: together they compress by about 0.8 KB better than
 * spread among the elements' code. The modules only create Lit CSSResults: importing them first
 * runs nothing earlier that matters.
 * @returns {import('rollup').Plugin}
 */
function stylesTogether() {
  const entry = resolvePath('src/index.ts');
  const sheets = ['src/shared/styles.ts', 'src/shared/chrome.styles.ts', 'src/shared/filters/filters.styles.ts', 'src/usage-chart/usage-chart.styles.ts', 'src/planner/planner.styles.ts', 'src/sessions-table/sessions.styles.ts', 'src/sessions-table/table.styles.ts'];
  return {
    name: 'styles-together',
    transform(code, id) {
      if (id !== entry) return null;
      const missing = sheets.filter((file) => !existsSync(file));
      if (missing.length) this.error(`styles-together: ${missing.join(', ')} not found (update the list in rollup.config.mjs)`);
      return { code: sheets.map((file) => `import './${file.slice('src/'.length).replace(/\.ts$/, '.js')}';\n`).join('') + code, map: null };
    },
  };
}

/** @type {import('rollup').RollupOptions[]} */
const configs = [
  {
    input,
    external: (id) => EXTERNAL.test(id),
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      // Helpers from node_modules (tslib's __decorate, which @rollup/plugin-typescript always
      // imports) go to dist/vendor/: npm never publishes a folder named node_modules.
      entryFileNames: ({ name }) => `${name.replace(/^(.*\/)?node_modules\//, 'vendor/')}.js`,
      sourcemap: true,
    },
    plugins: [
      cleanDist(),
      sourcesKeepSideEffects(),
      nodeResolve(),
      typescript({
        tsconfig: './tsconfig.json',
        outDir: 'dist',
        declaration: true,
        // Type errors fail the build, not only `npm run typecheck`.
        noEmitOnError: true,
      }),
    ],
  },
];

if (input.index) {
  configs.push({
    input: 'src/index.ts',
    // The on-demand chunk imports what it shares with the bundle from the bundle itself.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      entryFileNames: 'kre-license-reports.bundle.js',
      chunkFileNames: 'kre-license-reports.[name].js',
      format: 'es',
      sourcemap: true,
    },
    plugins: [
      sourcesKeepSideEffects(),
      stylesTogether(),
      // The `browser` condition, never `development`: the bundle carries Lit's production build.
      nodeResolve({ browser: true }),
      typescript({
        tsconfig: './tsconfig.json',
        outDir: 'dist',
        declaration: false,
        noEmitOnError: true,
      }),
      // Lit's css`` literals: terser keeps template text as written.
      minifyCssLiterals(),
      collapseTemplateWhitespace(),
      terser({ module: true, ecma: 2020, compress: { passes: 3 }, format: { comments: false } }),
    ],
  });
}

// 3. dist/server/: the report service (kre-license-reports/server, and the package's bin
//    `kre-license-reports` in dist/server/cli.js), Node only, never in the bundle. pg and PGlite stay
//    imports; core and mock stay imports of the modules config 1 writes (dist/core/, dist/mock/):
//    dist/ mirrors src/, so the relative paths in src/server are already right in dist/server.
if (existsSync('src/server/index.ts')) {
  const serverDir = resolvePath('src/server');
  configs.push({
    input: { 'server/index': 'src/server/index.ts', 'server/cli': 'src/server/cli.ts' },
    external: (id) => /^(node:|pg$|pg\/|@electric-sql\/pglite)/.test(id),
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
      banner: (chunk) => (chunk.fileName === 'server/cli.js' ? '#!/usr/bin/env node' : ''),
    },
    plugins: [
      {
        name: 'server-keeps-core-imports',
        resolveId(source, importer) {
          if (!importer || !source.startsWith('.')) return null;
          const target = resolvePath(dirname(importer), source);
          return target.startsWith(serverDir + sep) ? null : { id: source, external: true };
        },
      },
      typescript({
        tsconfig: './tsconfig.server.json',
        outDir: 'dist',
        declaration: true,
        noEmitOnError: true,
      }),
    ],
  });
}

export default configs;
