/**
 * Every store answers exactly what core answers over the account's data (CONTRACT 7): whole
 * answers compared with deepStrictEqual (the same numbers, rows, order and strings, or the same
 * ContractError), for the contract fixtures and for fast-check random datasets (scenarioArb of
 * test/core: random zones, organization trees, allocations, denials and sessions): usage in every
 * interval, sessions in every sort and order with search, filters, paging, asOf and activeAt, and
 * capacity with replay.
 *
 * Runs: KRE_EQUALITY_RUNS (default 60 per SQL store, 3x that for memory).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SORT_FIELDS, type SessionsQuery } from '../../src/core/index.js';
import { SOURCES, ZONES, scenarioArb, writeInstant, type Scenario } from '../core/oracle.js';
import { offsetMinutes } from '../../src/core/tz.js';
import type { SqlDb } from '../../src/server/sql/sql-store.js';
import { FIXTURES } from './fixtures.js';
import { assertSameCapacity, assertSameSessions, assertSameUsage, loadInto, openTestStore, storeKinds, type OpenedStore } from './harness.js';

const RUNS = Number(process.env.KRE_EQUALITY_RUNS ?? 60);
const kinds = await storeKinds();

const rawSessionsQuery = fc.record({
  sort: fc.option(fc.constantFrom(...SORT_FIELDS), { freq: 8 }),
  order: fc.option(fc.constantFrom('asc' as const, 'desc' as const), { freq: 4 }),
  offset: fc.option(fc.integer({ min: 0, max: 30 }), { freq: 3 }),
  limit: fc.option(fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 25 }), fc.constant(1000)), { freq: 3 }),
  q: fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.record({ n: fc.nat(), field: fc.nat(), from: fc.nat(), len: fc.integer({ min: 1, max: 5 }), flip: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constantFrom('ada', 'ADA', 'S-1', '%', '_', '\\', 'é', 'ß', '9', ' zz ', 'Ω') },
  ),
  sources: fc.option(fc.uniqueArray(fc.oneof(fc.constantFrom(...SOURCES), fc.constant('Nobody')), { maxLength: 3 }), { freq: 3 }),
  orgs: fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), { freq: 3 }),
  activeAt: fc.option(fc.record({ at: fc.nat(), shift: fc.constantFrom(0, 0, -1000, 1000, 420_000), offset: fc.constantFrom(0, 60, -240, 345) }), { freq: 3 }),
  asOf: fc.option(fc.record({ at: fc.nat(), shift: fc.constantFrom(0, 0, -1, 1, 60_000), offset: fc.constantFrom(0, 60, -240) }), { freq: 3 }),
});
type RawSessionsQuery = typeof rawSessionsQuery extends fc.Arbitrary<infer T> ? T : never;

/** A sessions query for a scenario: q is often a (case-flipped) piece of a real field. */
function sessionsQuery(s: Scenario, r: RawSessionsQuery): SessionsQuery {
  const query: SessionsQuery = { product: s.product, from: s.from, to: s.to, timeZone: s.timeZone };
  if (r.sort !== null) query.sort = r.sort;
  if (r.order !== null) query.order = r.order;
  if (r.offset !== null) query.offset = r.offset;
  if (r.limit !== null) query.limit = r.limit;
  if (typeof r.q === 'string') query.q = r.q;
  else if (r.q !== null && s.dataset.sessions.length) {
    const x = s.dataset.sessions[r.q.n % s.dataset.sessions.length];
    const text = [x.user.name, x.user.email, x.sessionId, x.machineId][r.q.field % 4];
    const start = text.length ? r.q.from % text.length : 0;
    let piece = text.slice(start, start + r.q.len);
    if (r.q.flip) piece = [...piece].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
    query.q = piece;
  }
  if (r.sources !== null) query.licenseSources = r.sources;
  const orgs = s.dataset.organizations;
  if (r.orgs !== null && orgs.length) query.organizationIds = [...new Set(r.orgs.map((n) => orgs[n % orgs.length].id))];
  if (r.activeAt !== null) {
    query.activeAt = writeInstant(s.instants[r.activeAt.at % s.instants.length] + r.activeAt.shift, r.activeAt.offset);
    if (r.activeAt.at % 2 === 0) {
      delete query.from;
      delete query.to;
    }
  }
  // Sometimes after the now: both refuse it (a ContractError naming asOf).
  if (r.asOf !== null) query.asOf = writeInstant(s.instants[r.asOf.at % s.instants.length] + r.asOf.shift, r.asOf.offset);
  return query;
}

for (const kind of kinds) {
  describe(`the ${kind} store answers exactly what core answers`, () => {
    let opened: OpenedStore;
    before(async () => {
      opened = await openTestStore(kind);
    });
    after(() => opened?.close());

    for (const fixture of FIXTURES) {
      it(`fixture: ${fixture.name}`, async () => {
        const { store } = opened;
        const account = await loadInto(store, fixture.dataset, 'fixture');
        for (const q of fixture.usage) await assertSameUsage(store, account, fixture.dataset, q, fixture.asOf);
        for (const q of fixture.sessions) await assertSameSessions(store, account, fixture.dataset, q, fixture.asOf);
        for (const q of fixture.capacity) await assertSameCapacity(store, account, fixture.dataset, q, fixture.asOf);
        // The account's data read back is the dataset (core answers the same over either).
        const back = await store.dataset(account);
        assert.deepEqual(back.organizations, fixture.dataset.organizations);
        assert.equal(back.sessions.length, fixture.dataset.sessions.length);
      });
    }

    if (kind !== 'memory') {
      it('the database\'s tz database agrees with core\'s (Node\'s) for the zones of the suites, 2024 to 2028', async () => {
        const db = (opened.store as unknown as { db: SqlDb }).db;
        for (const zone of ZONES) db.useZone?.(zone);
        const rows = await db.query(
          `SELECT z, kre_ms(t) AS ms, extract(epoch FROM kre_offset(z, t)) / 60 AS minutes
           FROM unnest($1::text[]) z, generate_series('2024-01-01T00:00:00Z'::timestamptz, '2029-01-01T00:00:00Z', interval '3 hours') t`,
          [[...ZONES]],
        );
        const wrong = rows.filter((r) => Number(r.minutes) !== offsetMinutes(r.z as string, Number(r.ms)));
        assert.deepEqual(wrong.slice(0, 3), []);
      });
    }

    it('an unknown organization is core\'s error; an account with no data answers as core over an empty dataset', async () => {
      const { store } = opened;
      const empty = { organizations: [], allocations: [], sessions: [] };
      const asOf = '2026-10-31T10:15:00Z';
      const account = 'nobody-has-written-here';
      await assertSameUsage(store, account, empty, { product: 'kre', from: '2026-10-01', to: '2026-10-31', interval: 'day', timeZone: 'UTC', organizationIds: ['ghost'] }, asOf);
      await assertSameSessions(store, account, empty, { product: 'kre', from: '2026-10-01', to: '2026-10-31', timeZone: 'UTC' }, asOf);
      await assertSameSessions(store, account, empty, { product: 'kre', from: '2026-10-01', to: '2026-10-31', timeZone: 'UTC', asOf: '2026-11-01T00:00:00Z' }, asOf);
      await assertSameCapacity(store, account, empty, { product: 'testcloud', from: '2026-10-01', to: '2026-10-31', timeZone: 'UTC', licenses: 3 }, asOf);
      await assertSameUsage(store, account, empty, { product: 'kre', from: '2026-10-01', to: '2026-12-31', interval: 'hour', timeZone: 'UTC' }, asOf);
    });

    it(`random datasets: usage, sessions and capacity (${kind === 'memory' ? RUNS * 3 : RUNS} runs)`, { timeout: 900_000 }, async () => {
      const { store } = opened;
      await fc.assert(
        fc.asyncProperty(scenarioArb(), fc.array(rawSessionsQuery, { minLength: 3, maxLength: 3 }), async (s, raws) => {
          const account = await loadInto(store, s.dataset, 'random');
          await assertSameUsage(
            store,
            account,
            s.dataset,
            { product: s.product, from: s.from, to: s.to, interval: s.interval, timeZone: s.timeZone, organizationIds: s.organizationIds },
            s.asOf,
          );
          for (const raw of raws) await assertSameSessions(store, account, s.dataset, sessionsQuery(s, raw), s.asOf);
          await assertSameCapacity(
            store,
            account,
            s.dataset,
            { product: s.product, from: s.from, to: s.to, timeZone: s.timeZone, organizationIds: s.organizationIds, licenses: s.licenses },
            s.asOf,
          );
        }),
        { numRuns: kind === 'memory' ? RUNS * 3 : RUNS },
      );
    });
  });
}
