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

/** The zone's offset from UTC at the instant `ms`, in minutes (east positive). */
export function offsetMinutes(timeZone: string, ms: number): number {
  const info = zoneInfo(timeZone);
  const slot = Math.floor(ms / SLOT);
  const cached = info.slots.get(slot);
  if (cached !== undefined) return cached;
  const start = slot * SLOT;
  const atStart = exactOffset(info, start);
  if (atStart !== exactOffset(info, start + SLOT - 1)) return exactOffset(info, ms);
  if (info.slots.size >= MAX_CACHED_SLOTS) info.slots.clear();
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

/** The local calendar day (days since epoch) that the instant `ms` falls on in `timeZone`. */
export function localDays(timeZone: string, ms: number): number {
  return Math.floor((ms + offsetMinutes(timeZone, ms) * MINUTE) / DAY);
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
  const iso = new Date(ms + offset * MINUTE).toISOString(); // 2026-10-30T09:00:00.000Z
  const millis = ms % 1000 === 0 ? '' : iso.slice(19, 23);
  return iso.slice(0, 19) + millis + suffix;
}

/** ISO 8601 in UTC, without milliseconds when there are none: `2026-10-31T10:15:00Z`. */
export function formatUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Parses an ISO 8601 instant (with `Z` or an offset); NaN when it is not one. */
export function parseInstant(text: unknown): number {
  if (typeof text !== 'string' || !INSTANT_RE.test(text)) return NaN;
  return Date.parse(text);
}

/** Local weekday of a day count since epoch: 0 Monday ... 6 Sunday (ISO). */
export function isoWeekday(days: number): number {
  // 1970-01-01 was a Thursday (ISO 3).
  return (((days + 3) % 7) + 7) % 7;
}
