// calendar.ics: every published session as a VEVENT of one PUBLISH calendar in the summit's zone.
// `calendarIcs` writes a calendar whole with ical-generator; the exports and feeds assemble the same
// text from each session's VEVENT written once (ics-assembly.ts), and a test holds the two equal.
import type { ICalCalendar } from 'ical-generator';
import { addSessionEvent, icsCalendar, sessionUid } from '../calendar/calendar.service.ts';
import type { ExportSession, ProgrammeExport } from './published-programme.ts';
import { locationOf, namedByRole } from './labels.ts';

type CalendarSummit = Pick<ProgrammeExport['summit'], 'name' | 'slug' | 'timeZone' | 'venue' | 'language'>;

/** The calendar of these sessions, none added yet; `now` stands for the instants when there are none. */
export function calendarOf(summit: CalendarSummit, sessions: ExportSession[], now: number): ICalCalendar {
  const starts = sessions.map((s) => s.start);
  const ends = sessions.map((s) => s.end);
  return icsCalendar({
    name: summit.name,
    timeZone: summit.timeZone,
    covers: starts.length ? [Math.min(...starts), Math.max(...ends)] : [now, now],
  });
}

/** Adds one published session as its VEVENT; `stamp` is its DTSTAMP. */
export function addExportEvent(cal: ICalCalendar, summit: CalendarSummit, s: ExportSession, stamp: number) {
  addSessionEvent(cal, summit.timeZone, {
    uid: sessionUid(summit.slug, s.key),
    // The invitations' counter (calendar_sequences): a subscribed calendar and an invitation agree.
    sequence: s.sequence,
    stamp,
    start: s.start,
    end: s.end,
    summary: s.title,
    location: locationOf(s, summit.venue),
    description: [namedByRole(s, summit.language), s.url].filter(Boolean).join('\n\n'),
    url: s.url,
  });
}

/** `now` is the DTSTAMP of each event: when this copy was made. */
export function calendarIcs(p: ProgrammeExport, now: number): string {
  const cal = calendarOf(p.summit, p.sessions, now);
  for (const s of p.sessions) addExportEvent(cal, p.summit, s, now);
  return cal.toString();
}
