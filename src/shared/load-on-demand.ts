/**
 * The one loader of src/shared/on-demand.ts (the table views, a filter's open list, the export
 * writers): every element and controller asks here, so the module is requested once per page, and
 * again after a failure (the next use tries anew).
 */
import type * as OnDemandModule from './on-demand.js';

export type OnDemand = typeof OnDemandModule;

let loaded: OnDemand | undefined;
let loading: Promise<OnDemand> | undefined;

/** The module, once it is here (undefined before). */
export const onDemand = () => loaded;

/** Loads the module (once); rejects when it cannot be loaded. */
export function loadOnDemand(): Promise<OnDemand> {
  return (loading ??= import('./on-demand.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}
