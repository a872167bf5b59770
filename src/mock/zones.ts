/**
 * Local calendars for the generator: the UTC offset of each zone on each day of the range, looked
 * up once per zone and day through Intl (a few hundred calls), so that placing a million sessions
 * in local business hours costs one addition each.
 */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** Offset of `zone` at instant `ms`, in minutes east of UTC. */
export function zoneOffsetMinutes(format: Intl.DateTimeFormat, ms: number): number {
  const parts = format.formatToParts(ms);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return Math.round((local - Math.floor(ms / 1000) * 1000) / MINUTE_MS);
}

/** Day of the week of an epoch day (days since 1970-01-01 UTC): 0 Sunday … 6 Saturday. */
export function weekday(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export class ZoneCalendar {
  readonly zones: readonly string[];
  /** First epoch day of the table. */
  readonly firstDay: number;
  readonly days: number;
  /** Offset in ms, `[zone * days + day]`. */
  private readonly offsets: Float64Array;

  constructor(zones: readonly string[], firstDay: number, days: number) {
    this.zones = zones;
    this.firstDay = firstDay;
    this.days = days;
    this.offsets = new Float64Array(zones.length * days);
    zones.forEach((zone, z) => {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      for (let d = 0; d < days; d++) {
        // The offset at local noon: DST changes happen at night, business hours keep this one.
        const noon = (firstDay + d) * DAY_MS + 12 * HOUR_MS;
        this.offsets[z * days + d] = zoneOffsetMinutes(format, noon) * MINUTE_MS;
      }
    });
  }

  /** The UTC instant of local midnight starting day `day` (an index into the table) in zone `zone`. */
  localMidnight(zone: number, day: number): number {
    return (this.firstDay + day) * DAY_MS - this.offsets[zone * this.days + day];
  }

  indexOf(zone: string): number {
    const i = this.zones.indexOf(zone);
    if (i < 0) throw new RangeError(`unknown zone ${zone}`);
    return i;
  }
}
