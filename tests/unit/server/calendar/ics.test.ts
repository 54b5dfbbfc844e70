// The iCalendar building blocks: times in the summit's zone whatever the process's zone (tests run
// in Asia/Kathmandu), values escaped and folded so that no title can add a property.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  addSessionEvent,
  icsCalendar,
  icsText,
  type SessionEvent,
  sessionUid,
} from '../../../../server/modules/calendar/calendar.service.ts';

const ZONE = 'Africa/Casablanca';
const OPENING: SessionEvent = {
  uid: sessionUid('gfmd-2018', 'opening'),
  sequence: 0,
  stamp: Date.UTC(2018, 10, 30, 12),
  start: Date.UTC(2018, 11, 5, 8),
  end: Date.UTC(2018, 11, 5, 9, 30),
  summary: 'Opening of the Eleventh GFMD Summit',
  location: 'Palmeraie Plenary Hall, Conference Centre, Palmeira Resorts, Marrakesh',
  description: 'Co-chairs: Germany, Morocco.',
  url: 'http://convene.test/summits/gfmd-2018/sessions/opening',
};

function calendarWith(event: Partial<SessionEvent>, name = 'GFMD 2018 Summit') {
  const cal = icsCalendar({ name, timeZone: ZONE, covers: [OPENING.start, OPENING.end] });
  addSessionEvent(cal, ZONE, { ...OPENING, ...event });
  return cal.toString();
}

const parsed = (text: string) => new ICAL.Component(ICAL.parse(text));
const propertyNames = (c: ICAL.Component): string[] => [
  ...c.getAllProperties().map((p) => p.name),
  ...c.getAllSubcomponents().flatMap((s) => propertyNames(s)),
];

describe('a session as a VEVENT', () => {
  it('writes its times as the summit’s wall clock with TZID, whatever the process’s zone', () => {
    expect(process.env.TZ).toBe('Asia/Kathmandu');
    const lines = calendarWith({}).split('\r\n');
    expect(lines).toContain('DTSTART;TZID=Africa/Casablanca:20181205T090000');
    expect(lines).toContain('DTEND;TZID=Africa/Casablanca:20181205T103000');
    expect(lines).toContain('DTSTAMP:20181130T120000Z');
    expect(lines).toContain('UID:opening@gfmd-2018.convene');
    expect(lines).toContain('SEQUENCE:0');
    expect(lines).toContain('METHOD:PUBLISH');
  });

  it('keeps commas, semicolons, newlines, Arabic and Chinese through escaping and folding', () => {
    const summary = 'Migration, development; الهجرة والتنمية\nand 移民与发展 — '.repeat(4);
    const text = calendarWith({ summary, description: 'Line one\r\nLine two, three; four' });
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const event = parsed(text).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe(summary);
    expect(event.getFirstPropertyValue('description')).toBe('Line one\nLine two, three; four');
  });

  it('lets no title, description, location or calendar name inject a property', () => {
    const text = calendarWith(
      {
        summary: 'Briefing\r\nATTENDEE:mailto:evil@example.org',
        description: 'x\nORGANIZER:mailto:evil@example.org',
        location: 'Room\rEND:VEVENT',
      },
      'GFMD\r\nX-EVIL:1',
    );
    const cal = parsed(text);
    expect(propertyNames(cal).filter((n) => ['attendee', 'organizer', 'x-evil'].includes(n))).toEqual([]);
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(1);
    const event = cal.getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe('Briefing\nATTENDEE:mailto:evil@example.org');
    expect(event.getFirstPropertyValue('location')).toBe('Room\nEND:VEVENT');
    // ical.js does not know X-WR-CALNAME as TEXT: it hands back the value as written, escape and all.
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('GFMD\\nX-EVIL:1');
  });

  it('escapes TEXT as RFC 5545 says: backslash, semicolon, comma, and every line break as \\n', () => {
    expect(icsText('a\\b;c,d\r\ne\rf\ng')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('writes one VTIMEZONE for the summit’s zone', () => {
    const zones = parsed(calendarWith({})).getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual([ZONE]);
  });
});
