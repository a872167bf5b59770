/**
 * Property tests: `computeCapacity` equals the brute-force oracle of CONTRACT 1.1 sections 3.4 and
 * 4 "capacity" (./oracle.ts) on random small datasets and queries, with and without `licenses`;
 * plus hand-computed anchors for the oracle itself. fast-check prints the seed and the shrunk
 * counterexample on failure.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  computeCapacity,
  type CapacityQuery,
  type CapacityResponse,
  type Dataset,
  type SessionRecord,
} from '../../src/core/index.js';
import { oracleCapacity, oracleUsage, scenarioArb, type Scenario } from './oracle.js';

const RUNS = 200;

function queryOf(s: Scenario, licenses = s.licenses): CapacityQuery {
  const query: CapacityQuery = { product: s.product, from: s.from, to: s.to, timeZone: s.timeZone };
  if (s.organizationIds.length) query.organizationIds = s.organizationIds;
  if (licenses !== undefined) query.licenses = licenses;
  return query;
}

/** Deep equality, with byHour's means compared within 1e-9. */
function assertCapacityEqual(actual: CapacityResponse, expected: CapacityResponse, query: CapacityQuery): void {
  const ctx = JSON.stringify(query);
  assert.equal(actual.byHour.length, expected.byHour.length, `byHour length for ${ctx}`);
  actual.byHour.forEach((h, i) => {
    const e = expected.byHour[i].averagePeak;
    assert.ok(Math.abs(h.averagePeak - e) <= 1e-9, `byHour[${i}].averagePeak: expected ${e}, got ${h.averagePeak} for ${ctx}`);
  });
  const strip = (r: CapacityResponse) => ({ ...r, byHour: r.byHour.map((h) => ({ ...h, averagePeak: 0 })) });
  assert.deepStrictEqual(strip(actual), strip(expected), `response for ${ctx}`);
}

function check(s: Scenario, licenses = s.licenses, asOf: string | Date = s.asOf): void {
  const query = queryOf(s, licenses);
  assertCapacityEqual(computeCapacity(s.dataset, query, asOf), oracleCapacity(s.dataset, query, s.asOf), query);
}

// ---------------------------------------------------------------------------------------------
// Anchors: tiny datasets computed by hand.

const session = (sessionId: string, started: string, ended: string | null, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  sessionId,
  product: 'kre',
  user: { name: sessionId, email: `${sessionId}@x` },
  machineId: 'm',
  licenseSource: 'S',
  organizationId: null,
  licenseType: 'T',
  started,
  ended,
  ...extra,
});

const zeroHours = (except: Array<[number, number, number, number]>) => {
  const out = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const hit = except.find(([w, h]) => w === weekday && h === hour);
      out.push({ weekday, hour, peak: hit ? hit[2] : 0, averagePeak: hit ? hit[3] : 0 });
    }
  }
  return out;
};

describe('oracle sanity: capacity by hand', () => {
  // Monday 2026-10-05, UTC. a 09:00-11:00, b 10:00-12:00, c 10:30-10:45: c(t) is 1, 2, 3, 2, 1.
  const three: Dataset = {
    organizations: [],
    allocations: [{ product: 'kre', organizationId: null, effectiveFrom: '2026-10-05T10:00:00Z', sessions: 2 }],
    sessions: [
      session('a', '2026-10-05T09:00:00Z', '2026-10-05T11:00:00Z'),
      session('b', '2026-10-05T10:00:00Z', '2026-10-05T12:00:00Z'),
      session('c', '2026-10-05T10:30:00Z', '2026-10-05T10:45:00Z'),
      session('t', '2026-10-05T10:00:00Z', null, { product: 'testcloud' }),
    ],
    denials: [
      { requestId: 'r-1', product: 'kre', at: '2026-10-05T10:30:00Z', user: { name: 'x', email: 'x' }, machineId: 'm',
        licenseSource: 'S', organizationId: null },
      { requestId: 'r-2', product: 'kre', at: '2026-10-06T00:00:00Z', user: { name: 'x', email: 'x' }, machineId: 'm',
        licenseSource: 'S', organizationId: null },
    ],
  };
  const q: CapacityQuery = { product: 'kre', from: '2026-10-05', to: '2026-10-05', timeZone: 'UTC' };
  const asOf = '2026-10-10T00:00:00Z';

  it('levels, coverage, byHour, available and denied', () => {
    const r = oracleCapacity(three, q, asOf);
    assert.deepStrictEqual(r, {
      product: 'kre', timeZone: 'UTC', from: '2026-10-05', to: '2026-10-05', asOf,
      seconds: 86_400,
      levels: [
        { level: 0, seconds: 75_600 },
        { level: 1, seconds: 7200 },
        { level: 2, seconds: 2700 },
        { level: 3, seconds: 900 },
      ],
      // c <= 0 87.5 %, c <= 1 95.83 %, c <= 2 98.96 % of the day
      coverage: { p50: 0, p90: 1, p95: 1, p99: 3, max: 3 },
      byHour: zeroHours([[1, 9, 1, 1], [1, 10, 3, 3], [1, 11, 1, 1]]),
      available: 2,
      denied: 1,
    });
  });

  it('replay: L = 0, 1, 2, 3', () => {
    const replay = (licenses: number) => oracleCapacity(three, { ...q, licenses }, asOf).replay;
    assert.deepStrictEqual(replay(0), { licenses: 0, refused: 3, secondsOver: 10_800, peak: 0 });
    assert.deepStrictEqual(replay(1), { licenses: 1, refused: 2, secondsOver: 3600, peak: 1 });
    assert.deepStrictEqual(replay(2), { licenses: 2, refused: 1, secondsOver: 900, peak: 2 });
    assert.deepStrictEqual(replay(3), { licenses: 3, refused: 0, secondsOver: 0, peak: 3 });
    assert.equal('replay' in oracleCapacity(three, q, asOf), false);
  });

  it('clipped at an asOf with milliseconds: fractional seconds, running sessions cut there', () => {
    const r = oracleCapacity(three, { ...q, licenses: 1 }, '2026-10-05T10:40:00.500Z');
    assert.equal(r.seconds, 38_400.5);
    assert.deepStrictEqual(r.levels, [
      { level: 0, seconds: 32_400 },
      { level: 1, seconds: 3600 },
      { level: 2, seconds: 1800 },
      { level: 3, seconds: 600.5 },
    ]);
    assert.deepStrictEqual(r.replay, { licenses: 1, refused: 2, secondsOver: 2400.5, peak: 1 });
    assert.equal(r.available, 2);
    assert.equal(r.denied, 1);
    assert.deepStrictEqual(r.byHour, zeroHours([[1, 9, 1, 1], [1, 10, 3, 3]]));
  });

  it('an empty clipped range (asOf at the range start)', () => {
    const r = oracleCapacity(three, { ...q, licenses: 4 }, '2026-10-05T00:00:00Z');
    assert.deepStrictEqual(r, {
      product: 'kre', timeZone: 'UTC', from: '2026-10-05', to: '2026-10-05', asOf: '2026-10-05T00:00:00Z',
      seconds: 0, levels: [{ level: 0, seconds: 0 }], coverage: { p50: 0, p90: 0, p95: 0, p99: 0, max: 0 },
      byHour: zeroHours([]), available: 0, denied: 0, replay: { licenses: 4, refused: 0, secondsOver: 0, peak: 0 },
    });
  });

  it('replay: a session from before the range, back-to-back frees first, never-active ones left out, ties by sessionId', () => {
    const dataset: Dataset = {
      organizations: [],
      allocations: [],
      sessions: [
        session('z', '2026-10-04T23:00:00Z', '2026-10-05T09:30:00Z'), // started the day before
        session('a', '2026-10-05T09:00:00Z', '2026-10-05T11:00:00Z'),
        session('e', '2026-10-05T11:00:00Z', '2026-10-05T12:00:00Z'), // starts as a ends
        session('f', '2026-10-05T10:00:00Z', '2026-10-05T10:00:00Z'), // never active
        session('old', '2026-10-04T08:00:00Z', '2026-10-05T00:00:00Z'), // ends at the range start
      ],
    };
    const r = oracleCapacity(dataset, { ...q, licenses: 1 }, asOf);
    // c: 1 (z) until 09:00, 2 until 09:30, 1 (a) until 11:00, 1 (e) until 12:00, then 0
    assert.deepStrictEqual(r.levels, [{ level: 0, seconds: 43_200 }, { level: 1, seconds: 41_400 }, { level: 2, seconds: 1800 }]);
    assert.deepStrictEqual(r.coverage, { p50: 0, p90: 1, p95: 1, p99: 2, max: 2 }); // c <= 0 exactly 50 %
    // z admitted, a refused (z holds the license until 09:30), e admitted at 11:00
    assert.deepStrictEqual(r.replay, { licenses: 1, refused: 1, secondsOver: 1800, peak: 1 });

    // Ties in `started` by sessionId in code-point order: 'b10' before 'b2'.
    const ties: Dataset = {
      organizations: [],
      allocations: [],
      sessions: [
        session('b2', '2026-10-05T08:00:00Z', '2026-10-05T12:00:00Z'),
        session('b10', '2026-10-05T08:00:00Z', '2026-10-05T10:00:00Z'),
        session('h', '2026-10-05T11:00:00Z', '2026-10-05T11:30:00Z'),
      ],
    };
    // b10 admitted, b2 refused, h admitted (b10 ended at 10:00); the real c exceeds 1 from 08:00 to 10:00 and 11:00-11:30
    assert.deepStrictEqual(oracleCapacity(ties, { ...q, licenses: 1 }, asOf).replay, { licenses: 1, refused: 1, secondsOver: 9000, peak: 1 });
  });

  it('byHour: two Mondays, a repeated hour counts twice, a skipped one not at all', () => {
    const mondays: Dataset = {
      organizations: [],
      allocations: [],
      sessions: [
        session('a', '2026-10-05T10:00:00Z', '2026-10-05T11:00:00Z'),
        session('b', '2026-10-12T10:15:00Z', '2026-10-12T10:30:00Z'),
        session('c', '2026-10-12T10:20:00Z', '2026-10-12T10:40:00Z'),
      ],
    };
    const r = oracleCapacity(mondays, { ...q, to: '2026-10-18' }, '2026-11-30T00:00:00Z');
    assert.deepStrictEqual(r.byHour, zeroHours([[1, 10, 2, 1.5]]));

    // Berlin, Sunday 2026-10-25: 02:00-03:00 happens twice (+02:00, then +01:00); a session in the first.
    const fallBack: Dataset = { organizations: [], allocations: [], sessions: [session('a', '2026-10-25T00:00:00Z', '2026-10-25T00:30:00Z')] };
    const berlin = { ...q, from: '2026-10-25', to: '2026-10-25', timeZone: 'Europe/Berlin' };
    const fb = oracleCapacity(fallBack, berlin, '2026-11-30T00:00:00Z');
    assert.equal(fb.seconds, 25 * 3600);
    assert.deepStrictEqual(fb.byHour, zeroHours([[7, 2, 1, 0.5]]));
    // Berlin, Sunday 2026-03-29: 02:00-03:00 is skipped; a session at 03:00 local (01:00Z) lands in hour 3.
    const springForward: Dataset = { organizations: [], allocations: [], sessions: [session('a', '2026-03-29T01:00:00Z', '2026-03-29T01:30:00Z')] };
    const sf = oracleCapacity(springForward, { ...berlin, from: '2026-03-29', to: '2026-03-29' }, '2026-11-30T00:00:00Z');
    assert.equal(sf.seconds, 23 * 3600);
    assert.deepStrictEqual(sf.byHour, zeroHours([[7, 3, 1, 1]]));
  });

  it('the organization filter: sessions and denials of the matched organizations, scopes up to the account', () => {
    const dataset: Dataset = {
      organizations: [
        { id: 'root', name: 'Root', parentId: null },
        { id: 'qa', name: 'QA', parentId: 'root' },
        { id: 'dev', name: 'Dev', parentId: 'root' },
      ],
      allocations: [
        { product: 'kre', organizationId: null, effectiveFrom: '2026-09-01T00:00:00Z', sessions: 10 },
        { product: 'kre', organizationId: 'root', effectiveFrom: '2026-09-01T00:00:00Z', sessions: 4 },
        { product: 'kre', organizationId: 'qa', effectiveFrom: '2026-09-01T00:00:00Z', sessions: 2 },
        { product: 'kre', organizationId: 'dev', effectiveFrom: '2026-09-01T00:00:00Z', sessions: 1 },
      ],
      sessions: [
        session('a', '2026-10-05T09:00:00Z', '2026-10-05T10:00:00Z', { organizationId: 'qa' }),
        session('b', '2026-10-05T09:00:00Z', '2026-10-05T10:00:00Z', { organizationId: 'dev' }),
        session('c', '2026-10-05T09:00:00Z', '2026-10-05T10:00:00Z', { organizationId: null }),
      ],
      denials: [
        { requestId: 'r-1', product: 'kre', at: '2026-10-05T09:00:00Z', user: { name: 'x', email: 'x' }, machineId: 'm',
          licenseSource: 'S', organizationId: 'qa' },
        { requestId: 'r-2', product: 'kre', at: '2026-10-05T09:00:00Z', user: { name: 'x', email: 'x' }, machineId: 'm',
          licenseSource: 'S', organizationId: null },
      ],
    };
    const all = oracleCapacity(dataset, { ...q, licenses: 2 }, asOf);
    assert.deepStrictEqual([all.coverage.max, all.available, all.denied, all.replay!.refused], [3, 17, 2, 1]);
    const qa = oracleCapacity(dataset, { ...q, licenses: 2, organizationIds: ['qa'] }, asOf);
    assert.deepStrictEqual([qa.coverage.max, qa.available, qa.denied, qa.replay!.refused], [1, 16, 1, 0]);
    const root = oracleCapacity(dataset, { ...q, organizationIds: ['root'] }, asOf);
    assert.deepStrictEqual([root.coverage.max, root.available, root.denied], [2, 17, 1]);
  });

  it('agrees with the usage oracle on available and denied (the summary of 3.1)', () => {
    fc.assert(
      fc.property(scenarioArb(['day']), (s) => {
        const cap = oracleCapacity(s.dataset, queryOf(s), s.asOf);
        const usage = oracleUsage(s.dataset, { ...queryOf(s), interval: 'day' }, s.asOf);
        assert.equal(cap.available, usage.summary.available);
        assert.equal(cap.denied, usage.summary.denied);
        assert.equal(cap.coverage.max, usage.summary.peak);
        assert.ok(Math.abs(cap.levels.reduce((n, l) => n + l.seconds, 0) - cap.seconds) < 1e-6, 'levels sum to seconds');
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('computeCapacity equals the brute-force oracle', () => {
  it('short ranges (up to 12 days), licenses sometimes given', () => {
    fc.assert(fc.property(scenarioArb(['hour', 'day']), (s) => check(s)), { numRuns: RUNS });
  });
  it('long ranges (up to 75 days), licenses sometimes given', () => {
    fc.assert(fc.property(scenarioArb(['week', 'month']), (s) => check(s)), { numRuns: RUNS });
  });
  it('always replayed, small license counts', () => {
    fc.assert(
      fc.property(scenarioArb(['hour', 'day']), fc.integer({ min: 0, max: 6 }), (s, licenses) => check(s, licenses)),
      { numRuns: RUNS },
    );
  });
  it('asOf given as a Date', () => {
    fc.assert(fc.property(scenarioArb(['day']), (s) => check(s, s.licenses, new Date(s.asOf))), { numRuns: 50 });
  });
});
