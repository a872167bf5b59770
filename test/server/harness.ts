/**
 * Opening each store for the server suites, and comparing a store's whole answers with core's.
 *
 * PGlite always runs. A PostgreSQL server runs when DATABASE_URL is set or one answers at the
 * PG* environment's defaults; with KRE_REQUIRE_POSTGRES=1 (as .ci/run sets) a missing server fails
 * the suite instead of skipping it. Each run works in a schema of its own, dropped at the end.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  ContractError,
  computeCapacity,
  computeUsage,
  querySessions,
  type CapacityQuery,
  type Dataset,
  type SessionsQuery,
  type UsageQuery,
} from '../../src/core/index.js';
import { MemoryStore } from '../../src/server/memory-store.js';
import { PgliteDb } from '../../src/server/sql/pglite.js';
import { PostgresDb } from '../../src/server/sql/postgres.js';
import { SqlStore, migrate } from '../../src/server/sql/sql-store.js';
import { loadDataset } from '../../src/server/serve.js';
import type { Store, StoreKind } from '../../src/server/store.js';

export interface OpenedStore {
  kind: StoreKind;
  store: Store;
  close(): Promise<void>;
}

/** The PostgreSQL server's URL, or null when none is reachable. */
export async function postgresUrl(): Promise<string | null> {
  const url = process.env.DATABASE_URL;
  const client = new pg.Client(url ? { connectionString: url, connectionTimeoutMillis: 3000 } : { connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return url ?? 'postgres://';
  } catch (error) {
    if (url || process.env.KRE_REQUIRE_POSTGRES === '1') throw new Error(`the PostgreSQL server is not reachable: ${(error as Error).message}`, { cause: error });
    return null;
  }
}

/** The kinds to test: memory, pglite, and postgres when a server is reachable (or required). */
export async function storeKinds(): Promise<StoreKind[]> {
  const kinds: StoreKind[] = ['memory', 'pglite'];
  if ((await postgresUrl()) !== null) kinds.push('postgres');
  else console.log('# no PostgreSQL server reachable (DATABASE_URL unset): the postgres suites are skipped');
  return kinds;
}

export async function openTestStore(kind: StoreKind): Promise<OpenedStore> {
  if (kind === 'memory') {
    const store = new MemoryStore();
    return { kind, store, close: () => store.close() };
  }
  if (kind === 'pglite') {
    const db = await PgliteDb.open();
    await migrate(db);
    const store = new SqlStore(db);
    return { kind, store, close: () => store.close() };
  }
  const url = (await postgresUrl()) as string;
  const schema = `kre_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(url === 'postgres://' ? {} : { connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
  await admin.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
  const db = await PostgresDb.open(url === 'postgres://' ? '' : url, { searchPath: `${schema}, public` });
  await migrate(db);
  const store = new SqlStore(db);
  return {
    kind,
    store,
    async close() {
      await store.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

let accounts = 0;
/** A fresh account name for one dataset (the stores hold many accounts side by side). */
export function freshAccount(prefix = 'acct'): string {
  accounts += 1;
  return `${prefix}-${accounts}`;
}

/** Loads a dataset into a fresh account of the store; returns the account. */
export async function loadInto(store: Store, dataset: Dataset, prefix?: string): Promise<string> {
  const account = freshAccount(prefix);
  const answer = await loadDataset(store, account, dataset);
  assert.deepEqual(answer.rejected, [], 'the dataset loads without a rejected event');
  return account;
}

type Outcome = { ok: unknown } | { error: { field: string; message: string } };

async function outcome(run: () => unknown): Promise<Outcome> {
  try {
    return { ok: await run() };
  } catch (error) {
    if (error instanceof ContractError) return { error: { field: error.field, message: error.message } };
    throw error;
  }
}

/** The store answers exactly what core answers (or fails with core's ContractError). */
export async function assertSameUsage(store: Store, account: string, dataset: Dataset, query: UsageQuery, asOf: string): Promise<void> {
  const want = await outcome(() => computeUsage(dataset, query, asOf));
  const got = await outcome(() => store.usage(account, query, Date.parse(asOf)));
  assert.deepStrictEqual(got, want, `${store.kind} usage ${JSON.stringify(query)} asOf ${asOf}`);
}

export async function assertSameSessions(store: Store, account: string, dataset: Dataset, query: SessionsQuery, asOf: string): Promise<void> {
  const want = await outcome(() => querySessions(dataset, query, asOf));
  const got = await outcome(() => store.sessions(account, query, Date.parse(asOf)));
  assert.deepStrictEqual(got, want, `${store.kind} sessions ${JSON.stringify(query)} asOf ${asOf}`);
}

export async function assertSameCapacity(store: Store, account: string, dataset: Dataset, query: CapacityQuery, asOf: string): Promise<void> {
  const want = await outcome(() => computeCapacity(dataset, query, asOf));
  const got = await outcome(() => store.capacity(account, query, Date.parse(asOf)));
  assert.deepStrictEqual(got, want, `${store.kind} capacity ${JSON.stringify(query)} asOf ${asOf}`);
}
