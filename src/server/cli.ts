/**
 * `kre-license-reports serve [options]`: the report service (CONTRACT 7) on a port.
 *
 * Without --tokens and --dataset it serves a demo: generated data for the account `demo` (the same
 * data as the mock's demo, anchored to the start of the UTC day, its now frozen there) and two
 * tokens, `demo-admin` (reports) and `demo-ingest` (events), printed at start.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Dataset } from '../core/types.js';
import { anchorEnd, generateDataset } from '../mock/generate.js';
import type { TokenGrant } from './handler.js';
import { readTokens, serve, type RunningService } from './serve.js';
import type { StoreKind } from './store.js';

const USAGE = `Usage: kre-license-reports serve [options]

  --port N             port (default 8080; 0 picks a free one)
  --host H             interface (default 127.0.0.1)
  --base PATH          the endpoint's path (default /api: GET /api/kre/usage)
  --store KIND         memory | pglite | postgres (default pglite, or postgres when DATABASE_URL is set)
  --data DIR           PGlite's data folder (default ./kre-data)
  --database-url URL   the PostgreSQL server (default $DATABASE_URL)
  --dataset ACCOUNT=FILE   load a CONTRACT 5 dataset into ACCOUNT at start (repeatable; idempotent)
  --tokens FILE        a JSON list of { "token", "account", "role" } (role account-admin or ingest)
  --cors ORIGIN        an origin allowed to call the service from a browser (repeatable)
  --as-of ISO          fix the service's now (tests, demos)
  --max-body BYTES     largest events body (default 10485760)
  --quiet              no access log

Without --tokens and --dataset: a demo account with the tokens demo-admin and demo-ingest.`;

export const DEMO_TOKENS: readonly TokenGrant[] = [
  { token: 'demo-admin', account: 'demo', role: 'account-admin' },
  { token: 'demo-ingest', account: 'demo', role: 'ingest' },
];

function fail(message: string): never {
  process.stderr.write(`kre-license-reports: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

export async function main(argv: string[]): Promise<RunningService | undefined> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return undefined;
  }
  if (command !== 'serve') fail(`unknown command ${JSON.stringify(command)}`);
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        base: { type: 'string' },
        store: { type: 'string' },
        data: { type: 'string' },
        'database-url': { type: 'string' },
        dataset: { type: 'string', multiple: true },
        tokens: { type: 'string' },
        cors: { type: 'string', multiple: true },
        'as-of': { type: 'string' },
        'max-body': { type: 'string' },
        quiet: { type: 'boolean' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port: expected 0 to 65535, got ${values.port}`);
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL ?? undefined;
  const store = (values.store ?? (databaseUrl ? 'postgres' : 'pglite')) as StoreKind;
  if (!['memory', 'pglite', 'postgres'].includes(store)) fail(`--store: expected memory, pglite or postgres, got ${values.store}`);
  const maxBodyBytes = values['max-body'] === undefined ? undefined : Number(values['max-body']);
  if (maxBodyBytes !== undefined && !(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) fail(`--max-body: expected a number of bytes, got ${values['max-body']}`);
  let asOf: Date | undefined;
  if (values['as-of'] !== undefined) {
    asOf = new Date(values['as-of']);
    if (Number.isNaN(asOf.getTime())) fail(`--as-of: expected an ISO 8601 instant, got ${values['as-of']}`);
  }

  const datasets: Array<{ account: string; dataset: Dataset; onlyIfEmpty?: boolean }> = [];
  for (const spec of values.dataset ?? []) {
    const at = spec.indexOf('=');
    if (at <= 0) fail(`--dataset: expected ACCOUNT=FILE, got ${spec}`);
    const file = resolve(spec.slice(at + 1));
    try {
      datasets.push({ account: spec.slice(0, at), dataset: JSON.parse(await readFile(file, 'utf8')) as Dataset });
    } catch (error) {
      fail(`--dataset ${spec}: ${(error as Error).message}`);
    }
  }
  let tokens: readonly TokenGrant[];
  const demo = values.tokens === undefined && datasets.length === 0;
  if (demo) {
    // The demo: its data ends at the start of today (UTC), and so does its now. A data folder keeps
    // each day's demo in its own account, loaded once.
    const end = anchorEnd();
    asOf ??= end;
    const account = store === 'memory' ? 'demo' : `demo-${end.toISOString().slice(0, 10)}`;
    datasets.push({ account, dataset: generateDataset({ seed: 7, sessions: 20_000, days: 90, end }), onlyIfEmpty: true });
    tokens = DEMO_TOKENS.map((grant) => ({ ...grant, account }));
  } else if (values.tokens === undefined) {
    fail('--tokens FILE is needed with --dataset (a JSON list of { "token", "account", "role" })');
  } else {
    try {
      tokens = await readTokens(values.tokens);
    } catch (error) {
      fail(`--tokens: ${(error as Error).message}`);
    }
  }

  const quiet = values.quiet === true;
  const service = await serve({
    port,
    host: values.host,
    base: values.base,
    store,
    dataDir: values.data,
    databaseUrl,
    datasets,
    tokens,
    cors: values.cors,
    asOf,
    maxBodyBytes,
    log: quiet ? undefined : (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`),
  });
  process.stdout.write(`listening on ${service.url}\n`);
  if (demo) process.stdout.write(`demo tokens: demo-admin (reports), demo-ingest (events); now is ${asOf?.toISOString()}\n`);

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      service.stop().then(
        () => process.exit(0),
        (error) => {
          process.stderr.write(`kre-license-reports: ${(error as Error).message}\n`);
          process.exit(1);
        },
      );
    });
  }
  return service;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`kre-license-reports: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
