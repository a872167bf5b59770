// <kre-license-usage> draws exactly the numbers of the contract: bars, steps and the dotted line
// against computeUsage (what the mock serves), DST days included; the summary strip; tooltips,
// keyboard navigation and drill-down; the legend and the table view.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { Dataset } from '../../src/core/types.js';
import type { BucketSelectEvent } from '../../src/shared/events.js';
import { allocation, dataset as fixtureDataset, session } from '../core/fixtures.js';
import {
  $,
  $$,
  averageValues,
  close,
  barBox,
  drawnBars,
  hatchedBars,
  expected,
  key,
  mount,
  pathTolerance,
  settled,
  stepValueAt,
  useMockService,
  ZONE,
} from './usage-fixtures.js';

/** Sessions around the DST changes of Europe/Berlin in 2026 (Mar 29: 23 h, Oct 25: 25 h), and a capacity change. */
const DST: Dataset = fixtureDataset(
  [
    session('2026-03-28T22:30:00Z', '2026-03-29T03:00:00Z', { organizationId: 'qa' }),
    session('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', { organizationId: 'dev' }),
    session('2026-03-29T00:45:00Z', '2026-03-29T00:50:00Z', { organizationId: 'qa-berlin' }),
    session('2026-10-24T23:10:00Z', '2026-10-25T01:20:00Z', { organizationId: 'qa' }),
    session('2026-10-25T00:15:00Z', '2026-10-25T00:45:00Z', { organizationId: 'dev' }),
    session('2026-10-25T01:05:00Z', '2026-10-25T02:00:00Z', { organizationId: 'qa' }),
    session('2026-10-25T01:10:00Z', '2026-10-25T01:30:00Z', { organizationId: 'qa' }),
    session('2026-10-25T12:00:00Z', '2026-10-25T13:00:00Z', { organizationId: 'qa' }),
    session('2026-10-26T08:00:00Z', null, { organizationId: 'qa' }),
  ],
  [allocation('2026-01-01T00:00:00Z', 3), allocation('2026-10-25T01:30:00Z', 4), allocation('2026-03-29T00:00:00Z', 1, 'qa')],
);

function expectDrawn(el: Element, buckets: { peak: number; available: number; averagePeak: number }[]): void {
  const bars = drawnBars(el);
  const eps = pathTolerance(el);
  expect(bars.length).to.equal(buckets.length);
  bars.forEach((bar, i) => {
    expect(close(bar.value, buckets[i].peak), `bar ${i}: ${bar.value} vs ${buckets[i].peak}`).to.equal(true);
    expect(close(stepValueAt(el, bar.x + bar.width / 2), buckets[i].available, eps), `step ${i}: ${stepValueAt(el, bar.x + bar.width / 2)} vs ${buckets[i].available}`).to.equal(true);
  });
  const avg = averageValues(el);
  if (buckets.length > 1) {
    expect(avg.length).to.equal(buckets.length);
    avg.forEach((v, i) => expect(close(v, buckets[i].averagePeak, eps), `average ${i}: ${v} vs ${buckets[i].averagePeak}`).to.be.true);
  }
}

describe('<kre-license-usage> chart', () => {
  describe('with the generated dataset', () => {
    useMockService();

    for (const [interval, from, to] of [
      ['day', '2026-10-01', '2026-10-31'],
      ['hour', '2026-10-24', '2026-10-27'],
      ['week', '2026-09-01', '2026-10-31'],
      ['month', '2026-09-01', '2026-10-31'],
    ] as const) {
      it(`draws the ${interval} buckets of the mock exactly`, async () => {
        const el = await mount(`interval="${interval}" from="${from}" to="${to}"`);
        await settled(el);
        const want = expected({ interval, from, to });
        expect(want.buckets.length).to.be.greaterThan(1);
        expectDrawn(el, want.buckets);
        // Slots follow time: each slot's width is its bucket's duration on the same scale.
        expect(drawnBars(el).length).to.equal(want.buckets.length);
      });
    }

    it('shows the summary strip of the response', async () => {
      const el = await mount();
      await settled(el);
      const want = expected().summary;
      const stats = $$(el, '.stat dd').map((d) => d.textContent!.trim());
      expect(stats).to.deep.equal([
        String(want.peak),
        want.averageDailyPeak.toFixed(1),
        String(want.available),
        `${Math.round((want.utilization ?? 0) * 100)}%`,
        String(want.denied),
      ]);
      // The range reaches the service's now (asOf is inside Oct 31): "Available now".
      expect($$(el, '.stat dt').map((d) => d.textContent!.trim())).to.deep.equal([
        'Peak in range',
        'Average daily peak',
        'Available now',
        'Peak utilization',
        'Denied requests',
      ]);
    });

    it('labels the figure and summarises it in text', async () => {
      const el = await mount();
      await settled(el);
      const figure = $(el, 'figure')!;
      expect(figure.getAttribute('aria-labelledby')).to.equal('title');
      const description = $(el, `#${figure.getAttribute('aria-describedby')}`)!.textContent!;
      const s = expected().summary;
      expect(description).to.contain(`(Europe/Berlin): peak usage ${s.peak}, peak utilization ${Math.round(s.utilization! * 100)}%`);
      expect(description).to.contain(`${s.denied} denied requests; ${s.available} licenses at the end of the range`);
      expect(description).to.contain('Oct 1, 2026');
    });

    it('uses integer y ticks and time labels in the zone and locale', async () => {
      const el = await mount('interval="hour" from="2026-10-30" to="2026-10-30" time-zone="America/New_York" locale="de-DE"');
      await settled(el);
      const ys = $$(el, '.y-label').map((t) => Number(t.textContent!.replace(/\./g, '')));
      ys.forEach((v) => expect(Number.isInteger(v)).to.be.true);
      const xs = $$(el, '.x-label').map((t) => t.textContent!.trim());
      expect(xs[0]).to.equal('0:00');
      expect($(el, '.x-context')!.textContent).to.equal('30. Okt.');
    });

    it('shows a tooltip on hover with the bucket in the zone, kept inside the element', async () => {
      const el = await mount('', { width: 420 });
      await settled(el);
      const plot = $(el, '.plot')!;
      const count = drawnBars(el).length;
      for (const index of [0, Math.floor(count / 2), count - 1]) {
        const r = barBox(el, index);
        plot.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + r.width / 2, clientY: r.bottom - 2, bubbles: true }));
        await el.updateComplete;
        const tip = $(el, '.tooltip')!;
        expect(tip.hidden).to.equal(false);
        expect($(el, '.tooltip-title')!.textContent).to.match(/Oct \d+, 2026/);
        const t = tip.getBoundingClientRect();
        const host = el.getBoundingClientRect();
        expect(t.left).to.be.at.least(host.left);
        expect(t.right).to.be.at.most(host.right + 0.5);
        expect(t.bottom).to.be.at.most(host.bottom + 0.5);
      }
      plot.dispatchEvent(new PointerEvent('pointerleave'));
      await el.updateComplete;
      expect($(el, '.tooltip')!.hidden).to.equal(true);
    });

    it('moves between buckets with the arrow keys, Home and End; Escape hides the tooltip', async () => {
      const el = await mount();
      await settled(el);
      const want = expected().buckets;
      $(el, '.plot')!.focus();
      await el.updateComplete;
      const title = () => $(el, '.tooltip-title')!.textContent!.trim();
      expect(title()).to.equal('Thu, Oct 1, 2026');
      key(el, 'ArrowRight');
      await el.updateComplete;
      expect(title()).to.equal('Fri, Oct 2, 2026');
      const facts = $$(el, '.tooltip-facts dd').map((d) => d.textContent!.trim());
      expect(facts[0]).to.equal(String(want[1].available));
      expect(facts[1]).to.equal(String(want[1].peak));
      expect(facts[3]).to.equal(want[1].averagePeak.toFixed(1));
      expect($(el, '[aria-live]')!.textContent).to.contain('Fri, Oct 2, 2026');
      key(el, 'End');
      await el.updateComplete;
      expect(title()).to.equal('Sat, Oct 31, 2026');
      key(el, 'Home');
      await el.updateComplete;
      expect(title()).to.equal('Thu, Oct 1, 2026');
      key(el, 'ArrowLeft');
      await el.updateComplete;
      expect(title()).to.equal('Thu, Oct 1, 2026');
      expect($(el, '.active-slot')).to.not.equal(null);
      key(el, 'Escape');
      await el.updateComplete;
      expect($(el, '.tooltip')!.hidden).to.equal(true);
    });

    it('fires kre-bucket-select on Enter and on click, with the peak and the organization filter', async () => {
      const el = await mount('organization="org-qa"');
      await settled(el);
      const want = expected({ organizationIds: ['org-qa'] }).buckets;
      $(el, '.plot')!.focus();
      key(el, 'ArrowRight');
      key(el, 'ArrowRight');
      await el.updateComplete;
      setTimeout(() => key(el, 'Enter'));
      const event = (await oneEvent(el, 'kre-bucket-select')) as BucketSelectEvent;
      expect(event.detail).to.deep.equal({ start: want[2].start, end: want[2].end, peakAt: want[2].peakAt, denied: want[2].denied, organization: ['org-qa'], product: 'kre' });
      expect(event.bubbles && event.composed).to.equal(true);

      const rect = barBox(el, 5);
      setTimeout(() => $(el, '.plot')!.dispatchEvent(new MouseEvent('click', { clientX: rect.left + rect.width / 2, clientY: rect.bottom - 1, bubbles: true })));
      const click = (await oneEvent(el, 'kre-bucket-select')) as BucketSelectEvent;
      expect(click.detail.start).to.equal(want[5].start);
      expect(click.detail.peakAt).to.equal(want[5].peakAt);
    });

    it('toggles each series from the legend', async () => {
      const el = await mount();
      await settled(el);
      const button = (s: string) => $(el, `.legend-item[data-series="${s}"]`)!;
      for (const [series, selector] of [['available', '.available-area'], ['peak', '.bar'], ['average', '.average-line']]) {
        expect(button(series).getAttribute('aria-pressed')).to.equal('true');
        button(series).click();
        await el.updateComplete;
        expect(button(series).getAttribute('aria-pressed')).to.equal('false');
        expect($(el, selector), series).to.equal(null);
        button(series).click();
        await el.updateComplete;
        expect($(el, selector)).to.not.equal(null);
      }
    });

    it('shows the same numbers as an accessible table', async () => {
      const el = await mount();
      await settled(el);
      ($(el, '[part~="table-button"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await waitUntil(() => $(el, '.table-scroller'), 'the table view, loaded on demand');
      const want = expected().buckets;
      const rows = $$<HTMLTableRowElement>(el, 'tbody tr');
      expect(rows.length).to.equal(want.length);
      const cells = [...rows[4].cells].map((c) => c.textContent!.trim());
      expect(cells[0]).to.equal('Mon, Oct 5, 2026');
      expect(cells[1]).to.equal(String(want[4].available));
      expect(cells[2]).to.match(new RegExp(`^${want[4].peak}`));
      expect(cells[4]).to.equal(want[4].averagePeak.toFixed(1));
      await expect(el).to.be.accessible();
    });

    it('marks buckets at capacity with a hatch and a mark, not colour alone', async () => {
      const el = await mount('interval="month" from="2025-11-01" to="2026-10-31"');
      await settled(el);
      const want = expected({ interval: 'month', from: '2025-11-01', to: '2026-10-31' }).buckets;
      // At capacity: the peak reached the licenses, or requests were denied.
      const capacity = want.map((b, i) => ((b.peak > 0 && b.peak >= b.available) || b.denied > 0 ? i : -1)).filter((i) => i >= 0);
      expect(capacity.length).to.be.greaterThan(0);
      expect(hatchedBars(el)).to.deep.equal(capacity);
      $$(el, '.bar-capacity').forEach((r) => expect(r.getAttribute('fill')).to.equal('url(#kre-capacity-hatch)'));
    });
  });

  describe('on DST days (Europe/Berlin)', () => {
    useMockService(() => DST);

    for (const [interval, from, to, count] of [
      ['hour', '2026-10-25', '2026-10-25', 25],
      ['hour', '2026-03-29', '2026-03-29', 23],
      ['day', '2026-10-24', '2026-10-26', 3],
      ['day', '2026-03-28', '2026-03-30', 3],
    ] as const) {
      it(`draws ${interval} buckets of ${from} – ${to} exactly (${count} buckets)`, async () => {
        const el = await mount(`interval="${interval}" from="${from}" to="${to}"`);
        await settled(el);
        const want = expected({ interval, from, to }, DST);
        expect(want.buckets.length).to.equal(count);
        expectDrawn(el, want.buckets);
      });
    }

    it('gives the 25-hour day a slot 25/24 as wide as its neighbours', async () => {
      const el = await mount('from="2026-10-24" to="2026-10-26"');
      await settled(el);
      const slots = drawnBars(el);
      // Bars are 80% of their slot, so their widths keep the ratio of the durations.
      expect(close(slots[1].width / slots[0].width, 25 / 24, 1e-9)).to.equal(true);
    });

    it('shows the repeated hour in the tooltip with its offsets', async () => {
      const el = await mount('interval="hour" from="2026-10-25" to="2026-10-25"');
      await settled(el);
      $(el, '.plot')!.focus();
      key(el, 'ArrowRight');
      key(el, 'ArrowRight');
      key(el, 'ArrowRight');
      await el.updateComplete;
      // The 4th hour of the day is the second 02:00 (CET); the 3rd the first (CEST).
      expect($(el, '.tooltip-title')!.textContent).to.equal('Oct 25, 2026, 2:00 AM GMT+1 – 3:00 AM GMT+1');
      key(el, 'ArrowLeft');
      await el.updateComplete;
      expect($(el, '.tooltip-title')!.textContent).to.equal('Oct 25, 2026, 2:00 AM GMT+2 – 2:00 AM GMT+1');
      expect(ZONE).to.equal('Europe/Berlin');
    });
  });
});
