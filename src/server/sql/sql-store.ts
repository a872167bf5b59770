/**
 * The SQL store: one implementation over PGlite and a PostgreSQL server (./pglite.ts,
 * ./postgres.ts), the same schema (./schema.ts) and the same report queries (./reports.ts).
 *
 * Queries are validated by core's own validators first, so a 400's detail is core's message. The
 * reports are computed in SQL; Node formats instants with core's formatters and divides the sums
 * SQL returns by their counts, as core does.
 */
import { coverage } from '../../core/capacity.js';
import { ContractError, describeValue } from '../../core/errors.js';
import { compareText, textSortKey } from '../../core/text-order.js';
import { formatCivilDate, formatInstant, formatUtc } from '../../core/tz.js';
import { instant, validateCapacityQuery, validateSessionsQuery, validateUsageQuery } from '../../core/validate.js';
import type {
  CapacityHour,
  CapacityQuery,
  CapacityResponse,
  Dataset,
  Organization,
  Product,
  SessionItem,
  SessionsQuery,
  SessionsResponse,
  UsageBucket,
  UsageQuery,
  UsageResponse,
} from '../../core/types.js';
import { planEvents, type EventPlan, type EventsAnswer } from '../events.js';
import type { Store, StoreKind } from '../store.js';
import { CAPACITY_SQL, USAGE_SQL, sessionsSql } from './reports.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from './schema.js';

export type Row = Record<string, unknown>;

/** What the SQL store needs of a database connection. */
export interface SqlQueryable {
  query(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface SqlDb extends SqlQueryable {
  readonly kind: Exclude<StoreKind, 'memory'>;
  /** Several statements, no parameters (migrations). */
  exec(script: string): Promise<void>;
  /** Runs `fn` in one transaction, committed (durably) when it resolves. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Called with every zone a query uses, before the query (PGlite aligns its zone files). */
  useZone?(timeZone: string): void;
  close(): Promise<void>;
}

const num = (value: unknown): number => Number(value);

/** Rows of one JSON value, as both drivers hand them over (parsed or as text). */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Runs the migrations not applied yet, in order, each in its own transaction. */
export async function migrate(db: SqlDb): Promise<number[]> {
  const applied: number[] = [];
  await db.transaction(async (tx) => {
    // One migrating process at a time.
    await tx.query('SELECT pg_advisory_xact_lock(7316001)');
    await tx.query(MIGRATIONS_TABLE);
  });
  for (const migration of MIGRATIONS) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7316001)');
      const done = await tx.query('SELECT 1 FROM kre_migrations WHERE version = $1', [migration.version]);
      if (done.length) return;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO kre_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    });
  }
  return applied;
}

/** Splits a migration into statements: `;` at a line's end, outside `$$` bodies. */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of script.split('\n')) {
    if (/^\s*--/.test(line) && !inBody) continue;
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && /;\s*$/.test(line)) {
      statements.push(current.trim().replace(/;$/, ''));
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

/** `%needle%` for LIKE, with the needle's own `\`, `%` and `_` escaped. */
function likePattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The search text of a session, lower-cased as core lower-cases it; U+0001 stands for core's U+0000. */
export function searchText(name: string, email: string, sessionId: string, machineId: string): string {
  return `${name}\u0000${email}\u0000${sessionId}\u0000${machineId}`.toLowerCase().replaceAll('\u0000', '\u0001');
}

interface OrgRow extends Organization {
  seq: number;
  path: string[];
  sort_key: string;
  sort_text: string;
}

/** Paths and sort keys of every organization (few per account): recomputed when any changes. */
function organizationRows(list: readonly Organization[]): OrgRow[] {
  const byId = new Map(list.map((o) => [o.id, o]));
  const paths = new Map<string, string[]>();
  const pathOf = (o: Organization): string[] => {
    let path = paths.get(o.id);
    if (!path) {
      const parent = o.parentId === null ? undefined : byId.get(o.parentId);
      path = parent ? [...pathOf(parent), o.name] : [o.name];
      paths.set(o.id, path);
    }
    return path;
  };
  return list.map((o, seq) => {
    const path = pathOf(o);
    const text = path.join(' / ');
    return { ...o, seq, path, sort_key: textSortKey(text), sort_text: text };
  });
}

export class SqlStore implements Store {
  readonly kind: Exclude<StoreKind, 'memory'>;

  constructor(readonly db: SqlDb) {
    this.kind = db.kind;
  }

  /** Throws core's error for the first organization id the account does not have. */
  private async checkOrganizations(account: string, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const rows = await this.db.query('SELECT id FROM kre_organizations WHERE account = $1 AND id = ANY ($2::text[])', [account, ids]);
    const known = new Set(rows.map((r) => r.id as string));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) throw new ContractError('organizationId', `unknown organization ${describeValue(unknown)}`);
  }

  async usage(account: string, query: UsageQuery, now: number): Promise<UsageResponse> {
    const q = validateUsageQuery(query);
    const asOf = instant('asOf', new Date(now));
    this.db.useZone?.(q.timeZone);
    await this.checkOrganizations(account, q.organizationIds);
    const [row] = await this.db.query(USAGE_SQL, [
      account,
      q.product,
      q.timeZone,
      formatCivilDate(q.from),
      formatCivilDate(q.to),
      q.interval,
      formatUtc(asOf),
      q.organizationIds.length ? q.organizationIds : null,
    ]);
    type BucketRow = { start: number; end: number; peak: number; peakAt: number; peakSum: number; subCount: number; available: number; denied: number };
    const rows = json<BucketRow[]>(row.buckets);
    const zone = q.timeZone;
    const buckets: UsageBucket[] = [];
    let peak = 0;
    let utilization: number | null = null;
    let denied = 0;
    for (const b of rows) {
      const bucketPeak = num(b.peak);
      const available = num(b.available);
      peak = Math.max(peak, bucketPeak);
      if (available > 0 && (utilization === null || bucketPeak / available > utilization)) utilization = bucketPeak / available;
      denied += num(b.denied);
      buckets.push({
        start: formatInstant(num(b.start), zone),
        end: formatInstant(num(b.end), zone),
        available,
        peak: bucketPeak,
        peakAt: bucketPeak === 0 ? null : formatInstant(num(b.peakAt), zone),
        averagePeak: num(b.subCount) ? num(b.peakSum) / num(b.subCount) : 0,
        denied: num(b.denied),
      });
    }
    const days = json<{ sum: number; count: number }>(row.days);
    type ChangeRow = { at: number; organizationId: string | null; before: number; after: number };
    return {
      product: q.product,
      interval: q.interval,
      timeZone: zone,
      from: query.from,
      to: query.to,
      asOf: formatUtc(asOf),
      buckets,
      summary: {
        available: buckets.length ? buckets[buckets.length - 1].available : 0,
        peak,
        averageDailyPeak: num(days.count) ? num(days.sum) / num(days.count) : 0,
        utilization,
        denied,
      },
      capacityChanges: json<ChangeRow[]>(row.changes).map((c) => ({
        at: formatInstant(num(c.at), zone),
        organizationId: c.organizationId,
        before: num(c.before),
        after: num(c.after),
      })),
      organizations: json<Organization[]>(row.organizations),
    };
  }

  async sessions(account: string, query: SessionsQuery, now: number): Promise<SessionsResponse> {
    const q = validateSessionsQuery(query);
    const nowMs = instant('asOf', new Date(now));
    if (q.asOf !== null && q.asOf > nowMs) {
      throw new ContractError('asOf', `must not be after the service's now (${formatUtc(nowMs)}), got ${JSON.stringify(query.asOf)}`);
    }
    const cut = q.asOf ?? nowMs;
    this.db.useZone?.(q.timeZone);
    await this.checkOrganizations(account, q.organizationIds);
    const needle = q.q.toLowerCase().replaceAll('\u0000', '\u0001');
    const params = [
      account,
      q.product,
      q.timeZone,
      q.from ? formatCivilDate(q.from) : null,
      q.to ? formatCivilDate(q.to) : null,
      q.activeAt === null ? null : formatUtc(q.activeAt),
      formatUtc(cut),
      q.organizationIds.length ? q.organizationIds : null,
      q.licenseSources.length ? q.licenseSources : null,
      needle ? likePattern(needle) : null,
      q.offset,
      q.limit,
    ];
    // The pages of one export ask the same query at one asOf: its total and license sources are
    // read once while the account's data version holds (the version is read in the query's snapshot).
    const key = JSON.stringify([account, ...params.slice(1, 10)]);
    const kept = this.counts.get(key);
    let [row] = await this.db.query(sessionsSql(q.sort, q.order, q.activeAt !== null, kept !== undefined), params);
    if (kept && String(row.version) === kept.version) {
      row = { ...row, total: kept.total, sources: kept.sources };
    } else {
      if (kept) [row] = await this.db.query(sessionsSql(q.sort, q.order, q.activeAt !== null), params);
      this.counts.delete(key);
      this.counts.set(key, { version: String(row.version), total: row.total, sources: row.sources });
      if (this.counts.size > 256) this.counts.delete(this.counts.keys().next().value as string);
    }
    type ItemRow = {
      sessionId: string;
      name: string;
      email: string;
      machineId: string;
      licenseSource: string;
      organizationId: string | null;
      orgName: string | null;
      orgPath: string[] | null;
      licenseType: string;
      started: number;
      ended: number | null;
    };
    const items: SessionItem[] = json<ItemRow[]>(row.items).map((r) => ({
      sessionId: r.sessionId,
      user: { name: r.name, email: r.email },
      machineId: r.machineId,
      licenseSource: r.licenseSource,
      organization: r.organizationId === null ? null : { id: r.organizationId, name: r.orgName as string, path: r.orgPath as string[] },
      licenseType: r.licenseType,
      started: formatUtc(num(r.started)),
      ended: r.ended === null ? null : formatUtc(num(r.ended)),
    }));
    return {
      asOf: formatUtc(cut),
      total: num(row.total),
      offset: q.offset,
      limit: q.limit,
      items,
      facets: {
        // The few distinct sources of the page's range, in core's text order.
        licenseSources: json<string[]>(row.sources).sort(compareText),
        organizations: json<Organization[]>(row.organizations),
      },
    };
  }

  async capacity(account: string, query: CapacityQuery, now: number): Promise<CapacityResponse> {
    const q = validateCapacityQuery(query);
    const asOf = instant('asOf', new Date(now));
    this.db.useZone?.(q.timeZone);
    await this.checkOrganizations(account, q.organizationIds);
    const [row] = await this.db.query(CAPACITY_SQL, [
      account,
      q.product,
      q.timeZone,
      formatCivilDate(q.from),
      formatCivilDate(q.to),
      formatUtc(asOf),
      q.organizationIds.length ? q.organizationIds : null,
      q.licenses,
    ]);
    const range = json<{ start: number; stop: number }>(row.range);
    const open = num(range.start) < num(range.stop);
    const ms: number[] = [0];
    if (open) {
      for (const level of json<Array<{ c: number; ms: number }>>(row.levels)) {
        const c = num(level.c);
        while (ms.length <= c) ms.push(0);
        ms[c] += num(level.ms);
      }
    }
    const byHour: CapacityHour[] = Array.from({ length: 168 }, (_, cell) => ({
      weekday: Math.floor(cell / 24) + 1,
      hour: cell % 24,
      peak: 0,
      averagePeak: 0,
    }));
    for (const h of json<Array<{ weekday: number; hour: number; peak: number; sum: number; n: number }>>(row.by_hour)) {
      const cell = byHour[(num(h.weekday) - 1) * 24 + num(h.hour)];
      cell.peak = num(h.peak);
      cell.averagePeak = num(h.sum) / num(h.n);
    }
    const response: CapacityResponse = {
      product: q.product,
      timeZone: q.timeZone,
      from: query.from,
      to: query.to,
      asOf: formatUtc(asOf),
      seconds: open ? (num(range.stop) - num(range.start)) / 1000 : 0,
      levels: ms.map((m, level) => ({ level, seconds: m / 1000 })),
      coverage: coverage(ms),
      byHour,
      available: open ? num(row.available) : 0,
      denied: open ? num(row.denied) : 0,
    };
    if (q.licenses !== null) {
      const licenses = q.licenses;
      const replay = json<{ refused: number; peak: number } | null>(row.replay);
      response.replay = {
        licenses,
        refused: replay ? num(replay.refused) : 0,
        secondsOver: ms.reduce((sum, m, level) => (level > licenses ? sum + m : sum), 0) / 1000,
        peak: replay ? num(replay.peak) : 0,
      };
    }
    return response;
  }

  /** Total and license sources of recent sessions queries, by query and the account's data version. */
  private counts = new Map<string, { version: string; total: unknown; sources: unknown }>();

  /** Rows written since the last ANALYZE (PGlite has no autovacuum to keep the planner's statistics). */
  private unanalyzed = 0;

  async ingest(account: string, events: readonly unknown[]): Promise<EventsAnswer> {
    const answer = await this.ingestBody(account, events);
    if (this.db.kind === 'pglite') {
      this.unanalyzed += answer.accepted;
      if (this.unanalyzed >= 5000) {
        this.unanalyzed = 0;
        await this.db.query('ANALYZE kre_sessions, kre_denials, kre_allocations, kre_organizations, kre_pending_ends');
      }
    }
    return answer;
  }

  private ingestBody(account: string, events: readonly unknown[]): Promise<EventsAnswer> {
    return this.db.transaction(async (tx) => {
      // One body of an account at a time: a start and its end in two concurrent bodies must meet.
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7316))', [account]);
      const existing = await tx.query('SELECT id, name, parent_id FROM kre_organizations WHERE account = $1 ORDER BY seq', [account]);
      const plan = planEvents(
        events,
        existing.map((r) => ({ id: r.id as string, name: r.name as string, parentId: (r.parent_id as string | null) ?? null })),
      );
      const answer = await applyPlan(tx, account, plan);
      if (answer.accepted > 0) {
        await tx.query(
          'INSERT INTO kre_accounts (account, version) VALUES ($1, 1) ON CONFLICT (account) DO UPDATE SET version = kre_accounts.version + 1',
          [account],
        );
      }
      return answer;
    });
  }

  async hasData(account: string): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM kre_organizations WHERE account = $1) OR EXISTS (SELECT 1 FROM kre_sessions WHERE account = $1)
           OR EXISTS (SELECT 1 FROM kre_denials WHERE account = $1) OR EXISTS (SELECT 1 FROM kre_allocations WHERE account = $1)
           OR EXISTS (SELECT 1 FROM kre_pending_ends WHERE account = $1) AS any`,
      [account],
    );
    return row.any === true;
  }

  async dataset(account: string): Promise<Dataset> {
    const q = (text: string): Promise<Row[]> => this.db.query(text, [account]);
    const [organizations, allocations, sessions, denials] = await Promise.all([
      q('SELECT id, name, parent_id FROM kre_organizations WHERE account = $1 ORDER BY seq'),
      q('SELECT product, organization_id, kre_ms(effective_from) AS at, sessions FROM kre_allocations WHERE account = $1 ORDER BY product, organization_id, effective_from'),
      q(`SELECT product, session_id, kre_ms(started) AS started, kre_ms(ended) AS ended, user_name, user_email, machine_id,
                license_source, organization_id, license_type FROM kre_sessions WHERE account = $1 ORDER BY started, session_id`),
      q(`SELECT product, request_id, kre_ms(at) AS at, user_name, user_email, machine_id, license_source, organization_id
         FROM kre_denials WHERE account = $1 ORDER BY at, request_id`),
    ]);
    return {
      organizations: organizations.map((r) => ({ id: r.id as string, name: r.name as string, parentId: (r.parent_id as string | null) ?? null })),
      allocations: allocations.map((r) => ({
        product: r.product as Product,
        organizationId: (r.organization_id as string | null) ?? null,
        effectiveFrom: formatUtc(num(r.at)),
        sessions: num(r.sessions),
      })),
      sessions: sessions.map((r) => ({
        sessionId: r.session_id as string,
        product: r.product as Product,
        user: { name: r.user_name as string, email: r.user_email as string },
        machineId: r.machine_id as string,
        licenseSource: r.license_source as string,
        organizationId: (r.organization_id as string | null) ?? null,
        licenseType: r.license_type as string,
        started: formatUtc(num(r.started)),
        ended: r.ended === null ? null : formatUtc(num(r.ended)),
      })),
      denials: denials.map((r) => ({
        requestId: r.request_id as string,
        product: r.product as Product,
        at: formatUtc(num(r.at)),
        user: { name: r.user_name as string, email: r.user_email as string },
        machineId: r.machine_id as string,
        licenseSource: r.license_source as string,
        organizationId: (r.organization_id as string | null) ?? null,
      })),
    };
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

async function count(tx: SqlQueryable, text: string, params: readonly unknown[]): Promise<number> {
  const [row] = await tx.query(text, params);
  return num(row.n);
}

/** Stores a planned body: what is new is inserted, what is already stored is a duplicate. */
async function applyPlan(tx: SqlQueryable, account: string, plan: EventPlan): Promise<EventsAnswer> {
  let accepted = plan.organizationChanges;
  let duplicates = plan.duplicates + plan.organizationDuplicates;
  if (plan.organizationChanges > 0) {
    await tx.query(
      `INSERT INTO kre_organizations AS o (account, id, name, parent_id, seq, path, sort_key, sort_text)
       SELECT $1, x.id, x.name, x."parentId", x.seq, x.path, x.sort_key, x.sort_text
       FROM json_to_recordset($2::json) AS x(id text, name text, "parentId" text, seq integer, path text[], sort_key text, sort_text text)
       ON CONFLICT (account, id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, seq = excluded.seq,
         path = excluded.path, sort_key = excluded.sort_key, sort_text = excluded.sort_text
       WHERE (o.name, o.parent_id, o.seq, o.path, o.sort_key, o.sort_text) IS DISTINCT FROM
             (excluded.name, excluded.parent_id, excluded.seq, excluded.path, excluded.sort_key, excluded.sort_text)`,
      [account, JSON.stringify(organizationRows(plan.organizations))],
    );
  }
  if (plan.starts.length) {
    const rows = plan.starts.map((s) => ({
      p: s.product,
      id: s.sessionId,
      t: formatUtc(s.started),
      n: s.name,
      e: s.email,
      m: s.machineId,
      ls: s.licenseSource,
      o: s.organizationId,
      lt: s.licenseType,
      nk: textSortKey(s.name),
      ek: textSortKey(s.email),
      ik: textSortKey(s.sessionId),
      mk: textSortKey(s.machineId),
      sk: textSortKey(s.licenseSource),
      tk: textSortKey(s.licenseType),
      q: searchText(s.name, s.email, s.sessionId, s.machineId),
    }));
    const inserted = await count(
      tx,
      `WITH ins AS (
         INSERT INTO kre_sessions (account, product, session_id, started, user_name, user_email, machine_id, license_source,
           organization_id, license_type, user_key, email_key, session_key, machine_key, source_key, type_key, search)
         SELECT $1, x.p, x.id, x.t::timestamptz, x.n, x.e, x.m, x.ls, x.o, x.lt, x.nk, x.ek, x.ik, x.mk, x.sk, x.tk, x.q
         FROM json_to_recordset($2::json) AS x(p text, id text, t text, n text, e text, m text, ls text, o text, lt text,
           nk text, ek text, ik text, mk text, sk text, tk text, q text)
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*) AS n FROM ins`,
      [account, JSON.stringify(rows)],
    );
    accepted += inserted;
    duplicates += plan.starts.length - inserted;
    // CONTRACT 3.5: an end that arrived before its start is applied when the start arrives.
    const [pending] = await tx.query('SELECT EXISTS (SELECT 1 FROM kre_pending_ends WHERE account = $1) AS any', [account]);
    if (pending.any) {
      await tx.query(
        `WITH x AS (SELECT * FROM unnest($2::text[], $3::text[]) AS x(p, id)),
         applied AS (
           DELETE FROM kre_pending_ends e USING x WHERE e.account = $1 AND e.product = x.p AND e.session_id = x.id
           RETURNING e.product, e.session_id, e.ended)
         UPDATE kre_sessions s SET ended = a.ended FROM applied a
         WHERE s.account = $1 AND s.product = a.product AND s.session_id = a.session_id`,
        [account, rows.map((r) => r.p), rows.map((r) => r.id)],
      );
    }
  }
  if (plan.ends.length) {
    // Arrays, not JSON: the planner then knows how many ends there are and probes the primary key
    // for each, whatever the table's size.
    const applied = await count(
      tx,
      `WITH e AS MATERIALIZED (SELECT * FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS e(p, id, t)),
       upd AS (
         UPDATE kre_sessions s SET ended = e.t FROM e
         WHERE s.account = $1 AND s.product = e.p AND s.session_id = e.id AND s.ended IS NULL RETURNING 1),
       pend AS (
         INSERT INTO kre_pending_ends (account, product, session_id, ended)
         SELECT $1, e.p, e.id, e.t FROM e
         WHERE NOT EXISTS (SELECT 1 FROM kre_sessions s WHERE s.account = $1 AND s.product = e.p AND s.session_id = e.id)
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT (SELECT count(*) FROM upd) + (SELECT count(*) FROM pend) AS n`,
      [account, plan.ends.map((e) => e.product), plan.ends.map((e) => e.sessionId), plan.ends.map((e) => formatUtc(e.ended))],
    );
    accepted += applied;
    duplicates += plan.ends.length - applied;
  }
  if (plan.denials.length) {
    const rows = plan.denials.map((d) => ({
      p: d.product,
      id: d.requestId,
      t: formatUtc(d.at),
      n: d.name,
      e: d.email,
      m: d.machineId,
      ls: d.licenseSource,
      o: d.organizationId,
    }));
    const inserted = await count(
      tx,
      `WITH ins AS (
         INSERT INTO kre_denials (account, product, request_id, at, user_name, user_email, machine_id, license_source, organization_id)
         SELECT $1, x.p, x.id, x.t::timestamptz, x.n, x.e, x.m, x.ls, x.o
         FROM json_to_recordset($2::json) AS x(p text, id text, t text, n text, e text, m text, ls text, o text)
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*) AS n FROM ins`,
      [account, JSON.stringify(rows)],
    );
    accepted += inserted;
    duplicates += plan.denials.length - inserted;
  }
  if (plan.allocations.length) {
    const rows = plan.allocations.map((a) => ({ p: a.product, o: a.organizationId, t: formatUtc(a.effectiveFrom), s: a.sessions }));
    const inserted = await count(
      tx,
      `WITH ins AS (
         INSERT INTO kre_allocations (account, product, organization_id, effective_from, sessions)
         SELECT $1, x.p, x.o, x.t::timestamptz, x.s FROM json_to_recordset($2::json) AS x(p text, o text, t text, s integer)
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*) AS n FROM ins`,
      [account, JSON.stringify(rows)],
    );
    accepted += inserted;
    duplicates += plan.allocations.length - inserted;
  }
  return { accepted, duplicates, rejected: plan.rejected };
}
