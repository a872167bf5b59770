/**
 * Turns each day's sorted drafts into session records (shared user objects, flat strings), places
 * the hostile users at spread-out positions, and keeps start and end times per session to size
 * the allocations against real peaks.
 */
import type { Product, SessionRecord } from '../core/types.js';
import { licenseSource, type Pool } from './allocations.js';
import type { DraftBuffer } from './draft.js';
import { IsoFormatter, sessionId } from './format.js';
import { ORG_PLAN, subtreeMask } from './organizations.js';
import type { People } from './people.js';
import type { Random } from './random.js';

const ORG_IDS = ORG_PLAN.map((o) => o.id);

export class SessionWriter {
  readonly sessions: SessionRecord[] = [];
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly isTestCloud: Uint8Array;
  /** Organization index per session, -1 for none. */
  private readonly orgs: Int16Array;
  private readonly hostileAt: number[];
  private nextHostile = 0;
  private readonly startFormat = new IsoFormatter();
  private readonly endFormat = new IsoFormatter();

  constructor(
    total: number,
    private readonly endMs: number,
    private readonly idSalt: number,
    private readonly people: People,
    private readonly rng: Random,
    private readonly pools: Record<Product, Pool[][]>,
  ) {
    this.starts = new Float64Array(total);
    this.ends = new Float64Array(total);
    this.isTestCloud = new Uint8Array(total);
    this.orgs = new Int16Array(total);
    const h = people.hostile.length;
    this.hostileAt = Array.from({ length: Math.min(h, total) }, (_, j) => (total >= h ? Math.floor(((j + 0.5) * total) / h) : j));
  }

  write(buffer: DraftBuffer): void {
    const order = buffer.sorted();
    for (let x = 0; x < order.length; x++) {
      const k = order[x];
      const i = this.sessions.length;
      let person = buffer.person[k];
      let machine = buffer.machine[k];
      if (this.hostileAt[this.nextHostile] === i) {
        person = this.people.hostile[this.nextHostile++];
        machine = person.machines[0];
      }
      const product = buffer.product[k];
      const start = buffer.start[k];
      const end = buffer.end[k];
      const org = person.org;
      this.sessions.push({
        // A bijection of i on 32 bits: unique ids that look random.
        sessionId: sessionId((Math.imul(i, 0x9e3779b1) + this.idSalt) >>> 0),
        product,
        user: person.user,
        machineId: machine,
        licenseSource: licenseSource(this.pools[product], org, start, buffer.ci[k] === 0 && this.rng.chance(0.8)),
        organizationId: org < 0 ? null : ORG_IDS[org],
        licenseType: buffer.licenseType[k],
        started: this.startFormat.format(start),
        ended: Number.isNaN(end) ? null : this.endFormat.format(end),
      });
      this.starts[i] = start;
      this.ends[i] = Number.isNaN(end) ? this.endMs : end;
      this.isTestCloud[i] = product === 'testcloud' ? 1 : 0;
      this.orgs[i] = org;
    }
  }

  /**
   * Peak concurrency of a product's sessions over the whole data, of one organization's subtree
   * or (null) of all. Call before `sortedSessions()`, which reorders the start times.
   */
  peak(product: Product, organizationId: string | null): number {
    const flag = product === 'testcloud' ? 1 : 0;
    const mask = organizationId === null ? null : subtreeMask(organizationId);
    const n = this.sessions.length;
    const s = new Float64Array(n);
    const e = new Float64Array(n);
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (this.isTestCloud[i] !== flag) continue;
      if (mask && (this.orgs[i] < 0 || mask[this.orgs[i]] === 0)) continue;
      s[count] = this.starts[i];
      e[count++] = this.ends[i];
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
   * The sessions in order of start. Days are written sorted; only sessions of far-east zones cross
   * into the previous UTC day, so an insertion pass has little to move.
   */
  sortedSessions(): SessionRecord[] {
    const { sessions, starts } = this;
    for (let i = 1; i < sessions.length; i++) {
      const t = starts[i];
      if (t >= starts[i - 1]) continue;
      const s = sessions[i];
      let j = i - 1;
      for (; j >= 0 && starts[j] > t; j--) {
        starts[j + 1] = starts[j];
        sessions[j + 1] = sessions[j];
      }
      starts[j + 1] = t;
      sessions[j + 1] = s;
    }
    return sessions;
  }
}
