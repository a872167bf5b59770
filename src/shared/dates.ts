/**
 * Calendar dates of the filters: today in a zone, the default range and the date presets.
 */
import { civilToDays, daysToCivil, formatCivilDate, localDays, parseCivilDate } from '../core/tz.js';

export type PresetId = 'last7' | 'last30' | 'last90' | 'thisMonth' | 'lastMonth' | 'last12Months';
export const PRESETS: readonly PresetId[] = ['last7', 'last30', 'last90', 'thisMonth', 'lastMonth', 'last12Months'];

export interface DateRange {
  from: string;
  to: string;
}

/** Today's calendar date in `timeZone`, as days since epoch. */
export function todayDays(timeZone: string, now: number = Date.now()): number {
  return localDays(timeZone, now);
}

const day = (days: number) => formatCivilDate(daysToCivil(days));

/** The range of a preset, ending today (or, for last month, the month before this one). */
export function presetRange(preset: PresetId, today: number): DateRange {
  const t = daysToCivil(today);
  switch (preset) {
    case 'last7':
      return { from: day(today - 6), to: day(today) };
    case 'last30':
      return { from: day(today - 29), to: day(today) };
    case 'last90':
      return { from: day(today - 89), to: day(today) };
    case 'thisMonth':
      return { from: formatCivilDate({ ...t, day: 1 }), to: day(today) };
    case 'lastMonth': {
      const firstThis = civilToDays({ ...t, day: 1 });
      const last = daysToCivil(firstThis - 1);
      return { from: formatCivilDate({ ...last, day: 1 }), to: formatCivilDate(last) };
    }
    case 'last12Months': {
      // From the day after this date a year ago (Feb 29 falls back to Feb 28).
      const yearAgo = parseCivilDate(formatCivilDate({ ...t, year: t.year - 1 })) ?? { ...t, year: t.year - 1, day: 28 };
      return { from: day(civilToDays(yearAgo) + 1), to: day(today) };
    }
  }
}

/** The preset a range equals today, if any. */
export function matchPreset(range: DateRange, today: number): PresetId | null {
  return PRESETS.find((p) => {
    const r = presetRange(p, today);
    return r.from === range.from && r.to === range.to;
  }) ?? null;
}

/** Inclusive length of a range in days, or NaN for an invalid one. */
export function rangeLength(range: DateRange): number {
  const from = parseCivilDate(range.from);
  const to = parseCivilDate(range.to);
  if (!from || !to) return NaN;
  return civilToDays(to) - civilToDays(from) + 1;
}
