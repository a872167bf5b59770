import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { $, $$, cellTexts, expected, lastRequest, mount, rows, settled, useMockService } from './sessions-fixtures.js';
import type { KreUserSessions } from '../../src/sessions-table/kre-user-sessions.js';

async function type(el: KreUserSessions, text: string) {
  const input = $<HTMLInputElement>(el, '#search')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('<kre-user-sessions> search and filters', () => {
  const service = useMockService();

  it('has one labelled search field; typing is debounced and sent as q, reflected and announced', async () => {
    const el = await mount();
    await settled(el);
    const input = $<HTMLInputElement>(el, '#search')!;
    expect($(el, 'label[for="search"]')!.textContent).to.equal('Search sessions');
    const before = service().control.requests.length;
    await type(el, 'a');
    await type(el, 'al');
    await type(el, 'ala');
    expect(service().control.requests.length).to.equal(before);
    const event = await oneEvent(el, 'kre-filter-change');
    expect(event.detail).to.deep.include({ q: 'ala', from: '2026-10-01', to: '2026-10-31', timeZone: 'Europe/Berlin', sort: 'started', order: 'desc', product: 'kre' });
    expect(el.getAttribute('q')).to.equal('ala');
    await settled(el);
    expect(service().control.requests.length).to.equal(before + 1);
    expect(lastRequest(service()).searchParams.get('q')).to.equal('ala');
    const want = expected({ q: 'ala' });
    expect(rows(el).map((r) => cellTexts(r)[2])).to.deep.equal(want.items.map((s) => s.sessionId.trim()));
    // Matches are highlighted in the cells.
    const marks = $$(el, 'tbody mark');
    expect(marks.length).to.be.greaterThan(0);
    expect(marks.every((m) => m.textContent!.toLowerCase() === 'ala')).to.equal(true);
    expect(input.value).to.equal('ala');
  });

  it('sends the search at once on Enter', async () => {
    const el = await mount();
    await settled(el);
    await type(el, 's-');
    $(el, '#search')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settled(el);
    expect(lastRequest(service()).searchParams.get('q')).to.equal('s-');
  });

  it('host attributes drive the filters and the request', async () => {
    const el = await mount('q="torv" license-source="Acme Corp,QA Europe" organization="org-root" sort="duration" order="asc" page-size="25"');
    await settled(el);
    const p = lastRequest(service()).searchParams;
    expect(p.get('q')).to.equal('torv');
    expect(p.getAll('licenseSource')).to.deep.equal(['Acme Corp', 'QA Europe']);
    expect(p.getAll('organizationId')).to.deep.equal(['org-root']);
    expect(p.get('sort')).to.equal('duration');
    expect(p.get('order')).to.equal('asc');
    expect(p.get('limit')).to.equal('25');
    expect($<HTMLInputElement>(el, '#search')!.value).to.equal('torv');
    expect($(el, '.filters .ms-value')!.textContent).to.equal('2 license sources');
    const want = expected({ q: 'torv', licenseSources: ['Acme Corp', 'QA Europe'], organizationIds: ['org-root'], sort: 'duration', order: 'asc', limit: 25 });
    expect(rows(el).map((r) => cellTexts(r)[2])).to.deep.equal(want.items.map((s) => s.sessionId.trim()));
    el.q = null;
    await settled(el);
    expect(lastRequest(service()).searchParams.has('q')).to.equal(false);
    expect($<HTMLInputElement>(el, '#search')!.value).to.equal('');
  });

  it('the License Source multi-select lists the facets, reflects and fires kre-filter-change', async () => {
    const el = await mount();
    await settled(el);
    const [sources] = $$(el, '.filters .ms-button');
    sources.click();
    await el.updateComplete;
    await waitUntil(() => $(el, '.ms-panel'), 'the panel, loaded on demand');
    const options = $$<HTMLInputElement>(el, '.ms-panel input[type="checkbox"]');
    expect(options.map((o) => o.closest('label')!.textContent!.trim())).to.deep.equal(expected().facets.licenseSources);
    setTimeout(() => options[1].click());
    const event = await oneEvent(el, 'kre-filter-change');
    const source = expected().facets.licenseSources[1];
    expect(event.detail.licenseSource).to.deep.equal([source]);
    expect(el.getAttribute("license-source")).to.equal(source.replace(/,/g, "\\,"));
    await settled(el);
    expect(lastRequest(service()).searchParams.getAll('licenseSource')).to.deep.equal([source]);
    expect(rows(el).map((r) => cellTexts(r)[4]).every((t) => t === source)).to.equal(true);
  });

  it('the Organization picker shows the hierarchy and filters on ids', async () => {
    const el = await mount();
    await settled(el);
    const [, orgs] = $$(el, '.filters .ms-button');
    orgs.click();
    await el.updateComplete;
    await waitUntil(() => $(el, '.ms-panel'), 'the panel, loaded on demand');
    const items = $$<HTMLLIElement>(el, '.ms-panel li');
    expect(items.length).to.equal(expected().facets.organizations.length);
    expect(items.some((li) => li.style.getPropertyValue('--depth') === '2')).to.equal(true);
    items[1].querySelector('input')!.click();
    await settled(el);
    const id = lastRequest(service()).searchParams.getAll('organizationId');
    expect(id).to.have.length(1);
    expect(el.getAttribute('organization')).to.equal(id[0]);
  });

  it('the date range and its presets set from/to', async () => {
    const el = await mount();
    await settled(el);
    const from = $<HTMLInputElement>(el, '#started-from')!;
    from.value = '2026-10-20';
    from.dispatchEvent(new Event('change'));
    await settled(el);
    expect(el.getAttribute('from')).to.equal('2026-10-20');
    expect(lastRequest(service()).searchParams.get('from')).to.equal('2026-10-20');
    const preset = $<HTMLSelectElement>(el, '#started-preset')!;
    preset.value = 'last7';
    preset.dispatchEvent(new Event('change'));
    await settled(el);
    const p = lastRequest(service()).searchParams;
    expect(el.getAttribute('from')).to.equal(p.get('from'));
    expect(el.getAttribute('to')).to.equal(p.get('to'));
  });

  it('active-at replaces the date range, shows a removable chip', async () => {
    const el = await mount('active-at="2026-10-30T09:00:00Z"');
    await settled(el);
    let p = lastRequest(service()).searchParams;
    expect(p.get('activeAt')).to.equal('2026-10-30T09:00:00Z');
    expect(p.has('from')).to.equal(false);
    expect($<HTMLFieldSetElement>(el, 'fieldset.date-range')!.disabled).to.equal(true);
    const chip = $(el, '[part="chip"]')!;
    expect(chip.textContent).to.contain('Active at Oct 30, 2026, 10:00:00 AM');
    const want = expected({ activeAt: '2026-10-30T09:00:00Z', from: undefined, to: undefined });
    expect(rows(el).map((r) => cellTexts(r)[2])).to.deep.equal(want.items.map((s) => s.sessionId.trim()));
    const remove = chip.querySelector('button')!;
    expect(remove.getAttribute('aria-label')).to.contain('Remove filter');
    setTimeout(() => remove.click());
    const event = await oneEvent(el, 'kre-filter-change');
    expect(event.detail.activeAt).to.equal(null);
    expect(el.hasAttribute('active-at')).to.equal(false);
    await settled(el);
    p = lastRequest(service()).searchParams;
    expect(p.has('activeAt')).to.equal(false);
    expect(p.get('from')).to.equal('2026-10-01');
  });

  it('"Clear filters" clears every filter and fires one kre-filter-change', async () => {
    const el = await mount('q="torv" license-source="Acme Corp" active-at="2026-10-30T09:00:00Z"');
    await settled(el);
    const events: CustomEvent[] = [];
    el.addEventListener('kre-filter-change', (e) => events.push(e as CustomEvent));
    $(el, '[part="clear-button"]')!.click();
    await settled(el);
    expect(events).to.have.length(1);
    expect(events[0].detail).to.deep.include({ q: '', licenseSource: [], activeAt: null, organization: [] });
    for (const a of ['q', 'license-source', 'active-at', 'organization']) expect(el.hasAttribute(a), a).to.equal(false);
    const p = lastRequest(service()).searchParams;
    expect(p.has('q') || p.has('licenseSource') || p.has('activeAt')).to.equal(false);
  });

  it('reads a comma inside a license source written as \\,', async () => {
    const el = await mount('license-source="Mobile\\, Web &amp; API,Acme Corp"');
    await settled(el);
    expect(lastRequest(service()).searchParams.getAll('licenseSource')).to.deep.equal(['Mobile, Web & API', 'Acme Corp']);
    expect(el.filterState().licenseSource).to.deep.equal(['Mobile, Web & API', 'Acme Corp']);
  });

  it('sends product testcloud to its own path', async () => {
    const el = await mount('product="testcloud"');
    await settled(el);
    expect(lastRequest(service()).pathname).to.equal('/api/reports/testcloud/sessions');
    expect(el.filterState().product).to.equal('testcloud');
    el.setAttribute('product', 'bogus');
    await settled(el);
    expect(el.product).to.equal('kre');
  });
});
