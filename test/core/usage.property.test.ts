/**
 * Property tests: `computeUsage` equals the brute-force oracle of CONTRACT 1.1 sections 3.1 and 4
 * (./oracle.ts) on random small datasets and queries: every bucket field (denied included), the
 * summary (utilization as the highest bucket ratio, denied) and capacityChanges. fast-check prints the seed and the shrunk counterexample
 * on failure; replay one with `fc.assert(..., { seed, path })`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeUsage, type Dataset, type UsageQuery, type UsageResponse } from '../../src/core/index.js';
import { isoInZone, localMidnight, oracleUsage, parseDate, scenarioArb, type Scenario } from './oracle.js';

const RUNS = 200;

function queryOf(s: Scenario): UsageQuery {
  const query: UsageQuery = { product: s.product, from: s.from, to: s.to, interval: s.interval, timeZone: s.timeZone };
  if (s.organizationIds.length) query.organizationIds = s.organizationIds;
  return query;
}

/** Deep equality, with the two means compared within 1e-9. */
function assertUsageEqual(actual: UsageResponse, expected: UsageResponse): void {
  const close = (a: number, e: number, what: string): void =>
    assert.ok(Math.abs(a - e) <= 1e-9, `${what}: expected ${e}, got ${a}`);
  assert.equal(actual.buckets.length, expected.buckets.length, 'bucket count');
  actual.buckets.forEach((b, i) => close(b.averagePeak, expected.buckets[i].averagePeak, `buckets[${i}].averagePeak`));
  close(actual.summary.averageDailyPeak, expected.summary.averageDailyPeak, 'summary.averageDailyPeak');
  const strip = (r: UsageResponse) => ({
    ...r,
    buckets: r.buckets.map((b) => ({ ...b, averagePeak: 0 })),
    summary: { ...r.summary, averageDailyPeak: 0 },
  });
  assert.deepStrictEqual(strip(actual), strip(expected));
}

function check(s: Scenario): void {
  const query = queryOf(s);
  assertUsageEqual(computeUsage(s.dataset, query, s.asOf), oracleUsage(s.dataset, query, s.asOf));
}

describe('oracle sanity (known calendar facts, so the oracle itself is anchored)', () => {
  it('local midnights across DST, including a midnight skipped by a gap', () => {
    const mid = (date: string, tz: string) => new Date(localMidnight(parseDate(date), tz)).toISOString();
    assert.equal(mid('2026-10-25', 'Europe/Berlin'), '2026-10-24T22:00:00.000Z');
    assert.equal(mid('2026-10-26', 'Europe/Berlin'), '2026-10-25T23:00:00.000Z'); // a 25-hour day
    assert.equal(mid('2026-03-08', 'America/New_York'), '2026-03-08T05:00:00.000Z');
    assert.equal(mid('2026-03-09', 'America/New_York'), '2026-03-09T04:00:00.000Z'); // a 23-hour day
    assert.equal(mid('2026-10-01', 'Asia/Kolkata'), '2026-09-30T18:30:00.000Z');
    // Lord Howe: +10:30 to +11:00 at 02:00 on 2026-10-04, a 23.5-hour day
    assert.equal(mid('2026-10-04', 'Australia/Lord_Howe'), '2026-10-03T13:30:00.000Z');
    assert.equal(mid('2026-10-05', 'Australia/Lord_Howe'), '2026-10-04T13:00:00.000Z');
    // Santiago skips 2026-09-06 00:00 (-04:00 to -03:00): the midnight is the gap's end, 01:00-03:00
    assert.equal(mid('2026-09-06', 'America/Santiago'), '2026-09-06T04:00:00.000Z');
    assert.equal(isoInZone(localMidnight(parseDate('2026-09-06'), 'America/Santiago'), 'America/Santiago'), '2026-09-06T01:00:00-03:00');
    // Santiago repeats 2026-04-04 23:00-24:00; 2026-04-05 00:00 happens once, at -04:00
    assert.equal(mid('2026-04-05', 'America/Santiago'), '2026-04-05T04:00:00.000Z');
    // Havana skips 2026-03-08 00:00 (-05:00 to -04:00) and repeats 2026-11-01 00:00-01:00: first one wins
    assert.equal(mid('2026-03-08', 'America/Havana'), '2026-03-08T05:00:00.000Z');
    assert.equal(mid('2026-11-01', 'America/Havana'), '2026-11-01T04:00:00.000Z');
    assert.equal(mid('2026-11-02', 'America/Havana'), '2026-11-02T05:00:00.000Z'); // a 25-hour day
  });

  it('formats instants with the offset at that instant', () => {
    assert.equal(isoInZone(Date.parse('2026-10-30T08:00:00Z'), 'Europe/Berlin'), '2026-10-30T09:00:00+01:00');
    assert.equal(isoInZone(Date.parse('2026-10-01T11:20:00Z'), 'Europe/Berlin'), '2026-10-01T13:20:00+02:00');
    assert.equal(isoInZone(Date.parse('2026-10-30T08:00:00Z'), 'Asia/Kolkata'), '2026-10-30T13:30:00+05:30');
    assert.equal(isoInZone(Date.parse('2026-11-01T05:30:00Z'), 'America/New_York'), '2026-11-01T01:30:00-04:00');
    assert.equal(isoInZone(Date.parse('2026-11-01T06:30:00Z'), 'America/New_York'), '2026-11-01T01:30:00-05:00');
    assert.equal(isoInZone(Date.parse('2026-10-30T08:00:00Z'), 'UTC'), '2026-10-30T08:00:00+00:00');
  });

  it('computes the contract example shape by hand', () => {
    const dataset = {
      organizations: [{ id: 'root', name: 'Acme', parentId: null }],
      allocations: [{ product: 'kre' as const, organizationId: null, effectiveFrom: '2026-09-01T00:00:00Z', sessions: 20 }],
      sessions: [
        { sessionId: 'a', product: 'kre' as const, user: { name: 'A', email: 'a@x' }, machineId: 'm', licenseSource: 'S',
          organizationId: 'root', licenseType: 'T', started: '2026-10-01T09:00:00Z', ended: '2026-10-01T10:00:00Z' },
        { sessionId: 'b', product: 'kre' as const, user: { name: 'B', email: 'b@x' }, machineId: 'm', licenseSource: 'S',
          organizationId: 'root', licenseType: 'T', started: '2026-10-01T09:30:00Z', ended: '2026-10-01T11:00:00Z' },
      ],
    };
    const r = oracleUsage(dataset, { product: 'kre', from: '2026-10-01', to: '2026-10-01', interval: 'day', timeZone: 'Europe/Berlin' }, '2026-10-31T10:15:00Z');
    // Local (+02:00): a 11:00-12:00, b 11:30-13:00. Hour 11-12 peaks at 2 (11:30), hour 12-13 at 1.
    assert.deepEqual(r.buckets, [
      {
        start: '2026-10-01T00:00:00+02:00', end: '2026-10-02T00:00:00+02:00', available: 20,
        peak: 2, peakAt: '2026-10-01T11:30:00+02:00', averagePeak: (2 + 1) / 24, denied: 0,
      },
    ]);
    assert.deepEqual(r.summary, { available: 20, peak: 2, averageDailyPeak: 2, utilization: 0.1, denied: 0 });
    assert.deepEqual(r.capacityChanges, []);
  });

  // 1.1 by hand: root > child > grandchild, root > sibling; one allocation per scope.
  const tree: Dataset = {
    organizations: [
      { id: 'root', name: 'Root', parentId: null },
      { id: 'child', name: 'Child', parentId: 'root' },
      { id: 'grand', name: 'Grand', parentId: 'child' },
      { id: 'sib', name: 'Sibling', parentId: 'root' },
    ],
    allocations: [
      { product: 'kre', organizationId: null, effectiveFrom: '2026-09-01T00:00:00Z', sessions: 16 },
      { product: 'kre', organizationId: 'root', effectiveFrom: '2026-09-01T00:00:00Z', sessions: 5 },
      { product: 'kre', organizationId: 'child', effectiveFrom: '2026-09-01T00:00:00Z', sessions: 3 },
      { product: 'kre', organizationId: 'grand', effectiveFrom: '2026-09-01T00:00:00Z', sessions: 2 },
      { product: 'kre', organizationId: 'sib', effectiveFrom: '2026-09-01T00:00:00Z', sessions: 7 },
      { product: 'testcloud', organizationId: null, effectiveFrom: '2026-09-01T00:00:00Z', sessions: 100 },
      // in the range: the account-wide scope goes 16 -> 20 (at 09:30 Berlin), then 20 -> 20 (no change)
      { product: 'kre', organizationId: null, effectiveFrom: '2026-10-15T07:30:00Z', sessions: 20 },
      { product: 'kre', organizationId: null, effectiveFrom: '2026-10-16T00:00:00Z', sessions: 20 },
      { product: 'kre', organizationId: 'sib', effectiveFrom: '2026-10-15T07:30:00Z', sessions: 1 },
      { product: 'kre', organizationId: 'grand', effectiveFrom: '2026-10-15T07:30:00Z', sessions: 0 },
      // at the clipped end (asOf): outside the range
      { product: 'kre', organizationId: 'root', effectiveFrom: '2026-10-31T10:15:00Z', sessions: 9 },
    ],
    sessions: [],
    denials: [
      { requestId: 'r-1', product: 'kre', at: '2026-10-14T22:00:00Z', user: { name: 'A', email: 'a' }, machineId: 'm',
        licenseSource: 'S', organizationId: 'grand' }, // 2026-10-15 00:00 Berlin: the day of the 15th
      { requestId: 'r-2', product: 'kre', at: '2026-10-15T21:59:59.999Z', user: { name: 'A', email: 'a' }, machineId: 'm',
        licenseSource: 'S', organizationId: null }, // the last millisecond of the 15th
      { requestId: 'r-3', product: 'kre', at: '2026-10-15T22:00:00Z', user: { name: 'A', email: 'a' }, machineId: 'm',
        licenseSource: 'S', organizationId: 'sib' }, // the 16th
      { requestId: 'r-4', product: 'testcloud', at: '2026-10-15T12:00:00Z', user: { name: 'A', email: 'a' }, machineId: 'm',
        licenseSource: 'S', organizationId: null },
      { requestId: 'r-5', product: 'kre', at: '2026-10-31T10:15:00Z', user: { name: 'A', email: 'a' }, machineId: 'm',
        licenseSource: 'S', organizationId: null }, // at asOf: outside every clipped bucket
    ],
  };
  const treeQuery = (organizationIds?: string[]): UsageQuery => ({
    product: 'kre', from: '2026-10-15', to: '2026-10-31', interval: 'day', timeZone: 'Europe/Berlin',
    ...(organizationIds ? { organizationIds } : {}),
  });
  const asOf = '2026-10-31T10:15:00Z';

  it('1.1: available draws on the matched organizations, their ancestors and the account-wide scope', () => {
    const all = oracleUsage(tree, treeQuery(), asOf);
    assert.equal(all.buckets[0].available, 20 + 5 + 3 + 0 + 1); // the 15th ends after the changes
    assert.equal(oracleUsage(tree, { ...treeQuery(), from: '2026-10-14', to: '2026-10-14' }, asOf).summary.available, 16 + 5 + 3 + 2 + 7);
    const child = oracleUsage(tree, treeQuery(['child']), asOf);
    assert.equal(child.buckets[0].available, 20 + 5 + 3 + 0); // not the sibling
    assert.equal(child.summary.available, 20 + 5 + 3 + 0); // the root's 9 comes at asOf: not yet
    const sib = oracleUsage(tree, treeQuery(['sib']), asOf);
    assert.equal(sib.buckets[0].available, 20 + 5 + 1);
    const grand = oracleUsage(tree, treeQuery(['grand', 'sib']), asOf);
    assert.equal(grand.buckets[0].available, 20 + 5 + 3 + 0 + 1);
  });

  it('1.1: capacityChanges in time order, account-wide first, then by id; unchanged values left out', () => {
    assert.deepEqual(oracleUsage(tree, treeQuery(), asOf).capacityChanges, [
      { at: '2026-10-15T09:30:00+02:00', organizationId: null, before: 16, after: 20 },
      { at: '2026-10-15T09:30:00+02:00', organizationId: 'grand', before: 2, after: 0 },
      { at: '2026-10-15T09:30:00+02:00', organizationId: 'sib', before: 7, after: 1 },
    ]);
    assert.deepEqual(oracleUsage(tree, treeQuery(['child']), asOf).capacityChanges, [
      { at: '2026-10-15T09:30:00+02:00', organizationId: null, before: 16, after: 20 },
      { at: '2026-10-15T09:30:00+02:00', organizationId: 'grand', before: 2, after: 0 },
    ]);
    // With asOf a millisecond later, the root's change at the old asOf is inside the clipped range.
    const later = oracleUsage(tree, treeQuery(['sib']), '2026-10-31T10:15:00.001Z').capacityChanges;
    assert.deepEqual(later.map((c) => [c.at, c.organizationId, c.before, c.after]), [
      ['2026-10-15T09:30:00+02:00', null, 16, 20],
      ['2026-10-15T09:30:00+02:00', 'sib', 7, 1],
      ['2026-10-31T11:15:00+01:00', 'root', 5, 9],
    ]);
  });

  it('1.1: denied per clipped bucket; a denial with no organization counts only without a filter', () => {
    const all = oracleUsage(tree, treeQuery(), asOf);
    assert.deepEqual(all.buckets.map((b) => b.denied).slice(0, 3), [2, 1, 0]);
    assert.equal(all.summary.denied, 3);
    const child = oracleUsage(tree, treeQuery(['child']), asOf);
    assert.deepEqual(child.buckets.map((b) => b.denied).slice(0, 2), [1, 0]);
    assert.equal(child.summary.denied, 1);
  });

  it('1.1: utilization is the highest bucket ratio, null when no bucket has licenses', () => {
    const dataset: Dataset = {
      organizations: [],
      allocations: [
        { product: 'kre', organizationId: null, effectiveFrom: '2026-10-02T00:00:00Z', sessions: 4 },
        { product: 'kre', organizationId: null, effectiveFrom: '2026-10-03T00:00:00Z', sessions: 10 },
      ],
      sessions: ['1', '2', '3'].map((d) => ({
        sessionId: d, product: 'kre' as const, user: { name: 'A', email: 'a' }, machineId: 'm', licenseSource: 'S',
        organizationId: null, licenseType: 'T', started: `2026-10-0${d}T10:00:00Z`, ended: `2026-10-0${d}T11:00:00Z`,
      })),
    };
    const q: UsageQuery = { product: 'kre', from: '2026-10-01', to: '2026-10-03', interval: 'day', timeZone: 'UTC' };
    // day 1: 1 / 0 (left out), day 2: 1 / 4, day 3: 1 / 10
    assert.equal(oracleUsage(dataset, q, asOf).summary.utilization, 0.25);
    assert.equal(oracleUsage(dataset, { ...q, to: '2026-10-01' }, asOf).summary.utilization, null);
  });
});

describe('computeUsage equals the brute-force oracle', () => {
  it('hour buckets (ranges of at most 3 days)', () => {
    fc.assert(fc.property(scenarioArb(['hour']), check), { numRuns: RUNS });
  });
  it('day buckets', () => {
    fc.assert(fc.property(scenarioArb(['day']), check), { numRuns: RUNS });
  });
  it('week buckets', () => {
    fc.assert(fc.property(scenarioArb(['week']), check), { numRuns: RUNS });
  });
  it('month buckets', () => {
    fc.assert(fc.property(scenarioArb(['month']), check), { numRuns: RUNS });
  });
  it('every bucket of every interval is reproduced when asOf is a Date', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const query = queryOf(s);
        assertUsageEqual(computeUsage(s.dataset, query, new Date(s.asOf)), oracleUsage(s.dataset, query, s.asOf));
      }),
      { numRuns: 50 },
    );
  });
});
