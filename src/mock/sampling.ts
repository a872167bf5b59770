/**
 * The shapes of the generated activity: when people start sessions in their local day, how long
 * sessions last, which product and license type they use. Pure functions of the generator.
 */
import type { Product } from '../core/types.js';
import type { Random } from './random.js';

/** A local hour of the day for an interactive session: a morning and an afternoon hump, some evenings. */
export function workHour(rng: Random): number {
  const r = rng.next();
  const h = r < 0.5 ? 10 + 1.3 * rng.normal() : r < 0.95 ? 14.5 + 1.6 * rng.normal() : 19.5 + 1.5 * rng.normal();
  return h < 5 ? 5 + rng.next() : h > 23.9 ? 23.9 - rng.next() : h;
}

/** A local hour for a CI burst: nightly builds, or pushes during the working day. */
export function ciHour(rng: Random): number {
  return rng.chance(0.4) ? 1 + 2.5 * rng.next() : 8 + 11 * rng.next();
}

/** Duration in ms, whole seconds: minutes to hours, and now and then a session left open overnight. */
export function duration(rng: Random, product: Product, ci: boolean): number {
  let minutes: number;
  if (ci) minutes = 4 + 41 * rng.next();
  else if (product === 'testcloud') minutes = Math.min(120, Math.exp(Math.log(12) + 0.7 * rng.normal()));
  else if (rng.chance(0.004)) minutes = 480 + 1200 * rng.next();
  else minutes = Math.min(540, Math.exp(Math.log(40) + 0.85 * rng.normal()));
  return Math.max(60_000, Math.round(minutes * 60) * 1000);
}

/** The product of a new activity: mostly KRE when both are generated. */
export function pickProduct(rng: Random, products: readonly Product[], testCloudShare: number): Product {
  if (products.length === 1) return products[0];
  return rng.chance(testCloudShare) ? 'testcloud' : 'kre';
}

const TESTCLOUD_ENVS = ['chrome-win11', 'firefox-ubuntu', 'safari-macos', 'edge-win10', 'ios-17', 'android-14'];
/** Shared machine ids of TestCloud environments. */
export const TESTCLOUD_MACHINES: readonly string[] = TESTCLOUD_ENVS.flatMap((env) =>
  [1, 2, 3, 4, 5].map((n) => `tc-${env}-${String(n).padStart(2, '0')}`),
);

export function licenseType(rng: Random, product: Product, ci: boolean): string {
  if (product === 'testcloud') return 'TestCloud Session';
  return !ci && rng.chance(0.1) ? 'KRE Node-locked' : 'KRE Session';
}

/** Rounds an instant down to whole seconds. */
export function toSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** ISO 8601 in UTC without milliseconds: `2026-10-30T08:00:00Z`. */
export function isoSecond(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}
