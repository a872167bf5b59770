/**
 * Property tests: `querySessions` equals the brute-force oracle (./oracle.ts) on random small
 * datasets, for every sort field and order, offset/limit, q, licenseSources, organizationIds and
 * activeAt. fast-check prints the seed and the shrunk counterexample on failure.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  SORT_FIELDS,
  compareText,
  querySessions,
  type SessionsQuery,
  type SessionsResponse,
} from '../../src/core/index.js';
import { SOURCES, oracleSessions, scenarioArb, writeInstant, type Scenario } from './oracle.js';

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
  return query;
}

function assertSessionsEqual(actual: SessionsResponse, expected: SessionsResponse, query: SessionsQuery): void {
  const ctx = JSON.stringify(query);
  assert.equal(actual.total, expected.total, `total for ${ctx}`);
  assert.deepStrictEqual(
    actual.items.map((i) => i.sessionId),
    expected.items.map((i) => i.sessionId),
    `item order for ${ctx}`,
  );
  // The facet's order among collation-equal names ('Acme Corp', 'acme corp') is not fixed by the
  // contract: compare it as a set, and check it is in compareText order.
  const codeUnits = (list: string[]) => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  assert.deepStrictEqual(codeUnits(actual.facets.licenseSources), codeUnits(expected.facets.licenseSources), `facets for ${ctx}`);
  const f = actual.facets.licenseSources;
  for (let i = 1; i < f.length; i++) assert.ok(compareText(f[i - 1], f[i]) <= 0, `facet order ${JSON.stringify(f)}`);
  assert.deepStrictEqual(
    { ...actual, facets: { ...actual.facets, licenseSources: [] } },
    { ...expected, facets: { ...expected.facets, licenseSources: [] } },
    `response for ${ctx}`,
  );
}

describe('querySessions equals the brute-force oracle', () => {
  it('random datasets, random queries (sort, order, paging, q, sources, organizations, activeAt)', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.array(rawQuery, { minLength: 1, maxLength: 6 }), (s, raws) => {
        for (const r of raws) {
          const query = makeQuery(s, r);
          assertSessionsEqual(querySessions(s.dataset, query, s.asOf), oracleSessions(s.dataset, query, s.asOf), query);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every sort field, both orders: desc is the exact reverse of asc, pages tile the whole list', () => {
    fc.assert(
      fc.property(scenarioArb(['day']), fc.integer({ min: 1, max: 7 }), (s, pageSize) => {
        for (const sort of SORT_FIELDS) {
          const base: SessionsQuery = { product: s.product, from: s.from, to: s.to, timeZone: s.timeZone, sort };
          const all = (order: 'asc' | 'desc') => querySessions(s.dataset, { ...base, order, limit: 1000 }, s.asOf);
          const asc = all('asc');
          const desc = all('desc');
          assert.deepStrictEqual(
            desc.items.map((i) => i.sessionId),
            asc.items.map((i) => i.sessionId).reverse(),
            `desc reverses asc for ${sort}`,
          );
          assertSessionsEqual(asc, oracleSessions(s.dataset, { ...base, order: 'asc', limit: 1000 }, s.asOf), { ...base, order: 'asc' });
          const paged: string[] = [];
          for (let offset = 0; offset < asc.total + pageSize; offset += pageSize) {
            const page = querySessions(s.dataset, { ...base, order: 'asc', offset, limit: pageSize }, s.asOf);
            assert.equal(page.total, asc.total);
            assert.ok(page.items.length <= pageSize);
            paged.push(...page.items.map((i) => i.sessionId));
          }
          assert.deepStrictEqual(paged, asc.items.map((i) => i.sessionId), `pages of ${sort}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('activeAt lists exactly the sessions whose span contains it (those that make c(t))', () => {
    fc.assert(
      fc.property(scenarioArb(['hour', 'day']), fc.nat(), (s, n) => {
        const t = s.instants[n % s.instants.length];
        const query: SessionsQuery = { product: s.product, timeZone: s.timeZone, activeAt: writeInstant(t, 0), limit: 1000 };
        assertSessionsEqual(querySessions(s.dataset, query, s.asOf), oracleSessions(s.dataset, query, s.asOf), query);
      }),
      { numRuns: RUNS },
    );
  });
});
