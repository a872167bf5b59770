/**
 * The planner's table views: the coverage as a row per level, and the peaks as a row per weekday
 * and hour. Loaded on demand, with the first "Show as table" (src/shared/on-demand.ts).
 */
import { formatDecimal, formatInteger, formatSeconds, formatShare } from '../shared/format.js';
import { str } from '../shared/strings.js';
import { renderDataTable } from '../shared/table.js';
import type { LevelShare } from './coverage.js';
import { LEGEND } from './coverage-view.js';
import type { HeatCell } from './when.js';

/** A row per level, the time at it and the share at or below. */
export const renderCoverageTable = (shares: readonly LevelShare[], locale: string, caption: string) =>
  renderDataTable({
    id: 'coverage-caption',
    caption,
    head: [str('licensesInUse'), str(LEGEND[0]), str(LEGEND[1])],
    rows: shares.map((s) => [
      formatInteger(locale, s.level),
      `${formatSeconds(locale, s.seconds)} (${formatShare(locale, s.share)})`,
      formatShare(locale, s.cumulative),
    ]),
  });

/** A row per weekday and hour with both numbers (Monday 00:00 first). */
export const renderHoursTable = (cells: readonly HeatCell[], locale: string, caption: string) =>
  renderDataTable({
    id: 'hours-caption',
    caption,
    head: [str('intervalDay'), str('intervalHour'), str('peakUsage'), str('averagePeak')],
    rows: cells.map((c) => [c.day, c.hours, formatInteger(locale, c.peak), formatDecimal(locale, c.averagePeak)]),
  });
