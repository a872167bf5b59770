// <kre-user-sessions> fits its box (issue 11, "All ten columns fit"): at 1100 px every column's
// header and cell is inside the element and no text is cut (it wraps, or a two-line clamp with the
// whole value in its tooltip); the organization's own name is always whole; below the card
// breakpoint each session is a card with every field under its label, sortable by a select; axe
// passes in both layouts. Hostile values (a 300-character name, RTL, emoji, formulas, markup)
// included.
import { expect } from '@open-wc/testing';
import { COLUMNS } from '../../src/sessions-table/columns.js';
import { defaultStrings } from '../../src/shared/strings.js';
import type { KreUserSessions } from '../../src/sessions-table/kre-user-sessions.js';
import { $, $$, cellTexts, expected, lastRequest, mount, rows, settled, shownText, useMockService } from './sessions-fixtures.js';

const LABELS = COLUMNS.map((c) => defaultStrings[c.label]);
/** Text as read: trimmed, no-break spaces as spaces. */
const norm = (text: string) => text.trim().replace(/\u00a0/g, ' ');

/** Pages that hold every hostile value of the dataset (sorted by machine id, the hostile ones come first). */
const PAGES: Array<Record<string, string | null>> = [
  { 'page-size': '250' },
  { 'page-size': '250', sort: 'machineId', order: 'asc' },
  { 'page-size': '50', q: 'mohammed', sort: null, order: null },
  { q: 'yael' },
  { q: 'zoe.okafor' },
  { q: 'multi.line' },
  { q: 'bobby' },
  { q: 'jane.doe' },
];

async function show(el: KreUserSessions, attrs: Record<string, string | null>): Promise<void> {
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'page-size') el.pageSize = Number(value) as KreUserSessions['pageSize'];
    else if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
  }
  await settled(el);
}

function textNodes(node: Node): Text[] {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  while (walker.nextNode()) if ((walker.currentNode as Text).data.trim()) out.push(walker.currentNode as Text);
  return out;
}

const inside = (inner: DOMRect, outer: DOMRect, slack = 0.5) =>
  inner.left >= outer.left - slack && inner.right <= outer.right + slack && inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;

/** Every part of a cell's text that might be cut: the cell itself, and its clamps and ids. */
function checkCellsWhole(el: KreUserSessions): void {
  const box = el.getBoundingClientRect();
  for (const tr of rows(el)) {
    for (const cell of tr.cells) {
      const where = `${cellTexts(tr)[2]} column ${cell.cellIndex + 1}`;
      expect(inside(cell.getBoundingClientRect(), box), `${where} is outside the element`).to.equal(true);
      expect(cell.scrollWidth, `${where} overflows sideways`).to.be.at.most(cell.clientWidth);
      // (A copy button's box reaches 3 px past its text, for its hover and focus; its text is checked below.)
      for (const part of cell.querySelectorAll<HTMLElement>('time, .badge')) {
        expect(inside(part.getBoundingClientRect(), cell.getBoundingClientRect()), `${where}: ${part.localName} leaves its cell`).to.equal(true);
      }
      for (const clamp of cell.querySelectorAll<HTMLElement>('.clamp')) {
        // Cut only by a two-line clamp, whose tooltip has the whole value.
        expect(getComputedStyle(clamp).webkitLineClamp, where).to.equal('2');
        expect(clamp.scrollWidth, `${where} clamp overflows sideways`).to.be.at.most(clamp.clientWidth);
        expect(norm(clamp.title).startsWith(norm(clamp.textContent!)), where).to.equal(true);
      }
      // Text outside a clamp is never clipped: the cell shows all of it.
      for (const text of textNodes(cell).filter((t) => !t.parentElement!.closest('.clamp'))) {
        const range = document.createRange();
        range.selectNodeContents(text);
        expect(inside(range.getBoundingClientRect(), cell.getBoundingClientRect()), `${where}: "${text.data}" outside its cell`).to.equal(true);
      }
    }
  }
}

describe('<kre-user-sessions> layout', () => {
  const service = useMockService();

  describe('at 1100 px: a table with every column in view', () => {
    it('every header and cell is inside the element, nothing scrolls sideways, no text is cut', async () => {
      const el = await mount();
      el.parentElement!.style.width = '1100px';
      await settled(el);
      const box = el.getBoundingClientRect();
      expect(box.width).to.equal(1100);
      const headers = $$(el, 'thead th');
      expect(headers.map((th) => shownText(th.querySelector('.sort > span')!))).to.deep.equal(LABELS);
      for (const th of headers) {
        expect(inside(th.getBoundingClientRect(), box), `${th.textContent} header`).to.equal(true);
        // A header's label is whole: it wraps between words, never cut.
        const label = th.querySelector('.sort > span')!;
        expect(inside(label.getBoundingClientRect(), th.getBoundingClientRect()), `${th.textContent} label`).to.equal(true);
      }
      for (const page of PAGES) {
        await show(el, page);
        expect(rows(el).length, JSON.stringify(page)).to.be.greaterThan(0);
        const scroller = $(el, '.scroller')!;
        expect(scroller.scrollWidth, JSON.stringify(page)).to.be.at.most(scroller.clientWidth);
        expect(el.scrollWidth).to.be.at.most(1100);
        checkCellsWhole(el);
      }
    });

    it('a value too long for two lines is clamped, whole in its tooltip and on hover', async () => {
      const el = await mount('sort="machineId" order="asc"');
      el.parentElement!.style.width = '1100px';
      await settled(el);
      const long = rows(el).find((tr) => cellTexts(tr)[0].startsWith('Hubert Blaine'))!;
      const clamp = long.cells[0].querySelector<HTMLElement>('.clamp')!;
      expect(clamp.title.length).to.equal(300);
      const lines = (node: HTMLElement) => Math.round(node.getBoundingClientRect().height / parseFloat(getComputedStyle(node).lineHeight));
      expect(lines(clamp)).to.equal(2);
      // Short values have no clamp: their text is the cell's own.
      expect(rows(el).some((tr) => tr.cells[4].querySelector('.clamp') === null && tr.cells[4].firstElementChild === null)).to.equal(true);
      // The row in focus (a copy button) shows the whole value.
      long.querySelector<HTMLButtonElement>('button.copy')!.focus();
      expect(lines(clamp)).to.be.greaterThan(2);
    });

    it("the organization's own name is whole: only its ancestors may be clamped", async () => {
      const el = await mount('page-size="250"');
      el.parentElement!.style.width = '1100px';
      await settled(el);
      const want = expected({ limit: 250 });
      let deep = 0;
      rows(el).forEach((tr, i) => {
        const path = want.items[i].organization?.path ?? [];
        const cell = tr.cells[5];
        expect(cellTexts(tr)[5]).to.equal(path.join(' / '));
        if (path.length < 2) return;
        deep++;
        // The leaf is the cell's last text, outside any clamp, and inside the cell.
        const leaf = textNodes(cell).at(-1)!;
        // (in the cell itself, or in its own <bdi> when it is right-to-left)
        expect(leaf.parentElement === cell || (leaf.parentElement!.localName === 'bdi' && leaf.parentElement!.parentElement === cell)).to.equal(true);
        expect(leaf.data).to.equal(path.at(-1));
        const range = document.createRange();
        range.selectNodeContents(leaf);
        expect(inside(range.getBoundingClientRect(), cell.getBoundingClientRect())).to.equal(true);
        const up = cell.querySelector<HTMLElement>('.up')!;
        if (up.classList.contains('clamp')) expect(norm(up.title)).to.equal(path.join(' / '));
      });
      expect(deep).to.be.greaterThan(100);
    });

    it('is accessible', async () => {
      const el = await mount('q="an"');
      el.parentElement!.style.width = '1100px';
      await settled(el);
      expect(getComputedStyle($(el, 'thead')!).display).to.not.equal('none');
      expect(getComputedStyle($(el, '.card-sort')!).display).to.equal('none');
      await expect(el).to.be.accessible();
    });
  });

  describe('below the card breakpoint: one card per session', () => {
    for (const width of [360, 800]) {
      it(`at ${width} px every card shows every field under its label, inside the element`, async () => {
        const el = await mount('page-size="100"');
        el.parentElement!.style.width = `${width}px`;
        await settled(el);
        const box = el.getBoundingClientRect();
        expect(getComputedStyle($(el, 'thead')!).display).to.equal('none');
        const scroller = $(el, '.scroller')!;
        expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
        const want = expected({ limit: 100 });
        rows(el).forEach((tr, i) => {
          expect(getComputedStyle(tr).display).to.equal('grid');
          const card = tr.getBoundingClientRect();
          expect(card.left >= box.left && card.right <= box.right).to.equal(true);
          const labels = [...tr.cells].map((cell) => getComputedStyle(cell, '::before').content);
          expect(labels).to.deep.equal(LABELS.map((l) => JSON.stringify(l)));
          for (const cell of tr.cells) {
            expect(getComputedStyle(cell).display).to.equal('block');
            expect(inside(cell.getBoundingClientRect(), card)).to.equal(true);
            expect(cell.scrollWidth).to.be.at.most(cell.clientWidth);
          }
          expect(cellTexts(tr)[1]).to.equal(want.items[i].user.email);
        });
        if (width === 800) {
          // Two cards side by side.
          const [a, b] = rows(el).map((tr) => tr.getBoundingClientRect());
          expect(b.top).to.equal(a.top);
        }
        await expect(el).to.be.accessible();
      });
    }

    it('hostile values stay inside their cards', async () => {
      const el = await mount();
      el.parentElement!.style.width = '360px';
      for (const page of PAGES.slice(1)) {
        await show(el, page);
        checkCellsWhole(el);
        const box = el.getBoundingClientRect();
        for (const tr of rows(el)) expect(inside(tr.getBoundingClientRect(), { ...box.toJSON(), top: -Infinity, bottom: Infinity } as DOMRect)).to.equal(true);
      }
    });

    it('sorts with the card layout\'s select, announced like a header click', async () => {
      const el = await mount();
      el.parentElement!.style.width = '480px';
      await settled(el);
      const [field, order] = $$<HTMLSelectElement>(el, '.card-sort select');
      expect(getComputedStyle($(el, '.card-sort')!).display).to.not.equal('none');
      expect([field.value, order.value]).to.deep.equal(['started', 'desc']);
      expect(field.labels![0].textContent).to.contain('Sort by');
      let change: CustomEvent | undefined;
      el.addEventListener('kre-filter-change', (e) => (change = e as CustomEvent));
      field.value = 'user';
      field.dispatchEvent(new Event('change', { bubbles: true }));
      await settled(el);
      expect(change!.detail).to.include({ sort: 'user', order: 'desc' });
      expect(lastRequest(service()).searchParams.get('sort')).to.equal('user');
      order.value = 'asc';
      order.dispatchEvent(new Event('change', { bubbles: true }));
      await settled(el);
      expect([el.getAttribute('sort'), el.getAttribute('order')]).to.deep.equal(['user', 'asc']);
      expect(cellTexts(rows(el)[0])[0]).to.equal(expected({ sort: 'user', order: 'asc' }).items[0].user.name.trim());
      expect($(el, 'caption')!.textContent!.trim()).to.equal('Sorted by User, ascending. Times in Europe/Berlin.');
      // A header click elsewhere (the table layout) shows in the select.
      el.parentElement!.style.width = '1100px';
      await settled(el);
      $(el, 'th.c-email button')!.click();
      await settled(el);
      expect([field.value, order.value]).to.deep.equal(['email', 'asc']);
    });
  });
});
