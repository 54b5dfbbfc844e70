import { describe, expect, it } from 'vitest';
import { layoutDay } from '../../../client/src/features/programme/grid-layout.ts';
import type { DisplayZone } from '../../../client/src/lib/zone.ts';
import { wallClock } from '../../../shared/domain/wall-clock.ts';

// One hour ahead of UTC, as Casablanca was in December 2018.
const zone: DisplayZone = {
  mode: 'summit',
  name: 'Africa/Casablanca',
  wall: (ms) => wallClock(ms, 60),
  instant: (date, minutes) => Date.parse(`${date}T00:00Z`) + (minutes - 60) * 60_000,
};
const at = (time: string) => Date.parse(`2018-12-07T${time}+01:00`);
const rooms = [
  { key: 'palmeraie', name: 'Palmeraie' },
  { key: 'menara', name: 'Menara' },
  { key: 'atlas', name: 'Atlas' },
];
const sessions = [
  { key: 'a', room: 'atlas', start: at('08:00'), end: at('09:00') },
  { key: 'b', start: at('10:00'), end: at('11:30') },
];
const segments = [
  { key: 'se', title: 'Side events (breakfast)', start: at('07:30'), end: at('09:50') },
  { key: 'mp', title: 'Marketplace', start: at('07:30'), end: at('09:50') },
  {
    key: 'other-day',
    title: 'Opening',
    start: Date.parse('2018-12-05T09:00+01:00'),
    end: Date.parse('2018-12-05T10:00+01:00'),
  },
];

describe('laying out a day as rooms by time', () => {
  it('makes every room a column, rooms without a session that day too, and the unroomed last', () => {
    const layout = layoutDay('2018-12-07', sessions, rooms, zone, 'To be confirmed');
    expect(layout.columns.map((c) => c.name)).toEqual(['Palmeraie', 'Menara', 'Atlas', 'To be confirmed']);
    expect(layout.events).toEqual([
      { key: 'a', column: 2, startMinutes: 480, endMinutes: 540 },
      { key: 'b', column: 3, startMinutes: 600, endMinutes: 690 },
    ]);
  });

  it('keeps only the room filtered on, with its sessions', () => {
    const layout = layoutDay('2018-12-07', sessions, rooms, zone, 'To be confirmed', { room: 'menara' });
    expect([layout.columns, layout.events]).toEqual([[{ key: 'menara', name: 'Menara' }], []]);
  });

  it("draws the day's segments as bands, one for segments of the same window, and widens the hours to them", () => {
    const layout = layoutDay('2018-12-07', sessions, rooms, zone, 'To be confirmed', { segments });
    expect(layout.bands).toEqual([
      { key: 'se', title: 'Side events (breakfast) · Marketplace', startMinutes: 450, endMinutes: 590 },
    ]);
    expect([layout.firstMinute, layout.lastMinute]).toEqual([420, 720]);
  });
});
