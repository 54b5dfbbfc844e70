// Wall clocks from an offset table computed on the server (see time.ts). No tz data needed, so
// the browser shows exactly the times the server stored.
import type { ZoneOffset } from './time.ts';

export type WallClock = { date: string; time: string; minutes: number };

export function offsetAt(ms: number, offsets: readonly ZoneOffset[]): number {
  let offset = offsets[0]?.offsetMinutes ?? 0;
  for (const o of offsets) {
    if (o.from > ms) break;
    offset = o.offsetMinutes;
  }
  return offset;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
// Conflict reports format thousands of times on a handful of days: remember each day's date.
const dates = new Map<number, string>();
function dateOfDay(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (dates.size > 10_000) dates.clear();
    dates.set(day, date);
  }
  return date;
}

export function wallClock(ms: number, offsetMinutes: number): WallClock {
  const local = Math.floor((ms + offsetMinutes * 60_000) / 60_000);
  const day = Math.floor(local / 1440);
  const minutes = local - day * 1440;
  return { date: dateOfDay(day), time: `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`, minutes };
}

/** The wall clock of an instant in the zone described by `offsets`. */
export function wallClockIn(ms: number, offsets: readonly ZoneOffset[]): WallClock {
  return wallClock(ms, offsetAt(ms, offsets));
}

const dayMs = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));

/** The instant at which the zone's wall clock reads `date` at `minutes` past midnight. */
export function instantOfWall(date: string, minutes: number, offsets: readonly ZoneOffset[]): number {
  const asUtc = dayMs(date) + minutes * 60_000;
  // The offset depends on the instant we are looking for: guess, then correct once.
  const guess = asUtc - offsetAt(asUtc, offsets) * 60_000;
  return asUtc - offsetAt(guess, offsets) * 60_000;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const shortDays = new Map<string, string>();
/** "Fri 7 Dec" for a calendar date: the API's messages are in English. */
export function shortDay(date: string): string {
  let text = shortDays.get(date);
  if (text === undefined) {
    const d = new Date(dayMs(date));
    text = `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
    if (shortDays.size > 10_000) shortDays.clear();
    shortDays.set(date, text);
  }
  return text;
}

/** "Fri 7 Dec 08:30–09:00", or across midnight "Fri 7 Dec 23:30–Sat 8 Dec 00:30". */
export function formatInterval(start: number, end: number, offsets: readonly ZoneOffset[]): string {
  const a = wallClockIn(start, offsets);
  const b = wallClockIn(end, offsets);
  return `${shortDay(a.date)} ${a.time}–${b.date === a.date ? '' : `${shortDay(b.date)} `}${b.time}`;
}
