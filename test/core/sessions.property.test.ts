/**
 * Property tests: `querySessions` equals the brute-force oracle (./oracle.ts, CONTRACT 1.1) on
 * random small datasets, for every sort field and order (ties by sessionId ascending whatever the
 * order), offset/limit, q, licenseSources, organizationIds, activeAt and a pinned asOf (an asOf
 * after the service's now is a ContractError naming `asOf`). fast-check prints the seed and the
 * shrunk counterexample on failure.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ContractError,
  SORT_FIELDS,
  computeUsage,
  querySessions,
  type Dataset,
  type SessionsQuery,
  type SessionsResponse,
} from '../../src/core/index.js';
import { SOURCES, isoUtc, oracleSessions, scenarioArb, writeInstant, type Scenario } from './oracle.js';

const RUNS = 200;

const rawQuery = fc.record({
  sort: fc.option(fc.constantFrom(...SORT_FIELDS), { freq: 6 }),
  order: fc.option(fc.constantFrom('asc' as const, 'desc' as const), { freq: 4 }),
  offset: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 35 })), { freq: 3 }),
  limit: fc.option(fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 40 }), fc.constant(1000)), { freq: 3 }),
  q: fc.oneof(
    { weight: 4, arbitrary: fc.constant<{ kind: 'none' } | { kind: 'field'; n: number; field: number; from: number; len: number; flip: boolean } | { kind: 'word'; word: string }>({ kind: 'none' }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('field' as const),
        n: fc.nat(),
        field: fc.nat(),
        from: fc.nat(),
        len: fc.integer({ min: 1, max: 6 }),
        flip: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('word' as const),
        word: fc.constantFrom('', 'ada', 'ADA', 'S-1', 'example', 'ë', 'zz', '9', 'ß', 'é', 'm-1'),
      }),
    },
  ),
  sources: fc.option(fc.uniqueArray(fc.oneof(fc.constantFrom(...SOURCES), fc.constant('Nobody')), { maxLength: 3 }), { freq: 3 }),
  orgs: fc.option(fc.array(fc.nat(), { maxLength: 3 }), { freq: 3 }),
  activeAt: fc.option(
    fc.record({ at: fc.nat(), shift: fc.constantFrom(0, 0, 0, -1000, 1000, 7 * 60_000), offset: fc.constantFrom(0, 0, 60, -240, 345) }),
    { freq: 2 },
  ),
  keepRange: fc.boolean(),
  // A pinned asOf: an interesting instant (sometimes shifted, sometimes after the now: an error),
  // the now itself, or the now plus a little (an error).
  asOf: fc.option(
    fc.oneof(
      fc.record({
        kind: fc.constant('instant' as const),
        at: fc.nat(),
        shift: fc.constantFrom(0, 0, 0, -1, 1, -1000, 7 * 60_000),
        offset: fc.constantFrom(0, 0, 60, -240, 345),
      }),
      fc.record({ kind: fc.constantFrom('now' as const, 'afterNow' as const), offset: fc.constantFrom(0, 60, -240) }),
    ),
    { freq: 2 },
  ),
});

type RawQuery = typeof rawQuery extends fc.Arbitrary<infer T> ? T : never;

/** A concrete query for a scenario: q is often a (case-flipped) piece of a real field. */
function makeQuery(s: Scenario, r: RawQuery): SessionsQuery {
  const query: SessionsQuery = { product: s.product, from: s.from, to: s.to, timeZone: s.timeZone };
  if (r.sort !== null) query.sort = r.sort;
  if (r.order !== null) query.order = r.order;
  if (r.offset !== null) query.offset = r.offset;
  if (r.limit !== null) query.limit = r.limit;
  if (r.q.kind === 'word') query.q = r.q.word;
  if (r.q.kind === 'field' && s.dataset.sessions.length) {
    const x = s.dataset.sessions[r.q.n % s.dataset.sessions.length];
    const text = [x.user.name, x.user.email, x.sessionId, x.machineId][r.q.field % 4];
    const start = text.length ? r.q.from % text.length : 0;
    let piece = text.slice(start, start + r.q.len).trim();
    if (r.q.flip) piece = [...piece].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
    // Keep the search text free of characters whose case mapping changes its length (ß -> SS, İ):
    // "case-insensitively" is simple case folding; the oracle lowercases both sides.
    if (piece.toLowerCase().length === piece.length) query.q = piece;
  }
  if (r.sources !== null) query.licenseSources = r.sources;
  if (r.orgs !== null && s.dataset.organizations.length) {
    const orgs = s.dataset.organizations;
    query.organizationIds = [...new Set(r.orgs.map((n) => orgs[n % orgs.length].id))];
  }
  if (r.activeAt !== null) {
    const t = s.instants[r.activeAt.at % s.instants.length] + r.activeAt.shift;
    query.activeAt = writeInstant(t, r.activeAt.offset);
    if (!r.keepRange) {
      delete query.from;
      delete query.to;
    }
  }
  if (r.asOf !== null) {
    const now = Date.parse(s.asOf);
    let t: number;
    if (r.asOf.kind === 'instant') t = s.instants[r.asOf.at % s.instants.length] + r.asOf.shift;
    else t = r.asOf.kind === 'now' ? now : now + 1;
    query.asOf = writeInstant(t, r.asOf.offset);
  }
  return query;
}

/** Whether the query's asOf is after the service's now: core must throw a ContractError naming `asOf`. */
function asOfTooLate(query: SessionsQuery, now: string): boolean {
  return query.asOf !== undefined && Date.parse(query.asOf) > Date.parse(now);
}

const throwsOn = (field: string) => (e: unknown) => e instanceof ContractError && e.field === field;

/** Compare core with the oracle for one query, or check that both refuse an asOf after the now. */
function checkQuery(dataset: Dataset, query: SessionsQuery, now: string | Date): void {
  const nowText = typeof now === 'string' ? now : isoUtc(now.getTime());
  if (asOfTooLate(query, nowText)) {
    assert.throws(() => querySessions(dataset, query, now), throwsOn('asOf'), `asOf after now for ${JSON.stringify(query)}`);
    assert.throws(() => oracleSessions(dataset, query, now));
    return;
  }
  assertSessionsEqual(querySessions(dataset, query, now), oracleSessions(dataset, query, now), query);
}

function assertSessionsEqual(actual: SessionsResponse, expected: SessionsResponse, query: SessionsQuery): void {
  const ctx = JSON.stringify(query);
  assert.equal(actual.total, expected.total, `total for ${ctx}`);
  assert.deepStrictEqual(
    actual.items.map((i) => i.sessionId),
    expected.items.map((i) => i.sessionId),
    `item order for ${ctx}`,
  );
  // compareText is a total order (1.1): the facet list is compared exactly, order included.
  assert.deepStrictEqual(actual.facets.licenseSources, expected.facets.licenseSources, `facets for ${ctx}`);
  // started/ended: the same instant; the contract does not say whether a dataset's own spelling
  // (2026-10-30T10:00+02:00) is echoed or normalised (2026-10-30T08:00:00Z).
  const instants = (r: SessionsResponse) =>
    r.items.map((i) => [Date.parse(i.started), i.ended === null ? null : Date.parse(i.ended)]);
  assert.deepStrictEqual(instants(actual), instants(expected), `started/ended for ${ctx}`);
  for (const i of actual.items) {
    assert.ok(!Number.isNaN(Date.parse(i.started)) && /(Z|[+-]\d{2}:\d{2})$/.test(i.started), `started ${i.started}`);
    if (i.ended !== null) assert.ok(/(Z|[+-]\d{2}:\d{2})$/.test(i.ended), `ended ${i.ended}`);
  }
  const rest = (r: SessionsResponse) => ({
    ...r,
    items: r.items.map((i) => ({ ...i, started: '', ended: i.ended === null ? null : '' })),
    facets: { ...r.facets, licenseSources: [] as string[] },
  });
  assert.deepStrictEqual(rest(actual), rest(expected), `response for ${ctx}`);
}

describe('querySessions equals the brute-force oracle', () => {
  it('random datasets, random queries (sort, order, paging, q, sources, organizations, activeAt, asOf)', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.array(rawQuery, { minLength: 1, maxLength: 6 }), (s, raws) => {
        for (const r of raws) checkQuery(s.dataset, makeQuery(s, r), s.asOf);
      }),
      { numRuns: RUNS },
    );
  });

  it('the service now as a Date', () => {
    fc.assert(
      fc.property(scenarioArb(['day']), rawQuery, (s, r) => checkQuery(s.dataset, makeQuery(s, r), new Date(s.asOf))),
      { numRuns: 50 },
    );
  });

  it('every sort field, both orders, with and without a pinned asOf: equal to the oracle, pages tile the whole list', () => {
    fc.assert(
      fc.property(scenarioArb(['day']), fc.integer({ min: 1, max: 7 }), fc.option(fc.nat()), (s, pageSize, pin) => {
        const now = Date.parse(s.asOf);
        const asOf = pin === null ? undefined : Math.min(now, s.instants[pin % s.instants.length]);
        for (const sort of SORT_FIELDS) {
          for (const order of ['asc', 'desc'] as const) {
            const base: SessionsQuery = { product: s.product, from: s.from, to: s.to, timeZone: s.timeZone, sort, order };
            if (asOf !== undefined) base.asOf = isoUtc(asOf);
            const all = querySessions(s.dataset, { ...base, limit: 1000 }, s.asOf);
            assertSessionsEqual(all, oracleSessions(s.dataset, { ...base, limit: 1000 }, s.asOf), base);
            const paged: string[] = [];
            for (let offset = 0; offset < all.total + pageSize; offset += pageSize) {
              const page = querySessions(s.dataset, { ...base, offset, limit: pageSize }, s.asOf);
              assert.equal(page.total, all.total);
              assert.equal(page.asOf, all.asOf);
              assert.ok(page.items.length <= pageSize);
              paged.push(...page.items.map((i) => i.sessionId));
            }
            assert.deepStrictEqual(paged, all.items.map((i) => i.sessionId), `pages of ${sort} ${order}`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('activeAt lists exactly the sessions whose span contains it (those that make c(t))', () => {
    fc.assert(
      fc.property(scenarioArb(['hour', 'day']), fc.nat(), fc.option(fc.nat(), { freq: 2 }), (s, n, pin) => {
        const t = s.instants[n % s.instants.length];
        const query: SessionsQuery = { product: s.product, timeZone: s.timeZone, activeAt: writeInstant(t, 0), limit: 1000 };
        if (pin !== null) query.asOf = isoUtc(s.instants[pin % s.instants.length]);
        checkQuery(s.dataset, query, s.asOf);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('oracle sanity: the 1.1 sessions list by hand', () => {
  const session = (sessionId: string, name: string, started: string, ended: string | null) => ({
    sessionId, product: 'kre' as const, user: { name, email: `${sessionId}@x` }, machineId: 'm', licenseSource: name,
    organizationId: null, licenseType: 'T', started, ended,
  });
  const dataset: Dataset = {
    organizations: [],
    allocations: [],
    sessions: [
      session('b', 'Same', '2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z'),
      session('a', 'Same', '2026-10-01T09:00:00Z', null),
      session('c', 'Other', '2026-10-01T08:00:00Z', '2026-10-01T12:00:00Z'),
      session('d', 'Later', '2026-10-01T11:00:00Z', null),
    ],
  };
  const base: SessionsQuery = { product: 'kre', from: '2026-10-01', to: '2026-10-01', timeZone: 'UTC' };
  const now = '2026-10-01T13:00:00Z';
  const ids = (q: Partial<SessionsQuery>, at = now) => oracleSessions(dataset, { ...base, ...q }, at).items.map((i) => i.sessionId);

  it('equal sort keys are ordered by sessionId ascending in both orders', () => {
    assert.deepEqual(ids({ sort: 'started', order: 'asc' }), ['c', 'a', 'b', 'd']);
    assert.deepEqual(ids({ sort: 'started', order: 'desc' }), ['d', 'a', 'b', 'c']);
    assert.deepEqual(ids({ sort: 'user', order: 'asc' }), ['d', 'c', 'a', 'b']);
    assert.deepEqual(ids({ sort: 'user', order: 'desc' }), ['a', 'b', 'c', 'd']);
    // ended: active sessions (a, d) last in asc, first in desc, by sessionId among themselves
    assert.deepEqual(ids({ sort: 'ended', order: 'asc' }), ['b', 'c', 'a', 'd']);
    assert.deepEqual(ids({ sort: 'ended', order: 'desc' }), ['a', 'd', 'c', 'b']);
  });

  it('a pinned asOf leaves out later starts and makes running sessions active', () => {
    const r = oracleSessions(dataset, { ...base, sort: 'duration', order: 'desc', asOf: '2026-10-01T09:30:00+00:00' }, now);
    assert.equal(r.asOf, '2026-10-01T09:30:00Z');
    assert.deepEqual(r.items.map((i) => [i.sessionId, i.ended]), [['c', null], ['a', null], ['b', null]]);
    assert.deepEqual(r.facets.licenseSources, ['Other', 'Same']);
    assert.deepEqual(ids({ sort: 'duration', order: 'asc', asOf: '2026-10-01T11:00:00Z' }), ['b', 'a', 'c']);
    assert.deepEqual(ids({ activeAt: '2026-10-01T10:30:00Z', asOf: '2026-10-01T10:30:00Z', from: undefined, to: undefined }), []);
    assert.deepEqual(ids({ activeAt: '2026-10-01T09:59:59Z', asOf: '2026-10-01T10:30:00Z', sort: 'sessionId', order: 'asc' }), ['a', 'b', 'c']);
    // the service's own now cuts the same way: d has not started at 10:00
    assert.deepEqual(ids({ sort: 'sessionId', order: 'asc' }, '2026-10-01T10:00:00Z'), ['a', 'b', 'c']);
    assert.throws(() => oracleSessions(dataset, { ...base, asOf: '2026-10-01T13:00:00.001Z' }, now));
  });
});

describe('dataset and query instants are real instants (found while writing the oracle)', () => {
  // CONTRACT 5: a malformed dataset record or query throws a clear error naming the field. An
  // impossible date such as 2026-02-30 must not be read as 2026-03-02, nor 24:00 as the next day.
  const record = (started: string, ended: string | null = null) => ({
    organizations: [],
    allocations: [],
    sessions: [{ sessionId: 's', product: 'kre' as const, user: { name: 'a', email: 'b' }, machineId: 'm', licenseSource: 'l',
      organizationId: null, licenseType: 't', started, ended }],
  });
  const query: SessionsQuery = { product: 'kre', from: '2026-01-01', to: '2026-12-31', timeZone: 'UTC' };
  const asOf = '2026-12-31T00:00:00Z';
  const throwsOn = (field: string) => (e: unknown) => e instanceof ContractError && e.field === field;

  it('rejects impossible calendar dates and hour 24 in session records', () => {
    for (const bad of ['2026-02-30T08:00:00Z', '2026-02-29T08:00:00Z', '2026-04-31T00:00:00+02:00', '2026-06-31T12:00Z', '2026-10-30T24:00:00Z']) {
      assert.throws(() => querySessions(record(bad), query, asOf), throwsOn('sessions[0].started'), bad);
      assert.throws(() => querySessions(record('2026-01-01T00:00:00Z', bad), query, asOf), throwsOn('sessions[0].ended'), bad);
    }
  });

  it('rejects them in activeAt and allocations too', () => {
    assert.throws(() => querySessions(record('2026-01-01T00:00:00Z'), { ...query, activeAt: '2026-02-29T00:00:00Z' }, asOf), throwsOn('activeAt'));
    const dataset = { organizations: [], sessions: [], allocations: [{ product: 'kre' as const, organizationId: null, effectiveFrom: '2026-09-31T00:00:00Z', sessions: 5 }] };
    assert.throws(
      () => computeUsage(dataset, { product: 'kre', from: '2026-10-01', to: '2026-10-01', interval: 'day', timeZone: 'UTC' }, asOf),
      throwsOn('allocations[0].effectiveFrom'),
    );
  });

  it('still accepts real ones', () => {
    for (const good of ['2028-02-29T08:00:00Z', '2026-01-31T23:59:59.999+05:30', '2026-12-31T23:59:59Z', '2026-04-30T00:00-04:00']) {
      // (a now after 2028, since 1.1 leaves out sessions that start after the now)
      assert.equal(querySessions(record(good), { ...query, from: '2025-01-01', to: '2029-01-01' }, '2030-01-01T00:00:00Z').total, 1, good);
    }
  });
});
