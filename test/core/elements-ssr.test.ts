/**
 * The charts and the planner render on a server (@lit-labs/ssr) like the session log
 * (./sessions-ssr.test.ts): no DOM walk, canvas or layout read in their render path.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { html } from 'lit';
import { ssr, text } from './ssr-text.js';
import '../../src/kre-license-usage.js';
import '../../src/testcloud-license-usage.js';
import '../../src/kre-license-planner.js';


describe('the charts and the planner under @lit-labs/ssr', () => {
  for (const [tag, title] of [
    ['kre-license-usage', 'KRE license usage'],
    ['testcloud-license-usage', 'TestCloud license usage'],
    ['kre-license-planner', 'KRE license planner'],
  ] as const) {
    it(`<${tag}> renders its title and the no-endpoint state, then its toolbar and skeleton with an endpoint`, async () => {
      const bare = await ssr(html`${unsafeTag(tag, '')}`);
      assert.match(bare, /<template shadowroot(mode)?="open"/);
      assert.ok(text(bare).includes(title), text(bare).slice(0, 200));
      assert.match(text(bare), /No endpoint configured/);
      const full = await ssr(html`<div lang="de" dir="rtl">${unsafeTag(tag, 'endpoint="/api" time-zone="Europe/Berlin" from="2026-10-01" to="2026-10-31"')}</div>`);
      assert.match(text(full), /Organization/);
      assert.match(full, /class="skeleton"/);
    });
  }

  it('a bad attribute is a notice, not an exception', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const markup = await ssr(html`${unsafeTag('kre-license-usage', 'endpoint="/api" interval="year"')}`);
      assert.match(text(markup), /interval="year" is not one of hour, day, week, month/);
    } finally {
      console.warn = warn;
    }
  });
});

/** A template for `<tag attrs>` (static tag names need a template per tag). */
function unsafeTag(tag: string, attrs: string) {
  const strings = Object.assign([`<${tag} ${attrs}></${tag}>`], { raw: [`<${tag} ${attrs}></${tag}>`] });
  return html(strings as unknown as TemplateStringsArray);
}
