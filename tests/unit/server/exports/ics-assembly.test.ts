// The calendars the exports and feeds serve are assembled from each session's VEVENT written once
// (programme-cache.ts): the text must be the very one ical-generator writes for the whole calendar,
// whatever the titles (folding, escaping, Arabic, Chinese), the selection and the instant stamped.
import { describe, expect, it } from 'vitest';
import { calendarIcs } from '../../../../server/modules/exports/calendar-ics.ts';
import { assembleCalendar, stamped } from '../../../../server/modules/exports/programme-cache.ts';
import type { ProgrammeExport } from '../../../../server/modules/exports/published-programme.ts';

const start = Date.UTC(2019, 4, 6, 9, 0); // during Ramadan: Casablanca on +00:00 that year
const room = {
  key: 'r',
  name: 'Salle, Orangeraie',
  capacity: 10,
  building: 'B; 2',
  equipment: [],
  microphones: 0,
  changeoverMinutes: 0,
};
function programme(titles: string[]): ProgrammeExport {
  return {
    summit: {
      id: 1,
      slug: 'gfmd-2019',
      name: 'GFMD, 2019',
      theme: '',
      venue: 'Palmeira',
      timeZone: 'Africa/Casablanca',
      startDate: '2019-05-06',
      endDate: '2019-06-10',
      proposalDeadline: null,
      travelMinutes: 0,
      language: 'en',
    },
    publicUrl: 'http://convene.test',
    days: ['2019-05-06'],
    rooms: [room],
    segments: [],
    sessions: titles.map((title, i) => ({
      id: i + 1,
      key: `s${i}`,
      languages: [],
      // Sessions at different SEQUENCEs: the assembled text carries each one's.
      sequence: i,
      kind: 'meeting',
      title,
      // A month apart: the calendar's VTIMEZONE covers the end of Ramadan.
      start: start + i * 7 * 86_400_000,
      end: start + i * 7 * 86_400_000 + 3_600_000,
      room: i % 2 ? room : null,
      segment: null,
      named: [{ key: 'p', name: 'Daniela Morari', role: 'moderator', person: true }],
      url: `http://convene.test/summits/gfmd-2019/sessions/s${i}`,
    })),
  };
}

const TITLES = [
  'Plain',
  'With, commas; and semicolons',
  'Two\nlines\r\nand DTSTAMP:19700101T000000Z',
  'الهجرة والتنمية: a title long enough to be folded by ical-generator at seventy-five octets',
  '移民与发展 全球论坛 移民与发展 全球论坛 移民与发展 全球论坛',
  'END:VEVENT\nBEGIN:VEVENT',
];

describe('an assembled calendar', () => {
  it('is the calendar ical-generator writes whole, stamped with the instant given', () => {
    const p = programme(TITLES);
    const now = Date.UTC(2026, 10, 30, 3, 4, 5);
    const events = new Map<string, string>();
    expect(stamped(assembleCalendar(p.summit, p.sessions, events), now)).toBe(calendarIcs(p, now));
    // A selection, from the events already written, and an empty one.
    const some = p.sessions.filter((_, i) => i % 2);
    expect(stamped(assembleCalendar(p.summit, some, events), now + 1000)).toBe(
      calendarIcs({ ...p, sessions: some }, now + 1000),
    );
    expect(stamped(assembleCalendar(p.summit, [], events), now)).toBe(
      calendarIcs({ ...p, sessions: [] }, now),
    );
  });

  it('has an ETag that changes with what it says, not with when it is stamped', () => {
    const p = programme(TITLES);
    const a = assembleCalendar(p.summit, p.sessions);
    expect(assembleCalendar(p.summit, p.sessions).etag).toBe(a.etag);
    const moved = p.sessions.map((s, i) => (i === 2 ? { ...s, start: s.start + 60_000 } : s));
    expect(assembleCalendar(p.summit, moved).etag).not.toBe(a.etag);
  });
});
