// Size of the self-contained bundle a host page loads with one <script type="module">.
// Prints raw, minified and min+gzip sizes; exits 1 above the min+gzip budget.
// Usage: node scripts/size.mjs [--budget <KB>]   (run `npm run build` first)
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import configs from '../rollup.config.mjs';

const BUNDLE = 'dist/kre-license-reports.bundle.js';
const ENTRY = 'src/index.ts';
const flag = process.argv.indexOf('--budget');
/** The standing budget, in KB (1 KB = 1000 bytes) of minified + gzipped code. */
const BUDGET_KB = flag === -1 ? 45 : Number(process.argv[flag + 1]);

if (!existsSync(ENTRY)) {
  console.log(`size: ${ENTRY} does not exist yet, so there is no bundle to measure. Skipped.`);
  process.exit(0);
}
if (!existsSync(BUNDLE)) {
  console.error(`size: ${BUNDLE} is missing. Run \`npm run build\` first.`);
  process.exit(1);
}

// "Raw" is the bundle's own build config without terser, built in memory (a few seconds), so the
// numbers show what minifying saves and what gzip saves on top.
const config = configs.find((c) => c.output?.file === BUNDLE);
const build = await rollup({
  ...config,
  onwarn: () => {},
  plugins: config.plugins.filter((p) => p.name !== 'terser'),
});
const { output } = await build.generate({ ...config.output, sourcemap: false });
await build.close();

const raw = Buffer.byteLength(output[0].code);
const min = readFileSync(BUNDLE);
const gzip = gzipSync(min, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1).padStart(7)} KB`;

console.log(`${BUNDLE}`);
console.log(`  raw       ${kb(raw)}`);
console.log(`  minified  ${kb(min.length)}`);
console.log(`  min+gzip  ${kb(gzip)}   (budget ${BUDGET_KB} KB)`);
if (gzip > BUDGET_KB * 1000) {
  console.error(`size: over budget by ${kb(gzip - BUDGET_KB * 1000).trim()} min+gzip.`);
  process.exit(1);
}
