// Fails when the committed custom-elements.json no longer matches the sources.
// Regenerates the manifest in memory with the project's config (custom-elements-manifest.config.mjs)
// and compares it with the file, without writing anything.
import { existsSync, readFileSync } from 'node:fs';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const FILE = 'custom-elements.json';
const fresh = `${JSON.stringify(await cli({ argv: ['analyze', '--quiet'], noWrite: true }), null, 2)}\n`;
const committed = existsSync(FILE) ? readFileSync(FILE, 'utf8') : null;

if (committed === fresh) {
  console.log(`${FILE} is up to date.`);
} else {
  const why = committed === null ? 'is missing' : 'is stale: it does not match the sources in src/';
  console.error(`${FILE} ${why}.\nRun \`npm run analyze\` and commit custom-elements.json.`);
  if (committed !== null) {
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const line = a.findIndex((text, i) => text !== b[i]);
    console.error(`First difference at line ${line + 1}:\n  committed: ${a[line]}\n  generated: ${b[line]}`);
  }
  process.exit(1);
}
