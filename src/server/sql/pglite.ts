/**
 * The embedded PostgreSQL (PGlite: PostgreSQL in WebAssembly), persisted to a folder: the default
 * store when no database is configured.
 *
 * Time zones: PGlite carries its own copy of the tz database, which disagrees with the platform's
 * (Node's ICU, core's source of offsets) for some zones (America/Havana from 2026, Canada, Morocco).
 * Where the machine has a zoneinfo folder (/usr/share/zoneinfo, the one a PostgreSQL server
 * reads), each zone's file is copied into PGlite's before its first use, so that every store reads
 * the same rules as core.
 */
import { existsSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Row, SqlDb, SqlQueryable } from './sql-store.js';

const SYSTEM_ZONES = process.env.KRE_ZONEINFO ?? '/usr/share/zoneinfo';
const PGLITE_ZONES = '/pglite/share/postgresql/timezone';
const ZONE_NAME = /^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)*$/;

interface EmscriptenFs {
  analyzePath(path: string): { exists: boolean };
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
}

export class PgliteDb implements SqlDb {
  readonly kind = 'pglite' as const;
  private zones = new Set<string>();

  private constructor(private readonly pg: PGlite) {}

  /** Opens (or creates) the database in `dataDir`; in memory when `dataDir` is undefined. */
  static async open(dataDir?: string): Promise<PgliteDb> {
    const pg = await PGlite.create({ dataDir, extensions: { btree_gist, pg_trgm } });
    const db = new PgliteDb(pg);
    for (const zone of ['UTC', 'Etc/UTC', 'GMT']) db.useZone(zone);
    return db;
  }

  useZone(timeZone: string): void {
    if (this.zones.has(timeZone)) return;
    this.zones.add(timeZone);
    if (!ZONE_NAME.test(timeZone)) return;
    const source = `${SYSTEM_ZONES}/${timeZone}`;
    const fs = (this.pg as unknown as { Module?: { FS?: EmscriptenFs } }).Module?.FS;
    if (!fs || !existsSync(source) || !fs.analyzePath(PGLITE_ZONES).exists) return;
    const target = `${PGLITE_ZONES}/${timeZone}`;
    const folder = target.slice(0, target.lastIndexOf('/'));
    if (!fs.analyzePath(folder).exists) fs.mkdirTree(folder);
    fs.writeFile(target, readFileSync(source));
  }

  async query(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.pg.query<Row>(text, params as unknown[])).rows;
  }

  async exec(script: string): Promise<void> {
    await this.pg.exec(script);
  }

  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.pg.transaction((tx) =>
      fn({ query: async (text, params = []) => (await tx.query<Row>(text, params as unknown[])).rows }),
    );
  }

  async close(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}
