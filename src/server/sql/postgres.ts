/**
 * A PostgreSQL server (15 and later) through `pg`: the store of a deployment with DATABASE_URL.
 */
import pg from 'pg';
import type { Row, SqlDb, SqlQueryable } from './sql-store.js';

// int8 and numeric as text: the store reads them with Number() where it needs a number.
export class PostgresDb implements SqlDb {
  readonly kind = 'postgres' as const;
  private constructor(private readonly pool: pg.Pool) {}

  /**
   * `searchPath` puts the tables in a schema of their own (`"reports, public"`: the extensions stay
   * in public).
   */
  static async open(connectionString: string, options: { max?: number; searchPath?: string } = {}): Promise<PostgresDb> {
    const pool = new pg.Pool({
      connectionString: connectionString || undefined,
      max: options.max ?? 8,
      application_name: 'kre-license-reports',
      // No JIT: compiling a report's expressions costs more than it saves (hundreds of ms a query).
      options: `-c jit=off${options.searchPath ? ` -c search_path=${options.searchPath.replace(/\s+/g, '')}` : ''}`,
    });
    // A server that is down fails here, at start, not at the first request.
    const client = await pool.connect();
    client.release();
    return new PostgresDb(pool);
  }

  async query(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(text, params as unknown[])).rows as Row[];
  }

  async exec(script: string): Promise<void> {
    await this.pool.query(script);
  }

  async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({ query: async (text, params = []) => (await client.query(text, params as unknown[])).rows as Row[] });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
