/**
 * How many sessions each day of the range gets: quiet weekends, one company holiday, a slow growth
 * over the range, and a last day cut short at `end`. Also the few sessions set aside for the edges
 * (begun before the range, still active at its end).
 */
import type { Random } from './random.js';
import { DAY_MS, weekday } from './zones.js';

/** Sessions reserved for the edges of the range. */
export function reservedCounts(total: number): { before: number; active: number } {
  return {
    before: total < 50 ? 0 : Math.max(1, Math.round(total / 2000)),
    active: total < 10 ? 0 : Math.max(2, Math.min(200, Math.round(total / 2500))),
  };
}

/** Splits `count` sessions over `days` days starting on epoch day `firstDay`; sums to `count`. */
export function dayBudgets(rng: Random, count: number, firstDay: number, days: number, endMs: number): Int32Array {
  const weights = new Float64Array(days);
  const holiday = days >= 14 ? Math.floor(days * 0.7) : -1;
  for (let d = 0; d < days; d++) {
    const dow = weekday(firstDay + d);
    let w = dow === 6 ? 0.12 : dow === 0 ? 0.07 : 1;
    w *= 0.85 + (0.3 * d) / Math.max(1, days - 1);
    w *= 0.9 + 0.2 * rng.next();
    if (d === holiday) w *= 0.25;
    weights[d] = w;
  }
  const lastFraction = (endMs - (firstDay + days - 1) * DAY_MS) / DAY_MS;
  weights[days - 1] *= lastFraction;
  let sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    weights[days - 1] = 1;
    sum = 1;
  }
  const budgets = new Int32Array(days);
  let acc = 0;
  let given = 0;
  for (let d = 0; d < days; d++) {
    acc += weights[d];
    const upTo = d === days - 1 ? count : Math.round((count * acc) / sum);
    budgets[d] = upTo - given;
    given = upTo;
  }
  return budgets;
}
