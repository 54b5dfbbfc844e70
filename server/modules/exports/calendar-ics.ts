// calendar.ics: every published session as a VEVENT of one PUBLISH calendar in the summit's zone.
import { addSessionEvent, icsCalendar, sessionUid } from '../calendar/calendar.service.ts';
import type { ProgrammeExport } from './published-programme.ts';
import { locationOf, namedByRole } from './labels.ts';

/** `now` is the DTSTAMP of each event: when this copy was made. */
export function calendarIcs(p: ProgrammeExport, now: number): string {
  const { summit } = p;
  const starts = p.sessions.map((s) => s.start);
  const ends = p.sessions.map((s) => s.end);
  const cal = icsCalendar({
    name: summit.name,
    timeZone: summit.timeZone,
    covers: starts.length ? [Math.min(...starts), Math.max(...ends)] : [now, now],
  });
  for (const s of p.sessions) {
    const who = namedByRole(s);
    addSessionEvent(cal, summit.timeZone, {
      uid: sessionUid(summit.slug, s.key),
      // No change counter yet (issue 12, item 1 adds one): every session is at its first version.
      sequence: 0,
      stamp: now,
      start: s.start,
      end: s.end,
      summary: s.title,
      location: locationOf(s, summit.venue),
      description: [who, s.url].filter(Boolean).join('\n\n'),
      url: s.url,
    });
  }
  return cal.toString();
}
