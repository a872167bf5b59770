// custom-elements.json: the elements' attributes, properties, events, parts, slots and CSS custom
// properties, read from the classes' JSDoc (see CONTRIBUTING.md). Storybook's controls, the React
// typings (types/react.d.ts) and editors' HTML completion read it. `npm run analyze` writes it;
// `npm run check:manifest` fails when the committed one is stale or when two runs differ.
// The plugins are in scripts/manifest-plugins.mjs.
import { publishedSurface, sortedModules, sourceFacts, stableOrder } from './scripts/manifest-plugins.mjs';

export default {
  globs: ['src/**/*.ts'],
  // Core, mock and the Node server hold no elements; leaving them out keeps the manifest (and its
  // staleness check) about the elements only.
  exclude: ['src/core/**', 'src/mock/**', 'src/server/**', 'src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; never let the analyzer rewrite package.json.
  packagejson: false,
  // The files in path order, whatever order the file system lists them in (see the plugins).
  overrideModuleCreation: sortedModules,
  plugins: [sourceFacts(), publishedSurface(), stableOrder()],
};
