// Which zone times are shown in. The summit's zone uses the offsets the server computed (see
// shared/domain/time.ts: the server is the one source of truth for it); the viewer's own zone is
// the browser's business, as it is the viewer's own clock.
import { instantOfWall, wallClock, wallClockIn, type WallClock } from '../../../shared/domain/wall-clock.ts';
import type { z } from 'zod';
import type { summitViewSchema } from '../../../shared/schemas/api.ts';

type SummitView = z.output<typeof summitViewSchema>;

export type ZoneMode = 'summit' | 'local';
export type DisplayZone = {
  mode: ZoneMode;
  name: string;
  wall(ms: number): WallClock;
  /** The instant at which this zone's clock reads `minutes` past midnight of `date`. */
  instant(date: string, minutes: number): number;
};

export const viewerZoneName = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function displayZone(mode: ZoneMode, summit: Pick<SummitView, 'timeZone' | 'offsets'>): DisplayZone {
  if (mode === 'summit') {
    return {
      mode,
      name: summit.timeZone,
      wall: (ms) => wallClockIn(ms, summit.offsets),
      instant: (date, minutes) => instantOfWall(date, minutes, summit.offsets),
    };
  }
  return {
    mode,
    name: viewerZoneName(),
    wall: (ms) => wallClock(ms, -new Date(ms).getTimezoneOffset()),
    instant: (date, minutes) =>
      new Date(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), 0, minutes).getTime(),
  };
}

const dayNumber = (date: string) =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

/** Minutes from the start of `day` to the wall clock of `ms` (negative before, over 1440 after). */
export function minutesIntoDay(zone: DisplayZone, ms: number, day: string): number {
  const wall = zone.wall(ms);
  return (dayNumber(wall.date) - dayNumber(day)) * 1440 + wall.minutes;
}

export function formatMinutes(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "Friday 7 December 2018" in the reader's language, for a calendar date (no zone involved). */
export function formatDate(date: string, locale: string, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(new Date(dayNumber(date) * 86_400_000));
}
