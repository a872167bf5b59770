// The planner's requests and controls: what it asks of 3.4 (filters, `licenses` only for the
// what-if, never a bad value), the what-if's number input and slider in sync, its debounce (a burst
// of changes asks once) and its ordering (a slow older answer never overwrites a newer one), the
// filters reflected to attributes and announced with the whole state, the product, and the map's
// toggle and readout.
import { expect, waitUntil } from '@open-wc/testing';
import { computeCapacity } from '../../src/core/index.js';
import type { FilterChangeEvent } from '../../src/shared/events.js';
import type { KreLicensePlanner } from '../../src/planner/kre-license-planner.js';
import { $, $$, ASOF, expected, generated, mount, replayRequests, reportRequests, settled, text, useMockService, ZONE } from './planner-fixtures.js';

function events(el: HTMLElement): FilterChangeEvent[] {
  const list: FilterChangeEvent[] = [];
  el.addEventListener('kre-filter-change', (e) => list.push(e));
  return list;
}

/** Sets an input's value as a user would and fires `input`. */
function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const replayShown = (el: KreLicensePlanner) => text($(el, '.compare thead th:last-child'));

describe('<kre-license-planner> requests and the what-if', () => {
  const service = useMockService();

  it('asks 3.4 with the filters, then the what-if with licenses = the licenses available', async () => {
    const el = await mount('organization="org-qa,org-mobile" time-zone="Asia/Kolkata" from="2026-09-01" to="2026-10-30"');
    await settled(el);
    const [report] = reportRequests(service());
    expect(report.pathname).to.equal('/api/reports/kre/capacity');
    expect(Object.fromEntries(report.searchParams)).to.deep.include({ from: '2026-09-01', to: '2026-10-30', timeZone: 'Asia/Kolkata' });
    expect(report.searchParams.getAll('organizationId')).to.deep.equal(['org-qa', 'org-mobile']);
    const want = expected({ from: '2026-09-01', to: '2026-10-30', timeZone: 'Asia/Kolkata', organizationIds: ['org-qa', 'org-mobile'] });
    const replays = replayRequests(service());
    expect(replays.length).to.equal(1);
    expect(replays[0].searchParams.get('licenses')).to.equal(String(want.available));
    expect(replays[0].searchParams.getAll('organizationId')).to.deep.equal(['org-qa', 'org-mobile']);
    expect(el.getAttribute('licenses'), 'the default is not written back').to.equal(null);
    expect(el.filterState()).to.deep.equal({ from: '2026-09-01', to: '2026-10-30', timeZone: 'Asia/Kolkata', organization: ['org-qa', 'org-mobile'], product: 'kre', licenses: null });
  });

  it('number input and slider stay in sync; after a pause the count is reflected, announced and asked for', async () => {
    const el = await mount();
    await settled(el);
    const seen = events(el);
    const number = $<HTMLInputElement>(el, '#licenses-input')!;
    const range = $<HTMLInputElement>(el, '#licenses-range')!;
    expect(Number(range.max)).to.equal(2 * expected().coverage.max);
    type(number, '7');
    await el.updateComplete;
    expect(range.value).to.equal('7');
    expect(el.getAttribute('licenses'), 'not before the pause').to.equal(null);
    type(range, '9');
    await el.updateComplete;
    expect(number.value).to.equal('9');
    await waitUntil(() => el.getAttribute('licenses') === '9', 'licenses reflected');
    expect(seen.length).to.equal(1);
    expect(seen[0].detail).to.deep.equal({ from: '2026-10-01', to: '2026-10-31', timeZone: ZONE, organization: [], product: 'kre', licenses: 9 });
    await settled(el);
    expect(replayRequests(service()).map((u) => u.searchParams.get('licenses'))).to.deep.equal([String(expected().available), '9']);
    expect(replayShown(el)).to.equal('Replay: 9 licenses');
    expect($$(el, '.compare tbody td:last-child').map(text)[0]).to.equal(String(expected({ licenses: 9 }).replay!.refused));
  });

  it('a burst of changes asks once, for the last count', async () => {
    const el = await mount();
    await settled(el);
    const before = replayRequests(service()).length;
    const range = $<HTMLInputElement>(el, '#licenses-range')!;
    for (const v of ['3', '4', '5', '6', '12']) type(range, v);
    type($<HTMLInputElement>(el, '#licenses-input')!, '13');
    await waitUntil(() => replayRequests(service()).some((u) => u.searchParams.get('licenses') === '13'), 'the request for 13');
    await settled(el);
    expect(replayRequests(service()).slice(before).map((u) => u.searchParams.get('licenses'))).to.deep.equal(['13']);
    expect(reportRequests(service()).length, 'the report itself is not asked again').to.equal(1);
  });

  it('ignores what is not a whole number in the input, and restores it on blur', async () => {
    const el = await mount('licenses="6"');
    await settled(el);
    const number = $<HTMLInputElement>(el, '#licenses-input')!;
    for (const bad of ['', '-1', '2.5', '1e3']) type(number, bad);
    number.dispatchEvent(new Event('blur'));
    expect(number.value).to.equal('6');
    await el.updateComplete;
    expect(el.licenses).to.equal(6);
  });

  it('a newer count always wins: a slow older answer never overwrites it, and the older request is aborted', async () => {
    const answer = (url: string) => {
      const p = new URL(url, location.href).searchParams;
      const licenses = p.get('licenses');
      const body = computeCapacity(generated, { product: 'kre', from: p.get('from')!, to: p.get('to')!, timeZone: ZONE, licenses: licenses === null ? undefined : Number(licenses) }, ASOF);
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    };
    const el = await mount('licenses="20"');
    let releaseOld!: () => void;
    const signals = new Map<string, AbortSignal>();
    el.fetch = (input, init) => {
      const licenses = new URL(input, location.href).searchParams.get('licenses');
      if (licenses) signals.set(licenses, init!.signal!);
      // The answer for 5 comes late, and ignores the abort.
      return licenses === '5' ? new Promise((resolve) => (releaseOld = () => resolve(answer(input)))) : Promise.resolve(answer(input));
    };
    await settled(el);
    el.licenses = 5;
    await el.updateComplete;
    await waitUntil(() => signals.has('5'), 'the request for 5');
    el.licenses = 9;
    await settled(el);
    expect(signals.get('5')!.aborted).to.equal(true);
    expect(replayShown(el)).to.equal('Replay: 9 licenses');
    releaseOld();
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(replayShown(el)).to.equal('Replay: 9 licenses');
    expect($$(el, '.compare tbody td:last-child').map(text)[2]).to.equal(String(expected({ licenses: 9 }).replay!.peak));
  });

  it('a bad licenses attribute gets a notice, is warned once and never sent', async () => {
    const warn = console.warn;
    const warned: string[] = [];
    console.warn = (message: string) => warned.push(message);
    try {
      const el = await mount('licenses="twelve"');
      await settled(el);
      expect(text($(el, '[part="notices"]'))).to.equal('licenses="twelve" is not a whole number of 0 or more; this report uses the licenses available instead.');
      el.heading = 'Again';
      await el.updateComplete;
      expect(warned.filter((w) => w.includes('licenses="twelve"')).length).to.equal(1);
      expect(replayRequests(service()).map((u) => u.searchParams.get('licenses'))).to.deep.equal([String(expected().available)]);
      expect(el.licenses).to.equal(null);
    } finally {
      console.warn = warn;
    }
  });

  it('follows licenses set by the host: only the what-if is asked again, and no kre-filter-change', async () => {
    const el = await mount();
    await settled(el);
    const seen = events(el);
    el.setAttribute('licenses', '11');
    await settled(el);
    expect(replayRequests(service()).at(-1)!.searchParams.get('licenses')).to.equal('11');
    expect(reportRequests(service()).length).to.equal(1);
    expect($<HTMLInputElement>(el, '#licenses-input')!.value).to.equal('11');
    expect(seen.length).to.equal(0);
  });

  it('the organization picker and the date range reflect and announce the whole state', async () => {
    const el = await mount('licenses="8"');
    await settled(el);
    const seen = events(el);
    $<HTMLButtonElement>(el, '[part~="filter-button"]')!.click();
    // The options come from the usage report's organizations, asked beside the capacity report.
    await waitUntil(() => $$(el, '.ms-list input[type="checkbox"]').length > 0, 'the organizations');
    const options = $$<HTMLInputElement>(el, '.ms-list input[type="checkbox"]');
    expect(options.length).to.equal(generated.organizations.length);
    const label = $$(el, '.ms-text')[1].textContent!.trim();
    const org = generated.organizations.find((o) => o.name === label)!;
    options[1].click();
    await settled(el);
    expect(el.getAttribute('organization')).to.equal(org.id);
    expect(seen.at(-1)!.detail).to.deep.equal({ from: '2026-10-01', to: '2026-10-31', timeZone: ZONE, organization: [org.id], product: 'kre', licenses: 8 });
    expect(reportRequests(service()).at(-1)!.searchParams.getAll('organizationId')).to.deep.equal([org.id]);
    expect(text($(el, '[part~="stat-max"] dd'))).to.equal(String(expected({ organizationIds: [org.id] }).coverage.max));
    const select = $<HTMLSelectElement>(el, '#range-preset')!;
    const from = $<HTMLInputElement>(el, '#range-from')!;
    from.value = '2026-10-10';
    from.dispatchEvent(new Event('change'));
    await settled(el);
    expect(el.getAttribute('from')).to.equal('2026-10-10');
    expect(seen.at(-1)!.detail).to.include({ from: '2026-10-10', to: '2026-10-31', licenses: 8 });
    expect(select.value).to.equal('');
    expect(text($(el, '[part~="stat-p99"] dd'))).to.equal(String(expected({ from: '2026-10-10', organizationIds: [org.id] }).coverage.p99));
  });

  it('product="testcloud" asks for TestCloud and says so; an unknown product gets a notice', async () => {
    const el = await mount('product="testcloud"');
    await settled(el);
    expect(reportRequests(service())[0].pathname).to.equal('/api/reports/testcloud/capacity');
    expect(text($(el, '.title'))).to.equal('TestCloud license planner');
    expect(text($(el, '[part~="stat-max"] dd'))).to.equal(String(expected({ product: 'testcloud' }).coverage.max));
    el.setAttribute('product', 'katalon');
    await settled(el);
    expect(text($(el, '[part="notices"]'))).to.contain('product="katalon" is not one of kre, testcloud; this report uses kre instead.');
    expect(reportRequests(service()).at(-1)!.pathname).to.equal('/api/reports/kre/capacity');
  });

  it('the map shows average peaks on its toggle; a tapped cell shows its numbers', async () => {
    const el = await mount();
    await settled(el);
    const want = expected();
    const [peak, average] = $$<HTMLButtonElement>(el, '[part~="metric-button"]');
    expect([peak.getAttribute('aria-pressed'), average.getAttribute('aria-pressed')]).to.deep.equal(['true', 'false']);
    average.click();
    await el.updateComplete;
    expect(average.getAttribute('aria-pressed')).to.equal('true');
    const shown = $$(el, '.heatmap td.cell span').map((s) => s.textContent);
    expect(shown).to.deep.equal(want.byHour.map((h) => h.averagePeak.toFixed(1)));
    const top = Math.max(...want.byHour.map((h) => h.averagePeak));
    expect($$(el, '.heatmap td.cell')[want.byHour.findIndex((h) => h.averagePeak === top)].className).to.contain(' h5');
    const cell = $$<HTMLTableCellElement>(el, '.heatmap td.cell')[24 + 9];
    cell.click();
    await el.updateComplete;
    expect(text($(el, '[part="readout"]'))).to.equal(cell.getAttribute('aria-label'));
  });
});
