// Wall-clock ↔ instant conversion for a summit's IANA zone. This module, run on the server with
// Node's ICU, is the single source of truth for the summit's zone: the browser never converts a
// summit wall clock with its own tz data (Chromium's and Node's disagree for some zones, e.g.
// Africa/Casablanca in December 2026); it receives times already formatted with their offset and
// the zone's offset table (zoneOffsets) for anything it computes itself.
import { Temporal } from 'temporal-polyfill';

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A file/API time: with Z or an offset it is an instant; without, a wall clock in `timeZone`. */
export function parseTime(text: string, timeZone: string): number | null {
  const m = ISO_TIME.exec(text);
  if (!m) return null;
  try {
    if (m[3]) return Temporal.Instant.from(text.toUpperCase()).epochMilliseconds;
    return Temporal.PlainDateTime.from(`${m[1]}T${m[2]}`).toZonedDateTime(timeZone, {
      disambiguation: 'compatible',
    }).epochMilliseconds;
  } catch {
    return null;
  }
}

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

// Offset tables per zone, a year either side of the last time asked for: formatting a day of 500
// sessions then costs a binary search each instead of a Temporal conversion.
const offsetCache = new Map<string, { from: number; to: number; offsets: ZoneOffset[] }>();
const YEAR = 366 * 86_400_000;

export function offsetMinutesAt(ms: number, timeZone: string): number {
  let cached = offsetCache.get(timeZone);
  if (!cached || ms < cached.from || ms > cached.to) {
    cached = { from: ms - YEAR, to: ms + YEAR, offsets: zoneOffsets(timeZone, ms - YEAR, ms + YEAR) };
    offsetCache.set(timeZone, cached);
  }
  const { offsets } = cached;
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]!.from <= ms) lo = mid;
    else hi = mid - 1;
  }
  return offsets[lo]!.offsetMinutes;
}

const two = (n: number) => String(n).padStart(2, '0');

/** Formats an instant as the summit's wall clock with its offset: "2018-12-07T08:30+01:00". */
export function formatTime(ms: number, timeZone: string): string {
  const offset = offsetMinutesAt(ms, timeZone);
  if (!Number.isInteger(offset)) {
    // Local mean times of the 19th century have offsets in seconds: let Temporal write those.
    return Temporal.Instant.fromEpochMilliseconds(ms)
      .toZonedDateTimeISO(timeZone)
      .toString({ timeZoneName: 'never' });
  }
  const wall = new Date(ms + offset * 60_000).toISOString(); // 2018-12-07T08:30:20.500Z
  const seconds = wall.slice(17, 23) === '00.000' ? '' : `:${wall.slice(17, 23).replace(/\.?0+$/, '')}`;
  const sign = offset < 0 ? '-' : '+';
  return `${wall.slice(0, 16)}${seconds}${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
}

/** The calendar date of an instant in a zone: "2018-12-07". */
export function localDate(ms: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** [start, end) of a calendar day in a zone, as instants. */
export function dayBounds(date: string, timeZone: string): [number, number] {
  const day = Temporal.PlainDate.from(date);
  const start = day.toZonedDateTime({ timeZone }).epochMilliseconds;
  const end = day.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
  return [start, end];
}

/** Every date from `start` to `end`, inclusive. */
export function datesBetween(start: string, end: string): string[] {
  const out: string[] = [];
  let d = Temporal.PlainDate.from(start);
  const last = Temporal.PlainDate.from(end);
  while (Temporal.PlainDate.compare(d, last) <= 0 && out.length < 366) {
    out.push(d.toString());
    d = d.add({ days: 1 });
  }
  return out;
}

export type ZoneOffset = { from: number; offsetMinutes: number };

/** The zone's UTC offsets in force over [fromMs, toMs]: the first entry covers fromMs. */
export function zoneOffsets(timeZone: string, fromMs: number, toMs: number): ZoneOffset[] {
  let zdt = Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(timeZone);
  const out: ZoneOffset[] = [{ from: fromMs, offsetMinutes: zdt.offsetNanoseconds / 60e9 }];
  for (;;) {
    const next = zdt.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds > toMs) return out;
    out.push({ from: next.epochMilliseconds, offsetMinutes: next.offsetNanoseconds / 60e9 });
    zdt = next;
  }
}
