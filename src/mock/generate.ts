/**
 * `generateDataset`: a seeded, realistic dataset in the format of CONTRACT section 5. Same options,
 * same data: nothing reads the clock or `Math.random` when `end` is given (`anchorEnd` gives a
 * demo one `end` per day).
 *
 * Session requests follow working hours in each person's zone, quiet weekends and a holiday, a
 * slow growth over the range, bursts of parallel CI runs, back-to-back chains on one machine, long
 * sessions left open, sessions that began before the range and sessions still active at `end`.
 * Each request then draws a license from the nearest pool with one free, or is refused
 * (./admission.ts): the data tells a true story of capacity.
 */
import type { Dataset, DenialRecord, Product, SessionRecord } from '../core/types.js';
import { planPools, type Pool } from './allocations.js';
import { admit, type Admission } from './admission.js';
import { Candidates } from './candidates.js';
import { DraftBuffer } from './draft.js';
import { IsoFormatter, sessionId } from './format.js';
import { ACCOUNT_NAME, ORG_PLAN, organizations } from './organizations.js';
import { createPeople, pickPerson, plannedZones, type People, type Person } from './people.js';
import { Random, hashSeed } from './random.js';
import { ciHour, duration, licenseType, pickProduct, TESTCLOUD_MACHINES, toSecond, workHour } from './sampling.js';
import { dayBudgets, reservedCounts } from './schedule.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, ZoneCalendar } from './zones.js';

export interface GenerateOptions {
  /** Default 1. */
  seed?: number | string;
  /**
   * Number of session requests, default 20 000. Most get a license and become sessions; the few
   * that find every pool they may draw on full become denials.
   */
  sessions?: number;
  /** Length of the range in days (UTC calendar days ending with `end`'s), default 90. */
  days?: number;
  /** The instant the data ends at (its "now"), ISO 8601 or Date; default the current time. */
  end?: string | Date;
  /** Products to generate, default both (mostly KRE). */
  products?: readonly Product[];
  /** Share of TestCloud activity when both products are generated, default 0.15. */
  testCloudShare?: number;
}

/**
 * The start of the UTC day of `now`: an `end` that stays the same all day, so a demo or a story
 * shows the same data on every load of one day (same seed, same day: the same dataset).
 */
export function anchorEnd(now: Date = new Date()): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

export const DEFAULT_SESSIONS = 20_000;
export const DEFAULT_DAYS = 90;

function resolveEnd(end: string | Date | undefined): number {
  const ms = end === undefined ? Date.now() : end instanceof Date ? end.getTime() : Date.parse(end);
  if (Number.isNaN(ms)) throw new RangeError(`generateDataset: end is not a valid instant: ${String(end)}`);
  return toSecond(ms);
}

function wholeNumber(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`generateDataset: ${name} must be a whole number >= ${min}`);
  return value;
}

export function generateDataset(options: GenerateOptions = {}): Dataset {
  const total = wholeNumber('sessions', options.sessions ?? DEFAULT_SESSIONS, 0);
  const days = wholeNumber('days', options.days ?? DEFAULT_DAYS, 1);
  const products: readonly Product[] = options.products?.length ? options.products : ['kre', 'testcloud'];
  const share = options.testCloudShare ?? 0.15;
  const seed = options.seed ?? 1;
  const endMs = resolveEnd(options.end);
  const firstDay = Math.floor(endMs / DAY_MS) - days + 1;
  const rangeStart = firstDay * DAY_MS;

  const rng = new Random(seed);
  // Day index d of the range is index d + 1 of the calendar: local days may lean either way of UTC.
  const calendar = new ZoneCalendar(plannedZones(), firstDay - 1, days + 2);
  const people = createPeople(rng, Math.min(400, Math.max(24, Math.round(total / 60))), calendar);
  const reserved = reservedCounts(total);
  const budgets = dayBudgets(rng, total - reserved.active - reserved.before, firstDay, days, endMs);

  const candidates = new Candidates(total);
  const buffer = new DraftBuffer();
  const ctx: DayContext = { rng, people, calendar, products, share, endMs, buffer };
  for (let d = 0; d < days; d++) {
    buffer.reset(budgets[d] + reserved.before + reserved.active);
    if (d === 0) addBeforeRange(ctx, reserved.before, rangeStart);
    fillDay(ctx, d, budgets[d]);
    if (d === days - 1) addActive(ctx, reserved.active);
    candidates.add(buffer);
  }
  const pools = planPools(products, (product, mask) => candidates.peak(product, mask, endMs), rangeStart, days, endMs);
  const admission = admit(candidates, pools, endMs);
  return {
    organizations: organizations(),
    allocations: admission.allocations,
    sessions: sessionRecords(candidates, admission, pools, people, hashSeed(seed)),
    denials: denialRecords(candidates, admission, pools, hashSeed(seed)),
  };
}

/** A bijection of i on 32 bits: unique ids that look random. */
function scramble(i: number, salt: number): number {
  return (Math.imul(i, 0x9e3779b1) + salt) >>> 0;
}

/**
 * The admitted requests as session records, in order of start. The hostile users take over
 * sessions at spread-out positions (their user and machine; the organization and license stay).
 */
function sessionRecords(c: Candidates, admission: Admission, pools: readonly Pool[], people: People, salt: number): SessionRecord[] {
  const { admitted, admittedPool } = admission;
  const n = admitted.length;
  const hostile = people.hostile;
  const hostileAt = new Map<number, Person>();
  hostile.forEach((person, j) => {
    if (j < n) hostileAt.set(n >= hostile.length ? Math.floor(((j + 0.5) * n) / hostile.length) : j, person);
  });
  const startFormat = new IsoFormatter();
  const endFormat = new IsoFormatter();
  const sessions: SessionRecord[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = admitted[k];
    const stand = hostileAt.get(k);
    const person = stand ?? c.person[i];
    const end = c.end[i];
    const org = c.org[i];
    sessions[k] = {
      sessionId: sessionId(scramble(k, salt)),
      product: c.product(i),
      user: person.user,
      machineId: stand ? stand.machines[0] : c.machine[i],
      licenseSource: pools[admittedPool[k]].name,
      organizationId: org < 0 ? null : ORG_PLAN[org].id,
      licenseType: c.licenseType[i],
      started: startFormat.format(c.start[i]),
      ended: Number.isNaN(end) ? null : endFormat.format(end),
    };
  }
  return sessions;
}

/** The refused requests as denial records, in order of time. */
function denialRecords(c: Candidates, admission: Admission, pools: readonly Pool[], salt: number): DenialRecord[] {
  const { refused, refusedPool } = admission;
  const format = new IsoFormatter();
  return Array.from(refused, (i, k): DenialRecord => {
    const org = c.org[i];
    return {
      requestId: `r-${sessionId(scramble(k, salt ^ 0x5bd1e995)).slice(2)}`,
      product: c.product(i),
      at: format.format(c.start[i]),
      user: c.person[i].user,
      machineId: c.machine[i],
      licenseSource: refusedPool[k] < 0 ? ACCOUNT_NAME : pools[refusedPool[k]].name,
      organizationId: org < 0 ? null : ORG_PLAN[org].id,
    };
  });
}

interface DayContext {
  rng: Random;
  people: People;
  calendar: ZoneCalendar;
  products: readonly Product[];
  share: number;
  endMs: number;
  buffer: DraftBuffer;
}

/** Fills one day's drafts with `budget` sessions: singles, back-to-back chains and CI bursts. */
function fillDay(ctx: DayContext, d: number, budget: number): void {
  const { rng, people, calendar, endMs } = ctx;
  let left = budget;
  while (left > 0) {
    const r = rng.next();
    const product = pickProduct(rng, ctx.products, ctx.share);
    if (r < 0.03) {
      // A CI burst: a bot starts parallel runs on distinct agents within a minute or two.
      const bot = rng.pick(people.bots);
      const at = toSecond(calendar.localMidnight(bot.zone, d + 1) + ciHour(rng) * HOUR_MS);
      if (at >= endMs) continue;
      const size = Math.min(left, 3 + rng.int(14), bot.machines.length);
      const first = rng.int(bot.machines.length);
      for (let k = 0; k < size; k++) {
        const start = at + rng.int(120) * 1000;
        const machine = product === 'testcloud' ? rng.pick(TESTCLOUD_MACHINES) : bot.machines[(first + k) % bot.machines.length];
        push(ctx, start, start + duration(rng, product, true), bot, machine, product, licenseType(rng, product, true), true);
      }
      left -= size;
      continue;
    }
    // One person, or a chain of back-to-back sessions on one machine (each starts as the last ends).
    let person = pickPerson(people, rng.next());
    let start = toSecond(calendar.localMidnight(person.zone, d + 1) + workHour(rng) * HOUR_MS);
    for (let tries = 0; start >= endMs && tries < 8; tries++) {
      person = pickPerson(people, rng.next());
      start = toSecond(calendar.localMidnight(person.zone, d + 1) + workHour(rng) * HOUR_MS);
    }
    if (start >= endMs) start = toSecond(endMs - MINUTE_MS - rng.next() * 4 * HOUR_MS);
    const machine = product === 'testcloud' ? rng.pick(TESTCLOUD_MACHINES) : rng.pick(person.machines);
    const type = licenseType(rng, product, false);
    const chain = r < 0.08 ? Math.min(left, 2 + rng.int(3)) : 1;
    for (let k = 0; k < chain && start < endMs; k++) {
      const end = start + duration(rng, product, false);
      push(ctx, start, end, person, machine, product, type, false);
      start = end;
      left--;
    }
  }
}

function push(ctx: DayContext, start: number, end: number, ...rest: DraftRest): void {
  ctx.buffer.push(start, end > ctx.endMs ? NaN : end, ...rest);
}
type DraftRest = [person: Person, machine: string, product: Product, type: string, ci: boolean];

/** Sessions that began up to 30 hours before the range and end inside it. */
function addBeforeRange(ctx: DayContext, count: number, rangeStart: number): void {
  const { rng, people } = ctx;
  for (let i = 0; i < count; i++) {
    const person = pickPerson(people, rng.next());
    const product = pickProduct(rng, ctx.products, ctx.share);
    const start = toSecond(rangeStart - HOUR_MS - rng.next() * 29 * HOUR_MS);
    const end = toSecond(rangeStart + 10 * MINUTE_MS + rng.next() * 5 * HOUR_MS);
    const machine = product === 'testcloud' ? rng.pick(TESTCLOUD_MACHINES) : rng.pick(person.machines);
    push(ctx, start, end, person, machine, product, licenseType(rng, product, false), false);
  }
}

/** Sessions started in the last three hours and still running at `end`. */
function addActive(ctx: DayContext, count: number): void {
  const { rng, people, endMs } = ctx;
  for (let i = 0; i < count; i++) {
    const person = pickPerson(people, rng.next());
    const product = pickProduct(rng, ctx.products, ctx.share);
    const start = toSecond(endMs - MINUTE_MS - rng.next() * 3 * HOUR_MS);
    const machine = product === 'testcloud' ? rng.pick(TESTCLOUD_MACHINES) : rng.pick(person.machines);
    ctx.buffer.push(start, NaN, person, machine, product, licenseType(rng, product, false), false);
  }
}
