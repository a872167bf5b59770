// `npm run test:e2e`: the example hosts end to end (test/e2e/*.test.mjs, Node's test runner with
// playwright-core driving the system's Chromium). The examples use the package as a host gets it,
// from dist/, so dist/ is built first when it is missing or older than a file in src/.
// Extra arguments go to node, e.g. `npm run test:e2e -- --test-name-pattern=CSP`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const OUTPUTS = ['dist/index.js', 'dist/core/index.js', 'dist/mock/index.js', 'dist/kre-license-reports.bundle.js'];
const INPUTS = ['src', 'package.json', 'rollup.config.mjs', 'tsconfig.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = OUTPUTS.every((file) => existsSync(file)) ? Math.min(...OUTPUTS.map((file) => statSync(file).mtimeMs)) : -1;
if (built < Math.max(...INPUTS.map(newest))) {
  console.log(built < 0 ? 'test:e2e: dist/ is missing; building it first.' : 'test:e2e: src/ changed since the last build; building dist/ first.');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const DIR = 'test/e2e';
const files = readdirSync(DIR).filter((name) => name.endsWith('.test.mjs')).map((name) => join(DIR, name)).sort();
const { status, signal } = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-timeout=180000', ...process.argv.slice(2), ...files], { stdio: 'inherit' });
process.exit(status ?? (signal ? 1 : 0));
