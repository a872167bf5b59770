/**
 * Time-axis ticks in a time zone. Buckets are calendar periods of the zone (CONTRACT 4), so a tick
 * is always a bucket: the first bucket of an hour, day, ISO week, month or year "group". A level
 * (unit + step) is picked per width: the finest whose labels fit. Pure: no DOM.
 */
import type { Interval } from '../core/types.js';
import { isoWeekday, wallClock, type WallClock } from '../core/tz.js';

const DAY = 86_400_000;

export type TickUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface TickLevel {
  unit: TickUnit;
  step: number;
}

/** Local wall-clock fields of an instant in a zone (core's `WallClock`). */
export type LocalFields = Pick<WallClock, 'year' | 'month' | 'day' | 'hour' | 'days' | 'weekday'>;

export function localFields(ms: number, timeZone: string): LocalFields {
  return wallClock(timeZone, ms);
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?([+-]\d{2}:?\d{2})$/;

/**
 * Local fields of a bucket boundary the service wrote with the zone's offset (CONTRACT 4): read
 * off the text itself, no time-zone lookup. Falls back to the zone (`Z`, or no offset).
 */
export function localFieldsOfIso(text: string, ms: number, timeZone: string): LocalFields {
  const m = WALL_TIME.exec(text);
  if (!m) return localFields(ms, timeZone);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const days = Math.floor(Date.UTC(year, month - 1, day) / DAY);
  return { year, month, day, hour: Number(m[4]), days, weekday: isoWeekday(days) };
}

/** The steps of each unit, finest unit first. */
const STEPS: Record<TickUnit, number[]> = { hour: [1, 2, 3, 6, 12], day: [1, 2], week: [1, 2], month: [1, 2, 3, 6], year: [1, 2, 5, 10] };
const UNITS = Object.keys(STEPS) as TickUnit[];

/** Every level, finest first. */
const LEVELS: readonly TickLevel[] = UNITS.flatMap((unit) => STEPS[unit].map((step) => ({ unit, step })));

/** The levels that can mark buckets of `interval` (no hour ticks on daily buckets). */
function levelsFor(interval: Interval): TickLevel[] {
  return LEVELS.filter((l) => UNITS.indexOf(l.unit) >= UNITS.indexOf(interval));
}

/** The number a unit's groups are counted by (changes exactly when a new group starts). */
function ordinal(unit: TickUnit, f: LocalFields): number {
  switch (unit) {
    case 'hour':
      return f.days * 24 + f.hour;
    case 'day':
      return f.days;
    case 'week':
      return Math.floor((f.days + 3) / 7);
    case 'month':
      return f.year * 12 + f.month - 1;
    case 'year':
      return f.year;
  }
}

/**
 * Whether a group of `level` that starts at `f` carries a tick: every `step`-th group counted by
 * its ordinal (the steps of hours divide 24 and those of months 12, so that is every `step`-th
 * hour of the day and month of the year); days by the day of the month, past step 1 never the
 * 30th or 31st.
 */
function aligned({ unit, step }: TickLevel, f: LocalFields): boolean {
  if (step === 1) return true;
  if (unit === 'day') return (f.day - 1) % step === 0 && f.day < 30;
  return ordinal(unit, f) % step === 0;
}

/**
 * Indexes of the buckets that start a group of `level`. The first bucket counts when it starts a
 * group (the range begins at local midnight, so it always starts an hour and a day).
 */
export function tickIndexes(fields: readonly LocalFields[], level: TickLevel): number[] {
  const out: number[] = [];
  let prev = NaN;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    const o = ordinal(level.unit, f);
    if (o !== prev) {
      const startsGroup = i > 0 || startsUnit(level.unit, f);
      if (startsGroup && aligned(level, f)) out.push(i);
    }
    prev = o;
  }
  return out;
}

function startsUnit(unit: TickUnit, f: LocalFields): boolean {
  switch (unit) {
    case 'hour':
    case 'day':
      return true;
    case 'week':
      return f.weekday === 0;
    case 'month':
      return f.day === 1;
    case 'year':
      return f.month === 1 && f.day === 1;
  }
}

export interface TickChoice {
  level: TickLevel;
  indexes: number[];
}

/**
 * The finest level whose ticks are at least `minSpacing(level)` pixels apart on average, given the
 * pixel positions of the buckets. Falls back to the coarsest level that has any tick.
 */
export function chooseTicks(
  fields: readonly LocalFields[],
  interval: Interval,
  width: number,
  minSpacing: (level: TickLevel) => number,
): TickChoice {
  const levels = levelsFor(interval);
  let fallback: TickChoice = { level: levels[levels.length - 1], indexes: [] };
  for (const level of levels) {
    const indexes = tickIndexes(fields, level);
    if (indexes.length === 0) continue;
    if (indexes.length * minSpacing(level) <= width) return { level, indexes };
    fallback = { level, indexes };
  }
  return fallback;
}

/** Drops ticks closer than `gap` pixels to the one kept before them (irregular groups, DST). */
export function thinTicks(positions: readonly number[], gap: number): number[] {
  const keep: number[] = [];
  let last = -Infinity;
  positions.forEach((x, i) => {
    if (x - last >= gap) {
      keep.push(i);
      last = x;
    }
  });
  return keep;
}
