import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, cellTexts, expected, lastRequest, mount, rows, settled, useMockService } from './sessions-fixtures.js';

const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<kre-user-sessions> keyboard and clipboard', () => {
  const service = useMockService();

  it('sorts with Enter on a header, keeping focus there', async () => {
    const el = await mount();
    await settled(el);
    $(el, 'th.c-email button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(lastRequest(service()).searchParams.get('sort')).to.equal('email');
    expect($(el, 'th.c-email')!.getAttribute('aria-sort')).to.equal('ascending');
    expect(focused(el)?.getAttribute('data-sort')).to.equal('email');
    await sendKeys({ press: 'Space' });
    await settled(el);
    expect($(el, 'th.c-email')!.getAttribute('aria-sort')).to.equal('descending');
  });

  it('reaches the pager by Tab and pages with Enter; an end button stays focusable', async () => {
    const el = await mount('q="torv"');
    await settled(el);
    const total = expected({ q: 'torv' }).total;
    expect(total).to.be.greaterThan(50);
    $(el, '.pager select')!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('data-page')).to.equal('nextPage');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(lastRequest(service()).searchParams.get('offset')).to.equal('50');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('data-page')).to.equal('lastPage');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    const last = Math.floor((total - 1) / 50) * 50;
    expect(lastRequest(service()).searchParams.get('offset')).to.equal(String(last));
    expect(focused(el)?.getAttribute('data-page')).to.equal('lastPage');
    expect(focused(el)?.getAttribute('aria-disabled')).to.equal('true');
    const before = service().control.requests.length;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(service().control.requests.length).to.equal(before);
  });

  it('opens a filter with the keyboard and closes it with Escape', async () => {
    const el = await mount();
    await settled(el);
    const button = $(el, '.filters .ms-button')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    // The panel's code loads on demand (from the focus on): it opens when it is here.
    await waitUntil(() => button.getAttribute('aria-expanded') === 'true', 'the panel opens');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(el)).to.equal(button);
  });

  it('at 320 px: filters fold behind a button, sessions show as cards (nothing scrolls sideways), axe passes', async () => {
    const el = await mount();
    el.parentElement!.style.width = '320px';
    await settled(el);
    const toggle = $(el, '.filters-toggle')!;
    const filters = $(el, '#filters')!;
    expect(getComputedStyle(toggle).display).to.not.equal('none');
    expect(getComputedStyle(filters).display).to.equal('none');
    expect(el.scrollWidth).to.be.at.most(320);
    const scroller = $(el, '.scroller')!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    expect(getComputedStyle(rows(el)[0]).display).to.equal('grid');
    expect(getComputedStyle($(el, 'thead')!).display).to.equal('none');
    await expect(el).to.be.accessible();
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(filters).display).to.not.equal('none');
    await expect(el).to.be.accessible();
  });

  it('copies an id with its button and announces it', async () => {
    let copied = '';
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    try {
      const el = await mount();
      await settled(el);
      const id = expected().items[0].sessionId;
      const button = rows(el)[0].cells[2].querySelector<HTMLButtonElement>('button.copy')!;
      expect(button.getAttribute('aria-describedby')).to.equal('copy-hint');
      expect(cellTexts(rows(el)[0])[2]).to.equal(id);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => copied === id);
      await waitUntil(() => el.shadowRoot!.textContent!.includes(`Copied ${id}`));
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });
});
