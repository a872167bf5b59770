/**
 * Drafts of one day's sessions in parallel arrays (no per-session objects until the day is sorted
 * by start and written out). Reused from day to day.
 */
import type { Product } from '../core/types.js';
import type { Person } from './people.js';

const PACK = 2 ** 21;

export class DraftBuffer {
  length = 0;
  start = new Float64Array(0);
  end = new Float64Array(0);
  person: Person[] = [];
  machine: string[] = [];
  product: Product[] = [];
  licenseType: string[] = [];
  ci = new Uint8Array(0);
  private order = new Uint32Array(0);

  /** Empties the buffer and makes room for `capacity` drafts. */
  reset(capacity: number): void {
    this.length = 0;
    if (this.start.length < capacity) {
      const size = Math.max(capacity, this.start.length * 2, 64);
      this.start = new Float64Array(size);
      this.end = new Float64Array(size);
      this.ci = new Uint8Array(size);
      this.order = new Uint32Array(size);
    }
  }

  push(
    start: number,
    end: number,
    person: Person,
    machine: string,
    product: Product,
    licenseType: string,
    ci: boolean,
  ): void {
    const i = this.length++;
    if (i >= this.start.length) this.grow();
    this.start[i] = start;
    this.end[i] = end;
    this.person[i] = person;
    this.machine[i] = machine;
    this.product[i] = product;
    this.licenseType[i] = licenseType;
    this.ci[i] = ci ? 1 : 0;
  }

  /**
   * Indexes of the drafts in order of start (then of insertion). Packs whole seconds and index into
   * one double and sorts natively, several times faster than a comparator over a million drafts.
   */
  sorted(): Uint32Array {
    const n = this.length;
    const order = this.order.subarray(0, n);
    const start = this.start;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      if (start[i] < min) min = start[i];
      if (start[i] > max) max = start[i];
    }
    const span = (max - min) / 1000;
    if (n < PACK && span * PACK < 2 ** 52 && start.subarray(0, n).every((t) => t % 1000 === 0)) {
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) keys[i] = ((start[i] - min) / 1000) * PACK + i;
      keys.sort();
      for (let i = 0; i < n; i++) order[i] = keys[i] % PACK;
      return order;
    }
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => start[a] - start[b] || a - b);
    return order;
  }

  private grow(): void {
    const size = this.start.length * 2 || 64;
    const copy = <T extends Float64Array | Uint8Array | Uint32Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.start = copy(this.start, new Float64Array(size));
    this.end = copy(this.end, new Float64Array(size));
    this.ci = copy(this.ci, new Uint8Array(size));
    this.order = new Uint32Array(size);
  }
}
