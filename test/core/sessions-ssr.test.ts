/**
 * <kre-user-sessions> renders on a server (@lit-labs/ssr): no DOM walk in its render path (the
 * locale's `closest('[lang]')` is guarded), the shadow root's markup holds what a first paint needs.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { html } from 'lit';
import { ssr, text } from './ssr-text.js';
import '../../src/kre-user-sessions.js';


describe('<kre-user-sessions> under @lit-labs/ssr', () => {
  it('renders without an endpoint: the title and the no-endpoint state', async () => {
    const markup = await ssr(html`<kre-user-sessions></kre-user-sessions>`);
    assert.match(markup, /<template shadowroot(mode)?="open"/);
    assert.match(text(markup), /KRE user sessions/);
    assert.match(text(markup), /No endpoint configured/);
  });

  it('renders with an endpoint: toolbar, caption, the ten headers and placeholder rows, no request', async () => {
    const markup = await ssr(
      html`<div lang="de" dir="rtl"><kre-user-sessions endpoint="/api" time-zone="Europe/Berlin" from="2026-10-01" to="2026-10-31" sort="user" order="asc" heading="Sessions"></kre-user-sessions></div>`,
    );
    const shown = text(markup);
    assert.match(shown, /Sessions/);
    assert.match(shown, /Search sessions/);
    assert.match(shown, /Sorted by User, ascending\. Times in Europe\/Berlin\./);
    for (const label of ['User', 'Email', 'Session ID', 'Machine ID', 'License Source', 'Organization', 'License Type', 'Started', 'Ended', 'Duration']) {
      assert.ok(shown.includes(label), label);
    }
    assert.match(markup, /aria-sort="ascending"/);
    assert.equal((markup.match(/class="skeleton"/g) ?? []).length, 10);
  });

  it('a bad attribute is a notice, not an exception', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const markup = await ssr(html`<kre-user-sessions endpoint="/api" time-zone="Mars/Base" sort="bogus"></kre-user-sessions>`);
      assert.match(text(markup), /sort="bogus" is not one of/);
    } finally {
      console.warn = warn;
    }
  });
});
