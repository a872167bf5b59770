// Fails when the committed custom-elements.json or types/react.d.ts no longer matches the
// sources, or when the analyzer does not give the same manifest twice.
//
//   npm run check:manifest                  3 runs: each must equal the others and the committed file
//   npm run check:manifest -- --runs 20     the proof of determinism (about 20 s on 2 cores)
//
// Each run is its own Node process (the analyzer's file listing is what varied between processes),
// with the project's config (custom-elements-manifest.config.mjs), writing nothing.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const MANIFEST = 'custom-elements.json';

/** The manifest as `npm run analyze` writes it. */
async function generate() {
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  return `${JSON.stringify(await cli({ argv: ['analyze', '--quiet'], noWrite: true }), null, 2)}\n`;
}

/** `runs` manifests, each from its own process, a few processes at a time. */
async function generateInProcesses(count) {
  const run = promisify(execFile);
  const self = fileURLToPath(import.meta.url);
  const outputs = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const { stdout } = await run(process.execPath, [self, '--emit'], { maxBuffer: 64 * 1024 * 1024 });
      outputs[i] = stdout;
    }
  };
  // Many at once: the file listing's order varied most when processes competed for the disk.
  await Promise.all(Array.from({ length: Math.min(count, Math.max(10, availableParallelism())) }, worker));
  return outputs;
}

/** The first line where two texts differ, for the message. */
function firstDifference(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  const line = x.findIndex((text, i) => text !== y[i]);
  const at = line < 0 ? Math.min(x.length, y.length) : line;
  return { line: at + 1, a: x[at], b: y[at] };
}

const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 12);

async function check() {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive whole number');

  const started = Date.now();
  const outputs = await generateInProcesses(runs);
  const distinct = [...new Set(outputs)];
  let failed = false;

  if (distinct.length > 1) {
    failed = true;
    const counts = distinct.map((text) => `${hash(text)} x${outputs.filter((o) => o === text).length}`).join(', ');
    const d = firstDifference(distinct[0], distinct[1]);
    console.error(`The analyzer gave ${distinct.length} different manifests in ${runs} runs (${counts}).`);
    console.error(`First difference at line ${d.line}:\n  one:     ${d.a}\n  another: ${d.b}`);
  } else {
    console.log(`${runs} runs of the analyzer gave the same manifest (${hash(distinct[0])}, ${((Date.now() - started) / 1000).toFixed(1)} s).`);
  }

  const fresh = outputs[0];
  const committed = existsSync(MANIFEST) ? readFileSync(MANIFEST, 'utf8') : null;
  if (committed === fresh) {
    console.log(`${MANIFEST} is up to date.`);
  } else {
    failed = true;
    console.error(`${MANIFEST} ${committed === null ? 'is missing' : 'is stale: it does not match the sources in src/'}.`);
    if (committed !== null) {
      const d = firstDifference(committed, fresh);
      console.error(`First difference at line ${d.line}:\n  committed: ${d.a}\n  generated: ${d.b}`);
    }
  }

  // The React typings are written from the manifest: from the fresh one, they must be the file's text.
  const { FILE: REACT, reactTypes } = await import('./react-types.mjs');
  const types = reactTypes(JSON.parse(fresh));
  const committedTypes = existsSync(REACT) ? readFileSync(REACT, 'utf8') : null;
  if (committedTypes === types) {
    console.log(`${REACT} is up to date.`);
  } else {
    failed = true;
    console.error(`${REACT} ${committedTypes === null ? 'is missing' : 'is stale: it does not match custom-elements.json'}.`);
    if (committedTypes !== null) {
      const d = firstDifference(committedTypes, types);
      console.error(`First difference at line ${d.line}:\n  committed: ${d.a}\n  generated: ${d.b}`);
    }
  }

  if (failed) {
    console.error('Run `npm run analyze` and commit custom-elements.json and types/react.d.ts.');
    process.exit(1);
  }
}

if (process.argv.includes('--emit')) {
  // No process.exit(): a pipe is written asynchronously, and exiting would cut the text short.
  process.stdout.write(await generate());
} else {
  await check();
}
