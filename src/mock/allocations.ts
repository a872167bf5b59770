/**
 * The license pools of the generated account and their history. Each product has an account-wide
 * pool with a purchase in the middle of the range, and some teams hold pools of their own (one
 * that starts inside the range, one that shrinks near its end). Sizes are shares of the peak
 * demand of the requests that may draw on the pool (a team pool: its subtree's; the account pool:
 * everyone's), so the story reads the same at any dataset size: short of licenses before the
 * purchase (requests are refused at the busiest hours), comfortable after it.
 */
import type { Product } from '../core/types.js';
import { ACCOUNT_NAME, ORG_PLAN, subtreeMask } from './organizations.js';
import { DAY_MS, HOUR_MS } from './zones.js';

interface Step {
  /** Position as a fraction of the range (0 its first day, 0.5 its middle, negative before it). */
  at: number;
  /** UTC hour of that day. */
  hour: number;
  /** Size as a share of the peak demand of the requests that may draw on the pool. */
  share: number;
}

interface ScopePlan {
  product: Product;
  organizationId: string | null;
  steps: Step[];
}

const PLAN: readonly ScopePlan[] = [
  {
    product: 'kre',
    organizationId: null,
    steps: [
      { at: -1.5, hour: 0, share: 0.42 },
      { at: 0.5, hour: 9.5, share: 0.6 },
    ],
  },
  {
    product: 'kre',
    organizationId: 'org-qa',
    steps: [
      { at: -1, hour: 0, share: 0.35 },
      // Near the end the team gives licenses back, on a Saturday night (see `shrinkDay`).
      { at: 0.9, hour: 22, share: 0.28 },
    ],
  },
  { product: 'kre', organizationId: 'org-qa-berlin', steps: [{ at: -0.5, hour: 8, share: 0.3 }] },
  { product: 'kre', organizationId: 'org-mobile', steps: [{ at: 1 / 3, hour: 0, share: 0.45 }] },
  {
    product: 'testcloud',
    organizationId: null,
    steps: [
      { at: -1.5, hour: 0, share: 0.55 },
      { at: 2 / 3, hour: 16, share: 0.75 },
    ],
  },
  { product: 'testcloud', organizationId: 'org-mobile', steps: [{ at: -0.3, hour: 0, share: 0.4 }] },
];

/** One allocation change: from `time` on, the pool holds `size` licenses. */
export interface PoolStep {
  time: number;
  size: number;
}

/** A license pool: the account-wide one (`org` -1) or a team's. */
export interface Pool {
  product: Product;
  /** Index into ORG_PLAN, -1 for the account-wide pool. */
  org: number;
  /** The license source of a session that draws on it. */
  name: string;
  steps: PoolStep[];
}

/** A step's day: a shrink moves to the Saturday on or before it, when few licenses are in use. */
function stepTime(step: Step, rangeStart: number, days: number, shrink: boolean): number {
  let day = Math.floor(rangeStart / DAY_MS) + Math.floor(step.at * days);
  if (shrink) while (((day + 4) % 7 + 7) % 7 !== 6) day--;
  return day * DAY_MS + step.hour * HOUR_MS;
}

/**
 * The pools of the products asked for, sized against the demand `peakOf` measures, with the steps
 * before `end` only.
 */
export function planPools(
  products: readonly Product[],
  peakOf: (product: Product, mask: Uint8Array | null) => number,
  rangeStart: number,
  days: number,
  end: number,
): Pool[] {
  const pools: Pool[] = [];
  for (const scope of PLAN) {
    if (!products.includes(scope.product)) continue;
    const org = scope.organizationId === null ? -1 : ORG_PLAN.findIndex((o) => o.id === scope.organizationId);
    const peak = peakOf(scope.product, org < 0 ? null : subtreeMask(scope.organizationId as string));
    const steps: PoolStep[] = [];
    scope.steps.forEach((step, k) => {
      const shrink = k > 0 && step.share < scope.steps[k - 1].share;
      const time = stepTime(step, rangeStart, days, shrink);
      if (time < end) steps.push({ time, size: Math.max(1, Math.round(step.share * peak)) });
    });
    pools.push({ product: scope.product, org, name: org < 0 ? ACCOUNT_NAME : ORG_PLAN[org].name, steps });
  }
  return pools;
}

/**
 * For each product and organization index, the pools its requests may draw on, nearest first:
 * its own, its ancestors' up to the root's, then the account-wide pool.
 */
export function poolChains(pools: readonly Pool[]): Record<Product, number[][]> {
  const parent = ORG_PLAN.map((o) => ORG_PLAN.findIndex((p) => p.id === o.parentId));
  const chains: Record<Product, number[][]> = { kre: [], testcloud: [] };
  for (const product of ['kre', 'testcloud'] as const) {
    const of = (org: number): number => pools.findIndex((p) => p.product === product && p.org === org);
    const account = of(-1);
    // Index ORG_PLAN.length holds the chain of requests without an organization.
    chains[product] = [...ORG_PLAN.keys(), -1].map((start) => {
      const chain: number[] = [];
      for (let o = start; o >= 0; o = parent[o]) if (of(o) >= 0) chain.push(of(o));
      if (account >= 0) chain.push(account);
      return chain;
    });
  }
  return chains;
}
