/**
 * The theming surface is documented: every `--kre-*` custom property an element's stylesheets read
 * is an `@cssprop` of that element in custom-elements.json (so the README, Storybook's controls and
 * a host's editor know it), and nothing is documented that no stylesheet reads.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import type { CSSResultOrNative } from 'lit';
import { KreLicenseUsage } from '../../src/kre-license-usage.js';
import { TestcloudLicenseUsage } from '../../src/testcloud-license-usage.js';
import { KreUserSessions } from '../../src/kre-user-sessions.js';
import { KreLicensePlanner } from '../../src/kre-license-planner.js';

interface Declaration {
  kind: string;
  tagName?: string;
  cssProperties?: { name: string }[];
}
const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const documented = (tag: string) =>
  new Set(manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)?.cssProperties?.map((p) => p.name) ?? []);

/** The `--kre-*` and `--testcloud-*` names the element's stylesheets read (not the ones it sets per column or label). */
function read(styles: CSSResultOrNative[]): Set<string> {
  const text = styles.map((s) => ('cssText' in s ? s.cssText : '')).join('\n');
  return new Set([...text.matchAll(/var\((--(?:kre|testcloud)-[a-z0-9-]+)/g)].map((m) => m[1]).filter((n) => !/^--kre-sessions-(col|label)-/.test(n)));
}

describe('every custom property the styles read is documented', () => {
  for (const [tag, element] of [
    ['kre-license-usage', KreLicenseUsage],
    ['testcloud-license-usage', TestcloudLicenseUsage],
    ['kre-user-sessions', KreUserSessions],
    ['kre-license-planner', KreLicensePlanner],
  ] as const) {
    it(`<${tag}>`, () => {
      // The TestCloud chart's own properties sit in a rule of the shared chart sheet that only it matches.
      const reads = new Set([...read(element.elementStyles)].filter((n) => tag.startsWith('testcloud') || !n.startsWith('--testcloud-')));
      const docs = documented(tag);
      assert.ok(reads.size > 20, `${tag} reads its theme from custom properties`);
      assert.deepEqual([...reads].filter((n) => !docs.has(n)).sort(), [], 'read but not documented');
      const columns = [...docs].filter((n) => /^--kre-sessions-col-/.test(n));
      assert.deepEqual([...docs].filter((n) => !reads.has(n) && !columns.includes(n)).sort(), [], 'documented but never read');
    });
  }
});
