// Times of a proposal as the API gives them (in the summit's zone, with its offset), in words, in
// the summit's zone: one clock format (24 hours) everywhere.
import { formatDate } from '../../lib/zone.ts';

/** "Friday 28 September 2018, 23:59 (Africa/Casablanca)". */
export const summitMoment = (time: string, zone: string, locale: string): string =>
  `${formatDate(time.slice(0, 10), locale)}, ${time.slice(11, 16)} (${zone})`;

/** "Friday 7 December 2018, 08:30–09:45 (Africa/Casablanca)". */
export const summitInterval = (start: string, end: string, zone: string, locale: string): string =>
  `${formatDate(start.slice(0, 10), locale)}, ${start.slice(11, 16)}–${end.slice(11, 16)} (${zone})`;

/**
 * An instant the API gives in UTC (a comment's, a submission's) as the summit's wall clock
 * ("2018-09-20T14:05"): the browser's own zone data, as these are far from the summit's days,
 * which the server's offset table covers.
 */
export function wallClockOf(instant: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
