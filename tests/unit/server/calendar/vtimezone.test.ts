// The VTIMEZONE comes from the server's own zone data; ical.js, reading only the VTIMEZONE, must
// find the instants Temporal finds (Casablanca's Ramadan change of 2026, Berlin's summer time).
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { icsOffset, vtimezone } from '../../../../server/modules/calendar/vtimezone.ts';

const zoneFrom = (text: string) =>
  new ICAL.Timezone(
    new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${text}\r\nEND:VCALENDAR`)).getFirstSubcomponent(
      'vtimezone',
    )!,
  );

/** The instant of a wall clock in a zone, as ical.js computes it with the VTIMEZONE alone. */
function icalInstant(zone: ICAL.Timezone, wall: string): number {
  const t = ICAL.Time.fromDateTimeString(wall);
  t.zone = zone;
  return t.toUnixTime() * 1000;
}

const temporalInstant = (wall: string, zone: string) =>
  Temporal.PlainDateTime.from(wall).toZonedDateTime(zone).epochMilliseconds;

describe('vtimezone', () => {
  it('writes Casablanca around Ramadan 2026: +01, +00 from 15 February 03:00, +01 from 22 March 02:00', () => {
    const text = vtimezone('Africa/Casablanca', Date.UTC(2026, 1, 1), Date.UTC(2026, 3, 1));
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Africa/Casablanca',
      'X-LIC-LOCATION:Africa/Casablanca',
      'BEGIN:DAYLIGHT',
      'DTSTART:20250406T020000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0100',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20260215T030000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0000',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260322T020000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0100',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ]);
  });

  it('gives ical.js the same instants as Temporal before, during and after the change', () => {
    const zone = zoneFrom(vtimezone('Africa/Casablanca', Date.UTC(2026, 1, 1), Date.UTC(2026, 3, 1)));
    for (const wall of [
      '2026-02-10T09:00:00',
      '2026-02-20T09:00:00',
      '2026-03-21T23:30:00',
      '2026-03-25T09:00:00',
    ]) {
      expect([wall, icalInstant(zone, wall)]).toEqual([wall, temporalInstant(wall, 'Africa/Casablanca')]);
    }
    expect(icalInstant(zone, '2026-02-20T09:00:00')).toBe(Date.UTC(2026, 1, 20, 9));
    expect(icalInstant(zone, '2026-03-25T09:00:00')).toBe(Date.UTC(2026, 2, 25, 8));
  });

  it('marks Berlin’s summer time DAYLIGHT and its winter time STANDARD, each onset in the old offset', () => {
    const text = vtimezone('Europe/Berlin', Date.UTC(2026, 2, 1), Date.UTC(2026, 10, 1));
    expect(text).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200',
    );
    expect(text).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100',
    );
    const zone = zoneFrom(text);
    expect(icalInstant(zone, '2026-07-01T12:00:00')).toBe(Date.UTC(2026, 6, 1, 10));
  });

  it('writes a zone that never changes as one STANDARD observance', () => {
    expect(vtimezone('UTC', Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31)).split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:UTC',
      'X-LIC-LOCATION:UTC',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0000',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('writes offsets as ±hhmm, with seconds only when there are some', () => {
    expect([icsOffset(3600), icsOffset(-12_600), icsOffset(20_700), icsOffset(1_229), icsOffset(0)]).toEqual([
      '+0100',
      '-0330',
      '+0545',
      '+002029',
      '+0000',
    ]);
  });
});
