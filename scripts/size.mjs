// Size of the self-contained bundle a host page loads with one <script type="module">, and of the
// chunk it loads itself on first use (src/shared/on-demand.ts: table views, a filter's open list, exports).
// Prints raw, minified and min+gzip sizes; exits 1 above the min+gzip budget of the bundle, or when
// the split went wrong: a chunk other than these two (nobody would measure it), or a module of the
// on-demand chunk pulled into the bundle (a static import of it somewhere).
// Usage: node scripts/size.mjs [--budget <KB>]   (run `npm run build` first)
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import configs from '../rollup.config.mjs';

const BUNDLE = 'dist/kre-license-reports.bundle.js';
const ON_DEMAND = 'dist/kre-license-reports.on-demand.js';
const ENTRY = 'src/index.ts';
const flag = process.argv.indexOf('--budget');
/** The standing budget, in KB (1 KB = 1000 bytes) of minified + gzipped code. */
const BUDGET_KB = flag === -1 ? 45 : Number(process.argv[flag + 1]);

if (!existsSync(ENTRY)) {
  console.log(`size: ${ENTRY} does not exist yet, so there is no bundle to measure. Skipped.`);
  process.exit(0);
}
for (const file of [BUNDLE, ON_DEMAND]) {
  if (!existsSync(file)) {
    console.error(`size: ${file} is missing. Run \`npm run build\` first.`);
    process.exit(1);
  }
}

// "Raw" is the bundle's own build config without terser, built in memory (a few seconds), so the
// numbers show what minifying saves and what gzip saves on top.
const config = configs.find((c) => c.output?.entryFileNames === 'kre-license-reports.bundle.js');
const build = await rollup({
  ...config,
  onwarn: () => {},
  plugins: config.plugins.filter((p) => p.name !== 'terser'),
});
const { output } = await build.generate({ ...config.output, sourcemap: false });
await build.close();
const rawOf = (file) => Buffer.byteLength(output.find((o) => `dist/${o.fileName}` === file)?.code ?? '');

const kb = (bytes) => `${(bytes / 1000).toFixed(1).padStart(7)} KB`;
const report = (file, note = '') => {
  const min = readFileSync(file);
  const gzip = gzipSync(min, { level: 9 }).length;
  console.log(`${file}`);
  console.log(`  raw       ${kb(rawOf(file))}`);
  console.log(`  minified  ${kb(min.length)}`);
  console.log(`  min+gzip  ${kb(gzip)}${note}`);
  return { min, gzip };
};

const bundle = report(BUNDLE, `   (budget ${BUDGET_KB} KB)`);
const onDemand = report(ON_DEMAND, "   (loaded on first use: a table view, a filter's list, an export)");
console.log(`both      ${kb(bundle.gzip + onDemand.gzip)} min+gzip`);
let failed = false;
const fail = (message) => {
  console.error(`size: ${message}`);
  failed = true;
};
const chunks = output.filter((o) => o.type === 'chunk');
const extra = chunks.map((c) => `dist/${c.fileName}`).filter((f) => f !== BUNDLE && f !== ON_DEMAND);
if (extra.length) fail(`the build made chunks nobody measures: ${extra.join(', ')}.`);
// Each module src/shared/on-demand.ts re-exports must be in its chunk, not in the bundle.
const lazyChunk = chunks.find((c) => `dist/${c.fileName}` === ON_DEMAND);
const LAZY_ENTRY = 'src/shared/on-demand.ts';
for (const [, path] of readFileSync(LAZY_ENTRY, 'utf8').matchAll(/from '(\.[^']+)\.js'/g)) {
  const file = resolve('src/shared', `${path}.ts`);
  if (!lazyChunk?.modules[file]) fail(`${file} (re-exported by ${LAZY_ENTRY}) is not in ${ON_DEMAND}: something imports it statically.`);
}
if (bundle.gzip > BUDGET_KB * 1000) {
  console.error(`size: over budget by ${kb(bundle.gzip - BUDGET_KB * 1000).trim()} min+gzip.`);
  failed = true;
}
if (failed) process.exit(1);
