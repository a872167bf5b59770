import { expect } from '@open-wc/testing';
import { formatDuration } from '../../src/core/csv.js';
import { formatInstant, parseInstant } from '../../src/core/tz.js';
import { $, ASOF, cellTexts, expected, lastRequest, mount, rows, settled, shownText, useMockService, ZONE } from './sessions-fixtures.js';

// Dates of asOf's year show without the year (the tooltip has everything).
const fmt = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

describe('<kre-user-sessions> table', () => {
  const service = useMockService();

  it('shows the rows of the mock, formatted in time-zone and locale', async () => {
    const el = await mount();
    await settled(el);
    const want = expected();
    const shown = rows(el);
    expect(shown).to.have.length(50);
    shown.forEach((tr, i) => {
      const s = want.items[i];
      const cells = cellTexts(tr);
      expect(cells.slice(0, 7)).to.deep.equal([
        s.user.name.trim(),
        s.user.email,
        s.sessionId.trim(),
        s.machineId.trim(),
        s.licenseSource,
        s.organization ? s.organization.path.join(' / ') : '',
        s.licenseType,
      ]);
      expect(cells[7]).to.equal(fmt.format(parseInstant(s.started)));
      expect(tr.cells[7].querySelector('time')!.getAttribute('datetime')).to.equal(formatInstant(parseInstant(s.started), ZONE));
      expect(tr.cells[7].querySelector('time')!.title).to.equal(formatInstant(parseInstant(s.started), ZONE));
      if (s.ended === null) {
        expect(cells[8]).to.equal('Active');
        expect(tr.getAttribute('part')).to.equal('row row-active');
      } else {
        expect(cells[8]).to.equal(fmt.format(parseInstant(s.ended)));
        expect(cells[9]).to.equal(formatDuration(parseInstant(s.ended) - parseInstant(s.started)));
      }
    });
    expect($(el, '.pager .range')!.textContent).to.equal(`1–50 of ${want.total.toLocaleString('en-US')}`);
    expect(lastRequest(service()).searchParams.toString()).to.equal(
      'from=2026-10-01&to=2026-10-31&timeZone=Europe%2FBerlin&sort=started&order=desc&offset=0&limit=50',
    );
  });

  it('formats sessions of a DST day with the right offset (Europe/Berlin, 2026-10-25)', async () => {
    const el = await mount('from="2026-10-25" to="2026-10-25" sort="started" order="asc" page-size="250"');
    await settled(el);
    const want = expected({ from: '2026-10-25', to: '2026-10-25', order: 'asc', limit: 250 });
    expect(want.items.length).to.be.greaterThan(0);
    const times = rows(el).map((tr) => tr.cells[7].querySelector('time')!.getAttribute('datetime'));
    expect(times).to.deep.equal(want.items.map((s) => formatInstant(parseInstant(s.started), ZONE)));
    // Before 03:00 local the offset is +02:00, after it +01:00; both occur on this day.
    expect(times.some((t) => t!.endsWith('+02:00')) || times.every((t) => t!.endsWith('+01:00'))).to.equal(true);
    expect(times.some((t) => t!.endsWith('+01:00'))).to.equal(true);
    // The same wall-clock hour twice: 02:30 CEST and 02:30 CET, told apart by the tooltip.
    expect(fmt.format(Date.parse('2026-10-25T00:30:00Z'))).to.equal('Oct 25, 2:30 AM');
    expect(formatInstant(Date.parse('2026-10-25T00:30:00Z'), ZONE)).to.equal('2026-10-25T02:30:00+02:00');
    expect(formatInstant(Date.parse('2026-10-25T01:30:00Z'), ZONE)).to.equal('2026-10-25T02:30:00+01:00');
    // Both offsets of the day are in the titles of the rows shown.
    const titles = rows(el).map((tr) => tr.cells[7].querySelector('time')!.title);
    expect(titles).to.deep.equal(times);
    const shown = rows(el).map((tr) => shownText(tr.cells[7]));
    expect(shown).to.deep.equal(want.items.map((s) => fmt.format(parseInstant(s.started))));
  });

  it('counts the duration of an active session on from asOf', async () => {
    const el = await mount('active-at="2026-10-31T10:00:00Z" sort="started" order="asc"');
    await settled(el);
    const want = expected({ activeAt: '2026-10-31T10:00:00Z', from: undefined, to: undefined, order: 'asc' });
    const i = want.items.findIndex((s) => s.ended === null);
    expect(i).to.be.at.least(0);
    const shown = cellTexts(rows(el)[i])[9];
    const [h, m, s] = shown.split(':').map(Number);
    const seconds = h * 3600 + m * 60 + s;
    const base = Math.floor((Date.parse(ASOF) - parseInstant(want.items[i].started)) / 1000);
    expect(seconds).to.be.within(base, base + 5);
  });

  it('sorts on the server by click and by keyboard, with aria-sort', async () => {
    const el = await mount();
    await settled(el);
    const header = (field: string) => $(el, `th.c-${field}`)!;
    expect(header('started').getAttribute('aria-sort')).to.equal('descending');
    expect(header('user').hasAttribute('aria-sort')).to.equal(false);
    let change: CustomEvent | undefined;
    el.addEventListener('kre-filter-change', (e) => (change = e as CustomEvent));
    header('user').querySelector('button')!.click();
    await settled(el);
    expect(el.getAttribute('sort')).to.equal('user');
    expect(el.getAttribute('order')).to.equal('asc');
    expect(change!.detail).to.include({ sort: 'user', order: 'asc' });
    expect(lastRequest(service()).searchParams.get('sort')).to.equal('user');
    expect(header('user').getAttribute('aria-sort')).to.equal('ascending');
    expect(cellTexts(rows(el)[0])[0]).to.equal(expected({ sort: 'user', order: 'asc' }).items[0].user.name.trim());
    // Again: descending.
    header('user').querySelector('button')!.click();
    await settled(el);
    expect(el.getAttribute('order')).to.equal('desc');
    expect(lastRequest(service()).searchParams.get('order')).to.equal('desc');
    expect(cellTexts(rows(el)[0])[0]).to.equal(expected({ sort: 'user', order: 'desc' }).items[0].user.name.trim());
  });

  it('pages on the server: next, last, previous, first, page size', async () => {
    const el = await mount();
    await settled(el);
    const total = expected().total;
    const press = async (name: string) => {
      $(el, `.pager [data-page="${name}"]`)!.click();
      await el.updateComplete;
      await settled(el);
    };
    await press('nextPage');
    expect(lastRequest(service()).searchParams.get('offset')).to.equal('50');
    expect(cellTexts(rows(el)[0])[2]).to.equal(expected({ offset: 50 }).items[0].sessionId.trim());
    expect($(el, '.pager .range')!.textContent).to.equal(`51–100 of ${total.toLocaleString('en-US')}`);
    await press('lastPage');
    const last = Math.floor((total - 1) / 50) * 50;
    expect(lastRequest(service()).searchParams.get('offset')).to.equal(String(last));
    expect($(el, '.pager [data-page="nextPage"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect(rows(el)).to.have.length(total - last);
    await press('previousPage');
    expect(lastRequest(service()).searchParams.get('offset')).to.equal(String(last - 50));
    await press('firstPage');
    expect(lastRequest(service()).searchParams.get('offset')).to.equal('0');
    const select = $<HTMLSelectElement>(el, '.pager select')!;
    select.value = '250';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(lastRequest(service()).searchParams.get('limit')).to.equal('250');
    expect(rows(el)).to.have.length(Math.min(250, total));
  });

  it('returns to page one when a filter changes', async () => {
    const el = await mount();
    await settled(el);
    $(el, '.pager [data-page="nextPage"]')!.click();
    await settled(el);
    expect(lastRequest(service()).searchParams.get('offset')).to.equal('50');
    el.setAttribute('sort', 'email');
    await settled(el);
    expect(lastRequest(service()).searchParams.get('offset')).to.equal('0');
  });

  it('escapes hostile text', async () => {
    const el = await mount('q="<img"');
    await settled(el);
    expect(rows(el).length).to.be.greaterThan(0);
    expect($(el, 'tbody img')).to.equal(null);
    expect(cellTexts(rows(el)[0])[0]).to.equal('<img src=x onerror=alert(1)>');
  });

  it('reads each value in its own direction, aligned with its column', async () => {
    const el = await mount('q="mohammed"');
    await settled(el);
    const row = rows(el)[0];
    expect(cellTexts(row)[0]).to.equal('محمد العلي');
    // A value with right-to-left text reads in its own direction, isolated from its cell…
    const name = row.cells[0].querySelector('bdi')!;
    expect(name.textContent).to.equal('محمد العلي');
    expect([getComputedStyle(name).unicodeBidi, getComputedStyle(name).direction]).to.deep.equal(['isolate', 'rtl']);
    expect(row.cells[3].querySelector('button.copy bdi')!.textContent).to.equal('m-عربي-01');
    // (left-to-right values are plain text: no isolation to pay for)
    expect(row.cells[1].querySelector('bdi')).to.equal(null);
    // …and aligns where its column does: the Arabic name starts at the cell's left edge, as the Latin email does.
    const inset = (cell: HTMLElement) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return range.getBoundingClientRect().left - cell.getBoundingClientRect().left;
    };
    expect(inset(row.cells[0])).to.be.closeTo(inset(row.cells[1]), 1);
    expect(inset(row.cells[0])).to.be.below(10);
    // The machine id mixes scripts (m-عربي-01) and stays one id in its button.
    expect(cellTexts(row)[3]).to.equal('m-عربي-01');
  });

  it('is accessible with rows', async () => {
    const el = await mount();
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
