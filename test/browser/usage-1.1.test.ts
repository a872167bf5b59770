// What the charts show of contract 1.1: denied requests (tooltip, table, summary), why a bucket is
// at capacity, "Available now" only when the range reaches asOf, the meaning of Average Peak per
// interval, the zone and the repeated hour named apart, the Average Peak line's contrast in
// every theme, and attribute values the element cannot use, shown and never sent.
import { expect, waitUntil } from '@open-wc/testing';
import type { Dataset } from '../../src/core/types.js';
import { allocation, dataset as fixtureDataset, denial, session } from '../core/fixtures.js';
import { THEMES } from '../../stories/themes.js';
import { $, $$, expected, hatchedBars, key, lastRequest, mount, settled, useMockService, type Tag } from './usage-fixtures.js';

/**
 * Oct 1: two sessions at once with two licenses (the peak reached them). Oct 2: one session and
 * three denied requests. Oct 3: one session, nothing refused.
 */
const CAPACITY: Dataset = {
  ...fixtureDataset(
    [
      session('2026-10-01T08:00:00Z', '2026-10-01T10:00:00Z'),
      session('2026-10-01T09:00:00Z', '2026-10-01T11:00:00Z'),
      session('2026-10-02T08:00:00Z', '2026-10-02T09:00:00Z'),
      session('2026-10-03T08:00:00Z', '2026-10-03T09:00:00Z'),
    ],
    [allocation('2026-01-01T00:00:00Z', 2)],
  ),
  denials: [denial('2026-10-02T08:10:00Z'), denial('2026-10-02T08:20:00Z'), denial('2026-10-02T08:30:00Z')],
};
const CAPACITY_RANGE = 'from="2026-10-01" to="2026-10-03"';

describe('<kre-license-usage> and contract 1.1', () => {
  describe('denied requests and capacity', () => {
    useMockService(() => CAPACITY);

    it('the tooltip names the denied requests and why a bucket is at capacity', async () => {
      const el = await mount(CAPACITY_RANGE);
      await settled(el);
      $(el, '.plot')!.focus();
      const facts = () => Object.fromEntries($$(el, '.tooltip-facts dt').map((dt) => [dt.textContent!.trim(), (dt.nextElementSibling as HTMLElement).textContent!.trim()]));
      const capacity = () => $(el, '.tooltip-capacity')?.textContent!.trim() ?? null;
      key(el, 'Home');
      await el.updateComplete;
      expect(facts()).to.deep.include({ 'Peak Usage': '2', 'Available Sessions': '2', 'Denied requests': '0' });
      expect(capacity()).to.equal('At capacity: Peak reached the 2 licenses');
      key(el, 'ArrowRight');
      await el.updateComplete;
      expect(facts()).to.deep.include({ 'Peak Usage': '1', 'Denied requests': '3' });
      expect(capacity()).to.equal('At capacity: 3 requests denied');
      key(el, 'ArrowRight');
      await el.updateComplete;
      expect(facts()).to.deep.include({ 'Peak Usage': '1', 'Denied requests': '0' });
      expect(capacity()).to.equal(null);
      // Hatched: the first two buckets, and only them.
      expect(hatchedBars(el)).to.deep.equal([0, 1]);
    });

    it('the table view has a Denied column and says why each bucket is at capacity', async () => {
      const el = await mount(CAPACITY_RANGE);
      await settled(el);
      $<HTMLButtonElement>(el, '[part~="table-button"]')!.click();
      await el.updateComplete;
      await waitUntil(() => $(el, '.table-scroller'), 'the table view, loaded on demand');
      expect($$(el, 'thead th').map((th) => th.textContent!.trim()).at(-1)).to.equal('Denied requests');
      const rows = $$<HTMLTableRowElement>(el, 'tbody tr').map((r) => [...r.cells].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
      expect(rows.map((r) => r.at(-1))).to.deep.equal(['0', '3', '0']);
      expect(rows.map((r) => r[2])).to.deep.equal(['2 At capacity Peak reached the 2 licenses', '1 At capacity 3 requests denied', '1']);
      await expect(el).to.be.accessible();
    });

    it('the summary counts the denied requests and the highest bucket ratio', async () => {
      const el = await mount(CAPACITY_RANGE);
      await settled(el);
      const want = expected({ from: '2026-10-01', to: '2026-10-03' }, CAPACITY).summary;
      expect(want).to.deep.include({ denied: 3, utilization: 1 });
      const stat = (name: string) => $(el, `[part~="stat-${name}"] dd`)!.textContent!.trim();
      expect([stat('denied'), stat('utilization')]).to.deep.equal(['3', '100%']);
    });
  });

  describe('with the generated dataset', () => {
    useMockService();

    it('says "Available on" the last day of a range that ends before asOf, "Available now" when it reaches it', async () => {
      const past = await mount('from="2026-10-01" to="2026-10-15"');
      await settled(past);
      const want = expected({ from: '2026-10-01', to: '2026-10-15' }).summary;
      expect($(past, '[part~="stat-available"] dt')!.textContent!.trim()).to.equal('Available on Oct 15, 2026');
      expect($(past, '[part~="stat-available"] dd')!.textContent!.trim()).to.equal(String(want.available));
      const now = await mount('from="2026-10-20" to="2026-11-05"');
      await settled(now);
      expect($(now, '[part~="stat-available"] dt')!.textContent!.trim()).to.equal('Available now');
    });

    for (const [interval, from, to, meaning] of [
      ['hour', '2026-10-20', '2026-10-21', 'Average Peak: the mean of the peaks of each minute of the hour'],
      ['day', '2026-10-01', '2026-10-31', 'Average Peak: the mean of the hourly peaks of the day'],
      ['week', '2026-09-01', '2026-10-31', 'Average Peak: the mean of the daily peaks of the week'],
      ['month', '2026-05-01', '2026-10-31', 'Average Peak: the mean of the daily peaks of the month'],
    ] as const) {
      it(`the legend says what Average Peak means by ${interval}, and the zone of the times`, async () => {
        const el = await mount(`interval="${interval}" from="${from}" to="${to}"`);
        await settled(el);
        expect($(el, '#average-meaning')!.textContent).to.equal(meaning);
        expect($(el, '[data-series="average"]')!.getAttribute('aria-describedby')).to.equal('average-meaning');
        expect($(el, '[part~="zone"]')!.textContent).to.equal('Times in Europe/Berlin');
      });
    }

    it('names the repeated hour of a fall-back day apart on the axis, in the tooltip and the table', async () => {
      const el = await mount('interval="hour" from="2026-10-25" to="2026-10-25"', { width: 1400 });
      await settled(el);
      const labels = $$(el, '.x-label').map((t) => t.textContent!.trim());
      // A tick at a repeated 02:00 carries its zone; no other tick does (labels never collide, so
      // at this width only one of the two 02:00 ticks has room).
      const twos = labels.filter((l) => l.startsWith('2:00 AM'));
      expect(twos.length).to.be.greaterThan(0);
      twos.forEach((l) => expect(l).to.match(/^2:00 AM GMT\+[12]$/));
      expect(labels.filter((l) => /GMT/.test(l))).to.deep.equal(twos);
      $<HTMLButtonElement>(el, '[part~="table-button"]')!.click();
      await el.updateComplete;
      await waitUntil(() => $(el, '.table-scroller'), 'the table view, loaded on demand');
      const periods = $$(el, 'tbody th').map((th) => th.textContent!.trim());
      expect(periods.slice(1, 5)).to.deep.equal([
        'Oct 25, 2026, 1:00 – 2:00 AM',
        'Oct 25, 2026, 2:00 AM GMT+2 – 2:00 AM GMT+1',
        'Oct 25, 2026, 2:00 AM GMT+1 – 3:00 AM GMT+1',
        'Oct 25, 2026, 3:00 – 4:00 AM',
      ]);
      expect($(el, 'caption')!.textContent).to.contain('(Europe/Berlin)');
    });

  });

  describe('the repeated hour in New York', () => {
    // US clocks fell back on 2025-11-02 at 02:00 EDT: 1:00 AM happened twice.
    useMockService(() => fixtureDataset([session('2025-11-02T05:30:00Z', '2025-11-02T06:30:00Z')]));

    it('reads EDT and EST', async () => {
      const el = await mount('interval="hour" from="2025-11-02" to="2025-11-02" time-zone="America/New_York"', { width: 1400 });
      await settled(el);
      $(el, '.plot')!.focus();
      key(el, 'Home');
      const titles: string[] = [];
      for (let i = 0; i < 4; i++) {
        await el.updateComplete;
        titles.push($(el, '.tooltip-title')!.textContent!);
        key(el, 'ArrowRight');
      }
      expect(titles).to.deep.equal([
        'Nov 2, 2025, 12:00 – 1:00 AM',
        'Nov 2, 2025, 1:00 AM EDT – 1:00 AM EST',
        'Nov 2, 2025, 1:00 AM EST – 2:00 AM EST',
        'Nov 2, 2025, 2:00 – 3:00 AM',
      ]);
      expect($(el, '[part~="zone"]')!.textContent).to.equal('Times in America/New_York');
    });
  });

  describe('Average Peak keeps 3:1 contrast in every theme', () => {
    useMockService();
    const luminance = (rgb: string): number => {
      const [r, g, b] = rgb.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((c) => {
        const v = c / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    /** `color` over `ground` at `alpha`, as the browser composites it. */
    const over = (color: string, alpha: number, ground: string) => {
      const c = color.match(/[\d.]+/g)!.map(Number);
      const g = ground.match(/[\d.]+/g)!.map(Number);
      return `rgb(${[0, 1, 2].map((i) => Math.round(alpha * c[i] + (1 - alpha) * g[i])).join(',')})`;
    };

    for (const theme of Object.keys(THEMES) as Array<keyof typeof THEMES>) {
      for (const tag of ['kre-license-usage', 'testcloud-license-usage'] as Tag[]) {
        it(`${theme}, ${tag}`, async () => {
          const el = await mount('', { tag });
          for (const [name, value] of Object.entries(THEMES[theme])) if (name.startsWith('--')) el.style.setProperty(name, value);
          await settled(el);
          const style = (selector: string) => getComputedStyle($(el, selector)!);
          const line = style('.average-line').stroke;
          const casing = style('.average-casing');
          const surface = getComputedStyle(el).backgroundColor;
          const bar = style('.bar').fill;
          const area = over(style('.available-area').fill, Number(style('.available-area').fillOpacity), surface);
          // The dots lie on a casing of the surface colour, wider than they are: what they are seen against.
          expect(casing.stroke).to.equal(surface);
          expect(parseFloat(casing.strokeWidth)).to.be.at.least(parseFloat(style('.average-line').strokeWidth) + 2);
          expect(contrast(line, casing.stroke), `line ${line} on casing ${casing.stroke}`).to.be.at.least(3);
          // The built-in colours also stand 3:1 from the bars and the area directly.
          if (theme === 'light') {
            expect(contrast(line, bar), `line ${line} vs bar ${bar}`).to.be.at.least(3);
            expect(contrast(line, area), `line ${line} vs area ${area}`).to.be.at.least(3);
          }
        });
      }
    }
  });

  describe('attribute values the element cannot use', () => {
    const svc = useMockService();
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
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

    it('an unknown time-zone, interval and a malformed from: named, replaced visibly, warned once, never sent', async () => {
      const el = await mount('time-zone="Mars/Olympus" interval="year" from="2026-13-01" to="2026-10-31"');
      await settled(el);
      expect(notices(el)).to.deep.equal([
        `time-zone="Mars/Olympus" is not an IANA time zone name (such as Europe/Berlin); this report uses ${browserZone}, the browser's time zone instead.`,
        'from="2026-13-01" is not a date of the form YYYY-MM-DD; this report uses 2026-10-02 to 2026-10-31 instead.',
        'interval="year" is not one of hour, day, week, month; this report uses day instead.',
      ]);
      const sent = lastRequest(svc()).searchParams;
      expect([sent.get('timeZone'), sent.get('interval'), sent.get('from'), sent.get('to')]).to.deep.equal([browserZone, 'day', '2026-10-02', '2026-10-31']);
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings.length).to.equal(3);
      expect(warnings[0]).to.equal(`<kre-license-usage>: ${notices(el)[0]}`);
      await expect(el).to.be.accessible();
    });

    it('hour over more than 31 days asks for days, and says so', async () => {
      const el = await mount('interval="hour" from="2026-09-01" to="2026-10-31"');
      await settled(el);
      expect(notices(el)).to.deep.equal(['interval="hour" is available for ranges of up to 31 days only; this report uses day instead.']);
      expect(lastRequest(svc()).searchParams.get('interval')).to.equal('day');
    });

    it('an inverted range is swapped, and says so', async () => {
      const el = await mount('from="2026-10-31" to="2026-10-01"');
      await settled(el);
      expect(notices(el)).to.deep.equal(['from="2026-10-31" is after to="2026-10-01"; this report uses 2026-10-01 to 2026-10-31 instead.']);
      const sent = lastRequest(svc()).searchParams;
      expect([sent.get('from'), sent.get('to')]).to.deep.equal(['2026-10-01', '2026-10-31']);
    });

    it('good values show no notice', async () => {
      const el = await mount('interval="week" from="2026-09-01" to="2026-10-31"');
      await settled(el);
      expect($(el, '[part~="notices"]')).to.equal(null);
      expect(warnings).to.deep.equal([]);
    });
  });
});
