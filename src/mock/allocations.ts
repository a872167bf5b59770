/**
 * License allocations of the generated account and the pools sessions draw on. The history has an
 * account-wide pool per product with a purchase in the middle of the range, team pools (one that
 * starts inside the range at midnight UTC, one that shrinks near the end), so that `available`
 * changes over time. Sizes are shares of the real peak concurrency of the scope's sessions (a team
 * pool: its subtree's; the account pool: everyone's), so utilization looks plausible at any size
 * and under any organization filter: short before the mid-range purchase, comfortable after it.
 */
import type { Allocation, Product } from '../core/types.js';
import { ACCOUNT_NAME, ORG_PLAN } from './organizations.js';
import { isoSecond } from './sampling.js';
import { DAY_MS, HOUR_MS } from './zones.js';

interface Step {
  /** Position as a fraction of the range (0 its first day, 0.5 its middle, negative before it). */
  at: number;
  /** UTC hour of that day. */
  hour: number;
  /** Size as a share of the peak concurrency of the scope's sessions. */
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
      { at: -1.5, hour: 0, share: 0.4 },
      { at: 0.5, hour: 9.5, share: 0.55 },
    ],
  },
  {
    product: 'kre',
    organizationId: 'org-qa',
    steps: [
      { at: -1, hour: 0, share: 0.8 },
      { at: 0.9, hour: 14, share: 0.7 },
    ],
  },
  { product: 'kre', organizationId: 'org-qa-berlin', steps: [{ at: -0.5, hour: 8, share: 0.3 }] },
  { product: 'kre', organizationId: 'org-mobile', steps: [{ at: 1 / 3, hour: 0, share: 0.8 }] },
  {
    product: 'testcloud',
    organizationId: null,
    steps: [
      { at: -1.5, hour: 0, share: 0.6 },
      { at: 2 / 3, hour: 16, share: 0.8 },
    ],
  },
  { product: 'testcloud', organizationId: 'org-mobile', steps: [{ at: -0.3, hour: 0, share: 0.8 }] },
];

function stepTime(step: Step, rangeStart: number, days: number): number {
  return rangeStart + Math.floor(step.at * days) * DAY_MS + step.hour * HOUR_MS;
}

/** A team pool: sessions of `org` and below may draw on it from `from` on, named `name`. */
export interface Pool {
  org: number;
  name: string;
  from: number;
}

/**
 * For each product, for each organization index, the pools it may draw on, nearest first.
 * The account-wide pool is not listed: it is the fallback (`ACCOUNT_NAME`).
 */
export function poolTable(rangeStart: number, days: number): Record<Product, Pool[][]> {
  const table: Record<Product, Pool[][]> = {
    kre: ORG_PLAN.map(() => []),
    testcloud: ORG_PLAN.map(() => []),
  };
  const parent = ORG_PLAN.map((o) => ORG_PLAN.findIndex((p) => p.id === o.parentId));
  for (const scope of PLAN) {
    if (scope.organizationId === null) continue;
    const org = ORG_PLAN.findIndex((o) => o.id === scope.organizationId);
    const pool: Pool = { org, name: ORG_PLAN[org].name, from: stepTime(scope.steps[0], rangeStart, days) };
    ORG_PLAN.forEach((_, i) => {
      for (let a = i; a >= 0; a = parent[a]) if (a === org) table[scope.product][i].push(pool);
    });
  }
  const depth = (i: number): number => (parent[i] < 0 ? 0 : 1 + depth(parent[i]));
  for (const list of [...table.kre, ...table.testcloud]) list.sort((x, y) => depth(y.org) - depth(x.org));
  return table;
}

/** The license source of a session of `org` started at `time`: a team pool or the account. */
export function licenseSource(pools: Pool[][], org: number, time: number, useTeamPool: boolean): string {
  if (org < 0 || !useTeamPool) return ACCOUNT_NAME;
  for (const pool of pools[org]) if (pool.from <= time) return pool.name;
  return ACCOUNT_NAME;
}

/** The allocation records, sorted by `effectiveFrom`, sized against the peaks `peakOf` measures. */
export function allocations(
  products: readonly Product[],
  peakOf: (product: Product, organizationId: string | null) => number,
  rangeStart: number,
  days: number,
  end: number,
): Allocation[] {
  const list: Array<Allocation & { time: number }> = [];
  for (const scope of PLAN) {
    if (!products.includes(scope.product)) continue;
    const peak = peakOf(scope.product, scope.organizationId);
    for (const step of scope.steps) {
      const time = stepTime(step, rangeStart, days);
      if (time >= end) continue;
      list.push({
        product: scope.product,
        organizationId: scope.organizationId,
        effectiveFrom: isoSecond(time),
        sessions: Math.max(1, Math.round(step.share * peak)),
        time,
      });
    }
  }
  list.sort((a, b) => a.time - b.time);
  return list.map(({ time: _time, ...allocation }) => allocation);
}
