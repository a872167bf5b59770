// The planner's layout at 360 and 1400 px, in the light, dark and brand themes and right to left:
// nothing overflows the element, no text is cut off, the chart's labels stay inside the chart, the
// map's 24 hours fit, and the theme's colours reach the charts. Axe in each.
import { expect } from '@open-wc/testing';
import { THEMES } from '../../stories/themes.js';
import { $, $$, mount, settled } from './planner-fixtures.js';
import { useMockService } from './planner-fixtures.js';

type Theme = keyof typeof THEMES;

const style = (theme: Theme) =>
  Object.entries(THEMES[theme])
    .filter(([name]) => name.startsWith('--'))
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');

const inside = (inner: DOMRect, outer: DOMRect, slack = 0.5) =>
  inner.left >= outer.left - slack && inner.right <= outer.right + slack && inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;

describe('<kre-license-planner> layout', () => {
  useMockService();

  const cases: [number, Theme, 'ltr' | 'rtl'][] = [
    [360, 'light', 'ltr'],
    [360, 'dark', 'ltr'],
    [360, 'brand', 'rtl'],
    [1400, 'light', 'ltr'],
    [1400, 'dark', 'rtl'],
    [1400, 'brand', 'ltr'],
  ];
  for (const [width, theme, dir] of cases) {
    it(`${width} px, ${theme}, ${dir}: nothing overflows or is cut off`, async () => {
      const el = await mount('', { width, wrapper: `${style(theme)}` });
      el.parentElement!.setAttribute('dir', dir);
      await settled(el);
      const host = el.getBoundingClientRect();
      expect(host.width).to.equal(width);
      expect(el.scrollWidth, 'no sideways scroll').to.be.at.most(el.clientWidth);
      for (const part of ['toolbar', 'answer', 'summary', 'coverage', 'what-if', 'when', 'heatmap', 'what-if-table', 'licenses-input', 'licenses-range']) {
        const node = $(el, `[part~="${part}"]`)!;
        expect(inside(node.getBoundingClientRect(), host), part).to.equal(true);
      }
      // No text is clipped by its box (the map's hour labels are meant to run over their narrow columns).
      for (const node of $$(el, 'h2, h3, p, dt, dd, button, label, li, .compare th, .compare td, .heatmap tbody th')) {
        expect(node.scrollWidth, `${node.localName}.${node.className}: ${node.textContent}`).to.be.at.most(node.clientWidth + 1);
      }
      // The chart's texts stay inside the chart.
      const svg = $(el, '.coverage-svg')!.getBoundingClientRect();
      for (const label of $$(el, '.coverage-svg text')) expect(inside(label.getBoundingClientRect(), svg, 1), label.textContent!).to.equal(true);
      // The map's 24 columns fit, each wide enough to see, and its last hour label ends inside it.
      const map = $(el, '.heatmap')!.getBoundingClientRect();
      const cells = $$(el, '.heatmap td.cell');
      for (const cell of cells.slice(0, 24)) expect(cell.getBoundingClientRect().width).to.be.at.least(8);
      expect($$(el, '.heatmap thead span').filter((s) => getComputedStyle(s).clipPath === 'none').length).to.equal(width >= 900 ? 24 : 4);
      for (const label of $$(el, '.heatmap thead span').filter((s) => getComputedStyle(s).clipPath === 'none')) {
        expect(inside(label.getBoundingClientRect(), map, 1), label.textContent!).to.equal(true);
      }
      // Wide: the numbers show in the cells; narrow: colour, the readout and the accessible names carry them.
      expect(getComputedStyle(cells[0].firstElementChild!).display).to.equal(width >= 900 ? 'inline-block' : 'none');
      // The theme's accent reaches the line and the strongest cells.
      const accent = THEMES[theme]['--kre-color-accent'];
      if (accent) {
        const probe = document.createElement('span');
        probe.style.color = accent;
        document.body.append(probe);
        const rgb = getComputedStyle(probe).color;
        probe.remove();
        expect(getComputedStyle($(el, '.cum-line')!).stroke).to.equal(rgb);
        expect(getComputedStyle($(el, '.heatmap td.h5')!).backgroundColor).to.equal(rgb);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('wide: coverage and what-if side by side, the map under both; narrow: one column', async () => {
    const wide = await mount('', { width: 1400 });
    await settled(wide);
    const [coverage, whatIf, when] = ['coverage', 'what-if', 'when'].map((p) => $(wide, `[part~="${p}"]`)!.getBoundingClientRect());
    expect(whatIf.left).to.be.greaterThan(coverage.right);
    expect(when.top).to.be.greaterThan(Math.max(coverage.bottom, whatIf.bottom));
    const narrow = await mount('', { width: 360 });
    await settled(narrow);
    const [c, w] = ['coverage', 'what-if'].map((p) => $(narrow, `[part~="${p}"]`)!.getBoundingClientRect());
    expect(w.top).to.be.greaterThan(c.bottom);
  });
});
