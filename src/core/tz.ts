/**
 * Time-zone arithmetic over `Intl` (the platform's own tz database): offsets, local calendar
 * dates to instants, and ISO 8601 strings with a zone's offset. No offset tables are kept here.
 *
 * Offsets are cached per zone in 15-minute UTC slots: every transition in the tz database since
 * 1972 falls on a quarter hour, and a slot whose two ends disagree is never cached, so a lookup
 * inside a transition slot is always answered exactly.
 */
import { ContractError, describeValue } from './errors.js';

const MINUTE = 60_000;
const SLOT = 15 * MINUTE;
const DAY = 86_400_000;
const MAX_CACHED_SLOTS = 200_000;

interface ZoneInfo {
  format: Intl.DateTimeFormat;
  slots: Map<number, number>;
}

const zones = new Map<string, ZoneInfo>();

function zoneInfo(timeZone: string): ZoneInfo {
  let info = zones.get(timeZone);
  if (!info) {
    const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    info = { format, slots: new Map() };
    zones.set(timeZone, info);
  }
  return info;
}

/** True when `timeZone` is an IANA zone name the platform knows. */
export function isTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    zoneInfo(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(timeZone: unknown, field = 'timeZone'): string {
  if (!isTimeZone(timeZone)) {
    throw new ContractError(field, `expected an IANA time zone name such as "Europe/Berlin", got ${describeValue(timeZone)}`);
  }
  return timeZone;
}

function exactOffset(info: ZoneInfo, ms: number): number {
  const parts = info.format.formatToParts(ms);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  // "GMT", "GMT+05:30", "GMT-04:56:02"
  const match = /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? 0) / 60;
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The zone's offset from UTC at the instant `ms`, in minutes (east positive). Cached per UTC day
 * when the offset holds all day (nearly always), else per 15-minute slot on transition days.
 */
export function offsetMinutes(timeZone: string, ms: number): number {
  const info = zoneInfo(timeZone);
  const dayKey = -1 - Math.floor(ms / DAY); // negative keys: whole days; others: slots
  const whole = info.slots.get(dayKey);
  if (whole !== undefined && !Number.isNaN(whole)) return whole;
  if (whole === undefined) {
    const start = (-1 - dayKey) * DAY;
    const first = exactOffset(info, start);
    const constant = first === exactOffset(info, start + DAY - 1) && first === exactOffset(info, start + DAY / 2);
    if (info.slots.size >= MAX_CACHED_SLOTS) info.slots.clear();
    info.slots.set(dayKey, constant ? first : NaN);
    if (constant) return first;
  }
  const slot = Math.floor(ms / SLOT);
  const cached = info.slots.get(slot);
  if (cached !== undefined) return cached;
  const start = slot * SLOT;
  const atStart = exactOffset(info, start);
  if (atStart !== exactOffset(info, start + SLOT - 1)) return exactOffset(info, ms);
  info.slots.set(slot, atStart);
  return atStart;
}

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a calendar date `YYYY-MM-DD`, or returns null when it is not a real date. */
export function parseCivilDate(text: unknown): CivilDate | null {
  if (typeof text !== 'string') return null;
  const match = DATE_RE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function formatCivilDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian). */
export function civilToDays(date: CivilDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY);
}

export function daysToCivil(days: number): CivilDate {
  const d = new Date(days * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The instant at which the local wall-clock time `days` (since epoch) + `minuteOfDay` occurs in
 * `timeZone`. A wall time skipped by a DST gap resolves to the instant the gap ends at (local
 * midnight on a day that starts at 01:00 is 01:00); a repeated wall time resolves to its first
 * occurrence. This is the "compatible" disambiguation of Temporal and RFC 5545.
 */
export function localToInstant(timeZone: string, days: number, minuteOfDay = 0): number {
  const wall = days * DAY + minuteOfDay * MINUTE;
  const before = offsetMinutes(timeZone, wall - DAY);
  const after = offsetMinutes(timeZone, wall + DAY);
  const first = wall - before * MINUTE;
  const second = wall - after * MINUTE;
  const firstValid = offsetMinutes(timeZone, first) === before;
  const secondValid = offsetMinutes(timeZone, second) === after;
  if (firstValid && secondValid) return Math.min(first, second);
  if (firstValid) return first;
  if (secondValid) return second;
  // A gap: shift forward by its length, i.e. read the wall time with the offset before the gap.
  return first;
}

/**
 * Whether the local wall-clock time of the instant `ms` happens twice in `timeZone` (the hour a
 * fall-back change repeats): then the wall time alone does not say which instant is meant, and
 * a label must add the offset or the zone's abbreviation.
 */
export function isRepeatedWallTime(timeZone: string, ms: number): boolean {
  const own = offsetMinutes(timeZone, ms);
  for (const probe of [ms - 6 * 3_600_000, ms + 6 * 3_600_000]) {
    const other = offsetMinutes(timeZone, probe);
    if (other === own) continue;
    // The instant with the other offset and the same wall clock, if it exists.
    const twin = ms + (own - other) * MINUTE;
    if (twin !== ms && offsetMinutes(timeZone, twin) === other) return true;
  }
  return false;
}

/** The local calendar day (days since epoch) that the instant `ms` falls on in `timeZone`. */
export function localDays(timeZone: string, ms: number): number {
  return Math.floor((ms + offsetMinutes(timeZone, ms) * MINUTE) / DAY);
}

/** Local wall-clock fields of an instant in a zone: the one home of local-calendar reads. */
export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Days since epoch of the local date. */
  days: number;
  /** 0 Monday ... 6 Sunday (ISO). */
  weekday: number;
}

/** The wall clock of the instant `ms` in `timeZone` (core's cached offsets: no Intl call per read). */
export function wallClock(timeZone: string, ms: number): WallClock {
  const wall = ms + offsetMinutes(timeZone, ms) * MINUTE;
  const days = Math.floor(wall / DAY);
  const d = new Date(days * DAY);
  const inDay = wall - days * DAY;
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: Math.floor(inDay / 3_600_000),
    minute: Math.floor(inDay / MINUTE) % 60,
    days,
    weekday: isoWeekday(days),
  };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const whole = Math.floor(abs);
  const seconds = Math.round((abs - whole) * 60);
  const base = `${sign}${pad2(Math.floor(whole / 60))}:${pad2(whole % 60)}`;
  return seconds ? `${base}:${pad2(seconds)}` : base;
}

const offsetText = new Map<number, string>();
const dayText = new Map<number, string>();
const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** `YYYY-MM-DDT` of a day count since epoch, cached (exports format the same days many times). */
function datePrefix(days: number): string {
  let text = dayText.get(days);
  if (text === undefined) {
    text = `${new Date(days * DAY).toISOString().slice(0, 10)}T`;
    if (dayText.size > 100_000) dayText.clear();
    dayText.set(days, text);
  }
  return text;
}

/**
 * ISO 8601 with the zone's offset at that instant: `2026-10-30T09:00:00+01:00`. Milliseconds are
 * written only when the instant has them, so no instant is ever rounded.
 */
export function formatInstant(ms: number, timeZone: string): string {
  const offset = offsetMinutes(timeZone, ms);
  let suffix = offsetText.get(offset);
  if (suffix === undefined) {
    suffix = formatOffset(offset);
    offsetText.set(offset, suffix);
  }
  const local = ms + offset * MINUTE;
  const days = Math.floor(local / DAY);
  const inDay = local - days * DAY;
  const secs = Math.floor(inDay / 1000);
  const millis = inDay - secs * 1000;
  const time = `${TWO[Math.floor(secs / 3600)]}:${TWO[Math.floor(secs / 60) % 60]}:${TWO[secs % 60]}`;
  const fraction = millis === 0 ? '' : `.${String(Math.round(millis)).padStart(3, '0')}`;
  return datePrefix(days) + time + fraction + suffix;
}

/** ISO 8601 in UTC, without milliseconds when there are none: `2026-10-31T10:15:00Z`. */
export function formatUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;


/** Two decimal digits at `i`, or -1000 when either is not a digit. */
function pair(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >>> 0 <= 9 && b >>> 0 <= 9 ? a * 10 + b : -1000;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1];
}

/** `YYYY-MM-DDTHH:MM:SSZ` without a regex or Date.parse: the form nearly every record uses. */
function parseUtcSeconds(text: string): number {
  if (text.length !== 20 || text.charCodeAt(19) !== 90 /* Z */ || text.charCodeAt(10) !== 84 /* T */) return NaN;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NaN;
  const century = pair(text, 0);
  const year = century * 100 + pair(text, 2);
  const month = pair(text, 5);
  const day = pair(text, 8);
  const hour = pair(text, 11);
  const minute = pair(text, 14);
  const second = pair(text, 17);
  if (!(century >= 0 && year >= 0 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return NaN;
  if (day > daysInMonth(year, month)) return NaN;
  return (daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second) * 1000;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Whether the date and hour of an `INSTANT_RE` match are real: `Date.parse` silently rolls
 * 2026-02-30 over to March 2 and reads hour 24 as the next day's midnight.
 */
function realDateAndHour(text: string): boolean {
  const month = pair(text, 5);
  const day = pair(text, 8);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(text.slice(0, 4)), month) && pair(text, 11) <= 23;
}

/** Parses an ISO 8601 instant (with `Z` or an offset); NaN when it is not one. */
export function parseInstant(text: unknown): number {
  if (typeof text !== 'string') return NaN;
  const fast = parseUtcSeconds(text);
  if (!Number.isNaN(fast)) return fast;
  return INSTANT_RE.test(text) && realDateAndHour(text) ? Date.parse(text) : NaN;
}

/** Local weekday of a day count since epoch: 0 Monday ... 6 Sunday (ISO). */
export function isoWeekday(days: number): number {
  // 1970-01-01 was a Thursday (ISO 3).
  return (((days + 3) % 7) + 7) % 7;
}
