/**
 * Every session request the generator drafted, in parallel arrays, before admission decides which
 * ones got a license: start and end times, product, organization, who and on which machine.
 */
import type { Product } from '../core/types.js';
import type { DraftBuffer } from './draft.js';
import type { Person } from './people.js';

export class Candidates {
  length = 0;
  readonly start: Float64Array;
  /** NaN: still running at the data's end. */
  readonly end: Float64Array;
  /** 1 for TestCloud. */
  readonly testCloud: Uint8Array;
  /** Index into ORG_PLAN, -1 for none. */
  readonly org: Int16Array;
  readonly person: Person[] = [];
  readonly machine: string[] = [];
  readonly licenseType: string[] = [];

  constructor(capacity: number) {
    this.start = new Float64Array(capacity);
    this.end = new Float64Array(capacity);
    this.testCloud = new Uint8Array(capacity);
    this.org = new Int16Array(capacity);
  }

  /** Appends one day's drafts in their order of start. */
  add(buffer: DraftBuffer): void {
    const order = buffer.sorted();
    for (let x = 0; x < order.length; x++) {
      const k = order[x];
      const i = this.length++;
      const person = buffer.person[k];
      this.start[i] = buffer.start[k];
      this.end[i] = buffer.end[k];
      this.testCloud[i] = buffer.product[k] === 'testcloud' ? 1 : 0;
      this.org[i] = person.org;
      this.person[i] = person;
      this.machine[i] = buffer.machine[k];
      this.licenseType[i] = buffer.licenseType[k];
    }
  }

  product(i: number): Product {
    return this.testCloud[i] ? 'testcloud' : 'kre';
  }

  /**
   * The demand's peak concurrency for a product: of the requests of the organizations in `mask`
   * (null: all), as if every one had been given a license. Running requests end at `endMs`.
   */
  peak(product: Product, mask: Uint8Array | null, endMs: number): number {
    const flag = product === 'testcloud' ? 1 : 0;
    const s = new Float64Array(this.length);
    const e = new Float64Array(this.length);
    let count = 0;
    for (let i = 0; i < this.length; i++) {
      if (this.testCloud[i] !== flag) continue;
      if (mask && (this.org[i] < 0 || mask[this.org[i]] === 0)) continue;
      s[count] = this.start[i];
      e[count++] = Number.isNaN(this.end[i]) ? endMs : this.end[i];
    }
    const starts = s.subarray(0, count).sort();
    const ends = e.subarray(0, count).sort();
    let active = 0;
    let peak = 0;
    for (let a = 0, b = 0; a < count; a++) {
      while (b < count && ends[b] <= starts[a]) {
        b++;
        active--;
      }
      if (++active > peak) peak = active;
    }
    return peak;
  }

  /**
   * Indexes in order of start, ties in the order drafted. Days are drafted in order; only requests
   * of far-east zones cross into the previous UTC day, so an insertion pass has little to move.
   */
  byStart(): Uint32Array {
    const order = new Uint32Array(this.length);
    const { start } = this;
    for (let i = 0; i < order.length; i++) {
      const t = start[i];
      let j = i - 1;
      for (; j >= 0 && start[order[j]] > t; j--) order[j + 1] = order[j];
      order[j + 1] = i;
    }
    return order;
  }
}
