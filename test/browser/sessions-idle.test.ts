// <kre-user-sessions> does no work it does not need (issue 11, item 17): the one-second clock
// of active durations runs only while an active session is on screen (not for a page of ended
// sessions, nor off screen, nor after disconnect); and what the page tells every element re-renders
// it: `setStrings`, a `dir` change, a `lang` change.
import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import { resetStrings, setStrings } from '../../src/shared/strings.js';
import type { KreUserSessions } from '../../src/sessions-table/kre-user-sessions.js';
import { $, cellTexts, expected, mount, rows, settled, useMockService } from './sessions-fixtures.js';

/** One-second intervals alive in the page, by id (setInterval and clearInterval watched). */
const alive = new Set<number>();
const realSet = window.setInterval;
const realClear = window.clearInterval;

function watchIntervals(): void {
  beforeEach(() => {
    alive.clear();
    window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      const id = realSet(handler, delay, ...args);
      if (delay === 1000) alive.add(id);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) alive.delete(id);
      realClear(id);
    }) as typeof window.clearInterval;
  });
  afterEach(() => {
    window.setInterval = realSet;
    window.clearInterval = realClear;
  });
}

/** Counts the element's renders from now on. */
function countRenders(el: KreUserSessions): { n: number } {
  const count = { n: 0 };
  const self = el as unknown as { render(): unknown };
  const render = self.render.bind(el);
  self.render = () => {
    count.n++;
    return render();
  };
  return count;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const activeRow = (el: KreUserSessions) => rows(el).find((tr) => tr.getAttribute('part') === 'row row-active');

describe('<kre-user-sessions> idle work', () => {
  useMockService();
  watchIntervals();

  it('the clock ticks while an active session is on screen, and stops on a page without one', async () => {
    const el = await mount();
    await settled(el);
    const row = activeRow(el)!;
    expect(row).to.not.equal(undefined);
    await waitUntil(() => alive.size === 1, 'no clock with an active session on screen');
    const before = cellTexts(row)[9];
    await waitUntil(() => cellTexts(activeRow(el)!)[9] !== before, 'the active duration did not move', { timeout: 3000 });

    // The first ten days of October: every session of them has ended.
    expect(expected({ to: '2026-10-10' }).items.some((s) => s.ended === null)).to.equal(false);
    el.setAttribute('to', '2026-10-10');
    await settled(el);
    expect(activeRow(el)).to.equal(undefined);
    expect(alive.size).to.equal(0);
    const renders = countRenders(el);
    await pause(1600);
    expect(renders.n).to.equal(0);

    // Back to a page with active sessions: the clock again.
    el.setAttribute('to', '2026-10-31');
    await settled(el);
    await waitUntil(() => alive.size === 1);
  });

  it('stops while the element is off screen and after it is removed', async () => {
    const el = await mount();
    await settled(el);
    await waitUntil(() => alive.size === 1);
    const wrapper = el.parentElement!;
    wrapper.style.marginTop = '20000px';
    await waitUntil(() => alive.size === 0, 'the clock ran off screen');
    const renders = countRenders(el);
    await pause(1300);
    expect(renders.n).to.equal(0);
    wrapper.style.marginTop = '0';
    await waitUntil(() => alive.size === 1, 'no clock back on screen');
    // Back on screen, the durations are current at once.
    await waitUntil(() => renders.n > 0);
    el.remove();
    expect(alive.size).to.equal(0);
  });

  it('the clock does not run for an error or the empty state', async () => {
    const el = await mount('q="no such person"');
    await settled(el);
    expect($(el, '.status')).to.not.equal(null);
    await nextFrame();
    expect(alive.size).to.equal(0);
  });
});

describe('<kre-user-sessions> renders again for what the page tells it', () => {
  useMockService();
  afterEach(() => resetStrings());

  it('setStrings: headers, card labels and the caption in the new strings', async () => {
    const el = await mount();
    await settled(el);
    setStrings({ colUser: 'Benutzer', colStarted: 'Beginn', sessionsCaption: 'Sortiert nach {column}. Zeiten in {zone}.' });
    await el.updateComplete;
    expect($(el, 'th.c-user .sort > span')!.textContent).to.equal('Benutzer');
    expect($(el, 'caption')!.textContent!.trim()).to.equal('Sortiert nach Beginn. Zeiten in Europe/Berlin.');
    expect($(el, 'table')!.style.getPropertyValue('--kre-sessions-label-1')).to.equal('"Benutzer"');
    el.parentElement!.style.width = '400px';
    await nextFrame();
    expect(getComputedStyle(rows(el)[0].cells[0], '::before').content).to.equal('"Benutzer"');
    resetStrings();
    await el.updateComplete;
    expect($(el, 'th.c-user .sort > span')!.textContent).to.equal('User');
  });

  it('a label with quotes or a line break is a safe CSS string', async () => {
    const el = await mount();
    el.parentElement!.style.width = '400px';
    await settled(el);
    setStrings({ colEmail: 'E-"Mail"\\ \n2' });
    await el.updateComplete;
    await nextFrame();
    expect(getComputedStyle(rows(el)[0].cells[1], '::before').content).to.equal('"E-\\"Mail\\"\\\\ \\a 2"');
  });

  it('dir: the element renders again and the pager arrows point the way the page reads', async () => {
    const el = await mount();
    await settled(el);
    const renders = countRenders(el);
    const icon = () => getComputedStyle($(el, '[data-page="nextPage"] [aria-hidden]')!).transform;
    expect(icon()).to.equal('none');
    el.parentElement!.dir = 'rtl';
    await waitUntil(() => renders.n > 0, 'no render after dir changed');
    expect(icon()).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    // The table aligns with the page: right in a right-to-left page.
    expect(getComputedStyle($(el, 'table')!).textAlign).to.equal('right');
  });

  it('lang: without a locale attribute, a lang change re-formats the numbers', async () => {
    const el = await mount('locale=""');
    await settled(el);
    const total = expected().total;
    expect(total).to.be.greaterThan(999);
    el.parentElement!.lang = 'de-DE';
    await waitUntil(() => $(el, '.pager .range')!.textContent === `1–50 of ${total.toLocaleString('de-DE')}`, 'the pager kept its old locale');
  });
});
