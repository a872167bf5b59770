// <kre-user-sessions> and contract 1.1: an export reads one snapshot (asOf of its first page) and
// pages with the sessionId tie-break, so sessions arriving meanwhile neither repeat nor drop a
// row; 401 is "sign in"; the zone of the times is named; attribute values the element cannot use
// are shown, warned once and never sent.
import { expect, waitUntil } from '@open-wc/testing';
import { querySessions, sessionsToCsv } from '../../src/core/index.js';
import type { Dataset, SessionItem, SessionRecord, SessionsQuery } from '../../src/core/types.js';
import { createMockService, type MockService } from '../../src/mock/index.js';
import type { KreUserSessions } from '../../src/sessions-table/kre-user-sessions.js';
import { $, $$, ASOF, dataset, ENDPOINT, FROM, lastRequest, mount, settled, TO, useMockService, worker, ZONE } from './sessions-fixtures.js';

/** Catches the export's `<a download>` and reads the file's text (no real download). */
function catchText(el: KreUserSessions): { text: string | null } {
  const got = { text: null as string | null };
  el.shadowRoot!.addEventListener(
    'click',
    (event) => {
      const a = event.target as HTMLAnchorElement;
      if (a.localName !== 'a' || !a.download) return;
      event.preventDefault();
      void fetch(a.href).then(async (r) => (got.text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await r.arrayBuffer())));
    },
    true,
  );
  return got;
}

function rowsOf(data: Dataset, query: Partial<SessionsQuery>, asOf: string): SessionItem[] {
  const out: SessionItem[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = querySessions(data, { product: 'kre', from: FROM, to: TO, timeZone: ZONE, offset, limit: 1000, ...query }, asOf);
    out.push(...page.items);
    if (offset + 1000 >= page.total) return out;
  }
}

const LATER = '2026-10-31T11:15:00Z';
/** 400 sessions that start after ASOF (within the hour), named to sort among the others by user. */
const arrivals: SessionRecord[] = Array.from({ length: 400 }, (_, i) => ({
  sessionId: `late-${String(i).padStart(4, '0')}`,
  product: 'kre',
  user: { name: `${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}lice Arrival ${i}`, email: `arrival${i}@acme.example` },
  machineId: `m-late-${i}`,
  licenseSource: 'Acme Corp',
  organizationId: null,
  licenseType: 'KRE Session',
  started: new Date(Date.parse(ASOF) + (i + 1) * 5000).toISOString().replace('.000Z', 'Z'),
  ended: null,
}));
const grown: Dataset = { ...dataset, sessions: [...dataset.sessions, ...arrivals] };

describe('<kre-user-sessions> and contract 1.1', () => {
  describe('an export reads one snapshot', () => {
    let service: MockService;
    const exportPages = () => service.control.requests.filter((u) => u.pathname.endsWith('/sessions') && u.searchParams.get('limit') === '1000');
    before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
    beforeEach(() => {
      // From the second page of the export on, 400 sessions have arrived and the service's now is an hour later.
      const arrived = () => exportPages().length >= 2;
      service = createMockService({ endpoint: ENDPOINT, dataset: () => (arrived() ? grown : dataset), asOf: () => (arrived() ? LATER : ASOF) });
      worker.use(...service.handlers);
    });
    afterEach(() => worker.resetHandlers());
    after(() => worker.stop());

    it('sessions that start while it runs move no row: none twice, none missing', async () => {
      const el = await mount('sort="user" order="asc" to="2026-11-05"');
      await settled(el);
      const file = catchText(el);
      await el.exportCsv();
      await waitUntil(() => file.text, 'no file', { timeout: 10_000 });
      const query = { sort: 'user' as const, order: 'asc' as const, to: '2026-11-05' };
      const snapshot = rowsOf(dataset, query, ASOF);
      expect(snapshot.length).to.be.greaterThan(3000);
      expect(file.text).to.equal(sessionsToCsv(snapshot, { timeZone: ZONE, asOf: ASOF }));
      // Every page after the first asked for the first page's asOf.
      const pages = exportPages();
      expect(pages.length).to.equal(Math.ceil(snapshot.length / 1000));
      expect(pages[0].searchParams.get('asOf')).to.equal(null);
      pages.slice(1).forEach((u) => expect(u.searchParams.get('asOf')).to.equal(ASOF));
      // Without the pin, the same pages over the grown data would repeat and drop rows: the test can fail.
      const unpinned = [
        ...rowsOf(dataset, query, ASOF).slice(0, 1000),
        ...rowsOf(grown, query, LATER).slice(1000, pages.length * 1000),
      ];
      const ids = unpinned.map((r) => r.sessionId);
      expect(new Set(ids).size < ids.length || snapshot.some((r) => !ids.includes(r.sessionId))).to.equal(true);
    });
  });

  describe('what the log shows', () => {
    const service = useMockService();
    let warnings: string[];
    let warn: typeof console.warn;
    beforeEach(() => {
      warnings = [];
      warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    });
    afterEach(() => {
      console.warn = warn;
    });
    const notices = (el: Element) => $$(el, '[part~="notices"] li').map((li) => li.textContent!.trim());

    it('has a title and a caption that names the sort and the time zone', async () => {
      const el = await mount();
      await settled(el);
      expect($(el, '[part="title"]')!.textContent!.trim()).to.equal('KRE user sessions');
      expect($(el, 'caption')!.textContent!.trim()).to.equal('Sorted by Started, descending. Times in Europe/Berlin.');
      el.setAttribute('time-zone', 'America/New_York');
      await settled(el);
      expect($(el, 'caption')!.textContent!.trim()).to.equal('Sorted by Started, descending. Times in America/New_York.');
    });

    it('bad sort, order, active-at and product: named, replaced visibly, warned once, never sent', async () => {
      const el = await mount('sort="bogus" order="up" active-at="2026-10-30T08:00" product="jira"');
      await settled(el);
      expect(notices(el)).to.deep.equal([
        'product="jira" is not one of kre, testcloud; this report uses kre instead.',
        'sort="bogus" is not one of user, email, sessionId, machineId, licenseSource, organization, licenseType, started, ended, duration; this report uses started instead.',
        'order="up" is not one of asc, desc; this report uses desc instead.',
        'active-at="2026-10-30T08:00" is not an ISO 8601 instant with an offset (such as 2026-10-30T08:00:00Z); this report uses the date range 2026-10-01 to 2026-10-31 instead.',
      ]);
      const sent = lastRequest(service()).searchParams;
      expect([sent.get('sort'), sent.get('order'), sent.get('activeAt'), sent.get('from')]).to.deep.equal(['started', 'desc', null, FROM]);
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings.length).to.equal(4);
      await expect(el).to.be.accessible();
    });

    it('an active-at with an offset is used as is', async () => {
      const el = await mount('active-at="2026-10-30T09:00:00+01:00"');
      await settled(el);
      expect($(el, '[part~="notices"]')).to.equal(null);
      expect(lastRequest(service()).searchParams.get('activeAt')).to.equal('2026-10-30T09:00:00+01:00');
    });
  });
});
