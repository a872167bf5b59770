/**
 * The seeded dataset generator: deterministic, hostile, valid per the contract, and fast.
 * Run: node --import tsx --test test/core/mock-generate.test.ts
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Dataset, SessionRecord } from '../../src/core/types.js';
import { createRandom, generateDataset, HOSTILE_SAMPLES, LONG_NAME } from '../../src/mock/index.js';

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
    assert.equal(other.sessions.length, 3000);
  });

  test('gives exactly the number of sessions asked, including tiny datasets', () => {
    for (const n of [0, 1, 7, 49, 50, 999]) {
      assert.equal(generateDataset({ sessions: n, days: 5, end: END }).sessions.length, n);
    }
    assert.equal(generateDataset({ sessions: 200, days: 1, end: '2026-10-31T00:00:00Z' }).sessions.length, 200);
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
    assert.equal(ds.sessions.length, 1_000_000);
    assert.equal(new Set(ds.sessions.map((s) => s.sessionId)).size, 1_000_000);
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
  let last = -Infinity;
  for (const [i, a] of ds.allocations.entries()) {
    assert.match(a.effectiveFrom, ISO, `allocations[${i}]`);
    assert.ok(Date.parse(a.effectiveFrom) >= last, `allocations[${i}] sorted by effectiveFrom`);
    last = Date.parse(a.effectiveFrom);
    assert.ok(Number.isInteger(a.sessions) && a.sessions >= 0);
    assert.ok(a.organizationId === null || orgIds.has(a.organizationId));
  }
}
