/**
 * `kre-license-reports/server` (Node only, never in the browser bundle): the report service of
 * CONTRACT 7 as a request handler for `node:http` (and Express or Fastify), the `serve` command's
 * pieces, and its three stores: core over a dataset in memory, an embedded PostgreSQL (PGlite) and
 * a PostgreSQL server.
 */
export {
  createReportHandler,
  fastifyRoute,
  parseEventsBody,
  ROLES,
  type AccessLogEntry,
  type ReportHandler,
  type ReportHandlerOptions,
  type Role,
  type TokenGrant,
} from './handler.js';
export { loadDataset, readTokens, serve, validateDataset, type RunningService, type ServeOptions } from './serve.js';
export { openStore, type OpenStoreOptions } from './stores.js';
export { EMPTY_DATASET, type Store, type StoreKind } from './store.js';
export { MemoryStore } from './memory-store.js';
export { SqlStore, migrate, type SqlDb } from './sql/sql-store.js';
export { MIGRATIONS } from './sql/schema.js';
export {
  checkEvent,
  datasetEvents,
  planEvents,
  type EventsAnswer,
  type Rejection,
  type ReportEvent,
} from './events.js';
