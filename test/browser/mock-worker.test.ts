// The mock service in the browser: msw's Service Worker answers with exactly what core computes,
// for a relative and an absolute endpoint, and the control's failures reach fetch() as they would
// from a real server.
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { computeUsage, querySessions } from '../../src/core/index.js';
import { createMockService, generateDataset } from '../../src/mock/index.js';

const END = '2026-10-31T10:15:00Z';
const dataset = generateDataset({ seed: 4, sessions: 3000, days: 40, end: END });
const relative = createMockService({ endpoint: '/api', dataset, asOf: END });
const absolute = createMockService({ endpoint: 'https://api.example.test/reports', dataset, asOf: END });
const worker = setupWorker(...relative.handlers, ...absolute.handlers);

describe('mock service in a Service Worker', () => {
  before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
  after(() => worker.stop());
  beforeEach(() => {
    relative.control.reset();
    absolute.control.reset();
  });

  it('answers usage exactly as computeUsage', async () => {
    const response = await fetch(
      '/api/kre/usage?from=2026-10-01&to=2026-10-31&interval=day&timeZone=Europe%2FBerlin&organizationId=org-qa&organizationId=org-ops',
    );
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('application/json');
    const expected = computeUsage(
      dataset,
      { product: 'kre', from: '2026-10-01', to: '2026-10-31', interval: 'day', timeZone: 'Europe/Berlin', organizationIds: ['org-qa', 'org-ops'] },
      END,
    );
    expect(await response.json()).to.deep.equal(expected);
    expect(relative.control.requests.at(-1)?.searchParams.getAll('organizationId')).to.deep.equal(['org-qa', 'org-ops']);
  });

  it('answers sessions exactly as querySessions, at an absolute endpoint', async () => {
    const response = await fetch(
      'https://api.example.test/reports/testcloud/sessions?from=2026-10-01&to=2026-10-31&timeZone=UTC' +
        '&licenseSource=Acme%20Corp&licenseSource=Mobile%2C%20Web%20%26%20API&sort=user&order=asc&offset=10&limit=25',
    );
    expect(response.status).to.equal(200);
    const expected = querySessions(
      dataset,
      {
        product: 'testcloud',
        from: '2026-10-01',
        to: '2026-10-31',
        timeZone: 'UTC',
        licenseSources: ['Acme Corp', 'Mobile, Web & API'],
        sort: 'user',
        order: 'asc',
        offset: 10,
        limit: 25,
      },
      END,
    );
    expect(await response.json()).to.deep.equal(expected);
    expect(relative.control.requests).to.have.length(0);
    expect(absolute.control.requests).to.have.length(1);
  });

  it('answers a bad query with 400 problem+json naming the field', async () => {
    const response = await fetch('/api/kre/sessions?from=2026-10-01&to=2026-10-31&timeZone=UTC&limit=1001');
    expect(response.status).to.equal(400);
    expect(response.headers.get('content-type')).to.equal('application/problem+json');
    const body = await response.json();
    expect(body.field).to.equal('limit');
    expect(body.detail).to.contain('limit');
  });

  it('fails as the control says', async () => {
    relative.control.set({ failure: 'status-403', times: 1 });
    expect((await fetch('/api/kre/usage?from=2026-10-01&to=2026-10-31&interval=day&timeZone=UTC')).status).to.equal(403);
    relative.control.set({ failure: 'network' });
    let error: unknown;
    try {
      await fetch('/api/kre/usage?from=2026-10-01&to=2026-10-31&interval=day&timeZone=UTC');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(TypeError);
  });

  it('hangs on timeout until the page aborts, and delays', async () => {
    relative.control.set({ failure: 'timeout' });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 200);
    let error: unknown;
    try {
      await fetch('/api/kre/sessions?from=2026-10-01&to=2026-10-31&timeZone=UTC', { signal: abort.signal });
    } catch (e) {
      error = e;
    }
    expect((error as Error).name).to.equal('AbortError');
    relative.control.set({ failure: null, delayMs: 300 });
    const t0 = performance.now();
    await fetch('/api/kre/sessions?from=2026-10-01&to=2026-10-31&timeZone=UTC');
    expect(performance.now() - t0).to.be.greaterThan(280);
  });
});
