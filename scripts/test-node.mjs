// Runs the DOM-free tests (test/core/**/*.test.ts) and the report service's (test/server/**/*.test.ts)
// with Node's own test runner, TypeScript through tsx. Node 20's `node --test` takes no globs (that
// came in Node 21), so this lists the files.
// Extra arguments go to node, e.g. `npm run test:node -- --test-name-pattern=DST`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const DIRS = ['test/core', 'test/server'];
const DIR = DIRS.join(' and ');
const files = DIRS.flatMap((dir) =>
  readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(dir, name))
    .sort(),
);

if (files.length === 0) {
  console.log(`test:node: no ${DIR}/**/*.test.ts files yet; nothing to run.`);
  process.exit(0);
}

const { status, signal } = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files],
  { stdio: 'inherit' },
);
process.exit(status ?? (signal ? 1 : 0));
