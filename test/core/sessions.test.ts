/**
 * Exact results for the sessions list (CONTRACT 3.2 and 4, "Sessions list").
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContractError, querySessions, type SessionsQuery } from '../../src/core/index.js';
import { LATER, dataset, session } from './fixtures.js';

const q = (over: Partial<SessionsQuery>): SessionsQuery => ({
  product: 'kre',
  from: '2026-10-01',
  to: '2026-10-01',
  timeZone: 'UTC',
  ...over,
});
const ids = (r: ReturnType<typeof querySessions>) => r.items.map((i) => i.sessionId);

describe('date range', () => {
  // 23:30Z on Oct 1 is 01:30 on Oct 2 in Berlin.
  const ds = dataset([
    session('2026-10-01T23:30:00Z', '2026-10-02T00:30:00Z', { sessionId: 'late' }),
    session('2026-09-30T22:30:00Z', '2026-09-30T23:00:00Z', { sessionId: 'early' }),
  ]);
  it('filters on started, in the time zone', () => {
    assert.deepEqual(ids(querySessions(ds, q({}), LATER)), ['late']);
    assert.deepEqual(ids(querySessions(ds, q({ timeZone: 'Europe/Berlin' }), LATER)), ['early']);
    assert.deepEqual(ids(querySessions(ds, q({ timeZone: 'Europe/Berlin', to: '2026-10-02' }), LATER)), ['late', 'early']);
  });
  it('on a 25-hour DST day the range covers all 25 hours', () => {
    const dst = dataset([session('2026-10-25T22:59:59Z', null, { sessionId: 'last-second' }), session('2026-10-25T23:00:00Z', null, { sessionId: 'next-day' })]);
    assert.deepEqual(ids(querySessions(dst, q({ from: '2026-10-25', to: '2026-10-25', timeZone: 'Europe/Berlin' }), LATER)), ['last-second']);
  });
});

describe('activeAt (drill-down)', () => {
  const ds = dataset([
    session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', { sessionId: 'ended-at' }),
    session('2026-10-01T10:00:00Z', '2026-10-01T11:00:00Z', { sessionId: 'started-at' }),
    session('2026-10-01T08:00:00Z', null, { sessionId: 'active' }),
    session('2026-10-01T09:30:00Z', '2026-10-01T09:00:00Z', { sessionId: 'reversed' }),
    session('2026-09-01T09:00:00Z', '2026-12-01T00:00:00Z', { sessionId: 'long' }),
    session('2026-10-01T10:00:01Z', null, { sessionId: 'after' }),
  ]);
  it('lists the sessions whose half-open span contains the instant, ignoring the date range', () => {
    const r = querySessions(ds, { product: 'kre', timeZone: 'UTC', activeAt: '2026-10-01T10:00:00Z' }, LATER);
    assert.deepEqual(ids(r), ['started-at', 'active', 'long']);
    assert.equal(r.total, 3);
    // The date range is replaced, not combined.
    assert.equal(querySessions(ds, q({ from: '2026-11-01', to: '2026-11-01', activeAt: '2026-10-01T10:00:00+00:00' }), LATER).total, 3);
  });
  it('with activeAt, from and to are not read at all', () => {
    assert.equal(querySessions(ds, { product: 'kre', timeZone: 'UTC', from: 'garbage', activeAt: '2026-10-01T10:00:00Z' }, LATER).total, 3);
  });
  it('a session running at asOf is active until asOf only, whatever its record says later', () => {
    const before = querySessions(ds, { product: 'kre', timeZone: 'UTC', activeAt: '2026-10-01T11:59:59Z' }, '2026-10-01T12:00:00Z');
    assert.deepEqual(ids(before), ['after', 'active', 'long']);
    // long's record ends in December, but at 12:00 it is running: it is shown active.
    assert.equal(before.items.find((i) => i.sessionId === 'long')?.ended, null);
    const at = querySessions(ds, { product: 'kre', timeZone: 'UTC', activeAt: '2026-10-01T12:00:00Z' }, '2026-10-01T12:00:00Z');
    assert.deepEqual(ids(at), []);
  });
});

describe('search and filters', () => {
  const ds = dataset([
    session('2026-10-01T09:00:00Z', null, { sessionId: 's-ada', user: { name: 'Ada Lovelace', email: 'ada@example.com' }, machineId: 'm-41c2', licenseSource: 'Acme Corp', organizationId: 'qa' }),
    session('2026-10-01T10:00:00Z', null, { sessionId: 's-bob', user: { name: 'Bob', email: 'bob@acme.test' }, machineId: 'M-ADA9', licenseSource: 'QA Europe', organizationId: 'qa-berlin' }),
    session('2026-10-01T11:00:00Z', null, { sessionId: 's-cy', user: { name: 'Cy', email: 'cy@x.test' }, machineId: 'm-1', licenseSource: 'Ada Resellers', organizationId: 'dev' }),
    session('2026-10-01T12:00:00Z', null, { sessionId: 's-none', user: { name: 'Dee', email: 'dee@x.test' }, machineId: 'm-2', licenseSource: 'Acme Corp', organizationId: null }),
  ]);
  it('q matches a case-insensitive substring of name, email, session id or machine id, not license source', () => {
    assert.deepEqual(ids(querySessions(ds, q({ q: 'ADA' }), LATER)), ['s-bob', 's-ada']);
    assert.deepEqual(ids(querySessions(ds, q({ q: 'acme.TEST' }), LATER)), ['s-bob']);
    assert.deepEqual(ids(querySessions(ds, q({ q: '  s-cy ' }), LATER)), ['s-cy']);
    assert.equal(querySessions(ds, q({ q: 'Resellers' }), LATER).total, 0);
  });
  it('licenseSource and organization filters (with descendants) combine', () => {
    assert.deepEqual(ids(querySessions(ds, q({ licenseSources: ['Acme Corp'] }), LATER)), ['s-none', 's-ada']);
    assert.deepEqual(ids(querySessions(ds, q({ organizationIds: ['qa'] }), LATER)), ['s-bob', 's-ada']);
    assert.deepEqual(ids(querySessions(ds, q({ organizationIds: ['root'] }), LATER)), ['s-cy', 's-bob', 's-ada']);
    assert.deepEqual(ids(querySessions(ds, q({ organizationIds: ['qa'], licenseSources: ['QA Europe', 'Ada Resellers'] }), LATER)), ['s-bob']);
  });
  it('items carry the organization path; facets list license sources of the range and every organization', () => {
    const r = querySessions(ds, q({ q: 'bob' }), LATER);
    assert.deepEqual(r.items[0].organization, { id: 'qa-berlin', name: 'QA Berlin', path: ['Acme Corp', 'QA Europe', 'QA Berlin'] });
    assert.deepEqual(r.facets.licenseSources, ['Acme Corp', 'Ada Resellers', 'QA Europe']);
    assert.deepEqual(r.facets.organizations.map((o) => o.id), ['root', 'qa', 'qa-berlin', 'dev']);
    assert.equal(querySessions(ds, q({ q: 'dee' }), LATER).items[0].organization, null);
  });
});

describe('sort, order and paging', () => {
  const ds = dataset([
    session('2026-10-01T09:00:00Z', '2026-10-01T09:30:00Z', { sessionId: 'a', user: { name: 'émile', email: 'z@x' } }),
    session('2026-10-01T08:00:00Z', null, { sessionId: 'b', user: { name: 'Zoe', email: 'y@x' } }),
    session('2026-10-01T10:00:00Z', '2026-10-01T12:00:00Z', { sessionId: 'c', user: { name: 'Emil', email: 'x@x' } }),
    session('2026-10-01T10:00:00Z', '2026-10-01T10:05:00Z', { sessionId: 'd', user: { name: 'emil', email: 'w@x' } }),
    session('2026-10-01T07:00:00Z', '2026-10-01T07:00:00Z', { sessionId: 'e', user: { name: 'user 10', email: 'v@x' } }),
    session('2026-10-01T07:30:00Z', '2026-10-01T08:00:00Z', { sessionId: 'f', user: { name: 'user 9', email: 'u@x' } }),
  ]);
  const sorted = (over: Partial<SessionsQuery>) => ids(querySessions(ds, q(over), '2026-10-01T13:00:00Z'));

  it('defaults to started, newest first; equal starts by session id ascending, in either order', () => {
    assert.deepEqual(sorted({}), ['c', 'd', 'a', 'b', 'f', 'e']);
    assert.deepEqual(sorted({ order: 'asc' }), ['e', 'f', 'b', 'a', 'c', 'd']);
  });
  it('text sorts by a numeric, accent- and case-folded key, then by the text itself', () => {
    // Emil and emil share a key: the texts' own order puts Emil first; émile after them, user 9 before user 10.
    assert.deepEqual(sorted({ sort: 'user', order: 'asc' }), ['c', 'd', 'a', 'f', 'e', 'b']);
    assert.deepEqual(sorted({ sort: 'user', order: 'desc' }), ['b', 'e', 'f', 'a', 'd', 'c']);
    assert.deepEqual(sorted({ sort: 'email', order: 'asc' }), ['f', 'e', 'd', 'c', 'b', 'a']);
  });
  it('duration counts an active session until asOf; ended puts active sessions last', () => {
    // e 0, d 5 min, a 30 min, f 30 min, c 2 h, b 5 h (active). a and f tie: by session id, in either order.
    assert.deepEqual(sorted({ sort: 'duration', order: 'asc' }), ['e', 'd', 'a', 'f', 'c', 'b']);
    assert.deepEqual(sorted({ sort: 'duration', order: 'desc' }), ['b', 'c', 'a', 'f', 'd', 'e']);
    assert.deepEqual(sorted({ sort: 'ended', order: 'asc' }), ['e', 'f', 'a', 'd', 'c', 'b']);
    assert.deepEqual(sorted({ sort: 'ended', order: 'desc' }), ['b', 'c', 'd', 'a', 'f', 'e']);
  });
  it('offset and limit page through; total counts every match', () => {
    const page = querySessions(ds, q({ offset: 2, limit: 3 }), LATER);
    assert.deepEqual([page.total, page.offset, page.limit, ids(page)], [6, 2, 3, ['a', 'b', 'f']]);
    assert.deepEqual(ids(querySessions(ds, q({ offset: 6 }), LATER)), []);
    assert.equal(querySessions(ds, q({}), LATER).limit, 50);
  });
  it('normalises instants to UTC with Z', () => {
    const odd = dataset([session('2026-10-01T11:00+02:00', '2026-10-01T10:30:00.500+01:00', { sessionId: 'odd' })]);
    const item = querySessions(odd, q({}), LATER).items[0];
    assert.deepEqual([item.started, item.ended], ['2026-10-01T09:00:00Z', '2026-10-01T09:30:00.500Z']);
  });
  it('passes session fields through', () => {
    const item = querySessions(ds, q({ q: 'zoe' }), LATER).items[0];
    assert.deepEqual(item, {
      sessionId: 'b',
      user: { name: 'Zoe', email: 'y@x' },
      machineId: 'm-b',
      licenseSource: 'Acme Corp',
      organization: { id: 'qa', name: 'QA Europe', path: ['Acme Corp', 'QA Europe'] },
      licenseType: 'KRE Session',
      started: '2026-10-01T08:00:00Z',
      ended: null,
    });
  });
});

describe('validation', () => {
  const ds = dataset([]);
  const field = (over: Partial<SessionsQuery>) => {
    try {
      querySessions(ds, q(over), LATER);
    } catch (e) {
      assert.ok(e instanceof ContractError);
      return e.field;
    }
    return null;
  };
  it('names the bad field', () => {
    assert.equal(field({ limit: 0 }), 'limit');
    assert.equal(field({ limit: 1001 }), 'limit');
    assert.equal(field({ limit: 1000 }), null);
    assert.equal(field({ offset: -1 }), 'offset');
    assert.equal(field({ offset: 1.5 }), 'offset');
    assert.equal(field({ sort: 'price' as never }), 'sort');
    assert.equal(field({ order: 'up' as never }), 'order');
    assert.equal(field({ activeAt: '2026-10-01' }), 'activeAt');
    assert.equal(field({ from: undefined }), 'from');
    assert.equal(field({ licenseSources: [1] as never }), 'licenseSource');
  });
});
