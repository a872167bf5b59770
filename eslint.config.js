// Lint: `npm run lint` (`npm run lint -- --fix` to fix what can be fixed).
// ESLint's and typescript-eslint's recommended rules everywhere; eslint-plugin-lit and
// eslint-plugin-wc recommended rules where elements and templates are written. Not type-aware:
// `npm run typecheck` covers types, and this stays fast.
import { defineConfig, globalIgnores } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

/**
 * ESLint's own recommended rules, read off the rules' metadata: the same set as @eslint/js's
 * `recommended` config, without another package for it.
 */
const eslintRecommended = Object.fromEntries(
  [...builtinRules]
    .filter(([, rule]) => rule.meta?.docs?.recommended && !rule.meta.deprecated)
    .map(([name]) => [name, 'error']),
);

/** Node's globals (for config files and scripts), read off the running Node. */
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));
/** The browser globals a plain-JS demo file may use (TypeScript files need no list). */
const browserGlobals = Object.fromEntries(
  ['window', 'document', 'customElements', 'navigator', 'location', 'history', 'localStorage', 'HTMLElement']
    .map((name) => [name, 'readonly']),
);

const ELEMENT_FILES = ['src/**/*.ts', 'stories/**/*.ts', 'test/browser/**/*.ts', 'demo/**/*.{ts,js}'];

export default defineConfig(
  globalIgnores(['dist/', 'storybook-static/', 'coverage/']),
  { rules: eslintRecommended },
  tseslint.configs.recommended,
  {
    rules: {
      // `_` marks an argument a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...nodeGlobals, ...browserGlobals } },
  },
  { files: ELEMENT_FILES, extends: [lit.configs['flat/recommended']] },
  {
    files: ELEMENT_FILES,
    extends: [wc.configs['flat/recommended']],
    // eslint-plugin-wc recognizes only `extends HTMLElement` unless told about Lit.
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
);
