/**
 * Who got a license. The requests are replayed in order of start against the pools: a request
 * draws a license from the nearest pool with one free, starting at its own organization and going
 * up to the account's pool, and holds it until it ends; a request that finds every pool it may draw
 * on full is refused (a denial). So no pool is ever over its size, the account's peak never passes
 * its licenses, and denials appear where demand outgrows a pool.
 *
 * A pool that grows does so at its step's instant. A pool that shrinks below the licenses in use
 * takes no new requests from its step's instant on, and its new size takes effect (the allocation
 * record's `effectiveFrom`) at the first instant the licenses in use fit it: licenses in use are
 * never taken back.
 */
import type { Allocation, Product } from '../core/types.js';
import { ORG_PLAN } from './organizations.js';
import type { Candidates } from './candidates.js';
import { poolChains, type Pool } from './allocations.js';
import { isoSecond } from './sampling.js';

export interface Admission {
  /** Candidate indexes given a license, in order of start. */
  admitted: Uint32Array;
  /** The pool each admitted request drew on (index into the pools). */
  admittedPool: Uint16Array;
  /** Candidate indexes refused, in order of start. */
  refused: Uint32Array;
  /** For each refused request, the nearest pool it asked (its license source), -1 for none. */
  refusedPool: Int16Array;
  /** The allocation records, in order of `effectiveFrom`. */
  allocations: Allocation[];
}

/** A binary min-heap of license releases: end time and pool, parallel arrays. */
class Releases {
  private time = new Float64Array(1024);
  private pool = new Uint16Array(1024);
  size = 0;

  get next(): number {
    return this.size ? this.time[0] : Infinity;
  }
  get nextPool(): number {
    return this.pool[0];
  }

  push(time: number, pool: number): void {
    if (this.size === this.time.length) {
      const t = new Float64Array(this.size * 2);
      const p = new Uint16Array(this.size * 2);
      t.set(this.time);
      p.set(this.pool);
      this.time = t;
      this.pool = p;
    }
    let k = this.size++;
    while (k > 0) {
      const up = (k - 1) >> 1;
      if (this.time[up] <= time) break;
      this.time[k] = this.time[up];
      this.pool[k] = this.pool[up];
      k = up;
    }
    this.time[k] = time;
    this.pool[k] = pool;
  }

  pop(): void {
    const time = this.time[--this.size];
    const pool = this.pool[this.size];
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.time[child + 1] < this.time[child]) child++;
      if (this.time[child] >= time) break;
      this.time[k] = this.time[child];
      this.pool[k] = this.pool[child];
      k = child;
    }
    this.time[k] = time;
    this.pool[k] = pool;
  }
}

interface PoolState {
  size: number;
  used: number;
  /** A shrink waiting for the licenses in use to fit: the size it shrinks to, or -1. */
  pending: number;
  nextStep: number;
}

export function admit(candidates: Candidates, pools: readonly Pool[], endMs: number): Admission {
  const chains = poolChains(pools);
  const state: PoolState[] = pools.map(() => ({ size: 0, used: 0, pending: -1, nextStep: 0 }));
  const records: Array<Allocation & { time: number }> = [];
  const record = (p: number, time: number, size: number): void => {
    const pool = pools[p];
    state[p].size = size;
    records.push({
      product: pool.product,
      organizationId: pool.org < 0 ? null : ORG_PLAN[pool.org].id,
      effectiveFrom: isoSecond(time),
      sessions: size,
      time,
    });
  };
  const releases = new Releases();

  /** Applies, in time order, every release and allocation step at or before `t`. */
  const advance = (t: number): void => {
    for (;;) {
      let stepPool = -1;
      let stepTime = Infinity;
      pools.forEach((pool, p) => {
        const step = pool.steps[state[p].nextStep];
        if (step && step.time < stepTime) {
          stepTime = step.time;
          stepPool = p;
        }
      });
      const releaseTime = releases.next;
      if (releaseTime > t && stepTime > t) return;
      if (releaseTime <= stepTime) {
        const p = releases.nextPool;
        releases.pop();
        const s = state[p];
        s.used--;
        if (s.pending >= 0 && s.used <= s.pending) {
          record(p, releaseTime, s.pending);
          s.pending = -1;
        }
        continue;
      }
      const s = state[stepPool];
      const size = pools[stepPool].steps[s.nextStep++].size;
      if (size >= s.size || s.used <= size) {
        s.pending = -1;
        record(stepPool, stepTime, size);
      } else {
        s.pending = size;
      }
    }
  };

  const order = candidates.byStart();
  const admitted = new Uint32Array(order.length);
  const admittedPool = new Uint16Array(order.length);
  const refused = new Uint32Array(order.length);
  const refusedPool = new Int16Array(order.length);
  let a = 0;
  let r = 0;
  for (let x = 0; x < order.length; x++) {
    const i = order[x];
    const start = candidates.start[i];
    advance(start);
    const org = candidates.org[i];
    const chain = chains[candidates.product(i) as Product][org < 0 ? ORG_PLAN.length : org];
    let taken = -1;
    for (const p of chain) {
      const s = state[p];
      if (s.used < (s.pending >= 0 ? s.pending : s.size)) {
        taken = p;
        break;
      }
    }
    if (taken < 0) {
      refused[r] = i;
      // The license source of a refused request: the nearest pool that holds licenses now.
      refusedPool[r++] = chain.find((p) => state[p].size > 0) ?? chain[chain.length - 1] ?? -1;
      continue;
    }
    state[taken].used++;
    const end = candidates.end[i];
    if (!Number.isNaN(end)) releases.push(end, taken);
    admitted[a] = i;
    admittedPool[a++] = taken;
  }
  advance(endMs - 1);
  records.sort((x, y) => x.time - y.time);
  return {
    admitted: admitted.slice(0, a),
    admittedPool: admittedPool.slice(0, a),
    refused: refused.slice(0, r),
    refusedPool: refusedPool.slice(0, r),
    allocations: records.map(({ time: _time, ...allocation }) => allocation),
  };
}
