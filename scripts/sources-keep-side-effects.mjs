import { resolve, sep } from 'node:path';

/**
 * package.json's `sideEffects` lists the defining modules of dist/ for a host's bundler. Bundlers
 * apply it to our own sources too: src/kre-license-usage.ts is not listed, so rollup (the build)
 * and Vite (Storybook, the demo) drop a bare `import './kre-license-usage.js'` and the element is
 * never defined. This plugin (rollup and Vite alike) marks every module under src/ as having side
 * effects, as it would without that field.
 * @returns {import('rollup').Plugin}
 */
export function sourcesKeepSideEffects() {
  const srcDir = resolve('src') + sep;
  return {
    name: 'sources-keep-side-effects',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !resolved.id.startsWith(srcDir)) return resolved;
      return { ...resolved, moduleSideEffects: true };
    },
  };
}
