// The chart's filters: the request each one sends, attribute reflection, `kre-filter-change` with
// the whole state, hour disabled beyond 31 days, and attributes set by the host.
import { expect, waitUntil } from '@open-wc/testing';
import { presetRange, todayDays } from '../../src/shared/dates.js';
import type { FilterChangeEvent } from '../../src/shared/events.js';
import { $, $$, drawnBars, expected, lastRequest, mount, settled, usageRequests, useMockService, ZONE } from './usage-fixtures.js';

function events(el: Element): FilterChangeEvent[] {
  const list: FilterChangeEvent[] = [];
  el.addEventListener('kre-filter-change', (e) => list.push(e as FilterChangeEvent));
  return list;
}

function change(target: HTMLInputElement | HTMLSelectElement, value: string): void {
  target.value = value;
  target.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe('<kre-license-usage> filters', () => {
  const service = useMockService();

  it('asks for the attributes: range, interval, zone, organizations (repeated)', async () => {
    const el = await mount('interval="week" organization="org-qa,org-mobile" time-zone="Asia/Kolkata" from="2026-09-01" to="2026-10-30"');
    await settled(el);
    const p = lastRequest(service()).searchParams;
    expect(lastRequest(service()).pathname).to.equal('/api/reports/kre/usage');
    expect(p.get('from')).to.equal('2026-09-01');
    expect(p.get('to')).to.equal('2026-10-30');
    expect(p.get('interval')).to.equal('week');
    expect(p.get('timeZone')).to.equal('Asia/Kolkata');
    expect(p.getAll('organizationId')).to.deep.equal(['org-qa', 'org-mobile']);
  });

  it('asks for the defaults: day, the last 30 days in the zone, every organization', async () => {
    const el = await mount('from="" to=""');
    el.removeAttribute('from');
    el.removeAttribute('to');
    await settled(el);
    const p = lastRequest(service()).searchParams;
    const range = presetRange('last30', todayDays(ZONE));
    expect(p.get('interval')).to.equal('day');
    expect([p.get('from'), p.get('to')]).to.deep.equal([range.from, range.to]);
    expect(p.has('organizationId')).to.equal(false);
  });

  it('interval="hour" from the host over a range of more than 31 days asks for day, never a 400', async () => {
    const el = await mount('interval="hour" from="2026-08-01" to="2026-10-30"');
    await settled(el);
    expect(lastRequest(service()).searchParams.get('interval')).to.equal('day');
    expect($(el, '.status')).to.equal(null);
    expect($<HTMLSelectElement>(el, '#interval')!.value).to.equal('day');
  });

  it('testcloud asks for its own product', async () => {
    const el = await mount('', { tag: 'testcloud-license-usage' });
    await settled(el);
    expect(lastRequest(service()).pathname).to.equal('/api/reports/testcloud/usage');
    expect($(el, '.title')!.textContent).to.equal('TestCloud license usage');
  });

  it('the interval select reflects, announces the whole state and refetches', async () => {
    const el = await mount();
    await settled(el);
    const seen = events(el);
    change($<HTMLSelectElement>(el, '#interval')!, 'week');
    await settled(el);
    expect(el.getAttribute('interval')).to.equal('week');
    expect(seen.length).to.equal(1);
    expect(seen[0].detail).to.deep.equal({ from: '2026-10-01', to: '2026-10-31', timeZone: ZONE, organization: [], product: 'kre', interval: 'week', compare: false });
    expect(seen[0].bubbles && seen[0].composed).to.equal(true);
    expect(lastRequest(service()).searchParams.get('interval')).to.equal('week');
    expect(drawnBars(el).length).to.equal(expected({ interval: 'week' }).buckets.length);
  });

  it('the date inputs and presets set from/to', async () => {
    const el = await mount();
    await settled(el);
    const seen = events(el);
    change($<HTMLInputElement>(el, '#range-from')!, '2026-10-10');
    await settled(el);
    expect(el.getAttribute('from')).to.equal('2026-10-10');
    expect(lastRequest(service()).searchParams.get('from')).to.equal('2026-10-10');
    expect(seen.at(-1)!.detail.from).to.equal('2026-10-10');

    change($<HTMLSelectElement>(el, '#range-preset')!, 'last7');
    await el.updateComplete;
    const week = presetRange('last7', todayDays(ZONE));
    expect([el.getAttribute('from'), el.getAttribute('to')]).to.deep.equal([week.from, week.to]);
    await waitUntil(() => lastRequest(service()).searchParams.get('from') === week.from);
    expect(seen.at(-1)!.detail).to.include({ from: week.from, to: week.to });
  });

  it('typing a year segment by segment changes nothing until the date is plausible', async () => {
    const el = await mount('from="2026-10-01" to="2026-10-31"');
    await settled(el);
    const seen = events(el);
    const requests = usageRequests(service()).length;
    const to = $<HTMLInputElement>(el, '#range-to')!;
    // What Chrome reports while a user types "2026" into the year of the To input.
    for (const partial of ['0002-10-05', '0020-10-05', '0202-10-05']) change(to, partial);
    await settled(el);
    expect(seen.length).to.equal(0);
    expect(usageRequests(service()).length).to.equal(requests);
    expect([el.getAttribute('from'), el.getAttribute('to')]).to.deep.equal(['2026-10-01', '2026-10-31']);
    change(to, '2026-10-05');
    await settled(el);
    expect(seen.length).to.equal(1);
    expect(el.getAttribute('to')).to.equal('2026-10-05');
    // Left implausible or empty, the input gets the range in force back on blur.
    to.value = '';
    to.dispatchEvent(new Event('blur'));
    expect(to.value).to.equal('2026-10-05');
  });

  it('disables hour, with the reason, beyond 31 days; a longer range switches hour to day', async () => {
    const el = await mount('interval="hour" from="2026-10-01" to="2026-10-31"');
    await settled(el);
    const hour = () => $<HTMLOptionElement>(el, '#interval option[value="hour"]')!;
    expect(hour().disabled).to.equal(false);
    expect($(el, '#hour-reason')).to.equal(null);

    const seen = events(el);
    change($<HTMLInputElement>(el, '#range-from')!, '2026-09-01');
    await settled(el);
    expect(el.getAttribute('interval')).to.equal('day');
    expect(seen.at(-1)!.detail).to.include({ from: '2026-09-01', interval: 'day' });
    expect(lastRequest(service()).searchParams.get('interval')).to.equal('day');
    expect(hour().disabled).to.equal(true);
    expect($(el, '#hour-reason')!.textContent).to.contain('up to 31 days');
    expect($(el, '#interval')!.getAttribute('aria-describedby')).to.equal('hour-reason');
  });

  it('the organization picker lists the hierarchy and filters', async () => {
    const el = await mount();
    await settled(el);
    const seen = events(el);
    $<HTMLButtonElement>(el, '[part~="filter-button"]')!.click();
    await el.updateComplete;
    await waitUntil(() => $(el, '.ms-panel'), 'the panel, loaded on demand');
    const options = $$<HTMLInputElement>(el, '.ms-list input[type="checkbox"]');
    expect(options.length).to.equal(expected().organizations.length);
    const depths = $$<HTMLLIElement>(el, '.ms-list li').map((li) => Number(li.style.getPropertyValue('--depth')));
    expect(Math.max(...depths)).to.be.greaterThan(0);
    const label = $$(el, '.ms-text')[1].textContent!.trim();
    const org = expected().organizations.find((o) => o.name === label)!;
    options[1].click();
    await settled(el);
    expect(el.getAttribute('organization')).to.equal(org.id);
    expect(seen.at(-1)!.detail.organization).to.deep.equal([org.id]);
    expect(lastRequest(service()).searchParams.getAll('organizationId')).to.deep.equal([org.id]);
    const want = expected({ organizationIds: [org.id] });
    expect($$(el, '.stat dd')[0].textContent!.trim()).to.equal(String(want.summary.peak));
  });

  it('follows attributes set by the host: filters show them and the chart refetches', async () => {
    const el = await mount();
    await settled(el);
    const before = usageRequests(service()).length;
    const seen = events(el);
    el.setAttribute('interval', 'month');
    el.setAttribute('from', '2026-06-01');
    await settled(el);
    expect($<HTMLSelectElement>(el, '#interval')!.value).to.equal('month');
    expect($<HTMLInputElement>(el, '#range-from')!.value).to.equal('2026-06-01');
    expect(usageRequests(service()).length).to.equal(before + 1);
    expect(lastRequest(service()).searchParams.get('interval')).to.equal('month');
    expect(seen.length, 'no kre-filter-change for the host\'s own changes').to.equal(0);
  });

  it('falls back to day for an unknown interval attribute', async () => {
    const el = await mount('interval="fortnight"');
    await settled(el);
    expect(lastRequest(service()).searchParams.get('interval')).to.equal('day');
    expect($<HTMLSelectElement>(el, '#interval')!.value).to.equal('day');
  });
});
