/**
 * Exact numbers for every rule of CONTRACT section 4 (usage). Times are chosen so each expected
 * value can be checked by hand; the comments show the arithmetic.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContractError, computeUsage, type UsageQuery } from '../../src/core/index.js';
import { LATER, allocation, dataset, session } from './fixtures.js';

const q = (over: Partial<UsageQuery>): UsageQuery => ({
  product: 'kre',
  from: '2026-10-01',
  to: '2026-10-01',
  interval: 'day',
  timeZone: 'UTC',
  ...over,
});

const starts = (r: ReturnType<typeof computeUsage>) => r.buckets.map((b) => b.start);

describe('buckets: DST days', () => {
  it('America/New_York spring forward: a 23-hour day, hourly buckets jump from 01:00-05:00 to 03:00-04:00', () => {
    // 01:30 EST (06:30Z) to 03:30 EDT (07:30Z): one real hour.
    const ds = dataset([session('2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z')]);
    const day = computeUsage(ds, q({ from: '2026-03-08', to: '2026-03-08', timeZone: 'America/New_York' }), LATER);
    assert.equal(day.buckets.length, 1);
    assert.equal(day.buckets[0].start, '2026-03-08T00:00:00-05:00');
    assert.equal(day.buckets[0].end, '2026-03-09T00:00:00-04:00');
    assert.equal(day.buckets[0].peak, 1);
    assert.equal(day.buckets[0].peakAt, '2026-03-08T01:30:00-05:00');
    // 23 hourly sub-periods, two of which (01:00-05:00 and 03:00-04:00) see the session.
    assert.equal(day.buckets[0].averagePeak, 2 / 23);

    const hours = computeUsage(ds, q({ from: '2026-03-08', to: '2026-03-08', interval: 'hour', timeZone: 'America/New_York' }), LATER);
    assert.equal(hours.buckets.length, 23);
    assert.deepEqual(starts(hours).slice(0, 4), [
      '2026-03-08T00:00:00-05:00',
      '2026-03-08T01:00:00-05:00',
      '2026-03-08T03:00:00-04:00',
      '2026-03-08T04:00:00-04:00',
    ]);
    assert.equal(hours.buckets[22].end, '2026-03-09T00:00:00-04:00');
    assert.deepEqual(hours.buckets.map((b) => b.peak).slice(0, 4), [0, 1, 1, 0]);
    assert.equal(hours.buckets[2].peakAt, '2026-03-08T03:00:00-04:00');
    // The hour 01:00-05:00 sees the session for its last 30 of 60 minutes.
    assert.equal(hours.buckets[1].averagePeak, 0.5);
    assert.equal(hours.buckets[2].averagePeak, 0.5);
  });

  it('America/New_York fall back: a 25-hour day with 01:00 twice', () => {
    const ds = dataset([session('2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z')]);
    const hours = computeUsage(ds, q({ from: '2026-11-01', to: '2026-11-01', interval: 'hour', timeZone: 'America/New_York' }), LATER);
    assert.equal(hours.buckets.length, 25);
    assert.deepEqual(starts(hours).slice(0, 4), [
      '2026-11-01T00:00:00-04:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T02:00:00-05:00',
    ]);
    assert.equal(hours.buckets[1].peakAt, '2026-11-01T01:30:00-04:00');
    assert.equal(hours.buckets[2].peakAt, '2026-11-01T01:00:00-05:00');
    const day = computeUsage(ds, q({ from: '2026-11-01', to: '2026-11-01', timeZone: 'America/New_York' }), LATER);
    assert.equal(day.buckets[0].end, '2026-11-02T00:00:00-05:00');
    assert.equal(day.buckets[0].averagePeak, 2 / 25);
  });

  it('Europe/Berlin: 23 hours on 2026-03-29, 25 on 2026-10-25, daily buckets across both', () => {
    const ds = dataset([]);
    const spring = computeUsage(ds, q({ from: '2026-03-28', to: '2026-03-30', interval: 'hour', timeZone: 'Europe/Berlin' }), LATER);
    assert.equal(spring.buckets.length, 24 + 23 + 24);
    assert.equal(spring.buckets[24 + 2].start, '2026-03-29T03:00:00+02:00');
    const autumn = computeUsage(ds, q({ from: '2026-10-24', to: '2026-10-26', interval: 'hour', timeZone: 'Europe/Berlin' }), LATER);
    assert.equal(autumn.buckets.length, 24 + 25 + 24);
    assert.equal(autumn.buckets[24 + 3].start, '2026-10-25T02:00:00+01:00');
    const days = computeUsage(ds, q({ from: '2026-10-24', to: '2026-10-26', timeZone: 'Europe/Berlin' }), LATER);
    assert.deepEqual(
      days.buckets.map((b) => [b.start, b.end]),
      [
        ['2026-10-24T00:00:00+02:00', '2026-10-25T00:00:00+02:00'],
        ['2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00'],
        ['2026-10-26T00:00:00+01:00', '2026-10-27T00:00:00+01:00'],
      ],
    );
  });

  it('Europe/Berlin 25-hour day: peak, peakAt and the mean of 25 hourly peaks', () => {
    // 08:00Z-10:00Z and 09:00Z-open: overlap 09:00Z-10:00Z = 10:00+01:00.
    const ds = dataset(
      [session('2026-10-25T08:00:00Z', '2026-10-25T10:00:00Z'), session('2026-10-25T09:00:00Z', null)],
    );
    const r = computeUsage(ds, q({ from: '2026-10-25', to: '2026-10-25', timeZone: 'Europe/Berlin' }), LATER);
    assert.equal(r.buckets[0].peak, 2);
    assert.equal(r.buckets[0].peakAt, '2026-10-25T10:00:00+01:00');
    // Day starts 2026-10-24T22:00Z; hours 08Z (1), 09Z (2), 10Z..22Z (13 x 1): 16 / 25.
    assert.equal(r.buckets[0].averagePeak, 16 / 25);
  });

  it('Asia/Kolkata: half-hour offset, a session that started before the range', () => {
    // 23:30 to 00:30 local, across the start of 2026-10-01.
    const ds = dataset([session('2026-09-30T18:00:00Z', '2026-09-30T19:00:00Z')]);
    const r = computeUsage(ds, q({ timeZone: 'Asia/Kolkata' }), LATER);
    assert.deepEqual(r.buckets[0], {
      start: '2026-10-01T00:00:00+05:30',
      end: '2026-10-02T00:00:00+05:30',
      available: 20,
      peak: 1,
      peakAt: '2026-10-01T00:00:00+05:30',
      averagePeak: 1 / 24,
      denied: 0,
    });
  });

  it('a zone whose midnight is skipped by DST starts the day at 01:00 (America/Santiago, 2026-09-06)', () => {
    const r = computeUsage(dataset([]), q({ from: '2026-09-06', to: '2026-09-06', timeZone: 'America/Santiago' }), LATER);
    assert.equal(r.buckets[0].start, '2026-09-06T01:00:00-03:00');
    assert.equal(r.buckets[0].end, '2026-09-07T00:00:00-03:00');
  });
});

describe('buckets: intervals and clipping', () => {
  it('ISO weeks start on Monday; the first and last are clipped to the range', () => {
    // 2026-10-01 is a Thursday; 2026-10-20 a Tuesday.
    const r = computeUsage(dataset([]), q({ from: '2026-10-01', to: '2026-10-20', interval: 'week' }), LATER);
    assert.deepEqual(
      r.buckets.map((b) => [b.start, b.end]),
      [
        ['2026-10-01T00:00:00+00:00', '2026-10-05T00:00:00+00:00'],
        ['2026-10-05T00:00:00+00:00', '2026-10-12T00:00:00+00:00'],
        ['2026-10-12T00:00:00+00:00', '2026-10-19T00:00:00+00:00'],
        ['2026-10-19T00:00:00+00:00', '2026-10-21T00:00:00+00:00'],
      ],
    );
  });

  it('months start on the 1st, in the zone, across a DST change', () => {
    const r = computeUsage(dataset([]), q({ from: '2026-09-15', to: '2026-11-10', interval: 'month', timeZone: 'Europe/Berlin' }), LATER);
    assert.deepEqual(
      r.buckets.map((b) => [b.start, b.end]),
      [
        ['2026-09-15T00:00:00+02:00', '2026-10-01T00:00:00+02:00'],
        ['2026-10-01T00:00:00+02:00', '2026-11-01T00:00:00+01:00'],
        ['2026-11-01T00:00:00+01:00', '2026-11-11T00:00:00+01:00'],
      ],
    );
  });

  it('month and week averagePeak is the mean of daily peaks', () => {
    // Peaks of 2 on Oct 5 and 1 on Oct 6, nothing else in the 31 days of October.
    const ds = dataset([
      session('2026-10-05T10:00:00Z', '2026-10-05T12:00:00Z'),
      session('2026-10-05T11:00:00Z', '2026-10-06T01:00:00Z'),
    ]);
    const month = computeUsage(ds, q({ from: '2026-10-01', to: '2026-10-31', interval: 'month' }), LATER);
    assert.equal(month.buckets[0].peak, 2);
    assert.equal(month.buckets[0].peakAt, '2026-10-05T11:00:00+00:00');
    assert.equal(month.buckets[0].averagePeak, 3 / 31);
    assert.equal(month.summary.averageDailyPeak, 3 / 31);
    const weeks = computeUsage(ds, q({ from: '2026-10-01', to: '2026-10-31', interval: 'week' }), LATER);
    assert.equal(weeks.buckets[1].averagePeak, 3 / 7);
    assert.equal(weeks.buckets[0].averagePeak, 0);
  });

  it('buckets are clipped at asOf; later buckets are omitted; an active session runs until asOf', () => {
    const ds = dataset([session('2026-10-02T06:00:00Z', null)]);
    const r = computeUsage(ds, q({ from: '2026-10-01', to: '2026-10-03' }), '2026-10-02T12:00:00Z');
    assert.equal(r.asOf, '2026-10-02T12:00:00Z');
    assert.deepEqual(
      r.buckets.map((b) => [b.end, b.peak, b.averagePeak]),
      [
        ['2026-10-02T00:00:00+00:00', 0, 0],
        // 12 hourly sub-periods, 06..11 active.
        ['2026-10-02T12:00:00+00:00', 1, 6 / 12],
      ],
    );
    assert.equal(r.summary.averageDailyPeak, 0.5);
    const hours = computeUsage(ds, q({ from: '2026-10-02', to: '2026-10-02', interval: 'hour' }), '2026-10-02T12:30:00Z');
    assert.equal(hours.buckets.length, 13);
    assert.equal(hours.buckets[12].end, '2026-10-02T12:30:00+00:00');
    // The clipped last hour has 30 minute sub-periods, all at 1.
    assert.equal(hours.buckets[12].averagePeak, 1);
  });

  it('a range starting at or after asOf has no buckets and a zero summary', () => {
    const r = computeUsage(dataset([session('2026-10-01T01:00:00Z', null)]), q({}), '2026-10-01T00:00:00Z');
    assert.deepEqual(r.buckets, []);
    assert.deepEqual(r.summary, { available: 0, peak: 0, averageDailyPeak: 0, utilization: null, denied: 0 });
  });

  it('an hour bucket averages its 60 minute peaks', () => {
    const ds = dataset([session('2026-10-01T10:00:00Z', '2026-10-01T10:30:00Z'), session('2026-10-01T10:15:00Z', '2026-10-01T10:16:00Z')]);
    const r = computeUsage(ds, q({ interval: 'hour' }), LATER);
    // 30 minutes at 1, one of them (10:15) at 2: (29 + 2) / 60.
    assert.equal(r.buckets[10].peak, 2);
    assert.equal(r.buckets[10].peakAt, '2026-10-01T10:15:00+00:00');
    assert.equal(r.buckets[10].averagePeak, 31 / 60);
  });
});

describe('peak and concurrency', () => {
  it('back-to-back sessions never overlap', () => {
    const ds = dataset([session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z'), session('2026-10-01T10:00:00Z', '2026-10-01T11:00:00Z')]);
    const r = computeUsage(ds, q({}), LATER);
    assert.equal(r.buckets[0].peak, 1);
    assert.equal(r.buckets[0].peakAt, '2026-10-01T09:00:00+00:00');
  });

  it('zero-length and reversed sessions are never active', () => {
    const ds = dataset([session('2026-10-01T09:00:00Z', '2026-10-01T09:00:00Z'), session('2026-10-01T10:00:00Z', '2026-10-01T09:00:00Z')]);
    const r = computeUsage(ds, q({}), LATER);
    assert.equal(r.buckets[0].peak, 0);
    assert.equal(r.buckets[0].peakAt, null);
    assert.equal(r.buckets[0].averagePeak, 0);
  });

  it('peakAt is the first instant the peak is reached', () => {
    const ds = dataset([
      session('2026-10-01T09:00:00Z', '2026-10-01T12:00:00Z'),
      session('2026-10-01T10:00:00Z', '2026-10-01T10:30:00Z'),
      session('2026-10-01T11:00:00Z', '2026-10-01T11:30:00Z'),
    ]);
    const r = computeUsage(ds, q({ timeZone: 'Europe/Berlin' }), LATER);
    assert.equal(r.buckets[0].peak, 2);
    assert.equal(r.buckets[0].peakAt, '2026-10-01T12:00:00+02:00');
  });

  it('sessions that started before the range count from its first instant', () => {
    const ds = dataset([session('2026-09-20T00:00:00Z', '2026-10-01T00:00:01Z'), session('2026-09-29T00:00:00Z', null)]);
    const r = computeUsage(ds, q({}), LATER);
    assert.equal(r.buckets[0].peak, 2);
    assert.equal(r.buckets[0].peakAt, '2026-10-01T00:00:00+00:00');
  });

  it('an instant with milliseconds keeps them in peakAt', () => {
    const ds = dataset([session('2026-10-01T09:00:00.250Z', '2026-10-01T10:00:00Z')]);
    assert.equal(computeUsage(ds, q({}), LATER).buckets[0].peakAt, '2026-10-01T09:00:00.250+00:00');
  });
});

describe('available', () => {
  it('is the latest allocation strictly before the clipped bucket end; a change at the end belongs to the next bucket', () => {
    const ds = dataset([], [
      allocation('2026-09-01T00:00:00Z', 10),
      allocation('2026-10-02T12:00:00Z', 15), // mid bucket 2
      allocation('2026-10-03T00:00:00Z', 18), // exactly at bucket 2's end
      allocation('2026-10-01T00:00:00Z', 99, null, 'testcloud'),
    ]);
    const r = computeUsage(ds, q({ from: '2026-10-01', to: '2026-10-03' }), LATER);
    assert.deepEqual(r.buckets.map((b) => b.available), [10, 15, 18]);
    assert.equal(r.summary.available, 18);
    // Clipped at asOf before the mid-bucket change: 10 then.
    const early = computeUsage(ds, q({ from: '2026-10-01', to: '2026-10-03' }), '2026-10-02T11:00:00Z');
    assert.deepEqual(early.buckets.map((b) => b.available), [10, 10]);
    // Before any allocation: 0, and utilization is null.
    const none = computeUsage(ds, q({ from: '2026-08-01', to: '2026-08-01' }), LATER);
    assert.equal(none.buckets[0].available, 0);
    assert.equal(none.summary.utilization, null);
  });

  it('summary: peak is the max bucket peak; with one allocation, utilization is peak / available', () => {
    const ds = dataset(
      [session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z'), session('2026-10-02T09:00:00Z', '2026-10-02T10:00:00Z'), session('2026-10-02T09:30:00Z', '2026-10-02T10:00:00Z')],
      [allocation('2026-01-01T00:00:00Z', 8)],
    );
    const r = computeUsage(ds, q({ from: '2026-10-01', to: '2026-10-04' }), LATER);
    assert.deepEqual(r.summary, { available: 8, peak: 2, averageDailyPeak: 3 / 4, utilization: 0.25, denied: 0 });
  });
});

describe('organization filter', () => {
  const ds = dataset(
    [
      session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { organizationId: 'qa' }),
      session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { organizationId: 'qa-berlin' }),
      session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { organizationId: 'dev' }),
      session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { organizationId: null }),
    ],
    [allocation('2026-01-01T00:00:00Z', 10), allocation('2026-01-01T00:00:00Z', 4, 'qa'), allocation('2026-01-01T00:00:00Z', 2, 'qa-berlin'), allocation('2026-01-01T00:00:00Z', 3, 'dev')],
  );
  const peakAndAvailable = (ids?: string[]) => {
    const b = computeUsage(ds, q({ organizationIds: ids }), LATER).buckets[0];
    return [b.peak, b.available];
  };

  it('no filter: every session and every scope, the account-wide one included', () => {
    assert.deepEqual(peakAndAvailable(), [4, 19]);
  });
  it('an organization matches itself and its descendants for sessions; available draws on their scopes, their ancestors\' and the account\'s', () => {
    // qa: sessions of qa and qa-berlin; licenses of qa (4), qa-berlin (2), root (none) and the account (10).
    assert.deepEqual(peakAndAvailable(['qa']), [2, 16]);
    assert.deepEqual(peakAndAvailable(['root']), [3, 19]);
    // qa-berlin draws on qa and the account above it; dev on the account: 2 + 4 + 3 + 10.
    assert.deepEqual(peakAndAvailable(['qa-berlin', 'dev']), [2, 19]);
    assert.deepEqual(peakAndAvailable(['qa', 'qa-berlin']), [2, 16]);
    // dev alone: its own 3 and the account's 10, not its sibling qa's.
    assert.deepEqual(peakAndAvailable(['dev']), [1, 13]);
  });
  it('lists every organization for the filter options', () => {
    assert.deepEqual(computeUsage(ds, q({}), LATER).organizations.map((o) => o.id), ['root', 'qa', 'qa-berlin', 'dev']);
  });
  it('an unknown organization is a clear error naming organizationId', () => {
    assert.throws(() => computeUsage(ds, q({ organizationIds: ['nope'] }), LATER), (e: unknown) => e instanceof ContractError && e.field === 'organizationId' && /nope/.test(e.message));
  });
});

describe('query and dataset validation', () => {
  const ds = dataset([]);
  const field = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof ContractError, String(e));
      return e.field;
    }
    assert.fail('no error thrown');
  };
  it('names the bad query field', () => {
    assert.equal(field(() => computeUsage(ds, q({ interval: 'year' as never }), LATER)), 'interval');
    assert.equal(field(() => computeUsage(ds, q({ from: '2026-02-30' }), LATER)), 'from');
    assert.equal(field(() => computeUsage(ds, q({ to: '2026-09-30' }), LATER)), 'to');
    assert.equal(field(() => computeUsage(ds, q({ timeZone: 'Mars/Olympus' }), LATER)), 'timeZone');
    assert.equal(field(() => computeUsage(ds, q({ product: 'jira' as never }), LATER)), 'product');
    assert.equal(field(() => computeUsage(ds, q({}), 'yesterday')), 'asOf');
  });
  it('an hour query may span 31 days, not 32', () => {
    assert.equal(computeUsage(ds, q({ from: '2026-10-01', to: '2026-10-31', interval: 'hour' }), LATER).buckets.length, 31 * 24);
    assert.equal(field(() => computeUsage(ds, q({ from: '2026-10-01', to: '2026-11-01', interval: 'hour' }), LATER)), 'interval');
  });
  it('names the bad dataset record', () => {
    const bad = (patch: object) => ({ ...dataset([session('2026-10-01T09:00:00Z', null, patch)]) });
    assert.equal(field(() => computeUsage(bad({ started: '2026-10-01 09:00' }), q({}), LATER)), 'sessions[0].started');
    assert.equal(field(() => computeUsage(bad({ ended: 'soon' }), q({}), LATER)), 'sessions[0].ended');
    assert.equal(field(() => computeUsage(bad({ organizationId: 'ghost' }), q({}), LATER)), 'sessions[0].organizationId');
    assert.equal(field(() => computeUsage(bad({ product: 'x' }), q({}), LATER)), 'sessions[0].product');
    assert.equal(field(() => computeUsage({ ...dataset([]), allocations: [allocation('2026-01-01T00:00:00Z', -1)] }, q({}), LATER)), 'allocations[0].sessions');
    assert.match(
      field(() => computeUsage({ ...dataset([]), organizations: [{ id: 'a', name: 'A', parentId: 'b' }, { id: 'b', name: 'B', parentId: 'a' }] }, q({}), LATER)),
      /^organizations\[[01]\]\.parentId$/,
    );
  });
});
