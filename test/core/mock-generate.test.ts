/**
 * The seeded dataset generator: deterministic, hostile, valid per the contract, and fast.
 * Run: node --import tsx --test test/core/mock-generate.test.ts
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Dataset, Product, SessionRecord } from '../../src/core/types.js';
import { computeUsage } from '../../src/core/index.js';
import { ACCOUNT_NAME, anchorEnd, createRandom, generateDataset, HOSTILE_SAMPLES, LONG_NAME } from '../../src/mock/index.js';

const END = '2026-10-31T10:15:00Z';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const small = generateDataset({ seed: 3, sessions: 5000, days: 30, end: END });

function fields(s: SessionRecord): string[] {
  return [s.user.name, s.user.email, s.machineId, s.licenseSource, s.sessionId, s.licenseType];
}

describe('Random', () => {
  test('same seed, same sequence; string and number seeds', () => {
    const a = createRandom('demo');
    const b = createRandom('demo');
    const xs = Array.from({ length: 100 }, () => a.next());
    assert.deepEqual(Array.from({ length: 100 }, () => b.next()), xs);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assert.notDeepEqual(Array.from({ length: 5 }, createRandom(1).next.bind(createRandom(1))), xs.slice(0, 5));
    const r = createRandom(42);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(7);
      assert.ok(Number.isInteger(n) && n >= 0 && n < 7);
    }
  });
});

describe('generateDataset', () => {
  test('same options give the same data; another seed gives other data', () => {
    const options = { seed: 11, sessions: 3000, days: 20, end: END };
    assert.deepEqual(generateDataset(options), generateDataset(options));
    assert.deepEqual(generateDataset({ ...options, end: new Date(END) }), generateDataset(options));
    const other = generateDataset({ ...options, seed: 12 });
    assert.notDeepEqual(other.sessions, generateDataset(options).sessions);
    assert.equal(other.sessions.length + (other.denials?.length ?? 0), 3000);
  });

  test('the demo\'s data is anchored to the day: same seed, same UTC day, byte-identical dataset', () => {
    const morning = anchorEnd(new Date('2026-12-04T00:00:01Z'));
    const evening = anchorEnd(new Date('2026-12-04T23:59:59.999Z'));
    assert.equal(morning.toISOString(), '2026-12-04T00:00:00.000Z');
    assert.equal(evening.toISOString(), morning.toISOString());
    const a = JSON.stringify(generateDataset({ seed: 1, sessions: 4000, end: morning }));
    const b = JSON.stringify(generateDataset({ seed: 1, sessions: 4000, end: evening }));
    assert.equal(a, b);
    // The next day is another dataset.
    assert.notEqual(JSON.stringify(generateDataset({ seed: 1, sessions: 4000, end: anchorEnd(new Date('2026-12-05T08:00:00Z')) })), a);
  });

  test('every request asked for becomes a session or a denial, including tiny datasets', () => {
    for (const n of [0, 1, 7, 49, 50, 999]) {
      const ds = generateDataset({ sessions: n, days: 5, end: END });
      assert.equal(ds.sessions.length + (ds.denials?.length ?? 0), n);
    }
    const day = generateDataset({ sessions: 200, days: 1, end: '2026-10-31T00:00:00Z' });
    assert.equal(day.sessions.length + (day.denials?.length ?? 0), 200);
  });

  test('hostile strings reach the records', () => {
    const text = small.sessions.flatMap(fields).join('\u0000') + small.organizations.map((o) => o.name).join('\u0000');
    for (const sample of HOSTILE_SAMPLES) assert.ok(text.includes(sample), `missing ${JSON.stringify(sample)}`);
    for (const lead of ['=', '+', '-', '@', '\t']) {
      assert.ok(small.sessions.some((s) => fields(s).some((f) => f.startsWith(lead))), `no field starts with ${JSON.stringify(lead)}`);
    }
    assert.ok(small.sessions.some((s) => s.licenseSource.includes(',')), 'a license source with a comma');
    assert.ok(small.sessions.some((s) => s.licenseSource.includes('"')), 'a license source with a quote');
    assert.equal(LONG_NAME.length, 300);
    assert.ok(small.sessions.some((s) => s.user.name === LONG_NAME));
    // Even a small dataset holds every hostile user.
    const tiny = generateDataset({ sessions: 40, days: 3, end: END });
    const tinyText = tiny.sessions.flatMap(fields).join('\u0000');
    for (const sample of HOSTILE_SAMPLES) assert.ok(tinyText.includes(sample), `tiny: missing ${JSON.stringify(sample)}`);
  });

  test('every record is valid per the contract types', () => assertValid(small, END));

  test('the organization tree has one root, no cycles and depth >= 3', () => {
    const byId = new Map(small.organizations.map((o) => [o.id, o]));
    assert.equal(byId.size, small.organizations.length, 'unique organization ids');
    assert.ok(small.organizations.length >= 10 && small.organizations.length <= 20);
    const roots = small.organizations.filter((o) => o.parentId === null);
    assert.deepEqual(roots.map((o) => o.name), ['Acme Corp']);
    let maxDepth = 0;
    for (const org of small.organizations) {
      const seen = new Set<string>();
      let depth = 0;
      for (let at = org; at.parentId !== null; depth++) {
        assert.ok(!seen.has(at.id), `cycle at ${org.id}`);
        seen.add(at.id);
        const parent = byId.get(at.parentId);
        assert.ok(parent, `unknown parent ${at.parentId}`);
        at = parent;
      }
      maxDepth = Math.max(maxDepth, depth);
    }
    assert.ok(maxDepth >= 3, `depth ${maxDepth}`);
  });

  test('realistic shape: both products, active and early sessions, back-to-back runs, quiet weekends', () => {
    const ds = generateDataset({ seed: 5, sessions: 20_000, end: END });
    const kre = ds.sessions.filter((s) => s.product === 'kre').length;
    assert.ok(kre > ds.sessions.length * 0.7 && kre < ds.sessions.length, `kre ${kre}`);
    assert.ok(ds.sessions.filter((s) => s.ended === null).length >= 3, 'active sessions at the end');
    const firstDay = Date.parse(END) - 89 * 86_400_000;
    assert.ok(ds.sessions.some((s) => Date.parse(s.started) < Math.floor(firstDay / 86_400_000) * 86_400_000), 'sessions before the range');
    const ends = new Set(ds.sessions.map((s) => `${s.machineId}|${s.ended}`));
    assert.ok(ds.sessions.some((s) => ends.has(`${s.machineId}|${s.started}`)), 'back-to-back sessions');
    const perWeekday = [0, 0, 0, 0, 0, 0, 0];
    for (const s of ds.sessions) perWeekday[new Date(s.started).getUTCDay()]++;
    assert.ok(perWeekday[0] * 3 < perWeekday[3] && perWeekday[6] * 3 < perWeekday[3], `weekends ${perWeekday}`);
    assert.ok(new Set(ds.sessions.map((s) => s.user.email)).size > 200, 'a few hundred users');
    const kreScopes = new Set(ds.allocations.filter((a) => a.product === 'kre').map((a) => a.organizationId));
    assert.ok(kreScopes.has(null) && kreScopes.size > 1, 'account-wide and team scopes');
    assert.ok(ds.sessions.some((s) => s.organizationId === null), 'a session without an organization');
    assertValid(ds, END);
  });

  test('only the products asked for', () => {
    const ds = generateDataset({ sessions: 500, days: 10, end: END, products: ['testcloud'] });
    assert.ok(ds.sessions.every((s) => s.product === 'testcloud'));
    assert.ok(ds.allocations.every((a) => a.product === 'testcloud'));
  });

  test('rejects bad options', () => {
    assert.throws(() => generateDataset({ sessions: -1 }), RangeError);
    assert.throws(() => generateDataset({ days: 0 }), RangeError);
    assert.throws(() => generateDataset({ end: 'yesterday' }), RangeError);
  });

  test('1 000 000 sessions', () => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const ds = generateDataset({ seed: 1, sessions: 1_000_000, end: END });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const heap = process.memoryUsage().heapUsed / 1e6;
    console.log(
      `# generated 1 000 000 sessions in ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU ` +
        `(heap used ${heap.toFixed(0)} MB)`,
    );
    assert.equal(ds.sessions.length + (ds.denials?.length ?? 0), 1_000_000);
    assert.equal(new Set(ds.sessions.map((s) => s.sessionId)).size, ds.sessions.length);
    const users = new Set(ds.sessions.map((s) => s.user));
    assert.ok(users.size < 1000, `user objects are shared (${users.size})`);
  });
});

function assertValid(ds: Dataset, end: string): void {
  const endMs = Date.parse(end);
  const orgIds = new Set(ds.organizations.map((o) => o.id));
  const ids = new Set<string>();
  for (const [i, s] of ds.sessions.entries()) {
    const at = `sessions[${i}]`;
    assert.ok(!ids.has(s.sessionId), `${at}: duplicate id ${s.sessionId}`);
    ids.add(s.sessionId);
    assert.deepEqual(
      Object.keys(s).sort(),
      ['ended', 'licenseSource', 'licenseType', 'machineId', 'organizationId', 'product', 'sessionId', 'started', 'user'],
    );
    assert.ok(s.product === 'kre' || s.product === 'testcloud', at);
    for (const f of [s.user.name, s.user.email, s.machineId, s.licenseSource, s.licenseType]) {
      assert.equal(typeof f, 'string', at);
      assert.ok(f.length > 0, at);
    }
    assert.ok(s.organizationId === null || orgIds.has(s.organizationId), `${at}: organization ${s.organizationId}`);
    assert.match(s.started, ISO, at);
    const started = Date.parse(s.started);
    assert.ok(started < endMs, `${at}: starts after the end`);
    if (s.ended !== null) {
      assert.match(s.ended, ISO, at);
      assert.ok(Date.parse(s.ended) > started, `${at}: ended <= started`);
      assert.ok(Date.parse(s.ended) <= endMs, `${at}: ends after the end`);
    }
    if (i > 0) assert.ok(s.started >= ds.sessions[i - 1].started, `${at}: sorted by start`);
  }
  const requests = new Set<string>();
  for (const [i, d] of (ds.denials ?? []).entries()) {
    const at = `denials[${i}]`;
    assert.ok(!requests.has(d.requestId), `${at}: duplicate id ${d.requestId}`);
    requests.add(d.requestId);
    assert.deepEqual(Object.keys(d).sort(), ['at', 'licenseSource', 'machineId', 'organizationId', 'product', 'requestId', 'user']);
    assert.match(d.at, ISO, at);
    assert.ok(Date.parse(d.at) < endMs, `${at}: after the end`);
    assert.ok(d.organizationId === null || orgIds.has(d.organizationId), at);
    if (i > 0) assert.ok(d.at >= ds.denials![i - 1].at, `${at}: sorted by time`);
  }
  let last = -Infinity;
  for (const [i, a] of ds.allocations.entries()) {
    assert.match(a.effectiveFrom, ISO, `allocations[${i}]`);
    assert.ok(Date.parse(a.effectiveFrom) >= last, `allocations[${i}] sorted by effectiveFrom`);
    last = Date.parse(a.effectiveFrom);
    assert.ok(Number.isInteger(a.sessions) && a.sessions >= 0);
    assert.ok(a.organizationId === null || orgIds.has(a.organizationId));
  }
}

describe('the data tells a true story of capacity', () => {
  const END_DAY = '2026-12-04T00:00:00Z';
  const ds = generateDataset({ seed: 1, sessions: 20_000, days: 90, end: END_DAY });
  const parentOf = new Map(ds.organizations.map((o) => [o.id, o.parentId]));
  const nameOf = new Map(ds.organizations.map((o) => [o.id, o.name]));
  const t = (iso: string): number => Date.parse(iso);

  /** The allocation of a scope in force at `at` (the latest effective at or before it), 0 if none. */
  const sizeAt = (product: Product, scope: string | null, at: number): number => {
    let size = 0;
    for (const a of ds.allocations) if (a.product === product && a.organizationId === scope && t(a.effectiveFrom) <= at) size = a.sessions;
    return size;
  };
  /** Sessions holding a license of the pool named `source` at `at`. */
  const inUse = (product: Product, source: string, at: number): number =>
    ds.sessions.filter((s) => s.product === product && s.licenseSource === source && t(s.started) <= at && (s.ended === null || t(s.ended) > at)).length;
  /** The scopes a request of `org` may draw on, nearest first. */
  const chain = (org: string | null): Array<string | null> => {
    const scopes: Array<string | null> = [];
    for (let o = org; o !== null; o = parentOf.get(o) ?? null) scopes.push(o);
    return [...scopes, null];
  };
  const poolName = (scope: string | null): string => (scope === null ? ACCOUNT_NAME : (nameOf.get(scope) as string));

  test('a session\'s license source is a pool on its own organization\'s chain, and no pool is ever over its size', () => {
    for (const s of ds.sessions) {
      const names = chain(s.organizationId).filter((scope) => ds.allocations.some((a) => a.organizationId === scope && a.product === s.product)).map(poolName);
      assert.ok(names.includes(s.licenseSource), `${s.sessionId}: ${s.licenseSource} is not on ${names.join(' > ')}`);
    }
    // At every session start (where usage rises), each pool's sessions fit the allocation in force.
    for (const s of ds.sessions) {
      // The root organization is named like the account: the pool is the scope that has allocations.
      const scope = chain(s.organizationId).find((sc) => poolName(sc) === s.licenseSource && ds.allocations.some((a) => a.organizationId === sc)) ?? null;
      const at = t(s.started);
      assert.ok(inUse(s.product, s.licenseSource, at) <= sizeAt(s.product, scope, at), `${s.licenseSource} over its size at ${s.started}`);
    }
  });

  test('a request is refused only when every pool it may draw on is full', () => {
    assert.ok((ds.denials?.length ?? 0) > 20, `denials ${ds.denials?.length}`);
    for (const d of ds.denials ?? []) {
      const at = t(d.at);
      for (const scope of chain(d.organizationId)) {
        const size = sizeAt(d.product, scope, at);
        if (size === 0) continue;
        assert.ok(inUse(d.product, poolName(scope), at) >= size, `${d.requestId}: ${poolName(scope)} had a free license at ${d.at}`);
      }
    }
  });

  test('the account\'s peak never passes its licenses; a team sees the capacity it competes for', () => {
    for (const product of ['kre', 'testcloud'] as const) {
      const all = computeUsage(ds, { product, from: '2026-09-06', to: '2026-12-03', interval: 'day', timeZone: 'UTC' }, END_DAY);
      assert.deepEqual(all.buckets.filter((b) => b.peak > b.available).map((b) => b.start), [], product);
      assert.ok(all.summary.utilization !== null && all.summary.utilization <= 1, `${product} utilization ${all.summary.utilization}`);
    }
    // QA Berlin's own pool is small; its people also draw on QA Europe's and the account's.
    const berlin = computeUsage(ds, { product: 'kre', from: '2026-09-06', to: '2026-12-03', interval: 'day', timeZone: 'Europe/Berlin', organizationIds: ['org-qa-berlin'] }, END_DAY);
    const own = sizeAt('kre', 'org-qa-berlin', t(END_DAY));
    assert.equal(berlin.summary.available, own + sizeAt('kre', 'org-qa', t(END_DAY)) + sizeAt('kre', null, t(END_DAY)));
    assert.ok(berlin.summary.peak > own, 'the team uses more than its own pool');
    assert.ok(berlin.summary.utilization! < 0.6, `QA Berlin utilization ${berlin.summary.utilization}`);
  });

  test('denials cluster before the mid-range purchase', () => {
    const kre = computeUsage(ds, { product: 'kre', from: '2026-09-06', to: '2026-12-03', interval: 'week', timeZone: 'UTC' }, END_DAY);
    const purchase = ds.allocations.filter((a) => a.product === 'kre' && a.organizationId === null).map((a) => t(a.effectiveFrom)).sort()[1];
    const before = kre.buckets.filter((b) => t(b.end) <= purchase).reduce((n, b) => n + b.denied, 0);
    const after = kre.buckets.filter((b) => t(b.start) >= purchase).reduce((n, b) => n + b.denied, 0);
    assert.ok(before > 2 * after, `denied before ${before}, after ${after}`);
  });
});
