/**
 * `serve`: the report service on a port (what `kre-license-reports serve` runs), and the pieces it
 * is made of for a host that starts it from its own code: reading the tokens file, validating and
 * loading a dataset, a graceful stop.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { querySessions } from '../core/index.js';
import { ContractError } from '../core/errors.js';
import { PRODUCTS, type Dataset } from '../core/types.js';
import { datasetEvents, type EventsAnswer } from './events.js';
import { createReportHandler, type AccessLogEntry, type ReportHandler, type TokenGrant } from './handler.js';
import { openStore } from './stores.js';
import type { Store, StoreKind } from './store.js';

/** Throws core's ContractError (naming the record and field) for a dataset core would refuse. */
export function validateDataset(dataset: Dataset): void {
  for (const product of PRODUCTS) {
    // Building core's index of a product checks every record of it and the organization tree.
    querySessions(dataset, { product, from: '2000-01-01', to: '2000-01-01', timeZone: 'UTC', limit: 1 }, '2000-01-02T00:00:00Z');
  }
}

/**
 * Loads a dataset (CONTRACT 5) into an account: the same as sending its records as events, in
 * bodies of `chunk` events. Loading it again changes nothing (every event is a duplicate).
 */
export async function loadDataset(store: Store, account: string, dataset: Dataset, chunk = 20_000): Promise<EventsAnswer> {
  validateDataset(dataset);
  const events = datasetEvents(dataset);
  const total: EventsAnswer = { accepted: 0, duplicates: 0, rejected: [] };
  for (let i = 0; i < events.length; i += chunk) {
    const answer = await store.ingest(account, events.slice(i, i + chunk));
    total.accepted += answer.accepted;
    total.duplicates += answer.duplicates;
    total.rejected.push(...answer.rejected.map((r) => ({ index: r.index + i, detail: r.detail })));
  }
  return total;
}

/** Reads a tokens file: a JSON list of `{ "token", "account", "role" }`. */
export async function readTokens(file: string): Promise<TokenGrant[]> {
  const list: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${file}: expected a JSON list of { "token", "account", "role" }`);
  return list.map((t: Partial<TokenGrant>, i) => {
    for (const key of ['token', 'account', 'role'] as const) {
      if (typeof t?.[key] !== 'string' || t[key] === '') throw new Error(`${file}: entry ${i} needs a non-empty "${key}"`);
    }
    return { token: t.token as string, account: t.account as string, role: t.role as string };
  });
}

export interface ServeOptions {
  port?: number;
  host?: string;
  base?: string;
  store?: StoreKind;
  /** PGlite's folder (default ./kre-data). */
  dataDir?: string;
  databaseUrl?: string;
  /** Datasets to load at start, by account. */
  datasets?: ReadonlyArray<{ account: string; dataset: Dataset; onlyIfEmpty?: boolean }>;
  tokens: readonly TokenGrant[];
  cors?: readonly string[];
  asOf?: string | Date;
  maxBodyBytes?: number;
  timeoutMs?: number;
  log?: (entry: AccessLogEntry) => void;
}

export interface RunningService {
  server: Server;
  store: Store;
  handler: ReportHandler;
  /** `http://host:port/base` */
  url: string;
  /** Stops taking requests, finishes those in flight, closes the store. */
  stop(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<RunningService> {
  const kind = options.store ?? (options.databaseUrl ? 'postgres' : 'pglite');
  const store = await openStore({ store: kind, dataDir: kind === 'pglite' ? (options.dataDir ?? './kre-data') : undefined, databaseUrl: options.databaseUrl });
  try {
    for (const { account, dataset, onlyIfEmpty } of options.datasets ?? []) {
      if (onlyIfEmpty && (await store.hasData(account))) continue;
      const answer = await loadDataset(store, account, dataset);
      if (answer.rejected.length) {
        const first = answer.rejected[0];
        throw new ContractError('dataset', `account ${account}: event ${first.index} was rejected: ${first.detail}`);
      }
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const base = (options.base ?? '/api').replace(/\/+$/, '');
  const handler = createReportHandler({
    store,
    tokens: options.tokens,
    base,
    cors: options.cors,
    asOf: options.asOf,
    maxBodyBytes: options.maxBodyBytes,
    timeoutMs: options.timeoutMs,
    log: options.log,
  });
  const server = createServer((request, response) => handler(request, response));
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let stopping: Promise<void> | undefined;
  return {
    server,
    store,
    handler,
    url: `http://${shownHost}:${port}${base}`,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const deadline = Date.now() + 10_000;
        while (handler.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        server.closeAllConnections();
        await closed;
        await store.close();
      })();
      return stopping;
    },
  };
}
