import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type PapaType from 'papaparse';
import { loadPapa } from './papaparse.js';
import { querySessions, sessionsToCsv, SESSIONS_CSV_HEADER } from '../../src/core/index.js';
import type { SessionItem, SessionsQuery } from '../../src/core/types.js';
import type { KreUserSessions } from '../../src/sessions-table/kre-user-sessions.js';
import { $, ASOF, dataset, FROM, mount, settled, TO, useMockService, ZONE } from './sessions-fixtures.js';

let Papa: typeof PapaType;
before(async () => {
  Papa = await loadPapa();
});

interface Download {
  name: string;
  bytes: Uint8Array;
  text: string;
}

/** Catches the export's `<a download>` click in the shadow root (no real download). */
function catchDownloads(el: KreUserSessions): Download[] {
  const got: Download[] = [];
  el.shadowRoot!.addEventListener(
    'click',
    (event) => {
      const a = event.target as HTMLAnchorElement;
      if (a.localName !== 'a' || !a.download) return;
      event.preventDefault();
      const entry: Download = { name: a.download, bytes: new Uint8Array(), text: '' };
      got.push(entry);
      void fetch(a.href)
        .then((r) => r.arrayBuffer())
        .then((buf) => {
          entry.bytes = new Uint8Array(buf);
          entry.text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
        });
    },
    true,
  );
  return got;
}

/** Every row of the reference answer, page by page. */
function allRows(query: Partial<SessionsQuery>): SessionItem[] {
  const out: SessionItem[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = querySessions(dataset, { product: 'kre', from: FROM, to: TO, timeZone: ZONE, offset, limit: 1000, ...query }, ASOF);
    out.push(...page.items);
    if (offset + 1000 >= page.total) return out;
  }
}

const exportRequests = (urls: URL[]) => urls.filter((u) => u.searchParams.get('limit') === '1000');

describe('<kre-user-sessions> CSV export', () => {
  const service = useMockService();

  it('exports every row of a filtered set (several thousand), in chunks, exactly as the contract says', async () => {
    const el = await mount('license-source="Acme Corp" sort="user" order="asc"');
    await settled(el);
    const downloads = catchDownloads(el);
    const button = $<HTMLButtonElement>(el, '[part="export-button"]')!;
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'kre-export');
    expect(event.cancelable).to.equal(true);
    expect(event.detail).to.deep.include({ format: 'csv', fileName: 'kre-user-sessions_2026-10-01_2026-10-31.csv', product: 'kre' });
    expect(event.detail.filters.licenseSource).to.deep.equal(['Acme Corp']);
    await waitUntil(() => downloads[0]?.text, 'no file', { timeout: 10_000 });
    const want = allRows({ licenseSources: ['Acme Corp'], sort: 'user', order: 'asc' });
    expect(want.length).to.be.greaterThan(2000);
    const { name, bytes, text } = downloads[0];
    expect(name).to.equal('kre-user-sessions_2026-10-01_2026-10-31.csv');
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(text).to.equal(sessionsToCsv(want, { timeZone: ZONE, asOf: ASOF }));
    // A strict parser reads it back: header, then one record per session.
    const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).to.deep.equal([]);
    expect(parsed.data[0]).to.deep.equal([...SESSIONS_CSV_HEADER]);
    expect(parsed.data.length).to.equal(want.length + 1);
    parsed.data.slice(1).forEach((rec, i) => {
      expect(rec[2].replace(/^'/, '')).to.equal(want[i].sessionId);
      expect(rec).to.have.length(10);
    });
    // Fetched page by page with the same filters and sort.
    const pages = exportRequests(service().control.requests);
    expect(pages.map((u) => u.searchParams.get('offset'))).to.deep.equal(Array.from({ length: Math.ceil(want.length / 1000) }, (_, i) => String(i * 1000)));
    for (const u of pages) {
      expect(u.searchParams.getAll('licenseSource')).to.deep.equal(['Acme Corp']);
      expect(u.searchParams.get('sort')).to.equal('user');
      expect(u.searchParams.get('order')).to.equal('asc');
    }
    expect($(el, '[part="export-status"]')!.textContent).to.contain(`Exported ${want.length.toLocaleString('en-US')} rows`);
    await expect(el).to.be.accessible();
  });

  it('a canceled kre-export makes no request and no file', async () => {
    const el = await mount();
    await settled(el);
    const downloads = catchDownloads(el);
    el.addEventListener('kre-export', (e) => e.preventDefault());
    const before = service().control.requests.length;
    $<HTMLButtonElement>(el, '[part="export-button"]')!.click();
    await new Promise((r) => setTimeout(r, 200));
    expect(service().control.requests.length).to.equal(before);
    expect(downloads).to.have.length(0);
  });

  it('shows progress (rows so far of total) and cancels midway without a file', async () => {
    const el = await mount();
    await settled(el);
    const downloads = catchDownloads(el);
    service().control.set({ delayMs: 150 });
    $<HTMLButtonElement>(el, '[part="export-button"]')!.click();
    await waitUntil(() => exportRequests(service().control.requests).length >= 2, 'no second page', { timeout: 5000 });
    const progress = $<HTMLProgressElement>(el, '[part="progress"]')!;
    expect(progress.value).to.equal(1000);
    expect(progress.max).to.be.greaterThan(4000);
    expect($(el, '[part="export-status"]')!.textContent).to.match(/Exporting 1,000 of 4,\d{3} rows/);
    await expect(el).to.be.accessible();
    $(el, '[part="cancel-button"]')!.click();
    await waitUntil(() => $(el, '[part="export-status"]')?.textContent?.includes('Export cancelled'));
    await new Promise((r) => setTimeout(r, 400));
    expect(downloads).to.have.length(0);
    expect($<HTMLButtonElement>(el, '[part="export-button"]')!.disabled).to.equal(false);
  });

  it('a failure midway leaves a clear message and no partial file', async () => {
    const el = await mount();
    await settled(el);
    const downloads = catchDownloads(el);
    el.fetch = (url, init) =>
      url.includes('offset=2000')
        ? Promise.resolve(new Response(JSON.stringify({ title: 'Service Unavailable', status: 503 }), { status: 503, headers: { 'content-type': 'application/problem+json' } }))
        : fetch(url, init);
    $<HTMLButtonElement>(el, '[part="export-button"]')!.click();
    await waitUntil(() => $(el, '[part="export-status"][data-kind="error"]'), 'no failure shown', { timeout: 5000 });
    const text = $(el, '[part="export-status"]')!.textContent!;
    expect(text).to.contain('The export stopped');
    expect(text).to.contain('HTTP 503');
    expect(text).to.contain('No file was saved.');
    expect(downloads).to.have.length(0);
    await expect(el).to.be.accessible();

    // Retry is a new export: a cancelable kre-export comes first, and this time the file is saved.
    el.fetch = null;
    const announced: string[] = [];
    el.addEventListener('kre-export', (e) => announced.push((e as CustomEvent<{ fileName: string }>).detail.fileName));
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="export-status"] button')].find((b) => b.textContent!.includes('Retry'))!.click();
    await waitUntil(() => downloads.length === 1, 'no file after retry', { timeout: 10000 });
    expect(announced).to.have.length(1);
  });

  it('a drill-down export is named after the day of active-at in time-zone', async () => {
    // 23:30 UTC on Oct 30 is already Oct 31 in Berlin.
    const el = await mount('active-at="2026-10-30T23:30:00Z" time-zone="Europe/Berlin"');
    await settled(el);
    const names: string[] = [];
    el.addEventListener('kre-export', (e) => {
      names.push((e as CustomEvent<{ fileName: string }>).detail.fileName);
      e.preventDefault();
    });
    await el.exportCsv();
    expect(names).to.deep.equal(['kre-user-sessions_2026-10-31_2026-10-31.csv']);
  });
});
