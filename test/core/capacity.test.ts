/**
 * Exact numbers for the capacity report (CONTRACT 3.4 and 4, "capacity"): time at each level,
 * coverage, peaks by local weekday and hour across DST weeks and half-hour zones, and the replay
 * against another license count. The comments show the arithmetic.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContractError, computeCapacity, type CapacityHour, type CapacityQuery, type Dataset } from '../../src/core/index.js';
import { LATER, allocation, dataset, denial, session } from './fixtures.js';

const q = (over: Partial<CapacityQuery>): CapacityQuery => ({
  product: 'kre',
  from: '2026-10-01',
  to: '2026-10-01',
  timeZone: 'UTC',
  ...over,
});
const HOUR = 3600;

/** The byHour cells that are not zero, as `weekday/hour: peak average`. */
const busy = (cells: CapacityHour[]) =>
  cells.filter((c) => c.peak || c.averagePeak).map((c) => `${c.weekday}/${c.hour}: ${c.peak} ${c.averagePeak}`);

describe('one day in UTC: levels, coverage, byHour, replay', () => {
  // c(t): 00-01 1 (e, from the day before), 09-10 1 (a), 10:00-10:30 3 (a b c), 10:30-11:00 2 (a b),
  // 11-12 2 (b d: a ends as d starts), 12-13 1 (d), else 0. f is never active.
  const ds: Dataset = {
    ...dataset([
      session('2026-10-01T09:00:00Z', '2026-10-01T11:00:00Z', { sessionId: 'a' }),
      session('2026-10-01T10:00:00Z', '2026-10-01T12:00:00Z', { sessionId: 'b' }),
      session('2026-10-01T10:00:00Z', '2026-10-01T10:30:00Z', { sessionId: 'c' }),
      session('2026-10-01T11:00:00Z', '2026-10-01T13:00:00Z', { sessionId: 'd' }),
      session('2026-09-30T23:00:00Z', '2026-10-01T01:00:00Z', { sessionId: 'e' }),
      session('2026-10-01T14:00:00Z', '2026-10-01T14:00:00Z', { sessionId: 'f' }),
    ]),
    denials: [denial('2026-10-01T10:15:00Z'), denial('2026-10-02T00:00:00Z')],
  };
  const r = computeCapacity(ds, q({}), LATER);

  it('seconds at each level from 0 to the max sum to the range', () => {
    assert.equal(r.seconds, 86_400);
    assert.deepEqual(r.levels, [
      { level: 0, seconds: 19 * HOUR }, // 01-09 and 13-24
      { level: 1, seconds: 3 * HOUR }, // 00-01, 09-10, 12-13
      { level: 2, seconds: 1.5 * HOUR }, // 10:30-12:00
      { level: 3, seconds: 0.5 * HOUR }, // 10:00-10:30
    ]);
  });
  it('coverage: the smallest level covering N % of the time', () => {
    // Cumulative: <=0 79.2 %, <=1 91.7 %, <=2 97.9 %, <=3 100 %.
    assert.deepEqual(r.coverage, { p50: 0, p90: 1, p95: 2, p99: 3, max: 3 });
  });
  it('byHour: the peaks of the day\'s hours on Thursday (weekday 4), 168 cells, Monday 00:00 first', () => {
    assert.equal(r.byHour.length, 168);
    assert.deepEqual([r.byHour[0], r.byHour[167]], [{ weekday: 1, hour: 0, peak: 0, averagePeak: 0 }, { weekday: 7, hour: 23, peak: 0, averagePeak: 0 }]);
    assert.deepEqual(busy(r.byHour), ['4/0: 1 1', '4/9: 1 1', '4/10: 3 3', '4/11: 2 2', '4/12: 1 1']);
  });
  it('available and denied as in the usage summary', () => {
    assert.deepEqual([r.available, r.denied], [20, 1]);
  });
  it('no replay unless licenses is given', () => {
    assert.equal('replay' in r, false);
  });
  it('replay: in start order, ties by session id; an end frees its license for a start at the same instant', () => {
    // L=2: e, a, b admitted; c (same start as b, later id) refused; d takes a's license at 11:00.
    assert.deepEqual(computeCapacity(ds, q({ licenses: 2 }), LATER).replay, { licenses: 2, refused: 1, secondsOver: 0.5 * HOUR, peak: 2 });
    // L=1: b and c refused; d still takes a's license.
    assert.deepEqual(computeCapacity(ds, q({ licenses: 1 }), LATER).replay, { licenses: 1, refused: 2, secondsOver: 2 * HOUR, peak: 1 });
    assert.deepEqual(computeCapacity(ds, q({ licenses: 0 }), LATER).replay, { licenses: 0, refused: 5, secondsOver: 5 * HOUR, peak: 0 });
    assert.deepEqual(computeCapacity(ds, q({ licenses: 3 }), LATER).replay, { licenses: 3, refused: 0, secondsOver: 0, peak: 3 });
  });
  it('clipped at asOf: zero-second levels are listed, later sessions are not replayed', () => {
    const clipped = computeCapacity(ds, q({ licenses: 2 }), '2026-10-01T10:15:00Z');
    assert.equal(clipped.seconds, 10.25 * HOUR);
    // Level 2 never happened before 10:15 (c jumped from 1 to 3), yet it is listed.
    assert.deepEqual(clipped.levels.map((l) => l.seconds), [8 * HOUR, 2 * HOUR, 0, 0.25 * HOUR]);
    assert.deepEqual(clipped.replay, { licenses: 2, refused: 1, secondsOver: 0.25 * HOUR, peak: 2 });
    assert.equal(clipped.denied, 0); // the denial at 10:15 is at asOf: outside [00:00, 10:15)
  });
  it('a range that starts at or after asOf is empty', () => {
    const empty = computeCapacity(ds, q({ licenses: 4 }), '2026-09-30T12:00:00Z');
    assert.deepEqual(
      { ...empty, byHour: busy(empty.byHour) },
      {
        product: 'kre', timeZone: 'UTC', from: '2026-10-01', to: '2026-10-01', asOf: '2026-09-30T12:00:00Z',
        seconds: 0, levels: [{ level: 0, seconds: 0 }], coverage: { p50: 0, p90: 0, p95: 0, p99: 0, max: 0 },
        byHour: [], available: 0, denied: 0, replay: { licenses: 4, refused: 0, secondsOver: 0, peak: 0 },
      },
    );
    assert.equal(empty.byHour.length, 168);
  });
  it('milliseconds of asOf are kept: seconds may be fractional', () => {
    const ms = computeCapacity(ds, q({}), '2026-10-01T00:00:01.250Z');
    assert.deepEqual([ms.seconds, ms.levels], [1.25, [{ level: 0, seconds: 0 }, { level: 1, seconds: 1.25 }]]);
  });
});

describe('byHour and levels across DST weeks', () => {
  it('Europe/Berlin fall back: Sunday\'s repeated 02:00 hour counts twice', () => {
    // 2026-10-19 (Mon) to 2026-10-25 (Sun): 7 x 24 + 1 hour buckets.
    const ds = dataset([
      session('2026-10-19T07:00:00Z', '2026-10-19T08:00:00Z'), // Mon 09:00-10:00 CEST
      session('2026-10-25T00:00:00Z', '2026-10-25T00:30:00Z'), // Sun 02:00-02:30 CEST (the first 02:00)
      session('2026-10-25T01:10:00Z', '2026-10-25T01:50:00Z'), // Sun 02:10-02:50 CET (the second 02:00)
      session('2026-10-25T01:10:00Z', '2026-10-25T01:50:00Z'),
    ]);
    const r = computeCapacity(ds, q({ from: '2026-10-19', to: '2026-10-25', timeZone: 'Europe/Berlin' }), LATER);
    assert.equal(r.seconds, 169 * HOUR);
    assert.deepEqual(busy(r.byHour), ['1/9: 1 1', '7/2: 2 1.5']);
    assert.deepEqual(r.levels, [
      { level: 0, seconds: 169 * HOUR - 5400 - 2400 },
      { level: 1, seconds: 3600 + 1800 },
      { level: 2, seconds: 2400 },
    ]);
  });
  it('Europe/Berlin spring forward: the skipped 02:00 hour has no bucket', () => {
    // 2026-03-23 (Mon) to 2026-03-29 (Sun): 7 x 24 - 1 buckets; Sunday 01:00 CET is followed by 03:00 CEST.
    const ds = dataset([session('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z')]); // 01:30 CET to 03:30 CEST
    const r = computeCapacity(ds, q({ from: '2026-03-23', to: '2026-03-29', timeZone: 'Europe/Berlin' }), LATER);
    assert.equal(r.seconds, 167 * HOUR);
    assert.deepEqual(busy(r.byHour), ['7/1: 1 1', '7/3: 1 1']);
    assert.equal(r.byHour.find((c) => c.weekday === 7 && c.hour === 2)?.peak, 0);
  });
  it('America/New_York spring forward and fall back', () => {
    const spring = computeCapacity(
      dataset([session('2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z')]), // 01:30 EST to 03:30 EDT
      q({ from: '2026-03-02', to: '2026-03-08', timeZone: 'America/New_York' }),
      LATER,
    );
    assert.equal(spring.seconds, 167 * HOUR);
    assert.deepEqual(busy(spring.byHour), ['7/1: 1 1', '7/3: 1 1']);
    const fall = computeCapacity(
      dataset([
        session('2026-11-01T05:15:00Z', '2026-11-01T05:45:00Z'), // 01:15-01:45 EDT (the first 01:00)
        session('2026-11-01T06:00:00Z', '2026-11-01T06:10:00Z'), // 01:00-01:10 EST (the second)
        session('2026-11-01T06:05:00Z', '2026-11-01T06:20:00Z'),
        session('2026-11-01T06:05:00Z', '2026-11-01T06:20:00Z'),
      ]),
      q({ from: '2026-10-26', to: '2026-11-01', timeZone: 'America/New_York' }),
      LATER,
    );
    assert.equal(fall.seconds, 169 * HOUR);
    // The two 01:00 hours peak at 1 and 3: max 3, mean 2.
    assert.deepEqual(busy(fall.byHour), ['7/1: 3 2']);
    // 3 at once for 06:05-06:10; 2 for 06:10-06:20; 1 for 30 min (the first) and 06:00-06:05.
    assert.deepEqual(fall.levels.slice(1), [{ level: 1, seconds: 2100 }, { level: 2, seconds: 600 }, { level: 3, seconds: 300 }]);
    assert.deepEqual(fall.coverage, { p50: 0, p90: 0, p95: 0, p99: 0, max: 3 });
  });
});

describe('half-hour zones', () => {
  it('Asia/Kolkata (+05:30): hours start at local :00, levels in the zone\'s day', () => {
    const ds = dataset([
      session('2026-10-01T03:30:00Z', '2026-10-01T05:00:00Z'), // 09:00-10:30 IST, a Thursday
      session('2026-10-01T04:30:00Z', '2026-10-01T04:45:00Z'), // 10:00-10:15 IST
      session('2026-09-30T18:00:00Z', '2026-09-30T18:40:00Z'), // 23:30 on the day before to 00:10
    ]);
    const r = computeCapacity(ds, q({ timeZone: 'Asia/Kolkata', licenses: 1 }), LATER);
    assert.equal(r.seconds, 86_400);
    assert.deepEqual(busy(r.byHour), ['4/0: 1 1', '4/9: 1 1', '4/10: 2 2']);
    assert.deepEqual(r.levels, [
      { level: 0, seconds: 86_400 - 600 - 5400 },
      { level: 1, seconds: 600 + 4500 },
      { level: 2, seconds: 900 },
    ]);
    // The session from the day before is replayed; the 10:00 one finds the license held.
    assert.deepEqual(r.replay, { licenses: 1, refused: 1, secondsOver: 900, peak: 1 });
  });
  it('Australia/Lord_Howe (+10:30 to +11:00): after the 30-minute shift, hour buckets start at :30', () => {
    // 2026-10-04 (Sunday) is 23.5 hours long: buckets 00:00, 01:00, then 02:30 (+11) ... 23:30 (30 minutes).
    const ds = dataset([
      session('2026-10-03T23:40:00Z', '2026-10-03T23:50:00Z'), // 10:40-10:50 +11: the bucket from 10:30
      session('2026-10-04T12:40:00Z', '2026-10-04T12:50:00Z'), // 23:40-23:50 +11: the last, half bucket
    ]);
    const r = computeCapacity(ds, q({ from: '2026-10-04', to: '2026-10-04', timeZone: 'Australia/Lord_Howe' }), LATER);
    assert.equal(r.seconds, 23.5 * HOUR);
    assert.deepEqual(busy(r.byHour), ['7/10: 1 1', '7/23: 1 1']);
    assert.deepEqual(r.byHour.filter((c) => c.weekday === 7 && c.hour === 2).length, 1);
    assert.deepEqual(r.levels, [{ level: 0, seconds: 23.5 * HOUR - 1200 }, { level: 1, seconds: 1200 }]);
  });
});

describe('organization filter and validation', () => {
  const ds: Dataset = {
    ...dataset(
      [
        session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { organizationId: 'qa-berlin' }),
        session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { organizationId: 'dev' }),
        session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { organizationId: null }),
      ],
      [allocation('2026-01-01T00:00:00Z', 10), allocation('2026-01-01T00:00:00Z', 4, 'qa'), allocation('2026-01-01T00:00:00Z', 3, 'dev')],
    ),
    denials: [denial('2026-10-01T09:30:00Z', { organizationId: 'qa-berlin' }), denial('2026-10-01T09:31:00Z', { organizationId: 'dev' })],
  };
  it('a team sees its subtree\'s sessions and denials, and the licenses it draws on', () => {
    const r = computeCapacity(ds, q({ organizationIds: ['qa'], licenses: 0 }), LATER);
    assert.deepEqual([r.coverage.max, r.available, r.denied, r.replay?.refused], [1, 14, 1, 1]);
    const all = computeCapacity(ds, q({}), LATER);
    assert.deepEqual([all.coverage.max, all.available, all.denied], [3, 17, 2]);
  });
  it('names the bad field', () => {
    const field = (over: Partial<CapacityQuery>) => {
      try {
        computeCapacity(ds, q(over), LATER);
      } catch (e) {
        assert.ok(e instanceof ContractError);
        return e.field;
      }
      return assert.fail('no error');
    };
    assert.equal(field({ licenses: -1 }), 'licenses');
    assert.equal(field({ licenses: 2.5 }), 'licenses');
    assert.equal(field({ from: '2026-10-02' }), 'to');
    assert.equal(field({ timeZone: 'Berlin' }), 'timeZone');
    assert.equal(field({ organizationIds: ['ghost'] }), 'organizationId');
  });
  it('no 31-day limit: a year of hour buckets', () => {
    const r = computeCapacity(dataset([]), q({ from: '2025-01-01', to: '2025-12-31' }), LATER);
    assert.equal(r.seconds, 365 * 24 * HOUR);
  });
});
