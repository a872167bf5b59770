import type { Plugin } from 'vite';
/** See sources-keep-side-effects.mjs. A rollup plugin that Vite takes as well. */
export function sourcesKeepSideEffects(): Plugin;
