/**
 * Exact results for the rules contract 1.1 added to the sessions list (CONTRACT 3.2): a pinned
 * `asOf` (one snapshot across the pages of an export) and the `sessionId` tie-break.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContractError, querySessions, type Dataset, type SessionItem, type SessionsQuery, type SortField } from '../../src/core/index.js';
import { dataset, session } from './fixtures.js';

const NOW = '2026-10-01T12:00:00Z';
const q = (over: Partial<SessionsQuery>): SessionsQuery => ({
  product: 'kre',
  from: '2026-10-01',
  to: '2026-10-01',
  timeZone: 'UTC',
  ...over,
});
const ids = (items: SessionItem[]) => items.map((i) => i.sessionId);

describe('asOf: answer as of a pinned instant', () => {
  const ds = dataset([
    session('2026-10-01T08:00:00Z', '2026-10-01T09:00:00Z', { sessionId: 'done' }),
    session('2026-10-01T09:30:00Z', '2026-10-01T11:00:00Z', { sessionId: 'ends-later' }),
    session('2026-10-01T10:00:00Z', null, { sessionId: 'running' }),
    session('2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z', { sessionId: 'zero-at' }),
    session('2026-10-01T10:30:00Z', null, { sessionId: 'started-later' }),
  ]);
  it('leaves out sessions that started at or after it; one still running at it is active', () => {
    const r = querySessions(ds, q({ asOf: '2026-10-01T10:00:00Z' }), NOW);
    assert.equal(r.asOf, '2026-10-01T10:00:00Z');
    assert.deepEqual(ids(r.items), ['ends-later', 'done']);
    assert.deepEqual(r.items.map((i) => i.ended), [null, '2026-10-01T09:00:00Z']);
    assert.equal(r.total, 2);
  });
  it('duration and ended sort read the session as active until asOf', () => {
    // As of 10:15: done 1 h, ends-later 45 min (active), running 15 min (active), zero-at 0.
    const r = querySessions(ds, q({ asOf: '2026-10-01T10:15:00Z', sort: 'duration', order: 'desc' }), NOW);
    assert.deepEqual(ids(r.items), ['done', 'ends-later', 'running', 'zero-at']);
    const ended = querySessions(ds, q({ asOf: '2026-10-01T10:15:00Z', sort: 'ended', order: 'asc' }), NOW);
    // zero-at ended at 10:00, done at 09:00; the two active ones last, by session id.
    assert.deepEqual(ids(ended.items), ['done', 'zero-at', 'ends-later', 'running']);
  });
  it('activeAt reads spans as of asOf: at or after it nothing is active', () => {
    assert.deepEqual(ids(querySessions(ds, { product: 'kre', timeZone: 'UTC', activeAt: '2026-10-01T10:14:59Z', asOf: '2026-10-01T10:15:00Z' }, NOW).items), ['running', 'ends-later']);
    assert.equal(querySessions(ds, { product: 'kre', timeZone: 'UTC', activeAt: '2026-10-01T10:15:00Z', asOf: '2026-10-01T10:15:00Z' }, NOW).total, 0);
  });
  it('without asOf the service\'s now is the snapshot: a session that ends after it is still active', () => {
    const r = querySessions(ds, q({}), '2026-10-01T10:45:00Z');
    assert.equal(r.asOf, '2026-10-01T10:45:00Z');
    assert.equal(r.items.find((i) => i.sessionId === 'ends-later')?.ended, null);
    assert.equal(r.total, 5);
  });
  it('an asOf after the service\'s now is refused, naming asOf; an asOf equal to it is fine', () => {
    assert.throws(
      () => querySessions(ds, q({ asOf: '2026-10-01T12:00:01Z' }), NOW),
      (e: unknown) => e instanceof ContractError && e.field === 'asOf' && /2026-10-01T12:00:00Z/.test(e.message),
    );
    assert.throws(() => querySessions(ds, q({ asOf: '2026-10-01T12:00' }), NOW), (e: unknown) => e instanceof ContractError && e.field === 'asOf');
    assert.equal(querySessions(ds, q({ asOf: NOW }), NOW).total, 5);
  });
  it('pages read with one asOf tile the snapshot even when sessions arrive between them', () => {
    const first = querySessions(ds, q({ limit: 2, sort: 'user', order: 'asc', asOf: '2026-10-01T10:00:00Z' }), NOW);
    // Sessions arrive, starting before and after the pinned instant (a new dataset object: the data changed).
    const grown: Dataset = { ...ds, sessions: [...ds.sessions, session('2026-10-01T10:20:00Z', null, { sessionId: 'aaa-new', user: { name: 'Aaron', email: 'a@x' } })] };
    const second = querySessions(grown, q({ offset: 2, limit: 2, sort: 'user', order: 'asc', asOf: first.asOf }), NOW);
    assert.deepEqual([...ids(first.items), ...ids(second.items)], ['done', 'ends-later']);
    assert.equal(second.total, first.total);
  });
});

describe('tie-break: equal sort keys by sessionId ascending, whatever order says', () => {
  // Three license sources over eight sessions; starts collide too.
  const ds = dataset(
    ['s-8', 's-3', 's-10', 's-1', 's-5', 's-2', 's-7', 's-4'].map((id, k) =>
      session(`2026-10-01T0${k % 3}:00:00Z`, `2026-10-01T0${(k % 3) + 1}:00:00Z`, { sessionId: id, licenseSource: ['Acme', 'QA', 'Dev'][k % 3] }),
    ),
  );
  const page = (sort: SortField, order: 'asc' | 'desc', offset = 0, limit = 50) =>
    ids(querySessions(ds, q({ sort, order, offset, limit }), NOW).items);
  it('equal keys list their session ids in code point order in both directions', () => {
    // Acme: s-8 s-1 s-7; Dev: s-10 s-2; QA: s-3 s-5 s-4. Code point order: "s-1" < "s-10" < "s-2".
    assert.deepEqual(page('licenseSource', 'asc'), ['s-1', 's-7', 's-8', 's-10', 's-2', 's-3', 's-4', 's-5']);
    assert.deepEqual(page('licenseSource', 'desc'), ['s-3', 's-4', 's-5', 's-10', 's-2', 's-1', 's-7', 's-8']);
    // Same start (00:00: s-8 s-1 s-7; 01:00: s-3 s-5 s-4; 02:00: s-10 s-2), newest first.
    assert.deepEqual(page('started', 'desc'), ['s-10', 's-2', 's-3', 's-4', 's-5', 's-1', 's-7', 's-8']);
  });
  it('pages of any size tile the list: no row twice, none skipped', () => {
    for (const sort of ['licenseSource', 'started', 'ended', 'duration', 'licenseType'] as SortField[]) {
      for (const order of ['asc', 'desc'] as const) {
        const whole = page(sort, order);
        for (const size of [1, 2, 3]) {
          const tiles: string[] = [];
          for (let offset = 0; offset < whole.length; offset += size) tiles.push(...page(sort, order, offset, size));
          assert.deepEqual(tiles, whole, `${sort} ${order} by ${size}`);
        }
      }
    }
  });
});
