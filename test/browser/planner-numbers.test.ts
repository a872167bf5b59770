// Every number the planner shows equals `computeCapacity` (core) on DST weeks in Europe/Berlin and
// America/New_York: the answer, the marks, the coverage chart's bars, line and marks, the 168 cells
// of the weekday × hour map and their names, both tables of the table view, and the what-if's
// real and replayed figures. The hand-checked cells of the DST hours are spelled out.
import { expect, waitUntil } from '@open-wc/testing';
import type { CapacityResponse } from '../../src/core/types.js';
import { $, $$, DST_CASES, expected, LATER, mount, serve, settled, text, useMockService } from './planner-fixtures.js';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** en-US, 2-digit hours: "12:00 AM", "09:00 AM", "01:00 PM". */
const clock = (h: number) => `${String(h % 12 || 12).padStart(2, '0')}:00 ${h % 24 < 12 ? 'AM' : 'PM'}`;
const span = (h: number) => `${clock(h)}–${clock(h + 1)}`;
/** A share as the planner writes it: one decimal at most, never a false 0% or 100%. */
function percent(r: number): string {
  if (r > 0 && r < 0.0005) return '<0.1%';
  if (r < 1 && r >= 0.9995) return '>99.9%';
  return new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(r);
}
const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
/** Seconds as the planner writes them in en-US: the two largest units. */
function duration(seconds: number): string {
  const units: [string, number][] = [['day', 86_400], ['hr', 3_600], ['min', 60], ['sec', 1]];
  let rest = Math.floor(seconds);
  const parts: string[] = [];
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 && parts.length < 2) parts.push(unit === 'day' ? plural(n, 'day') : `${n} ${unit}`);
    else if (parts.length) break;
  }
  return parts.join(' ') || '0 sec';
}
const over = (d: CapacityResponse, count: number) => d.levels.reduce((s, l) => (l.level > count ? s + l.seconds : s), 0);

/** The answer, written from the contract's numbers. */
function answer(d: CapacityResponse): string {
  const { p99 } = d.coverage;
  const refused = d.denied === 1 ? '1 request was refused' : `${d.denied} requests were refused`;
  if (p99 > d.available) return `Demand passed your ${plural(d.available, 'license')} ${percent(over(d, d.available) / d.seconds)} of the time; ${refused}.`;
  const first =
    p99 === d.available
      ? `${plural(p99, 'license')} covered 99% of the time: exactly the ${d.available} you have.`
      : `${plural(p99, 'license')} covered 99% of the time; you have ${d.available}: ${d.available - p99} sat idle 99% of the time.`;
  return d.denied ? `${first} ${refused} all the same.` : first;
}

describe('<kre-license-planner> numbers equal core on DST weeks', () => {
  useMockService();

  for (const c of DST_CASES) {
    describe(c.name, () => {
      const attrs = `from="${c.from}" to="${c.to}" time-zone="${c.timeZone}"`;
      const want = () => expected({ from: c.from, to: c.to, timeZone: c.timeZone }, c.dataset);

      beforeEach(() => serve(c.dataset, LATER));

      it('the answer and the strip of marks', async () => {
        const el = await mount(attrs);
        await settled(el);
        const d = want();
        expect(text($(el, '.answer'))).to.equal(answer(d));
        const stat = (name: string) => text($(el, `[part~="stat-${name}"] dd`));
        expect(['p50', 'p90', 'p95', 'p99', 'max', 'available', 'denied'].map(stat)).to.deep.equal(
          [d.coverage.p50, d.coverage.p90, d.coverage.p95, d.coverage.p99, d.coverage.max, d.available, d.denied].map(String),
        );
        expect(text($(el, '.when .zone-note'))).to.equal(`Times in ${c.timeZone} · 100% = ${duration(d.seconds)}`);
      });

      it('the coverage chart: a bar per level at its share, the line at the share at or below, the marks', async () => {
        const el = await mount(attrs);
        await settled(el);
        const d = want();
        const grid = $$<SVGLineElement>(el, '.coverage-svg .grid-line').map((l) => Number(l.getAttribute('y1')));
        const [zero, full] = [Math.max(...grid), Math.min(...grid)];
        const bars = $$<SVGRectElement>(el, '.level-bar');
        expect(bars.length).to.equal(d.levels.length);
        bars.forEach((b, i) => expect(Number(b.getAttribute('height')) / (zero - full), `level ${i}`).to.be.closeTo(d.levels[i].seconds / d.seconds, 1e-9));
        // The line's horizontal runs, level by level: V y H x pairs after the start.
        const runs = [...$<SVGPathElement>(el, '.cum-line')!.getAttribute('d')!.matchAll(/V([\d.e-]+)H/g)].map((m) => Number(m[1]));
        let below = 0;
        d.levels.forEach((l, i) => {
          below += l.seconds;
          expect((zero - runs[i]) / (zero - full), `at or below ${i}`).to.be.closeTo(below / d.seconds, 1e-9);
        });
        const groups = new Map<number, string[]>();
        for (const m of ['p50', 'p90', 'p95', 'p99', 'max'] as const) groups.set(d.coverage[m], [...(groups.get(d.coverage[m]) ?? []), m]);
        const labels = [...groups].map(([level, names]) => `${names.join(' ')} · ${level}`);
        expect($$(el, '.mark:not(.mark-available) .mark-label').map(text).sort()).to.deep.equal(labels.sort());
        expect(text($(el, '.mark-available .mark-label'))).to.equal(`${d.available} available`);
        expect($(el, '.coverage-svg')!.getAttribute('aria-label')).to.equal(
          `Share of the time by licenses in use. Covers 50% of the time: ${d.coverage.p50}, Covers 90% of the time: ${d.coverage.p90}, ` +
            `Covers 95% of the time: ${d.coverage.p95}, Covers 99% of the time: ${d.coverage.p99}, Peak in range: ${d.coverage.max}; Licenses available: ${d.available}.`,
        );
      });

      it('the 168 cells of the map: order, names and colour steps', async () => {
        const el = await mount(attrs);
        await settled(el);
        const d = want();
        const cells = $$<HTMLTableCellElement>(el, '.heatmap td.cell');
        expect(cells.length).to.equal(168);
        const top = Math.max(...d.byHour.map((h) => h.peak));
        cells.forEach((cell, i) => {
          const h = d.byHour[i];
          expect(cell.getAttribute('aria-label')).to.equal(`${DAYS[h.weekday - 1]} ${span(h.hour)}: peak ${h.peak}, average peak ${h.averagePeak.toFixed(1)}`);
          expect(cell.closest('tr')!.querySelector('th')!.getAttribute('abbr')).to.equal(DAYS[h.weekday - 1]);
          expect(cell.className.includes(' h0'), `cell ${i} empty`).to.equal(h.peak === 0);
          if (h.peak === top) expect(cell.className).to.contain(' h5');
        });
        expect(text($(el, '[part="readout"]'))).to.equal(`Busiest hour: ${cells[d.byHour.findIndex((h) => h.peak === top)].getAttribute('aria-label')}`);
      });

      it('the table view: every level and every weekday hour', async () => {
        const el = await mount(attrs);
        await settled(el);
        const d = want();
        $<HTMLButtonElement>(el, '[part~="table-button"]')!.click();
        await el.updateComplete;
        await waitUntil(() => $(el, '.table-scroller'), 'the table view, loaded on demand');
        const [coverage, hours] = $$(el, '.data-table:not(.compare)');
        let below = 0;
        const rows = [...coverage.querySelectorAll('tbody tr')].map((r) => [...r.children].map(text));
        expect(rows).to.deep.equal(
          d.levels.map((l) => {
            below += l.seconds;
            return [String(l.level), `${duration(l.seconds)} (${percent(l.seconds / d.seconds)})`, percent(below / d.seconds)];
          }),
        );
        expect([...hours.querySelectorAll('tbody tr')].map((r) => [...r.children].map(text))).to.deep.equal(
          d.byHour.map((h) => [DAYS[h.weekday - 1], span(h.hour), String(h.peak), h.averagePeak.toFixed(1)]),
        );
      });

      it('what if: the replay at the licenses available, then at another count, beside the real figures', async () => {
        const el = await mount(attrs);
        await settled(el);
        const d = want();
        const table = () => $$(el, '.compare tbody tr').map((r) => [...r.children].slice(1).map(text));
        const real = [String(d.denied), `${duration(over(d, d.available))} (${percent(over(d, d.available) / d.seconds)})`, String(d.coverage.max)];
        for (const [i, count] of [d.available, 1, 0, d.coverage.max + 1].entries()) {
          if (i > 0) {
            el.licenses = count;
            await settled(el);
          }
          const r = expected({ from: c.from, to: c.to, timeZone: c.timeZone, licenses: count }, c.dataset).replay!;
          expect(text($(el, '.compare thead th:last-child'))).to.equal(`Replay: ${plural(count, 'license')}`);
          expect(table()).to.deep.equal([
            [real[0], String(r.refused)],
            [real[1], `${duration(r.secondsOver)} (${percent(r.secondsOver / d.seconds)})`],
            [real[2], String(r.peak)],
          ]);
          expect($<HTMLInputElement>(el, '#licenses-input')!.value).to.equal(String(count));
        }
      });
    });
  }

  it('hand-checked DST hours: the repeated hour counts twice, the skipped one not at all', async () => {
    const label = async (i: number, index: number) => {
      const c = DST_CASES[i];
      serve(c.dataset, LATER);
      const el = await mount(`from="${c.from}" to="${c.to}" time-zone="${c.timeZone}"`);
      await settled(el);
      return $$(el, '.heatmap td.cell')[index].getAttribute('aria-label');
    };
    const sunday = (hour: number) => 6 * 24 + hour;
    expect(await label(0, sunday(2))).to.equal('Sunday 02:00 AM–03:00 AM: peak 2, average peak 1.5');
    expect(await label(1, sunday(2))).to.equal('Sunday 02:00 AM–03:00 AM: peak 0, average peak 0.0');
    expect(await label(1, sunday(1))).to.equal('Sunday 01:00 AM–02:00 AM: peak 2, average peak 2.0');
    expect(await label(3, sunday(1))).to.equal('Sunday 01:00 AM–02:00 AM: peak 3, average peak 2.0');
    expect(await label(2, 2 * 24 + 9)).to.equal('Wednesday 09:00 AM–10:00 AM: peak 2, average peak 2.0');
  });

  it('names days and hours in the element\'s locale', async () => {
    serve(DST_CASES[0].dataset, LATER);
    const el = await mount('from="2026-10-19" to="2026-10-25" locale="de-DE"');
    await settled(el);
    expect($$(el, '.heatmap td.cell')[6 * 24 + 2].getAttribute('aria-label')).to.equal('Sonntag 02:00–03:00: peak 2, average peak 1,5');
    expect(text($(el, '.heatmap tbody th'))).to.equal('Mo');
  });
});
