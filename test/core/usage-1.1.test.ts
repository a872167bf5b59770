/**
 * Exact numbers for the rules contract 1.1 added to the usage report (CONTRACT 3.1 and 4):
 * denied requests, the scopes an organization filter draws on, utilization as the highest bucket
 * ratio, and capacity changes. The comments show the arithmetic.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContractError, computeUsage, type Dataset, type UsageQuery } from '../../src/core/index.js';
import { LATER, ORGS, allocation, dataset, denial, session } from './fixtures.js';

const q = (over: Partial<UsageQuery>): UsageQuery => ({
  product: 'kre',
  from: '2026-10-01',
  to: '2026-10-03',
  interval: 'day',
  timeZone: 'UTC',
  ...over,
});

const field = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ContractError, String(e));
    return e.field;
  }
  return assert.fail('no error thrown');
};

describe('denied', () => {
  const ds: Dataset = {
    ...dataset([]),
    denials: [
      denial('2026-10-01T00:00:00Z'), // the first instant of day 1: day 1
      denial('2026-10-01T23:59:59.999Z'), // day 1
      denial('2026-10-02T00:00:00Z'), // exactly day 1's end: day 2
      denial('2026-10-02T12:00:00Z', { organizationId: 'qa-berlin' }), // day 2, a descendant of qa
      denial('2026-10-02T13:00:00Z', { organizationId: 'dev' }), // day 2, outside qa
      denial('2026-10-02T14:00:00Z', { organizationId: null }), // day 2, no organization
      denial('2026-10-02T15:00:00Z', { product: 'testcloud' }), // another product
      denial('2026-10-03T12:00:00Z'), // after asOf in the clipped run below
    ],
  };
  it('counts the denials whose at lies in each clipped bucket; the summary sums them', () => {
    const r = computeUsage(ds, q({}), LATER);
    assert.deepEqual(r.buckets.map((b) => b.denied), [2, 4, 1]);
    assert.equal(r.summary.denied, 7);
  });
  it('an organization filter keeps the denials of its subtree only (none without an organization)', () => {
    const r = computeUsage(ds, q({ organizationIds: ['qa'] }), LATER);
    assert.deepEqual(r.buckets.map((b) => b.denied), [2, 2, 1]);
    assert.equal(computeUsage(ds, q({ organizationIds: ['dev'] }), LATER).summary.denied, 1);
  });
  it('the last bucket is clipped at asOf: a later denial is not counted', () => {
    const r = computeUsage(ds, q({}), '2026-10-03T12:00:00Z');
    assert.deepEqual(r.buckets.map((b) => b.denied), [2, 4, 0]);
    assert.equal(r.summary.denied, 6);
  });
  it('denials may be absent from a dataset: no denial recorded', () => {
    const r = computeUsage(dataset([]), q({}), LATER);
    assert.deepEqual([r.buckets.map((b) => b.denied), r.summary.denied], [[0, 0, 0], 0]);
  });
  it('TestCloud counts its own denials', () => {
    assert.equal(computeUsage(ds, q({ product: 'testcloud' }), LATER).summary.denied, 1);
  });
});

describe('utilization: the highest bucket ratio', () => {
  it('is the highest peak / available of the buckets, not the range peak over the last bucket', () => {
    // Day 1: peak 3 of 4 (0.75). Day 2: peak 5 of 10 (0.5). Day 3: peak 0 of 10.
    // The 1.0 formula (range peak 5 / last available 10) said 0.5.
    const ds = dataset(
      [
        ...Array.from({ length: 3 }, () => session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z')),
        ...Array.from({ length: 5 }, () => session('2026-10-02T09:00:00Z', '2026-10-02T10:00:00Z')),
      ],
      [allocation('2026-09-01T00:00:00Z', 4), allocation('2026-10-02T00:00:00Z', 10)],
    );
    const r = computeUsage(ds, q({}), LATER);
    // The purchase at exactly day 1's end belongs to day 2.
    assert.deepEqual(r.buckets.map((b) => [b.peak, b.available]), [[3, 4], [5, 10], [0, 10]]);
    assert.equal(r.summary.utilization, 0.75);
    assert.deepEqual([r.summary.peak, r.summary.available], [5, 10]);
  });
  it('a bucket\'s ratio uses its own last instant\'s licenses: a purchase late in the day lowers that day\'s', () => {
    const ds = dataset(
      Array.from({ length: 3 }, () => session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z')),
      [allocation('2026-09-01T00:00:00Z', 4), allocation('2026-10-01T12:00:00Z', 6)],
    );
    // By day: 3 of 6 (the day ends with 6). By hour: 09:00-10:00 had 4: 3 / 4.
    assert.equal(computeUsage(ds, q({ to: '2026-10-01' }), LATER).summary.utilization, 0.5);
    assert.equal(computeUsage(ds, q({ to: '2026-10-01', interval: 'hour' }), LATER).summary.utilization, 0.75);
  });
  it('skips buckets with no licenses, and is null when no bucket has any', () => {
    const ds = dataset(
      [session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z'), session('2026-10-02T09:00:00Z', '2026-10-02T10:00:00Z')],
      [allocation('2026-10-02T00:00:00Z', 2)],
    );
    const r = computeUsage(ds, q({}), LATER);
    // Day 1: peak 1 with 0 licenses (no ratio); day 2: 1 / 2.
    assert.deepEqual(r.buckets.map((b) => b.available), [0, 2, 2]);
    assert.equal(r.summary.utilization, 0.5);
    assert.equal(computeUsage(dataset([], []), q({}), LATER).summary.utilization, null);
  });
  it('summary.available is the licenses at the end of the clipped range: on a past range, not now', () => {
    const ds = dataset([], [allocation('2026-09-01T00:00:00Z', 4), allocation('2026-11-01T00:00:00Z', 10)]);
    assert.equal(computeUsage(ds, q({}), LATER).summary.available, 4);
    assert.equal(computeUsage(ds, q({ from: '2026-11-01', to: '2026-11-02' }), LATER).summary.available, 10);
  });
});

describe('organization filter: the scopes it draws on', () => {
  // root > qa > qa-berlin, root > dev; pools: account 10, root 1, qa 4, qa-berlin 2, dev 3.
  const ds = dataset([], [
    allocation('2026-01-01T00:00:00Z', 10),
    allocation('2026-01-01T00:00:00Z', 1, 'root'),
    allocation('2026-01-01T00:00:00Z', 4, 'qa'),
    allocation('2026-01-01T00:00:00Z', 2, 'qa-berlin'),
    allocation('2026-01-01T00:00:00Z', 3, 'dev'),
    allocation('2026-01-01T00:00:00Z', 50, null, 'testcloud'),
  ]);
  const available = (ids?: string[]) => computeUsage(ds, q({ organizationIds: ids }), LATER).summary.available;
  it('a team draws on its own pool, its ancestors\' and the account-wide pool, not its siblings\'', () => {
    assert.equal(available(['qa-berlin']), 2 + 4 + 1 + 10);
    assert.equal(available(['dev']), 3 + 1 + 10);
  });
  it('a parent counts its descendants\' pools too; no filter counts every pool', () => {
    assert.equal(available(['qa']), 4 + 2 + 1 + 10);
    assert.equal(available(['root']), 10 + 1 + 4 + 2 + 3);
    assert.equal(available(), 20);
  });
});

describe('capacityChanges', () => {
  const ds: Dataset = {
    organizations: ORGS,
    sessions: [],
    allocations: [
      allocation('2026-09-01T00:00:00Z', 10), // before the range: not listed
      allocation('2026-10-01T00:00:00Z', 12), // the range's first instant: listed, 10 -> 12
      allocation('2026-10-02T08:00:00Z', 5, 'qa'), // qa's first: 0 -> 5
      allocation('2026-10-02T08:00:00Z', 3, 'dev'), // same instant: after the account scope, by id: dev before qa
      allocation('2026-10-02T08:00:00Z', 14), // same instant, account-wide: first
      allocation('2026-10-02T20:00:00Z', 5, 'qa'), // the same value again: no change, not listed
      allocation('2026-10-03T10:00:00Z', 2, 'qa-berlin'),
      allocation('2026-10-04T00:00:00Z', 20), // exactly the range's end: not listed
      allocation('2026-10-02T09:00:00Z', 99, null, 'testcloud'), // another product
    ],
  };
  it('lists every change in the clipped range with before and after, by time, account-wide first, then by organization id', () => {
    assert.deepEqual(computeUsage(ds, q({}), LATER).capacityChanges, [
      { at: '2026-10-01T00:00:00Z'.replace('Z', '+00:00'), organizationId: null, before: 10, after: 12 },
      { at: '2026-10-02T08:00:00+00:00', organizationId: null, before: 12, after: 14 },
      { at: '2026-10-02T08:00:00+00:00', organizationId: 'dev', before: 0, after: 3 },
      { at: '2026-10-02T08:00:00+00:00', organizationId: 'qa', before: 0, after: 5 },
      { at: '2026-10-03T10:00:00+00:00', organizationId: 'qa-berlin', before: 0, after: 2 },
    ]);
  });
  it('only the scopes the filter draws on; clipped at asOf; at in the zone\'s offset', () => {
    const r = computeUsage(ds, q({ organizationIds: ['qa-berlin'], timeZone: 'Europe/Berlin', from: '2026-10-02', to: '2026-10-03' }), '2026-10-03T10:00:00Z');
    // Berlin: the range starts 2026-10-01T22:00Z; qa-berlin's change at 10:00Z is at asOf: clipped out.
    assert.deepEqual(r.capacityChanges, [
      { at: '2026-10-02T10:00:00+02:00', organizationId: null, before: 12, after: 14 },
      { at: '2026-10-02T10:00:00+02:00', organizationId: 'qa', before: 0, after: 5 },
    ]);
    assert.deepEqual(computeUsage(ds, q({ organizationIds: ['dev'] }), LATER).capacityChanges.map((c) => c.organizationId), [null, null, 'dev']);
  });
  it('a range that starts at or after asOf has none', () => {
    assert.deepEqual(computeUsage(ds, q({}), '2026-09-30T00:00:00Z').capacityChanges, []);
  });
});

describe('1.1 dataset validation', () => {
  it('names the bad denial record', () => {
    const bad = (patch: object): Dataset => ({ ...dataset([]), denials: [denial('2026-10-01T09:00:00Z', patch)] });
    assert.equal(field(() => computeUsage(bad({ at: '2026-10-01' }), q({}), LATER)), 'denials[0].at');
    assert.equal(field(() => computeUsage(bad({ organizationId: 'ghost' }), q({}), LATER)), 'denials[0].organizationId');
    assert.equal(field(() => computeUsage(bad({ product: 'jira' }), q({}), LATER)), 'denials[0].product');
    assert.equal(field(() => computeUsage(bad({ requestId: 7 }), q({}), LATER)), 'denials[0].requestId');
    assert.equal(field(() => computeUsage({ ...dataset([]), denials: 'none' as never }, q({}), LATER)), 'denials');
  });
  it('a session id, a request id or a scope\'s allocation instant appears once per product', () => {
    const twice = dataset([session('2026-10-01T09:00:00Z', null, { sessionId: 'a' }), session('2026-10-01T10:00:00Z', null, { sessionId: 'a' })]);
    assert.throws(() => computeUsage(twice, q({}), LATER), /sessions\[1\]\.sessionId: duplicate session id "a" \(also sessions\[0\]\)/);
    // The same id in another product is another session.
    const products = dataset([session('2026-10-01T09:00:00Z', null, { sessionId: 'a' }), session('2026-10-01T10:00:00Z', null, { sessionId: 'a', product: 'testcloud' })]);
    assert.equal(computeUsage(products, q({}), LATER).summary.peak, 1);
    const denials: Dataset = { ...dataset([]), denials: [denial('2026-10-01T09:00:00Z', { requestId: 'r' }), denial('2026-10-01T10:00:00Z', { requestId: 'r' })] };
    assert.equal(field(() => computeUsage(denials, q({}), LATER)), 'denials[1].requestId');
    const allocations = dataset([], [allocation('2026-10-01T00:00:00Z', 3, 'qa'), allocation('2026-10-01T02:00:00+02:00', 4, 'qa')]);
    assert.throws(() => computeUsage(allocations, q({}), LATER), /allocations\[1\]\.effectiveFrom: duplicate allocation of the scope "qa" at "2026-10-01T02:00:00\+02:00" \(also allocations\[0\]\)/);
  });
});
