/**
 * The elements' runtime check of response bodies (src/shared/check-response.ts): every body core
 * computes passes; anything the elements could not render is a 'contract' error naming its path.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeUsage, querySessions } from '../../src/core/index.js';
import { ReportError } from '../../src/shared/api.js';
import { checkSessionsResponse, checkUsageResponse } from '../../src/shared/check-response.js';
import { LATER, dataset, session } from './fixtures.js';

const ds = dataset([session('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z'), session('2026-10-01T09:30:00Z', null)]);
const usage = () => structuredClone(computeUsage(ds, { product: 'kre', from: '2026-10-01', to: '2026-10-02', interval: 'day', timeZone: 'Europe/Berlin' }, LATER));
const sessions = () => structuredClone(querySessions(ds, { product: 'kre', from: '2026-10-01', to: '2026-10-02', timeZone: 'UTC' }, LATER));

function rejects(fn: () => unknown, path: string): void {
  assert.throws(fn, (e: unknown) => e instanceof ReportError && e.kind === 'contract' && (e.detail ?? '').startsWith(path));
}

describe('checkUsageResponse', () => {
  it('accepts what core computes', () => {
    assert.doesNotThrow(() => checkUsageResponse(usage()));
  });
  it('rejects the fields the chart renders from, naming them', () => {
    const cases: Array<[string, (b: Record<string, unknown>) => void]> = [
      ['response.interval', (b) => delete b.interval],
      ['response.interval', (b) => (b.interval = 'year')],
      ['response.timeZone', (b) => (b.timeZone = 'Mars/Base')],
      ['response.from', (b) => delete b.from],
      ['response.to', (b) => (b.to = '2026-02-30')],
      ['response.product', (b) => (b.product = 'jira')],
      ['response.buckets[0].peak', (b) => ((b.buckets as Array<Record<string, unknown>>)[0].peak = '3')],
      ['response.buckets[1].start', (b) => ((b.buckets as Array<Record<string, unknown>>)[1].start = '2026-10-02T24:00:00+02:00')],
      ['response.summary', (b) => (b.summary = null)],
    ];
    for (const [path, breakIt] of cases) {
      const body = usage() as unknown as Record<string, unknown>;
      breakIt(body);
      rejects(() => checkUsageResponse(body), path);
    }
  });
});

describe('checkSessionsResponse', () => {
  it('accepts what core computes', () => {
    assert.doesNotThrow(() => checkSessionsResponse(sessions()));
  });
  it('rejects impossible instants that Date.parse would roll over', () => {
    const body = sessions();
    (body.items[0] as { started: string }).started = '2026-02-30T00:00:00Z';
    rejects(() => checkSessionsResponse(body), 'response.items[0].started');
    const late = sessions();
    (late as { asOf: string }).asOf = 'now';
    rejects(() => checkSessionsResponse(late), 'response.asOf');
  });
});
