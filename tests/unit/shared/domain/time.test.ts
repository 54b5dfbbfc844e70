import { describe, expect, it } from 'vitest';
import {
  dayBounds,
  datesBetween,
  formatTime,
  isTimeZone,
  localDate,
  parseTime,
  zoneOffsets,
} from '../../../../shared/domain/time.ts';
import { wallClockIn } from '../../../../shared/domain/wall-clock.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('time', () => {
  it('runs in Asia/Kathmandu, so that a forgotten zone shows', () => {
    expect(new Date('2018-12-07T00:00:00Z').getTimezoneOffset()).toBe(-345);
  });

  it('reads a wall clock in the summit zone (Marrakesh, December 2018: +01)', () => {
    expect(iso(parseTime('2018-12-07T08:30', 'Africa/Casablanca'))).toBe('2018-12-07T07:30:00.000Z');
  });

  it('reads times with Z or an offset as instants, whatever the zone', () => {
    expect(iso(parseTime('2018-12-07T07:30Z', 'Africa/Casablanca'))).toBe('2018-12-07T07:30:00.000Z');
    expect(iso(parseTime('2018-12-07T13:15+05:45', 'Africa/Casablanca'))).toBe('2018-12-07T07:30:00.000Z');
    expect(iso(parseTime('2018-12-07T08:30:15.250+01:00', 'UTC'))).toBe('2018-12-07T07:30:15.250Z');
  });

  it('refuses impossible dates and malformed text', () => {
    expect(parseTime('2018-02-30T08:30', 'UTC')).toBeNull();
    expect(parseTime('2018-12-07 08:30', 'UTC')).toBeNull();
    expect(parseTime('2018-12-07T25:00', 'UTC')).toBeNull();
  });

  it('moves a wall clock in a spring-forward gap forward (Berlin, 29 March 2026 02:30 → 03:30 CEST)', () => {
    expect(iso(parseTime('2026-03-29T02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the earlier of two repeated wall clocks (Berlin, 25 October 2026 02:30 CEST)', () => {
    expect(iso(parseTime('2026-10-25T02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('formats with the offset so that repeated wall clocks stay distinct', () => {
    expect(formatTime(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30+02:00');
    expect(formatTime(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30+01:00');
    expect(formatTime(Date.parse('2018-12-07T07:30:20.5Z'), 'Africa/Casablanca')).toBe(
      '2018-12-07T08:30:20.5+01:00',
    );
  });

  it('formats negative, half-hour and 45-minute offsets', () => {
    expect(formatTime(Date.parse('2026-07-01T12:00:10Z'), 'America/St_Johns')).toBe(
      '2026-07-01T09:30:10-02:30',
    );
    expect(formatTime(Date.parse('2018-12-07T07:30:00Z'), 'Asia/Kathmandu')).toBe('2018-12-07T13:15+05:45');
    expect(formatTime(Date.parse('2021-01-20T12:00:00Z'), 'Europe/Brussels')).toBe('2021-01-20T13:00+01:00');
  });

  it('knows IANA names and refuses others', () => {
    expect([
      isTimeZone('Africa/Casablanca'),
      isTimeZone('Asia/Dhaka'),
      isTimeZone('Mars/Olympus'),
      isTimeZone(''),
    ]).toEqual([true, true, false, false]);
  });

  it('gives summit days and their bounds in the summit zone', () => {
    expect(datesBetween('2018-12-05', '2018-12-07')).toEqual(['2018-12-05', '2018-12-06', '2018-12-07']);
    expect(dayBounds('2018-12-07', 'Africa/Casablanca').map((t) => new Date(t).toISOString())).toEqual([
      '2018-12-06T23:00:00.000Z',
      '2018-12-07T23:00:00.000Z',
    ]);
    expect(localDate(Date.parse('2018-12-06T23:30:00Z'), 'Africa/Casablanca')).toBe('2018-12-07');
  });

  it('lists the offsets of a zone across its transitions (Berlin, 2026)', () => {
    expect(
      zoneOffsets('Europe/Berlin', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-12-31T00:00:00Z')),
    ).toEqual([
      { from: Date.parse('2026-01-01T00:00:00Z'), offsetMinutes: 60 },
      { from: Date.parse('2026-03-29T01:00:00Z'), offsetMinutes: 120 },
      { from: Date.parse('2026-10-25T01:00:00Z'), offsetMinutes: 60 },
    ]);
  });

  it('shows the wall clocks the server computed, from its offset table alone', () => {
    // The browser uses this table instead of its own tz data: Chromium's newer tzdata puts
    // Casablanca at +00 in December 2026 where Node's ICU, our source of truth, says +01.
    const from = Date.parse('2026-12-01T00:00:00Z');
    const offsets = zoneOffsets('Africa/Casablanca', from, from + 20 * 86_400_000);
    const instant = parseTime('2026-12-10T10:00', 'Africa/Casablanca')!;
    expect(iso(instant)).toBe('2026-12-10T09:00:00.000Z');
    expect(wallClockIn(instant, offsets)).toEqual({ date: '2026-12-10', time: '10:00', minutes: 600 });
    expect(formatTime(instant, 'Africa/Casablanca')).toBe('2026-12-10T10:00+01:00');
  });
});
