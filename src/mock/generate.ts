/**
 * `generateDataset`: a seeded, realistic dataset in the format of CONTRACT section 5. Same options,
 * same data: nothing reads the clock or `Math.random` when `end` is given.
 *
 * Sessions follow working hours in each person's zone, quiet weekends and a holiday, a slow growth
 * over the range, bursts of parallel CI runs, back-to-back chains on one machine, long sessions
 * left open, sessions that began before the range and sessions still active at `end`.
 */
import type { Dataset, Product } from '../core/types.js';
import { allocations, poolTable } from './allocations.js';
import { DraftBuffer } from './draft.js';
import { organizations } from './organizations.js';
import { createPeople, pickPerson, plannedZones, type People, type Person } from './people.js';
import { Random, hashSeed } from './random.js';
import { SessionWriter } from './writer.js';
import { ciHour, duration, licenseType, pickProduct, TESTCLOUD_MACHINES, toSecond, workHour } from './sampling.js';
import { dayBudgets, reservedCounts } from './schedule.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, ZoneCalendar } from './zones.js';

export interface GenerateOptions {
  /** Default 1. */
  seed?: number | string;
  /** Number of sessions, default 20 000. */
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
  const pools = poolTable(rangeStart, days);
  const reserved = reservedCounts(total);
  const budgets = dayBudgets(rng, total - reserved.active - reserved.before, firstDay, days, endMs);

  const out = new SessionWriter(total, endMs, hashSeed(seed), people, rng, pools);
  const buffer = new DraftBuffer();
  const ctx: DayContext = { rng, people, calendar, products, share, endMs, buffer };
  for (let d = 0; d < days; d++) {
    buffer.reset(budgets[d] + reserved.before + reserved.active);
    if (d === 0) addBeforeRange(ctx, reserved.before, rangeStart);
    fillDay(ctx, d, budgets[d]);
    if (d === days - 1) addActive(ctx, reserved.active);
    out.write(buffer);
  }
  // Before sorting: sorting moves sessions and their start times only.
  const allocationList = allocations(products, (product, org) => out.peak(product, org), rangeStart, days, endMs);
  return {
    organizations: organizations(),
    allocations: allocationList,
    sessions: out.sortedSessions(),
  };
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
