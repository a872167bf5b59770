// What a new user and a reviewer found on the charts: touch, axes measured from the rendered text,
// the PNG that stands alone, the table toggle's label, a slow service, 401/403, and dates refused
// in the inputs.
import { expect, waitUntil } from '@open-wc/testing';
import type { BucketSelectEvent, ExportEvent } from '../../src/shared/events.js';
import { PNG_SCALE, PNG_TITLE_HEIGHT } from '../../src/usage-chart/png.js';
import { slowNoteCancelRetry, SLOW_AFTER_MS } from './slow-service.js';
import { resetStrings, setStrings } from '../../src/shared/strings.js';
import type { LicenseUsageElement } from '../../src/usage-chart/license-usage.js';
import { $, $$, barBox, drawnBars, mount, settled, useMockService, usageRequests } from './usage-fixtures.js';

/** A synthetic tap: pointerdown and click from a touch pointer at the bar's centre. */
function tap(el: Element, index: number): void {
  const bar = barBox(el, index);
  const plot = $(el, '.plot')!;
  const at = { clientX: bar.left + bar.width / 2, clientY: bar.bottom - 2, bubbles: true, composed: true, pointerType: 'touch' };
  plot.dispatchEvent(new PointerEvent('pointerdown', at));
  // A tap focuses the chart where it is (a scroll would move the bar from under the finger).
  plot.focus({ preventScroll: true });
  plot.dispatchEvent(new PointerEvent('click', at));
}

/** Overlaps between consecutive axis labels (their rendered boxes), and labels outside the svg. */
function labelTrouble(el: Element): string[] {
  const svg = $(el, '.chart-svg')!.getBoundingClientRect();
  const ticks = $$(el, '.x-axis text').map((t) => ({ text: t.textContent, box: t.getBoundingClientRect(), context: t.classList.contains('x-context') }));
  const trouble: string[] = [];
  for (const line of [false, true]) {
    const row = ticks.filter((t) => t.context === line).sort((a, b) => a.box.left - b.box.left);
    for (let i = 1; i < row.length; i++) if (row[i].box.left < row[i - 1].box.right + 2) trouble.push(`${row[i - 1].text} | ${row[i].text}`);
  }
  for (const t of ticks) if (t.box.left < svg.left - 0.5 || t.box.right > svg.right + 0.5) trouble.push(`${t.text} outside`);
  return trouble;
}

describe('<kre-license-usage>: the review', () => {
  const service = useMockService();

  describe('touch', () => {
    it('a tap shows the tapped bucket; a second tap selects it', async () => {
      const el = await mount('', { width: 360 });
      await settled(el);
      const selected: BucketSelectEvent[] = [];
      el.addEventListener('kre-bucket-select', (e) => selected.push(e));
      tap(el, 12);
      await el.updateComplete;
      expect($(el, '.tooltip')!.hidden).to.equal(false);
      expect($(el, '.tooltip-title')!.textContent).to.equal('Tue, Oct 13, 2026');
      expect(selected).to.deep.equal([]);
      tap(el, 20);
      await el.updateComplete;
      expect($(el, '.tooltip-title')!.textContent).to.equal('Wed, Oct 21, 2026');
      expect(selected).to.deep.equal([]);
      tap(el, 20);
      await el.updateComplete;
      expect(selected.map((e) => e.detail.start)).to.deep.equal(['2026-10-21T00:00:00+02:00']);
    });

    it('a mouse click still selects at once', async () => {
      const el = await mount('', { width: 600 });
      await settled(el);
      const selected: BucketSelectEvent[] = [];
      el.addEventListener('kre-bucket-select', (e) => selected.push(e));
      const bar = barBox(el, 3);
      $(el, '.plot')!.dispatchEvent(new PointerEvent('click', { clientX: bar.left + 1, clientY: bar.bottom - 2, bubbles: true, pointerType: 'mouse' }));
      expect(selected.map((e) => e.detail.start)).to.deep.equal(['2026-10-04T00:00:00+02:00']);
    });
  });

  describe('axes, measured from the rendered labels', () => {
    for (const [interval, from, to] of [
      ['week', '2026-09-03', '2026-10-31'],
      ['month', '2025-11-17', '2026-10-31'],
      ['month', '2025-11-01', '2026-10-31'],
      ['day', '2026-09-01', '2026-10-31'],
      ['hour', '2026-10-24', '2026-10-27'],
    ] as const) {
      for (const width of [360, 760, 1400]) {
        it(`${interval} ${from} – ${to} at ${width} px: no label collides or leaves the chart`, async () => {
          const el = await mount(`interval="${interval}" from="${from}" to="${to}"`, { width });
          await settled(el);
          expect($$(el, '.x-label').length).to.be.at.least(2);
          expect(labelTrouble(el)).to.deep.equal([]);
        });
      }
    }

    it('the partial first week and month get a label', async () => {
      const weeks = await mount('interval="week" from="2026-09-03" to="2026-10-31"', { width: 1400 });
      await settled(weeks);
      // 2026-09-03 is a Thursday: the first bucket is Thu-Sun, labelled by its own first day.
      expect($$(weeks, '.x-label')[0].textContent).to.equal('Sep 3');
      const months = await mount('interval="month" from="2025-11-17" to="2026-10-31"', { width: 1400 });
      await settled(months);
      expect($$(months, '.x-label').map((t) => t.textContent)).to.include.members(['Nov', 'Dec', 'Oct']);
      expect($$(months, '.x-label')[0].textContent).to.equal('Nov');
    });

    it('the last month of a 12-month view is labelled whole, inside the chart', async () => {
      const el = await mount('interval="month" from="2025-11-01" to="2026-10-31"', { width: 760 });
      await settled(el);
      const labels = $$(el, '.x-label');
      expect(labels.at(-1)!.textContent).to.equal('Oct');
      const last = labels.at(-1)!.getBoundingClientRect();
      expect(last.right).to.be.at.most($(el, '.chart-svg')!.getBoundingClientRect().right);
    });
  });

  it('"Show as table" reads "Show as chart" while the table shows, a pressed toggle', async () => {
    const el = await mount();
    await settled(el);
    const button = $<HTMLButtonElement>(el, '[part~="table-button"]')!;
    expect([button.textContent, button.getAttribute('aria-pressed')]).to.deep.equal(['Show as table', 'false']);
    button.click();
    await el.updateComplete;
    expect([button.textContent, button.getAttribute('aria-pressed')]).to.deep.equal(['Show as chart', 'true']);
  });

  /** The texts a PNG export draws (title, filters, legend), caught as it draws them. */
  async function pngTexts(el: LicenseUsageElement): Promise<string[]> {
    const seen: string[] = [];
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, max?: number) {
      seen.push(text);
      return max === undefined ? fill.call(this, text, x, y) : fill.call(this, text, x, y, max);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = () => {};
    try {
      expect(await el.exportPng()).to.equal(true);
    } finally {
      CanvasRenderingContext2D.prototype.fillText = fill;
      HTMLAnchorElement.prototype.click = click;
    }
    return seen;
  }

  it('the PNG of a comparison names the previous period in its legend, as the chart does', async () => {
    const el = await mount('compare from="2026-10-16"', { width: 900 });
    await settled(el);
    await waitUntil(() => $(el, '.previous-peaks'), 'no ghost bars');
    // The chart's legend buttons, in their order, then the hatch's key (this range reaches capacity).
    expect($$(el, '.legend-item').map((b) => b.textContent!.trim())).to.deep.equal(['Available Sessions', 'Peak Usage', 'Average Peak', 'Previous period']);
    expect((await pngTexts(el)).slice(2)).to.deep.equal(['Available Sessions', 'Peak Usage', 'Average Peak', 'Previous period', 'At capacity']);
  });

  it('the PNG carries the title, the filters and the legend over the chart', async () => {
    // CI Infrastructure's requests are refused at times: the legend has "At capacity".
    const el = await mount('organization="org-platform-ci" interval="week" from="2026-09-01"', { width: 900 });
    await settled(el);
    const seen: string[] = [];
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, max?: number) {
      seen.push(text);
      return max === undefined ? fill.call(this, text, x, y) : fill.call(this, text, x, y, max);
    };
    let blob: Blob | null = null;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      void fetch(this.href).then(async (r) => (blob = await r.blob()));
    };
    const events: ExportEvent[] = [];
    el.addEventListener('kre-export', (e) => events.push(e));
    try {
      expect(await el.exportPng()).to.equal(true);
      await waitUntil(() => blob);
    } finally {
      CanvasRenderingContext2D.prototype.fillText = fill;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(seen).to.deep.equal([
      'KRE license usage',
      'CI Infrastructure · Sep 1, 2026 – Oct 31, 2026 · Interval: Week · Europe/Berlin',
      'Available Sessions',
      'Peak Usage',
      'Average Peak',
      'At capacity',
    ]);
    const bitmap = await createImageBitmap(blob!);
    expect(bitmap.height).to.equal(Math.round(($<SVGSVGElement>(el, '.chart-svg')!.height.baseVal.value + PNG_TITLE_HEIGHT) * PNG_SCALE));
    expect(events[0].detail.filters.organization).to.deep.equal(['org-platform-ci']);
  });

  describe('a slow service', () => {
    it(`after ${SLOW_AFTER_MS / 1000} s says it is still waiting, and Cancel stops the request with Retry`, async () => {
      const el = await mount();
      await settled(el);
      await slowNoteCancelRetry(el, {
        delay: (delayMs) => service().control.set({ delayMs }),
        ask: () => el.setAttribute('from', '2026-10-02'),
        settled: () => settled(el),
      });
      expect(drawnBars(el).length).to.equal(30);
    });
  });

  for (const failure of ['status-401', 'status-403'] as const) {
    it(`after a ${failure.slice(-3)}, the filters and actions are disabled`, async () => {
      service().control.set({ failure });
      const el = await mount();
      await settled(el);
      expect($<HTMLSelectElement>(el, '#interval')!.disabled).to.equal(true);
      expect($<HTMLFieldSetElement>(el, '.date-range')!.disabled).to.equal(true);
      expect($<HTMLButtonElement>(el, '[part~="filter-button"]')!.disabled).to.equal(true);
      expect($$<HTMLButtonElement>(el, '[part~="actions"] button').every((b) => b.disabled)).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  describe('dates refused in the inputs', () => {
    const type = async (el: LicenseUsageElement, id: string, value: string) => {
      const input = $<HTMLInputElement>(el, id)!;
      input.value = value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      return input;
    };

    it('a from after to, or in the future, is refused with a message and not run', async () => {
      const el = await mount();
      await settled(el);
      const before = usageRequests(service()).length;
      const from = await type(el, '#range-from', '2026-11-15');
      expect(from.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#range-error')!.textContent).to.equal('From (2026-11-15) is after To (2026-10-31): choose an earlier day, or move To first.');
      expect(el.getAttribute('from')).to.equal('2026-10-01');
      await type(el, '#range-from', '2099-01-01');
      expect($(el, '#range-error')!.textContent).to.equal('From (2099-01-01) is in the future: choose today or an earlier day.');
      const to = await type(el, '#range-to', '2026-09-01');
      expect(to.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#range-error')!.textContent).to.equal('To (2026-09-01) is before From (2026-10-01): choose a later day, or move From first.');
      await new Promise((r) => setTimeout(r, 50));
      expect(usageRequests(service()).length).to.equal(before);
      await expect(el).to.be.accessible();
      // A good day clears the message and runs.
      await type(el, '#range-from', '2026-10-05');
      expect($(el, '#range-error')!.hidden).to.equal(true);
      expect(el.getAttribute('from')).to.equal('2026-10-05');
      await settled(el);
      expect(usageRequests(service()).length).to.equal(before + 1);
    });
  });

  it('slots: the title, extra actions and the empty state; each filter has its own parts', async () => {
    const el = await mount('');
    el.innerHTML = '<span slot="title">Licenses, Berlin office</span><button slot="actions" type="button">Share</button><span slot="empty">Nothing here yet.</span>';
    await settled(el);
    const title = $<HTMLSlotElement>(el, 'slot[name="title"]')!;
    expect(title.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Licenses, Berlin office']);
    expect($(el, 'figure')!.getAttribute('aria-labelledby')).to.equal('title');
    const actions = $<HTMLSlotElement>(el, '[part~="actions"] slot[name="actions"]')!;
    expect(actions.assignedElements().map((e) => e.textContent)).to.deep.equal(['Share']);
    for (const part of ['organization-button', 'date-preset', 'date-from', 'date-to', 'interval-select']) {
      expect($(el, `[part~="${part}"]`), part).to.not.equal(null);
    }
    el.setAttribute('from', '2020-01-01');
    el.setAttribute('to', '2020-01-31');
    await settled(el);
    expect($<HTMLSlotElement>(el, '.status slot[name="empty"]')!.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Nothing here yet.']);
    await expect(el).to.be.accessible();
  });

  it('setStrings, and lang on the page, render a shown chart again', async () => {
    const el = await mount('locale=""');
    el.removeAttribute('locale');
    await settled(el);
    try {
      setStrings({ peakInRange: 'Spitze im Zeitraum' });
      await el.updateComplete;
      expect($(el, '[part~="stat-peak"] dt')!.textContent).to.equal('Spitze im Zeitraum');
      document.documentElement.lang = 'de-DE';
      await waitUntil(() => $(el, '.y-label')!.textContent!.length > 0 && /Okt|\./.test($$(el, '.x-label').map((t) => t.textContent).join(' ')));
      expect($$(el, '.x-label').map((t) => t.textContent).join(' ')).to.match(/Okt/);
    } finally {
      resetStrings();
      document.documentElement.lang = 'en';
    }
  });
});
