// On the usage charts (issue 10.2): allocation changes marked on the Available step, reachable by
// keyboard with before and after; and "Compare with the previous period", kept in the filter
// state, drawn as ghost bars aligned bucket by bucket, with both values and the change.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { Dataset } from '../../src/core/types.js';
import type { FilterChangeEvent } from '../../src/shared/events.js';
import { allocation, dataset as fixtureDataset, session } from '../core/fixtures.js';
import { pathPoints } from '../shared/path-points.js';
import { $, $$, drawnBars, expected, key, mount, settled, stepValueAt, usageRequests, useMockService, yInvert } from './usage-fixtures.js';

/**
 * October: one session a day, from 1 on Oct 1 to 5 at once on Oct 5 (k sessions on day k), and
 * September the same shifted by five days. Allocations: the account 10 -> 12 on Oct 3 at 06:00
 * (Berlin 08:00), QA 4 from Oct 4 00:00 Berlin.
 */
function day(d: string, count: number) {
  return Array.from({ length: count }, (_, k) => session(`${d}T08:00:00Z`, `${d}T09:00:00Z`, { sessionId: `${d}-${k}` }));
}
const COMPARE: Dataset = fixtureDataset(
  [
    ...day('2026-10-01', 1), ...day('2026-10-02', 2), ...day('2026-10-03', 3), ...day('2026-10-04', 4), ...day('2026-10-05', 5),
    ...day('2026-09-26', 2), ...day('2026-09-27', 2), ...day('2026-09-28', 1), ...day('2026-09-30', 6),
  ],
  [allocation('2026-01-01T00:00:00Z', 10), allocation('2026-10-03T06:00:00Z', 12), allocation('2026-10-03T22:00:00Z', 4, 'qa')],
);
const RANGE = 'from="2026-10-01" to="2026-10-05"';

describe('<kre-license-usage>: allocation changes and compare', () => {
  const service = useMockService(() => COMPARE);

  describe('allocation changes', () => {
    it('marks each change on the Available step, with its scope, before and after, by keyboard', async () => {
      const el = await mount(RANGE);
      await settled(el);
      const want = expected({ from: '2026-10-01', to: '2026-10-05' }, COMPARE);
      expect(want.capacityChanges.map((c) => [c.at, c.organizationId, c.before, c.after])).to.deep.equal([
        ['2026-10-03T08:00:00+02:00', null, 10, 12],
        ['2026-10-04T00:00:00+02:00', 'qa', 0, 4],
      ]);
      const marks = $$<HTMLButtonElement>(el, '[part~="change-mark"]');
      expect(marks.map((m) => m.getAttribute('aria-label'))).to.deep.equal([
        'Licenses changed: Account-wide pool: 10 → 12 licenses on Oct 3, 2026, 8:00 AM',
        'Licenses changed: QA Europe: 0 → 4 licenses on Oct 4, 2026, 12:00 AM',
      ]);
      // On the step: the mark's centre is where the step drawn over its slot is.
      const plot = $(el, '.plot-area')!.getBoundingClientRect();
      const margin = Number($(el, '.chart-svg g')!.getAttribute('transform')!.match(/translate\(([\d.]+)/)![1]);
      const top = Number($(el, '.chart-svg g')!.getAttribute('transform')!.match(/translate\([\d.]+ ([\d.]+)/)![1]);
      const inv = yInvert(el);
      marks.forEach((m, i) => {
        const box = m.getBoundingClientRect();
        const x = box.left + box.width / 2 - plot.left - margin;
        const y = box.top + box.height / 2 - plot.top - top;
        expect(Math.round(inv(y))).to.equal(Math.round(stepValueAt(el, x + 0.5)), `mark ${i} on the step`);
      });
      // Tab reaches a mark; its tooltip says the same.
      marks[1].focus();
      await el.updateComplete;
      expect($(el, '#change-tip')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Licenses changed QA Europe: 0 → 4 licenses on Oct 4, 2026, 12:00 AM');
      expect(marks[1].getAttribute('aria-describedby')).to.equal('change-tip');
      marks[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await el.updateComplete;
      expect($(el, '#change-tip')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('lists the changes under the table view', async () => {
      const el = await mount(RANGE);
      await settled(el);
      $<HTMLButtonElement>(el, '[part~="table-button"]')!.click();
      await el.updateComplete;
      await waitUntil(() => $(el, '.table-scroller'), 'the table view, loaded on demand');
      expect($$(el, '[part~="change-list"] li').map((li) => li.textContent)).to.deep.equal([
        'Account-wide pool: 10 → 12 licenses on Oct 3, 2026, 8:00 AM',
        'QA Europe: 0 → 4 licenses on Oct 4, 2026, 12:00 AM',
      ]);
    });
  });

  describe('compare with the previous period', () => {
    it('is a toggle kept in the filter state: reflected, announced, and it asks for the range just before', async () => {
      const el = await mount(RANGE);
      await settled(el);
      expect(usageRequests(service()).length).to.equal(1);
      const button = $<HTMLButtonElement>(el, '[part~="compare-button"]')!;
      setTimeout(() => button.click());
      const event = (await oneEvent(el, 'kre-filter-change')) as FilterChangeEvent;
      expect(event.detail).to.deep.include({ compare: true, from: '2026-10-01', to: '2026-10-05', interval: 'day' });
      expect(el.hasAttribute('compare')).to.equal(true);
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      await waitUntil(() => usageRequests(service()).length === 2);
      const previous = usageRequests(service())[1].searchParams;
      expect([previous.get('from'), previous.get('to'), previous.get('interval'), previous.get('timeZone')]).to.deep.equal(['2026-09-26', '2026-09-30', 'day', 'Europe/Berlin']);
      button.click();
      await el.updateComplete;
      expect(el.hasAttribute('compare')).to.equal(false);
      expect($(el, '.previous-peaks')).to.equal(null);
    });

    it('draws the previous peaks as ghost bars in the same slots, and says both values and the change', async () => {
      const el = await mount(`${RANGE} compare`);
      await settled(el);
      await waitUntil(() => $(el, '.previous-peaks'), 'no ghost bars');
      const before = expected({ from: '2026-09-26', to: '2026-09-30' }, COMPARE).buckets.map((b) => b.peak);
      expect(before).to.deep.equal([2, 2, 1, 0, 6]);
      // One outline per slot with a previous peak, at its height, over the bar of that slot.
      const inv = yInvert(el);
      const points = pathPoints($$(el, '.previous-peaks').map((p) => p.getAttribute('d')).join(''));
      const tops = [];
      for (let i = 0; i < points.length; i += 4) tops.push(Math.round(inv(points[i + 1][1])));
      expect(tops).to.deep.equal([2, 2, 1, 6]);
      const bars = drawnBars(el);
      expect(points[0][0]).to.be.closeTo(bars[0].x, 0.01);
      expect(points[12][0]).to.be.closeTo(bars[4].x, 0.01);
      // The tooltip of Oct 5 (5 at once) against Sep 30 (6 at once).
      $(el, '.plot')!.focus();
      key(el, 'End');
      await el.updateComplete;
      const previous = $(el, '.tooltip-previous')!;
      expect(previous.querySelector('.tooltip-subtitle')!.textContent!.trim()).to.equal('Previous period: Wed, Sep 30, 2026');
      const facts = Object.fromEntries([...previous.querySelectorAll('dt')].map((dt) => [dt.textContent!.trim(), dt.nextElementSibling!.textContent!.trim()]));
      expect(facts).to.deep.equal({ 'Peak Usage': '6', Change: '−1 (−17%)', 'Average Peak': '0.3', 'Denied requests': '0' });
      // The legend toggles the ghost bars like any series.
      expect($$(el, '.legend-item').map((b) => b.textContent!.trim())).to.include('Previous period');
      $<HTMLButtonElement>(el, '.legend-item[data-series="previous"]')!.click();
      await el.updateComplete;
      expect($(el, '.previous-peaks')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('the table view gains the previous peak and the change', async () => {
      const el = await mount(`${RANGE} compare`);
      await settled(el);
      await waitUntil(() => $(el, '.previous-peaks'));
      $<HTMLButtonElement>(el, '[part~="table-button"]')!.click();
      await el.updateComplete;
      await waitUntil(() => $(el, '.table-scroller'), 'the table view, loaded on demand');
      expect($$(el, 'thead th').map((th) => th.textContent!.trim()).slice(-2)).to.deep.equal(['Previous peak', 'Change']);
      const rows = $$<HTMLTableRowElement>(el, 'tbody tr').map((r) => [...r.cells].slice(-2).map((c) => c.textContent!.trim()));
      expect(rows).to.deep.equal([['2', '−1 (−50%)'], ['2', '0'], ['1', '+2 (+200%)'], ['0', '+4'], ['6', '−1 (−17%)']]);
    });

    it('a failed previous period is a note; the chart stays', async () => {
      const el = await mount(RANGE);
      await settled(el);
      service().control.set({ failure: 'status-500', times: 1 });
      el.compare = true;
      await waitUntil(() => $(el, '[part~="previous-note"]'), 'no note');
      expect($(el, '[part~="previous-note"]')!.textContent).to.match(/^The previous period could not be loaded: The report service answered with an error \(HTTP 500\)/);
      expect(drawnBars(el).length).to.equal(5);
      expect($(el, '.status')).to.equal(null);
    });
  });
});
