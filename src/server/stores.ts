/**
 * Opening a store by name: `memory` (core over a dataset in memory), `pglite` (an embedded
 * PostgreSQL persisted to a folder) or `postgres` (a PostgreSQL server at a connection URL).
 */
import { MemoryStore } from './memory-store.js';
import { SqlStore, migrate } from './sql/sql-store.js';
import type { Store, StoreKind } from './store.js';

export interface OpenStoreOptions {
  store: StoreKind;
  /** PGlite's data folder; in memory when absent. */
  dataDir?: string;
  /** The PostgreSQL server's URL (postgres://user:password@host:port/database). */
  databaseUrl?: string;
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  switch (options.store) {
    case 'memory':
      return new MemoryStore();
    case 'pglite': {
      const { PgliteDb } = await import('./sql/pglite.js');
      const db = await PgliteDb.open(options.dataDir);
      await migrate(db);
      // PGlite has no autovacuum: the planner's statistics are refreshed at open and after writes.
      await db.query('ANALYZE');
      return new SqlStore(db);
    }
    case 'postgres': {
      if (!options.databaseUrl) throw new Error('the postgres store needs a database URL (--database-url or DATABASE_URL)');
      const { PostgresDb } = await import('./sql/postgres.js');
      const db = await PostgresDb.open(options.databaseUrl);
      await migrate(db);
      return new SqlStore(db);
    }
  }
}
