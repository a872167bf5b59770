/**
 * The contract fixtures every store must answer exactly as core does: the hand-made datasets of
 * test/core's exact-number tests (DST days, half-hour zones, skipped and repeated midnights,
 * back-to-back, active, allocation changes, nested organizations, denials), each with the queries
 * those tests ask, over every interval, sort and filter.
 */
import type { CapacityQuery, Dataset, SessionsQuery, UsageQuery } from '../../src/core/index.js';
import { SORT_FIELDS } from '../../src/core/index.js';
import { LATER, ORGS, allocation, dataset, denial, session } from '../core/fixtures.js';

export interface Fixture {
  name: string;
  dataset: Dataset;
  asOf: string;
  usage: UsageQuery[];
  sessions: SessionsQuery[];
  capacity: CapacityQuery[];
}

const INTERVALS = ['hour', 'day', 'week', 'month'] as const;

/** Usage in every interval (hour only where the range allows), sessions in every sort and order, capacity with and without replay. */
function queries(timeZone: string, from: string, to: string, hourTo = to, organizationIds?: string[]) {
  const usage: UsageQuery[] = INTERVALS.map((interval) => ({
    product: 'kre' as const,
    from,
    to: interval === 'hour' ? hourTo : to,
    interval,
    timeZone,
    organizationIds,
  }));
  const sessions: SessionsQuery[] = [];
  for (const sort of SORT_FIELDS) {
    for (const order of ['asc', 'desc'] as const) sessions.push({ product: 'kre', from, to, timeZone, sort, order, organizationIds, limit: 7 });
  }
  sessions.push({ product: 'kre', from, to, timeZone, q: 'S-0', offset: 1, limit: 3 });
  sessions.push({ product: 'kre', timeZone, activeAt: `${from}T09:30:00Z`, sort: 'duration', organizationIds });
  sessions.push({ product: 'kre', from, to, timeZone, activeAt: `${to}T10:00:00+02:00`, sort: 'ended', order: 'asc' });
  sessions.push({ product: 'kre', from, to, timeZone, asOf: `${from}T10:00:00Z`, sort: 'ended' });
  const capacity: CapacityQuery[] = [
    { product: 'kre', from, to, timeZone, organizationIds },
    { product: 'kre', from, to, timeZone, organizationIds, licenses: 1 },
    { product: 'kre', from, to, timeZone, organizationIds, licenses: 0 },
  ];
  return { usage, sessions, capacity };
}

export const FIXTURES: Fixture[] = [
  {
    name: 'America/New_York spring forward and fall back',
    dataset: dataset([
      session('2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z'),
      session('2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z'),
      session('2026-11-01T05:45:00Z', '2026-11-01T06:10:00Z'),
    ]),
    asOf: LATER,
    ...queries('America/New_York', '2026-03-07', '2026-03-09'),
  },
  {
    name: 'America/New_York fall back day, hours',
    dataset: dataset([session('2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z'), session('2026-11-01T06:00:00Z', '2026-11-01T07:00:00Z')]),
    asOf: LATER,
    ...queries('America/New_York', '2026-10-31', '2026-11-02'),
  },
  {
    name: 'Europe/Berlin: 23 and 25 hour days, months across DST',
    dataset: dataset([
      session('2026-03-29T00:30:00Z', '2026-03-29T02:00:00Z'),
      session('2026-10-25T00:15:00Z', '2026-10-25T01:45:00Z'),
      session('2026-10-25T00:45:00Z', null),
    ]),
    asOf: '2026-10-26T10:00:00Z',
    ...queries('Europe/Berlin', '2026-03-01', '2026-10-31', '2026-03-30'),
  },
  {
    name: 'Asia/Kolkata half-hour offset, a session from before the range',
    dataset: dataset([
      session('2026-09-30T18:00:00Z', '2026-09-30T19:00:00Z'),
      session('2026-10-01T03:30:00Z', '2026-10-01T05:00:00Z'),
      session('2026-10-01T04:30:00Z', '2026-10-01T04:45:00Z'),
    ]),
    asOf: LATER,
    ...queries('Asia/Kolkata', '2026-10-01', '2026-10-02'),
  },
  {
    name: 'Australia/Lord_Howe 30-minute DST',
    dataset: dataset([
      session('2026-10-03T23:40:00Z', '2026-10-03T23:50:00Z'),
      session('2026-10-04T12:40:00Z', '2026-10-04T12:50:00Z'),
      session('2026-04-04T14:50:00Z', '2026-04-04T15:40:00Z'),
    ]),
    asOf: LATER,
    ...queries('Australia/Lord_Howe', '2026-10-03', '2026-10-05'),
  },
  {
    name: 'America/Santiago: a skipped midnight (2026-09-06)',
    dataset: dataset([session('2026-09-06T03:30:00Z', '2026-09-06T04:30:00Z'), session('2026-09-06T05:00:00Z', '2026-09-07T05:00:00Z')]),
    asOf: LATER,
    ...queries('America/Santiago', '2026-09-05', '2026-09-07'),
  },
  {
    name: 'America/Havana: a repeated midnight (2026-11-01)',
    dataset: dataset([session('2026-11-01T04:10:00Z', '2026-11-01T05:10:00Z'), session('2026-11-01T03:50:00Z', '2026-11-01T04:05:00Z')]),
    asOf: LATER,
    ...queries('America/Havana', '2026-10-31', '2026-11-02'),
  },
  {
    name: 'back-to-back, zero-length, reversed and millisecond sessions',
    dataset: dataset([
      session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z'),
      session('2026-10-01T10:00:00Z', '2026-10-01T11:00:00Z'),
      session('2026-10-01T11:00:00Z', '2026-10-01T11:00:00Z'),
      session('2026-10-01T12:00:00Z', '2026-10-01T11:00:00Z'),
      session('2026-10-01T12:00:00.250Z', '2026-10-01T12:30:00.750Z'),
      session('2026-10-01T12:00:00.250Z', '2026-10-01T12:10:00Z', { sessionId: 'S-0a' }),
    ]),
    asOf: LATER,
    ...queries('UTC', '2026-10-01', '2026-10-01'),
  },
  {
    name: 'active sessions clipped at asOf (with milliseconds)',
    dataset: dataset([
      session('2026-10-01T08:00:00Z', null),
      session('2026-10-01T09:00:00Z', '2026-10-05T00:00:00Z'),
      session('2026-10-01T10:30:00Z', null),
      session('2026-10-01T11:00:00Z', null),
    ]),
    asOf: '2026-10-01T10:45:30.125Z',
    ...queries('Europe/Berlin', '2026-09-30', '2026-10-02'),
  },
  {
    name: 'allocation changes: at bucket ends, repeated values, scopes',
    dataset: dataset(
      [session('2026-10-01T09:00:00Z', '2026-10-01T12:00:00Z'), session('2026-10-02T09:00:00Z', '2026-10-02T12:00:00Z', { organizationId: 'dev' })],
      [
        allocation('2026-09-01T00:00:00Z', 20),
        allocation('2026-10-01T00:00:00Z', 25),
        allocation('2026-10-02T00:00:00Z', 25),
        allocation('2026-10-02T09:30:00Z', 16),
        allocation('2026-10-01T12:00:00Z', 4, 'qa'),
        allocation('2026-10-01T12:00:00Z', 3, 'dev'),
        allocation('2026-10-03T00:00:00Z', 5, 'qa-berlin'),
      ],
    ),
    asOf: '2026-10-03T06:00:00Z',
    ...queries('UTC', '2026-10-01', '2026-10-03'),
  },
  {
    name: 'nested organizations: a team, its subtree, its ancestors\' pools, denials',
    dataset: {
      ...dataset(
        [
          session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { organizationId: 'qa-berlin' }),
          session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { organizationId: 'dev' }),
          session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { organizationId: null }),
          session('2026-10-01T09:30:00Z', '2026-10-01T10:30:00Z', { organizationId: 'qa', licenseSource: 'QA Europe' }),
        ],
        [allocation('2026-01-01T00:00:00Z', 10), allocation('2026-01-01T00:00:00Z', 4, 'qa'), allocation('2026-01-01T00:00:00Z', 3, 'dev')],
      ),
      denials: [
        denial('2026-10-01T09:30:00Z', { organizationId: 'qa-berlin' }),
        denial('2026-10-01T09:31:00Z', { organizationId: 'dev' }),
        denial('2026-10-01T00:00:00Z', { organizationId: null }),
        denial('2026-10-02T00:00:00Z'),
      ],
    },
    asOf: LATER,
    ...queries('UTC', '2026-10-01', '2026-10-01', '2026-10-01', ['qa']),
  },
  {
    name: 'no filter over the same organizations, TestCloud beside KRE',
    dataset: {
      organizations: ORGS,
      allocations: [allocation('2026-01-01T00:00:00Z', 10), allocation('2026-01-01T00:00:00Z', 2, null, 'testcloud')],
      sessions: [
        session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { organizationId: 'qa-berlin' }),
        session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { product: 'testcloud' }),
      ],
      denials: [denial('2026-10-01T09:30:00Z', { product: 'testcloud' })],
    },
    asOf: LATER,
    ...queries('Europe/Berlin', '2026-10-01', '2026-10-01'),
  },
  {
    name: 'an empty account',
    dataset: { organizations: [], allocations: [], sessions: [] },
    asOf: '2026-10-31T10:15:00Z',
    ...queries('Europe/Berlin', '2026-10-01', '2026-10-31', '2026-10-03'),
  },
];
