// A VTIMEZONE built from the server's own zone data (Temporal on Node's ICU, the one source of
// truth: docs/decisions/0003), covering the instants a calendar needs. ical-generator writes none
// by itself, and a tz database package would be a second copy of the rules that could disagree
// with the times the API shows.
import { Temporal } from 'temporal-polyfill';
import { zoneOffsets } from '../../../shared/domain/time.ts';

const YEAR = 366 * 86_400_000;
const two = (n: number) => String(n).padStart(2, '0');

/** "+0100", "-0345", "+002029" (seconds only when the zone has them). */
export function icsOffset(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const s = abs % 60;
  return `${sign}${two(Math.floor(abs / 3600))}${two(Math.floor(abs / 60) % 60)}${s ? two(s) : ''}`;
}

/** The wall clock of an instant at a fixed offset, as iCalendar writes a local time: 20181028T030000. */
function localAt(ms: number, offsetSeconds: number): string {
  const t = new Date(ms + offsetSeconds * 1000).toISOString(); // 2018-10-28T03:00:00.000Z
  return `${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}T${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 19)}`;
}

type Observance = { onset: number; from: number; to: number };

/** Each offset change over [fromMs, toMs], led by the change that put the first offset in force. */
export function observances(timeZone: string, fromMs: number, toMs: number): Observance[] {
  const offsets = zoneOffsets(timeZone, fromMs, toMs).map((o) => ({ ...o, seconds: o.offsetMinutes * 60 }));
  const first = offsets[0]!;
  const previous = Temporal.Instant.fromEpochMilliseconds(fromMs)
    .toZonedDateTimeISO(timeZone)
    .getTimeZoneTransition('previous');
  const before = previous
    ? {
        onset: previous.epochMilliseconds,
        from: previous.subtract({ nanoseconds: 1 }).offsetNanoseconds / 1e9,
      }
    : { onset: Date.UTC(1970, 0, 1), from: first.seconds };
  const out: Observance[] = [{ onset: before.onset, from: before.from, to: first.seconds }];
  for (let i = 1; i < offsets.length; i++) {
    out.push({ onset: offsets[i]!.from, from: offsets[i - 1]!.seconds, to: offsets[i]!.seconds });
  }
  return out;
}

/**
 * The VTIMEZONE of `timeZone` over [fromMs, toMs] (a year either side is looked at to tell the
 * zone's standard offset, its smallest there, from its daylight-saving one). Each observance's
 * DTSTART is the wall clock just before the change, as RFC 5545 reads it (with TZOFFSETFROM).
 */
export function vtimezone(timeZone: string, fromMs: number, toMs: number): string {
  const all = zoneOffsets(timeZone, fromMs - YEAR, toMs + YEAR);
  const standard = Math.min(...all.map((o) => o.offsetMinutes * 60));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  for (const o of observances(timeZone, fromMs, toMs)) {
    const kind = o.to === standard ? 'STANDARD' : 'DAYLIGHT';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localAt(o.onset, o.from)}`,
      `TZOFFSETFROM:${icsOffset(o.from)}`,
      `TZOFFSETTO:${icsOffset(o.to)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
