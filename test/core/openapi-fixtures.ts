/**
 * Data for test/core/openapi.test.ts: a small hand-made account whose 1.1 numbers are never
 * trivial (denials in and out of buckets, allocation changes of several scopes, one at the same
 * instant as another and one that changes nothing, a daylight-saving night, sessions running at
 * the service's now and at an earlier `asOf`), and hand-written bodies of `POST /events`, which
 * has no implementation in this package to ask.
 */
import type { Allocation, Dataset, DenialRecord, Organization, Product, SessionRecord } from '../../src/core/index.js';

// ---------------------------------------------------------------------------------------------
// A small account. Europe/Berlin leaves summer time on Sunday 2026-10-25 at 01:00Z (03:00 CEST
// becomes 02:00 CET); the service's now is a Wednesday afternoon, with milliseconds.

export const SMALL_AS_OF = '2026-10-28T15:30:00.250Z';

const organizations: Organization[] = [
  { id: 'org-root', name: 'Acme Corp', parentId: null },
  { id: 'org-qa', name: 'QA Europe', parentId: 'org-root' },
  { id: 'org-qa-berlin', name: 'QA Berlin', parentId: 'org-qa' },
  { id: 'org-dev', name: 'Development', parentId: 'org-root' },
];

const allocations: Allocation[] = [
  { product: 'kre', organizationId: null, effectiveFrom: '2026-09-01T00:00:00Z', sessions: 4 },
  { product: 'kre', organizationId: 'org-qa', effectiveFrom: '2026-10-01T00:00:00Z', sessions: 2 },
  { product: 'kre', organizationId: 'org-dev', effectiveFrom: '2026-10-20T00:00:00Z', sessions: 1 },
  // The same value again: not a change.
  { product: 'kre', organizationId: 'org-dev', effectiveFrom: '2026-10-22T00:00:00Z', sessions: 1 },
  // Two scopes at one instant, in the repeated hour of the DST night (02:30 CET).
  { product: 'kre', organizationId: 'org-qa', effectiveFrom: '2026-10-25T01:30:00Z', sessions: 3 },
  { product: 'kre', organizationId: null, effectiveFrom: '2026-10-25T01:30:00Z', sessions: 6 },
  { product: 'kre', organizationId: 'org-qa-berlin', effectiveFrom: '2026-10-26T08:00:00Z', sessions: 1 },
  { product: 'kre', organizationId: 'org-qa', effectiveFrom: '2026-10-27T12:00:00Z', sessions: 2 },
  { product: 'testcloud', organizationId: null, effectiveFrom: '2026-09-01T00:00:00Z', sessions: 2 },
  { product: 'testcloud', organizationId: null, effectiveFrom: '2026-10-26T00:00:00Z', sessions: 3 },
];

const PEOPLE = {
  ada: { name: 'Ada Lovelace', email: 'ada@example.com' },
  grace: { name: 'Grace Hopper', email: 'grace@example.com' },
  linus: { name: 'Linus Torvalds', email: 'linus@example.com' },
  barbara: { name: 'Barbara Liskov', email: 'barbara@example.com' },
  ken: { name: 'Ken Thompson', email: 'ken@example.com' },
};
type Person = keyof typeof PEOPLE;

const SOURCES: Record<string, string> = {
  'org-root': 'Acme Corp',
  'org-qa': 'QA Europe',
  'org-qa-berlin': 'QA Europe',
  'org-dev': 'Acme Corp',
};

function session(
  sessionId: string,
  who: Person,
  organizationId: string | null,
  started: string,
  ended: string | null,
  product: Product = 'kre',
): SessionRecord {
  return {
    sessionId,
    product,
    user: { ...PEOPLE[who] },
    machineId: `m-${who}`,
    licenseSource: organizationId ? SOURCES[organizationId] : 'Acme Corp',
    organizationId,
    licenseType: product === 'kre' ? 'KRE Session' : 'TestCloud Session',
    started,
    ended,
  };
}

function denial(requestId: string, who: Person, organizationId: string | null, at: string, product: Product = 'kre'): DenialRecord {
  return {
    requestId,
    product,
    at,
    user: { ...PEOPLE[who] },
    machineId: `m-${who}`,
    licenseSource: organizationId ? SOURCES[organizationId] : 'Acme Corp',
    organizationId,
  };
}

const sessions: SessionRecord[] = [
  session('s-11', 'barbara', 'org-root', '2026-10-20T10:00:00Z', '2026-10-20T11:00:00Z'),
  // Across the DST night.
  session('s-01', 'ada', 'org-qa', '2026-10-24T22:00:00Z', '2026-10-25T02:30:00Z'),
  session('s-02', 'grace', 'org-qa-berlin', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'),
  // Back to back with s-02.
  session('s-03', 'linus', 'org-dev', '2026-10-25T01:30:00Z', '2026-10-25T03:00:00Z'),
  session('s-04', 'barbara', null, '2026-10-26T07:00:00Z', '2026-10-26T09:15:30Z'),
  session('s-05', 'ada', 'org-qa', '2026-10-26T08:00:00Z', '2026-10-26T12:00:00Z'),
  session('s-06', 'grace', 'org-qa-berlin', '2026-10-26T08:30:00Z', '2026-10-27T10:00:00Z'),
  // Never active (ended <= started).
  session('s-07', 'ken', 'org-dev', '2026-10-27T09:00:00Z', '2026-10-27T09:00:00Z'),
  // Still running at the service's now.
  session('s-08', 'ada', 'org-qa', '2026-10-28T09:00:00Z', null),
  // Two sessions with one start (the sessionId tie-break), both running at 12:00.
  session('s-09', 'linus', 'org-dev', '2026-10-28T10:00:00Z', '2026-10-28T14:00:00Z'),
  session('s-0a', 'ken', 'org-qa', '2026-10-28T10:00:00Z', '2026-10-28T13:00:00Z'),
  // Its record ends after the service's now: active in every answer.
  session('s-10', 'grace', 'org-qa-berlin', '2026-10-28T13:00:00Z', '2026-10-28T16:00:00Z'),
  session('t-01', 'ada', 'org-qa', '2026-10-26T10:00:00Z', '2026-10-26T11:00:00Z', 'testcloud'),
];

const denials: DenialRecord[] = [
  denial('r-01', 'grace', 'org-qa-berlin', '2026-10-25T00:45:00Z'),
  // In the repeated hour, without an organization.
  denial('r-02', 'barbara', null, '2026-10-25T01:30:00Z'),
  denial('r-03', 'linus', 'org-dev', '2026-10-26T08:10:00Z'),
  // At 2026-10-27T00:00+01:00 exactly: the first instant of a Berlin day.
  denial('r-04', 'ada', 'org-qa', '2026-10-26T23:00:00Z'),
  denial('r-05', 'ken', 'org-qa', '2026-10-28T09:05:00Z'),
  // After the service's now: counted nowhere.
  denial('r-06', 'ada', 'org-qa', '2026-10-28T15:45:00Z'),
  denial('r-t1', 'linus', 'org-dev', '2026-10-26T10:30:00Z', 'testcloud'),
];

export const smallDataset: Dataset = { organizations, allocations, sessions, denials };

/**
 * The dataset with denials: its own when it has some, else one per 40th session, at its start
 * (a generator that records none must not leave `denied` at 0 everywhere).
 */
export function withDenials(dataset: Dataset): Dataset {
  if (dataset.denials?.length) return dataset;
  const derived = dataset.sessions
    .filter((_, i) => i % 40 === 7)
    .map(
      (s, k): DenialRecord => ({
        requestId: `r-derived-${k}`,
        product: s.product,
        at: s.started,
        user: { ...s.user },
        machineId: s.machineId,
        licenseSource: s.licenseSource,
        organizationId: s.organizationId,
      }),
    );
  return { ...dataset, denials: derived };
}

// ---------------------------------------------------------------------------------------------
// POST /events (CONTRACT 3.5)

/** One valid event of each of the five types. */
export const validEvents: Array<Record<string, unknown>> = [
  { type: 'organization', id: 'org-qa', name: 'QA Europe', parentId: 'org-root' },
  { type: 'allocation', product: 'kre', organizationId: null, effectiveFrom: '2026-10-15T07:30:00Z', sessions: 20 },
  {
    type: 'session-start',
    product: 'kre',
    sessionId: 's-7f3a',
    at: '2026-10-30T08:00:00Z',
    user: { name: 'Ada Lovelace', email: 'ada@example.com' },
    machineId: 'm-41c2',
    licenseSource: 'Acme Corp',
    organizationId: 'org-qa',
    licenseType: 'KRE Session',
  },
  { type: 'session-end', product: 'kre', sessionId: 's-7f3a', at: '2026-10-30T09:12:45.500+01:00' },
  {
    type: 'denied',
    product: 'testcloud',
    requestId: 'r-19c2',
    at: '2026-10-30T08:01:00Z',
    user: { name: 'Grace Hopper', email: 'grace@example.com' },
    machineId: 'm-09aa',
    licenseSource: 'QA Europe',
    organizationId: null,
  },
];

/** The same events as an NDJSON body, with a blank line (not counted) and a trailing newline. */
export const validNdjson = validEvents.map((e) => JSON.stringify(e)).join('\n').replace('\n', '\n\n') + '\n';

/** An answer that stored three events, found one duplicate and rejected one. */
export const answerWithRejection = {
  accepted: 3,
  duplicates: 1,
  rejected: [{ index: 4, detail: 'at: not an ISO 8601 instant' }],
};

const [organizationEvent, allocationEvent, startEvent, endEvent, deniedEvent] = validEvents;
const without = (event: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(event).filter(([k]) => k !== key));

/** Events that break the schema, each for one reason. */
export const invalidEvents: Array<{ name: string; event: unknown }> = [
  { name: 'an unknown type', event: { ...startEvent, type: 'session-pause' } },
  { name: 'no type', event: without(startEvent, 'type') },
  { name: 'session-start without at', event: without(startEvent, 'at') },
  { name: 'session-end without at', event: without(endEvent, 'at') },
  { name: 'denied without at', event: without(deniedEvent, 'at') },
  { name: 'an at without an offset', event: { ...endEvent, at: '2026-10-30T09:12:45' } },
  { name: 'an at that is no instant', event: { ...deniedEvent, at: 'yesterday' } },
  { name: 'an unknown product', event: { ...startEvent, product: 'katalon' } },
  { name: 'session-start without user', event: without(startEvent, 'user') },
  { name: 'a user without email', event: { ...startEvent, user: { name: 'Ada Lovelace' } } },
  { name: 'denied without requestId', event: without(deniedEvent, 'requestId') },
  { name: 'an allocation of -1 sessions', event: { ...allocationEvent, sessions: -1 } },
  { name: 'an allocation of 2.5 sessions', event: { ...allocationEvent, sessions: 2.5 } },
  { name: 'an allocation without its scope', event: without(allocationEvent, 'organizationId') },
  { name: 'an organization without parentId', event: without(organizationEvent, 'parentId') },
  { name: 'an organization with an empty id', event: { ...organizationEvent, id: '' } },
  { name: 'not an object', event: 'session-start' },
];

/** A dataset's records as the events that load it (CONTRACT 3.5: loading a file is sending them). */
export function datasetAsEvents(dataset: Dataset): Array<Record<string, unknown>> {
  const events: Array<Record<string, unknown>> = [];
  for (const { id, name, parentId } of dataset.organizations) events.push({ type: 'organization', id, name, parentId });
  for (const a of dataset.allocations) events.push({ type: 'allocation', ...a });
  for (const { started, ended, ...s } of dataset.sessions) {
    events.push({ type: 'session-start', ...s, at: started });
    if (ended !== null) events.push({ type: 'session-end', product: s.product, sessionId: s.sessionId, at: ended });
  }
  for (const d of dataset.denials ?? []) events.push({ type: 'denied', ...d });
  return events;
}
