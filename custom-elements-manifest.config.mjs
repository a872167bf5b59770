// custom-elements.json: the elements' attributes, properties, events, parts, slots and CSS custom
// properties, read from the classes' JSDoc (see CONTRIBUTING.md). Storybook's controls and editors'
// HTML completion read it. `npm run analyze` writes it; `npm run check:manifest` fails when the
// committed one is stale.

import { posix } from 'node:path';

/**
 * Paths in the manifest name the published modules (dist/*.js), not the sources, which are not
 * in the package: `src/kre-license-usage.ts` -> `dist/kre-license-usage.js`. The analyzer writes
 * module references in three spellings (`src/a.js`, `/src/a.js`, and `./a.js` relative to the
 * module that re-exports); all become `dist/a.js`. Also drops the bogus definition the analyzer
 * reads off a define() helper (elements name their tag with `@tagname` in their JSDoc), and
 * private members.
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
function publishedSurface() {
  const toDist = (ref, fromModule) => {
    const path = ref.startsWith('.') ? posix.join(posix.dirname(fromModule), ref) : ref.replace(/^\//, '');
    return path.replace(/^src\/(.*)\.[jt]s$/, 'dist/$1.js');
  };
  const rewrite = (node, fromModule) => {
    if (Array.isArray(node)) node.forEach((item) => rewrite(item, fromModule));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'module' && typeof value === 'string') node[key] = toDist(value, fromModule);
        else rewrite(value, fromModule);
      }
    }
  };
  return {
    name: 'published-surface',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        // A define() helper's own `customElements.define(tag, ctor)` is not a definition.
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
        // Private members are not the element's API (and would show up as Storybook controls).
        for (const declaration of mod.declarations ?? []) {
          declaration.members &&= declaration.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
        }
        rewrite(mod.declarations, mod.path);
        rewrite(mod.exports, mod.path);
        mod.path = toDist(mod.path, mod.path);
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // Core and mock hold no elements; leaving them out keeps the manifest (and its staleness check)
  // about the elements only.
  exclude: ['src/core/**', 'src/mock/**', 'src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; never let the analyzer rewrite package.json.
  packagejson: false,
  plugins: [publishedSurface()],
};
